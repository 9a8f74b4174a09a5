"""Explain page (AppTest), in Chinese and English: drill-down and reconciliation of the WS-TPS-48-900A report."""

from __future__ import annotations

import pytest

from cfp_core import store
from cfp_core.access import cli_principal  # noqa: E402
from cfp_core.i18n import t
from cfp_core.models import ActivityLine, Inventory, ProductModel, ReportingPeriod

ADMIN = cli_principal("weisidemu", "tests")  # the acting principal of every write in these tests


def texts(elements) -> str:
    return "\n".join(str(e.value) for e in elements)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_headline_and_stage_table(page_app, lang):
    at = page_app("explain", lang=lang).run()
    assert not at.exception
    assert at.title[0].value == t("nav.explain", lang)
    assert at.metric[0].value.startswith("93.4346 ")
    assert t("unit.piece", lang) in at.metric[0].value
    stages = at.dataframe[0].value.set_index("stage")
    assert round(stages.loc["raw_material_transport", "kg_co2e"], 4) == 14.2071
    assert stages["share"].sum() == pytest.approx(100.0)  # 0–100 for SHARE_FORMAT ("25.73%")
    assert [s.value for s in at.selectbox][:3] == ["WS-TPS-48-900A", "2025", "cn-cfp-2024"]


@pytest.mark.parametrize(("lang", "ncv"), [("zh", "低位发热量 42.652 MJ/kg"), ("en", "NCV 42.652 MJ/kg")])
def test_drill_down_by_url_to_the_diesel_line_and_its_source(page_app, lang, ncv):
    at = page_app("explain", lang=lang, stage="raw_material_transport", line="2").run()
    assert at.selectbox(key="explain_stage").value == "raw_material_transport"
    assert at.selectbox(key="explain_line").value == 2
    lines = at.dataframe[1].value
    assert list(lines["line_no"]) == [2, 3]
    assert ncv in lines.loc[0, "sentence"] and "0.072585 kgCO2/MJ = 14.1949 kgCO₂e" in lines.loc[0, "sentence"]
    assert "14.1949" in texts(at.info)
    provenance = texts(at.markdown)
    assert "42.652 MJ/kg" in provenance and "3.0959 kgCO2/kg" in provenance and "GB/T 32151" in provenance


def test_drill_down_by_widget_updates_the_url(page_app):
    at = page_app("explain", lang="en").run()
    at.selectbox(key="explain_stage").select("distribution").run()
    assert at.query_params["stage"] == "distribution"
    assert list(at.dataframe[1].value["line_no"]) == [5]
    assert at.subheader[-1].value == t("explain.factor_of", "en", line=5)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_reconciliation_lists_the_findings(page_app, lang):
    at = page_app("explain", lang=lang).run()
    warnings = [w.value for w in at.warning]
    unit_slips = [w for w in warnings if t("reconcile.kind.unit_slip", lang) in w]
    assert len(unit_slips) == 2 and all("0.0726" in w and "MJ" in w for w in unit_slips)
    arithmetic = [w for w in warnings if t("reconcile.kind.arithmetic", lang) in w]
    assert len(arithmetic) == 1 and "14.2102" in arithmetic[0] and "14.2073" in arithmetic[0]
    notes = texts(at.info)
    assert notes.count(t("reconcile.kind.rounded_activity", lang)) == 4
    assert "24.0439" in notes and "41.62195" in notes
    assert "93.4345" in notes and "93.4346" in notes
    assert len(at.success) == 4  # the four stages whose line results add up
    frame = at.dataframe[-1].value
    assert len(frame) == 12 and t("reconcile.kind.sum_mismatch", lang) in set(frame["kind_label"])


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_inventory_without_declared_figures(page_app, seeded_db_path, lang):
    db = store.open_db(seeded_db_path)
    try:
        store.save_product(db, ADMIN, ProductModel(model_code="TEST-1", org_id="weisidemu", name_zh="测试电源"))
        line = ActivityLine(data_source="primary_measured", stage="production", activity="电力", amount=10, unit="kWh",
                            factor_ref="electricity.cn.national")
        store.save_inventory(db, ADMIN, Inventory(model_code="TEST-1", period=ReportingPeriod.year(2025), lines=(line,)))
    finally:
        db.close()
    at = page_app("explain", lang=lang, model="TEST-1").run()
    assert not at.exception
    assert at.metric[0].value.startswith("5.7770 ")
    assert t("explain.reconcile.none", lang) in texts(at.info)


def test_inventory_without_lines_says_so(page_app, seeded_db_path):
    db = store.open_db(seeded_db_path)
    try:
        store.save_product(db, ADMIN, ProductModel(model_code="TEST-2", org_id="weisidemu", name_zh="空清单"))
        store.save_inventory(db, ADMIN, Inventory(model_code="TEST-2", period=ReportingPeriod.year(2025)))
    finally:
        db.close()
    at = page_app("explain", lang="en", model="TEST-2").run()
    assert not at.exception and at.metric[0].value.startswith("0.0000 ")
    assert t("explain.no_lines", "en") in texts(at.info)


@pytest.mark.parametrize(("lang", "csv_text", "word"), [
    ("en", "scope,line_no,stage,declared_kg_co2e,printed_factor\ntotal,,,93.43,\n", "total"),
    ("zh", "范围,行号,阶段,声明结果,所印因子\n合计,,,93.43,\n", "合计"),
])
def test_declared_figures_form_reconciles_the_typed_figures(page_app, lang, csv_text, word):
    at = page_app("explain", lang=lang).run()
    assert t("explain.declared.title", lang) in [e.label for e in at.expander]
    at.text_area(key="declared_text").set_value(csv_text)
    at = at.button(key="FormSubmitter:declared_form-" + t(
        "explain.declared.submit", lang)).click().run()
    assert not at.exception and not at.error
    assert t("explain.declared.using", lang, count=1) in texts(at.caption)
    frame = at.dataframe[-1].value
    assert list(frame["scope_label"]) == [t("reconcile.scope.total", lang)]
    assert "arithmetic" not in set(frame["kind"])


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_declared_figures_form_names_row_and_column_of_a_hostile_cell(page_app, lang):
    at = page_app("explain", lang=lang).run()
    at.text_area(key="declared_text").set_value("scope,line_no,stage,declared_kg_co2e,printed_factor\n"
                                                "line,1,,=cmd|' /C calc'!A0,\n")
    at = at.button(key="FormSubmitter:declared_form-" + t("explain.declared.submit", lang)).click().run()
    shown = texts(at.error)
    assert ("Row 2" if lang == "en" else "第 2 行") in shown and "declared_kg_co2e" in shown


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_kept_declared_figures_are_used_by_the_next_reader(page_app, lang):
    at = page_app("explain", lang=lang).run()
    at.text_area(key="declared_text").set_value("scope,line_no,stage,declared_kg_co2e,printed_factor\ntotal,,,93.43,\n")
    at = at.button(key="FormSubmitter:declared_form-" + t("explain.declared.keep", lang)).click().run()
    assert not at.exception and not at.error
    assert t("explain.declared.kept", lang, revision=1) in texts(at.success)
    later = page_app("explain", lang=lang).run()  # a new session: nothing typed, the kept figures apply
    assert not later.exception
    assert any(c.startswith(t("explain.declared.using_kept", lang, count=1, revision=1, source="declared.csv",
                                author="x", at="y").split("（")[0].split("(")[0]) for c in texts(later.caption).splitlines())
    assert list(later.dataframe[-1].value["scope_label"]) == [t("reconcile.scope.total", lang)]
