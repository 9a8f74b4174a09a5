"""Supplier-footprints page: stored disclosures are listed and compared, in both languages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cfp_core import store
from cfp_core.access import cli_principal  # noqa: E402
from cfp_core.i18n import t
from cfp_core.io import parse_disclosure, save_supplier_disclosure

ADMIN = cli_principal("weisidemu", "tests")  # the acting principal of every write in these tests

DATA = Path(__file__).resolve().parents[1] / "data" / "suppliers"


def save_samples(names) -> list[int]:
    db = store.open_db()
    try:
        return [save_supplier_disclosure(db, ADMIN, parse_disclosure((DATA / f"{n}.json").read_bytes(), f"{n}.json"))
                for n in names]
    finally:
        db.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_empty_store_invites_an_upload(page_app, lang):
    at = page_app("suppliers", lang=lang).run()
    assert not at.exception
    assert at.title[0].value == t("nav.suppliers", lang)
    assert at.info[0].value == t("suppliers.none", lang)
    assert at.button(key="suppliers_save").label == t("suppliers.save", lang)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_comparison_table_findings_and_chart(page_app, lang):
    save_samples(["supplier_a_v3", "supplier_b_v3", "supplier_c_ar6", "supplier_e_v2_kg"])
    at = page_app("suppliers", lang=lang).run()
    assert not at.exception
    stored = at.dataframe[0].value
    assert len(stored) == 4
    table = at.dataframe[2].value
    assert list(table.columns)[0] == t("suppliers.col.supplier", lang)
    assert list(table.iloc[:, 0]) == ["华东电源科技有限公司", "Northwind Power Ltd", "岭南能源设备有限公司", "Kilo Parts GmbH"]
    assert table.iloc[0, 2] == 26.962826674016668
    errors = [e.value for e in at.error]
    assert any(t("suppliers.severity.blocking", lang) in e and "AR6" in e for e in errors)
    gwp_text = t("suppliers.finding.gwp", lang, gwp="AR6", base="AR5")
    assert any(gwp_text in e for e in errors)
    assert any(t("suppliers.finding.unit_per_kg", lang, unit=t("suppliers.unit.kilogram", lang),
                                    base=t("suppliers.unit.piece", lang)) in w.value for w in at.warning)
    assert at.caption[-1].value == t("suppliers.basis.per_kg", lang)
    spec = json.loads(at.get("vega_lite_chart")[0].proto.spec)
    assert spec["mark"]["type"] == "bar"


def test_changing_baseline_and_subset(page_app):
    ids = save_samples(["supplier_a_v3", "supplier_b_v3", "supplier_d_old"])
    at = page_app("suppliers", lang="en").run()
    assert at.selectbox(key="suppliers_group").value == "unassigned"  # no directory: every footprint is unassigned
    at.multiselect(key="suppliers_choose_unassigned").set_value(ids[1:]).run()
    at.selectbox(key="suppliers_baseline").set_value(ids[2]).run()
    assert not at.exception
    table = at.dataframe[2].value
    assert list(table["Supplier"]) == ["Northwind Power Ltd", "Old Mill Electric Co"]
    assert at.caption[-1].value == t("suppliers.basis.per_unit", "en")
    assert any(t("suppliers.finding.deprecated", "en") in e.value for e in at.error)
    excluded = [m.value for m in at.markdown if m.value.startswith("- ")]
    assert len(excluded) == 1 and "Old Mill Electric Co" in excluded[0] and "Deprecated" in excluded[0]


def _directory_supplier(company_id: str, parts: list[str], not_theirs: int) -> None:
    from cfp_core.io import assign_disclosure, save_supplier, supplier_from_form

    db = store.open_db()
    try:
        save_supplier(db, ADMIN, supplier_from_form({"supplier_id": "sup-1", "name_en": "Directory Co",
                                                     "company_ids": [company_id], "parts": [{"name": p} for p in parts]}))
        assign_disclosure(db, ADMIN, not_theirs, None)  # the samples share one company id: say this one is not
    finally:
        db.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_group_by_part_and_the_two_downloads(page_app, lang):
    """#10.4: the selector keeps one part's footprints; the downloads hold the comparison by part.

    #13.3: the comparison opens on ONE part (the first), never on every footprint together."""
    ids = save_samples(["supplier_a_v3", "supplier_b_v3"])
    _directory_supplier("urn:uuid:4e278539-98cd-5191-9706-c1971c059924", ["Power system"], ids[1])
    at = page_app("suppliers", lang=lang).run()
    assert not at.exception
    assert at.download_button(key="suppliers_download_csv").label == t("directory.download_csv", lang)
    assert at.download_button(key="suppliers_download_xlsx").label == t("directory.download_xlsx", lang)
    stored = at.dataframe[0].value  # the part column shows the directory part, not the label typed at intake
    assert list(stored[t("suppliers.col.part", lang)]) == ["Power system", t("directory.unassigned", lang)]
    group = at.selectbox(key="suppliers_group")
    assert group.options == ["Power system", t("directory.unassigned", lang)]
    assert group.value == "Power system"
    assert at.multiselect(key="suppliers_choose_Power system").value == [ids[0]]
    assert list(at.dataframe[2].value.iloc[:, 0]) == ["华东电源科技有限公司"]
    at = at.selectbox(key="suppliers_group").set_value("unassigned").run()
    assert list(at.dataframe[2].value.iloc[:, 0]) == ["Northwind Power Ltd"]


def _save_many(count: int) -> list[int]:
    """``count`` distinct footprints (variants of one sample: own PACT, company and product ids)."""
    base = parse_disclosure((DATA / "supplier_a_v3.json").read_bytes(), "supplier_a_v3.json")
    db = store.open_db()
    try:
        ids = []
        for n in range(count):
            pf_id = f"00000000-0000-4000-8000-{n:012d}"
            ids.append(save_supplier_disclosure(db, ADMIN, base.model_copy(update={
                "pf_id": pf_id, "supplier": f"Bench supplier n{n}x", "company_ids": (f"urn:c:{n}",),
                "product_ids": (f"urn:p:{n}",), "raw": {**base.raw, "id": pf_id}})))
        return ids
    finally:
        db.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_stored_footprints_are_paged_and_searched(page_app, lang):
    """#13.3: a long store shows one page of the table; the choosers list only that page; search narrows it."""
    ids = _save_many(60)
    at = page_app("suppliers", lang=lang).run()
    assert not at.exception
    assert len(at.dataframe[0].value) == 25 and list(at.dataframe[0].value.iloc[:, 0]) == ids[:25]
    assert at.caption[1].value == t("supscale.showing", lang, start=1, stop=25, total=60, page=1, pages=3)
    assert len(at.selectbox(key="suppliers_withdraw_id").options) == 25
    at = at.number_input(key="suppliers_stored_page_25_3").set_value(3).run()
    assert not at.exception
    assert list(at.dataframe[0].value.iloc[:, 0]) == ids[50:]
    at = at.selectbox(key="suppliers_stored_size").set_value(100).run()
    assert len(at.dataframe[0].value) == 60
    at = at.text_input(key="suppliers_search").input("bench N42X").run()
    assert not at.exception
    assert list(at.dataframe[0].value.iloc[:, 0]) == [ids[42]]
    assert at.selectbox(key="suppliers_withdraw_id").options == [f"#{ids[42]} Bench supplier n42x — "
                                                                 f"{at.dataframe[0].value.iloc[0, 2][:40]} (2025-01-01 – 2025-12-31)"]
    # the comparison still opens on one part: the unassigned ones, the newest six
    assert at.multiselect(key="suppliers_choose_unassigned").value == ids[-6:]
    at = at.text_input(key="suppliers_search").input("nothing like this").run()
    assert at.info[0].value == t("supscale.no_match", lang, text="nothing like this")
    assert at.dataframe[0].value.empty
