"""Excel export of a ``Disclosure``: the inventory in the import-template format, plus results,
factor sources and an "about" sheet.

The "inventory" sheet uses ``cfp_core.io.templates`` columns, so it re-imports losslessly (library
factors by their versioned ``factor_id``). Numbers are stored unrounded and only displayed with
4 decimals; every text cell passes through ``neutralise_formula``.
"""

from __future__ import annotations

import io
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from cfp_core.i18n import normalise_lang, t
from cfp_core.models import STAGES
from cfp_core.publish.disclosure import Disclosure
from cfp_core.text import neutralise_formula

KG_FORMAT = "#,##0.0000"
SHARE_FORMAT = "0.00%"
_HEADER_FONT = Font(bold=True, color="FFFFFF")
_HEADER_FILL = PatternFill("solid", fgColor="0B3D5C")
_TOTAL_FONT = Font(bold=True)


def inventory_rows(disclosure: Disclosure, lang: str = "zh") -> list[dict[str, Any]]:
    """Return one import-template row per disclosed line (library factors by id, custom ones by value).

    Text is formula-safe (``neutralise_formula``), so the rows can also be written as CSV.
    """
    product, period = disclosure.product, disclosure.period
    library = {f.factor_id for f in disclosure.factor_sources}
    rows = []
    for line in disclosure.lines:
        custom = line.factor_id not in library
        rows.append({
            "product_model": product.model_code, "period_start": period.start.isoformat(),
            "period_end": period.end.isoformat(), "stage": line.stage.value,
            "activity": neutralise_formula(line.activity),
            "amount": line.amount, "unit": line.unit, "factor_id": "" if custom else line.factor_id,
            "factor_value": line.factor_value if custom else "", "factor_unit": line.factor_unit if custom else "",
            "factor_source": t("report.xlsx.custom_source", lang) if custom else "",
            "data_source_type": line.data_source, "note": neutralise_formula(line.note), "note_internal": False,
            "printed_amount": "" if line.printed_amount is None else line.printed_amount,
            "period_label": period.label, "factor_ncv": line.factor_ncv if custom and line.factor_ncv else "",
        })
    return rows


def inventory_workbook(disclosure: Disclosure, lang: str = "zh") -> bytes:
    """Return an .xlsx workbook with sheets "inventory", "results", "factors" and "about".

    The inventory sheet re-imports with ``cfp_core.io.read_inventory_file``.
    """
    from cfp_core.io.templates import ALL_COLUMNS

    lang = normalise_lang(lang)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "inventory"
    _table(sheet, list(ALL_COLUMNS),
           [[row.get(column, "") for column in ALL_COLUMNS] for row in inventory_rows(disclosure, lang)])
    _results_sheet(workbook.create_sheet("results"), disclosure, lang)
    _factors_sheet(workbook.create_sheet("factors"), disclosure, lang)
    _about_sheet(workbook.create_sheet("about"), disclosure, lang)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _cell(value: Any) -> Any:
    """Formula-safe, Excel-ready value: text neutralised, empty strings as empty cells."""
    if value is None or value == "":
        return None
    return neutralise_formula(value) if isinstance(value, str) else value


def _table(sheet: Worksheet, header: list[str], rows: list[list[Any]], widths: dict[int, int] | None = None) -> None:
    sheet.append([_cell(h) for h in header])
    for cell in sheet[1]:
        cell.font, cell.fill = _HEADER_FONT, _HEADER_FILL
    for row in rows:
        sheet.append([_cell(v) for v in row])
    sheet.freeze_panes = "A2"
    for index in range(1, len(header) + 1):
        letter = sheet.cell(1, index).column_letter
        sheet.column_dimensions[letter].width = (widths or {}).get(index, max(12, len(str(header[index - 1])) + 6))


def _results_sheet(sheet: Worksheet, d: Disclosure, lang: str) -> None:
    unit = t("unit.per_declared_unit", lang, unit=t(f"unit.{d.product.declared_unit}", lang))
    header = [t("label.stage", lang), t("report.xlsx.stage_id", lang), unit, t("label.share", lang)]
    by_stage = {s.stage: s for s in d.stages}
    rows = [[t(f"stage.{s.value}", lang), s.value, by_stage[s].kg_co2e, by_stage[s].share]
            for s in STAGES if s in by_stage]
    rows.append([t("label.total", lang), "total", d.total_kg_co2e, 1.0 if d.total_kg_co2e else 0.0])
    rows.append([t("label.cradle_to_gate", lang), "cradle_to_gate", d.cradle_to_gate_kg_co2e,
                 d.cradle_to_gate_kg_co2e / d.total_kg_co2e if d.total_kg_co2e else 0.0])
    _table(sheet, header, rows, widths={1: 22, 2: 26, 3: 20, 4: 12})
    for row in sheet.iter_rows(min_row=2):
        row[2].number_format, row[3].number_format = KG_FORMAT, SHARE_FORMAT
    for cell in sheet[len(rows)]:  # the total row (header + stages + total)
        cell.font = _TOTAL_FONT


def _factors_sheet(sheet: Worksheet, d: Disclosure, lang: str) -> None:
    keys = ("factor_id", "name", "value", "unit", "family", "publisher", "document", "publication_date",
            "vintage", "url", "confidence")
    header = [t(f"report.xlsx.factor.{k}", lang) for k in keys]
    rows = [[f.factor_id, f.name_zh if lang == "zh" or not f.name_en else f.name_en, f.value, f.unit_label,
             t(f"family.{f.family}", lang), f.publisher_name(lang), f.document(lang), f.publication_date,
             f.vintage, f.source_url, f.confidence] for f in d.factor_sources]
    _table(sheet, header, rows, widths={1: 28, 2: 36, 3: 14, 4: 14, 5: 22, 6: 30, 7: 60, 10: 40})


def _about_sheet(sheet: Worksheet, d: Disclosure, lang: str) -> None:
    yes_no = t("label.yes" if d.illustrative else "label.no", lang)
    facts = [
        ("label.model", d.product.model_code),
        ("report.cover.product", d.product.name_zh if lang == "zh" or not d.product.name_en else d.product.name_en),
        ("report.cover.producer", d.organisation.name_zh if lang == "zh" or not d.organisation.name_en
         else d.organisation.name_en),
        ("label.period", f"{d.period.label} ({d.period.start.isoformat()} – {d.period.end.isoformat()})"),
        ("label.declared_unit", f"{d.product.declared_unit_amount:g} {t(f'unit.{d.product.declared_unit}', lang)}"),
        ("label.boundary", t(f"boundary.{d.boundary.boundary.value}", lang)),
        ("label.factor_set", f"{d.factor_set_id} · {d.factor_set_name_zh if lang == 'zh' else d.factor_set_name_en}"
                             f" · {d.factor_set_version}"),
        ("label.gwp_set", d.gwp_set),
        ("report.cover.standards", " / ".join(d.standards)),
        ("label.revision", d.inventory_revision),
        ("report.xlsx.hash", d.inventory_hash),
        ("label.illustrative", yes_no),
    ]
    _table(sheet, [t("report.xlsx.item", lang), t("report.xlsx.value", lang)],
           [[t(key, lang), value] for key, value in facts], widths={1: 24, 2: 80})
