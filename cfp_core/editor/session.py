"""The editor of one product and period, one call per page run: load its state, review the edits.

``editor_state`` loads what the table starts from; ``review_edits`` checks the edited table row
by row and recomputes the footprint of the valid rows (``editing.preview_footprint``).
"""

from __future__ import annotations

import pandas as pd
from sqlite_utils import Database

from cfp_core import service, store
from cfp_core.calculate import Footprint, calculate_footprint
from cfp_core.editor import draft, revisions
from cfp_core.editor.table import RowIssue, lines_to_frame, numbered_lines, preview_footprint
from cfp_core.errors import CfpError, NotFound
from cfp_core.factors import FactorSet, GwpSet
from cfp_core.i18n import Msg
from cfp_core.models import ActivityLine, Frozen, Inventory, ProductModel, ReportingPeriod


class EditorState(Frozen):
    """What the editor of one product and period starts from."""

    product: ProductModel
    period: ReportingPeriod
    inventory: Inventory | None  # latest stored revision; None for a period without data yet
    revision: int | None
    template: Inventory  # the stored inventory, or an empty one for the period
    factor_set: FactorSet
    gwp: GwpSet
    known_ids: dict[str, str]
    saved_kg_co2e: float | None = None  # total of the stored revision (None if none, or it does not calculate)
    previous_period: str | None = None  # the latest earlier period with data (to copy from)


class Review(Frozen):
    """The edited table checked: the valid lines (with shown row numbers), every issue, the live footprint."""

    lines: tuple[ActivityLine, ...]
    rows: tuple[int, ...]
    issues: tuple[RowIssue, ...]
    footprint: Footprint
    delta_kg_co2e: float | None = None  # live total − saved total
    drops_verification: bool = False  # saving would change the numbers of a verified inventory


def editor_state(db: Database, model_code: str, period_label: str) -> EditorState:
    """Load the product, the latest inventory of the period (if any), its factor set and GWP set.

    A period without data gets an empty inventory (calendar year) under the shipped CFP set.
    Raises ``NotFound`` if the product or the factor set is not stored, or the period is neither
    stored nor a calendar year.
    """
    product = store.load_product(db, model_code)
    revision = store.latest_revision(db, model_code, period_label)
    if revision is None and not str(period_label).isdigit():
        raise NotFound(what=Msg("what.period"), ident=period_label)
    inventory = store.load_inventory(db, model_code, period_label) if revision else None
    template = inventory or Inventory(model_code=model_code, period=ReportingPeriod.year(int(period_label)),
                                      illustrative=product.illustrative)
    factor_set, gwp, known_ids = (store.load_factor_set(db, template.factor_set_id),
                                  service.gwp_set(template.gwp_set), store.known_factor_ids(db))
    return EditorState(product=product, period=template.period, inventory=inventory, revision=revision,
                       template=template, factor_set=factor_set, gwp=gwp, known_ids=known_ids,
                       saved_kg_co2e=_saved_total(inventory, factor_set, gwp, known_ids),
                       previous_period=revisions.previous_period(db, model_code, template.period.label))


def _saved_total(inventory: Inventory | None, factor_set: FactorSet, gwp: GwpSet, known_ids) -> float | None:
    if inventory is None:
        return None
    try:
        return calculate_footprint(inventory, factor_set, gwp, known_ids).total_kg_co2e
    except CfpError:
        return None


def editor_frame(state: EditorState, lang: str) -> pd.DataFrame:
    """Return the editor frame of the state's inventory (see ``lines_to_frame``)."""
    return lines_to_frame(state.template.lines, lang, state.factor_set, state.known_ids)


def review_edits(state: EditorState, frame: pd.DataFrame, lang: str) -> Review:
    """Check an edited frame row by row and recompute the footprint of the valid rows.

    Raises nothing for bad rows: each becomes a ``RowIssue``.
    """
    numbered, issues = numbered_lines(frame, state.factor_set, lang, state.template.lines, state.known_ids)
    rows = [row for row, _ in numbered]
    preview = preview_footprint([line for _, line in numbered], state.template, state.factor_set, state.gwp,
                                state.known_ids, lang, rows)
    kept = {issue.row for issue in preview.issues}
    valid = [(row, line) for row, line in numbered if row not in kept]
    lines = tuple(line for _, line in valid)
    total = preview.footprint.total_kg_co2e
    return Review(lines=lines, rows=tuple(row for row, _ in valid),
                  issues=tuple(sorted([*issues, *preview.issues], key=lambda i: i.row)),
                  footprint=preview.footprint,
                  delta_kg_co2e=None if state.saved_kg_co2e is None else total - state.saved_kg_co2e,
                  drops_verification=revisions.drops_verification(state.inventory, lines))


def draft_of(state: EditorState, frame: pd.DataFrame) -> list[dict]:
    """Return an edited editor frame as language-neutral draft records (see ``editor.draft``)."""
    return draft.draft_records(frame, state.factor_set, state.template.lines)


def draft_table(state: EditorState, records: list[dict], lang: str) -> pd.DataFrame:
    """Return the editor frame of draft records in ``lang``."""
    return draft.draft_frame(records, lang, state.factor_set, state.template.lines)


def has_unsaved_edits(state: EditorState, records: list[dict] | None) -> bool:
    """Return True if draft records say something other than the stored lines (empty rows do not count)."""
    if records is None:
        return False
    return draft.meaningful(records) != draft.meaningful(draft_of(state, editor_frame(state, "en")))
