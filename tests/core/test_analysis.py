"""Analysis core: model comparison, factor-set comparison and attribution, trends, decomposition, hotspots."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cfp_core import analysis, calculate_footprint
from cfp_core.analysis.hotspots import hotspots, suggestion_keys
from cfp_core.analysis.trends import decomposition_frame
from cfp_core.errors import FactorNotFound, NotFound
from cfp_core.factors import EmissionFactor, FactorSet
from cfp_core.i18n import t
from cfp_core.library import gwp_sets
from cfp_core.models import ActivityLine, CustomFactor, DataSourceType, Inventory, ProductModel, ReportingPeriod
from cfp_core.numbers import signed_percent

AR5 = gwp_sets()["AR5"]


def factor(factor_id, key, value, unit, family, gas="CO2e", **kw):
    return EmissionFactor(factor_id=factor_id, key=key, name_zh=f"{key}（中）", name_en=f"{key} (en)", value=value,
                          unit=unit, gas=gas, family=family, verified=True, confidence="S", **kw)


# Dyadic values: every expected figure below is exact in binary floating point.
SET_A = FactorSet(set_id="hand-a", name_zh="手算A", name_en="Hand A", factors=(
    factor("a_elec", "electricity.test", 0.5, "kWh", "electricity_cfp"),
    factor("a_fuel", "fuel.diesel", 0.0625, "MJ", "fuel_combustion", gas="CO2", ncv=40.0, ncv_unit="MJ/kg"),
    factor("a_gas", "fuel.natural_gas", 0.25, "Nm3", "fuel_combustion"),
    factor("a_truck", "transport.test", 0.125, "tkm", "transport"),
))
SET_B = SET_A.with_factors("hand-b", "手算B", [factor("b_elec", "electricity.test", 0.25, "kWh", "electricity_cfp")],
                           name_en="Hand B")


def line(stage, activity, amount, unit, ref=None, **kw):
    return ActivityLine(stage=stage, activity=activity, amount=amount, unit=unit, factor_ref=ref, **({"data_source": "primary_measured"} | kw))


def inventory(code, year, *lines, illustrative=False):
    return Inventory(model_code=code, period=ReportingPeriod.year(year), lines=tuple(lines), illustrative=illustrative)


def product(code, mass=None, illustrative=False):
    return ProductModel(model_code=code, org_id="test", name_zh=code, product_mass_kg=mass, illustrative=illustrative)


BIG = inventory("BIG", 2025, line("production", "电力", 100, "kWh", "electricity.test"),
                line("distribution", "柴油", 2, "kg", "fuel.diesel"))
SMALL = inventory("SMALL", 2025, line("production", "电力", 80, "kWh", "electricity.test"))
PRODUCTS = {"BIG": product("BIG"), "SMALL": product("SMALL", mass=16.0, illustrative=True)}


@pytest.fixture(scope="module")
def pair():
    return [calculate_footprint(BIG, SET_A, AR5), calculate_footprint(SMALL, SET_A, AR5)]


# ---- compare models --------------------------------------------------------------------------

NAN = math.nan


def same(values, expected) -> bool:
    """Equal lists where NaN equals NaN (a missing stage is NaN, never 0: #11)."""
    return len(values) == len(expected) and all(
        (isinstance(e, float) and math.isnan(e) and math.isnan(v)) or v == e for v, e in zip(values, expected, strict=True))


def test_compare_models_stage_rows_values_and_deltas(pair):
    table = analysis.compare_models(pair, PRODUCTS, "BIG", "en")
    assert list(table["Stage"]) == ["Production", "Distribution", "Total"]
    assert list(table["BIG"]) == [50.0, 5.0, 55.0]
    assert same(list(table["SMALL (illustrative)"]), [40.0, NAN, 40.0])  # SMALL has no distribution lines: missing
    assert same(list(table["Δ SMALL (illustrative)"]), [-10.0, NAN, -15.0])
    assert same(list(table["Δ% SMALL (illustrative)"])[:2], [-20.0, NAN])  # not a −100 % "improvement"
    assert list(table["Δ% SMALL (illustrative)"])[2] == pytest.approx(-300 / 11)
    assert "Δ BIG" not in table.columns
    assert [c for c in table.columns if c.startswith(analysis.PERCENT_PREFIX)] == ["Δ% SMALL (illustrative)"]


def test_compare_models_per_kg_is_nan_without_mass(pair):
    table = analysis.compare_models(pair, PRODUCTS, "SMALL", "zh", per_kg=True)
    assert same(list(table["SMALL（示例）"]), [2.5, NAN, 2.5])
    assert all(math.isnan(v) for v in table["BIG"])
    assert all(math.isnan(v) for v in table["Δ BIG"])
    assert list(table["阶段"]) == ["生产", "成品运输", "合计"]


def test_compare_models_unknown_baseline_raises(pair):
    with pytest.raises(NotFound):
        analysis.compare_models(pair, PRODUCTS, "NOPE", "en")


def test_compare_models_rows_for_many_models(pair):
    table = analysis.compare_models_rows(pair, PRODUCTS, "BIG", "zh")
    assert list(table.columns) == ["产品型号", "生产", "成品运输", "合计", "Δ 较基准", "Δ% 较基准"]
    assert same(table.iloc[1].tolist()[:5], ["SMALL（示例）", 40.0, NAN, 40.0, -15.0])
    assert table.iloc[1].tolist()[5] == pytest.approx(-300 / 11)
    assert table.iloc[0]["Δ 较基准"] == 0.0
    assert analysis.column_formats(table)["Δ% 较基准"] == "%+.2f%%"
    with pytest.raises(NotFound):
        analysis.compare_models_rows(pair, PRODUCTS, "NOPE", "zh")


def test_comparison_table_switches_layout_for_many_models(pair):
    assert list(analysis.comparison_table(pair, PRODUCTS, "BIG", "en").columns)[0] == "Stage"
    many = pair * (analysis.WIDE_TABLE_MODELS // 2 + 1)
    assert list(analysis.comparison_table(many, PRODUCTS, "BIG", "en").columns)[0] == "Product model"


def test_compare_models_long_frame(pair):
    long = analysis.compare_models_long(pair, PRODUCTS, "en")
    assert list(long.columns) == ["model", "model_label", "stage", "kg_co2e"]
    assert list(zip(long["model"], long["stage"], strict=True)) == [
        ("BIG", "production"), ("BIG", "distribution"), ("SMALL", "production"), ("SMALL", "distribution")]
    assert same(list(long["kg_co2e"]), [50.0, 5.0, 40.0, NAN])
    per_kg = analysis.compare_models_long(pair, PRODUCTS, "en", per_kg=True)
    assert set(per_kg["model"]) == {"SMALL"} and same(list(per_kg["kg_co2e"]), [2.5, NAN])


def test_compare_models_csv_has_four_decimals_and_bom(pair):
    data = analysis.compare_models_csv(pair, PRODUCTS, "BIG", "zh")
    assert data.startswith("\ufeff".encode())
    text = data.decode("utf-8-sig").splitlines()
    assert text[0] == "阶段,BIG,SMALL（示例）,Δ SMALL（示例）,Δ% SMALL（示例）"
    assert text[3] == "合计,55.0000,40.0000,-15.0000,-27.2727"


def test_frame_csv_neutralises_formula_text():
    import pandas as pd

    data = analysis.frame_csv(pd.DataFrame({"=name": ["=HYPERLINK(1)", "@x", "ok"], "v": [1.0, -2.0, float("nan")]}))
    lines = data.decode("utf-8-sig").splitlines()
    assert lines == ["'=name,v", "'=HYPERLINK(1),1.0000", "'@x,-2.0000", "ok,"]


def test_column_formats_for_values_changes_and_shares(pair):
    table = analysis.compare_models(pair, PRODUCTS, "BIG", "en")
    assert analysis.column_formats(table) == {
        "BIG": "%.4f", "SMALL (illustrative)": "%.4f", "Δ SMALL (illustrative)": "%.4f",
        "Δ% SMALL (illustrative)": "%+.2f%%"}
    import pandas as pd

    frame = pd.DataFrame({"name": ["a"], "Share": [12.5], "kg": [1.0]})
    assert analysis.column_formats(frame, ["Share"]) == {"Share": "%.2f%%", "kg": "%.4f"}


def test_headline_metrics(pair):
    assert analysis.headline_metrics(pair, PRODUCTS, "BIG", "en") == [
        ("BIG", "55.0000", None), ("SMALL (illustrative)", "40.0000", "-15.0000")]
    assert analysis.headline_metrics(pair, PRODUCTS, "SMALL", "en", per_kg=True) == [
        ("SMALL (illustrative)", "2.5000", None), ("BIG", "—", None)]


def test_comparison_unit_and_illustrative_flags():
    assert analysis.comparison_unit(PRODUCTS, ["BIG"], False, "zh") == "kgCO₂e/台"
    assert analysis.comparison_unit(PRODUCTS, ["BIG"], True, "en") == "kgCO₂e per kg of product"
    assert analysis.any_illustrative(PRODUCTS, ["BIG"]) is False
    assert analysis.any_illustrative(PRODUCTS, ["BIG", "SMALL"]) is True


def test_pickers_and_inventory_rows():
    rows = [{"model_code": "B", "period": "2024"}, {"model_code": "A", "period": "2025"},
            {"model_code": "B", "period": "2025"}]
    assert analysis.periods_of(rows) == ["2024", "2025"]
    assert analysis.models_in_period(rows, "2025") == ["A", "B"]
    assert analysis.models_with_data(rows) == ["A", "B"]
    assert analysis.pick(["a", "b"], "b", "a") == "b"
    assert analysis.pick(["a", "b"], "zzz", "b") == "b"
    assert analysis.pick(["a", "b"], None, "zzz") == "a"
    assert analysis.pick([], "a") is None
    assert analysis.pick_many(["a", "b", "c"], "c,zzz,a,c") == ["c", "a"]
    assert analysis.pick_many(["a", "b", "c"], None, ("b", "x")) == ["b"]
    assert analysis.pick_many(["a", "b"], "") == ["a", "b"]


# ---- compare factor sets ---------------------------------------------------------------------

def electricity_kwh(inventory) -> list[float]:
    """The kWh of the report's electricity lines (raw materials, production, end of life)."""
    return [x.amount for x in inventory.lines if x.factor_ref == "electricity.cn.national"]


@pytest.fixture(scope="module")
def kwh_900a(ws_inventory):
    return math.fsum(electricity_kwh(ws_inventory))


@pytest.fixture(scope="module")
def ws_comparison(ws_inventory, set_2023, set_2024):
    return analysis.compare_factor_sets(ws_inventory, [set_2023, set_2024], AR5)


def test_factor_set_totals_and_deltas(ws_comparison, kwh_900a):
    totals = ws_comparison.totals()
    assert totals["cn-cfp-2024"] == pytest.approx(93.4346, abs=5e-5)
    assert totals["cn-cfp-2023"] == pytest.approx(93.4346 + kwh_900a * (0.6205 - 0.5777), abs=5e-5)
    assert ws_comparison.deltas() == {"cn-cfp-2023": 0.0, "cn-cfp-2024": totals["cn-cfp-2024"] - totals["cn-cfp-2023"]}
    assert ws_comparison.warnings == () and ws_comparison.illustrative is False


def test_attribution_moves_only_electricity(ws_comparison, ws_inventory, kwh_900a):
    parts = analysis.attribution_frame(ws_comparison, "cn-cfp-2023", "cn-cfp-2024", "en")
    moved = parts[parts["delta_kg_co2e"] != 0]
    assert set(moved["factor_key"]) == {"electricity.cn.national"}
    assert list(moved["stage"]) == ["raw_material_acquisition", "production", "end_of_life"]
    assert list(moved["delta_kg_co2e"]) == pytest.approx(
        [k * (0.5777 - 0.6205) for k in electricity_kwh(ws_inventory)], rel=1e-12)
    assert set(moved["old_value"]) == {0.6205} and set(moved["new_value"]) == {0.5777}
    # line 5 carries the rounded diesel factor the report applied to it (its own factor, custom.line5)
    assert set(parts[parts["delta_kg_co2e"] == 0]["factor_key"]) == {"fuel.diesel", "fuel.gasoline", "custom.line5"}
    change = ws_comparison.deltas()["cn-cfp-2024"]
    assert math.fsum(parts["delta_kg_co2e"]) == pytest.approx(change, abs=1e-12)
    assert change == pytest.approx(-kwh_900a * 0.0428, rel=1e-12)


def test_attribution_table_has_localized_headers(ws_comparison):
    table = analysis.attribution_table(ws_comparison, "cn-cfp-2023", "cn-cfp-2024", "zh")
    assert list(table.columns) == ["排放因子", "阶段", "因子（起）", "因子（止）", "因子单位", "变化（kgCO₂e）"]
    assert table.iloc[0]["排放因子"] == "全国电力平均碳足迹因子"


def test_waterfall_chains_from_one_total_to_the_other(ws_comparison):
    frame = analysis.waterfall_frame(ws_comparison, "cn-cfp-2023", "cn-cfp-2024", "en")
    totals = ws_comparison.totals()
    assert list(frame["kind"]) == ["total", "decrease", "decrease", "decrease", "total"]
    assert frame.iloc[0]["end"] == totals["cn-cfp-2023"] and frame.iloc[-1]["end"] == totals["cn-cfp-2024"]
    assert list(frame["start"].iloc[1:4]) == list(frame["end"].iloc[0:3])
    assert frame.iloc[3]["end"] == pytest.approx(totals["cn-cfp-2024"], abs=1e-12)
    assert frame.iloc[2]["label"].startswith("Production · ")  # the stage first: names are cut at the end
    assert list(frame["order"]) == [0, 1, 2, 3, 4] and frame["label"].is_unique


def test_biggest_mover_sentence(ws_comparison, kwh_900a):
    key, params = analysis.biggest_mover(ws_comparison, "cn-cfp-2023", "cn-cfp-2024")
    assert key == "analysis.mover"
    assert params["values"] == "0.6205 → 0.5777 kgCO2e/kWh" and params["pct"] == "−6.90%"
    assert params["amount"] == f"{kwh_900a * 0.0428:,.4f}" == "5.2604"
    english, chinese = t(key, "en", **params), t(key, "zh", **params)
    assert english.startswith("China national average electricity carbon-footprint factor: 0.6205 → 0.5777")
    assert "lowers the total by 5.2604" in english and "100.00% of the change" in english
    assert chinese.startswith("全国电力平均碳足迹因子：") and "降低 5.2604" in chinese
    assert analysis.biggest_mover(ws_comparison, "cn-cfp-2023", "cn-cfp-2023") is None


def test_factor_stage_frame(ws_comparison):
    frame = analysis.factor_stage_frame(ws_comparison, "en")
    assert list(frame.columns) == ["Stage", "China CFP factors 2023 + fuel defaults",
                                   "China CFP factors 2024 + fuel defaults", "Δ China CFP factors 2024 + fuel defaults"]
    assert frame.iloc[-1]["Stage"] == "Total" and len(frame) == 6
    assert frame.iloc[1]["Δ China CFP factors 2024 + fuel defaults"] == 0.0  # transport: fuels only


def test_factor_headlines(ws_comparison):
    assert analysis.factor_headlines(ws_comparison, "zh") == [
        ("中国电力碳足迹因子2023 + 燃料缺省值", "98.6950", None, "inverse"),
        ("中国电力碳足迹因子2024 + 燃料缺省值", "93.4346", "-5.2604", "inverse")]


def test_an_organisation_set_delta_is_grey_and_named_not_comparable(ws_inventory, set_2024, factor_sets):
    comparison = analysis.compare_factor_sets(ws_inventory, [set_2024, factor_sets["cn-co2-org-2023"]], AR5)
    for lang in ("zh", "en"):
        (_, _, _, first), (label, _, delta, color) = analysis.factor_headlines(comparison, lang)
        assert (first, color) == ("inverse", "off") and delta is not None
        assert label == t("compare.fs.not_comparable", lang,
                          set=analysis.factor_set_label(factor_sets["cn-co2-org-2023"], lang))


def test_organisation_set_warns_in_both_languages(ws_inventory, set_2024, factor_sets):
    comparison = analysis.compare_factor_sets(ws_inventory, [set_2024, factor_sets["cn-co2-org-2023"]], AR5)
    keys = [k for k, _ in comparison.warnings]
    assert keys == ["analysis.warn.org_family_in_set", "analysis.warn.families_differ"]
    org_en = t(keys[0], "en", **comparison.warnings[0][1])
    org_zh = t(keys[0], "zh", **comparison.warnings[0][1])
    assert "organisation accounting" in org_en and "China national average electricity CO2" in org_en
    assert "组织核算" in org_zh and "全国电力平均二氧化碳排放因子" in org_zh
    differ_zh = t(keys[1], "zh", **comparison.warnings[1][1])
    assert "电力碳足迹因子 / 电力二氧化碳排放因子（组织层面核算）" in differ_zh


def test_compare_factor_sets_errors(set_2024, factor_sets):
    truck = inventory("T", 2025, line("distribution", "货运", 10, "tkm", "transport.road.heavy_diesel_truck_cold_chain"))
    with pytest.raises(FactorNotFound):
        analysis.compare_factor_sets(truck, [set_2024, factor_sets["cn-co2-org-2023"]], AR5)
    with pytest.raises(NotFound):
        analysis.compare_factor_sets(truck, [], AR5)
    comparison = analysis.compare_factor_sets(truck, [set_2024], AR5)
    with pytest.raises(NotFound):
        comparison.footprint("cn-cfp-2023")


def test_signed_percent():
    assert signed_percent(-0.0689) == "−6.89%" and signed_percent(0.074) == "+7.40%"
    assert signed_percent(0.0) == "0.00%" and signed_percent(math.nan) == "—"


# ---- trends and decomposition ----------------------------------------------------------------

OLD = inventory("M", 2023, line("production", "电力", 100, "kWh", "electricity.test"),
                line("distribution", "柴油", 2, "kg", "fuel.diesel"))
NEW = inventory("M", 2024, line("production", "电力", 90000, "Wh", "electricity.test"),
                line("production", "天然气", 4, "Nm3", "fuel.natural_gas"))


def test_decomposition_hand_computed():
    fp_a, fp_b = calculate_footprint(OLD, SET_A, AR5), calculate_footprint(NEW, SET_B, AR5)
    result = analysis.decompose_change(OLD, fp_a, NEW, fp_b)
    assert (fp_a.total_kg_co2e, fp_b.total_kg_co2e) == (55.0, 23.5)
    # electricity: Δa = −10 kWh at mean factor 0.375; Δf = −0.25 at mean activity 95 kWh
    # diesel removed: −5 (activity); natural gas new: +1 (activity)
    assert result.activity_effect == -10 * 0.375 - 5.0 + 1.0
    assert result.factor_effect == -0.25 * 95
    assert result.activity_effect + result.factor_effect == result.change == -31.5
    frame = decomposition_frame(result, "en")
    assert list(frame["status"]) == ["matched", "new", "removed"]
    assert frame.iloc[0]["activity_b"] == 90.0  # Wh normalised to the factor's kWh
    assert list(frame["status_label"]) == ["In both periods", "New activity", "Removed activity"]


def test_decomposition_unchanged_factors_give_zero_factor_effect():
    fp_a, fp_b = calculate_footprint(OLD, SET_A, AR5), calculate_footprint(NEW, SET_A, AR5)
    result = analysis.decompose_change(OLD, fp_a, NEW, fp_b)
    assert result.factor_effect == 0.0 and result.activity_effect == result.change


def test_decomposition_custom_lines_match_by_activity():
    custom = CustomFactor(value=2.0, unit="kg", source="supplier")
    a = inventory("C", 2023, line("raw_material_acquisition", "铜", 3, "kg", custom_factor=custom))
    b = inventory("C", 2024, line("production", "电力", 1, "kWh", "electricity.test"),
                  line("raw_material_acquisition", "铜", 2, "kg", custom_factor=custom))
    result = analysis.decompose_change(a, calculate_footprint(a, SET_A, AR5), b, calculate_footprint(b, SET_A, AR5))
    assert [g.status for g in result.groups] == ["matched", "new"]
    assert result.activity_effect == -2.0 + 0.5 and result.factor_effect == 0.0


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(0, 1e4, allow_nan=False), min_size=4, max_size=4))
def test_decomposition_has_no_residual(amounts):
    a = inventory("H", 2023, line("production", "电力", amounts[0], "kWh", "electricity.test"),
                  line("distribution", "柴油", amounts[1], "kg", "fuel.diesel"))
    b = inventory("H", 2024, line("production", "电力", amounts[2], "kWh", "electricity.test"),
                  line("distribution", "货运", amounts[3], "tkm", "transport.test"))
    fp_a, fp_b = calculate_footprint(a, SET_A, AR5), calculate_footprint(b, SET_B, AR5)
    result = analysis.decompose_change(a, fp_a, b, fp_b)
    assert result.activity_effect + result.factor_effect == pytest.approx(result.change, abs=1e-9)


def test_decomposition_of_the_demo_900a(seeded_db):
    from cfp_core import service, store

    inv_a, inv_b = (store.load_inventory(seeded_db, "WS-TPS-48-900A", p) for p in ("2023", "2025"))
    fp_a, fp_b = service.footprint_of(seeded_db, inv_a), service.footprint_of(seeded_db, inv_b)
    result = analysis.decompose_change(inv_a, fp_a, inv_b, fp_b)
    assert result.activity_effect < 0 and result.factor_effect < 0
    assert result.activity_effect + result.factor_effect == pytest.approx(result.change, abs=1e-9)
    long = analysis.decomposition_long(result, "en")
    assert math.fsum(long["kg_co2e"]) == pytest.approx(result.change, abs=1e-9)
    assert list(long["effect_label"][:2]) == ["Activity effect", "Factor effect"]
    headlines = analysis.decomposition_headlines(result, "en")
    assert [h[0] for h in headlines] == ["Total change", "Activity effect", "Factor effect"]


def test_trend_frame_orders_and_computes_changes():
    points = [("2024", calculate_footprint(NEW, SET_B, AR5)), ("2023", calculate_footprint(OLD, SET_A, AR5)),
              ("2025", calculate_footprint(BIG, SET_A, AR5))]
    frame = analysis.trend_frame(points, {"M": product("M", illustrative=True)}, "zh")
    assert list(zip(frame["model"], frame["period"], strict=True)) == [("BIG", "2025"), ("M", "2023"), ("M", "2024")]
    assert math.isnan(frame.iloc[1]["change_kg_co2e"]) and frame.iloc[2]["change_kg_co2e"] == -31.5
    assert frame.iloc[2]["change_pct"] == pytest.approx(-31.5 / 55 * 100)
    assert list(frame["model_label"]) == ["BIG", "M（示例）", "M（示例）"]
    assert list(frame["factor_set_id"]) == ["hand-a", "hand-a", "hand-b"]


def test_leading_models_keep_the_largest_latest_footprints_real_data_first():
    from cfp_core.service import StoredFootprint

    def point(code, period, total):
        return period, StoredFootprint(code, period, "s", "AR5", total, total, 1.0, False)

    points = [point(f"M{n:02}", period, float(n) + bump) for n in range(20) for period, bump in (("2024", 50), ("2025", 0))]
    products = {"M00": product("M00", illustrative=True), "M01": product("M01")}
    frame = analysis.trend_frame(points + [point("DEMO", "2025", 1e6)], products | {"DEMO": product("DEMO", illustrative=True)})
    drawn, shown, total = analysis.leading_models(frame, 12)
    assert (shown, total) == (12, 21)
    assert sorted(set(drawn["model"])) == [f"M{n:02}" for n in range(8, 20)]  # largest 2025 totals; demo last
    assert len(drawn) == 24 and list(drawn["period"][:2]) == ["2024", "2025"]  # every period of a kept model
    few = frame[frame["model"].isin(["M01", "M02"])]
    assert analysis.leading_models(few, 12)[0] is few and analysis.leading_models(few, 12)[1:] == (2, 2)


def test_method_is_named_in_both_languages():
    assert t("trends.method", "en") == "Shapley two-factor decomposition (symmetric, no residual)"
    assert "Shapley" in t("trends.method", "zh") and "无残差" in t("trends.method", "zh")


# ---- hotspots and suggestions ----------------------------------------------------------------

def test_hotspots_of_the_report(ws_inventory, set_2024):
    fp = calculate_footprint(ws_inventory, set_2024, AR5)
    frame = hotspots(fp, 3, "en")
    stages, lines = frame[frame["kind"] == "stage"], frame[frame["kind"] == "line"]
    assert list(stages["stage"]) == ["production", "raw_material_acquisition", "end_of_life"]
    assert list(lines["rank"]) == [1, 2, 3] and list(lines["line_no"]) == [4, 1, 6]
    assert lines.iloc[0]["family"] == "electricity_cfp"
    assert lines.iloc[0]["share"] == pytest.approx(31.2819 / 93.4346, abs=1e-5)
    table = analysis.hotspot_table(fp, 2, "zh")
    assert list(table.columns) == ["类型", "阶段或活动", "阶段", "kgCO₂e", "占比"] and len(table) == 4
    assert list(table["占比"][:1]) == pytest.approx([31.2819 / 93.4346 * 100], abs=1e-3)
    assert analysis.column_formats(table, ["占比"])["占比"] == "%.2f%%"


def test_suggestions_for_an_electricity_dominated_footprint(ws_inventory, set_2024):
    fp = calculate_footprint(ws_inventory, set_2024, AR5)
    keys = [k for k, _ in suggestion_keys(fp)]
    assert keys == ["analysis.suggest.stage.production", "analysis.suggest.efficiency", "analysis.suggest.green_power",
                    "analysis.suggest.supplier_data", "analysis.suggest.end_of_life"]
    english, chinese = analysis.suggestions(fp, "en"), analysis.suggestions(fp, "zh")
    assert english[0].startswith("Production is the largest stage (33.48%)")
    assert "certificates" in english[2] and "national average" in english[2]
    assert "证书" in chinese[2] and "全国电网平均因子" in chinese[2]
    assert english[1].startswith("电力（生产） Electricity, production (33.48% of the footprint)")


@pytest.mark.parametrize(("lines", "expected"), [
    ((line("distribution", "柴油", 10, "kg", "fuel.diesel"),), ["analysis.suggest.logistics"]),
    ((line("raw_material_transport", "货运", 10, "tkm", "transport.test",
           data_source=DataSourceType.SECONDARY_DEFAULT),),
     ["analysis.suggest.logistics", "analysis.suggest.primary_data"]),
    ((line("production", "天然气", 10, "Nm3", "fuel.natural_gas"),), ["analysis.suggest.heat"]),
    ((line("use", "电力", 10, "kWh", "electricity.test"),), ["analysis.suggest.green_power"]),
    ((line("production", "胶", 1, "kg", custom_factor=CustomFactor(value=3, unit="kg", source="x")),),
     ["analysis.suggest.custom_factor"]),
])
def test_suggestion_rules(lines, expected):
    fp = calculate_footprint(inventory("R", 2025, *lines), SET_A, AR5)
    first, *rest = [k for k, _ in suggestion_keys(fp)]
    assert first == f"analysis.suggest.stage.{lines[0].stage.value}" and rest == expected
    assert all(t(k, lang, activity="x", share="1%") for k in expected for lang in ("zh", "en"))


# ---- batch loading ---------------------------------------------------------------------------

def test_batch_footprints_match_the_single_path(seeded_db):
    from cfp_core import service, store
    from cfp_core import service as batch  # many footprints at once (was cfp_core.batch)

    rows = store.list_inventories(seeded_db)
    codes = ["WS-TPS-48-900A", "WS-TPS-48-300A"]
    revisions = batch.latest_revisions(rows, codes, "2023")
    assert [code for code, _ in revisions] == codes
    for set_id in (None, "cn-cfp-2024"):
        found = batch.footprints_of(seeded_db, revisions, "2023", set_id)
        expected = [service.stored_footprint(seeded_db, code, "2023", set_id) for code in codes]
        assert found == expected
    assert found[0].factor_set_id == "cn-cfp-2024"
    with pytest.raises(NotFound):
        batch.latest_revisions(rows, ["NOPE"], "2023")


def test_batch_factor_comparison_of(seeded_db):

    comparison = analysis.factor_comparison_of(seeded_db, "WS-TPS-48-900A", "2025", ["cn-cfp-2023", "cn-cfp-2024"])
    assert comparison.set_ids == ("cn-cfp-2023", "cn-cfp-2024")
    assert comparison.totals()["cn-cfp-2024"] == pytest.approx(93.4346, abs=5e-5)
    with pytest.raises(NotFound):
        analysis.factor_comparison_of(seeded_db, "WS-TPS-48-900A", "2025", ["no-such-set"])


def test_trend_inputs_are_the_stored_footprints_of_every_period(seeded_db):
    from cfp_core import service, store

    points, inventories = service.trend_inputs(seeded_db, ["WS-TPS-48-900A", "WS-TPS-48-300A"], "cn-cfp-2024")
    periods = store.list_periods(seeded_db, "WS-TPS-48-900A")
    assert [p for p, _ in points[: len(periods)]] == periods
    for (period, fp), inventory in zip(points, inventories, strict=True):
        single = service.stored_footprint(seeded_db, inventory.model_code, period, "cn-cfp-2024")
        assert fp.total_kg_co2e == single.total_kg_co2e and fp.model_code == inventory.model_code


def test_narrow_options_lists_matches_and_always_the_current_choice():
    options = [f"M{n:03}" for n in range(500)]
    listed, matched = analysis.narrow_options(options, "", keep=["M499"], limit=10)
    assert listed == [*options[:10], "M499"] and matched == 500
    listed, matched = analysis.narrow_options(options, " m04 ", lambda o: f"label {o}", keep=["M001"], limit=200)
    assert listed == ["M001", *[f"M04{n}" for n in range(10)]] and matched == 10
    assert analysis.narrow_options(options, "label 7", lambda o: f"Label {o}", limit=3) == (["M007", "M017", "M027"], 95)
    assert analysis.narrow_options(options, "nothing", keep=["M002"]) == (["M002"], 0)
    assert analysis.narrow_options(options, "x", keep=["not an option"]) == ([], 0)


def test_the_waterfall_axis_zooms_to_the_running_total(ws_comparison):
    frame = analysis.waterfall_frame(ws_comparison, "cn-cfp-2023", "cn-cfp-2024", "en")
    start, end = analysis.waterfall_domain(frame)
    low = min(frame["end"].min(), frame.loc[frame["kind"] != "total", "start"].min())
    assert 0 < start < low and start == int(start)  # a round start below the lowest running total
    assert end > frame["end"].max()
    big = frame.assign(end=[frame["end"].iloc[0], 5.0, *frame["end"].iloc[2:]])  # a change as large as the total
    assert analysis.waterfall_domain(big)[0] == 0.0
