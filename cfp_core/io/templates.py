"""Inventory templates: spreadsheet rows ↔ ``Inventory`` models, and whole-file import.

One row is one activity line; rows of the same product model and period form one
inventory. Every row is validated and every problem is collected, so the user sees all
of them at once; a file is accepted whole or rejected whole (``ImportRejected``).
Each problem names the row as the spreadsheet shows it (header = row 1) and the column,
and says what to change, in Chinese or English (``problem.message(lang)``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlite_utils import Database

from cfp_core import store
from cfp_core.access import Action, Principal, require_member
from cfp_core.errors import ImportRejected, NotFound, RowProblem
from cfp_core.i18n import t
from cfp_core.io import tabular as template_io
from cfp_core.io.origin import first_row
from cfp_core.io.rows import inventories_from
from cfp_core.io.tabular import ALL_COLUMNS, MAX_ROWS, TEMPLATE_COLUMNS
from cfp_core.models import Inventory
from cfp_core.store import db as store_db
from cfp_core.store.audit import writes
from cfp_core.text import neutralise_formula

__all__ = [
    "IMPORT_MODES", "merged_inventory", "ALL_COLUMNS", "MAX_ROWS", "TEMPLATE_COLUMNS", "import_inventories", "inventory_rows",
    "read_inventory_file", "read_inventory_rows", "template_bytes", "write_inventory_file",
]


def read_inventory_rows(rows: list[dict], known_refs: set[str] | None = None, lang: str = "en",
                        source: str = "") -> list[Inventory]:
    """Return the inventories in ``rows`` (dicts keyed by column), grouped by product model and period.

    Row numbers in problems count the header as row 1. ``known_refs`` (factor ids and keys)
    enables the unknown-factor check. ``lang`` is accepted for symmetry: problems render in
    either language through ``problem.message(lang)``.
    Raises ``ImportRejected`` listing every problem if any row is wrong.
    """
    header = list(rows[0]) if rows else []
    numbered = [(n, r) for n, r in enumerate(rows, start=2) if any(v not in (None, "") for v in r.values())]
    return inventories_from(header, numbered, known_refs, source)

def read_inventory_file(data: bytes, filename: str, known_refs: set[str] | None = None,
                        lang: str = "en") -> list[Inventory]:
    """Return the inventories of a .csv or .xlsx file (see ``read_inventory_rows``).

    Raises ``ImportRejected``: one problem naming the file if it cannot be read at all,
    otherwise one problem per wrong cell.
    """
    header, numbered = template_io.read_rows(data, filename)
    return inventories_from(header, numbered, known_refs, filename)


def inventory_rows(inventories: Iterable[Inventory]) -> list[dict[str, Any]]:
    """Return one template row per activity line (all columns), text made formula-safe."""
    rows = []
    for inventory in inventories:
        for line in inventory.lines:
            custom = line.custom_factor
            rows.append({
                "product_model": inventory.model_code, "period_start": inventory.period.start.isoformat(),
                "period_end": inventory.period.end.isoformat(), "stage": line.stage.value,
                "activity": neutralise_formula(line.activity), "amount": line.amount, "unit": line.unit,
                "factor_id": line.factor_ref or "", "factor_value": custom.value if custom else "",
                "factor_unit": f"kg{custom.gas}/{custom.unit}" if custom else "",
                "factor_source": neutralise_formula(custom.source) if custom else "",
                "data_source_type": line.data_source.value, "note": neutralise_formula(line.note),
                "note_internal": line.note_internal,
                "printed_amount": "" if line.printed_amount is None else line.printed_amount,
                "period_label": inventory.period.label,
                "factor_ncv": custom.ncv if custom and custom.ncv else "",
            })
    return rows


def write_inventory_file(inventories: Iterable[Inventory], fmt: str) -> bytes:
    """Return the inventories as a template file, ``fmt`` "csv" or "xlsx"; reading it back is lossless.

    Raises ``ValueError`` for another format.
    """
    rows = inventory_rows(inventories)
    if fmt == "csv":
        return template_io.csv_bytes(rows, ALL_COLUMNS)
    if fmt == "xlsx":
        return template_io.xlsx_bytes(rows, ALL_COLUMNS)
    raise ValueError(f"unknown format {fmt!r}; use 'csv' or 'xlsx'")


def template_bytes(fmt: str, lang: str = "zh", for_inventory: Inventory | None = None) -> bytes:
    """Return a template: the header and example rows.

    The example rows are the production lines of ``for_inventory`` (the user's own model and period: what
    they would import; internal notes left out), or, without one or when it has none, the WS-TPS-48-900A
    production electricity line. In zh the header row is Chinese (``ZH_HEADER``); the xlsx template adds a
    bilingual instructions sheet and dropdowns labelled in ``lang``.
    Raises ``ValueError`` for a format other than "csv" or "xlsx".
    """
    from cfp_core.store.seed import PORTFOLIO_DIRS, load_portfolio_file

    source = for_inventory
    if source is None or not any(line.stage.value == "production" for line in source.lines):
        source = load_portfolio_file(PORTFOLIO_DIRS[0] / "ws_tps_48_900a.json")[2][0]
        if for_inventory is not None:  # the example line, under the user's own model and period
            source = source.model_copy(update={"model_code": for_inventory.model_code, "period": for_inventory.period})
    example = source.model_copy(update={"lines": tuple(line.model_copy(update={"note": "", "note_internal": False})
                                                       for line in source.lines if line.stage.value == "production")})
    rows = inventory_rows([example])
    for row in rows:
        row.update(stage=t(f"stage.{row['stage']}", lang), data_source_type=t(f"source.{row['data_source_type']}", lang))
    header = template_io.ZH_HEADER if lang == "zh" else None  # Chinese header for zh users; both read back
    if fmt == "csv":
        return template_io.csv_bytes(rows, TEMPLATE_COLUMNS, header)
    if fmt == "xlsx":
        return template_io.xlsx_bytes(rows, TEMPLATE_COLUMNS, dropdown_lang=lang, header=header)
    raise ValueError(f"unknown format {fmt!r}; use 'csv' or 'xlsx'")


IMPORT_MODES = ("replace", "append")


@writes(Action.IMPORT_INVENTORIES, target=lambda inventories, comment="", mode="replace", result=None: ", ".join(
    f"{m} {p} r{r} ({mode})" for m, p, r in result or ()))
def import_inventories(db: Database, principal: Principal, inventories: list[Inventory],
                       comment: str = "", mode: str = "replace") -> list[tuple[str, str, int]]:
    """Store every inventory as a new revision in ONE transaction; return (model, period, revision) each.

    An existing (model, period) keeps its latest revision's boundary, verification, declared
    result, GWP set and factor set; ``mode`` "replace" replaces its lines with the file's, "append"
    adds the file's lines after the stored ones (see ``merged_inventory``). A new period uses defaults.
    Raises ``ValueError`` for another mode.
    Raises ``ImportRejected`` (nothing saved) if a product model does not exist,
    ``PermissionDenied`` if one belongs to another organisation.
    """
    if mode not in IMPORT_MODES:
        raise ValueError(f"unknown import mode {mode!r}; use 'replace' or 'append'")
    saved = []
    with store.write_transaction(db):
        known = {p.model_code: p for p in store.list_products(db)}
        fallback, problems = 2, []
        for inventory in inventories:
            if inventory.model_code not in known:
                row = first_row(inventory, fallback)
                problems.append(RowProblem(row, "product_model", inventory.model_code, "io.problem.unknown_product"))
            fallback += len(inventory.lines)
        if problems:
            raise ImportRejected(problems)
        for inventory in inventories:
            require_member(principal, known[inventory.model_code].org_id)
            saved.append((inventory.model_code, inventory.period.label,
                          store_db.put_inventory(db, merged_inventory(db, inventory, mode)[1], principal.label, comment)))
    return saved


def merged_inventory(db: Database, inventory: Inventory, mode: str = "replace") -> tuple[Inventory | None, Inventory]:
    """Return ``(stored latest or None, what importing ``inventory`` would store)`` under ``mode``.

    "replace": the file's lines replace the stored ones; "append": they follow the stored ones.
    Everything else (boundary, verification, factor set) is the stored revision's.
    """
    try:
        latest = store.load_inventory(db, inventory.model_code, inventory.period.label)
    except NotFound:
        return None, inventory
    lines = inventory.lines if mode == "replace" else (*latest.lines, *inventory.lines)
    return latest, latest.model_copy(update={"lines": lines, "period": inventory.period})
