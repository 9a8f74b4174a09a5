"""The SQLite store: exact round trips, append-only revisions, transactions, migrations, concurrency."""

from __future__ import annotations

import multiprocessing
import sqlite3

import pytest

from cfp_core import store
from cfp_core.access import cli_principal  # noqa: E402
from cfp_core.errors import ImmutableRecord, NotFound
from cfp_core.models import Organisation, OrganisationSettings, ProductModel
from cfp_core.store import migrations
from cfp_core.store.seed import seed_database

ADMIN = cli_principal("weisidemu", "tests")  # the acting principal of every write in these tests

WRITES_PER_PROCESS = 50


def product(code="WS-TPS-48-900A", name="智能通信电源系统", **kw):
    return ProductModel(model_code=code, org_id="weisidemu", name_zh=name, **kw)


def count(db, table):
    return next(iter(db.query(f"select count(*) as n from {table}")))["n"]


def test_organisation_round_trip(fresh_db):
    org = Organisation(org_id="weisidemu", name_zh="浙江威斯得姆电子有限公司", country_subdivision="CN-ZJ",
                       company_ids=("urn:uuid:0c2f5e2a-0000-4000-8000-000000000001",))
    store.save_organisation(fresh_db, ADMIN, org)
    assert store.load_organisation(fresh_db, "weisidemu") == org
    renamed = org.model_copy(update={"name_en": "Weisidemu"})
    store.save_organisation(fresh_db, ADMIN, renamed)  # organisations are upserted, not versioned
    assert store.list_organisations(fresh_db) == [renamed]
    with pytest.raises(NotFound):
        store.load_organisation(fresh_db, "nobody")


def test_product_revisions_append_and_earlier_ones_stay_loadable(fresh_db):
    versions = [product(), product(product_mass_kg=52.5), product(name="通信电源系统（第三版）")]
    assert [store.save_product(fresh_db, ADMIN, p) for p in versions] == [1, 2, 3]
    assert [store.load_product(fresh_db, "WS-TPS-48-900A", revision=r) for r in (1, 2, 3)] == versions
    assert store.load_product(fresh_db, "WS-TPS-48-900A") == versions[-1]
    assert store.list_products(fresh_db) == [versions[-1]]


def test_inventory_round_trip_is_exact(fresh_db, ws_inventory, ws_product):
    store.save_product(fresh_db, ADMIN, ws_product)
    assert store.save_inventory(fresh_db, ADMIN, ws_inventory) == 1
    loaded = store.load_inventory(fresh_db, "WS-TPS-48-900A", "2025")
    assert loaded == ws_inventory
    assert [ln.amount for ln in loaded.lines] == [ln.amount for ln in ws_inventory.lines]


def test_inventory_revisions_append_with_history(fresh_db, ws_inventory, ws_product):
    store.save_product(fresh_db, ADMIN, ws_product)
    edits = [ws_inventory.model_copy(update={"note": f"修订 {n}"}) for n in (1, 2, 3)]
    assert [store.save_inventory(fresh_db, ADMIN, inv, comment=f"edit {n}") for n, inv in enumerate(edits, 1)] == [1, 2, 3]
    history = store.inventory_revisions(fresh_db, "WS-TPS-48-900A", "2025")
    assert [h["revision"] for h in history] == [3, 2, 1]
    assert [h["comment"] for h in history] == ["edit 3", "edit 2", "edit 1"]
    assert history[2]["content_hash"] == store.content_hash(edits[0].model_dump(mode="json"))
    assert store.load_inventory(fresh_db, "WS-TPS-48-900A", "2025", revision=1) == edits[0]
    assert store.load_inventory(fresh_db, "WS-TPS-48-900A", "2025") == edits[2]
    assert store.latest_revision(fresh_db, "WS-TPS-48-900A", "2025") == 3
    assert store.list_periods(fresh_db) == store.list_periods(fresh_db, "WS-TPS-48-900A") == ["2025"]
    assert [(r["model_code"], r["period"], r["revision"]) for r in store.list_inventories(fresh_db)] == [
        ("WS-TPS-48-900A", "2025", 3)]


def test_inventory_of_an_unknown_product_is_refused(fresh_db, ws_inventory):
    with pytest.raises(NotFound):
        store.save_inventory(fresh_db, ADMIN, ws_inventory)
    assert count(fresh_db, "inventory_revisions") == 0
    with pytest.raises(NotFound) as caught:
        store.load_inventory(fresh_db, "WS-TPS-48-900A", "2025", revision=4)
    assert "WS-TPS-48-900A 2025 r4" in caught.value.message("en") and "清单" in caught.value.message("zh")
    assert store.latest_revision(fresh_db, "WS-TPS-48-900A", "2025") is None


def test_factor_set_round_trip_and_known_ids(fresh_db, set_2024, set_2023):
    store.save_factor_set(fresh_db, ADMIN, set_2024)
    store.save_factor_set(fresh_db, ADMIN, set_2024)  # same content: a no-op
    store.save_factor_set(fresh_db, ADMIN, set_2023)
    assert store.load_factor_set(fresh_db, "cn-cfp-2024") == set_2024
    assert [s.set_id for s in store.list_factor_sets(fresh_db)] == ["cn-cfp-2024", "cn-cfp-2023"]
    known = store.known_factor_ids(fresh_db)
    assert known["cn_elec_cfp_national_2023"] == known["cn_elec_cfp_national_2024"] == "electricity.cn.national"
    with pytest.raises(NotFound):
        store.load_factor_set(fresh_db, "cn-cfp-1999")


def test_a_changed_factor_set_under_an_existing_id_is_refused(fresh_db, set_2024):
    store.save_factor_set(fresh_db, ADMIN, set_2024)
    changed = set_2024.model_copy(update={"name_en": "edited"})
    with pytest.raises(ImmutableRecord) as caught:
        store.save_factor_set(fresh_db, ADMIN, changed)
    assert "cn-cfp-2024" in caught.value.message("en") and "不可更改" in caught.value.message("zh")
    assert store.load_factor_set(fresh_db, "cn-cfp-2024") == set_2024


@pytest.mark.parametrize(
    "statement",
    [
        "update product_revisions set payload = '{}'",
        "delete from product_revisions",
        "update inventory_revisions set comment = 'rewritten'",
        "delete from inventory_revisions",
        "update factor_sets set payload = '{}'",
        "delete from factor_sets",
    ],
)
def test_revisions_and_factor_sets_refuse_update_and_delete(fresh_db, ws_product, ws_inventory, set_2024, statement):
    store.save_product(fresh_db, ADMIN, ws_product)
    store.save_inventory(fresh_db, ADMIN, ws_inventory)
    store.save_factor_set(fresh_db, ADMIN, set_2024)
    with pytest.raises(sqlite3.IntegrityError, match="immutable"):
        fresh_db.execute(statement)
    assert store.load_inventory(fresh_db, "WS-TPS-48-900A", "2025") == ws_inventory
    assert store.load_factor_set(fresh_db, "cn-cfp-2024") == set_2024


def test_failed_write_transaction_leaves_nothing(fresh_db, ws_product, ws_inventory):
    with pytest.raises(RuntimeError, match="boom"), store.write_transaction(fresh_db):
        store.save_product(fresh_db, ADMIN, ws_product)
        store.save_inventory(fresh_db, ADMIN, ws_inventory)
        raise RuntimeError("boom")
    assert count(fresh_db, "product_revisions") == count(fresh_db, "inventory_revisions") == 0
    assert not fresh_db.conn.in_transaction
    store.save_product(fresh_db, ADMIN, ws_product)  # the connection is usable afterwards
    assert store.list_products(fresh_db) == [ws_product]


def test_migrations_apply_twice_without_error(tmp_path):
    db = store.open_db(tmp_path / "twice.db")
    tables = set(db.table_names())
    migrations.apply(db)
    migrations.apply(db)
    assert set(db.table_names()) == tables
    assert {"organisations", "product_revisions", "inventory_revisions", "factor_sets"} <= tables
    db.close()
    again = store.open_db(tmp_path / "twice.db")
    assert set(again.table_names()) == tables
    again.close()


def test_file_databases_use_wal(tmp_path):
    db = store.open_db(tmp_path / "wal.db")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.close()


def _save_many(path: str, tag: str, barrier) -> None:
    from cfp_core.models import ActivityLine, Inventory, ReportingPeriod

    db = store.open_db(path)
    barrier.wait()
    for n in range(WRITES_PER_PROCESS):
        inventory = Inventory(model_code="RACE-1", period=ReportingPeriod.year(2025), note=f"{tag}-{n}", lines=(
            ActivityLine(data_source="primary_measured", stage="production", activity="电力", amount=n + 1, unit="kWh",
                         factor_ref="electricity.cn.national"),))
        store.save_inventory(db, cli_principal("weisidemu", tag), inventory)
    db.close()


def test_two_processes_saving_concurrently_lose_no_revision(tmp_path):
    path = tmp_path / "race.db"
    db = store.open_db(path)
    store.save_product(db, ADMIN, product("RACE-1"))
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(2)
    workers = [context.Process(target=_save_many, args=(str(path), tag, barrier)) for tag in ("A", "B")]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
    assert [w.exitcode for w in workers] == [0, 0]
    history = store.inventory_revisions(db, "RACE-1", "2025")
    assert sorted(h["revision"] for h in history) == list(range(1, 2 * WRITES_PER_PROCESS + 1))
    authors = [r["author"] for r in db.query("select author from inventory_revisions")]
    assert (authors.count("A <cli:A>"), authors.count("B <cli:B>")) == (WRITES_PER_PROCESS, WRITES_PER_PROCESS)
    audited = [r["subject"] for r in db.query("select subject from audit_events where action = 'save_inventory'")]
    assert (audited.count("cli:A"), audited.count("cli:B")) == (WRITES_PER_PROCESS, WRITES_PER_PROCESS)
    db.close()


def test_seed_database_is_idempotent(fresh_db):
    first = seed_database(fresh_db)
    assert first["factor_sets"] == 7 and first["products"] >= 1 and first["inventories"] >= 1
    sizes = {table: count(fresh_db, table) for table in fresh_db.table_names()}
    assert first["volumes"] == 9 and first["targets"] == 2  # the illustrative demo volumes and targets (#13.5)
    assert seed_database(fresh_db) == {"factor_sets": 0, "products": 0, "inventories": 0, "volumes": 0, "targets": 0}
    assert {table: count(fresh_db, table) for table in fresh_db.table_names()} == sizes
    assert store.load_inventory(fresh_db, "WS-TPS-48-900A", "2025").model_code == "WS-TPS-48-900A"


def test_a_missing_organisation_is_named_as_such(fresh_db):
    with pytest.raises(NotFound) as raised:
        store.load_organisation(fresh_db, "no-such-org")
    assert raised.value.message("en").startswith("Organisation") and "组织" in raised.value.message("zh")
    assert "Product" not in raised.value.message("en")


def test_the_audit_log_is_append_only_and_names_the_seeder(fresh_db):
    seed_database(fresh_db)
    (event,) = store.list_audit_events(fresh_db)
    assert (event["subject"], event["action"], event["kind"]) == ("system", "seed", "system")
    with pytest.raises(sqlite3.DatabaseError, match="immutable"):
        fresh_db.execute("update audit_events set subject = 'someone else'")
    with pytest.raises(sqlite3.DatabaseError, match="immutable"):
        fresh_db.execute("delete from audit_events")


def test_organisation_settings_are_versioned_and_default_when_unsaved(fresh_db):
    assert store.load_settings(fresh_db, "acme") == OrganisationSettings(org_id="acme")
    store.save_organisation(fresh_db, ADMIN, Organisation(org_id="acme", name_zh="某公司"))
    first = store.save_settings(fresh_db, ADMIN, OrganisationSettings(org_id="acme", public_base_url="https://a.cn/"))
    second = store.save_settings(fresh_db, ADMIN, OrganisationSettings(org_id="acme", four_eyes=False))
    assert (first, second) == (1, 2)
    assert store.load_settings(fresh_db, "acme").four_eyes is False
    assert OrganisationSettings(org_id="acme", public_base_url="https://a.cn/").public_base_url == "https://a.cn"
    with pytest.raises(ValueError):
        OrganisationSettings(org_id="acme", public_base_url="javascript:alert(1)")


def test_every_organisation_save_is_a_revision(seeded_db):
    org = store.load_organisation(seeded_db, "weisidemu")
    assert store.db.organisation_revisions(seeded_db, "weisidemu") == 1
    principal = cli_principal("weisidemu", "tests")
    assert store.save_organisation(seeded_db, principal, org) == 1  # unchanged: no new revision
    renamed = Organisation.model_validate(org.model_dump() | {"name_en": "Wisdom Electronics"})
    assert store.save_organisation(seeded_db, principal, renamed) == 2
    assert store.load_organisation(seeded_db, "weisidemu").name_en == "Wisdom Electronics"
    rows = list(seeded_db.query("select revision, author from organisation_revisions where org_id = 'weisidemu'"))
    assert [r["revision"] for r in rows] == [1, 2] and rows[1]["author"].endswith("<cli:tests>")
