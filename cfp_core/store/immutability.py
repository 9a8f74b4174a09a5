"""Append-only tables: the triggers that refuse UPDATE, DELETE and INSERT OR REPLACE, the list of tables that
carry them, and their repair on every open (``ensure_immutable``). Used by ``store.migrations``."""

from __future__ import annotations

import logging

from sqlite_utils import Database

_log = logging.getLogger(__name__)

_IMMUTABLE = (
    "CREATE TRIGGER IF NOT EXISTS {table}_no_update BEFORE UPDATE ON {table} "
    "BEGIN SELECT RAISE(ABORT, 'immutable: {table} rows cannot be changed'); END",
    "CREATE TRIGGER IF NOT EXISTS {table}_no_delete BEFORE DELETE ON {table} "
    "BEGIN SELECT RAISE(ABORT, 'immutable: {table} rows cannot be deleted'); END",
)


def make_immutable(db: Database, table: str) -> None:
    """Add triggers that make every row of ``table`` append-only: no UPDATE, no DELETE, and no INSERT
    over an existing key (``INSERT OR REPLACE`` deletes the old row without firing delete triggers).

    A table that does not exist yet is skipped: ``i14_no_replace`` walks every name in ``IMMUTABLE_TABLES``,
    including tables a later migration creates (and makes immutable) itself; ``tests/store/test_hardening.py``
    checks every listed table of a fresh store has its triggers."""
    if not db.table(table).exists():
        return
    for statement in _IMMUTABLE:
        db.execute(statement.format(table=table))
    db.execute(_no_replace(db, table))


def _no_replace(db: Database, table: str) -> str:
    keys = [[r[1] for r in db.execute(f"PRAGMA table_info({table})").fetchall() if r[5]]]
    for index in db.execute(f"PRAGMA index_list({table})").fetchall():
        if index[2]:  # unique
            keys.append([r[2] for r in db.execute(f"PRAGMA index_info({index[1]})").fetchall()])
    clauses = " OR ".join("(" + " AND ".join(f"{c} IS NEW.{c}" for c in cols) + ")" for cols in keys if cols)
    return (f"CREATE TRIGGER IF NOT EXISTS {table}_no_replace BEFORE INSERT ON {table} "
            f"WHEN EXISTS (SELECT 1 FROM {table} WHERE {clauses}) "
            f"BEGIN SELECT RAISE(ABORT, 'immutable: {table} rows cannot be replaced'); END")


# Every append-only table (tests/store/test_hardening.py checks this against the triggers of a fresh store).
IMMUTABLE_TABLES = (
    "product_revisions", "inventory_revisions", "factor_sets", "published_snapshots", "snapshot_status_events",
    "supplier_disclosures", "audit_events", "organisation_settings", "member_events", "publication_requests",
    "publication_decisions", "api_clients", "api_client_revocations", "pcf_request_decisions",
    "organisation_revisions", "supplier_disclosure_events", "bom_mappings",
    "supplier_directory_revisions", "supplier_assignments", "supplier_connections",
    "supplier_fetches", "supplier_requests", "supplier_request_answers", "production_volumes",
    "reduction_targets", "declared_figures", "activity_lines", "inventory_heads", "results",
    "supplier_factors",
)


def ensure_immutable(db: Database) -> list[str]:
    """Recreate any dropped append-only trigger (on every open); return the tables that needed it (logged)."""
    existing = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall()}
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()}
    repaired = [t for t in IMMUTABLE_TABLES if t in tables
                and not {f"{t}_no_update", f"{t}_no_delete", f"{t}_no_replace"} <= existing]
    for table in repaired:
        _log.warning("append-only triggers of %s were missing and have been recreated", table)
        make_immutable(db, table)
    return repaired
