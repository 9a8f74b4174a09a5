"""Store hardening (#14): REPLACE cannot overwrite append-only rows, dropped triggers come back, a damaged
file is refused, 4 writer processes lose nothing, ``kill -9`` mid-save leaves a consistent store."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cfp_core import store
from cfp_core.errors import StoreDamaged
from cfp_core.store import immutability, seed

ROOT = Path(__file__).resolve().parents[2]

WRITER = """
import sys
from cfp_core import store
from cfp_core.access import cli_principal
db = store.open_db(sys.argv[1])
who = cli_principal("weisidemu", "writer" + sys.argv[2])
inventory = store.load_inventory(db, "WS-TPS-48-900A", "2025")
for n in range(int(sys.argv[3])):
    line = inventory.lines[0].model_copy(update={"note": f"writer {sys.argv[2]} save {n}"})
    store.save_inventory(db, who, inventory.model_copy(update={"lines": (line, *inventory.lines[1:])}))
    print(n, flush=True)
"""


@pytest.fixture
def db_file(tmp_path) -> Path:
    path = tmp_path / "cfp.db"
    db = store.open_db(path)
    seed.seed_database(db)
    db.close()
    return path


def _revisions(path: Path) -> int:
    db = store.open_db(path)
    try:
        return db.execute("select count(*) from inventory_revisions where model_code = 'WS-TPS-48-900A' "
                          "and period = '2025'").fetchone()[0]
    finally:
        db.close()


def test_every_append_only_table_is_listed(fresh_db):
    triggers = {r[0] for r in fresh_db.execute("select tbl_name from sqlite_master where type = 'trigger' "
                                                "and name like '%_no_update'")}
    assert triggers == set(immutability.IMMUTABLE_TABLES)


@pytest.mark.parametrize("table", immutability.IMMUTABLE_TABLES)
def test_insert_or_replace_is_refused_on_every_append_only_table(db_file, table):
    db = store.open_db(db_file)
    db.execute(f"insert into {table} select * from {table} limit 0")
    rows = db.execute(f"select count(*) from {table}").fetchone()[0]
    if not rows:  # empty in the seeded store: append one synthetic row (inserts are allowed), foreign keys off
        db.execute("PRAGMA foreign_keys = OFF")
        columns = db.execute(f"PRAGMA table_info({table})").fetchall()
        dummy = {"INTEGER": 1, "REAL": 1.0, "FLOAT": 1.0}
        values = [dummy.get(str(c[2]).upper(), "x") for c in columns]
        db.execute(f"insert into {table} values ({', '.join('?' * len(values))})", values)
    before = db.execute(f"select * from {table} order by rowid").fetchall()
    with pytest.raises(sqlite3.IntegrityError, match="immutable"):
        db.execute(f"insert or replace into {table} select * from {table} order by rowid limit 1")
    assert db.execute(f"select * from {table} order by rowid").fetchall() == before


def test_replace_of_a_snapshot_is_refused(seeded_db):
    seeded_db.execute("PRAGMA recursive_triggers = OFF")  # REPLACE's delete fires no delete trigger then
    with pytest.raises(sqlite3.IntegrityError, match="immutable"):
        seeded_db.execute("replace into factor_sets select * from factor_sets limit 1")


def test_a_dropped_trigger_is_recreated_on_open(db_file):
    raw = sqlite3.connect(db_file)
    raw.execute("drop trigger inventory_revisions_no_update")
    raw.execute("drop trigger inventory_revisions_no_replace")
    raw.commit()
    raw.close()
    db = store.open_db(db_file)
    with pytest.raises(sqlite3.IntegrityError, match="immutable"):
        db.execute("update inventory_revisions set payload = '{}'")
    db.close()


def test_a_damaged_file_is_refused_with_a_message(tmp_path):
    path = tmp_path / "broken.db"
    path.write_bytes(b"SQLite format 3\x00" + os.urandom(4096))
    with pytest.raises(StoreDamaged) as caught:
        store.open_db(path)
    assert str(path) in caught.value.message("zh") and "integrity" in caught.value.message("en")


def test_a_file_damaged_after_its_check_is_checked_again_on_the_next_open(tmp_path):
    """The integrity check runs once per unchanged file in a process (#13); a change to the file re-checks."""
    path = tmp_path / "cfp.db"
    store.open_db(path).close()
    checked = path.stat()
    store.open_db(path).close()  # unchanged: not checked again (nothing to see here but no error)
    data = bytearray(path.read_bytes())
    data[200:4096] = os.urandom(4096 - 200)  # damage the first page, past the header
    path.write_bytes(bytes(data))
    assert path.stat().st_mtime_ns != checked.st_mtime_ns or path.stat().st_ino != checked.st_ino
    with pytest.raises(StoreDamaged):
        store.open_db(path)


def test_foreign_keys_are_on(fresh_db):
    assert fresh_db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def _writer(path: Path, name: str, saves: int) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-c", WRITER, str(path), name, str(saves)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.mark.timeout(180)
def test_four_writer_processes_lose_nothing(db_file):
    before = _revisions(db_file)
    writers = [_writer(db_file, str(n), 10) for n in range(4)]
    for writer in writers:
        out, err = writer.communicate(timeout=170)
        assert writer.returncode == 0, err
    assert _revisions(db_file) == before + 40
    db = store.open_db(db_file)
    revisions = [r[0] for r in db.execute("select revision from inventory_revisions where model_code = "
                                          "'WS-TPS-48-900A' and period = '2025' order by revision")]
    assert revisions == list(range(1, before + 41))
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    audited = db.execute("select count(*) from audit_events where subject like 'cli:writer%' or principal "
                         "like 'writer%'").fetchone()[0]
    assert audited == 40
    db.close()


@pytest.mark.timeout(180)
def test_kill_9_during_saves_leaves_a_consistent_store(db_file):
    for round_no in range(5):
        before = _revisions(db_file)
        writer = _writer(db_file, f"k{round_no}", 1000)
        writer.stdout.readline()  # at least one save done: the next is in flight
        time.sleep(0.05 * round_no)
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=30)
        db = store.open_db(db_file)  # quick_check on open
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        after = _revisions(db_file)
        saves = db.execute("select count(*) from audit_events where principal like ? or subject like ?",
                           [f"%k{round_no}%", f"%k{round_no}%"]).fetchone()[0]
        assert after - before == saves >= 1  # every revision has its audit event and the other way round
        db.close()


def test_a_record_changed_outside_the_core_is_refused_by_name_in_both_languages(seeded_db, caplog):
    """A payload that no longer parses (raw SQL around the core) gives a localized error, not pydantic's text."""
    from cfp_core.store.records import RecordUnreadable

    seeded_db.execute("INSERT INTO product_revisions (model_code, revision, payload, created_at, author, comment) "
                      "VALUES ('ZZ-BROKEN', 1, '{\"model_code\": ', '2026-12-03T00:00:00Z', 'x', '')")
    with pytest.raises(RecordUnreadable) as raised:
        store.load_product(seeded_db, "ZZ-BROKEN")
    assert "ZZ-BROKEN r1" in raised.value.message("en") and "cannot be read" in raised.value.message("en")
    assert "无法读取" in raised.value.message("zh") and "Invalid JSON" not in raised.value.message("zh")
    with pytest.raises(RecordUnreadable):
        store.list_products(seeded_db)
    assert any("ZZ-BROKEN" in r.getMessage() and "Invalid JSON" in r.getMessage() for r in caplog.records)
