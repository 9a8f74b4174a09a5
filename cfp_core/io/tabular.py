"""Bytes ↔ rows for inventory templates: CSV (UTF-8 with BOM, or GB18030) and Excel (.xlsx).

This module knows file formats only; what a row means lives in ``cfp_core.io.templates``.
A file that cannot be read at all (empty, wrong encoding, damaged, too long) is rejected
with one ``FileProblem`` that names the file.
"""

from __future__ import annotations

import csv
import io
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
from cfp_core.models import STAGES, DataSourceType

TEMPLATE_COLUMNS: tuple[str, ...] = (
    "product_model", "period_start", "period_end", "stage", "activity", "amount", "unit",
    "factor_id", "factor_value", "factor_unit", "factor_source", "data_source_type", "note",
)
OPTIONAL_COLUMNS: tuple[str, ...] = ("note_internal", "printed_amount", "period_label")
ALL_COLUMNS: tuple[str, ...] = TEMPLATE_COLUMNS + OPTIONAL_COLUMNS
REQUIRED_COLUMNS: tuple[str, ...] = (*TEMPLATE_COLUMNS[:7], "data_source_type")  # no default data source
MAX_ROWS = 100_000
INVENTORY_SHEET = "inventory"
IGNORED_SHEETS = frozenset({"instructions", "说明", "lists"})
_XLSX_ERRORS = (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, TypeError, OSError,
                EOFError, zlib.error, SyntaxError, IndexError, AttributeError)


class FileProblem(RowProblem):
    """A problem with a whole file (not one row): its message names the file."""

    def __init__(self, filename: str, problem_key: str, **params: Any) -> None:
        self.extra = params
        super().__init__(0, "", filename, problem_key, **params)

    def message(self, lang: str = "en") -> str:
        """Return "File 'name': what is wrong and what to do" in ``lang``."""
        return t("io.file.problem", lang, file=self.value, detail=Msg(self.problem_key, **self.extra))


def reject_file(filename: str, problem_key: str, **params: Any) -> ImportRejected:
    """Return an ``ImportRejected`` holding one ``FileProblem``."""
    return ImportRejected([FileProblem(filename, problem_key, **params)])


Rows = list[tuple[int, dict[str, Any]]]


def read_rows(data: bytes, filename: str) -> tuple[list[str], Rows]:
    """Return the header and the non-empty data rows ``(row number, {column: value})`` of a file.

    Row numbers are the spreadsheet's: the header is row 1. Raises ``ImportRejected`` if the
    file type is unsupported, the file is empty, damaged, wrongly encoded or too long.
    """
    name = (filename or "").lower()
    if name.endswith(".csv"):
        table = _csv_table(data, filename)
    elif name.endswith(".xlsx"):
        table = _xlsx_table(data, filename)
    else:
        raise reject_file(filename, "io.file.format")
    return _rows_of(table, filename)


def _rows_of(table, filename: str) -> tuple[list[str], Rows]:
    header: list[str] | None = None
    rows: Rows = []
    for number, cells in enumerate(table, start=1):
        values = [_cell(v) for v in cells]
        if header is None:
            header = [str(v).strip().lstrip("\ufeff").lower() for v in values]
            continue
        if all(v == "" for v in values):
            continue
        if len(rows) >= MAX_ROWS:
            raise reject_file(filename, "io.file.too_many_rows", limit=f"{MAX_ROWS:,}")
        rows.append((number, {col: v for col, v in zip(header, values, strict=False) if col}))
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
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise reject_file(filename, "io.file.encoding")
    if "\x00" in text:  # UTF-16 or binary data decoded by accident
        raise reject_file(filename, "io.file.encoding")
    try:
        return list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error:
        raise reject_file(filename, "io.file.malformed", kind=Msg("io.kind.csv")) from None


def _xlsx_table(data: bytes, filename: str):
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
        sheet = workbook[_inventory_sheet(workbook.sheetnames)]
        table, filled = [], 0
        for cells in sheet.iter_rows(values_only=True):
            table.append(cells)
            filled += any(c not in (None, "") for c in cells)
            if filled > MAX_ROWS + 1:  # header + one row too many: enough to reject, bounded memory
                break
        workbook.close()
    except _XLSX_ERRORS:
        raise reject_file(filename, "io.file.malformed", kind=Msg("io.kind.xlsx")) from None
    return table


def _inventory_sheet(names: list[str]) -> str:
    for name in names:
        if name.strip().lower() == INVENTORY_SHEET:
            return name
    usable = [n for n in names if n.strip().lower() not in IGNORED_SHEETS]
    if not usable:
        raise KeyError("no inventory sheet")
    return usable[0]


# ---- writing ------------------------------------------------------------------------------

def csv_bytes(rows: list[dict[str, Any]], columns: tuple[str, ...]) -> bytes:
    """Return rows as CSV in UTF-8 with a BOM (so Excel opens Chinese text correctly).

    Floats are written with ``repr``, so reading them back gives the same number.
    """
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_csv_value(row.get(col, "")) for col in columns])
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
               instructions: bool = True) -> bytes:
    """Return an .xlsx workbook: an "inventory" sheet and (``instructions``) a bilingual "instructions" sheet.

    With ``dropdown_lang`` the inventory sheet gets dropdowns (stage, unit, data-source type)
    whose labels are in that language.
    """
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = INVENTORY_SHEET
    sheet.append(list(columns))
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
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and float(f"{value:.16g}") != value:  # openpyxl writes 16 digits
        return repr(value)  # kept exact as text; the reader parses numeric text
    return value


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
        sheet.append([column, required, t(f"io.col.{column}", "zh"), t(f"io.col.{column}", "en")])
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
