"""The portfolio overview: one row per model, latest total, change, trend, data completeness."""

import math

import pandas as pd
import pytest

from cfp_core import store
from cfp_core.access import cli_principal  # noqa: E402
from cfp_core.analysis.overview import OVERVIEW_COLUMNS, portfolio_headline, portfolio_overview
from cfp_core.errors import NotFound
from cfp_core.models import ActivityLine, Inventory, ProductModel, ReportingPeriod

ADMIN = cli_principal("weisidemu", "tests")  # the acting principal of every write in these tests

WS = "WS-TPS-48-900A"


@pytest.fixture
def overview_zh(seeded_db):
    return portfolio_overview(seeded_db, "zh").set_index("model_code", drop=False)


def test_one_row_per_model_with_the_report_total(overview_zh, seeded_db):
    assert list(overview_zh.columns) == OVERVIEW_COLUMNS
    assert list(overview_zh["model_code"]) == sorted(p.model_code for p in store.list_products(seeded_db))
    ws = overview_zh.loc[WS]
    assert ws["name"] == "智能通信电源系统" and ws["unit_label"] == "kgCO₂e/台"
    assert ws["latest_period"] == "2025" and round(ws["latest_kg_co2e"], 4) == 93.4346
    assert ws["factor_set_id"] == "cn-cfp-2024" and ws["problem"] == ""


def test_previous_period_delta_and_trend(overview_zh, seeded_db):
    ws = overview_zh.loc[WS]
    periods = store.list_periods(seeded_db, WS)
    assert ws["trend_periods"] == periods and len(ws["trend"]) == len(periods)
    assert ws["previous_period"] == periods[-2] and ws["previous_kg_co2e"] == ws["trend"][-2]
    assert ws["delta_share"] == pytest.approx((ws["trend"][-1] - ws["trend"][-2]) / ws["trend"][-2])


def test_data_completeness_and_marks(overview_zh):
    ws = overview_zh.loc[WS]
    assert (ws["stages_with_data"], ws["included_stages"], ws["completeness"]) == (5, 5, 1.0)
    assert 0 < ws["primary_share"] < 1
    assert ws["verified"] and not ws["has_mass"] and not ws["illustrative"]
    assert ws["history_illustrative"] and ws["illustrative_mark"] == "往期为示例数据"
    demo = overview_zh[overview_zh["model_code"] != WS]
    assert demo["illustrative"].all() and set(demo["illustrative_mark"]) == {"示例数据"}


def test_english_names_and_labels(seeded_db):
    ws = portfolio_overview(seeded_db, "en").set_index("model_code").loc[WS]
    assert ws["name"] == "Intelligent telecom power system" and ws["unit_label"] == "kgCO₂e per piece"
    assert ws["illustrative_mark"] == "Earlier periods illustrative"


def test_a_chosen_factor_set_revalues_every_period(seeded_db):
    ws = portfolio_overview(seeded_db, "en", set_id="cn-cfp-2023").set_index("model_code").loc[WS]
    assert ws["factor_set_id"] == "cn-cfp-2023"
    assert ws["latest_kg_co2e"] > 93.4346  # the 2023 grid factor 0.6205 is higher than 0.5777
    with pytest.raises(NotFound):
        portfolio_overview(seeded_db, "en", set_id="no-such-set")


def test_models_without_data_or_with_broken_data_keep_their_row(seeded_db):
    store.save_product(seeded_db, ADMIN, ProductModel(model_code="EMPTY-1", org_id="weisidemu", name_zh="空型号"))
    store.save_product(seeded_db, ADMIN, ProductModel(model_code="BROKEN-1", org_id="weisidemu", name_zh="坏数据",
                                               name_en="Broken", product_mass_kg=2.0))
    line = ActivityLine(data_source="primary_measured", stage="production", activity="x", amount=1, unit="kg", factor_ref="electricity.cn.national")
    store.save_inventory(seeded_db, ADMIN, Inventory(model_code="BROKEN-1", period=ReportingPeriod.year(2025), lines=(line,)))
    frame = portfolio_overview(seeded_db, "en").set_index("model_code")
    empty, broken = frame.loc["EMPTY-1"], frame.loc["BROKEN-1"]
    assert empty["name"] == "空型号" and math.isnan(empty["delta_share"]) and empty["trend"] == []
    assert pd.isna(empty["latest_period"]) and pd.isna(empty["latest_kg_co2e"]) and pd.isna(empty["completeness"])
    assert broken["name"] == "Broken" and broken["has_mass"] and broken["problem"].startswith("2025:")
    assert "kWh" in broken["problem"]  # the unit mismatch is explained
    assert portfolio_headline(frame.reset_index()).latest_period == "2025"


def test_headline_features_the_verified_real_model(seeded_db):
    frame = portfolio_overview(seeded_db, "zh")
    headline = portfolio_headline(frame)
    assert headline.model_count == len(frame) and headline.verified_count == 1
    assert headline.featured_code == WS and headline.latest_period == "2025"
    assert f"{headline.featured_kg_co2e:.2f}" == "93.43" and headline.featured_unit_label == "kgCO₂e/台"
    assert headline.illustrative_count == int(frame["illustrative"].sum())


def test_headline_of_an_empty_portfolio(fresh_db):
    headline = portfolio_headline(portfolio_overview(fresh_db, "en"))
    assert (headline.model_count, headline.featured_code, headline.latest_period) == (0, None, None)
