"""Production volumes in and out: a CSV/xlsx file or the page's table → checked ``VolumeEntry`` rows, and a template.

Files go through ``tabular.read_rows`` (size, encoding, zip, row and time bounds, header checks), so a
volume file meets the same hostile-input checks as an inventory file. Headers may be English or Chinese.
Every bad cell is named (row, column, the fix); a file is accepted whole or not at all.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field, TypeAdapter

from cfp_core.errors import ImportRejected
from cfp_core.io import tabular
from cfp_core.io.rows import _Row
from cfp_core.store.volumes import MAX_VOLUME, VolumeEntry

COLUMNS = ("product_model", "period", "volume", "note")
REQUIRED = COLUMNS[:3]
ZH_HEADER = dict(zip(COLUMNS, ("产品型号", "报告期", "产量（声明单位）", "备注"), strict=True))
_FROM_ZH = {**{v: k for k, v in ZH_HEADER.items()}, "产量": "volume", "期间": "period", "型号": "product_model"}
_VOLUME = TypeAdapter(Annotated[float, Field(ge=0, le=MAX_VOLUME)])


def volume_entries(rows: list[tuple[int, dict[str, Any]]]) -> list[VolumeEntry]:
    """Return the checked entries of numbered rows ``(row number, {column: value})``; empty rows are skipped.

    Raises ``ImportRejected`` naming every bad cell (empty, not a number, negative, a second row for the
    same model and period).
    """
    entries, problems, seen = [], [], {}
    for number, cells in rows:
        row = _Row(number, cells)
        if all(row.raw(c) in ("", None) for c in COLUMNS):
            continue
        model, period = row.identifier("product_model"), row.identifier("period")
        volume = row.number("volume", _VOLUME)
        note = row.text("note") or ""
        if model and period and (model, period) in seen:
            row.fail("period", "mgmt.problem.duplicate", first=seen[(model, period)])
        if not row.problems:
            seen[(model, period)] = number
            entries.append(VolumeEntry(model_code=model, period=period, volume=volume, note=note))
        problems += row.problems
    if problems:
        raise ImportRejected(problems[:200])
    return entries


def read_volume_file(data: bytes, filename: str) -> list[VolumeEntry]:
    """Return the volumes of a .csv or .xlsx file. Raises ``ImportRejected`` for the file or every bad cell."""
    header, numbered = tabular.read_rows(data, filename, columns=(*COLUMNS, *_FROM_ZH))
    names = [_FROM_ZH.get(h, h) for h in header]
    missing = [c for c in REQUIRED if c not in names]
    if missing:
        raise tabular.reject_file(filename, "mgmt.problem.missing_columns", columns=", ".join(missing))
    rows = [(n, {_FROM_ZH.get(k, k): v for k, v in cells.items()}) for n, cells in numbered]
    return volume_entries(rows)


def volume_template_bytes(fmt: str, lang: str = "zh", rows: list[dict[str, Any]] | None = None) -> bytes:
    """Return a volume template (headers in ``lang``), with ``rows`` (``COLUMNS`` keys) filled in.

    Raises ``ValueError`` for a format other than "csv" or "xlsx".
    """
    header = ZH_HEADER if lang == "zh" else None
    rows = rows or []
    if fmt == "csv":
        return tabular.csv_bytes(rows, COLUMNS, header=header)
    if fmt == "xlsx":
        return tabular.xlsx_bytes(rows, COLUMNS, instructions=False, header=header)
    raise ValueError(f"unknown format {fmt!r}; use 'csv' or 'xlsx'")
