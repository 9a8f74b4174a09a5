"""Bytes ↔ rows for inventory templates: CSV (UTF-8 with BOM, or GB18030) and Excel (.xlsx).

This module knows file formats only; what a row means lives in ``cfp_core.io.templates``.
A file that cannot be read at all (empty, wrong encoding, damaged, too long) is rejected
with one ``FileProblem`` that names the file.
"""

from __future__ import annotations

import csv
import difflib
import io
import time
import zipfile
import zlib
from datetime import date, datetime
from typing import Any

from charset_normalizer import from_bytes
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.datavalidation import DataValidation

from cfp_core import units
from cfp_core.errors import ImportRejected, RowProblem
from cfp_core.i18n import Msg, t
from cfp_core.models import STAGES, DataSourceType
from cfp_core.text import neutralise_formula
from cfp_core.validation import (
    MAX_COLUMNS,
    MAX_FILE_BYTES,
    MAX_PARSE_SECONDS,
    MAX_ROWS,
    MAX_UPLOAD_MB,
    MAX_XLSX_RATIO,
    MAX_XLSX_UNZIPPED_BYTES,
)

TEMPLATE_COLUMNS: tuple[str, ...] = (
    "product_model", "period_start", "period_end", "stage", "activity", "amount", "unit",
    "factor_id", "factor_value", "factor_unit", "factor_source", "data_source_type", "note",
)
OPTIONAL_COLUMNS: tuple[str, ...] = ("note_internal", "printed_amount", "period_label")
ALL_COLUMNS: tuple[str, ...] = TEMPLATE_COLUMNS + OPTIONAL_COLUMNS
REQUIRED_COLUMNS: tuple[str, ...] = TEMPLATE_COLUMNS[:7]
INVENTORY_SHEET = "inventory"
IGNORED_SHEETS = frozenset({"instructions", "说明", "lists"})
_XLSX_ERRORS = (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, TypeError, OSError,
                EOFError, zlib.error, SyntaxError, IndexError, AttributeError, OverflowError,
                RecursionError, MemoryError)


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
    file type is unsupported, the file is empty, too large, damaged, wrongly or ambiguously
    encoded, has too many rows, takes too long, or its header has unknown or duplicated columns
    or a row has more cells than the header.
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
    return _rows_of(table, filename, deadline)


def _rows_of(table, filename: str, deadline: float) -> tuple[list[str], Rows]:
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
            while header and header[-1] == "":
                header.pop()
            problems = _header_problems(header, number)
            if problems:
                raise ImportRejected(problems)
            continue
        if all(v == "" for v in values):
            continue
        extra = [i for i, v in enumerate(values) if i >= len(header) and v != ""]
        if extra:
            problems.append(RowProblem(number, _column_letter(extra[0]), values[extra[0]], "io.problem.extra_cells",
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


def _column_letter(index: int) -> str:
    return get_column_letter(index + 1)


def _header_problems(header: list[str], row: int) -> list[RowProblem]:
    """Unknown, duplicated and empty column names of the header row, each with its fix."""
    problems = []
    if len(header) > MAX_COLUMNS:
        return [RowProblem(row, _column_letter(MAX_COLUMNS), "", "io.problem.too_many_columns", limit=MAX_COLUMNS)]
    for index, column in enumerate(header):
        if column == "":
            problems.append(RowProblem(row, _column_letter(index), "", "io.problem.empty_column"))
        elif column not in ALL_COLUMNS:
            close = difflib.get_close_matches(column, ALL_COLUMNS, n=1, cutoff=0.6)
            hint = Msg("io.problem.did_you_mean", column=close[0]) if close else ""
            problems.append(RowProblem(row, column, column, "io.problem.unknown_column", hint=hint,
                                       columns=", ".join(ALL_COLUMNS)))
        elif column in header[:index]:
            problems.append(RowProblem(row, column, column, "io.problem.duplicate_column",
                                       first=_column_letter(header.index(column))))
    return problems


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, str):
        return value.strip()
    return value


def decode_text(data: bytes, filename: str) -> str:
    """Return the text of a CSV file: UTF-8 (with or without BOM), or GB18030 when detection agrees.

    Raises ``ImportRejected`` (save as UTF-8) if the bytes are not UTF-8 and another encoding
    (Shift-JIS, Big5, EUC-KR …) fits them better than GB18030, or nothing fits.
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        raise reject_file(filename, "io.file.encoding") from None
    matches = list(from_bytes(data, cp_isolation=list(_CANDIDATE_ENCODINGS)))
    if not matches:
        raise reject_file(filename, "io.file.encoding")
    gb = next((m for m in matches if m.encoding in _GB_ENCODINGS), None)
    best = min(m.chaos for m in matches)
    if gb is None or gb.chaos > best + 0.01:
        raise reject_file(filename, "io.file.encoding_other", found=matches[0].encoding)
    if matches[0].encoding not in _GB_ENCODINGS:  # a tie: only text inside the common GB2312 set is unambiguous
        try:
            text.encode("gb2312")
        except UnicodeEncodeError:
            raise reject_file(filename, "io.file.encoding_other", found=matches[0].encoding) from None
    return text


_CANDIDATE_ENCODINGS = ("gb18030", "big5", "cp932", "cp949", "euc_jp")
_GB_ENCODINGS = frozenset({"gb18030", "gbk", "gb2312", "cp936"})


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


def _check_zip(data: bytes, filename: str) -> None:
    """Refuse an .xlsx whose members would unpack to too much (a zip bomb) before any XML is parsed."""
    try:
        members = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise reject_file(filename, "io.file.malformed", kind=Msg("io.kind.xlsx")) from None
    total = sum(m.file_size for m in members)
    ratio = max((m.file_size / max(m.compress_size, 1) for m in members if m.file_size > 1_000_000), default=0)
    if total > MAX_XLSX_UNZIPPED_BYTES or ratio > MAX_XLSX_RATIO or len(members) > 10_000:
        raise reject_file(filename, "io.file.bomb", limit=MAX_XLSX_UNZIPPED_BYTES // 1048576)


def _xlsx_table(data: bytes, filename: str, deadline: float):
    _check_zip(data, filename)
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
        sheet = workbook[_inventory_sheet(workbook, filename)]
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


def _inventory_sheet(workbook, filename: str) -> str:
    """The sheet named "inventory", else the only visible sheet that is not instructions; else refuse."""
    names = workbook.sheetnames
    for name in names:
        if name.strip().lower() == INVENTORY_SHEET:
            return name
    visible = [n for n in names if getattr(workbook[n], "sheet_state", "visible") == "visible"
               and n.strip().lower() not in IGNORED_SHEETS]
    if len(visible) == 1:
        return visible[0]
    raise reject_file(filename, "io.file.which_sheet", sheets=", ".join(names))


# ---- writing ------------------------------------------------------------------------------

def csv_bytes(rows: list[dict[str, Any]], columns: tuple[str, ...]) -> bytes:
    """Return rows as CSV in UTF-8 with a BOM (so Excel opens Chinese text correctly).

    Floats are written with ``repr``, so reading them back gives the same number.
    """
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
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


def xlsx_bytes(rows: list[dict[str, Any]], columns: tuple[str, ...], dropdown_lang: str | None = None) -> bytes:
    """Return an .xlsx workbook: an "inventory" sheet and a bilingual "instructions" sheet.

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
