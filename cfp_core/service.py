"""One-call operations over the store for pages and the CLI: load, calculate, explain.

Each function opens nothing itself: it takes a ``Database`` and returns models or frames.
"""

from __future__ import annotations

from sqlite_utils import Database

from cfp_core import store
from cfp_core.calculate import Footprint, calculate_footprint
from cfp_core.factors import FactorSet, GwpSet
from cfp_core.library import gwp_sets
from cfp_core.models import Inventory


def gwp_set(gwp_id: str) -> GwpSet:
    """Return a GWP set by id ("AR4", "AR5", "AR6")."""
    return gwp_sets()[gwp_id]


def footprint_of(
    db: Database, inventory: Inventory, set_id: str | None = None, gwp_id: str | None = None,
    factor_set: FactorSet | None = None,
) -> Footprint:
    """Return the footprint of ``inventory`` under a stored factor set (default: the inventory's own).

    Raises ``NotFound``, ``FactorNotFound``, ``UnitMismatch`` or ``GwpMissing``.
    """
    chosen = factor_set or store.load_factor_set(db, set_id or inventory.factor_set_id)
    return calculate_footprint(
        inventory, chosen, gwp_set(gwp_id or inventory.gwp_set), known_ids=store.known_factor_ids(db)
    )


def stored_footprint(
    db: Database, model_code: str, period: str, set_id: str | None = None,
    revision: int | None = None, gwp_id: str | None = None,
) -> Footprint:
    """Load an inventory (latest or a given revision) and return its footprint."""
    inventory = store.load_inventory(db, model_code, period, revision)
    return footprint_of(db, inventory, set_id, gwp_id)
