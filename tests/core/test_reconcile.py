"""Reconciliation of declared report figures, on the WS-TPS-48-900A report and on clean inventories.

Known answers from shared/reference/FACTORS.md §4 (recomputed there in Python).
"""

from __future__ import annotations

import pytest

from cfp_core.analysis.explain import explain_line, stage_lines
from cfp_core.analysis.reconcile import (
    MATCH_TOLERANCE,
    reconcile_inventory,
    reconcile_stored,
    reconciliation_columns,
    reconciliation_frame,
)
from cfp_core.calculate import calculate_footprint
from cfp_core.models import ActivityLine, CustomFactor, DeclaredResult, Inventory, ReportingPeriod


@pytest.fixture(scope="module")
def ws_rec(ws_inventory, set_2024, ar5):
    return reconcile_inventory(ws_inventory, set_2024, ar5)


def only(rec, **match):
    found = [f for f in rec.findings if all(getattr(f, k) == v for k, v in match.items())]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("line_no", "printed_kwh", "recomputed", "declared", "implied"),
    [(1, "41.62", 24.0439, 24.0450, "41.62195"), (4, "54.15", 31.2825, 31.2819, "54.14904"),
     (6, "27.14", 15.6788, 15.6759, "27.13502")],
)
def test_electricity_lines_differ_by_rounding_of_the_printed_kwh(ws_rec, line_no, printed_kwh, recomputed,
                                                                  declared, implied):
    finding = only(ws_rec, kind="rounded_activity", line_no=line_no)
    assert finding.scope == "line"
    assert round(finding.recomputed, 4) == recomputed and finding.declared == declared
    assert finding.difference == pytest.approx(declared - finding.recomputed)
    assert abs(finding.params["implied"] - float(printed_kwh)) <= 0.005  # inside the printed rounding band
    assert f"{finding.params['implied']:.5f}" == implied
    english = finding.message("en")
    assert f"{printed_kwh} kWh × 0.5777 = {recomputed:.4f}" in english
    assert f"{declared:.4f}" in english and implied in english and "rounding" in english
    assert implied in finding.message("zh") and "舍入" in finding.message("zh")


def test_raw_material_band_matches_the_reference_note(ws_rec):
    finding = only(ws_rec, kind="rounded_activity", line_no=1)
    assert (round(finding.params["implied_low"], 5), round(finding.params["implied_high"], 5)) == (41.62186, 41.62204)
    assert "41.62186" in finding.message("en") and "41.62204" in finding.message("en")


def test_0_0726_is_per_mj_not_per_kg(ws_rec):
    finding = only(ws_rec, kind="unit_slip", line_no=2)
    assert round(finding.recomputed, 4) == 0.3329  # 4.5851 kg × 0.0726
    assert finding.declared == 14.2071 and finding.key == "reconcile.unit_slip.stage"
    assert finding.params["ratio"] == pytest.approx(42.652, rel=0.01)
    assert finding.params["steps"] == [["ncv", 42.652, "MJ/kg"]]
    english = finding.message("en")
    for text in ("0.0726", "per MJ, not per kg", "0.3329", "14.2071", "net calorific value 42.652 MJ/kg"):
        assert text in english
    chinese = finding.message("zh")
    assert "每MJ" in chinese and "低位发热量 42.652 MJ/kg" in chinese and "0.3329" in chinese


def test_distribution_diesel_is_a_unit_slip_against_its_line_result(ws_rec):
    finding = only(ws_rec, kind="unit_slip", line_no=5)
    assert finding.key == "reconcile.unit_slip.line"
    assert round(finding.recomputed, 4) == round(2.6561 * 0.0726, 4)
    assert finding.params["ratio"] == pytest.approx(42.652, rel=0.001)


def test_raw_material_transport_does_not_recompute_from_printed_quantities(ws_rec):
    finding = only(ws_rec, kind="arithmetic", scope="stage")
    assert finding.stage.value == "raw_material_transport" and finding.declared == 14.2071
    printed_chain = 4.5851 * 0.0726 * 42.652 + 0.0042 * 0.0679 * 43.070
    assert finding.recomputed == pytest.approx(printed_chain, abs=1e-9)
    assert round(finding.recomputed, 4) == 14.2102
    assert round(finding.params["exact"], 4) == 14.2073
    english = finding.message("en")
    assert "4.5851 kg × 0.0726 × 42.652 + 0.0042 kg × 0.0679 × 43.070 = 14.2102" in english
    assert "14.2073" in english and "does not recompute from its printed quantities" in english
    assert "edge of their printed rounding" in english  # only 4.58505 kg + 0.00417 kg reproduce it
    assert "14.2102" in finding.message("zh") and "无法由报告所印的数量复算" in finding.message("zh")


def test_printed_stages_sum_to_93_4345_not_93_4346(ws_rec):
    finding = only(ws_rec, kind="sum_mismatch", scope="total")
    assert (round(finding.recomputed, 4), finding.declared) == (93.4345, 93.4346)
    assert round(finding.difference, 4) == 0.0001
    assert finding.key == "reconcile.sum_mismatch.rounding"
    assert "93.4345" in finding.message("en") and "unrounded" in finding.message("en")
    assert "未经舍入" in finding.message("zh")


def test_ws_report_has_exactly_the_expected_issues(ws_rec):
    issues = {(f.kind, f.scope, f.line_no, f.stage.value if f.stage else None) for f in ws_rec.issues()}
    assert issues == {
        ("rounded_activity", "line", 1, "raw_material_acquisition"), ("unit_slip", "line", 2, "raw_material_transport"),
        ("rounded_activity", "line", 4, "production"), ("unit_slip", "line", 5, "distribution"),
        ("rounded_activity", "line", 5, "distribution"), ("rounded_activity", "line", 6, "end_of_life"),
        ("arithmetic", "stage", None, "raw_material_transport"), ("sum_mismatch", "total", None, None),
    }
    assert {f.stage.value for f in ws_rec.of_kind("match")} == {
        "raw_material_acquisition", "production", "distribution", "end_of_life"}


def clean_inventory(**declared) -> Inventory:
    lines = (
        ActivityLine(data_source="primary_measured", stage="production", activity="电力", amount=100, unit="kWh", factor_ref="electricity.cn.national"),
        ActivityLine(data_source="primary_measured", stage="distribution", activity="柴油", amount=10, unit="kg", factor_ref="fuel.diesel"),
    )
    return Inventory(model_code="CLEAN-1", period=ReportingPeriod.year(2025), lines=lines,
                     declared=DeclaredResult(**declared) if declared else None)


def test_clean_inventory_is_all_matches(set_2024, ar5):
    # 100 kWh × 0.5777 = 57.77; 10 kg × 3.0959097 = 30.959097 → printed 30.9591; total 88.7291
    inventory = clean_inventory(stages={"production": 57.77, "distribution": 30.9591}, total=88.7291,
                                line_results={1: 57.77, 2: 30.9591})
    rec = reconcile_inventory(inventory, set_2024, ar5)
    assert len(rec.findings) == 5 and rec.issues() == ()
    assert all(abs(f.difference) <= MATCH_TOLERANCE for f in rec.findings)
    assert "57.7700" in rec.findings[0].message("en") and "一致" in rec.findings[0].message("zh")


def test_stage_without_line_results_matches_from_its_lines(set_2024, ar5):
    rec = reconcile_inventory(clean_inventory(stages={"distribution": 30.9591}), set_2024, ar5)
    (finding,) = rec.findings
    assert (finding.kind, finding.scope, round(finding.recomputed, 4)) == ("match", "stage", 30.9591)


def test_no_declared_figures_gives_no_findings(set_2024, ar5):
    assert reconcile_inventory(clean_inventory(), set_2024, ar5).findings == ()


def test_far_off_line_and_total_are_arithmetic_and_gap(set_2024, ar5):
    inventory = clean_inventory(stages={"production": 57.77, "distribution": 30.9591}, total=95.0,
                                line_results={1: 60.0})
    rec = reconcile_inventory(inventory, set_2024, ar5)
    line = only(rec, scope="line", line_no=1)
    assert line.kind == "arithmetic" and line.recomputed == pytest.approx(57.77)
    assert "hint_key" not in line.params  # not even the edge of the rounding explains it
    stage = only(rec, scope="stage", stage="production")
    assert stage.kind == "sum_mismatch" and stage.key == "reconcile.sum_mismatch.gap"
    total = only(rec, scope="total")
    assert total.kind == "sum_mismatch" and total.key == "reconcile.sum_mismatch.gap"
    assert "more than rounding can explain" in total.message("en") and "超出舍入" in total.message("zh")


def test_frame_has_one_localized_row_per_finding(ws_rec):
    for lang, label in (("zh", "因子单位误用"), ("en", "Factor unit slip")):
        frame = reconciliation_frame(ws_rec, lang)
        assert len(frame) == len(ws_rec.findings)
        assert set(reconciliation_columns(lang)) <= set(frame.columns)
        assert label in set(frame["kind_label"])
    frame = reconciliation_frame(ws_rec, "zh")
    assert frame.loc[frame["kind"] == "sum_mismatch", "line_no"].isna().all()
    assert str(frame["line_no"].dtype) == "Int64"


def test_reconcile_stored_uses_the_study_set(seeded_db, ws_rec):
    stored = reconcile_stored(seeded_db, "WS-TPS-48-900A", "2025")
    assert [(f.kind, f.line_no) for f in stored.findings] == [(f.kind, f.line_no) for f in ws_rec.findings]


def test_explain_line_reads_as_a_sentence(ws_inventory, set_2024, ar5):
    footprint = calculate_footprint(ws_inventory, set_2024, ar5)
    diesel = footprint.lines[1]
    chinese, english = explain_line(diesel, "zh"), explain_line(diesel, "en")
    assert "kg × 低位发热量 42.652 MJ/kg × 0.072585 kgCO2/MJ = " in chinese
    assert f"= {diesel.kg_co2e:.4f} kgCO₂e" in english and "× NCV 42.652 MJ/kg" in english
    frame = stage_lines(footprint, "raw_material_transport", "en")
    assert list(frame["line_no"]) == [2, 3]
    assert frame["share_of_stage"].sum() == pytest.approx(1.0)


def test_explain_line_shows_unit_conversion_and_gwp(set_2024, ar5):
    lines = (
        ActivityLine(data_source="primary_measured", stage="production", activity="电力", amount=1000, unit="Wh", factor_ref="electricity.cn.national"),
        ActivityLine(data_source="primary_measured", stage="production", activity="沼气逸散", amount=0.5, unit="kg",
                     custom_factor=CustomFactor(value=1.0, unit="kg", gas="CH4", source="测量")),
    )
    footprint = calculate_footprint(Inventory(model_code="X", period=ReportingPeriod.year(2025), lines=lines),
                                    set_2024, ar5)
    assert "1000 Wh (= 1 kWh) × 0.5777 kgCO2e/kWh = 0.5777 kgCO₂e" in explain_line(footprint.lines[0], "en")
    assert "× GWP 28 (CH4) = 14.0000 kgCO₂e" in explain_line(footprint.lines[1], "en")


def test_distribution_implies_an_amount_inside_the_printed_band(ws_rec, ws_inventory):
    # #12.1: our reconciliation and the stored value agree: 8.2246 / 3.0965352 = 2.656065 kg, 2.65605–2.65608
    finding = only(ws_rec, kind="rounded_activity", line_no=5)
    assert f"{finding.params['implied']:.6f}" == "2.656065"
    low, high = finding.params["implied_low"], finding.params["implied_high"]
    assert low <= ws_inventory.lines[4].amount <= high and abs(high - 2.6561) <= 0.00005
