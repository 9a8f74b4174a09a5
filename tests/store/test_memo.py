"""The store-version memo (#13): whole-portfolio reads are remembered per version, never stale, never shared."""

from __future__ import annotations

from cfp_core import store
from cfp_core.access import cli_principal
from cfp_core.analysis import management_inputs, overview
from cfp_core.store import memo

ADMIN = cli_principal("weisidemu", "tests")


def test_a_product_revision_is_a_new_version(seeded_db):
    before = store.list_products(seeded_db)
    assert store.list_products(seeded_db) == before
    product = store.load_product(seeded_db, "WS-TPS-48-300A")
    store.save_product(seeded_db, ADMIN, product.model_copy(update={"name_en": "Renamed rectifier"}))
    after = {p.model_code: p for p in store.list_products(seeded_db)}
    assert after["WS-TPS-48-300A"].name_en == "Renamed rectifier"
    frame = overview.portfolio_overview(seeded_db, "en")
    assert frame.set_index("model_code").loc["WS-TPS-48-300A", "name"] == "Renamed rectifier"


def test_each_caller_gets_its_own_answer(seeded_db):
    listed = store.list_products(seeded_db)
    listed.clear()
    assert store.list_products(seeded_db)
    rows = store.list_inventories(seeded_db)
    rows[0]["model_code"] = "changed"
    assert store.list_inventories(seeded_db)[0]["model_code"] != "changed"
    frame = overview.portfolio_overview(seeded_db, "en")
    frame.loc[0, "name"] = "changed"
    assert overview.portfolio_overview(seeded_db, "en").loc[0, "name"] != "changed"
    found = management_inputs(seeded_db)
    found.points.clear()
    assert management_inputs(seeded_db).points


def test_the_memo_is_keyed_by_arguments_and_answers_like_the_uncached_call(seeded_db):
    assert overview.portfolio_overview(seeded_db, "zh")["name"].tolist() != \
        overview.portfolio_overview(seeded_db, "en")["name"].tolist()
    for lang in ("zh", "en"):
        assert overview.portfolio_overview(seeded_db, lang).equals(overview.portfolio_overview.uncached(seeded_db, lang))
    assert store.list_inventories(seeded_db) == store.list_inventories.uncached(seeded_db)


def test_a_new_inventory_revision_shows_at_once(seeded_db):
    before = {(r["model_code"], r["period"]): r["revision"] for r in store.list_inventories(seeded_db)}
    inventory = store.load_inventory(seeded_db, "WS-TPS-48-300A", "2025")
    store.save_inventory(seeded_db, ADMIN, inventory.model_copy(update={"lines": inventory.lines[:-1]}))
    after = {(r["model_code"], r["period"]): r["revision"] for r in store.list_inventories(seeded_db)}
    assert after[("WS-TPS-48-300A", "2025")] == before[("WS-TPS-48-300A", "2025")] + 1


def test_an_in_memory_database_is_never_memoised(fresh_db):
    assert memo.store_version(fresh_db) is None
    assert store.list_products(fresh_db) == []


def test_forget_empties_every_memo(seeded_db):
    store.list_products(seeded_db)
    assert any(memo._MEMOS)
    memo.forget()
    assert not any(memo._MEMOS)
    assert store.list_products(seeded_db) == store.list_products.uncached(seeded_db)
