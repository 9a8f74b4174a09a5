"""The management view (#13.5): volume weighting, models without a volume named, target paths, the trends
sentence in zh and en, and the trends export (CSV neutralised, PNG/PDF bytes)."""

from __future__ import annotations

import csv
import io
import math
from types import SimpleNamespace

import pandas as pd
import pytest
from pydantic import ValidationError

from cfp_core import analysis, service, store
from cfp_core.analysis import management as mg
from cfp_core.analysis.trends import Decomposition, EffectGroup
from cfp_core.models import STAGES, LifecycleStage
from cfp_core.validation import describe

YEARS = {"2023": 2023, "2024": 2024, "2025": 2025}


def fp(model: str, total: float, production: float = 0.0):
    """A footprint as the weighting reads it: model, total and per-stage results (the rest is not used)."""
    kg = {LifecycleStage.RAW_MATERIAL_ACQUISITION: total - production, LifecycleStage.PRODUCTION: production}
    stages = tuple(SimpleNamespace(stage=s, kg_co2e=kg.get(s, 0.0)) for s in STAGES)  # all six, report order
    return SimpleNamespace(model_code=model, total_kg_co2e=total, stages=stages)


def vol(volume: float, illustrative: bool = False) -> dict:
    return {"volume": volume, "illustrative": illustrative}


POINTS = [("2024", fp("A", 10.0, 4.0)), ("2024", fp("B", 2.5, 0.5)), ("2024", fp("C", 7.0)),
          ("2025", fp("A", 8.0, 3.0))]
VOLUMES = {("A", "2024"): vol(1000), ("B", "2024"): vol(400), ("A", "2025"): vol(1000), ("D", "2025"): vol(5)}


def test_portfolio_total_is_the_volume_weighted_sum_in_tonnes():
    totals = mg.portfolio_totals(mg.weighted_frame(POINTS, VOLUMES, YEARS)).set_index("period")
    # 2024: A 10 kg × 1000 = 10 t, B 2.5 kg × 400 = 1 t, C has no volume; 2025: A 8 kg × 1000 = 8 t
    assert totals.loc["2024", "t_co2e"] == 11.0 and totals.loc["2025", "t_co2e"] == 8.0
    assert totals.loc["2024", "volume"] == 1400.0
    assert (totals.loc["2024", "with_volume"], totals.loc["2024", "models"]) == (2, 3)


def test_a_model_without_a_volume_is_named_not_dropped():
    weighted = mg.weighted_frame(POINTS, VOLUMES, YEARS)
    totals = mg.portfolio_totals(weighted).set_index("period")
    assert totals.loc["2024", "missing"] == ("C",) and not totals.loc["2024", "complete"]
    assert totals.loc["2025", "missing"] == () and totals.loc["2025", "complete"]
    assert math.isnan(weighted.set_index(["model", "period"]).loc[("C", "2024"), "t_co2e"])
    view = mg.management_view(POINTS, [], VOLUMES, [])
    assert view.missing == [("2024", ("C",))]
    assert mg.named([f"M{i}" for i in range(25)], "en") == ", ".join(f"M{i}" for i in range(20)) + " and 5 more"
    assert mg.named([f"M{i}" for i in range(25)], "zh").endswith("等（另有 5 个）")
    assert mg.orphan_volumes(POINTS, VOLUMES) == [("D", "2025")]  # a volume with nothing to weight
    table = mg.totals_table(mg.portfolio_totals(weighted), "en")
    assert list(table["Models without a volume"]) == ["C", "—"]


def test_a_period_without_any_volume_has_no_total_rather_than_zero():
    totals = mg.portfolio_totals(mg.weighted_frame(POINTS, {}, YEARS))
    assert totals["t_co2e"].isna().all() and list(totals["missing"]) == [("A", "B", "C"), ("A",)]


def test_stage_frame_weights_each_stage():
    weighted = mg.weighted_frame(POINTS, VOLUMES, YEARS)
    stages = mg.stage_frame(weighted, None, "en").set_index(["period", "stage"])["value"]
    assert stages[("2024", "production")] == pytest.approx(4.0 + 0.5 * 0.4)  # 4 kg × 1000 + 0.5 kg × 400, in t
    assert stages[("2024", "raw_material_acquisition")] == pytest.approx(6.0 + 2.0 * 0.4)
    assert stages[("2024", "use")] == 0.0 and len(stages) == 2 * 6
    model = mg.stage_frame(weighted, "A", "en").set_index(["period", "stage"])["value"]
    assert model[("2025", "production")] == 3.0  # a model's chart is per declared unit


def target(**kw) -> store.ReductionTarget:
    return store.ReductionTarget(**{"baseline_year": 2023, "target_year": 2030, "kind": "percent", "value": 30.0, **kw})


def test_the_target_path_is_a_straight_line_from_baseline_to_goal():
    path = mg.target_path(target(), 100.0).set_index("year")["value"]
    assert list(path.index) == list(range(2023, 2031))
    assert path[2023] == 100.0 and path[2030] == pytest.approx(70.0)
    assert path[2026] == pytest.approx(100 - 30 * 3 / 7)  # 87.142857…
    absolute = mg.target_path(target(kind="absolute", value=40.0, target_year=2025), 60.0)["value"].tolist()
    assert absolute == [60.0, 50.0, 40.0]


def test_target_view_says_on_track_or_behind_against_the_path():
    on_track = mg.target_view(target(), {2023: 100.0, 2025: 90.0})  # path in 2025: 100 − 30 × 2/7 ≈ 91.43
    assert (on_track.baseline, on_track.goal, on_track.latest_year) == (100.0, pytest.approx(70.0), 2025)
    assert on_track.path_at_latest == pytest.approx(100 - 60 / 7) and on_track.status == "on_track"
    assert mg.target_view(target(), {2023: 100.0, 2025: 95.0}).status == "behind"
    no_baseline = mg.target_view(target(), {2024: 100.0})
    assert no_baseline.status == "no_baseline" and no_baseline.path.empty and no_baseline.goal is None


def test_a_target_must_end_after_its_baseline_and_a_percentage_be_at_most_100():
    with pytest.raises(ValidationError) as raised:
        target(target_year=2023)
    assert "2023" in describe(raised.value, "en")[0] and "目标年份" in describe(raised.value, "zh")[0]
    with pytest.raises(ValidationError):
        target(value=120.0)


def test_seeded_portfolio_totals_equal_the_service_footprints_times_volumes(seeded_db):
    models = analysis.models_with_data(store.list_inventories(seeded_db))
    points, inventories = service.trend_inputs(seeded_db, models)
    volumes = store.current_volumes(seeded_db)
    view = mg.management_view(points, inventories, volumes, store.current_targets(seeded_db), "en")
    expected = math.fsum(service.stored_footprint(seeded_db, m, "2025").total_kg_co2e * volumes[(m, "2025")]["volume"]
                         for m in models) / 1000
    assert view.totals.set_index("period").loc["2025", "t_co2e"] == pytest.approx(expected, rel=1e-12)
    assert view.illustrative and {v.target.model_code for v in view.targets} == {"", "WS-TPS-48-900A"}
    assert all(chart is not None for chart in analysis.actual_vs_target_chart(
        view.charts[0][1], view.charts[0][0], "t", "en").to_dict()["layer"])


def decomposition(total_a: float, total_b: float, activity: float, factor: float) -> Decomposition:
    group = EffectGroup(stage="production", factor_key="k", factor_unit="kWh", activity="电力", status="matched",
                        activity_a=1, activity_b=1, factor_a=1, factor_b=1, kg_a=total_a, kg_b=total_b,
                        activity_effect=activity, factor_effect=factor)
    return Decomposition(model_code="M", period_a="2024", period_b="2025", total_a=total_a, total_b=total_b,
                         groups=(group,))


def test_the_sentence_in_english_and_chinese():
    d = decomposition(100.0, 93.7, -4.1, -2.2)
    assert analysis.change_sentence(d, "en") == (
        "Of the 6.30% fall from 2024 to 2025, 4.10 points came from changed activity data and 2.20 from changed "
        "emission factors.")
    assert analysis.change_sentence(d, "zh") == (
        "从 2024 到 2025，碳足迹下降 6.30%，其中 4.10 个百分点来自活动数据的变化，2.20 个百分点来自排放因子的变化。")


def test_the_sentence_when_the_effects_pull_apart_or_nothing_changed():
    mixed = decomposition(100.0, 95.0, -7.0, 2.0)
    assert analysis.change_sentence(mixed, "en") == (
        "From 2024 to 2025 the footprint fell 5.00%: changed activity data moved it down 7.00 points and changed "
        "emission factors moved it up 2.00 points.")
    assert "上升 2.00 个百分点" in analysis.change_sentence(mixed, "zh")
    assert analysis.change_sentence(decomposition(50.0, 60.0, 10.0, 0.0), "en").startswith(
        "Of the 20.00% rise from 2024 to 2025, 20.00 points came from changed activity data and 0.00")
    assert analysis.change_sentence(decomposition(50.0, 50.0, 0.0, 0.0), "zh") == "从 2024 到 2025，碳足迹没有变化。"
    assert "Shapley" not in analysis.change_sentence(mixed, "en")  # the method is the footnote's


def trend_with(label: str) -> pd.DataFrame:
    points = [("2024", SimpleNamespace(model_code="X", total_kg_co2e=10.0, cradle_to_gate_kg_co2e=9.0,
                                       factor_set_id="=cmd|' /C calc'!A0")),
              ("2025", SimpleNamespace(model_code="X", total_kg_co2e=9.0, cradle_to_gate_kg_co2e=8.0,
                                       factor_set_id="cn-cfp-2024"))]
    return analysis.trend_frame(points).assign(model_label=label)


def test_the_trends_csv_reads_back_with_formula_cells_neutralised():
    data = analysis.trends_csv(trend_with("@SUM(A1)"), "en")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert [r["Product model"] for r in rows] == ["'@SUM(A1)", "'@SUM(A1)"]
    assert rows[0]["Factor set"] == "'=cmd|' /C calc'!A0" and rows[1]["Factor set"] == "cn-cfp-2024"
    assert rows[1]["Change vs previous period (%)"] == "-10.0000" and rows[0]["Total change"] == ""
    zh = analysis.trends_csv(trend_with("X"), "zh").decode("utf-8-sig")
    assert zh.splitlines()[0].startswith("产品型号,报告期,总碳足迹")


def test_the_trend_chart_exports_as_png_and_pdf_with_labels():
    chart = analysis.trend_chart(trend_with("X"), "en", "Trend")
    layers = chart.to_dict()["layer"]
    assert [layer["mark"]["type"] for layer in layers] == ["line", "text", "text"]
    assert analysis.export_png(chart).startswith(b"\x89PNG\r\n\x1a\n")
    assert analysis.export_pdf(chart).startswith(b"%PDF")
    (rows,) = chart.to_dict()["datasets"].values()
    assert [(r["value_label"], r["change_label"]) for r in rows] == [("10.0000", ""), ("9.0000", "−10.00%")]


def test_inputs_from_materialised_results_give_the_same_view_as_recalculating_every_inventory(seeded_db):
    """The page reads ``management_inputs`` (#13); the view equals the one from ``service.trend_inputs``."""
    from cfp_core.analysis import management_inputs

    models = analysis.models_with_data(store.list_inventories(seeded_db))
    points, inventories = service.trend_inputs(seeded_db, models)
    volumes, targets = store.current_volumes(seeded_db), store.current_targets(seeded_db)
    before = mg.management_view(points, inventories, volumes, targets, "en")
    inputs = management_inputs(seeded_db)
    after = mg.management_view(inputs.points, (), volumes, targets, "en", years=inputs.years)
    assert inputs.years == mg.period_years(inventories)
    assert inputs.illustrative == any(inv.illustrative for inv in inventories)
    assert after.weighted.equals(before.weighted)  # every number exactly equal, not approximately
    assert after.totals.equals(before.totals)
    assert after.orphans == before.orphans and len(after.targets) == len(before.targets) > 0
    for a, b in zip(after.targets, before.targets, strict=True):
        assert (a.target, a.baseline, a.goal, a.latest_actual, a.status) == (b.target, b.baseline, b.goal,
                                                                            b.latest_actual, b.status)
        assert a.path.equals(b.path)
    assert [v is None for v, _ in after.charts] == [v is None for v, _ in before.charts]
    assert all(a.equals(b) for (_, a), (_, b) in zip(after.charts, before.charts, strict=True))


def test_trend_inputs_of_several_models_keep_each_models_periods_in_order(seeded_db):
    """One pass over the revisions (#13 scale): the same points, in the same order, as model by model."""
    from cfp_core import service

    codes = ["WS-TPS-48-900A", "WS-TPS-48-300A", "WS-TPS-48-600A"]
    points, inventories = service.trend_inputs(seeded_db, codes)
    one_by_one = [service.trend_inputs(seeded_db, [code]) for code in codes]
    assert [(p, f.total_kg_co2e) for p, f in points] == [
        (p, f.total_kg_co2e) for pts, _ in one_by_one for p, f in pts]
    assert [i.model_code for i in inventories] == [i.model_code for _, invs in one_by_one for i in invs]
    assert len(points) > len(codes)
