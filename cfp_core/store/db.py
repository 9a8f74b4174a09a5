"""SQLite store (sqlite-utils): organisations, product models, inventories, factor sets.

Every save of a product or an inventory appends a new revision; earlier revisions stay
readable and triggers in the schema refuse UPDATE and DELETE on them. Writes run inside
``write_transaction`` (``BEGIN IMMEDIATE``), so a save is whole or not at all.
The database path comes from ``CFP_DB_PATH`` or defaults to ``data/cfp.db``.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database

from cfp_core.errors import CfpError, ImmutableRecord, NotFound, StoreDamaged
from cfp_core.factors import FactorSet
from cfp_core.i18n import Msg
from cfp_core.library import gwp_sets
from cfp_core.models import Inventory, Organisation, OrganisationSettings, ProductModel
from cfp_core.store import immutability, lines, memo, migrations, results
from cfp_core.store.records import parse as _parse
from cfp_core.store.transactions import BUSY_TIMEOUT_S, check_integrity, retry_busy, write_transaction

DEFAULT_DB = Path(__file__).resolve().parents[2] / "data" / "cfp.db"
def db_path() -> Path:
    """Return the database path: ``$CFP_DB_PATH`` or ``data/cfp.db``."""
    return Path(os.environ.get("CFP_DB_PATH") or DEFAULT_DB)


def open_db(path: str | Path | None = None, memory: bool = False) -> Database:
    """Open (creating if needed) the database: WAL, a busy timeout, foreign keys, the schema applied.

    A file database is checked on open (``PRAGMA quick_check``) and its append-only triggers are
    recreated if any was dropped. Raises ``StoreDamaged`` if the check fails, ``StoreBusy`` if another
    process holds the database longer than the retries wait.
    """
    if memory:
        db = Database(memory=True)
    else:
        target = Path(path) if path else db_path()
        target.parent.mkdir(parents=True, exist_ok=True)
        db = Database(sqlite3.connect(str(target), timeout=BUSY_TIMEOUT_S, check_same_thread=False))
    try:
        db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        db.execute("PRAGMA foreign_keys = ON")
        if not memory:
            retry_busy(db.enable_wal)
            check_integrity(db, target)
        with write_transaction(db):  # one process at a time applies the schema (fresh-database race)
            migrations.apply(db)
            immutability.ensure_immutable(db)
    except sqlite3.DatabaseError as error:
        db.close()
        if isinstance(error, sqlite3.OperationalError) or memory:
            raise
        raise StoreDamaged(path=str(target), detail=str(error)) from None
    except BaseException:
        db.close()
        raise
    return db


def now() -> str:
    """Return the current UTC time as ISO 8601 (seconds)."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def canonical_json(data) -> str:
    """Return compact JSON with sorted keys: the form that is hashed and stored."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def content_hash(data) -> str:
    """Return the SHA-256 hex digest of ``canonical_json(data)``."""
    return hashlib.sha256(canonical_json(data).encode("utf-8")).hexdigest()


def _guard(error: sqlite3.DatabaseError, what: str, ident: str):
    if "immutable" in str(error):
        raise ImmutableRecord(what=Msg(what), ident=ident) from error
    raise error


# ---- organisations and product models -------------------------------------------------

def put_organisation(db: Database, org: Organisation, author: str = "") -> int:
    """Store an organisation as a new revision (unchanged content: no new revision) and make it current;
    return the revision number (unchecked: call through a checked write or the seeder)."""
    with write_transaction(db):
        payload = org.model_dump(mode="json")
        latest = _latest(db, "organisation_revisions", {"org_id": org.org_id}, None)
        if latest is not None and latest["payload"] == canonical_json(payload):
            return organisation_revisions(db, org.org_id)
        revision = _append(db, "organisation_revisions", {"org_id": org.org_id}, payload, author, "")
        db.table("organisations").upsert(
            {"org_id": org.org_id, "payload": canonical_json(payload), "updated_at": now()}, pk="org_id")
        return revision


def organisation_revisions(db: Database, org_id: str) -> int:
    """Return how many revisions an organisation's record has (0 if none)."""
    row = next(iter(db.query("select max(revision) as r from organisation_revisions where org_id = ?", [org_id])))
    return row["r"] or 0


def load_organisation(db: Database, org_id: str) -> Organisation:
    """Return an organisation. Raises ``NotFound``."""
    rows = list(db.query("select payload from organisations where org_id = ?", [org_id]))
    if not rows:
        raise NotFound(what=Msg("what.organisation"), ident=org_id)
    return _parse(Organisation, rows[0]["payload"], "organisation", org_id)


def list_organisations(db: Database) -> list[Organisation]:
    """Return all organisations."""
    rows = db.query("select org_id, payload from organisations order by org_id")
    return [_parse(Organisation, r["payload"], "organisation", r["org_id"]) for r in rows]


def put_settings(db: Database, settings: OrganisationSettings, author: str = "", comment: str = "") -> int:
    """Append a revision of an organisation's settings; return its revision number (unchecked)."""
    with write_transaction(db):
        return _append(db, "organisation_settings", {"org_id": settings.org_id}, settings.model_dump(mode="json"),
                       author, comment)


def load_settings(db: Database, org_id: str) -> OrganisationSettings:
    """Return the latest settings of an organisation, or the defaults if none were saved."""
    row = _latest(db, "organisation_settings", {"org_id": org_id}, None)
    return _parse(OrganisationSettings, row["payload"], "organisation", org_id) if row else OrganisationSettings(org_id=org_id)


def put_product(db: Database, product: ProductModel, author: str = "", comment: str = "") -> int:
    """Append a revision of a product model; return its revision number (unchecked)."""
    with write_transaction(db):
        return _append(db, "product_revisions", {"model_code": product.model_code},
                       product.model_dump(mode="json"), author, comment)


def load_product(db: Database, model_code: str, revision: int | None = None) -> ProductModel:
    """Return the latest (or a given) revision of a product model. Raises ``NotFound``."""
    row = _latest(db, "product_revisions", {"model_code": model_code}, revision)
    if row is None:
        raise NotFound(what=Msg("what.product"), ident=model_code)
    return _parse(ProductModel, row["payload"], "product", f"{model_code} r{row['revision']}")


@memo.by_version(copy=list)
def list_products(db: Database) -> list[ProductModel]:
    """Return the latest revision of every product model, ordered by model code (memoised: models are frozen)."""
    sql = """select model_code, revision, payload from product_revisions p where revision =
             (select max(revision) from product_revisions where model_code = p.model_code)
             order by model_code"""
    return [_parse(ProductModel, r["payload"], "product", f"{r['model_code']} r{r['revision']}") for r in db.query(sql)]


# ---- inventories -----------------------------------------------------------------------

def put_inventory(db: Database, inventory: Inventory, author: str = "", comment: str = "") -> int:
    """Append a revision of an inventory; return its revision number (unchecked).

    Raises ``NotFound`` if the product model is not stored.
    """
    with write_transaction(db):
        load_product(db, inventory.model_code)
        payload = inventory.model_dump(mode="json")
        keys = {"model_code": inventory.model_code, "period": inventory.period.label}
        revision = _append(db, "inventory_revisions", keys, payload, author, comment, content_hash=content_hash(payload))
        _write_rows(db, inventory, payload, keys | {"revision": revision})
        return revision


def _write_rows(db: Database, inventory: Inventory, payload: dict, keys: dict) -> None:
    """The revision's line rows and, if it calculates, its result under its own sets (same transaction, #13)."""
    row = next(iter(db.query("select id, created_at from inventory_revisions where model_code = ? and period = ?"
                             " and revision = ?", list(keys.values()))))
    lines.write(db, row["id"], row["created_at"], keys, payload)
    try:
        factor_set = load_factor_set(db, inventory.factor_set_id)
    except NotFound:
        return
    with contextlib.suppress(CfpError):  # a draft that does not calculate is still saved
        results.materialise_saved(db, row["id"], (keys["model_code"], keys["period"]), factor_set,
                                  gwp_sets()[inventory.gwp_set], known_factor_ids(db), row["created_at"])


def load_inventory(db: Database, model_code: str, period: str, revision: int | None = None) -> Inventory:
    """Return the latest (or a given) revision of an inventory. Raises ``NotFound``."""
    row = _latest(db, "inventory_revisions", {"model_code": model_code, "period": period}, revision)
    if row is None:
        raise NotFound(what=Msg("what.inventory"), ident=f"{model_code} {period}" + (f" r{revision}" if revision else ""))
    return _parse(Inventory, row["payload"], "inventory", f"{model_code} {period} r{row['revision']}")


def inventory_revisions(db: Database, model_code: str, period: str) -> list[dict]:
    """Return the revision history of an inventory (newest first): revision, created_at, author, comment, content_hash."""
    sql = """select revision, created_at, author, comment, content_hash from inventory_revisions
             where model_code = ? and period = ? order by revision desc"""
    return list(db.query(sql, [model_code, period]))


def latest_revision(db: Database, model_code: str, period: str) -> int | None:
    """Return the latest revision number of an inventory, or None (from the index: no payload read)."""
    sql = "select max(revision) as r from inventory_revisions where model_code = ? and period = ?"
    return next(iter(db.query(sql, [model_code, period])))["r"]


def list_periods(db: Database, model_code: str | None = None) -> list[str]:
    """Return the period labels that have inventories (for one model, or any), sorted."""
    where, args = ("where model_code = ?", [model_code]) if model_code else ("", [])
    return [r["period"] for r in db.query(f"select distinct period from inventory_revisions {where} order by period", args)]


@memo.by_version(copy=lambda rows: [dict(row) for row in rows])
def list_inventories(db: Database) -> list[dict]:
    """Return one row per stored inventory: model_code, period, revision (latest), created_at.

    Answered from the covering index of ``i17_activity_lines``: no payload is read (#13).
    """
    sql = """select model_code, period, max(revision) as revision, max(created_at) as created_at
             from inventory_revisions group by model_code, period order by model_code, period"""
    return list(db.query(sql))


# ---- factor sets -----------------------------------------------------------------------

def put_factor_set(db: Database, factor_set: FactorSet) -> None:
    """Store a factor set (unchecked). Sets are immutable: a changed set is saved under a new id.

    Raises ``ImmutableRecord`` if the id exists with different content.
    """
    payload = canonical_json(factor_set.model_dump(mode="json"))
    with write_transaction(db):
        rows = list(db.query("select payload from factor_sets where set_id = ?", [factor_set.set_id]))
        if rows:
            if rows[0]["payload"] != payload:
                raise ImmutableRecord(what=Msg("what.factor_set"), ident=factor_set.set_id)
            return
        db.table("factor_sets").insert({
            "set_id": factor_set.set_id, "payload": payload, "reference": int(factor_set.reference),
            "parent_id": factor_set.parent_id or "", "created_at": now(),
        })


def load_factor_set(db: Database, set_id: str) -> FactorSet:
    """Return a stored factor set. Raises ``NotFound``."""
    rows = list(db.query("select payload from factor_sets where set_id = ?", [set_id]))
    if not rows:
        raise NotFound(what=Msg("what.factor_set"), ident=set_id)
    return _parse(FactorSet, rows[0]["payload"], "factor_set", set_id)


def list_factor_sets(db: Database) -> list[FactorSet]:
    """Return all stored factor sets: reference sets first, then custom ones by id."""
    rows = db.query("select set_id, payload from factor_sets order by reference desc, rowid")
    return [_parse(FactorSet, r["payload"], "factor_set", r["set_id"]) for r in rows]


def known_factor_ids(db: Database) -> dict[str, str]:
    """Return ``{factor_id: key}`` over all stored sets (for ``factors.resolve``).

    Read straight from the stored JSON: every footprint needs this map, and validating every
    set as models just to read two fields cost ~5× as much.
    """
    sql = """select json_extract(f.value, '$.factor_id') as factor_id, json_extract(f.value, '$.key') as key
             from factor_sets, json_each(factor_sets.payload, '$.factors') as f"""
    return {row["factor_id"]: row["key"] for row in db.query(sql)}


def bom_mappings(db: Database, org_id: str) -> dict[tuple[str, str], str]:
    """Return the organisation's remembered BOM mappings ``{(kind, text): factor_ref}`` (newest wins)."""
    rows = db.query("select kind, text, factor_ref from bom_mappings where org_id = ? order by id", [org_id])
    return {(r["kind"], r["text"]): r["factor_ref"] for r in rows}


# ---- helpers ---------------------------------------------------------------------------

def _append(db, table, keys: dict, payload: dict, author: str, comment: str, **extra) -> int:
    where = " and ".join(f"{k} = ?" for k in keys)
    current = next(iter(db.query(f"select max(revision) as r from {table} where {where}", list(keys.values()))))["r"]
    revision = (current or 0) + 1
    db.table(table).insert({**keys, "revision": revision, "payload": canonical_json(payload),
                            "created_at": now(), "author": author, "comment": comment, **extra})
    return revision


def _latest(db, table, keys: dict, revision: int | None):
    where = " and ".join(f"{k} = ?" for k in keys)
    args = list(keys.values())
    if revision is not None:
        where += " and revision = ?"
        args.append(revision)
    rows = list(db.query(f"select revision, payload from {table} where {where} order by revision desc limit 1", args))
    return rows[0] if rows else None
