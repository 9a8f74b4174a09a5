"""File-format checks of inventory files, before and while rows are read: the encoding of a CSV, the zip
members and the sheet of an xlsx, the header's columns. Every refusal is an ``ImportRejected`` naming the file
or the header cell, with the fix."""

from __future__ import annotations

import difflib
import io
import zipfile
from typing import Any

from charset_normalizer import from_bytes
from openpyxl.utils import get_column_letter

from cfp_core.errors import ImportRejected, RowProblem
from cfp_core.i18n import Msg, t
from cfp_core.validation import MAX_COLUMNS, MAX_XLSX_RATIO, MAX_XLSX_UNZIPPED_BYTES

INVENTORY_SHEET = "inventory"
IGNORED_SHEETS = frozenset({"instructions", "说明", "lists"})


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


def column_letter(index: int) -> str:
    """Return the spreadsheet letter of a 0-based column index (0 → "A")."""
    return get_column_letter(index + 1)


def header_problems(header: list[str], row: int, known: tuple[str, ...]) -> list[RowProblem]:
    """Unknown, duplicated and empty column names of the header row, each with its fix."""
    problems = []
    if len(header) > MAX_COLUMNS:
        return [RowProblem(row, column_letter(MAX_COLUMNS), "", "io.problem.too_many_columns", limit=MAX_COLUMNS)]
    for index, column in enumerate(header):
        if column == "":
            problems.append(RowProblem(row, column_letter(index), "", "io.problem.empty_column"))
        elif column not in known:
            close = difflib.get_close_matches(column, known, n=1, cutoff=0.6)
            hint = Msg("io.problem.did_you_mean", column=close[0]) if close else ""
            problems.append(RowProblem(row, column, column, "io.problem.unknown_column", hint=hint,
                                       columns=", ".join(known)))
        elif column in header[:index]:
            problems.append(RowProblem(row, column, column, "io.problem.duplicate_column",
                                       first=column_letter(header.index(column))))
    return problems


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


def check_zip(data: bytes, filename: str) -> None:
    """Refuse an .xlsx whose members would unpack to too much (a zip bomb) before any XML is parsed."""
    try:
        members = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise reject_file(filename, "io.file.malformed", kind=Msg("io.kind.xlsx")) from None
    total = sum(m.file_size for m in members)
    ratio = max((m.file_size / max(m.compress_size, 1) for m in members if m.file_size > 1_000_000), default=0)
    if total > MAX_XLSX_UNZIPPED_BYTES or ratio > MAX_XLSX_RATIO or len(members) > 10_000:
        raise reject_file(filename, "io.file.bomb", limit=MAX_XLSX_UNZIPPED_BYTES // 1048576)


def inventory_sheet(workbook, filename: str) -> str:
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
