"""The checked writes of the store: role and organisation checked, one transaction, audited.

The unchecked ``db.put_*`` functions are the store's own building blocks (the seeder, and checked
writes of other wings that batch them); everything else writes through these.
"""

from __future__ import annotations

from sqlite_utils import Database

from cfp_core.access import Action, Principal, require_member
from cfp_core.factors import FactorSet
from cfp_core.models import Inventory, Organisation, OrganisationSettings, ProductModel
from cfp_core.store import db as store
from cfp_core.store.audit import writes


@writes(Action.SAVE_ORGANISATION, target=lambda org, result=None: f"{org.org_id} r{result}")
def save_organisation(db: Database, principal: Principal, org: Organisation) -> int:
    """Store the principal's own organisation as a new revision; return its number. Raises ``PermissionDenied``."""
    require_member(principal, org.org_id)
    return store.put_organisation(db, org, principal.label)


@writes(Action.SAVE_ORGANISATION, target=lambda settings, comment="", result=None: f"{settings.org_id} settings r{result}")
def save_settings(db: Database, principal: Principal, settings: OrganisationSettings, comment: str = "") -> int:
    """Append a revision of the principal's organisation's settings (admin); return its revision number."""
    require_member(principal, settings.org_id)
    return store.put_settings(db, settings, principal.label, comment)


@writes(Action.SAVE_PRODUCT, target=lambda product, comment="", result=None: f"{product.model_code} r{result}")
def save_product(db: Database, principal: Principal, product: ProductModel, comment: str = "") -> int:
    """Append a revision of a product model of the principal's organisation; return its revision number.

    Raises ``PermissionDenied`` for another organisation's product (or without the editor role).
    """
    require_member(principal, product.org_id)
    try:
        stored = store.load_product(db, product.model_code)
    except LookupError:
        stored = None
    if stored is not None:
        require_member(principal, stored.org_id)  # nobody takes over another organisation's model code
    return store.put_product(db, product, principal.label, comment)


@writes(Action.SAVE_INVENTORY,
        target=lambda inventory, comment="", result=None: f"{inventory.model_code} {inventory.period.label} r{result}")
def save_inventory(db: Database, principal: Principal, inventory: Inventory, comment: str = "") -> int:
    """Append a revision of an inventory of the principal's organisation; return its revision number.

    Raises ``NotFound`` if the product model is not stored, ``PermissionDenied`` for another organisation.
    """
    require_member(principal, store.load_product(db, inventory.model_code).org_id)
    return store.put_inventory(db, inventory, principal.label, comment)


@writes(Action.SAVE_FACTOR_SET, target=lambda factor_set, result=None: factor_set.set_id)
def save_factor_set(db: Database, principal: Principal, factor_set: FactorSet) -> None:
    """Store a new (custom or imported) factor set. Raises ``ImmutableRecord`` if the id holds other content."""
    store.put_factor_set(db, factor_set)


@writes(Action.SAVE_BOM_MAPPING, target=lambda org_id, mappings, result=None: f"{org_id}: {len(mappings)} mapping(s)")
def save_bom_mappings(db: Database, principal: Principal, org_id: str, mappings: dict[tuple[str, str], str]) -> int:
    """Remember ``{(kind, text): factor_ref}`` (kind "material" or "mode") for the organisation's next BOM import.

    Appends one row per mapping that differs from the remembered one; returns how many were appended.
    """
    require_member(principal, org_id)
    known = store.bom_mappings(db, org_id)
    rows = [{"org_id": org_id, "kind": kind, "text": text, "factor_ref": ref, "created_at": store.now(),
             "author": principal.label} for (kind, text), ref in mappings.items() if ref and known.get((kind, text)) != ref]
    if rows:
        db.table("bom_mappings").insert_all(rows)
    return len(rows)
