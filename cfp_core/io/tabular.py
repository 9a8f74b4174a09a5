"""Bytes ↔ rows for inventory templates: CSV (UTF-8 with BOM, or GB18030) and Excel (.xlsx).

This module knows file formats only; what a row means lives in ``cfp_core.io.templates``.
A file that cannot be read at all (empty, wrong encoding, damaged, too long) is rejected
with one ``FileProblem`` that names the file.
"""

from __future__ import annotations

import csv
import io
import time
import zipfile
import zlib
from datetime import date, datetime
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.datavalidation import DataValidation

from cfp_core import units
from cfp_core.errors import ImportRejected, RowProblem
from cfp_core.i18n import Msg, t
from cfp_core.io.sheets import (
    INVENTORY_SHEET,
    check_zip,
    column_letter,
    decode_text,
    header_problems,
    inventory_sheet,
    reject_file,
)
from cfp_core.models import STAGES, DataSourceType
from cfp_core.text import neutralise_formula
from cfp_core.validation import (
    MAX_FILE_BYTES,
    MAX_PARSE_SECONDS,
    MAX_ROWS,
    MAX_UPLOAD_MB,
)

TEMPLATE_COLUMNS: tuple[str, ...] = (
    "product_model", "period_start", "period_end", "stage", "activity", "amount", "unit",
    "factor_id", "factor_value", "factor_unit", "factor_source", "data_source_type", "note",
)
OPTIONAL_COLUMNS: tuple[str, ...] = ("note_internal", "printed_amount", "period_label", "factor_ncv")
ALL_COLUMNS: tuple[str, ...] = TEMPLATE_COLUMNS + OPTIONAL_COLUMNS
# The Chinese header of the zh templates; either header (or a mix) reads back to the same columns (#12.14).
ZH_HEADER: dict[str, str] = dict(zip(ALL_COLUMNS, (
    "产品型号", "期间开始", "期间结束", "生命周期阶段", "活动", "活动量", "单位", "因子编号", "因子值", "因子单位",
    "因子来源", "数据类型", "备注", "内部备注", "报告所印数值", "期间标签", "低位发热量"), strict=True))
_FROM_ZH = {name: column for column, name in ZH_HEADER.items()}
REQUIRED_COLUMNS: tuple[str, ...] = (*TEMPLATE_COLUMNS[:7], "data_source_type")  # no default data source
_XLSX_ERRORS = (zipfile.BadZipFile, NotImplementedError, InvalidFileException, KeyError, ValueError, TypeError, OSError,
                EOFError, zlib.error, SyntaxError, IndexError, AttributeError, OverflowError,
                RecursionError, MemoryError)


Rows = list[tuple[int, dict[str, Any]]]


def read_rows(data: bytes, filename: str, columns=ALL_COLUMNS) -> tuple[list[str], Rows]:
    """Return the header and the non-empty data rows ``(row number, {column: value})`` of a file.

    Row numbers are the spreadsheet's: the header is row 1. Raises ``ImportRejected`` if the
    file type is unsupported, the file is empty, too large, damaged, wrongly or ambiguously
    encoded, has too many rows, takes too long, or its header has unknown or duplicated columns
    or a row has more cells than the header. ``columns``: the headers this kind of file may have
    (an inventory template's by default; a bill of materials passes its own).
    """
    name = (filename or "").lower()
    if len(data) > MAX_FILE_BYTES:
        raise reject_file(filename, "io.file.too_large", size=f"{len(data) / 1048576:.1f}", limit=MAX_UPLOAD_MB)
    deadline = time.monotonic() + MAX_PARSE_SECONDS
    if name.endswith(".csv"):
        table = _csv_table(data, filename)
    elif name.endswith(".xlsx"):
        table = _xlsx_table(data, filename, deadline)
    else:
        raise reject_file(filename, "io.file.format")
    return _rows_of(table, filename, deadline, columns)


def _rows_of(table, filename: str, deadline: float, columns=ALL_COLUMNS) -> tuple[list[str], Rows]:
    header: list[str] | None = None
    rows: Rows = []
    problems: list[RowProblem] = []
    for number, cells in enumerate(table, start=1):
        if time.monotonic() > deadline:
            raise reject_file(filename, "io.file.too_slow", seconds=int(MAX_PARSE_SECONDS))
        values = [_cell(v) for v in cells]
        if header is None:
            if all(v == "" for v in values):
                continue  # blank lines above the header
            header = [str(v).strip().lstrip("\ufeff").lower() for v in values]
            if columns == ALL_COLUMNS:
                header = [_FROM_ZH.get(name, name) for name in header]
            while header and header[-1] == "":
                header.pop()
            problems = header_problems(header, number, columns)
            if problems:
                raise ImportRejected(problems)
            continue
        if all(v == "" for v in values):
            continue
        extra = [i for i, v in enumerate(values) if i >= len(header) and v != ""]
        if extra:
            problems.append(RowProblem(number, column_letter(extra[0]), values[extra[0]], "io.problem.extra_cells",
                                       columns=len(header)))
            continue
        if len(rows) >= MAX_ROWS:
            raise reject_file(filename, "io.file.too_many_rows", limit=f"{MAX_ROWS:,}")
        rows.append((number, {col: v for col, v in zip(header, values, strict=False) if col}))
    if problems:
        raise ImportRejected(problems[:200])
    if not header or not any(header) or not rows:
        raise reject_file(filename, "io.file.empty")
    return header, rows


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, str):
        return value.strip()
    return value


def _csv_table(data: bytes, filename: str):
    if not data.strip():
        raise reject_file(filename, "io.file.empty")
    text = decode_text(data, filename)
    if "\x00" in text:  # UTF-16 or binary data decoded by accident
        raise reject_file(filename, "io.file.nul")
    try:
        return list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error:
        raise reject_file(filename, "io.file.malformed", kind=Msg("io.kind.csv")) from None


def _xlsx_table(data: bytes, filename: str, deadline: float):
    check_zip(data, filename)
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
        sheet = workbook[inventory_sheet(workbook, filename)]
        sheet.reset_dimensions()  # a stale <dimension> marker must not cut rows or columns off
        table, filled = [], 0
        for cells in sheet.iter_rows(values_only=True):
            if time.monotonic() > deadline:
                raise reject_file(filename, "io.file.too_slow", seconds=int(MAX_PARSE_SECONDS))
            table.append(cells)
            filled += any(c not in (None, "") for c in cells)
            if filled > MAX_ROWS + 1:  # header + one row too many: enough to reject, bounded memory
                break
        workbook.close()
    except ImportRejected:
        raise
    except _XLSX_ERRORS:
        raise reject_file(filename, "io.file.malformed", kind=Msg("io.kind.xlsx")) from None
    return table


# ---- writing ------------------------------------------------------------------------------

def csv_bytes(rows: list[dict[str, Any]], columns: tuple[str, ...], header: dict[str, str] | None = None) -> bytes:
    """Return rows as CSV in UTF-8 with a BOM (so Excel opens Chinese text correctly).

    Floats are written with ``repr``, so reading them back gives the same number. ``header`` renames
    the header cells (e.g. ``ZH_HEADER``).
    """
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([(header or {}).get(col, col) for col in columns])
    for row in rows:
        writer.writerow([neutralise_formula(_csv_value(row.get(col, ""))) for col in columns])
    return buffer.getvalue().encode("utf-8-sig")


def _csv_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, date):
        return value.isoformat()
    return "" if value is None else str(value)


def xlsx_bytes(rows: list[dict[str, Any]], columns: tuple[str, ...], dropdown_lang: str | None = None,
               instructions: bool = True, header: dict[str, str] | None = None) -> bytes:
    """Return an .xlsx workbook: an "inventory" sheet and (``instructions``) a bilingual "instructions" sheet.

    With ``dropdown_lang`` the inventory sheet gets dropdowns (stage, unit, data-source type)
    whose labels are in that language.
    """
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = INVENTORY_SHEET
    sheet.append([(header or {}).get(col, col) for col in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([_xlsx_value(row.get(col, "")) for col in columns])
    sheet.freeze_panes = "A2"
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[sheet.cell(1, index).column_letter].width = max(12, len(column) + 4)
    if instructions:
        _instructions_sheet(workbook.create_sheet("instructions"), columns)
    if dropdown_lang:
        _add_dropdowns(workbook, sheet, columns, dropdown_lang)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _xlsx_value(value: Any) -> Any:
    """Every string cell neutralised (an "=…" string would become a live formula in openpyxl)."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and float(f"{value:.16g}") != value:  # openpyxl writes 16 digits
        return repr(value)  # kept exact as text; the reader parses numeric text
    return neutralise_formula(value)


def stage_labels(lang: str) -> list[str]:
    """Return the stage labels in report order, in ``lang``."""
    return [t(f"stage.{s.value}", lang) for s in STAGES]


def source_labels(lang: str) -> list[str]:
    """Return the data-source type labels, in ``lang``."""
    return [t(f"source.{s.value}", lang) for s in DataSourceType]


def _add_dropdowns(workbook: Workbook, sheet, columns: tuple[str, ...], lang: str) -> None:
    lists = workbook.create_sheet("lists")
    lists.sheet_state = "hidden"
    choices = {"stage": stage_labels(lang), "unit": list(units.UNITS), "data_source_type": source_labels(lang)}
    for index, (column, values) in enumerate(choices.items(), start=1):
        letter = lists.cell(1, index).column_letter
        lists.cell(1, index, column)
        for offset, value in enumerate(values, start=2):
            lists.cell(offset, index, value)
        validation = DataValidation(
            type="list", formula1=f"=lists!${letter}$2:${letter}${len(values) + 1}", allow_blank=True,
            showErrorMessage=True, errorStyle="warning",  # ids and the other language are accepted too
        )
        target = sheet.cell(1, columns.index(column) + 1).column_letter
        validation.add(f"{target}2:{target}{MAX_ROWS + 1}")
        sheet.add_data_validation(validation)


def _instructions_sheet(sheet, columns: tuple[str, ...]) -> None:
    sheet.append([t("io.sheet.title", "zh"), t("io.sheet.title", "en")])
    sheet.append([t("io.sheet.intro", "zh"), t("io.sheet.intro", "en")])
    sheet.append([])
    sheet.append([t("io.sheet.column", "zh") + " / " + t("io.sheet.column", "en"),
                  t("io.sheet.required", "zh") + " / " + t("io.sheet.required", "en"),
                  t("io.sheet.meaning", "zh"), t("io.sheet.meaning", "en")])
    for column in columns:
        required = "✔" if column in REQUIRED_COLUMNS else ""
        sheet.append([f"{ZH_HEADER.get(column, column)} / {column}", required, t(f"io.col.{column}", "zh"),
                      t(f"io.col.{column}", "en")])
    sheet.append([])
    for title, values in (
        ("io.sheet.stages", [(s.value, t(f"stage.{s.value}", "zh"), t(f"stage.{s.value}", "en")) for s in STAGES]),
        ("io.sheet.units", [(u, t(f"unit.{u}", "zh"), t(f"unit.{u}", "en")) for u in units.UNITS]),
        ("io.sheet.sources", [(s.value, t(f"source.{s.value}", "zh"), t(f"source.{s.value}", "en"))
                              for s in DataSourceType]),
    ):
        sheet.append([t(title, "zh") + " / " + t(title, "en")])
        for value in values:
            sheet.append(list(value))
        sheet.append([])
    for letter, width in zip("ABCD", (22, 26, 48, 60), strict=True):
        sheet.column_dimensions[letter].width = width
