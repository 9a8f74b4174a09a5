"""Compare-models page: renders in both languages, follows its widgets and writes its URL state."""

from __future__ import annotations

import json

import pytest

from cfp_core.access import cli_principal  # noqa: E402
from cfp_core.i18n import t

ADMIN = cli_principal("weisidemu", "tests")  # the acting principal of every write in these tests

ALL_2025 = "WS-TPS-48-300A,WS-TPS-48-600A,WS-TPS-48-900A"


def metrics(at) -> list[tuple[str, str, str]]:
    return [(m.label, m.value, m.delta) for m in at.metric]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_renders_all_models_of_the_latest_period(page_app, lang):
    at = page_app("compare_models", lang=lang).run()
    assert not at.exception
    assert at.title[0].value == t("nav.compare_models", lang)
    assert metrics(at)[0][:2] == ("WS-TPS-48-900A", "93.4346")
    assert metrics(at)[1] == (t("analysis.illustrative_mark", lang, model="WS-TPS-48-300A"), "36.3001", "-57.1345")
    assert at.query_params["models"] == ALL_2025
    assert (at.query_params["period"], at.query_params["set"], at.query_params["baseline"]) == (
        "2025", "cn-cfp-2024", "WS-TPS-48-900A")
    table = at.dataframe[0].value
    assert table.columns[0] == t("label.stage", lang)
    assert list(table.iloc[:, 0])[-1] == t("label.total", lang)
    assert t("label.illustrative", lang) in at.warning[0].value
    assert at.download_button(key="cm_csv").label == t("label.download_csv", lang)
    assert at.download_button(key="cm_png").label == t("label.download_png", lang)


def test_chart_has_one_bar_per_model_and_stage(page_app):
    at = page_app("compare_models", lang="en").run()
    chart = at.get("vega_lite_chart")[0]
    spec = json.loads(chart.proto.spec)
    assert spec["mark"]["type"] == "bar" and spec["encoding"]["y"]["field"] == "model_label"
    assert chart.proto.datasets  # the stacked data travel with the chart


def test_choosing_models_changes_table_metrics_and_url(page_app):
    at = page_app("compare_models", lang="en").run()
    at.multiselect(key="cm_models").set_value(["WS-TPS-48-300A", "WS-TPS-48-600A"]).run()
    assert not at.exception
    assert [m[1] for m in metrics(at)] == ["36.3001", "62.8938"]
    assert metrics(at)[1][2] == "+26.5936"
    assert at.query_params["models"] == "WS-TPS-48-300A,WS-TPS-48-600A"
    assert at.query_params["baseline"] == "WS-TPS-48-300A"
    assert at.dataframe[0].value.shape[1] == 1 + 2 + 2


def test_period_baseline_and_per_kg(page_app):
    at = page_app("compare_models", lang="zh").run()
    at.selectbox(key="cm_period").set_value("2023").run()
    at.selectbox(key="cm_baseline").set_value("WS-TPS-48-600A").run()
    assert at.query_params["period"] == "2023" and at.query_params["baseline"] == "WS-TPS-48-600A"
    assert metrics(at)[0][:2] == ("WS-TPS-48-600A（示例）", "69.9781")
    at.toggle(key="cm_per_kg").set_value(True).run()
    assert not at.exception
    per_kg = dict((m[0], m[1]) for m in metrics(at))
    assert per_kg["WS-TPS-48-600A（示例）"] == "0.4374" and per_kg["WS-TPS-48-900A"] == "—"
    assert "千克产品" in at.caption[0].value
    assert at.query_params["per"] == "kg"  # the per-kg view is shareable too
    at.toggle(key="cm_per_kg").set_value(False).run()
    assert "per" not in at.query_params


def test_per_kg_opens_from_the_url(page_app):
    at = page_app("compare_models", lang="en", per="kg").run()
    assert not at.exception
    assert at.toggle(key="cm_per_kg").value is True
    assert dict((m[0], m[1]) for m in metrics(at))["WS-TPS-48-900A"] == "—"  # no product mass: no per-kg figure


def test_query_params_choose_the_view(page_app):
    at = page_app("compare_models", lang="en", models="WS-TPS-48-600A,WS-TPS-48-300A", period="2024",
                  baseline="WS-TPS-48-300A", set="cn-cfp-2023").run()
    assert not at.exception
    assert at.multiselect(key="cm_models").value == ["WS-TPS-48-600A", "WS-TPS-48-300A"]
    assert at.selectbox(key="cm_set").value == "cn-cfp-2023"
    assert metrics(at)[0][:2] == ("WS-TPS-48-300A (illustrative)", "40.1928")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_set_that_cannot_value_a_line_shows_an_error(page_app, lang):
    at = page_app("compare_models", lang=lang, set="cn-co2-org-2023").run()
    assert not at.exception
    assert "cn-co2-org-2023" in at.error[0].value
    assert t("error.factor_not_found", lang, where="", factor_id="", set_id="")[:2] in at.error[0].value


def test_many_models_get_one_row_each(page_app, seeded_db_path):
    from cfp_core import store

    db = store.open_db(seeded_db_path)
    product, inventory = store.load_product(db, "WS-TPS-48-300A"), store.load_inventory(db, "WS-TPS-48-300A", "2025")
    for n in range(10):
        store.save_product(db, ADMIN, product.model_copy(update={"model_code": f"SYN-{n}"}))
        store.save_inventory(db, ADMIN, inventory.model_copy(update={"model_code": f"SYN-{n}"}))
    db.close()
    everyone = ",".join(["WS-TPS-48-300A", "WS-TPS-48-600A", "WS-TPS-48-900A", *(f"SYN-{n}" for n in range(10))])
    at = page_app("compare_models", lang="en", models=everyone).run()
    assert not at.exception
    table = at.dataframe[0].value
    assert table.shape == (13, 9) and table.columns[0] == "Product model"
    assert table.columns[-1] == t("analysis.pct_total", "en")
    assert len(at.metric) == 4


def test_the_page_opens_with_the_latest_models_not_all(page_app, seeded_db_path):
    # 10,000 models must not all be preselected (#13): the latest OPENING_MODELS saved for the period are.
    from cfp_core import analysis, store

    db = store.open_db(seeded_db_path)
    product, inventory = store.load_product(db, "WS-TPS-48-300A"), store.load_inventory(db, "WS-TPS-48-300A", "2025")
    for n in range(7):
        store.save_product(db, ADMIN, product.model_copy(update={"model_code": f"SYN-{n}"}))
        store.save_inventory(db, ADMIN, inventory.model_copy(update={"model_code": f"SYN-{n}"}))
    db.close()
    at = page_app("compare_models", lang="en").run()
    assert not at.exception
    assert analysis.OPENING_MODELS == 5
    assert at.multiselect(key="cm_models").value == [f"SYN-{n}" for n in range(2, 7)]
    assert len(at.multiselect(key="cm_models").options) == 10
