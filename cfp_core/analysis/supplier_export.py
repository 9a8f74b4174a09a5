"""The grouped supplier comparison as CSV and xlsx: every text cell formula-safe, the illustrative flag kept.

The rows are ``supplier_groups.comparison_rows`` made in the same language; numbers stay unrounded (the xlsx shows 4 decimals through
its number format), findings become one text cell in the chosen language, and every string passes through
``neutralise_formula`` (a "=cmd|…" product name arrives as text, never as a live formula).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.styles import Font

from cfp_core.analysis.supplier_groups import ROW_KEYS, UNASSIGNED
from cfp_core.i18n import has, t
from cfp_core.numbers import KG_FORMAT
from cfp_core.text import neutralise_formula

_NUMBERS = ("per_unit", "per_kg")


def header(lang: str = "zh", labels: bool = True) -> list[str]:
    """Return the column names: localized labels, or the stable keys (``labels=False``)."""
    return [t(f"directory.col.{key}", lang) if labels else key for key in ROW_KEYS]


def findings_text(findings: Sequence[dict], lang: str = "zh") -> str:
    """Return findings as one text: "Blocking: …; Caution: …" (severity in ``lang``)."""
    return "; ".join(f"{t('suppliers.severity.' + f['severity'], lang)}: {f['text']}" for f in findings)


def unit_label(unit: str, lang: str = "zh") -> str:
    """Return a PACT declared unit ("liter") in ``lang``, or as given when it has no label."""
    key = f"suppliers.unit.{unit.replace(' ', '_')}"
    return t(key, lang) if has(key) else unit


def _cells(row: dict, lang: str, labels: bool = True) -> list:
    """One row as cell values: text neutralised, None empty, findings as text in ``lang``; with ``labels`` the
    flag, group, unit and basis in ``lang`` too (else as their stable values: true/false, unassigned, piece)."""
    values = []
    for key in ROW_KEYS:
        value = row[key]
        if key == "findings":
            value = findings_text(value, lang)
        elif not labels:
            value = str(value).lower() if isinstance(value, bool) else value
        elif key == "illustrative":
            value = t("label.yes" if value else "label.no", lang)
        elif key == "group" and value == UNASSIGNED:
            value = t("directory.unassigned", lang)
        elif key == "declared_unit":
            value = unit_label(value, lang)
        elif key == "basis":
            value = t(f"directory.basis.{value}", lang)
        values.append(neutralise_formula(value) if isinstance(value, str) else value)
    return values


def comparison_csv(rows: Sequence[dict], lang: str = "zh", labels: bool = True) -> str:
    """Return the rows as CSV text (header localized, or stable keys with ``labels=False``); floats unrounded."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([neutralise_formula(h) for h in header(lang, labels)])
    for row in rows:
        writer.writerow(["" if v is None else repr(v) if isinstance(v, float) else v
                         for v in _cells(row, lang, labels)])
    return buffer.getvalue()


def comparison_csv_bytes(rows: Sequence[dict], lang: str = "zh") -> bytes:
    """Return the CSV as UTF-8 with a BOM, so spreadsheet programs read the Chinese text right."""
    return ("\ufeff" + comparison_csv(rows, lang)).encode("utf-8")


def comparison_xlsx(rows: Sequence[dict], lang: str = "zh") -> bytes:
    """Return the rows as an xlsx workbook (one sheet, localized header, 4-decimal number format)."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "suppliers"
    sheet.append([neutralise_formula(h) for h in header(lang)])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(_cells(row, lang))
    numbers = [ROW_KEYS.index(key) for key in _NUMBERS]
    for cells in sheet.iter_rows(min_row=2):
        for index in numbers:
            cells[index].number_format = KG_FORMAT
    sheet.freeze_panes = "A2"
    for index in range(1, len(ROW_KEYS) + 1):
        sheet.column_dimensions[sheet.cell(1, index).column_letter].width = 40 if index in (4, 5, 14) else 16
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
