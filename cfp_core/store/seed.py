"""Seed a database with the shipped reference factor sets, the reference case and demo data.

Portfolio files (``data/reference/*.json``, ``data/demo/*.json``) hold an organisation,
product models and inventories as their pydantic JSON. Seeding is idempotent: a record
that already exists is left alone, so user revisions are never overwritten. A file may also hold
``production_volumes`` and ``reduction_targets`` (the demo's, marked illustrative): seeded only into an
organisation that has none yet.
"""

from __future__ import annotations

import json
from pathlib import Path

from sqlite_utils import Database

from cfp_core.access import Action, require, system_principal
from cfp_core.library import DATA_DIR, reference_factor_sets
from cfp_core.models import Inventory, Organisation, ProductModel
from cfp_core.store import audit, volumes
from cfp_core.store import db as store

PORTFOLIO_DIRS = (DATA_DIR / "reference", DATA_DIR / "demo")


def load_portfolio_file(path: Path) -> tuple[list[Organisation], list[ProductModel], list[Inventory]]:
    """Return the organisations, products and inventories of one portfolio JSON file."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    orgs = [Organisation.model_validate(o) for o in _as_list(data.get("organisation") or data.get("organisations"))]
    products = [ProductModel.model_validate(p) for p in data.get("products", [])]
    inventories = [Inventory.model_validate(i) for i in data.get("inventories", [])]
    return orgs, products, inventories


def _as_list(value) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def seed_database(db: Database, include_demo: bool = True) -> dict[str, int]:
    """Store reference factor sets, the reference case and (optionally) demo data if absent.

    Runs as the system principal (``access.system_principal``), which may only seed; the write is
    audited with what was added. Returns counts of what was added.
    """
    added = {"factor_sets": 0, "products": 0, "inventories": 0, "volumes": 0, "targets": 0}
    principal = require(system_principal(), Action.SEED)
    existing_sets = {row["set_id"] for row in db.query("select set_id from factor_sets")}
    with store.write_transaction(db):
        for factor_set in reference_factor_sets().values():
            if factor_set.set_id not in existing_sets:
                store.put_factor_set(db, factor_set)
                added["factor_sets"] += 1
        # reference first: demo files add illustrative periods to the reference product
        for folder in PORTFOLIO_DIRS if include_demo else PORTFOLIO_DIRS[:1]:
            for path in sorted(folder.glob("*.json")):
                _seed_portfolio(db, path, added)
        if any(added.values()):
            audit.record(db, principal, Action.SEED, "shipped data", added)
    return added


def _seed_portfolio(db: Database, path: Path, added: dict[str, int]) -> None:
    orgs, products, inventories = load_portfolio_file(path)
    known_orgs = {o.org_id for o in store.list_organisations(db)}
    for org in orgs:
        if org.org_id not in known_orgs:
            store.put_organisation(db, org)
    known_products = {p.model_code for p in store.list_products(db)}
    for product in products:
        if product.model_code not in known_products:
            store.put_product(db, product, author="seed", comment=f"seeded from {path.name}")
            added["products"] += 1
    for inventory in inventories:
        if store.latest_revision(db, inventory.model_code, inventory.period.label) is None:
            store.put_inventory(db, inventory, author="seed", comment=f"seeded from {path.name}")
            added["inventories"] += 1
    _seed_management(db, path, added)


def _seed_management(db: Database, path: Path, added: dict[str, int]) -> None:
    """The file's illustrative production volumes and reduction targets, if its organisation has none."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    org_of = {p.model_code: p.org_id for p in store.list_products(db)}
    entries = [volumes.VolumeEntry.model_validate(v) for v in data.get("production_volumes", [])]
    for org_id in sorted({org_of[e.model_code] for e in entries}):
        if not db.execute("select 1 from production_volumes where org_id = ? limit 1", [org_id]).fetchone():
            mine = [e for e in entries if org_of[e.model_code] == org_id]
            volumes.put_volumes(db, org_id, mine, "seed", f"seeded from {path.name}", illustrative=True)
            added["volumes"] += len(mine)
    org_id = next(iter(org_of.values()), "")
    for raw in data.get("reduction_targets", []):
        target = volumes.ReductionTarget.model_validate({**raw, "illustrative": True})
        owner = org_of.get(target.model_code, org_id)
        if not db.execute("select 1 from reduction_targets where org_id = ? and model_code = ? limit 1",
                          [owner, target.model_code]).fetchone():
            volumes.put_target(db, owner, target, "seed")
            added["targets"] += 1


def is_seeded(db: Database) -> bool:
    """Return True if the database already holds factor sets."""
    return bool(next(iter(db.query("select count(*) as n from factor_sets")))["n"])
