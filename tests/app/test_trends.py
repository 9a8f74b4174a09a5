"""Trends page: periods per model, activity vs factor decomposition, hotspots and suggestions."""

from __future__ import annotations

import json

import pytest

from cfp_core import service, store
from cfp_core.i18n import t


def metrics(at) -> list[tuple[str, str]]:
    return [(m.label, m.value) for m in at.metric]


@pytest.fixture
def totals_900a(seeded_db_path):
    db = store.open_db(seeded_db_path)
    try:
        return {p: service.stored_footprint(db, "WS-TPS-48-900A", p).total_kg_co2e for p in ("2023", "2024", "2025")}
    finally:
        db.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_default_decomposes_the_900a_from_first_to_last_period(page_app, lang, totals_900a):
    at = page_app("trends", lang=lang).run()
    assert not at.exception
    assert at.title[0].value == t("nav.trends", lang)
    assert (at.query_params["model"], at.query_params["a"], at.query_params["b"], at.query_params["basis"]) == (
        "WS-TPS-48-900A", "2023", "2025", "declared")
    labels = [m[0] for m in metrics(at)]
    assert labels == [t("trends.change", lang), t("trends.effect.activity", lang), t("trends.effect.factor", lang)]
    change, activity, factor = (float(m[1]) for m in metrics(at))
    assert change == round(totals_900a["2025"] - totals_900a["2023"], 4)
    assert activity < 0 and factor < 0 and activity + factor == pytest.approx(change, abs=0.011)
    assert t("trends.method", lang) in at.caption[0].value
    assert t("label.illustrative", lang) in at.warning[0].value  # 2023/2024 of the 900A are demo data
    assert at.subheader[1].value == t("trends.hotspots_title", lang, period="2025")
    assert ("证书" if lang == "zh" else "certificates") in at.markdown[-1].value


def test_charts_are_trend_lines_and_effect_bars(page_app):
    at = page_app("trends", lang="en").run()
    specs = [json.loads(c.proto.spec) for c in at.get("vega_lite_chart")]
    assert specs[0]["layer"][0]["mark"] == {"type": "line", "point": True}  # + value and % change labels (#13.5)
    assert specs[1]["encoding"]["yOffset"]["field"] == "effect_label"


def test_changing_periods_and_basis(page_app):
    at = page_app("trends", lang="en").run()
    at.selectbox(key="tr_a").set_value("2024").run()
    assert at.query_params["a"] == "2024"
    assert metrics(at)[2] == ("Factor effect", "0.0000")  # 2024 and 2025 both declare cn-cfp-2024
    at.selectbox(key="tr_a").set_value("2023").run()
    assert metrics(at)[2][1] != "0.0000"
    at.selectbox(key="tr_basis").set_value("cn-cfp-2023").run()
    assert not at.exception
    assert at.query_params["basis"] == "cn-cfp-2023"
    assert metrics(at)[2] == ("Factor effect", "0.0000")  # one set for every period: activity only


def test_all_models_shows_the_chart_and_asks_for_one_model(page_app):
    at = page_app("trends", lang="zh", model="__all__").run()
    assert not at.exception
    assert at.info[0].value == t("trends.pick_one_model", "zh")
    data = at.get("vega_lite_chart")[0].proto.datasets[0]
    assert data  # the line chart carries every model's points
    assert not at.metric


def test_query_params_choose_model_and_periods(page_app):
    at = page_app("trends", lang="en", model="WS-TPS-48-600A", a="2024", b="2025").run()
    assert not at.exception
    assert at.selectbox(key="tr_model").value == "WS-TPS-48-600A"
    assert at.subheader[0].value == t("trends.decomp_title", "en", a="2024", b="2025")
    statuses = list(at.dataframe[0].value[t("trends.col.status", "en")])
    assert "New activity" in statuses and "Removed activity" in statuses
