"""Before an import is stored: what it would change, per inventory, under "replace" or "append".

An import never replaces an inventory unseen: the page shows, for every inventory of the file,
the lines added, changed and removed against the stored latest revision and the total before →
after, and the user chooses "replace" or "append". Restoring a past revision is the way back.
"""

from __future__ import annotations

import pandas as pd
from sqlite_utils import Database

from cfp_core import io, service, store
from cfp_core.access import Action, Principal, require, require_member
from cfp_core.calculate import calculate_footprint
from cfp_core.editor.diff import diff_revisions
from cfp_core.errors import CfpError, NoChanges
from cfp_core.i18n import t
from cfp_core.models import Frozen, Inventory

PREVIEW_COLUMNS = ["model_code", "period", "revision", "lines_before", "lines_after", "added", "changed", "removed",
                   "kg_before", "kg_after"]


class ImportChange(Frozen):
    """What importing one inventory would do under one mode."""

    model_code: str
    period: str
    revision: int | None  # the stored latest revision it builds on (None: a new period)
    lines_before: int
    lines_after: int
    added: int
    changed: int
    removed: int
    kg_before: float | None  # None: nothing stored, or it does not calculate
    kg_after: float | None


def import_preview(db: Database, inventories: list[Inventory], mode: str, lang: str = "en"
                   ) -> tuple[list[ImportChange], dict[tuple[str, str], pd.DataFrame]]:
    """Return one ``ImportChange`` per inventory and the line-by-line diff of each (``diff_revisions``).

    Raises ``ValueError`` for a mode other than "replace" or "append"; raises nothing for an unknown
    product (the import itself reports it).
    """
    if mode not in io.IMPORT_MODES:
        raise ValueError(f"unknown import mode {mode!r}")
    changes, diffs = [], {}
    for inventory in inventories:
        latest, merged = io.merged_inventory(db, inventory, mode)
        base = latest or merged.model_copy(update={"lines": ()})
        diff = diff_revisions(base, merged, lang)
        kinds = diff[diff["line"].notna()]
        changed = kinds[kinds["change"] == t("products.diff.changed", lang)]["line"].nunique()
        changes.append(ImportChange(
            model_code=inventory.model_code, period=inventory.period.label,
            revision=store.latest_revision(db, inventory.model_code, inventory.period.label),
            lines_before=len(latest.lines) if latest else 0, lines_after=len(merged.lines),
            added=int((kinds["change"] == t("products.diff.added", lang)).sum()), changed=int(changed),
            removed=int((kinds["change"] == t("products.diff.removed", lang)).sum()),
            kg_before=_total(db, latest), kg_after=_total(db, merged)))
        diffs[(inventory.model_code, inventory.period.label)] = diff
    return changes, diffs


def preview_frame(changes: list[ImportChange]) -> pd.DataFrame:
    """Return the preview as a table, columns ``PREVIEW_COLUMNS`` (totals unrounded, NaN where unknown)."""
    return pd.DataFrame([c.model_dump() for c in changes], columns=PREVIEW_COLUMNS).astype({"revision": "Int64"})


def _total(db: Database, inventory: Inventory | None) -> float | None:
    if inventory is None or not inventory.lines:
        return None
    try:
        factor_set = store.load_factor_set(db, inventory.factor_set_id)
        return calculate_footprint(inventory, factor_set, service.gwp_set(inventory.gwp_set),
                                   store.known_factor_ids(db)).total_kg_co2e
    except CfpError:
        return None


def restore_revision(db: Database, principal: Principal, model_code: str, period: str, revision: int,
                     comment: str = "") -> int:
    """Save past revision ``revision`` again as the newest revision; return the new revision number.

    Nothing is overwritten: the revisions in between stay readable. Raises ``NotFound`` for an
    unknown revision, ``NoChanges`` if it equals the latest revision, ``PermissionDenied`` if
    ``principal`` may not edit this organisation's data.
    """
    require(principal, Action.SAVE_INVENTORY)
    require_member(principal, store.load_product(db, model_code).org_id)
    old = store.load_inventory(db, model_code, period, revision)
    latest = store.latest_revision(db, model_code, period)
    if store.load_inventory(db, model_code, period) == old:
        raise NoChanges(revision=latest)
    return store.save_inventory(db, principal, old, comment=comment)
