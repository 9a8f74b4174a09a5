"""One-call operations over the store for pages and the CLI: load and calculate, one or many.

Each function opens nothing itself: it takes a ``Database`` and returns models or frames.
Many footprints at once (``footprints_of``) load each factor set and the id index only once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlite_utils import Database

from cfp_core import store
from cfp_core.calculate import Footprint, calculate_footprint
from cfp_core.errors import NotFound
from cfp_core.factors import FactorSet, GwpSet
from cfp_core.i18n import Msg
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


def latest_revisions(inventory_rows: Iterable[dict], model_codes: Sequence[str], period: str) -> tuple[tuple[str, int], ...]:
    """Return ``((model_code, latest revision), …)`` for ``model_codes`` in ``period``, in the given order.

    ``inventory_rows`` are ``store.list_inventories`` rows. Raises ``NotFound`` naming the first
    model without an inventory for the period.
    """
    revisions = {row["model_code"]: row["revision"] for row in inventory_rows if row["period"] == period}
    for code in model_codes:
        if code not in revisions:
            raise NotFound(what=Msg("what.inventory"), ident=f"{code} {period}")
    return tuple((code, revisions[code]) for code in model_codes)


def footprints_of(db: Database, revisions: Sequence[tuple[str, int]], period: str,
                  set_id: str | None = None) -> list[Footprint]:
    """Return the footprint of each ``(model_code, revision)`` inventory of ``period``, in order.

    ``set_id`` None values each inventory under the factor set it declares. Raises ``NotFound``,
    ``FactorNotFound``, ``UnitMismatch`` or ``GwpMissing`` for the first inventory that fails.
    """
    known_ids = store.known_factor_ids(db)
    sets: dict[str, FactorSet] = {}
    results = []
    for code, revision in revisions:
        inventory = store.load_inventory(db, code, period, revision)
        chosen = set_id or inventory.factor_set_id
        if chosen not in sets:
            sets[chosen] = store.load_factor_set(db, chosen)
        results.append(calculate_footprint(inventory, sets[chosen], gwp_set(inventory.gwp_set), known_ids))
    return results


def trend_inputs(db: Database, model_codes: Sequence[str], set_id: str | None = None,
                 ) -> tuple[list[tuple[str, Footprint]], list[Inventory]]:
    """Return ``([(period, footprint)], [inventory])`` over every stored period of ``model_codes``, in order.

    The latest revision of each inventory; ``set_id`` None values each period under the factor set its
    inventory declares. Each factor set and the id index are loaded once. Raises ``NotFound`` or a
    calculation error for the first inventory that fails.
    """
    rows = store.list_inventories(db)
    known_ids = store.known_factor_ids(db)
    sets: dict[str, FactorSet] = {}
    points, inventories = [], []
    for code in model_codes:
        for row in (r for r in rows if r["model_code"] == code):
            inventory = store.load_inventory(db, code, row["period"], row["revision"])
            chosen = set_id or inventory.factor_set_id
            if chosen not in sets:
                sets[chosen] = store.load_factor_set(db, chosen)
            inventories.append(inventory)
            points.append((row["period"], calculate_footprint(inventory, sets[chosen], gwp_set(inventory.gwp_set),
                                                              known_ids)))
    return points, inventories
