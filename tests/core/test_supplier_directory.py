"""Supplier directory (#10.4): append-only revisions, filing footprints under parts, the comparison by part
(ranking only within a part, per declared unit after ÷ declaredUnitAmount), and its CSV/xlsx exports."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from cfp_core.access import cli_principal
from cfp_core.analysis.supplier_export import comparison_csv, comparison_xlsx, header
from cfp_core.analysis.supplier_groups import ROW_KEYS, compare_by_part, grouped_rows, is_illustrative
from cfp_core.errors import NotFound
from cfp_core.io import (
    DirectoryProblem,
    DirectoryRejected,
    assign_disclosure,
    disclosure_assignments,
    list_supplier_disclosures,
    list_suppliers,
    load_supplier,
    parse_disclosure,
    save_supplier,
    save_supplier_disclosure,
    supplier_from_form,
    supplier_history,
)

ADMIN = cli_principal("weisidemu", "tests")
DATA = Path(__file__).resolve().parents[1] / "data" / "suppliers"
TODAY = date(2026, 11, 24)
HUADONG = "urn:uuid:4e278539-98cd-5191-9706-c1971c059924"  # companyIds of supplier_a_v3.json


def count(db, table: str) -> int:
    return db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def footprint(name: str = "supplier_a_v3", n: int = 0, company: str | None = None, **pcf):
    """A sample footprint with its own id (and product id), optionally another company and pcf fields."""
    document = json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))
    if n:
        document["id"] = f"0b9a4c1e-9999-4a1a-8a1a-{n:012d}"
        document["productIds"] = [f"urn:uuid:895c3c7f-6d90-5c06-b3a2-{n:012d}"]
    if company:
        document["companyIds"] = [company]
    document["pcf"].update(pcf)
    return parse_disclosure(json.dumps(document).encode("utf-8"), f"{name}-{n}.json")


def supplier(supplier_id: str, ids=(), parts=(), **fields):
    return supplier_from_form({"supplier_id": supplier_id, "name_zh": fields.pop("name_zh", supplier_id),
                               "company_ids": list(ids), "parts": [{"name": p} for p in parts], **fields})


def litres(n: int, company: str, amount: str, pcf: str):
    return footprint("supplier_a_v3", n, company, declaredUnitOfMeasurement="liter", declaredUnitAmount=amount,
                     productMassPerDeclaredUnit=amount, pcfExcludingBiogenicUptake=pcf,
                     pcfIncludingBiogenicUptake=pcf, fossilGhgEmissions=pcf)


# ---- the directory: revisions -----------------------------------------------------------------

def test_each_save_is_a_new_revision_and_the_history_keeps_every_one(fresh_db):
    first = supplier("sup-1", [HUADONG], ["Battery"], name_en="East China Power")
    assert save_supplier(fresh_db, ADMIN, first) == 1
    second = first.model_copy(update={"contact_email": "wang@example.com"})
    assert save_supplier(fresh_db, ADMIN, second, comment="contact") == 2
    assert list_suppliers(fresh_db) == [second]
    assert load_supplier(fresh_db, "sup-1", revision=1) == first
    history = supplier_history(fresh_db, "sup-1")
    assert [(h["revision"], h["comment"]) for h in history] == [(2, "contact"), (1, "")]
    assert history[0]["author"] == ADMIN.label
    with pytest.raises(sqlite3.IntegrityError, match="immutable"):
        fresh_db.execute("UPDATE supplier_directory_revisions SET payload = '{}'")
    with pytest.raises(sqlite3.IntegrityError, match="immutable"):
        fresh_db.execute("DELETE FROM supplier_directory_revisions")
    with pytest.raises(NotFound):
        load_supplier(fresh_db, "sup-9")


@pytest.mark.parametrize(("fields", "en", "zh"), [
    ({"company_ids": ["ACME 123"]}, "Company IDs: “ACME 123” is not a company id", "公司标识: “ACME 123”不是公司标识"),
    ({"contact_email": "wang at example"}, "Contact e-mail: “wang at example” is not an e-mail", "联系人邮箱"),
    ({"name_zh": ""}, "Give the company's name", "请填写公司的中文或英文名称"),
    ({"parts": [{"name": "Cell"}, {"name": " cell "}]}, "Two parts have the same name", "两个零部件名称相同"),
    ({"parts": [{"name": "Cell", "model_code": "WS-TPS-48-900A"}]}, "Part 1: A link to an inventory line needs both",
     "第 1 个零部件"),
    ({"parts": [{"name": "=cmd|' /C calc'!A0"}]}, "Part 1, Part or commodity", "第 1 个零部件，零部件或物料"),
])
def test_a_wrong_entry_is_refused_naming_the_field_in_both_languages(fields, en, zh):
    with pytest.raises(DirectoryRejected) as caught:
        supplier_from_form({"supplier_id": "sup-1", "name_zh": "华东", **fields})
    assert en in caught.value.message("en") and zh in caught.value.message("zh")


@pytest.mark.parametrize(("part", "key"), [
    ({"model_code": "NO-SUCH-MODEL", "line_no": 1}, "directory.problem.no_model"),
    ({"model_code": "WS-TPS-48-900A", "line_no": 999}, "directory.problem.no_line"),
    ({"factor_ref": "no_such_factor"}, "directory.problem.no_factor"),
])
def test_a_link_to_a_missing_model_line_or_factor_is_refused_and_nothing_is_written(seeded_db, part, key):
    entry = supplier_from_form({"supplier_id": "sup-1", "name_zh": "华东", "parts": [{"name": "Cell", **part}]})
    audit = count(seeded_db, "audit_events")
    with pytest.raises(DirectoryProblem) as caught:
        save_supplier(seeded_db, ADMIN, entry)
    assert caught.value.key == key and "1" in caught.value.message("zh")
    assert count(seeded_db, "supplier_directory_revisions") == 0 and count(seeded_db, "audit_events") == audit


def test_a_part_links_to_a_stored_inventory_line_or_factor(seeded_db):
    entry = supplier_from_form({"supplier_id": "sup-1", "name_en": "Cells Ltd", "parts": [
        {"name": "Cell", "model_code": "WS-TPS-48-900A", "line_no": 2}, {"name": "Diesel", "factor_ref": "fuel_diesel_cn_default"}]})
    assert save_supplier(seeded_db, ADMIN, entry) == 1
    assert [p.link for p in list_suppliers(seeded_db)[0].parts] == ["WS-TPS-48-900A #2", "factor fuel_diesel_cn_default"]


def test_a_uscc_matches_a_urn_that_ends_in_it():
    entry = supplier("sup-1", ["91330100MA2CFP0001"])
    assert entry.matches(["urn:cn:uscc:91330100MA2CFP0001"]) and not entry.matches(["urn:cn:uscc:91330100MA2CFP0002"])


# ---- filing footprints under parts --------------------------------------------------------------

def test_a_footprint_is_matched_by_company_id_and_a_stored_choice_wins(fresh_db):
    save_supplier(fresh_db, ADMIN, supplier("sup-1", [HUADONG], ["Battery", "Rectifier"]))
    save_supplier(fresh_db, ADMIN, supplier("sup-2", ["urn:example:other"], ["Battery"]))
    one = save_supplier_disclosure(fresh_db, ADMIN, footprint(n=1), part="rectifier")  # the part named at intake
    two = save_supplier_disclosure(fresh_db, ADMIN, footprint(n=2, company="urn:example:nobody"))
    found = disclosure_assignments(fresh_db, list_supplier_disclosures(fresh_db))
    assert (found[one].supplier_id, found[one].part, found[one].how) == ("sup-1", "Rectifier", "company_id")
    assert (found[two].supplier_id, found[two].part, found[two].how) == (None, None, "none")
    assign_disclosure(fresh_db, ADMIN, two, "sup-2", "BATTERY")
    assign_disclosure(fresh_db, ADMIN, one, None)  # "no supplier" beats the company-id match
    found = disclosure_assignments(fresh_db, list_supplier_disclosures(fresh_db))
    assert (found[two].supplier_id, found[two].part, found[two].how) == ("sup-2", "Battery", "user")
    assert (found[one].supplier_id, found[one].how) == (None, "user")
    assert count(fresh_db, "supplier_assignments") == 2
    with pytest.raises(sqlite3.IntegrityError, match="immutable"):
        fresh_db.execute("DELETE FROM supplier_assignments")


def test_an_assignment_needs_a_stored_disclosure_supplier_and_part(fresh_db):
    save_supplier(fresh_db, ADMIN, supplier("sup-1", parts=["Battery"]))
    row = save_supplier_disclosure(fresh_db, ADMIN, footprint())
    with pytest.raises(NotFound):
        assign_disclosure(fresh_db, ADMIN, 99, "sup-1", "Battery")
    with pytest.raises(NotFound):
        assign_disclosure(fresh_db, ADMIN, row, "sup-9", "Battery")
    with pytest.raises(DirectoryProblem, match="does not list the part"):
        assign_disclosure(fresh_db, ADMIN, row, "sup-1", "Cable")
    assert count(fresh_db, "supplier_assignments") == 0


# ---- the comparison by part ---------------------------------------------------------------------------

@pytest.fixture
def two_parts(fresh_db):
    """Coolant: 5.14 per 12 L (0.428 per L) and 1.85 per L; Battery: two pieces; one footprint with no part."""
    save_supplier(fresh_db, ADMIN, supplier("sup-1", ["urn:example:coolant-a"], ["Coolant"]))
    save_supplier(fresh_db, ADMIN, supplier("sup-2", ["urn:example:coolant-b"], ["Coolant", "Battery"]))
    save_supplier(fresh_db, ADMIN, supplier("sup-3", [HUADONG], ["Battery"]))
    ids = [save_supplier_disclosure(fresh_db, ADMIN, d, part) for d, part in (
        (litres(1, "urn:example:coolant-b", "1", "1.85"), "Coolant"),  # sup-2 has two parts: named at intake
        (litres(2, "urn:example:coolant-a", "12", "5.14"), ""),  # sup-1's only part
        (footprint(n=3), ""), (footprint("supplier_b_v3", 4, "urn:example:coolant-b"), ""),  # chosen below
        (footprint("supplier_c_ar6", 5, "urn:example:nobody"), ""))]
    assign_disclosure(fresh_db, ADMIN, ids[3], "sup-2", "Battery")
    return fresh_db, ids


def test_ranking_is_only_within_a_part_and_per_declared_unit(two_parts):
    db, ids = two_parts
    stored = list_supplier_disclosures(db)
    rows = grouped_rows(stored, disclosure_assignments(db, stored), list_suppliers(db), "en", today=TODAY)
    by_id = {r["id"]: r for r in rows}
    assert [(r["id"], r["group"]) for r in rows] == [(ids[0], "Coolant"), (ids[1], "Coolant"), (ids[2], "Battery"),
                                                      (ids[3], "Battery"), (ids[4], "unassigned")]
    assert by_id[ids[1]]["per_unit"] == pytest.approx(5.14 / 12) and by_id[ids[0]]["per_unit"] == 1.85
    assert (by_id[ids[1]]["rank"], by_id[ids[0]]["rank"]) == (1, 2)  # 0.428 per L before 1.85 per L
    assert (by_id[ids[2]]["rank"], by_id[ids[3]]["rank"]) == (1, 2)  # ranked again from 1 in the other part
    assert by_id[ids[4]]["rank"] is None and by_id[ids[4]]["part"] is None  # unassigned: never ranked
    assert {r["declared_unit"] for r in rows[:2]} == {"liter"} and rows[0]["basis"] == "per_unit"
    assert by_id[ids[3]]["directory_supplier"] == "sup-2" and tuple(rows[0]) == ROW_KEYS
    assert all(set(f) == {"severity", "key", "text"} for r in rows for f in r["findings"])


def test_a_part_filter_keeps_one_group(two_parts):
    db, ids = two_parts
    stored = list_supplier_disclosures(db)
    found = disclosure_assignments(db, stored)
    assert [g.ids for g in compare_by_part(stored, found, part=" coolant")] == [(ids[0], ids[1])]
    assert [g.ids for g in compare_by_part(stored, found, part="unassigned")] == [(ids[4],)]
    assert compare_by_part(stored, found, part="Cable") == ()


# ---- exports -------------------------------------------------------------------------------------------

@pytest.fixture
def hostile_rows(two_parts):
    """The rows, one product named like a spreadsheet formula (the intake refuses such names; exports are the
    second defence, so the disclosure is built directly)."""
    db, ids = two_parts
    stored = list_supplier_disclosures(db)
    evil = stored[0].disclosure.model_copy(update={"product": "=cmd|' /C calc'!A0", "supplier": "@SUM(A1)"})
    stored[0] = stored[0].model_copy(update={"disclosure": evil})
    return grouped_rows(stored, disclosure_assignments(db, stored), list_suppliers(db), "zh", today=TODAY)


def test_csv_reads_back_with_formulas_neutralised_and_the_illustrative_column(hostile_rows):
    table = list(csv.reader(io.StringIO(comparison_csv(hostile_rows, "zh"))))
    assert table[0] == header("zh") and "示例数据" in table[0]
    first = dict(zip(table[0], table[1], strict=True))
    assert first["产品"] == "'=cmd|' /C calc'!A0" and first["供应商（披露所述）"] == "'@SUM(A1)"
    assert first["示例数据"] == "是" and first["零部件内排名"] == "2" and float(first["kgCO₂e/声明单位"]) == 1.85
    assert dict(zip(table[0], table[5], strict=True))["零部件内排名"] == ""  # unassigned: no rank
    assert any(row[-1].startswith("注意: ") and "核查" in row[-1] for row in table[1:])  # findings in the chosen language
    keys = list(csv.reader(io.StringIO(comparison_csv(hostile_rows, "zh", labels=False))))
    assert keys[0] == list(ROW_KEYS) and keys[1][ROW_KEYS.index("illustrative")] == "true"


def test_xlsx_reads_back_as_text_not_formulas(hostile_rows):
    sheet = openpyxl.load_workbook(io.BytesIO(comparison_xlsx(hostile_rows, "en"))).active
    values = list(sheet.values)
    assert list(values[0]) == header("en") and "Illustrative" in values[0]
    first = dict(zip(values[0], values[1], strict=True))
    assert first["Product"] == "'=cmd|' /C calc'!A0" and sheet.cell(2, 5).data_type == "s"
    assert first["Illustrative"] == "Yes" and first["kgCO₂e per declared unit"] == 1.85
    assert first["Group"] == "Coolant" and first["Rank in part"] == 2
    assert values[5][ROW_KEYS.index("group")] == "unassigned" and values[5][ROW_KEYS.index("rank")] is None
    assert not any(isinstance(v, str) and v.startswith("=") for row in values for v in row)


def test_only_our_illustrative_mark_makes_a_footprint_illustrative():
    assert is_illustrative(footprint()) is True
    real = footprint("supplier_e_v2_kg")
    assert is_illustrative(real) is ("ILLUSTRATIVE DEMO DATA" in str(real.raw.get("comment")))


def test_a_viewer_is_refused_in_the_core_and_nothing_is_written(fresh_db):
    from cfp_core.access import Principal, Role
    from cfp_core.errors import PermissionDenied

    viewer = Principal(subject="sub-viewer", org_id="weisidemu", roles=frozenset({Role.VIEWER}))
    row = save_supplier_disclosure(fresh_db, ADMIN, footprint())
    with pytest.raises(PermissionDenied) as denied:
        save_supplier(fresh_db, viewer, supplier("sup-1", parts=["Battery"]))
    with pytest.raises(PermissionDenied):
        assign_disclosure(fresh_db, viewer, row, None)
    assert "供应商名录" in denied.value.message("zh") and "supplier directory" in denied.value.message("en")
    assert count(fresh_db, "supplier_directory_revisions") == count(fresh_db, "supplier_assignments") == 0
