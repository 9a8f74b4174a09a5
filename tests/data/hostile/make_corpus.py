"""Regenerate the committed hostile corpus: ``.venv/bin/python tests/data/hostile/make_corpus.py``.

Each file is one attack named in issue #14; tests/core/test_hostile.py holds the expected outcome of each.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

from openpyxl import Workbook

from cfp_core.io.tabular import TEMPLATE_COLUMNS, csv_bytes, xlsx_bytes
from cfp_core.io.templates import inventory_rows
from cfp_core.store.seed import PORTFOLIO_DIRS, load_portfolio_file

HERE = Path(__file__).resolve().parent
SUPPLIER = Path(__file__).resolve().parents[1] / "suppliers" / "supplier_a_v3.json"


def base_rows() -> list[dict]:
    _, _, inventories = load_portfolio_file(PORTFOLIO_DIRS[0] / "ws_tps_48_900a.json")
    rows = inventory_rows([inventories[0]])
    for row in rows:
        row["note"] = ""
    return rows[:6]


def csv_text(rows, columns=TEMPLATE_COLUMNS) -> str:
    return csv_bytes(rows, columns).decode("utf-8-sig")


def rewrite_sheet(data: bytes, change) -> bytes:
    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            body = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                body = change(body)
            target.writestr(item, body)
    return out.getvalue()


def stale_dimension(rows) -> bytes:
    return rewrite_sheet(xlsx_bytes(rows, TEMPLATE_COLUMNS),
                         lambda body: re.sub(rb'<dimension ref="[^"]+"', b'<dimension ref="A1:C4"', body))


def huge_number(rows) -> bytes:
    data = xlsx_bytes([{**rows[0], "amount": 987654.5}], TEMPLATE_COLUMNS)
    return rewrite_sheet(data, lambda body: body.replace(b"<v>987654.5</v>", b"<v>" + b"9" * 400 + b"</v>"))


def workbook(sheets: list[tuple[str, list[list], str]]) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for title, table, state in sheets:
        sheet = book.create_sheet(title)
        sheet.sheet_state = state
        for row in table:
            sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def table_of(rows) -> list[list]:
    return [list(TEMPLATE_COLUMNS)] + [[r.get(c, "") for c in TEMPLATE_COLUMNS] for r in rows]


def zip_bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        target.writestr("[Content_Types].xml", "<Types/>")
        target.writestr("xl/worksheets/sheet1.xml", b"<a>" + b" " * 20_000_000 + b"</a>")
    return out.getvalue()


def supplier(change) -> bytes:
    document = json.loads(SUPPLIER.read_text(encoding="utf-8"))
    change(document)
    return json.dumps(document, ensure_ascii=False).encode("utf-8")


def deep(document, levels=201):
    node: dict = {}
    document["pcf"]["extension"] = node
    for _ in range(levels):
        node["x"] = {}
        node = node["x"]


def main() -> None:
    rows = base_rows()
    text = csv_text(rows)
    header, first, *rest = text.split("\r\n")
    hidden = table_of(rows[:1])
    files: dict[str, bytes] = {
        "stale_dimension.xlsx": stale_dimension(rows),
        "hidden_first_sheet.xlsx": workbook([("old", hidden, "hidden"), ("data", table_of(rows), "visible")]),
        "two_visible_sheets.xlsx": workbook([("a", table_of(rows), "visible"), ("b", table_of(rows), "visible")]),
        "huge_number.xlsx": huge_number(rows),
        "zip_bomb.xlsx": zip_bomb(),
        "not_a_zip.xlsx": b"PK\x03\x04 this is not really a workbook",
        "unknown_column.csv": text.replace("note\r\n", "internal_note\r\n", 1).encode("utf-8"),
        "duplicate_column.csv": (header + ",amount\r\n" + first + ",99\r\n").encode("utf-8"),
        "extra_cells.csv": (header + "\r\n" + first + ",surplus\r\n").encode("utf-8"),
        "bom_utf8.csv": text.encode("utf-8-sig"),
        "nul_bytes.csv": text.encode("utf-16"),
        "nul_in_cell.csv": (header + "\r\n" + first.replace("WS-TPS", "WS\x00TPS", 1) + "\r\n").encode("utf-8"),
        "formula_activity.csv": (header + "\r\n" + first.replace(rows[0]["activity"], "=cmd|' /C calc'!A0", 1)
                                 + "\r\n").encode("utf-8"),
        "nan_amount.csv": (header + "\r\n" + first.replace(f",{rows[0]['amount']!r},", ",nan,", 1)
                           + "\r\n").encode("utf-8"),
        "big_amount.csv": (header + "\r\n" + first.replace(f",{rows[0]['amount']!r},", ",1e300,", 1)
                           + "\r\n").encode("utf-8"),
        "many_digits.csv": (header + "\r\n" + first.replace(f",{rows[0]['amount']!r},", ",1." + "1" * 40 + ",", 1)
                            + "\r\n").encode("utf-8"),
        "unclosed_quote.csv": (header + "\r\n" + first + ',"unterminated\r\n').encode("utf-8"),
        "empty.csv": b"",
        "header_only.csv": (header + "\r\n").encode("utf-8"),
        "deep.json": supplier(deep),
        "exponent_decimal.json": supplier(lambda d: d["pcf"].update(declaredUnitAmount="1e-999")),
        "nan_decimal.json": supplier(lambda d: d["pcf"].update(pcfExcludingBiogenicUptake="NaN")),
        "script_product_id.json": supplier(lambda d: d.update(productIds=["<script>alert(1)</script>"])),
        "formula_standard.json": supplier(lambda d: d["pcf"].update(crossSectoralStandards=["=cmd|' /C calc'!A0"])),
        "fake_verification.json": supplier(lambda d: d["pcf"].update(verification="yes")),
        "huge_integer.json": b'{"pcf": {"x": ' + b"9" * 5000 + b"}}",
        "not_json.json": b"\xff\xfe{not json",
    }
    jis = ("product_model,period_start,period_end,stage,activity,amount,unit,factor_id,data_source_type\r\n"
           "WS-TPS-48-900A,2025-01-01,2025-12-31,production,電力消費量の測定値です,1.5,kWh,cn_grid_2022,primary\r\n")
    files["shift_jis.csv"] = jis.encode("shift_jis")
    files["big5.csv"] = jis.replace("電力消費量の測定値です", "電力消耗製造過程中的用電量").encode("big5")
    files["euc_kr.csv"] = jis.replace("電力消費量の測定値です", "제조 공정의 전기 사용량 측정값").encode("euc_kr")
    files["gb18030.csv"] = jis.replace("電力消費量の測定値です", "生产阶段用电，来源于电表读数").encode("gb18030")
    for name, data in files.items():
        (HERE / name).write_bytes(data)


if __name__ == "__main__":
    main()
