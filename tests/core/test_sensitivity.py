"""Sensitivity analysis in the core (#12.9): factor ±x %, electricity-factor vintage, allocation choice.

Expectations are computed by hand from the WS-TPS-48-900A inventory (shared/seed/WS-TPS-48-900A_CFP_report.txt,
stored unrounded amounts in data/reference/ws_tps_48_900a.json): electricity 41.62199 + 54.14906 + 27.13504 kWh
at 0.5777 kgCO2e/kWh (2024); the 2023 national factor is 0.6205.
"""

from __future__ import annotations

import pytest

from cfp_core import calculate_footprint
from cfp_core.analysis.sensitivity import allocation_check, factor_swings, sensitivity
from cfp_core.library import reference_factors

KWH = {1: 41.62199, 4: 54.14906, 6: 27.13504}
F2024, F2023 = 0.5777, 0.6205


@pytest.fixture(scope="module")
def ws(ws_2025):
    return ws_2025


def test_each_factor_plus_minus_ten_percent_by_hand(ws):
    s = sensitivity(ws.lines, ws.total_kg_co2e, ws.boundary.allocation_rule)
    assert s.step == 0.10
    assert [x.line_no for x in s.swings] == [4, 1, 6, 2, 5, 3]  # largest swing first
    production = s.swings[0]
    kg = KWH[4] * F2024  # 31.281911962
    assert production.kg_co2e == pytest.approx(kg, rel=1e-12)
    assert production.low_total == pytest.approx(ws.total_kg_co2e - 0.1 * kg, rel=1e-12)
    assert production.high_total == pytest.approx(ws.total_kg_co2e + 0.1 * kg, rel=1e-12)
    assert production.swing == pytest.approx(0.2 * kg, rel=1e-12)
    assert production.low_total == pytest.approx(90.3064, abs=5e-5) and production.high_total == pytest.approx(
        96.5628, abs=5e-5)
    # every factor together: the total ±10 %
    assert s.low_total == pytest.approx(0.9 * ws.total_kg_co2e, rel=1e-12)
    assert s.high_total == pytest.approx(1.1 * ws.total_kg_co2e, rel=1e-12)
    assert (round(s.low_total, 4), round(s.high_total, 4)) == (84.0911, 102.7781)


def test_electricity_vintage_recomputes_with_the_2023_factor_by_hand(ws):
    s = sensitivity(ws.lines, ws.total_kg_co2e)
    assert s.electricity_lines == (1, 4, 6) and s.vintage_base == (2024,)
    (case,) = s.vintages
    delta = sum(KWH.values()) * (F2023 - F2024)  # 122.90609 kWh × 0.0428 = 5.260380652
    assert case.vintage == 2023
    assert case.delta == pytest.approx(delta, rel=1e-9)
    assert case.total_kg_co2e == pytest.approx(ws.total_kg_co2e + delta, rel=1e-12)
    assert round(case.total_kg_co2e, 4) == 98.6950
    assert case.change == pytest.approx(delta / ws.total_kg_co2e, rel=1e-12)
    assert case.replaced == tuple((no, "cn_elec_cfp_national_2023", F2023) for no in (1, 4, 6)) and case.kept == ()


def test_vintage_is_not_varied_for_a_line_with_its_own_factor(ws):
    own = tuple(x.model_copy(update={"factor_id": "custom.line1"}) if x.line_no == 1 else x for x in ws.lines)
    s = sensitivity(own, ws.total_kg_co2e)
    assert s.electricity_outside_library == (1,) and s.electricity_lines == (4, 6)
    (case,) = s.vintages
    assert case.delta == pytest.approx((KWH[4] + KWH[6]) * (F2023 - F2024), rel=1e-9)


def test_no_other_vintage_in_the_library_gives_no_case(ws):
    library = {k: v for k, v in reference_factors().items() if k != "cn_elec_cfp_national_2023"}
    s = sensitivity(ws.lines, ws.total_kg_co2e, library=library)
    assert s.electricity_lines == (1, 4, 6) and s.vintages == ()


def test_allocation_is_named_when_stated_and_not_applicable_otherwise(ws):
    stated = sensitivity(ws.lines, ws.total_kg_co2e, ws.boundary.allocation_rule).allocation
    assert stated.status == "not_recomputable" and "physical causality" in stated.rule
    assert sensitivity(ws.lines, ws.total_kg_co2e, "").allocation.status == "not_applicable"
    helper = allocation_check("", [(1, ""), (4, "… [allocation production:Electricity] …")])
    assert helper.status == "not_recomputable" and helper.lines == (4,)


@pytest.mark.parametrize("step", [0, 1, -0.1, 1.5])
def test_step_outside_zero_one_is_refused(ws, step):
    with pytest.raises(ValueError, match="between 0 and 1"):
        factor_swings(ws.lines, ws.total_kg_co2e, step)


def test_other_step_scales_the_swing(ws):
    s = sensitivity(ws.lines, ws.total_kg_co2e, step=0.25)
    assert s.swings[0].swing == pytest.approx(0.5 * KWH[4] * F2024, rel=1e-12)


def test_the_vintage_case_equals_a_full_recalculation_under_the_2023_set(ws_inventory, set_2024, set_2023, ar5):
    """The ratio shortcut agrees with calculate_footprint under cn-cfp-2023 (only electricity changes vintage)."""
    now = calculate_footprint(ws_inventory, set_2024, ar5)
    (case,) = sensitivity(now.lines, now.total_kg_co2e).vintages  # LineResult lines work as well
    assert case.total_kg_co2e == pytest.approx(calculate_footprint(ws_inventory, set_2023, ar5).total_kg_co2e, rel=1e-12)
