"""Parsing of inventory template rows: typed cell readers that collect every problem.

Each problem is a ``RowProblem`` naming the spreadsheet row (header = row 1) and column,
with a message that says what to change, rendered later in Chinese or English.
Vocabulary: stages and data-source types are accepted as ids or as Chinese/English labels
(case-insensitive, including the report's variants such as 生产阶段 or 生命末期).
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable
from datetime import date
from typing import Annotated, Any

from pydantic import Field, TypeAdapter, ValidationError

from cfp_core import units
from cfp_core.errors import CfpError, ImportRejected, RowProblem, TextRejected
from cfp_core.i18n import Msg, t
from cfp_core.io import tabular as template_io
from cfp_core.io.origin import remember as _remember
from cfp_core.io.tabular import MAX_ROWS, REQUIRED_COLUMNS
from cfp_core.models import STAGES, ActivityLine, Amount, CustomFactor, DataSourceType, Inventory, ReportingPeriod
from cfp_core.text import check_identifier, check_text
from cfp_core.validation import describe_error, number_problem

_AMOUNT = TypeAdapter(Amount)
_FACTOR_VALUE = TypeAdapter(Annotated[float, Field(ge=0, le=1e6)])
_ANY_FLOAT = TypeAdapter(float)
_NCV = TypeAdapter(Annotated[float, Field(gt=0, le=1e6)])
_GASES = {"co2e": "CO2e", "co2": "CO2", "ch4": "CH4", "ch4_fossil": "CH4_fossil", "n2o": "N2O"}
_DATE = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$")
_TRUE, _FALSE = {"true", "yes", "y", "1", "是", "真"}, {"false", "no", "n", "0", "否", "假", ""}
_STAGE_EXTRAS = {
    "生命末期": "end_of_life", "废弃处置": "end_of_life", "废弃处置阶段": "end_of_life", "处置": "end_of_life",
    "eol": "end_of_life", "disposal": "end_of_life", "分销": "distribution", "分销阶段": "distribution",
    "raw materials": "raw_material_acquisition", "manufacturing": "production", "制造": "production",
}
_SOURCE_EXTRAS = {
    "primary": "primary_measured", "measured": "primary_measured", "实测": "primary_measured",
    "初级数据": "primary_measured", "supplier": "supplier_specific", "供应商数据": "supplier_specific",
    "secondary": "secondary_default", "default": "secondary_default", "次级数据": "secondary_default",
    "缺省值": "secondary_default", "近似": "proxy", "替代数据": "proxy",
}


def _norm(text: str) -> str:
    text = str(text).strip().lower().replace("（", "(").replace("）", ")")
    return " ".join(re.sub(r"[-_]", " ", text).split())


def _vocabulary(prefix: str, values: Iterable[str], extras: dict[str, str], suffix: str = "") -> dict[str, str]:
    found = {_norm(k): v for k, v in extras.items()}
    for value in values:
        for lang in ("en", "zh"):
            found[_norm(t(f"{prefix}.{value}", lang))] = value
        found[_norm(t(f"{prefix}.{value}", "zh") + suffix)] = value
        found[_norm(value)] = value
    return found


_STAGE_WORDS = _vocabulary("stage", [s.value for s in STAGES], _STAGE_EXTRAS, suffix="阶段")
_SOURCE_WORDS = _vocabulary("source", [s.value for s in DataSourceType], _SOURCE_EXTRAS)


class _Choices(Msg):
    """The accepted labels of a vocabulary, listed in the reader's language."""

    def __init__(self, prefix: str, values: Iterable[str]) -> None:
        super().__init__("io.problem.invalid")
        self.prefix, self.values = prefix, tuple(values)

    def render(self, lang: str = "zh") -> str:
        return ", ".join(f"{t(f'{self.prefix}.{v}', lang)} ({v})" for v in self.values)


class _Explained(Msg):
    """A pydantic error item or a ``CfpError``, explained in the reader's language."""

    def __init__(self, cause: dict | CfpError) -> None:
        super().__init__("io.problem.invalid")
        self.cause = cause

    def render(self, lang: str = "zh") -> str:
        if isinstance(self.cause, CfpError):
            return self.cause.message(lang)
        return describe_error(self.cause, lang)


class _Row:
    """One spreadsheet row being parsed: typed cell readers that record problems."""

    def __init__(self, row_no: int, cells: dict[str, Any]) -> None:
        self.row_no, self.cells, self.problems = row_no, cells, []

    def raw(self, column: str) -> Any:
        value = self.cells.get(column, "")
        return value.strip() if isinstance(value, str) else value

    def fail(self, column: str, key: str, **params: Any) -> None:
        self.problems.append(RowProblem(self.row_no, column, self.raw(column), key, **params))

    def required(self, column: str) -> Any:
        value = self.raw(column)
        if value == "" or value is None:
            self.fail(column, "io.problem.required")
            return None
        return value

    def text(self, column: str, required: bool = False, limit: int = 200, multiline: bool = False) -> str | None:
        return self.checked(column, lambda v: check_text(v, limit=limit, multiline=multiline), required)

    def identifier(self, column: str, required: bool = True) -> str | None:
        return self.checked(column, check_identifier, required)

    def checked(self, column: str, check, required: bool) -> str | None:
        value = self.required(column) if required else self.raw(column)
        if value in (None, ""):
            return None
        try:
            return check(str(value))
        except TextRejected as error:
            return self.fail(column, "io.problem.text", detail=_Explained(error))

    def number(self, column: str, adapter: TypeAdapter, required: bool = True) -> float | None:
        value = self.required(column) if required else self.raw(column)
        if value in (None, ""):
            return None
        problem = number_problem(value)
        with contextlib.suppress(ValueError, TypeError, OverflowError):
            value = float(value) if not isinstance(value, bool) else str(value)
        if problem := problem or number_problem(value):
            return self.fail(column, "io.problem.number", detail=problem)
        try:
            return adapter.validate_python(value)
        except ValidationError as error:
            return self.fail(column, "io.problem.number", detail=_Explained(error.errors()[0]))

    def date(self, column: str) -> date | None:
        value = self.required(column)
        if value is None or isinstance(value, date):
            return value
        match = _DATE.match(str(value))
        try:
            return date(*map(int, match.groups()[:3])) if match else self.fail(column, "io.problem.date")
        except ValueError:
            return self.fail(column, "io.problem.date")

    def choice(self, column: str, words: dict[str, str], prefix: str, values, key: str, required_key: str = ""):
        value = self.raw(column)
        if value in (None, ""):  # no default: an empty cell says which choices there are
            return self.fail(column, required_key, choices=_Choices(prefix, values)) if required_key else self.required(column)
        found = words.get(_norm(value))
        if found is None:
            self.fail(column, key, choices=_Choices(prefix, values))
        return found

    def flag(self, column: str) -> bool:
        value = self.raw(column)
        if isinstance(value, bool) or _norm(value) in _TRUE | _FALSE:
            return value if isinstance(value, bool) else _norm(value) in _TRUE
        self.fail(column, "io.problem.bool")
        return False

    def unit(self, column: str) -> str | None:
        value = self.required(column)
        if value is None:
            return None
        try:
            return units.canonical_unit(str(value))
        except units.UnknownUnit as error:
            return self.fail(column, "io.problem.unit", choices=error.params["choices"])


def _factor_unit(row: _Row) -> tuple[str, str] | None:
    text = str(row.required("factor_unit") or "").replace("₂", "2").replace("₄", "4").strip()
    if not text:
        return None
    top, slash, bottom = text.partition("/")
    gas = "CO2e"
    if slash:
        match = re.fullmatch(r"(?i)kg\s*([a-z0-9_]+)", top.strip())
        gas = _GASES.get(match.group(1).lower()) if match else None
    try:
        if gas:
            return gas, units.canonical_unit(bottom if slash else text)
    except units.UnknownUnit:
        pass
    row.fail("factor_unit", "io.problem.factor_unit", gases=", ".join(_GASES.values()),
             choices=", ".join(units.UNITS))
    return None


def _factor(row: _Row, known_refs: set[str] | None) -> dict[str, Any]:
    has_ref, has_value = (row.raw(column) not in (None, "") for column in ("factor_id", "factor_value"))
    if has_ref == has_value:
        row.fail("factor_id", "io.problem.factor_both" if has_ref else "io.problem.factor_neither")
        return {}
    if has_ref:
        ref = row.identifier("factor_id")
        if ref and known_refs is not None and ref not in known_refs:
            row.fail("factor_id", "io.problem.factor_unknown")
        return {"factor_ref": ref}
    number = row.number("factor_value", _FACTOR_VALUE)
    gas_unit = _factor_unit(row)
    source = row.text("factor_source", required=True)
    ncv, line_unit = row.number("factor_ncv", _NCV, required=False), str(row.raw("unit") or "").strip()
    if number is None or gas_unit is None or not source:
        return {}
    conversion = {"ncv": ncv, "ncv_unit": f"{gas_unit[1]}/{line_unit}"} if ncv else {}
    try:  # an NCV is per line unit: a bad line unit is the unit column's problem, already reported
        return {"custom_factor": CustomFactor(value=number, unit=gas_unit[1], gas=gas_unit[0], source=source, **conversion)}
    except ValidationError:
        return {}


_FIELD_COLUMNS = {"factor_ref": "factor_id", "custom_factor": "factor_value", "data_source": "data_source_type"}


def _parse_row(row: _Row, known_refs: set[str] | None) -> tuple[tuple, ActivityLine] | None:
    model, start, end = row.identifier("product_model"), row.date("period_start"), row.date("period_end")
    if start and end and end < start:
        row.fail("period_end", "io.problem.period_order", start=start.isoformat())
    fields = {
        "stage": row.choice("stage", _STAGE_WORDS, "stage", [s.value for s in STAGES], "io.problem.stage"),
        "activity": row.text("activity", required=True),
        "amount": row.number("amount", _AMOUNT),
        "unit": row.unit("unit"),
        "data_source": row.choice("data_source_type", _SOURCE_WORDS, "source", [s.value for s in DataSourceType],
                                  "io.problem.data_source", required_key="io.problem.data_source"),
        "note": row.text("note", limit=4000, multiline=True) or "",
        "note_internal": row.flag("note_internal"),
        "printed_amount": row.number("printed_amount", _ANY_FLOAT, required=False),
        **_factor(row, known_refs),
    }
    label = row.identifier("period_label", required=False)
    if row.problems:
        return None
    try:
        line = ActivityLine(**fields)
    except ValidationError as error:
        for item in error.errors():
            field = str(item["loc"][0]) if item["loc"] else "activity"
            row.fail(_FIELD_COLUMNS.get(field, field), "io.problem.invalid", detail=_Explained(item))
        return None
    return (model, label or _period_label(start, end), start, end), line


def _period_label(start: date, end: date) -> str:
    if start == date(start.year, 1, 1) and end == date(start.year, 12, 31):
        return str(start.year)
    return f"{start.isoformat()}_{end.isoformat()}"


def inventories_from(header: list[str], numbered, known_refs: set[str] | None, source: str) -> list[Inventory]:
    """Return the inventories of numbered rows ``[(row number, {column: value})]``.

    Raises ``ImportRejected`` with every problem found (``source`` names the file).
    """
    if not numbered:
        raise template_io.reject_file(source, "io.file.empty")
    if len(numbered) > MAX_ROWS:
        raise template_io.reject_file(source, "io.file.too_many_rows", limit=f"{MAX_ROWS:,}")
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if "factor_id" not in header and "factor_value" not in header:
        missing.append("factor_id")
    if missing:
        raise ImportRejected([RowProblem(1, c, "", "io.problem.missing_column") for c in missing])
    problems: list[RowProblem] = []
    groups: dict[tuple[str, str], dict[str, Any]] = {}
    for number, cells in numbered:
        row = _Row(number, {str(k).strip().lower(): v for k, v in cells.items() if k is not None})
        parsed = _parse_row(row, known_refs)
        if parsed:
            (model, label, start, end), line = parsed
            group = groups.setdefault((model, label), {"start": start, "end": end, "row": number, "lines": []})
            if (group["start"], group["end"]) != (start, end):
                row.fail("period_start", "io.problem.period_conflict", period=label, model=model,
                         start=group["start"].isoformat(), end=group["end"].isoformat(), first_row=group["row"])
            group["lines"].append(line)
        problems.extend(row.problems)
    if problems:
        raise ImportRejected(problems)
    return [_remember(Inventory(model_code=model, period=ReportingPeriod(label=label, start=g["start"], end=g["end"]),
                                lines=tuple(g["lines"])), g["row"])
            for (model, label), g in groups.items()]

