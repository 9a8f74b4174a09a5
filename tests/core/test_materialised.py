"""Materialised results equal ``calculate_footprint`` exactly (#13): the demo data under every set and GWP set,
hypothesis inventories, the golden WS-TPS-48-900A 93.4346, and the incremental path computes only what changed."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cfp_core import calculate_footprint, service, store, units
from cfp_core.access import cli_principal
from cfp_core.errors import CfpError
from cfp_core.library import gwp_sets, reference_factor_sets
from cfp_core.models import STAGES, ActivityLine, CustomFactor, DataSourceType, Inventory, ProductModel, ReportingPeriod
from cfp_core.store import results

ADMIN = cli_principal("weisidemu", "tests")
SETS = reference_factor_sets()
ACCEPTS = {"electricity.cn.national": {"energy"}, "fuel.diesel": {"energy", "mass"},
           "fuel.gasoline": {"energy", "mass"}, "fuel.natural_gas": {"energy", "volume"},
           "transport.road.heavy_diesel_truck_cold_chain": {"freight"}}
GOOD_PAIRS = sorted((key, unit) for key, dims in ACCEPTS.items() for unit in units.UNITS
                    if units.dimension_of(unit) in dims)


def assert_equal_to_single_path(row, footprint):
    """Every materialised number is the single path's, bit for bit (no tolerance)."""
    assert [row[f"kg_{s.value}"] for s in STAGES] == list(footprint.stage_totals().values())
    assert [row[f"lines_{s.value}"] for s in STAGES] == [s.line_count for s in footprint.stages]
    assert row["total_kg_co2e"] == footprint.total_kg_co2e
    assert row["cradle_to_gate_kg_co2e"] == footprint.cradle_to_gate_kg_co2e
    assert row["primary_data_share"] == footprint.primary_data_share


@pytest.mark.parametrize("gwp_id", ["AR4", "AR5", "AR6"])
def test_demo_data_under_every_set_equals_the_single_path(seeded_db, gwp_id):
    known = store.known_factor_ids(seeded_db)
    for factor_set in store.list_factor_sets(seeded_db):
        frame = service.portfolio_results(seeded_db, factor_set.set_id, gwp_id)
        assert len(frame) == 9
        for row in frame.to_dict("records"):
            inventory = store.load_inventory(seeded_db, row["model_code"], row["period"])
            try:
                single = calculate_footprint(inventory, factor_set, gwp_sets()[gwp_id], known)
            except CfpError as error:
                assert row["problem"].message("en") == error.message("en")
                continue
            assert row["problem"] is None
            assert_equal_to_single_path(row, single)


def test_golden_ws_tps_48_900a_through_the_materialised_path(seeded_db):
    frame = service.portfolio_results(seeded_db, model_codes=["WS-TPS-48-900A"], period="2025")
    row = frame.iloc[0].to_dict()
    assert (row["factor_set_id"], row["gwp_set"]) == ("cn-cfp-2024", "AR5")
    assert row["total_kg_co2e"] == pytest.approx(93.4346, abs=5e-5)
    assert_equal_to_single_path(row, service.stored_footprint(seeded_db, "WS-TPS-48-900A", "2025"))
    # the stored row was written on save, so this read computed nothing
    assert seeded_db.execute("select count(*) from results where set_id = 'cn-cfp-2024'").fetchone()[0] == 6


def test_the_incremental_path_computes_only_the_new_revision(seeded_db, monkeypatch):
    service.portfolio_results(seeded_db, "cn-cfp-2023")  # materialise every inventory under 2023
    computed = []
    original = results.compute

    def counting(columns, *args):
        computed.append(columns.revision_ids)
        return original(columns, *args)

    monkeypatch.setattr(results, "compute", counting)
    assert service.portfolio_results(seeded_db, "cn-cfp-2023")["problem"].isna().all()
    assert computed == []  # warm: read only
    inventory = store.load_inventory(seeded_db, "WS-TPS-48-300A", "2025")
    store.save_inventory(seeded_db, ADMIN, inventory.model_copy(update={"lines": inventory.lines[:-1]}))
    computed.clear()
    frame = service.portfolio_results(seeded_db, "cn-cfp-2023")
    new_id = seeded_db.execute("select max(id) from inventory_revisions").fetchone()[0]
    assert computed == [(new_id,)]
    row = frame[(frame.model_code == "WS-TPS-48-300A") & (frame.period == "2025")].iloc[0].to_dict()
    assert row["revision"] == 2
    assert_equal_to_single_path(row, service.stored_footprint(seeded_db, "WS-TPS-48-300A", "2025", "cn-cfp-2023"))


def test_trend_points_carry_what_trend_frame_reads(seeded_db):
    from cfp_core import analysis

    points = service.trend_points(seeded_db, ["WS-TPS-48-900A"])
    assert [p for p, _ in points] == ["2023", "2024", "2025"]
    frame = analysis.trend_frame(points)
    assert frame["total_kg_co2e"].tolist() == [service.stored_footprint(seeded_db, "WS-TPS-48-900A", p).total_kg_co2e
                                               for p in ("2023", "2024", "2025")]


amounts = st.floats(min_value=0.0, max_value=1e4, allow_nan=False, allow_infinity=False)


@st.composite
def lines(draw):
    stage, source = draw(st.sampled_from(STAGES)), draw(st.sampled_from(list(DataSourceType)))
    if draw(st.integers(0, 9)) == 0:
        custom = CustomFactor(value=draw(st.floats(0.0, 100.0)), unit=draw(st.sampled_from(["kg", "kWh", "tkm"])),
                              gas=draw(st.sampled_from(["CO2e", "CH4", "N2O"])), source="供应商数据")
        return ActivityLine(stage=stage, activity="自定义", amount=draw(amounts), unit=custom.unit,
                            custom_factor=custom, data_source=source)
    key, unit = draw(st.sampled_from(GOOD_PAIRS))
    return ActivityLine(stage=stage, activity="电力", amount=draw(amounts), unit=unit, factor_ref=key,
                        data_source=source)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(lines(), max_size=15), min_size=1, max_size=4),
       st.sampled_from(["cn-cfp-2024", "cn-cfp-2023"]), st.sampled_from(["AR4", "AR5", "AR6"]))
def test_hypothesis_inventories_materialise_to_the_single_path(line_lists, set_id, gwp_id):
    db = store.open_db(memory=True)
    for factor_set in SETS.values():
        store.save_factor_set(db, ADMIN, factor_set)
    store.save_product(db, ADMIN, ProductModel(model_code="H-1", org_id="weisidemu", name_zh="测试"))
    for year, drawn in enumerate(line_lists, start=2020):
        store.save_inventory(db, ADMIN, Inventory(model_code="H-1", period=ReportingPeriod.year(year),
                                                  lines=tuple(drawn), gwp_set=gwp_id))
    frame = service.portfolio_results(db, set_id)
    known = store.known_factor_ids(db)
    for row in frame.to_dict("records"):
        inventory = store.load_inventory(db, "H-1", row["period"])
        assert row["problem"] is None
        assert_equal_to_single_path(row, calculate_footprint(inventory, SETS[set_id], gwp_sets()[gwp_id], known))


def test_the_portfolio_memo_follows_every_change_and_hands_out_its_own_rows(seeded_db, monkeypatch):
    """``portfolio_rows`` is memoised by the store's version (#13): never stale, never shared for writing."""
    first = service.portfolio_rows(seeded_db)
    reads = []
    monkeypatch.setattr(service, "_portfolio_rows", lambda *a: reads.append(a) or [])
    again = service.portfolio_rows(seeded_db)
    assert reads == [] and again == first  # unchanged store: the memo, no read
    again[0]["total_kg_co2e"] = -1.0
    assert service.portfolio_rows(seeded_db)[0]["total_kg_co2e"] == first[0]["total_kg_co2e"]
    monkeypatch.undo()
    inventory = store.load_inventory(seeded_db, "WS-TPS-48-300A", "2025")
    store.save_inventory(seeded_db, ADMIN, inventory.model_copy(update={"lines": inventory.lines[:-1]}))
    after = {(r["model_code"], r["period"]): r for r in service.portfolio_rows(seeded_db)}
    assert after[("WS-TPS-48-300A", "2025")]["revision"] == 2  # a new revision is a new version
    assert {r["factor_set_id"] for r in service.portfolio_rows(seeded_db, "cn-cfp-2023")} == {"cn-cfp-2023"}  # keyed by set


def test_the_memo_keys_an_empty_model_list_apart_from_every_model(seeded_db):
    assert service.portfolio_rows(seeded_db, model_codes=[]) == []
    assert len(service.portfolio_rows(seeded_db)) > 0
