"""Published snapshots are append-only in the store itself, and publishing is one transaction."""

import sqlite3

import pytest

from cfp_core.access import cli_principal  # noqa: E402
from cfp_core.publish import snapshots as pub
from cfp_core.store import migrations
from cfp_core.store.seed import seed_database

ADMIN = cli_principal("weisidemu", "tests")  # the acting principal of every write in these tests

WS = ("WS-TPS-48-900A", "2025")


@pytest.fixture
def published(fresh_db):
    seed_database(fresh_db, include_demo=False)
    return fresh_db, pub.publish(fresh_db, ADMIN, *WS)


def test_migration_creates_both_tables_and_is_idempotent(fresh_db):
    migrations.apply(fresh_db)
    assert {"published_snapshots", "snapshot_status_events"} <= set(fresh_db.table_names())
    applied = [r["name"] for r in fresh_db.query("select name from _sqlite_migrations")]
    assert applied.count("002_published_snapshots") == 1


@pytest.mark.parametrize("statement", [
    "update published_snapshots set payload = '{}' where snapshot_id = ?",
    "update published_snapshots set content_hash = 'forged' where snapshot_id = ?",
    "delete from published_snapshots where snapshot_id = ?",
    "update snapshot_status_events set status = 'Active' where snapshot_id = ?",
    "delete from snapshot_status_events where snapshot_id = ?",
])
def test_update_or_delete_of_a_published_snapshot_fails_in_the_store(published, statement):
    db, snapshot = published
    with pytest.raises(sqlite3.DatabaseError, match="immutable"):
        db.execute(statement, [snapshot.snapshot_id])
    assert pub.load_snapshot(db, snapshot.snapshot_id).content_hash == snapshot.content_hash


def test_publishing_twice_adds_rows_and_events_without_updating_any(published):
    db, first = published
    second = pub.publish(db, ADMIN, *WS)
    rows = list(db.query("select snapshot_id, version from published_snapshots order by version"))
    assert [(r["snapshot_id"], r["version"]) for r in rows] == [(first.snapshot_id, 1), (second.snapshot_id, 2)]
    events = list(db.query("select snapshot_id, status, successor_id from snapshot_status_events order by id"))
    assert [(e["snapshot_id"], e["status"], e["successor_id"]) for e in events] == [
        (first.snapshot_id, "Active", ""), (second.snapshot_id, "Active", ""),
        (first.snapshot_id, "Deprecated", second.snapshot_id)]


def test_publish_is_one_transaction(published, monkeypatch):
    db, _ = published

    def fail(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(pub, "_record_event", fail)
    with pytest.raises(RuntimeError):
        pub.publish(db, ADMIN, *WS)
    assert [r["version"] for r in db.query("select version from published_snapshots")] == [1]
    assert not db.conn.in_transaction


def test_publish_uses_a_write_transaction(published, monkeypatch):
    db, _ = published
    calls = []
    original = pub.store.write_transaction

    def spy(database):
        calls.append(database)
        return original(database)

    monkeypatch.setattr(pub.store, "write_transaction", spy)
    pub.publish(db, ADMIN, *WS)
    assert calls == [db]


def test_tokens_are_unique_in_the_store(published):
    db, snapshot = published
    row = dict(next(iter(db.query("select * from published_snapshots"))))
    row.update(snapshot_id="another", version=99)
    with pytest.raises(sqlite3.IntegrityError):
        db.table("published_snapshots").insert(row)


def test_versions_count_per_model_and_period(fresh_db):
    seed_database(fresh_db)
    assert pub.publish(fresh_db, ADMIN, *WS).version == 1
    assert pub.publish(fresh_db, ADMIN, "WS-TPS-48-900A", "2024", audience="internal").version == 1
    assert pub.publish(fresh_db, ADMIN, *WS).version == 2


def test_an_old_snapshot_still_verifies_after_the_models_grew(seeded_db):
    """Snapshots are checked over the stored bytes: new default fields in a later version don't break them."""
    import json

    from cfp_core.publish import integrity, load_snapshot, publish, verify_snapshot

    snapshot = publish(seeded_db, cli_principal("weisidemu"), "WS-TPS-48-900A", "2025", audience="internal")
    stored = json.loads(snapshot.stored_payload)
    del stored["disclosure"]["recalculated"]  # as written before this field existed
    old = snapshot.model_copy(update={"stored_payload": json.dumps(stored),
                                      "content_hash": integrity.content_hash(stored)})
    assert verify_snapshot(old) and verify_snapshot(load_snapshot(seeded_db, snapshot.snapshot_id))
    tampered = old.model_copy(update={"stored_payload": old.stored_payload.replace("93.43", "83.43")})
    assert not verify_snapshot(tampered)
