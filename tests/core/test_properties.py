"""Invariants of the calculation, the store and the portfolio path (hypothesis).

Inventories are drawn from the reference sets' keys with units those factors accept.
Function-scoped fixtures do not mix with @given, so sets are loaded at import and
databases are opened in memory inside each example.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cfp_core import calculate_footprint, store, units
from cfp_core.access import cli_principal  # noqa: E402
from cfp_core.errors import UnitMismatch
from cfp_core.library import gwp_sets, reference_factor_sets
from cfp_core.models import STAGES, ActivityLine, CustomFactor, DataSourceType, Inventory, ProductModel, ReportingPeriod
from cfp_core.portfolio import compile_factor_sets, compile_portfolio, portfolio_footprints

ADMIN = cli_principal("weisidemu", "tests")  # the acting principal of every write in these tests

SETS = reference_factor_sets()
CFP_SETS = (SETS["cn-cfp-2024"], SETS["cn-cfp-2023"])
GWP = gwp_sets()
TRUCK = "transport.road.heavy_diesel_truck_cold_chain"
# What each reference key accepts: the factor's own dimension plus any its NCV bridges.
ACCEPTS = {
    "electricity.cn.national": {"energy"},
    "fuel.diesel": {"energy", "mass"},
    "fuel.gasoline": {"energy", "mass"},
    "fuel.natural_gas": {"energy", "volume"},
    TRUCK: {"freight"},
}
GOOD_PAIRS = sorted((key, unit) for key, dims in ACCEPTS.items() for unit in units.UNITS
                    if units.dimension_of(unit) in dims)
BAD_PAIRS = sorted((key, unit) for key, dims in ACCEPTS.items() for unit in units.UNITS
                   if units.dimension_of(unit) not in dims)
ACTIVITIES = ("电力", "柴油", "天然气", "运输", "Electricity", "diesel, forklift")

# Moderate example counts keep this file under ~10 s; no global profile is loaded.
examples = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
few_examples = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])

amounts = st.floats(min_value=0.0, max_value=1e4, allow_nan=False, allow_infinity=False)
custom_factors = st.builds(
    CustomFactor, value=st.floats(0.0, 100.0), unit=st.sampled_from(["kg", "kWh", "tkm", "piece"]),
    gas=st.sampled_from(["CO2e", "CO2", "CH4", "N2O"]), source=st.just("供应商数据"),
)


@st.composite
def lines(draw):
    """A valid line against the reference CFP sets (or, one time in ten, a custom factor)."""
    stage = draw(st.sampled_from(STAGES))
    activity = draw(st.sampled_from(ACTIVITIES))
    source = draw(st.sampled_from(list(DataSourceType)))
    if draw(st.integers(0, 9)) == 0:
        custom = draw(custom_factors)
        return ActivityLine(stage=stage, activity=activity, amount=draw(amounts), unit=custom.unit,
                            custom_factor=custom, data_source=source)
    key, unit = draw(st.sampled_from(GOOD_PAIRS))
    return ActivityLine(stage=stage, activity=activity, amount=draw(amounts), unit=unit, factor_ref=key,
                        data_source=source)


inventories = st.builds(
    Inventory,
    model_code=st.from_regex(r"[A-Z][A-Z0-9]{0,6}(-[A-Z0-9]{1,5})?", fullmatch=True),
    period=st.integers(2015, 2030).map(ReportingPeriod.year),
    lines=st.lists(lines(), max_size=20).map(tuple),
    gwp_set=st.sampled_from(["AR4", "AR5", "AR6"]),
    note=st.sampled_from(["", "内部测算", "estimate"]),
)
factor_sets = st.sampled_from(CFP_SETS)


def footprint(inventory, factor_set):
    return calculate_footprint(inventory, factor_set, GWP[inventory.gwp_set])


@examples
@given(inventories, factor_sets)
def test_stages_sum_to_the_total_and_shares_to_one(inventory, factor_set):
    result = footprint(inventory, factor_set)
    assert sum(s.kg_co2e for s in result.stages) == pytest.approx(result.total_kg_co2e, rel=1e-12, abs=1e-12)
    assert sum(s.line_count for s in result.stages) == len(inventory.lines)
    if result.total_kg_co2e > 0:
        assert sum(s.share for s in result.stages) == pytest.approx(1.0, rel=1e-12)
    else:
        assert all(s.share == 0.0 for s in result.stages)


@examples
@given(inventories, factor_sets, st.floats(0.001, 1000.0))
def test_scaling_every_amount_scales_the_total(inventory, factor_set, k):
    scaled = inventory.model_copy(update={"lines": tuple(
        line.model_copy(update={"amount": line.amount * k}) for line in inventory.lines)})
    assert footprint(scaled, factor_set).total_kg_co2e == pytest.approx(
        k * footprint(inventory, factor_set).total_kg_co2e, rel=1e-9, abs=1e-12)


@examples
@given(amounts, st.sampled_from(STAGES), factor_sets)
def test_kwh_and_wh_give_the_same_footprint(amount, stage, factor_set):
    kwh = Inventory(model_code="E-1", period=ReportingPeriod.year(2025), lines=(
        ActivityLine(data_source="primary_measured", stage=stage, activity="电力", amount=amount, unit="kWh", factor_ref="electricity.cn.national"),))
    wh = kwh.model_copy(update={"lines": (kwh.lines[0].model_copy(update={"amount": amount * 1000, "unit": "Wh"}),)})
    assert footprint(wh, factor_set).total_kg_co2e == pytest.approx(
        footprint(kwh, factor_set).total_kg_co2e, rel=1e-12, abs=1e-15)


@examples
@given(st.floats(0.0, 1e3), st.sampled_from(["fuel.diesel", "fuel.gasoline"]), factor_sets)
def test_tonnes_and_kilograms_give_the_same_footprint(tonnes, key, factor_set):
    in_t = Inventory(model_code="F-1", period=ReportingPeriod.year(2025), lines=(
        ActivityLine(data_source="primary_measured", stage="production", activity="燃料", amount=tonnes, unit="t", factor_ref=key),))
    kg_line = in_t.lines[0].model_copy(update={"amount": tonnes * 1000, "unit": "kg"})
    in_kg = in_t.model_copy(update={"lines": (kg_line,)})
    assert footprint(in_kg, factor_set).total_kg_co2e == pytest.approx(
        footprint(in_t, factor_set).total_kg_co2e, rel=1e-12, abs=1e-15)


@examples
@given(st.sampled_from(BAD_PAIRS), amounts, factor_sets)
def test_units_of_another_dimension_raise_unit_mismatch(pair, amount, factor_set):
    key, unit = pair
    inventory = Inventory(model_code="U-1", period=ReportingPeriod.year(2025), lines=(
        ActivityLine(data_source="primary_measured", stage="production", activity="错误单位", amount=amount, unit=unit, factor_ref=key),))
    with pytest.raises(UnitMismatch) as caught:
        footprint(inventory, factor_set)
    assert f"'{unit}'" in caught.value.message("en") and f"“{unit}”" in caught.value.message("zh")


def test_the_mismatch_table_covers_piece_and_missing_density():
    assert {("fuel.diesel", "L"), ("fuel.diesel", "piece"), ("electricity.cn.national", "kg"),
            (TRUCK, "kWh")} <= set(BAD_PAIRS)
    assert all((key, "piece") in BAD_PAIRS for key in ACCEPTS)


@examples
@given(inventories, factor_sets, st.randoms(use_true_random=False))
def test_line_order_does_not_change_stages_or_total(inventory, factor_set, rnd):
    shuffled = list(inventory.lines)
    rnd.shuffle(shuffled)
    before = footprint(inventory, factor_set)
    after = footprint(inventory.model_copy(update={"lines": tuple(shuffled)}), factor_set)
    assert after.stage_totals() == before.stage_totals()  # math.fsum is exact whatever the order
    assert after.total_kg_co2e == before.total_kg_co2e


@few_examples
@given(inventories)
def test_store_round_trip_is_exact(inventory):
    db = store.open_db(memory=True)
    try:
        store.save_product(db, ADMIN, ProductModel(model_code=inventory.model_code, org_id="org", name_zh="产品"))
        assert store.save_inventory(db, ADMIN, inventory) == 1
        assert store.load_inventory(db, inventory.model_code, inventory.period.label) == inventory
    finally:
        db.close()


@examples
@given(inventories)
def test_canonical_json_is_stable(inventory):
    data = inventory.model_dump(mode="json")
    text = store.canonical_json(data)
    reordered = json.loads(json.dumps(dict(reversed(list(data.items())))))
    assert store.canonical_json(reordered) == text
    assert store.canonical_json(Inventory.model_validate_json(text).model_dump(mode="json")) == text
    assert store.content_hash(reordered) == store.content_hash(data)


@examples
@given(st.lists(inventories, max_size=5), st.sampled_from(["AR4", "AR5", "AR6"]))
def test_portfolio_path_equals_single_path(batch, gwp_id):
    portfolio = compile_portfolio(batch)
    result = portfolio_footprints(portfolio, compile_factor_sets(portfolio, CFP_SETS, GWP[gwp_id]))
    for s, factor_set in enumerate(CFP_SETS):
        for i, inventory in enumerate(batch):
            single = calculate_footprint(inventory, factor_set, GWP[gwp_id])
            assert list(result.stage_totals[s, i]) == pytest.approx(list(single.stage_totals().values()), rel=1e-12)
            assert result.totals[s, i] == pytest.approx(single.total_kg_co2e, rel=1e-12)
