"""Stored supplier disclosures: the same PACT id twice is one disclosure, newer versions supersede older ones,
and a wrong one is hidden or retracted by an append-only event with a reason (nothing deleted)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from cfp_core.access import cli_principal
from cfp_core.errors import ImportRejected, ReasonRequired
from cfp_core.io import (
    disclosure_history,
    import_supplier_file,
    list_supplier_disclosures,
    mark_supplier_disclosure,
    read_footprints,
    save_supplier_disclosure,
)

ADMIN = cli_principal("weisidemu", "tests")
EXAMPLES = Path(__file__).resolve().parents[1] / "data" / "pact" / "official"


def footprint(name: str):
    return read_footprints((EXAMPLES / name).read_bytes(), name)


def count(db, table: str) -> int:
    return db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_the_same_file_imported_four_times_is_one_disclosure(fresh_db):
    results = [import_supplier_file(fresh_db, ADMIN, footprint("example-1.json")) for _ in range(4)]
    assert results[0][0][1] is True and all(r == [(results[0][0][0], False)] for r in results[1:])
    assert count(fresh_db, "supplier_disclosures") == 1


def test_a_rejected_file_writes_nothing(fresh_db):
    import_supplier_file(fresh_db, ADMIN, footprint("example-1.json"))
    before = count(fresh_db, "supplier_disclosures"), count(fresh_db, "audit_events")
    document = json.loads((EXAMPLES / "example-3.json").read_text(encoding="utf-8"))
    document["pcf"]["primaryDataShare"] = "150"
    with pytest.raises(ImportRejected):
        import_supplier_file(fresh_db, ADMIN, read_footprints(json.dumps(document).encode(), "x.json"))
    assert (count(fresh_db, "supplier_disclosures"), count(fresh_db, "audit_events")) == before


def test_preceding_pf_ids_and_same_product_supersede(fresh_db):
    (old,) = footprint("get-footprint-response.json")
    newer = old.model_copy(update={"pf_id": "aaaaaaaa-0000-4000-8000-000000000001", "created": "2030-01-01T00:00:00Z",
                                   "raw": {**old.raw, "id": "aaaaaaaa-0000-4000-8000-000000000001"}})
    chained = old.model_copy(update={"pf_id": "bbbbbbbb-0000-4000-8000-000000000002", "product_ids": ("urn:x:other",),
                                     "preceding_pf_ids": (newer.pf_id,), "raw": {**old.raw, "id": "b"}})
    ids = [save_supplier_disclosure(fresh_db, ADMIN, d) for d in (old, newer, chained)]
    stored = {s.id: s for s in list_supplier_disclosures(fresh_db)}
    assert stored[ids[0]].state == "superseded" and stored[ids[0]].superseded_by == ids[1]
    assert stored[ids[1]].state == "superseded" and stored[ids[1]].superseded_by == ids[2]
    assert stored[ids[2]].state == "active"


def test_hide_retract_and_restore_are_events_with_history(fresh_db):
    (one,) = import_supplier_file(fresh_db, ADMIN, footprint("example-1.json"))
    row = one[0]
    with pytest.raises(ReasonRequired):
        mark_supplier_disclosure(fresh_db, ADMIN, row, "hidden", "  ")
    mark_supplier_disclosure(fresh_db, ADMIN, row, "hidden", "wrong part")
    assert list_supplier_disclosures(fresh_db, include_hidden=False) == []
    (stored,) = list_supplier_disclosures(fresh_db)
    assert stored.state == "hidden" and not stored.visible
    mark_supplier_disclosure(fresh_db, ADMIN, row, "restored", "it was right")
    mark_supplier_disclosure(fresh_db, ADMIN, row, "retracted", "supplier withdrew it")
    (stored,) = list_supplier_disclosures(fresh_db)
    assert stored.state == "retracted"
    assert [h["kind"] for h in disclosure_history(stored)] == ["received", "hidden", "restored", "retracted"]
    assert count(fresh_db, "supplier_disclosures") == 1
    with pytest.raises(sqlite3.DatabaseError, match="immutable"):
        fresh_db.execute("DELETE FROM supplier_disclosure_events")
