"""Table editing of an inventory: lines ↔ editor frame, row-level validation and a live preview.

The editor frame holds what a person sees: localized stage and data-source labels, the
canonical unit, and a readable factor label ("全国电力平均碳足迹因子 2024 · 0.5777 kgCO2e/kWh")
that maps back to the factor key. A hidden ``origin`` column remembers which stored line a
row came from, so fields the table does not show (pedigree, printed amount) survive an edit.
Every invalid row yields a ``RowIssue`` naming the row (1-based, as shown), the column and the fix.

Nothing is dropped or coerced: the amount and the unit are text cells, so "-5", "12 kg" or "abc"
reach the check as typed and come back as an issue; a row with any content is either a line or
an issue (only wholly empty rows are skipped); the data source has no default.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import pandas as pd
from pydantic import ValidationError

from cfp_core import units
from cfp_core.calculate import Footprint, calculate_footprint, line_result
from cfp_core.editor.cells import amount_text, parse_amount
from cfp_core.editor.options import (
    custom_factor_label,
    factor_choices,
    factor_fits,
    factor_label,
)
from cfp_core.errors import CfpError, UnitMismatch
from cfp_core.factors import FactorSet, GwpSet, resolve
from cfp_core.i18n import LANGS, t
from cfp_core.library import reference_factor_sets
from cfp_core.models import STAGES, ActivityLine, CustomFactor, DataSourceType, Frozen, Inventory
from cfp_core.validation import describe_error

EDITOR_COLUMNS = ("stage", "activity", "amount", "unit", "factor", "data_source", "note", "note_internal")
ORIGIN = "origin"  # hidden column: 1-based number of the stored line a row came from (empty for new rows)
COLUMN_LABELS = {
    "stage": "label.stage", "activity": "label.activity", "amount": "label.amount", "unit": "label.unit",
    "factor": "label.factor", "data_source": "label.data_source", "note": "label.note",
    "note_internal": "products.col.note_internal",
}
_FIELD_COLUMN = {"factor_ref": "factor", "custom_factor": "factor"}
_PLACEHOLDER = {"stage": "production", "activity": "x", "amount": 0.0, "unit": "kg", "factor_ref": "x",
                "data_source": "primary_measured"}


class RowIssue(Frozen):
    """One problem in one row of the editor: where it is and how to fix it (already localized)."""

    row: int  # 1-based, as shown
    column: str  # localized column header
    value: str
    fix: str
    message: str  # "Row 3, column 'Amount' (value '-1'): Enter a value of at least 0."


class Preview(Frozen):
    """The live footprint of the valid rows, and the rows left out of it."""

    footprint: Footprint
    issues: tuple[RowIssue, ...] = ()


def column_label(column: str, lang: str) -> str:
    """Return the localized header of an editor column. Raises ``KeyError`` for an unknown column."""
    return t(COLUMN_LABELS[column], lang)


def row_issue(row: int, column: str, value, fix: str, lang: str) -> RowIssue:
    """Return a ``RowIssue`` for ``column`` (an editor column id) with its localized message."""
    header = column_label(column, lang)
    shown = "" if _blank(value) else str(value)
    shown = shown if len(shown) <= 40 else shown[:39] + "…"
    return RowIssue(row=row, column=header, value=shown, fix=fix,
                    message=t("products.issue.row", lang, row=row, column=header, value=shown, fix=fix))


# ---- lines <-> frame ---------------------------------------------------------------------

def lines_to_frame(lines: Sequence[ActivityLine], lang: str, factor_set: FactorSet | None = None,
                   known_ids: dict[str, str] | None = None) -> pd.DataFrame:
    """Return the editor frame (``EDITOR_COLUMNS`` + hidden ``origin``) for ``lines``.

    Factor refs become labels of ``factor_set`` (default: the shipped cn-cfp-2024 set); a ref
    the set cannot resolve is shown as is, and ``frame_to_lines`` will then ask for a choice.
    Raises nothing for such refs; raises ``KeyError`` only if the shipped set is missing.
    """
    factor_set = factor_set or reference_factor_sets()["cn-cfp-2024"]
    rows = [{
        "stage": t(f"stage.{line.stage.value}", lang), "activity": line.activity, "amount": amount_text(line.amount),
        "unit": line.unit, "factor": _ref_label(line, factor_set, known_ids, lang),
        "data_source": t(f"source.{line.data_source.value}", lang), "note": line.note,
        "note_internal": line.note_internal, ORIGIN: number,
    } for number, line in enumerate(lines, start=1)]
    frame = pd.DataFrame(rows, columns=[*EDITOR_COLUMNS, ORIGIN])
    return frame.astype({"amount": "str", "note_internal": "boolean", ORIGIN: "Int64"})


def _ref_label(line: ActivityLine, factor_set: FactorSet, known_ids, lang: str) -> str:
    if line.custom_factor is not None:
        return custom_factor_label(line.custom_factor, lang)
    try:
        return factor_label(resolve(line.factor_ref, factor_set, known_ids), lang)
    except CfpError:
        return line.factor_ref


def frame_to_lines(
    frame: pd.DataFrame, factor_set: FactorSet, lang: str, base_lines: Sequence[ActivityLine] = (),
    known_ids: dict[str, str] | None = None,
) -> tuple[list[ActivityLine], list[RowIssue]]:
    """Return the valid rows of an edited frame as ``ActivityLine``s and one ``RowIssue`` per problem.

    Fully empty rows are ignored. Labels of either language and raw keys are accepted.
    Factors must be in ``factor_set`` and fit the row's unit. Raises nothing for bad rows.
    """
    numbered, issues = numbered_lines(frame, factor_set, lang, base_lines, known_ids)
    return [line for _, line in numbered], issues


def numbered_lines(frame: pd.DataFrame, factor_set: FactorSet, lang: str, base_lines=(), known_ids=None):
    """Like ``frame_to_lines`` but each valid line comes with its shown row number: ``[(row, line)]``."""
    context = _Context(factor_set, lang, base_lines, known_ids)
    numbered: list[tuple[int, ActivityLine]] = []
    issues: list[RowIssue] = []
    for number, record in enumerate(frame.to_dict("records"), start=1):
        if all(_blank(record.get(c)) or record.get(c) is False for c in EDITOR_COLUMNS):
            continue
        line, found = context.row_to_line(number, record)
        issues.extend(found)
        if line is not None:
            numbered.append((number, line))
    return numbered, issues


class _Context:
    """What converting rows needs: reverse label maps, factor choices, the base lines."""

    def __init__(self, factor_set, lang, base_lines, known_ids):
        self.factor_set, self.lang, self.base, self.known_ids = factor_set, lang, tuple(base_lines), known_ids
        self.stages = _reverse("stage", [s.value for s in STAGES])
        self.sources = _reverse("source", [s.value for s in DataSourceType])
        self.factors = {label: ref for code in LANGS for label, ref in factor_choices(factor_set, code, base_lines).items()}

    def row_to_line(self, number: int, record: dict) -> tuple[ActivityLine | None, list[RowIssue]]:
        issues: list[RowIssue] = []
        data = self._fields(number, record, issues)
        bad = {i.column for i in issues}
        try:
            line = ActivityLine.model_validate({**_placeholders(data), **data})
        except ValidationError as error:
            for item in error.errors():
                column = self._column(item["loc"])
                if column_label(column, self.lang) not in bad:
                    issues.append(row_issue(number, column, record.get(column), describe_error(item, self.lang), self.lang))
            return None, issues
        if issues:
            return None, issues
        problem = self._factor_problem(number, line, record)
        return (None, [problem]) if problem else (self._keep_hidden_fields(line, record), [])

    def _fields(self, number: int, record: dict, issues: list[RowIssue]) -> dict:
        data = {"activity": "" if _blank(record.get("activity")) else str(record["activity"]),
                "note": "" if _blank(record.get("note")) else str(record["note"]),
                "note_internal": bool(record.get("note_internal")) if not _blank(record.get("note_internal")) else False}
        source = _text(record.get("data_source"))
        checks = (("stage", self.stages.get(_text(record.get("stage"))), "products.issue.stage"),
                  ("data_source", self.sources.get(source),
                   "products.issue.data_source" if source else "products.issue.data_source_missing"),
                  ("unit", _text(record.get("unit")) or None, "products.issue.unit_missing"))
        if not data["activity"].strip():
            issues.append(row_issue(number, "activity", "", t("products.issue.activity_missing", self.lang), self.lang))
        for column, value, key in checks:
            if value is None:
                issues.append(row_issue(number, column, record.get(column), t(key, self.lang), self.lang))
            else:
                data[column] = value
        self._amount(number, record.get("amount"), data, issues)
        self._factor(number, record.get("factor"), data, issues)
        return data

    def _amount(self, number, value, data, issues):
        if _blank(value):
            issues.append(row_issue(number, "amount", value, t("products.issue.amount_missing", self.lang), self.lang))
            return
        try:
            data["amount"] = parse_amount(value)
        except (TypeError, ValueError):
            key = "products.issue.amount_comma" if any(c in str(value) for c in ",，") else "products.issue.amount_text"
            issues.append(row_issue(number, "amount", value, t(key, self.lang), self.lang))

    def _factor(self, number, value, data, issues):
        text = _text(value)
        ref = self.factors.get(text)
        if ref is None and text and (text in self.factor_set.by_key() or text in self.factor_set.by_id()):
            ref = text
        if ref is None:
            key = "products.issue.factor_missing" if not text else "products.issue.factor_unknown"
            set_name = self.factor_set.name_en if self.lang == "en" and self.factor_set.name_en else self.factor_set.name_zh
            issues.append(row_issue(number, "factor", value, t(key, self.lang, set_name=set_name), self.lang))
        elif isinstance(ref, CustomFactor):
            data["custom_factor"] = ref
        else:
            data["factor_ref"] = ref

    def _factor_problem(self, number: int, line: ActivityLine, record: dict) -> RowIssue | None:
        factor = line.custom_factor or resolve(line.factor_ref, self.factor_set, self.known_ids)
        if factor_fits(line.unit, factor):
            return None
        choices = ", ".join(u for u in units.UNITS if factor_fits(u, factor)) or factor.unit
        fix = t("products.issue.unit_mismatch", self.lang, unit=line.unit, factor_unit=factor.unit, choices=choices)
        return row_issue(number, "unit", record.get("unit"), fix, self.lang)

    def _keep_hidden_fields(self, line: ActivityLine, record: dict) -> ActivityLine:
        try:
            origin = int(record.get(ORIGIN))
        except (TypeError, ValueError):  # a new row (no origin)
            return line
        if not 1 <= origin <= len(self.base):
            return line
        old = self.base[origin - 1]
        printed = old.printed_amount if old.amount == line.amount else None
        return line.model_copy(update={"pedigree": old.pedigree, "printed_amount": printed})

    def _column(self, loc: tuple) -> str:
        names = [str(p) for p in loc if not isinstance(p, int)]
        name = names[0] if names else "factor_ref"
        return _FIELD_COLUMN.get(name, name if name in COLUMN_LABELS else "factor")


def _placeholders(data: dict) -> dict:
    """Stand-ins for fields already reported, so pydantic reports only the other fields."""
    has_factor = "factor_ref" in data or "custom_factor" in data
    return {k: v for k, v in _PLACEHOLDER.items() if k not in data and not (k == "factor_ref" and has_factor)}


def _reverse(prefix: str, values: list[str]) -> dict[str, str]:
    return {**{v: v for v in values}, **{t(f"{prefix}.{v}", code): v for code in LANGS for v in values}}


def _blank(value) -> bool:
    if value is None or value is pd.NA:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


def _text(value) -> str:
    return "" if _blank(value) else str(value).strip()


# ---- live preview --------------------------------------------------------------------------

def preview_footprint(
    lines: Sequence[ActivityLine], inventory_template: Inventory, factor_set: FactorSet, gwp_set: GwpSet,
    known_ids: dict[str, str] | None = None, lang: str = "zh", rows: Sequence[int] | None = None,
) -> Preview:
    """Return the footprint of the lines that calculate, and a ``RowIssue`` for each that does not.

    ``rows`` gives the shown row number of each line (default 1, 2, …). Raises nothing for bad
    lines; raises ``ValueError`` if ``rows`` and ``lines`` differ in length.
    """
    rows = list(rows) if rows is not None else list(range(1, len(lines) + 1))
    good, issues = [], []
    for row, line in zip(rows, lines, strict=True):
        try:
            line_result(line, row, factor_set, gwp_set, known_ids)
        except CfpError as error:
            column = "unit" if isinstance(error, UnitMismatch) else "factor"
            issues.append(row_issue(row, column, line.factor_ref or line.unit, error.message(lang), lang))
            continue
        good.append(line)
    inventory = inventory_template.model_copy(update={"lines": tuple(good)})
    return Preview(footprint=calculate_footprint(inventory, factor_set, gwp_set, known_ids), issues=tuple(issues))

