"""Activity lines and materialised results in the store (#13): written with their revision or not at all,
backfilled for revisions stored before them, append-only, read without payloads."""

from __future__ import annotations

import json
import sqlite3

import pytest
from sqlite_utils import Database

from cfp_core import service, store
from cfp_core.access import cli_principal
from cfp_core.errors import ImmutableRecord
from cfp_core.store import db as store_db
from cfp_core.store import lines, migrations, results, seed

ADMIN = cli_principal("weisidemu", "tests")


def payload_lines(db, revision_id):
    payload = db.execute("select payload from inventory_revisions where id = ?", [revision_id]).fetchone()[0]
    return json.loads(payload)["lines"]


def test_every_seeded_revision_has_its_lines_head_and_result(seeded_db):
    for rid, code, period in seeded_db.execute("select id, model_code, period from inventory_revisions").fetchall():
        rows = list(seeded_db.query("select * from activity_lines where revision_id = ? order by line_no", [rid]))
        expected = payload_lines(seeded_db, rid)
        assert [(r["stage"], r["amount"], r["unit"], r["factor_ref"], r["data_source"]) for r in rows] == [
            (ln["stage"], ln["amount"], ln["unit"], ln.get("factor_ref"), ln["data_source"]) for ln in expected]
        head = next(seeded_db.query("select * from inventory_heads where revision_id = ?", [rid]))
        assert (head["model_code"], head["period"], head["line_count"]) == (code, period, len(expected))
        # computed on save under the inventory's own set and GWP set
        assert seeded_db.execute("select count(*) from results where revision_id = ? and set_id = ?",
                                 [rid, head["factor_set_id"]]).fetchone()[0] == 1


def test_a_custom_factor_line_keeps_its_factor_in_columns(seeded_db):
    row = next(seeded_db.query("select * from activity_lines a join inventory_heads h using (revision_id) "
                               "where h.model_code = 'WS-TPS-48-900A' and h.period = '2025' and line_no = 5"))
    assert row["factor_ref"] is None and row["custom_value"] == 0.0726 and row["custom_ncv_unit"] == "MJ/kg"


def test_a_failing_save_writes_neither_revision_nor_lines(seeded_db, monkeypatch):
    before = [seeded_db.execute(f"select count(*) from {t}").fetchone()[0]
              for t in ("inventory_revisions", "activity_lines", "inventory_heads", "results")]
    inventory = store.load_inventory(seeded_db, "WS-TPS-48-900A", "2025")

    def boom(*args, **kwargs):
        raise RuntimeError("disk gone")

    monkeypatch.setattr(results, "materialise_saved", boom)  # the last step of the save's transaction
    with pytest.raises(RuntimeError):
        store.save_inventory(seeded_db, ADMIN, inventory.model_copy(update={"note": "x"}))
    after = [seeded_db.execute(f"select count(*) from {t}").fetchone()[0]
             for t in ("inventory_revisions", "activity_lines", "inventory_heads", "results")]
    assert after == before


def test_a_save_that_does_not_calculate_is_saved_with_lines_and_no_result(seeded_db):
    inventory = store.load_inventory(seeded_db, "WS-TPS-48-900A", "2025")
    broken = inventory.lines[0].model_copy(update={"factor_ref": "no.such.factor"})
    revision = store.save_inventory(seeded_db, ADMIN, inventory.model_copy(update={"lines": (broken, *inventory.lines[1:])}))
    rid = seeded_db.execute("select id from inventory_revisions where model_code = 'WS-TPS-48-900A' and period = '2025'"
                            " and revision = ?", [revision]).fetchone()[0]
    assert seeded_db.execute("select count(*) from activity_lines where revision_id = ?", [rid]).fetchone()[0] == 6
    assert seeded_db.execute("select count(*) from results where revision_id = ?", [rid]).fetchone()[0] == 0
    frame = service.portfolio_results(seeded_db, model_codes=["WS-TPS-48-900A"], period="2025")
    assert "no.such.factor" in frame.iloc[0]["problem"].message("en")


def test_an_old_schema_database_is_backfilled(ws_product, ws_inventory):
    db = Database(memory=True)
    migrations.migrations.apply(db, stop_before="i17_activity_lines")
    assert not db.table("activity_lines").exists()
    for n, note in enumerate(("first", "second"), start=1):  # what put_inventory wrote before #13
        payload = ws_inventory.model_copy(update={"note": note}).model_dump(mode="json")
        db.table("inventory_revisions").insert({"model_code": "WS-TPS-48-900A", "period": "2025", "revision": n,
                                                "payload": store.canonical_json(payload), "created_at": store.now(),
                                                "author": "old", "comment": "", "content_hash": ""})
    store_db.put_product(db, ws_product)
    for factor_set in seed.reference_factor_sets().values():
        store_db.put_factor_set(db, factor_set)
    migrations.apply(db)
    assert db.execute("select count(*) from inventory_heads").fetchone()[0] == 2
    assert db.execute("select count(*) from activity_lines").fetchone()[0] == 12
    frame = service.portfolio_results(db)
    assert frame["revision"].tolist() == [2]
    assert frame.iloc[0]["total_kg_co2e"] == service.stored_footprint(db, "WS-TPS-48-900A", "2025").total_kg_co2e


@pytest.mark.parametrize("table", ["activity_lines", "inventory_heads", "results"])
def test_the_new_tables_are_append_only(seeded_db, table):
    assert table in migrations.IMMUTABLE_TABLES
    with pytest.raises(sqlite3.DatabaseError, match="immutable"):
        seeded_db.execute(f"update {table} set revision_id = revision_id")
    with pytest.raises(sqlite3.DatabaseError, match="immutable"):
        seeded_db.execute(f"delete from {table}")
    row = next(seeded_db.query(f"select * from {table} limit 1"))
    with pytest.raises(sqlite3.DatabaseError, match="immutable"):
        seeded_db.table(table).insert(row, replace=True)


def test_list_inventories_and_latest_revision_read_no_payload(seeded_db):
    plan = seeded_db.execute("explain query plan select model_code, period, max(revision), max(created_at) from "
                             "inventory_revisions group by model_code, period order by model_code, period").fetchall()
    assert "COVERING INDEX" in plan[0][3]
    rows = store.list_inventories(seeded_db)
    assert len(rows) == 9 and rows[0] | {"created_at": None} == {"model_code": "WS-TPS-48-300A", "period": "2023",
                                                                   "revision": 1, "created_at": None}
    assert store.latest_revision(seeded_db, "WS-TPS-48-900A", "2025") == 1
    assert store.latest_revision(seeded_db, "NOPE", "2025") is None


def test_a_result_key_holds_the_id_resolution_so_a_new_set_cannot_make_it_stale(seeded_db):
    before = service.portfolio_results(seeded_db)
    known = store.known_factor_ids(seeded_db)
    digests = {r[0] for r in seeded_db.execute("select distinct resolution from results").fetchall()}
    assert digests == {results.resolution(known)}
    custom = store.load_factor_set(seeded_db, "cn-cfp-2024").model_copy(update={"set_id": "my-set", "reference": False})
    with pytest.raises(ImmutableRecord):  # a set never changes under its id
        store.save_factor_set(seeded_db, ADMIN, custom.model_copy(update={"set_id": "cn-cfp-2024"}))
    store.save_factor_set(seeded_db, ADMIN, custom)
    after = service.portfolio_results(seeded_db)
    assert after["total_kg_co2e"].tolist() == before["total_kg_co2e"].tolist()


def test_a_read_only_store_serves_results_without_storing(seeded_db_path):
    db = store.open_db(seeded_db_path)
    db.close()
    ro = Database(sqlite3.connect(f"file:{seeded_db_path}?mode=ro", uri=True))
    frame = service.portfolio_results(ro, set_id="cn-cfp-2023")
    assert frame["problem"].isna().sum() >= 6
    assert ro.execute("select count(*) from results where set_id = 'cn-cfp-2023'").fetchone()[0] == 3
    assert lines.STAGE_CODE["production"] == 2


def test_the_packed_columns_read_back_as_the_line_rows(seeded_db):
    ids = [r[0] for r in seeded_db.execute("select id from inventory_revisions order by id desc").fetchall()]
    columns = lines.read_columns(seeded_db, ids)
    assert columns.revision_ids == tuple(sorted(ids))
    rows = seeded_db.execute("select revision_id, line_no, stage_code, amount, is_primary, unit, factor_ref,"
                             " custom_value from activity_lines order by revision_id, line_no").fetchall()
    assert [columns.revision_ids[p] for p in columns.position.tolist()] == [r[0] for r in rows]
    assert columns.line_no.tolist() == [r[1] for r in rows] and columns.stage_code.tolist() == [r[2] for r in rows]
    assert columns.amount.tolist() == [r[3] for r in rows]  # the same doubles, bit for bit
    assert columns.is_primary.tolist() == [bool(r[4]) for r in rows]
    keys = [columns.keys[k] for k in columns.key_code.tolist()]
    assert [k[0] for k in keys] == [r[5] for r in rows]
    assert [k[1] if isinstance(k[1], str) else k[1]["value"] for k in keys] == [r[6] or r[7] for r in rows]
    assert lines.read_columns(seeded_db, []).amount.size == 0
