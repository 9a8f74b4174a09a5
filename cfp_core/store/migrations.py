"""Schema history of the dashboard database (``sqlite_utils.Migrations``). Never edit a shipped migration."""

from __future__ import annotations

import logging

from sqlite_utils import Database, Migrations

_log = logging.getLogger(__name__)

migrations = Migrations("cfp")

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
    "reduction_targets", "supplier_factors",
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


@migrations(name="001_core_tables")
def core_tables(db: Database) -> None:
    db.table("organisations").create(
        {"org_id": str, "payload": str, "updated_at": str}, pk="org_id"
    )
    db.table("product_revisions").create(
        {"id": int, "model_code": str, "revision": int, "payload": str, "created_at": str,
         "author": str, "comment": str},
        pk="id",
    )
    db.table("product_revisions").create_index(["model_code", "revision"], unique=True)
    db.table("inventory_revisions").create(
        {"id": int, "model_code": str, "period": str, "revision": int, "payload": str,
         "content_hash": str, "created_at": str, "author": str, "comment": str},
        pk="id",
    )
    db.table("inventory_revisions").create_index(["model_code", "period", "revision"], unique=True)
    db.table("factor_sets").create(
        {"set_id": str, "payload": str, "reference": int, "parent_id": str, "created_at": str},
        pk="set_id",
    )
    for table in ("product_revisions", "inventory_revisions", "factor_sets"):
        make_immutable(db, table)


def apply(db: Database) -> None:
    """Apply pending migrations (idempotent)."""
    migrations.apply(db)


@migrations(name="002_published_snapshots")
def published_snapshots(db: Database) -> None:
    """Published card snapshots and their status history; both append-only."""
    db.table("published_snapshots").create(
        {"snapshot_id": str, "model_code": str, "period": str, "version": int, "token": str, "created": str,
         "audience": str, "author": str, "payload": str, "content_hash": str},
        pk="snapshot_id", not_null={"model_code", "period", "version", "token", "payload", "content_hash"},
    )
    db.table("published_snapshots").create_index(["token"], unique=True)
    db.table("published_snapshots").create_index(["model_code", "period", "version"], unique=True)
    db.table("snapshot_status_events").create(
        {"id": int, "snapshot_id": str, "status": str, "successor_id": str, "reason": str, "created": str},
        pk="id", foreign_keys=[("snapshot_id", "published_snapshots", "snapshot_id")],
    )
    db.table("snapshot_status_events").create_index(["snapshot_id", "id"])
    for table in ("published_snapshots", "snapshot_status_events"):
        make_immutable(db, table)


@migrations(name="003_supplier_disclosures")
def supplier_disclosures(db: Database) -> None:
    """Suppliers' PACT footprint disclosures as received (payload = parsed disclosure JSON); append-only."""
    db.table("supplier_disclosures").create(
        {"id": int, "supplier": str, "product": str, "part": str, "received_at": str, "spec_version": str,
         "payload": str, "content_hash": str},
        pk="id", not_null={"supplier", "product", "received_at", "payload", "content_hash"},
    )
    make_immutable(db, "supplier_disclosures")


@migrations(name="004_audit_log")
def audit_log(db: Database) -> None:
    """Every write with its authenticated subject and time (UTC); append-only."""
    db.table("audit_events").create(
        {"id": int, "at": str, "subject": str, "principal": str, "kind": str, "org_id": str, "action": str,
         "target": str, "detail": str},
        pk="id", not_null={"at", "subject", "action"},
    )
    db.table("audit_events").create_index(["at"])
    db.table("audit_events").create_index(["subject", "at"])
    db.table("audit_events").create_index(["action", "at"])
    make_immutable(db, "audit_events")


@migrations(name="005_organisation_settings")
def organisation_settings(db: Database) -> None:
    """Organisation settings, one append-only revision per save."""
    db.table("organisation_settings").create(
        {"id": int, "org_id": str, "revision": int, "payload": str, "created_at": str, "author": str, "comment": str},
        pk="id", not_null={"org_id", "revision", "payload"},
    )
    db.table("organisation_settings").create_index(["org_id", "revision"], unique=True)
    make_immutable(db, "organisation_settings")


@migrations(name="i8_members")
def members(db: Database) -> None:
    """Who holds which roles in which organisation: one append-only event per change (empty roles = removed)."""
    db.table("member_events").create(
        {"id": int, "org_id": str, "member_key": str, "subject": str, "email": str, "name": str, "roles": str,
         "at": str, "by": str},
        pk="id", not_null={"org_id", "member_key", "roles", "at", "by"},
    )
    db.table("member_events").create_index(["org_id", "member_key"])
    db.table("member_events").create_index(["subject"])
    db.table("member_events").create_index(["email"])
    make_immutable(db, "member_events")


@migrations(name="i8_publication_requests")
def publication_requests(db: Database) -> None:
    """Four eyes: publication requests and their one decision each (approved / rejected); append-only."""
    db.table("publication_requests").create(
        {"request_id": int, "org_id": str, "model_code": str, "period": str, "set_id": str, "audience": str,
         "note": str, "disclosure_hash": str, "requested_by": str, "requested_label": str, "requested_at": str},
        pk="request_id", not_null={"org_id", "model_code", "period", "disclosure_hash", "requested_by"},
    )
    db.table("publication_requests").create_index(["org_id", "request_id"])
    db.table("publication_decisions").create(
        {"id": int, "request_id": int, "decision": str, "reason": str, "decided_by": str, "decided_label": str,
         "decided_at": str, "snapshot_id": str},
        pk="id", not_null={"request_id", "decision", "decided_by"},
        foreign_keys=[("request_id", "publication_requests", "request_id")],
    )
    db.table("publication_decisions").create_index(["request_id"], unique=True)
    for table in ("publication_requests", "publication_decisions"):
        make_immutable(db, table)


@migrations(name="i9_api_clients")
def i9_api_clients(db: Database) -> None:
    """PACT API clients of the disclosure server (secret stored as an argon2 hash) and their revocations;
    the approvers' answers to PCF requests. All append-only."""
    db.table("api_clients").create(
        {"client_id": str, "org_id": str, "name": str, "secret_hash": str, "products": str, "created": str,
         "author": str},
        pk="client_id", not_null={"org_id", "name", "secret_hash", "products", "created"},
    )
    db.table("api_client_revocations").create(
        {"id": int, "client_id": str, "revoked": str, "author": str},
        pk="id", foreign_keys=[("client_id", "api_clients", "client_id")],
    )
    db.table("pcf_request_decisions").create(
        {"id": int, "request_id": str, "decision": str, "pf_ids": str, "error_code": str, "message": str,
         "decided": str, "author": str},
        pk="id", not_null={"request_id", "decision", "decided"},
    )
    db.table("pcf_request_decisions").create_index(["request_id"], unique=True)
    for table in ("api_clients", "api_client_revocations", "pcf_request_decisions"):
        make_immutable(db, table)


@migrations(name="i8_organisation_revisions")
def organisation_revisions(db: Database) -> None:
    """Every save of an organisation's record (legal names, address) as an append-only revision."""
    db.table("organisation_revisions").create(
        {"id": int, "org_id": str, "revision": int, "payload": str, "created_at": str, "author": str, "comment": str},
        pk="id", not_null={"org_id", "revision", "payload"},
    )
    db.table("organisation_revisions").create_index(["org_id", "revision"], unique=True)
    for row in db.query("select org_id, payload, updated_at from organisations"):  # what existed before
        db.table("organisation_revisions").insert({"org_id": row["org_id"], "revision": 1, "payload": row["payload"],
                                                   "created_at": row["updated_at"], "author": "", "comment": ""})
    make_immutable(db, "organisation_revisions")


@migrations(name="i10_supplier_events")
def i10_supplier_events(db: Database) -> None:
    """Hide / retract / restore events of supplier disclosures, with the reason and the author; append-only."""
    db.table("supplier_disclosure_events").create(
        {"id": int, "disclosure_id": int, "kind": str, "reason": str, "at": str, "author": str},
        pk="id", not_null={"disclosure_id", "kind", "reason", "at"},
        foreign_keys=[("disclosure_id", "supplier_disclosures", "id")],
    )
    db.table("supplier_disclosure_events").create_index(["disclosure_id"])
    make_immutable(db, "supplier_disclosure_events")


@migrations(name="i11_bom_mappings")
def bom_mappings(db: Database) -> None:
    """What a bill-of-materials material or freight mode means (a factor ref), per organisation; append-only,
    the newest row per (org, kind, text) wins."""
    db.table("bom_mappings").create(
        {"id": int, "org_id": str, "kind": str, "text": str, "factor_ref": str, "created_at": str, "author": str},
        pk="id", not_null={"org_id", "kind", "text", "factor_ref"},
    )
    db.table("bom_mappings").create_index(["org_id", "kind", "text"])
    make_immutable(db, "bom_mappings")


@migrations(name="i14_no_replace")
def i14_no_replace(db: Database) -> None:
    """Append-only tables also refuse ``INSERT OR REPLACE`` over an existing key (hardening, #14)."""
    for table in IMMUTABLE_TABLES:
        make_immutable(db, table)


@migrations(name="i15_supplier_directory")
def i15_supplier_directory(db: Database) -> None:
    """The supplier directory (one append-only revision per save of a supplier and its parts) and which
    directory supplier and part each supplier disclosure belongs to (append-only, the newest row wins)."""
    db.table("supplier_directory_revisions").create(
        {"id": int, "supplier_id": str, "revision": int, "payload": str, "created_at": str, "author": str,
         "comment": str},
        pk="id", not_null={"supplier_id", "revision", "payload", "created_at"},
    )
    db.table("supplier_directory_revisions").create_index(["supplier_id", "revision"], unique=True)
    db.table("supplier_assignments").create(
        {"id": int, "disclosure_id": int, "supplier_id": str, "part": str, "at": str, "author": str},
        pk="id", not_null={"disclosure_id", "at"},
        foreign_keys=[("disclosure_id", "supplier_disclosures", "id")],
    )
    db.table("supplier_assignments").create_index(["disclosure_id"])
    for table in ("supplier_directory_revisions", "supplier_assignments"):
        make_immutable(db, table)


@migrations(name="i16_supplier_connections")
def i16_supplier_connections(db: Database) -> None:
    """Suppliers' PACT endpoints (revisions, the secret Fernet-encrypted), each fetch run and each PCF request
    sent (#10.5); all append-only."""
    db.table("supplier_connections").create(
        {"id": int, "org_id": str, "name": str, "revision": int, "base_url": str, "auth_url": str,
         "client_id": str, "secret_token": str, "created_at": str, "author": str},
        pk="id", not_null={"org_id", "name", "revision", "base_url", "client_id", "secret_token", "created_at"},
    )
    db.table("supplier_connections").create_index(["org_id", "name", "revision"], unique=True)
    db.table("supplier_fetches").create(
        {"id": int, "org_id": str, "connection": str, "at": str, "author": str, "outcome": str},
        pk="id", not_null={"org_id", "connection", "at", "outcome"},
    )
    db.table("supplier_requests").create(
        {"id": int, "org_id": str, "connection": str, "event_id": str, "criteria": str, "comment": str,
         "sent_at": str, "author": str},
        pk="id", not_null={"org_id", "connection", "event_id", "criteria", "sent_at"},
    )
    db.table("supplier_requests").create_index(["event_id"], unique=True)
    db.table("supplier_request_answers").create(
        {"id": int, "request_event_id": str, "answer_event_id": str, "kind": str, "received": str,
         "outcome": str, "imported_at": str, "author": str},
        pk="id", not_null={"request_event_id", "answer_event_id", "kind", "outcome", "imported_at"},
    )
    db.table("supplier_request_answers").create_index(["answer_event_id"], unique=True)
    for table in ("supplier_connections", "supplier_fetches", "supplier_requests", "supplier_request_answers"):
        make_immutable(db, table)


@migrations(name="i18_production_volumes")
def i18_production_volumes(db: Database) -> None:
    """Production volumes (declared units made) per model and period; each save is a new revision of the
    organisation's volumes, append-only: the newest row per (model, period) wins (#13.5)."""
    db.table("production_volumes").create(
        {"id": int, "org_id": str, "revision": int, "model_code": str, "period": str, "volume": float, "note": str,
         "illustrative": int, "created_at": str, "author": str, "comment": str},
        pk="id", not_null={"org_id", "revision", "model_code", "period", "volume"},
    )
    db.table("production_volumes").create_index(["org_id", "revision", "model_code", "period"], unique=True)
    db.table("production_volumes").create_index(["model_code", "period"])
    make_immutable(db, "production_volumes")


@migrations(name="i18_targets")
def i18_targets(db: Database) -> None:
    """Reduction targets of a model or of the portfolio (model_code ""), one revision per save, append-only (#13.5)."""
    db.table("reduction_targets").create(
        {"id": int, "org_id": str, "model_code": str, "revision": int, "baseline_year": int, "target_year": int,
         "kind": str, "value": float, "note": str, "illustrative": int, "created_at": str, "author": str},
        pk="id", not_null={"org_id", "model_code", "revision", "baseline_year", "target_year", "kind", "value"},
    )
    db.table("reduction_targets").create_index(["org_id", "model_code", "revision"], unique=True)
    make_immutable(db, "reduction_targets")


@migrations(name="i19_supplier_factors")
def i19_supplier_factors(db: Database) -> None:
    """Which factor was made from which supplier disclosure (and on which basis), append-only (#10.6)."""
    db.table("supplier_factors").create(
        {"id": int, "factor_id": str, "set_id": str, "key": str, "disclosure_id": int, "pf_id": str, "version": str,
         "basis": str, "created_at": str, "author": str},
        pk="id", not_null={"factor_id", "set_id", "key", "disclosure_id", "basis", "created_at"},
    )
    db.table("supplier_factors").create_index(["factor_id"])
    make_immutable(db, "supplier_factors")
