"""Supplier-directory page: add a supplier with parts, edit it (a new revision, history shown), file a footprint
under a part, in both languages; a wrong field is named in the reader's language and nothing is saved."""

from __future__ import annotations

from pathlib import Path

import pytest

from cfp_core import store
from cfp_core.access import cli_principal
from cfp_core.i18n import t
from cfp_core.io import (
    disclosure_assignments,
    list_supplier_disclosures,
    list_suppliers,
    parse_disclosure,
    save_supplier_disclosure,
    supplier_history,
)

ADMIN = cli_principal("weisidemu", "tests")
DATA = Path(__file__).resolve().parents[1] / "data" / "suppliers"
URN = "urn:uuid:4e278539-98cd-5191-9706-c1971c059924"  # companyIds of supplier_a_v3.json


def _db():
    return store.open_db()


def fill_supplier(at, name_zh: str, name_en: str = "", ids: str = "", part: str = "", line: int | None = None):
    at.text_input(key="directory_name_zh_").set_value(name_zh)
    at.text_input(key="directory_name_en_").set_value(name_en)
    at.text_area(key="directory_ids_").set_value(ids)
    at.text_input(key="directory_part_name__0").set_value(part)
    if line is not None:
        at.selectbox(key="directory_part_model__0").set_value("WS-TPS-48-900A")
        at.number_input(key="directory_part_line__0").set_value(line)
    return at.button(key="directory_save").click().run()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_editor_adds_a_supplier_with_a_part_linked_to_an_inventory_line(page_app, lang):
    at = page_app("supplier_directory", lang=lang).run()
    assert not at.exception
    assert at.title[0].value == t("nav.supplier_directory", lang)
    assert at.info[0].value == t("directory.empty", lang)
    at = fill_supplier(at, "华东电源科技有限公司", "East China Power", URN, "电池模组 48V", line=2)
    assert not at.exception
    assert at.success[0].value == t("directory.saved", lang, id="sup-1", revision=1)
    table = at.dataframe[0].value
    assert list(table.iloc[0, :2]) == ["sup-1", "East China Power" if lang == "en" else "华东电源科技有限公司"]
    assert "电池模组 48V (WS-TPS-48-900A #2)" in table.iloc[0, 4]
    db = _db()
    try:
        supplier = list_suppliers(db)[0]
        assert supplier.company_ids == (URN,) and supplier.parts[0].line_no == 2
    finally:
        db.close()
    assert at.selectbox(key="directory_choose").value == "sup-1"  # the new supplier stays open for editing


def test_an_edit_is_a_new_revision_and_the_history_shows_both(page_app):
    at = page_app("supplier_directory", lang="en").run()
    at = fill_supplier(at, "华东电源", part="Battery")
    at.text_input(key="directory_contact_sup-1").set_value("Wang Li")
    at.text_input(key="directory_email_sup-1").set_value("wang.li@example.com")
    at.text_input(key="directory_part_name_sup-1_1").set_value("Rectifier")
    at.text_input(key="directory_comment_sup-1").set_value("second part")
    at = at.button(key="directory_save").click().run()
    assert not at.exception
    assert at.success[0].value == t("directory.saved", "en", id="sup-1", revision=2)
    history = at.dataframe[1].value
    assert list(history.iloc[:, 0]) == [2, 1] and history.iloc[0, 3] == "second part"
    assert history.iloc[0, 5] == "Battery; Rectifier" and history.iloc[1, 5] == "Battery"
    db = _db()
    try:
        assert [h["revision"] for h in supplier_history(db, "sup-1")] == [2, 1]
        assert list_suppliers(db)[0].contact_email == "wang.li@example.com"
    finally:
        db.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_wrong_field_is_named_in_the_readers_language_and_nothing_is_saved(page_app, lang):
    at = page_app("supplier_directory", lang=lang).run()
    at = fill_supplier(at, "华东电源", ids="not a company id", part="Battery", line=999)
    assert not at.exception
    text = at.error[0].value
    assert t("directory.field.company_ids", lang) in text and "not a company id" in text
    db = _db()
    try:
        assert list_suppliers(db) == []
    finally:
        db.close()


def test_a_footprint_is_filed_under_a_part_by_company_id_and_then_by_choice(page_app):
    db = _db()
    try:
        disclosure_id = save_supplier_disclosure(
            db, ADMIN, parse_disclosure((DATA / "supplier_a_v3.json").read_bytes(), "supplier_a_v3.json"))
    finally:
        db.close()
    at = page_app("supplier_directory", lang="en").run()
    at = fill_supplier(at, "华东电源", "East China Power", URN, "Battery")
    label = t("directory.assign.company_id", "en", supplier="East China Power", part="Battery")
    assert any(c.value == t("directory.assign.current", "en", label=label) for c in at.caption)
    at.selectbox(key="directory_assign_supplier").set_value("").run()
    at = at.button(key="directory_assign_save").click().run()
    assert not at.exception
    assert at.success[0].value == t("directory.assign.saved", "en", id=disclosure_id)
    db = _db()
    try:
        stored = list_supplier_disclosures(db)
        assert disclosure_assignments(db, stored)[disclosure_id].supplier_id is None  # the choice beats the match
    finally:
        db.close()
