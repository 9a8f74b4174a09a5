"""Export safety: internal notes never leave, markup is escaped, formulas are neutralised, no other products."""

from __future__ import annotations

import io
import json

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from cfp_core import store
from cfp_core.access import cli_principal  # noqa: E402
from cfp_core.io.tabular import csv_bytes
from cfp_core.io.templates import ALL_COLUMNS
from cfp_core.publish.disclosure import build_disclosure
from cfp_core.publish.excel import inventory_rows, inventory_workbook
from cfp_core.publish.pact import pact_v2, pact_v3
from cfp_core.publish.report import report_html, report_pdf
from cfp_core.text import FORMULA_TRIGGERS
from tests.support.product import CARBON, as_of_2024

ADMIN = cli_principal("weisidemu", "tests")  # the acting principal of every write in these tests

SECRET = "INTERNAL-SECRET-9b2c"
PUBLIC = "PUBLIC-NOTE-4711"
PF = {"pf_id": "2f3c6a0e-9d1b-4c55-8a37-1e2d3c4b5a69", "created": "2026-11-24T08:00:00Z"}


def _with_mass(disclosure):
    return disclosure.model_copy(update={"product": disclosure.product.model_copy(update={"product_mass_kg": 120.0, **CARBON})})


def _cells(data: bytes) -> list:
    workbook = load_workbook(io.BytesIO(data))
    return [cell for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row]


def _pdf_text(data: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


@pytest.fixture
def secret_disclosure(seeded_db):
    """WS-TPS-48-900A with an internal note on line 1 and a public note on line 2, saved as a new revision."""
    inventory = store.load_inventory(seeded_db, "WS-TPS-48-900A", "2025")
    lines = list(inventory.lines)
    lines[0] = lines[0].model_copy(update={"note": f"Supplier price list {SECRET}", "note_internal": True})
    lines[1] = lines[1].model_copy(update={"note": f"Measured at the gate {PUBLIC}"})
    store.save_inventory(seeded_db, ADMIN, inventory.model_copy(update={"lines": tuple(lines)}))
    return build_disclosure(seeded_db, "WS-TPS-48-900A", "2025")


def test_internal_note_is_not_in_the_disclosure(secret_disclosure):
    assert SECRET not in secret_disclosure.model_dump_json()
    assert secret_disclosure.lines[0].note == "" and PUBLIC in secret_disclosure.lines[1].note


def test_internal_note_is_absent_from_pact(secret_disclosure):
    disclosure = _with_mass(secret_disclosure)
    for document in (pact_v3(disclosure, **PF), pact_v2(as_of_2024(disclosure), **PF, product_category_cpc="46")):
        assert SECRET not in json.dumps(document, ensure_ascii=False)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_internal_note_is_absent_from_report_html(secret_disclosure, lang):
    html = report_html(secret_disclosure, lang)
    assert SECRET not in html and PUBLIC in html  # the public note shows, so notes are rendered


def test_internal_note_is_absent_from_report_pdf(secret_disclosure):
    text = _pdf_text(report_pdf(secret_disclosure, "en"))
    assert "WS-TPS-48-900A" in text and PUBLIC in text.replace("\n", "")
    assert SECRET not in text and SECRET not in text.replace("\n", "")


def test_internal_note_is_absent_from_excel(secret_disclosure):
    values = [str(cell.value) for cell in _cells(inventory_workbook(secret_disclosure, "zh")) if cell.value is not None]
    assert not any(SECRET in value for value in values)
    assert any(PUBLIC in value for value in values)


@pytest.fixture(scope="module")
def hostile(seeded_db_file):
    """A disclosure whose names carry markup (validators reject it on input; model_copy bypasses them)."""
    db = store.open_db(seeded_db_file)
    try:
        d = build_disclosure(db, "WS-TPS-48-300A", "2025")
    finally:
        db.close()
    product = d.product.model_copy(update={
        "name_zh": "<script>alert(1)</script>", "name_en": '"onerror=alert(2) x', "description": "<b>bold</b>"})
    organisation = d.organisation.model_copy(update={"name_zh": '<img src=x onerror="alert(3)">',
                                                     "name_en": '<img src=x onerror="alert(3)">'})
    lines = (d.lines[0].model_copy(update={"activity": "=HYPERLINK(\"http://evil\")", "note": "+cmd|' /C calc'!A0"}),
             d.lines[1].model_copy(update={"activity": "@SUM(A1:A9)", "note": "-2+3*cmd"}),
             d.lines[2].model_copy(update={"activity": "<script>alert(4)</script>"}), *d.lines[3:])
    boundary = d.boundary.model_copy(update={"cutoff_rule": "<iframe src=javascript:alert(5)>"})
    return d.model_copy(update={"product": product, "organisation": organisation, "lines": lines,
                                "boundary": boundary, "standards": ("ISO 14067:2018", "<svg onload=alert(6)>")})


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_report_html_escapes_markup(hostile, lang):
    html = report_html(hostile, lang)
    for raw in ("<script>alert(", '"onerror=', "<img src=x", "<b>bold", "<iframe", "<svg onload"):
        assert raw not in html, raw
    escaped_name = "&lt;script&gt;alert(1)&lt;/script&gt;" if lang == "zh" else "&#34;onerror=alert(2) x"
    assert escaped_name in html
    assert "&lt;script&gt;alert(4)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=&#34;alert(3)&#34;&gt;" in html
    assert html.count("<script") == 0


def test_report_pdf_renders_hostile_text_as_text(hostile):
    text = _pdf_text(report_pdf(hostile, "en")).replace("\n", "")
    assert "<script>alert(4)</script>" in text  # shown literally, not interpreted


def test_excel_cells_are_neutralised(hostile):
    cells = _cells(inventory_workbook(hostile, "en"))
    texts = [cell.value for cell in cells if isinstance(cell.value, str)]
    dangerous = [v for v in texts if v.startswith(("=", "+", "-", "@")) and not _numeric(v)]
    assert dangerous == []
    assert all(cell.data_type != "f" for cell in cells)
    assert "'=HYPERLINK(\"http://evil\")" in texts and "'@SUM(A1:A9)" in texts and "'-2+3*cmd" in texts


def test_csv_rows_are_neutralised(hostile):
    text = csv_bytes(inventory_rows(hostile, "en"), ALL_COLUMNS).decode("utf-8-sig")
    cells = [cell.strip('"') for line in text.splitlines()[1:] for cell in line.split(",")]
    assert not [c for c in cells if c.startswith(FORMULA_TRIGGERS[:4]) and not _numeric(c)]
    assert "'=HYPERLINK(" in text and "'+cmd|" in text


def _numeric(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def test_nothing_of_other_products_in_exports(demo_300a):
    others = ("WS-TPS-48-900A", "WS-TPS-48-600A")
    outputs = {
        "pact_v3": json.dumps(pact_v3(demo_300a, **PF), ensure_ascii=False),
        "pact_v2": json.dumps(pact_v2(as_of_2024(demo_300a), **PF, product_category_cpc="46"), ensure_ascii=False),
        "html_zh": report_html(demo_300a, "zh"), "html_en": report_html(demo_300a, "en"),
        "xlsx": " ".join(str(c.value) for c in _cells(inventory_workbook(demo_300a, "zh")) if c.value is not None),
    }
    leaks = {name: code for name, text in outputs.items() for code in others if code in text}
    assert leaks == {}
    assert all("WS-TPS-48-300A" in text for text in outputs.values())
