"""Declared figures a user enters or imports for reconciliation: per line, per stage and the total.

Each figure is kept as the decimal text the user typed ("12.35"): its printed precision sets the
tolerance of the check, half a unit of its last printed digit ("12.35" → ±0.005, "0.0726" → ±0.00005).
A file is read whole or rejected whole (``ImportRejected`` with one ``RowProblem`` per wrong cell,
row numbers as the spreadsheet shows them, header = row 1). Only CSV: a spreadsheet cell drops the
trailing zeros that carry a figure's printed precision. ``save_declared`` keeps checked figures per model and
period (the CSV text as given, a new revision per save) so a reconciliation can be repeated by anyone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from sqlite_utils import Database

from cfp_core import store
from cfp_core.access import Action, Principal, require_member
from cfp_core.errors import ImportRejected, RowProblem
from cfp_core.i18n import t
from cfp_core.io import tabular
from cfp_core.io.sheets import decode_text, reject_file
from cfp_core.models import STAGES, Inventory, LifecycleStage
from cfp_core.store.audit import writes
from cfp_core.text import check_text, neutralise_formula

COLUMNS = ("scope", "line_no", "stage", "declared_kg_co2e", "printed_factor")
ZH_COLUMNS = ("范围", "行号", "阶段", "声明结果", "所印因子")
SCOPES = ("line", "stage", "total")
_DECIMAL = re.compile(r"^\d+(\.\d+)?$")  # as printed in a report: no sign, no exponent, no separators
_SIGNED = re.compile(r"^-?\d+(\.\d+)?$")  # a declared result may be a credit (e.g. recycling): "-3.20"


def half_unit(text: str) -> float:
    """Return half a unit of the last printed digit of a decimal text ("12.35" → 0.005, "93" → 0.5)."""
    exponent = Decimal(text).as_tuple().exponent
    return 0.5 * 10.0 ** int(exponent)


@dataclass(frozen=True)
class DeclaredFigures:
    """Declared figures with their tolerances: ``{line_no: (value, tol)}``, ``{stage: (value, tol)}``, total."""

    line_results: dict[int, tuple[float, float]] = field(default_factory=dict)
    stages: dict[LifecycleStage, tuple[float, float]] = field(default_factory=dict)
    total: tuple[float, float] | None = None
    printed_factors: dict[int, float] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)  # "line 3" / "stage production" / "total" -> as typed


def _scope_words() -> dict[str, str]:
    return {t(f"declared.scope.{s}", lang).lower(): s for s in SCOPES for lang in ("zh", "en")} | {s: s for s in SCOPES}


def _stage_words() -> dict[str, LifecycleStage]:
    found = {s.value: s for s in STAGES}
    for s in STAGES:
        for lang in ("zh", "en"):
            found[t(f"stage.{s.value}", lang).lower()] = s
        found[t(f"stage.{s.value}", "zh") + "阶段"] = s
    return found


def parse_declared_rows(rows: list[tuple[int, dict]], inventory: Inventory) -> DeclaredFigures:
    """Return the declared figures of ``(row number, {column: text})`` rows checked against ``inventory``.

    Raises ``ImportRejected`` listing every problem (nothing is kept) if any cell is wrong.
    """
    problems: list[RowProblem] = []
    scopes, stages = _scope_words(), _stage_words()
    lines, stage_figs, factors, texts, total = {}, {}, {}, {}, None
    for row_no, cells in rows:
        def cell(column: str, cells: dict = cells) -> str:
            return str(cells.get(column, "") or "").strip()

        def fail(column: str, key: str, row_no: int = row_no, **params) -> None:
            problems.append(RowProblem(row_no, column, cell(column), key, **params))

        if cell("declared_kg_co2e") == "" and cell("printed_factor") == "":
            continue  # a template row left empty: that figure is not declared
        scope = scopes.get(cell("scope").lower())
        if scope is None:
            fail("scope", "declared.problem.scope")
            continue
        value = cell("declared_kg_co2e")
        if not _SIGNED.match(value):
            fail("declared_kg_co2e", "declared.problem.number")
            continue
        figure = (float(value), half_unit(value))
        if scope == "line":
            no = cell("line_no")
            if not no.isdigit() or not 1 <= int(no) <= len(inventory.lines):
                fail("line_no", "declared.problem.line_no", count=len(inventory.lines))
                continue
            factor = cell("printed_factor")
            if factor and not _DECIMAL.match(factor):
                fail("printed_factor", "declared.problem.number")
                continue
            if factor:
                factors[int(no)] = float(factor)
            lines[int(no)], texts[f"line {no}"] = figure, value
        elif scope == "stage":
            stage = stages.get(cell("stage").lower())
            if stage is None:
                fail("stage", "declared.problem.stage", choices=", ".join(s.value for s in STAGES))
                continue
            stage_figs[stage], texts[f"stage {stage.value}"] = figure, value
        else:
            total, texts["total"] = figure, value
    if problems:
        raise ImportRejected(problems)
    return DeclaredFigures(lines, stage_figs, total, factors, texts)


def read_declared_file(data: bytes | str, filename: str, inventory: Inventory) -> DeclaredFigures:
    """Return the declared figures of a CSV template (English or Chinese header; its bytes, or text typed or
    pasted). Raises ``ImportRejected``."""
    data = data.encode("utf-8") if isinstance(data, str) else data
    if not (filename or "").lower().endswith(".csv"):
        raise reject_file(filename, "declared.file.csv_only")
    header, rows = tabular.read_rows(data, filename, columns=COLUMNS + ZH_COLUMNS)
    names = dict(zip(ZH_COLUMNS, COLUMNS, strict=True))
    rows = [(n, {names.get(k, k): ("" if v is None else str(v)) for k, v in cells.items()}) for n, cells in rows]
    return parse_declared_rows(rows, inventory)


def read_declared_text(text: str, inventory: Inventory) -> DeclaredFigures:
    """Return the declared figures of CSV text typed or pasted into a form (header included)."""
    return read_declared_file(text, "declared.csv", inventory)


def declared_template_bytes(inventory: Inventory, lang: str = "en") -> bytes:
    """Return a CSV template: one row per line of ``inventory``, each stage and the total, figures empty.

    ``lang`` "zh" gives the Chinese header and Chinese scope and stage words. Text is formula-safe.
    """
    rows = [{"scope": t("declared.scope.line", lang), "line_no": n, "stage": t(f"stage.{line.stage.value}", lang)}
            for n, line in enumerate(inventory.lines, start=1)]
    rows += [{"scope": t("declared.scope.stage", lang), "stage": t(f"stage.{s.value}", lang)} for s in STAGES]
    rows.append({"scope": t("declared.scope.total", lang)})
    columns = ZH_COLUMNS if lang == "zh" else COLUMNS
    named = [dict(zip(columns, (neutralise_formula(r.get(c, "")) for c in COLUMNS), strict=True)) for r in rows]
    return tabular.csv_bytes(named, columns)


@writes(Action.SAVE_DECLARED, target=lambda inventory, data, filename="", result=None:
        f"{inventory.model_code} {inventory.period.label} r{result}")
def save_declared(db: Database, principal: Principal, inventory: Inventory, data: bytes | str,
                  filename: str = "declared.csv") -> int:
    """Keep the declared figures of ``inventory``'s model and period (a CSV file's bytes or typed text).

    They are checked first against the inventory, exactly as a reconciliation reads them: a wrong cell raises
    ``ImportRejected`` and nothing is stored. Return the new revision number.
    """
    require_member(principal, store.load_product(db, inventory.model_code).org_id)
    read_declared_file(data, filename, inventory)
    text = data if isinstance(data, str) else decode_text(data, filename)
    latest = stored_declared(db, inventory.model_code, inventory.period.label)
    revision = (latest["revision"] if latest else 0) + 1
    db.table("declared_figures").insert({
        "org_id": principal.org_id, "model_code": inventory.model_code, "period": inventory.period.label,
        "revision": revision, "csv": text, "source": check_text(filename or "", limit=200),
        "created_at": store.now(), "author": principal.label})
    return revision


def stored_declared(db: Database, model_code: str, period: str) -> dict | None:
    """The latest kept declared figures of a model and period (revision, csv, source, created_at, author), or None."""
    rows = list(db.query("select revision, csv, source, created_at, author from declared_figures "
                         "where model_code = ? and period = ? order by revision desc limit 1", [model_code, period]))
    return rows[0] if rows else None
