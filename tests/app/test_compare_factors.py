"""Compare-factor-versions page: totals per set, the biggest mover, the waterfall and family warnings."""

from __future__ import annotations

import json

import pytest

from cfp_core import service, store
from cfp_core.i18n import t

ORG = "cn-co2-org-2023"


def metrics(at) -> list[tuple[str, str, str]]:
    return [(m.label, m.value, m.delta) for m in at.metric]


@pytest.fixture
def total_2023(seeded_db_path):
    db = store.open_db(seeded_db_path)
    try:
        return service.stored_footprint(db, "WS-TPS-48-900A", "2025", "cn-cfp-2023").total_kg_co2e
    finally:
        db.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_default_compares_2023_and_2024_factors_for_the_report(page_app, lang, total_2023):
    at = page_app("compare_factors", lang=lang).run()
    assert not at.exception
    assert at.title[0].value == t("nav.compare_factors", lang)
    values = [m[1] for m in metrics(at)]
    assert values == [f"{total_2023:,.4f}", "93.4346"] == ["98.6950", "93.4346"]
    assert metrics(at)[1][2] == "-5.2604"
    assert (at.query_params["model"], at.query_params["period"], at.query_params["sets"]) == (
        "WS-TPS-48-900A", "2025", "cn-cfp-2023,cn-cfp-2024")
    mover = at.info[0].value
    assert "0.6205 → 0.5777 kgCO2e/kWh" in mover and "5.2604" in mover and "−6.90%" in mover
    assert not at.warning  # real report, CFP factors only
    assert at.dataframe[0].value.columns[0] == t("label.stage", lang)
    assert len(at.dataframe[1].value) == 6  # attribution: one row per (factor, stage)


def test_waterfall_chart_is_drawn(page_app):
    at = page_app("compare_factors", lang="en").run()
    spec = json.loads(at.get("vega_lite_chart")[0].proto.spec)
    assert spec["encoding"]["x2"]["field"] == "end"
    assert spec["encoding"]["color"]["scale"]["range"] == ["#9E9E9E", "#D55E00", "#009E73"]


@pytest.mark.parametrize(("lang", "text"), [("zh", "组织层面核算"), ("en", "organisation-accounting")])
def test_organisation_set_gives_a_clear_warning(page_app, lang, text):
    at = page_app("compare_factors", lang=lang).run()
    at.multiselect(key="cf_sets").set_value(["cn-cfp-2024", ORG]).run()
    assert not at.exception
    assert at.query_params["sets"] == f"cn-cfp-2024,{ORG}"
    warnings = [w.value for w in at.warning]
    assert len(warnings) == 2 and text in warnings[0]
    assert t("family.electricity_co2_org", lang) in warnings[1]
    assert metrics(at)[1][1] == "87.6457"


def test_query_params_choose_sets_and_three_sets_offer_a_waterfall_pair(page_app):
    at = page_app("compare_factors", lang="en", sets=f"cn-cfp-2024,{ORG},cn-cfp-2023").run()
    assert not at.exception
    assert [m[1] for m in metrics(at)] == ["93.4346", "87.6457", "98.6950"]
    assert "organisation accounting" in at.warning[0].value
    before = at.info[0].value
    at.selectbox(key="cf_to").set_value("cn-cfp-2023").run()
    assert at.info[0].value != before and "raises the total by 5.2604" in at.info[0].value


def test_changing_model_and_period(page_app):
    at = page_app("compare_factors", lang="zh").run()
    at.selectbox(key="cf_model").set_value("WS-TPS-48-300A").run()
    at.selectbox(key="cf_period").set_value("2023").run()
    assert not at.exception
    assert (at.query_params["model"], at.query_params["period"]) == ("WS-TPS-48-300A", "2023")
    assert [m[1] for m in metrics(at)] == ["42.1019", "40.0432"]
    assert t("label.illustrative", "zh") in at.warning[0].value


def test_fewer_than_two_sets_asks_for_more(page_app):
    at = page_app("compare_factors", lang="en", sets="cn-cfp-2024").run()
    assert not at.exception
    assert at.info[0].value == t("compare.fs.need_two", "en") and not at.metric


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_set_missing_a_factor_is_explained(page_app, lang):
    at = page_app("compare_factors", lang=lang, model="WS-TPS-48-600A", sets=f"cn-cfp-2024,{ORG}").run()
    assert not at.exception
    assert "electricity.cn.pv" in at.error[0].value and ORG in at.error[0].value
