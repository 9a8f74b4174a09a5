"""The illustrative demo portfolio (data/demo/ws_tps_family.json) loads, seeds and computes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cfp_core import service, store
from cfp_core.store.seed import load_portfolio_file, seed_database

ROOT = Path(__file__).resolve().parents[2]
DEMO_FILE = ROOT / "data" / "demo" / "ws_tps_family.json"
REFERENCE_FILE = ROOT / "data" / "reference" / "ws_tps_48_900a.json"
DEMO_MODELS = {"WS-TPS-48-300A", "WS-TPS-48-600A"}


@pytest.fixture(scope="module")
def demo():
    return load_portfolio_file(DEMO_FILE)


@pytest.fixture(scope="module")
def demo_db():
    db = store.open_db(memory=True)
    seed_database(db)
    yield db
    db.close()


def test_file_says_it_is_illustrative():
    about = json.loads(DEMO_FILE.read_text(encoding="utf-8"))["_about"]
    assert "ILLUSTRATIVE" in about and "示例数据" in about


def test_every_demo_record_is_illustrative(demo):
    _, products, inventories = demo
    assert inventories and all(inv.illustrative for inv in inventories)
    new_products = [p for p in products if p.model_code in DEMO_MODELS]
    assert {p.model_code for p in new_products} == DEMO_MODELS
    assert all(p.illustrative for p in new_products)


def test_demo_file_adds_only_illustrative_products(demo):
    # The 900A demo periods use the real product from data/reference, which seeding stores first.
    _, products, _ = demo
    assert {p.model_code for p in products} == DEMO_MODELS
    assert all(p.illustrative for p in products)


def test_demo_models_have_mass_and_periods(demo):
    _, products, inventories = demo
    masses = {p.model_code: p.product_mass_kg for p in products if p.model_code in DEMO_MODELS}
    assert masses == {"WS-TPS-48-300A": 95.0, "WS-TPS-48-600A": 160.0}
    periods = {(inv.model_code, inv.period.label) for inv in inventories}
    for model in DEMO_MODELS:
        assert {(model, y) for y in ("2023", "2024", "2025")} <= periods
    assert ("WS-TPS-48-900A", "2025") not in periods  # the real report lives in data/reference
    assert {("WS-TPS-48-900A", "2023"), ("WS-TPS-48-900A", "2024")} <= periods


def test_factor_set_follows_the_year(demo):
    _, _, inventories = demo
    for inv in inventories:
        assert inv.factor_set_id == ("cn-cfp-2023" if inv.period.label == "2023" else "cn-cfp-2024")
        assert inv.verification is None
        assert inv.boundary.cutoff_rule and inv.boundary.allocation_rule


def test_one_internal_note_for_the_publish_test(demo):
    _, _, inventories = demo
    internal = [line for inv in inventories for line in inv.lines if line.note_internal]
    assert len(internal) == 1 and "INTERNAL-ONLY" in internal[0].note
    public = [line for inv in inventories for line in inv.lines if not line.note_internal]
    assert all("INTERNAL-ONLY" not in line.note for line in public)


def test_lines_have_pedigree_and_mixed_sources(demo):
    _, _, inventories = demo
    lines = [line for inv in inventories for line in inv.lines]
    assert all(line.pedigree is not None for line in lines)
    assert {line.data_source.value for line in lines} == {
        "primary_measured", "supplier_specific", "secondary_default", "proxy"}


@pytest.mark.parametrize("model", ["WS-TPS-48-300A", "WS-TPS-48-600A", "WS-TPS-48-900A"])
def test_electricity_use_falls_every_year(demo, model):
    _, _, inventories = demo
    by_year = {inv.period.label: inv for inv in inventories if inv.model_code == model}
    kwh = [sum(line.amount for line in by_year[y].lines if line.factor_ref == "electricity.cn.national")
           for y in sorted(by_year)]
    assert kwh == sorted(kwh, reverse=True) and len(set(kwh)) == len(kwh)


def test_seeding_adds_the_demo_records(demo_db):
    models = {p.model_code for p in store.list_products(demo_db)}
    assert DEMO_MODELS | {"WS-TPS-48-900A"} <= models
    assert store.list_periods(demo_db, "WS-TPS-48-300A") == ["2023", "2024", "2025"]
    assert store.list_periods(demo_db, "WS-TPS-48-900A") == ["2023", "2024", "2025"]
    assert store.load_inventory(demo_db, "WS-TPS-48-900A", "2025").illustrative is False


@pytest.mark.parametrize("set_id", ["cn-cfp-2023", "cn-cfp-2024"])
def test_every_inventory_computes(demo_db, set_id):
    for row in store.list_inventories(demo_db):
        footprint = service.stored_footprint(demo_db, row["model_code"], row["period"], set_id)
        assert footprint.total_kg_co2e > 0
        assert not [w for w in footprint.warnings if w[0] in ("warn.org_factor_in_cfp", "warn.mixed_families")]


def test_totals_fall_year_on_year_under_declared_sets(demo_db):
    for model in DEMO_MODELS | {"WS-TPS-48-900A"}:
        totals = [service.stored_footprint(demo_db, model, y).total_kg_co2e for y in ("2023", "2024", "2025")]
        assert totals[0] > totals[1] > totals[2]
