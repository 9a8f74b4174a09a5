"""Footprints of many stored inventories at once, loading each factor set and the id index only once.

``service.stored_footprint`` reloads the factor set and every stored factor id per call; for a
comparison of hundreds of models that dominates, so this module shares them across the batch.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlite_utils import Database

from cfp_core import service, store
from cfp_core.calculate import Footprint, calculate_footprint
from cfp_core.errors import NotFound
from cfp_core.factor_compare import FactorComparison, compare_factor_sets
from cfp_core.factors import FactorSet
from cfp_core.i18n import Msg


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
        results.append(calculate_footprint(inventory, sets[chosen], service.gwp_set(inventory.gwp_set), known_ids))
    return results


def factor_comparison_of(db: Database, model_code: str, period: str, set_ids: Sequence[str],
                         revision: int | None = None) -> FactorComparison:
    """Return a stored inventory (latest or a given revision) under each of the stored sets ``set_ids``.

    Raises ``NotFound`` for a missing inventory or set, ``FactorNotFound``/``UnitMismatch`` if a set
    cannot value a line.
    """
    inventory = store.load_inventory(db, model_code, period, revision)
    sets = [store.load_factor_set(db, set_id) for set_id in set_ids]
    return compare_factor_sets(inventory, sets, service.gwp_set(inventory.gwp_set), store.known_factor_ids(db))
