"""The single calculation path on hand-computable fixtures: conversions, GWP, warnings, errors."""

from __future__ import annotations

import pytest

from cfp_core import calculate_footprint
from cfp_core.calculate import line_result
from cfp_core.errors import FactorNotFound, GwpMissing, UnitMismatch
from cfp_core.factors import EmissionFactor, FactorSet, resolve
from cfp_core.i18n import t
from cfp_core.library import gwp_sets
from cfp_core.models import STAGES, ActivityLine, CustomFactor, DataSourceType, Inventory, ReportingPeriod

GWP = gwp_sets()


def factor(factor_id, key, value, unit, family, gas="CO2e", **kw):
    kw.setdefault("verified", True)
    kw.setdefault("confidence", "S")
    return EmissionFactor(factor_id=factor_id, key=key, name_zh=factor_id, value=value, unit=unit, gas=gas,
                          family=family, **kw)


# Dyadic values, so every expected figure below is exact in binary floating point.
HAND_SET = FactorSet(set_id="hand-test", name_zh="手算测试", factors=(
    factor("t_elec", "electricity.test", 0.5, "kWh", "electricity_cfp"),
    factor("t_fuel", "fuel.test", 0.0625, "MJ", "fuel_combustion", gas="CO2", ncv=40.0, ncv_unit="MJ/kg"),
    factor("t_truck", "transport.test", 0.125, "tkm", "transport", verified=False, confidence="S1"),
    factor("t_wood", "material.wood", 0.25, "kg", "material", biogenic=True),
))


def line(stage, activity, amount, unit, ref=None, **kw):
    return ActivityLine(stage=stage, activity=activity, amount=amount, unit=unit, factor_ref=ref, **({"data_source": "primary_measured"} | kw))


def inventory(*lines, code="HAND-1"):
    return Inventory(model_code=code, period=ReportingPeriod.year(2025), lines=tuple(lines))


HAND = inventory(
    line("raw_material_acquisition", "木材", 4, "kg", "material.wood", data_source=DataSourceType.SECONDARY_DEFAULT),
    line("production", "电力", 10, "kWh", "electricity.test"),
    line("production", "柴油", 2, "kg", "fuel.test"),
    line("distribution", "运输", 8000, "kgkm", "transport.test"),
)


def test_hand_computed_lines_stages_and_total():
    result = calculate_footprint(HAND, HAND_SET, GWP["AR5"])
    assert [r.kg_co2e for r in result.lines] == [1.0, 5.0, 5.0, pytest.approx(1.0, rel=1e-15)]
    assert result.lines[2].coefficient == 40.0 and result.lines[2].amount_in_factor_unit == 80.0
    assert result.lines[2].conversion_steps == (("ncv", 40.0, "MJ/kg"),)
    assert result.lines[3].amount_in_factor_unit == pytest.approx(8.0, rel=1e-15)
    assert result.stage_totals() == pytest.approx({
        "raw_material_acquisition": 1.0, "raw_material_transport": 0.0, "production": 10.0,
        "distribution": 1.0, "use": 0.0, "end_of_life": 0.0}, rel=1e-15)
    assert result.total_kg_co2e == pytest.approx(12.0, rel=1e-15)
    assert result.cradle_to_gate_kg_co2e == 11.0
    assert (result.biogenic_kg_co2e, result.fossil_kg_co2e) == (1.0, pytest.approx(11.0, rel=1e-15))
    assert result.primary_data_share == pytest.approx(11 / 12, rel=1e-15)
    assert result.stage("production").share == pytest.approx(10 / 12, rel=1e-15)
    assert [s.line_count for s in result.stages] == [1, 0, 2, 1, 0, 0]
    assert [s.stage for s in result.stages] == list(STAGES)


def test_unverified_factor_is_warned_once():
    result = calculate_footprint(HAND, HAND_SET, GWP["AR5"])
    assert [w for w in result.warnings if not w[0].startswith("warn.stage_missing")] == [
        ("warn.unverified_factor", {"factor_id": "t_truck", "confidence": "S1"})]


def test_nothing_is_rounded(ws_inventory, set_2024, ar5):
    result = calculate_footprint(ws_inventory, set_2024, ar5)
    for r in result.lines:
        assert r.kg_co2e == r.amount * r.coefficient * r.factor_value * r.gwp
    assert result.total_kg_co2e != round(result.total_kg_co2e, 4)
    assert result.lines[0].kg_co2e == ws_inventory.lines[0].amount * 0.5777


def test_custom_factor_line_uses_its_own_value_and_unit(set_2024, ar5):
    custom = CustomFactor(value=0.5, unit="kg", source="供应商EPD")
    inv = inventory(line("raw_material_acquisition", "铝壳", 3000, "g", custom_factor=custom))
    result = calculate_footprint(inv, set_2024, ar5)
    only = result.lines[0]
    assert (only.factor_id, only.family, only.factor_unit, only.coefficient) == ("custom.line1", "custom", "kg", 0.001)
    assert only.kg_co2e == pytest.approx(1.5, rel=1e-15)
    assert all(w[0].startswith("warn.stage_missing") for w in result.warnings)


def test_gwp_csv_uses_these_gas_ids():
    assert {g: GWP[g].values["CH4"] for g in GWP} == {"AR4": 25.0, "AR5": 28.0, "AR6": 27.0}
    assert {g: GWP[g].values["CH4_fossil"] for g in GWP} == {"AR4": 25.0, "AR5": 30.0, "AR6": 29.8}
    assert {g: GWP[g].values["N2O"] for g in GWP} == {"AR4": 298.0, "AR5": 265.0, "AR6": 273.0}


@pytest.mark.parametrize(
    ("gas", "expected"),
    [("CH4", {"AR4": 25.0, "AR5": 28.0, "AR6": 27.0}),
     ("CH4_fossil", {"AR4": 25.0, "AR5": 30.0, "AR6": 29.8}),
     ("CO2", {"AR4": 1.0, "AR5": 1.0, "AR6": 1.0}),
     ("CO2e", {"AR4": 1.0, "AR5": 1.0, "AR6": 1.0})],
)
def test_gas_is_characterised_with_the_chosen_gwp_set(gas, expected, set_2024):
    # 2 kg of waste × 0.5 kg gas per kg = 1 kg of gas, so kgCO2e equals the GWP.
    custom = CustomFactor(value=0.5, unit="kg", gas=gas, source="填埋场监测")
    inv = inventory(line("end_of_life", "填埋", 2, "kg", custom_factor=custom))
    for gwp_id, gwp in expected.items():
        result = calculate_footprint(inv, set_2024, GWP[gwp_id])
        assert (result.lines[0].kg_gas, result.lines[0].gwp, result.total_kg_co2e) == (1.0, gwp, gwp)


def test_gas_without_a_gwp_raises(set_2024, ar5):
    custom = CustomFactor(value=1, unit="kg", gas="HFC-9999", source="x")
    with pytest.raises(GwpMissing) as caught:
        calculate_footprint(inventory(line("use", "制冷剂", 1, "kg", custom_factor=custom)), set_2024, ar5)
    assert "HFC-9999" in caught.value.message("zh") and "AR5" in caught.value.message("en")


def test_organisation_co2_factor_in_a_product_footprint_warns(ws_inventory, factor_sets, ar5):
    result = calculate_footprint(ws_inventory, factor_sets["cn-co2-org-2023"], ar5)
    assert ("warn.org_factor_in_cfp", {"factor_id": "cn_elec_co2_national_2023"}) in result.warnings
    assert "电力碳足迹因子" in t("warn.org_factor_in_cfp", "zh", factor_id="cn_elec_co2_national_2023")
    assert calculate_footprint(ws_inventory, factor_sets["cn-cfp-2024"], ar5).warnings == ()


def test_mixing_cfp_and_organisation_electricity_factors_warns(factor_sets, set_2024, ar5):
    mixed = factor_sets["cn-co2-org-2023"].with_factors(
        "mixed-test", "混用测试", [resolve("electricity.cn.pv", set_2024)])
    inv = inventory(line("production", "电网电力", 10, "kWh", "electricity.cn.national"),
                    line("production", "光伏电力", 10, "kWh", "electricity.cn.pv"))
    keys = [key for key, _ in calculate_footprint(inv, mixed, ar5).warnings]
    assert keys.count("warn.mixed_families") == 1 and "warn.org_factor_in_cfp" in keys


def test_factor_not_found_names_the_line_and_set_in_both_languages(set_2024, ar5):
    inv = inventory(line("production", "电力", 1, "kWh", "electricity.cn.national"),
                    line("production", "钢材", 2, "kg", "material.steel"))
    with pytest.raises(FactorNotFound) as caught:
        calculate_footprint(inv, set_2024, ar5)
    assert caught.value.message("en") == (
        "Line 2 (Production, 钢材): factor 'material.steel' is not in factor set 'cn-cfp-2024'. "
        "Choose a factor from that set, or add it to a custom set.")
    assert caught.value.message("zh").startswith(
        "第 2 行（生产，钢材）：因子“material.steel”不在因子集“cn-cfp-2024”中。")
    assert str(caught.value) == caught.value.message("en")


def test_factor_ids_of_other_sets_resolve_by_key_through_known_ids(set_2023, ar5):
    inv = inventory(line("production", "电力", 100, "kWh", "cn_elec_cfp_national_2024"))
    known = {"cn_elec_cfp_national_2024": "electricity.cn.national"}
    result = calculate_footprint(inv, set_2023, ar5, known_ids=known)
    assert (result.lines[0].factor_id, result.total_kg_co2e) == ("cn_elec_cfp_national_2023", pytest.approx(62.05))
    with pytest.raises(FactorNotFound):
        calculate_footprint(inv, set_2023, ar5)


def test_unit_mismatch_names_the_line(set_2024, ar5):
    bad = line("distribution", "柴油", 5, "L", "fuel.diesel")
    with pytest.raises(UnitMismatch) as caught:
        line_result(bad, 7, set_2024, ar5)
    assert caught.value.message("en").startswith("Line 7 (Distribution, 柴油): amount in 'L'")
    assert caught.value.message("zh").startswith("第 7 行（成品运输，柴油）：")


def test_empty_inventory_has_zero_total_and_zero_shares(set_2024, ar5):
    result = calculate_footprint(inventory(), set_2024, ar5)
    assert result.total_kg_co2e == 0.0 and result.primary_data_share == 0.0
    assert all(s.kg_co2e == 0.0 and s.share == 0.0 for s in result.stages)


def test_result_carries_its_identity(ws_inventory, set_2023):
    result = calculate_footprint(ws_inventory, set_2023, GWP["AR6"])
    assert (result.model_code, result.period, result.factor_set_id, result.gwp_set) == (
        "WS-TPS-48-900A", "2025", "cn-cfp-2023", "AR6")
