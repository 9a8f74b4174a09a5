"""#13.3 the supplier comparison at scale: one service for the page and the CLI, the same numbers and rankings,
supersession found by an index (the same answer as a scan of every pair), search and pages."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from cfp_core.access import cli_principal
from cfp_core.analysis import supplier_groups, supplier_service
from cfp_core.analysis.suppliers import compare_suppliers
from cfp_core.io import (
    assign_disclosure,
    disclosure_assignments,
    list_supplier_disclosures,
    list_suppliers,
    mark_supplier_disclosure,
    parse_disclosure,
    save_supplier,
    save_supplier_disclosure,
    supplier_from_form,
    supplier_store,
)

ADMIN = cli_principal("weisidemu", "tests")
DATA = Path(__file__).resolve().parents[1] / "data" / "suppliers"
TODAY = date(2026, 11, 24)
SAMPLES = ("supplier_a_v3", "supplier_b_v3", "supplier_c_ar6", "supplier_d_old", "supplier_e_v2_kg", "supplier_f_grave")


def sample(name: str):
    return parse_disclosure((DATA / f"{name}.json").read_bytes(), f"{name}.json")


def variant(base, n: int, company: str, product: str, created: str, preceding=()):
    pf_id = f"00000000-0000-4000-8000-{n:012d}"
    return base.model_copy(update={"pf_id": pf_id, "company_ids": (company,), "product_ids": (product,),
                                   "created": created, "preceding_pf_ids": tuple(preceding),
                                   "raw": {**base.raw, "id": pf_id}})


def brute_force_states(db) -> dict[int, tuple[str, int | None]]:
    """The states as the scan of every pair found them before #13 (the reference for the index)."""
    rows = db.execute("SELECT id, payload FROM supplier_disclosures ORDER BY id").fetchall()
    parsed = [(r[0], supplier_store.SupplierDisclosure.model_validate_json(r[1])) for r in rows]
    last = {}
    for d_id, kind in db.execute("SELECT disclosure_id, kind FROM supplier_disclosure_events ORDER BY id").fetchall():
        last[d_id] = kind
    withdrawn = {i: k for i, k in last.items() if k in ("hidden", "retracted")}
    states = {}
    for row_id, d in parsed:
        newer = next((o_id for o_id, o in parsed if o_id not in withdrawn and supplier_store._supersedes(o, d)), None)
        states[row_id] = (withdrawn.get(row_id) or ("superseded" if newer is not None else "active"), newer)
    return states


def test_supersession_by_index_matches_the_scan_of_every_pair(fresh_db):
    base = sample("supplier_a_v3")
    saved = []
    for n in range(40):  # 4 companies × 3 products, created in a shuffled order, some chained by precedingPfIds
        preceding = [f"00000000-0000-4000-8000-{n - 7:012d}"] if n % 5 == 0 and n >= 7 else []
        d = variant(base, n, f"urn:c:{n % 4}", f"urn:p:{n % 3}", f"2026-{(n * 7) % 12 + 1:02d}-01T00:00:00Z", preceding)
        saved.append(save_supplier_disclosure(fresh_db, ADMIN, d))
    mark_supplier_disclosure(fresh_db, ADMIN, saved[12], "hidden", "wrong part")
    mark_supplier_disclosure(fresh_db, ADMIN, saved[30], "retracted", "withdrawn by the supplier")
    states = {s.id: (s.state, s.superseded_by) for s in list_supplier_disclosures(fresh_db)}
    assert states == brute_force_states(fresh_db)
    assert {s for s, _ in states.values()} == {"active", "superseded", "hidden", "retracted"}


@pytest.fixture
def by_part(fresh_db):
    """Six samples: two for the directory's "Power system" part, the rest unassigned."""
    ids = [save_supplier_disclosure(fresh_db, ADMIN, sample(n)) for n in SAMPLES]
    save_supplier(fresh_db, ADMIN, supplier_from_form({
        "supplier_id": "sup-1", "name_en": "Directory Co", "company_ids": ["urn:uuid:4e278539-98cd-5191-9706-c1971c059924"],
        "parts": [{"name": "Power system"}]}))
    for i in ids[2:]:
        assign_disclosure(fresh_db, ADMIN, i, None)
    return fresh_db, ids


def test_parts_members_and_the_comparison_of_one_part(by_part):
    db, ids = by_part
    view = supplier_service.suppliers_view(db)
    assert view.parts() == ["Power system", "unassigned"]
    members = supplier_service.part_members(view, "power  SYSTEM")
    assert [s.id for s in members] == ids[:2]
    assert [s.id for s in supplier_service.part_members(view, "unassigned")] == ids[2:]
    chosen = supplier_service.default_chosen(members)
    comparison = supplier_service.compare_part(members, chosen, ids[1], "en", today=TODAY)
    same = compare_suppliers([s.disclosure for s in members], "en", baseline=1, today=TODAY)
    assert comparison == same  # the same numbers, findings and ranking as before
    assert supplier_service.compare_part(members, [], lang="en") is None
    with pytest.raises(ValueError):
        supplier_service.compare_part(members, chosen, ids[4], "en")


def test_default_chosen_is_the_newest_six(fresh_db):
    base = sample("supplier_a_v3")
    for n in range(9):
        save_supplier_disclosure(fresh_db, ADMIN, variant(base, n, f"urn:c:{n}", f"urn:p:{n}", "2026-01-01T00:00:00Z"))
    view = supplier_service.suppliers_view(fresh_db)
    members = supplier_service.part_members(view, "unassigned")
    assert supplier_service.default_chosen(members) == [s.id for s in view.stored][-6:]


def test_export_rows_are_the_cli_and_download_rows(by_part):
    db, _ = by_part
    stored = list_supplier_disclosures(db)
    expected = supplier_groups.grouped_rows(stored, disclosure_assignments(db, stored), list_suppliers(db), "zh",
                                            today=TODAY)
    view = supplier_service.suppliers_view(db)
    assert supplier_service.export_rows(view, list_suppliers(db), "zh", today=TODAY) == expected
    one = supplier_service.export_rows(view, list_suppliers(db), "en", part="Power system", today=TODAY)
    assert [r["group"] for r in one] == ["Power system", "Power system"] and [r["rank"] for r in one] == [1, 2]


def test_search_every_word_case_aside(by_part):
    db, ids = by_part
    view = supplier_service.suppliers_view(db)
    assert [s.id for s in supplier_service.search(view.stored, "northwind", view)] == [ids[1]]
    assert [s.id for s in supplier_service.search(view.stored, f"#{ids[0]} power", view)] == [ids[0]]
    assert supplier_service.search(view.stored, "northwind nowhere", view) == []
    assert len(supplier_service.search(view.stored, "  ", view)) == len(ids)


@pytest.mark.parametrize(("number", "size", "expected", "page", "pages"), [
    (1, 25, list(range(25)), 1, 3), (3, 25, list(range(50, 60)), 3, 3), (9, 25, list(range(50, 60)), 3, 3),
    (0, 100, list(range(60)), 1, 1), (2, 30, list(range(30, 60)), 2, 2)])
def test_paginate_clamps_the_page(number, size, expected, page, pages):
    result = supplier_service.paginate(list(range(60)), number, size)
    assert (list(result.items), result.number, result.pages, result.total) == (expected, page, pages, 60)


def test_paginate_an_empty_list_has_one_empty_page():
    result = supplier_service.paginate([], 4, 25)
    assert (result.items, result.number, result.pages, result.total) == ((), 1, 1, 0)
