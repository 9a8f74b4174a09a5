"""Importing inventory files into the store: one transaction, all or nothing."""

from __future__ import annotations

import pytest

from cfp_core import store
from cfp_core.access import cli_principal  # noqa: E402
from cfp_core.errors import ImportRejected
from cfp_core.io import templates
from cfp_core.models import Inventory, ReportingPeriod
from cfp_core.store import db as store_db

ADMIN = cli_principal("weisidemu", "tests")  # the acting principal of every write in these tests

WS = "WS-TPS-48-900A"


def revision_count(db) -> int:
    return next(iter(db.query("select count(*) as n from inventory_revisions")))["n"]


def with_amounts(inventory: Inventory, factor: float, **changes) -> Inventory:
    lines = tuple(line.model_copy(update={"amount": line.amount * factor}) for line in inventory.lines)
    return inventory.model_copy(update={"lines": lines, **changes})


def test_existing_period_keeps_study_metadata_and_replaces_the_lines(seeded_db, ws_inventory):
    before = store.latest_revision(seeded_db, WS, "2025")
    data = templates.write_inventory_file([with_amounts(ws_inventory, 2.0)], "csv")
    imported = templates.read_inventory_file(data, "ws.csv")
    assert imported[0].verification is None  # the file carries lines only

    saved = templates.import_inventories(seeded_db, ADMIN, imported, comment="2025 re-measured")

    assert saved == [(WS, "2025", before + 1)]
    stored = store.load_inventory(seeded_db, WS, "2025")
    assert [line.amount for line in stored.lines] == [line.amount * 2.0 for line in ws_inventory.lines]
    for field in ("boundary", "verification", "declared", "gwp_set", "factor_set_id"):
        assert getattr(stored, field) == getattr(ws_inventory, field), field
    history = store.inventory_revisions(seeded_db, WS, "2025")
    assert (history[0]["author"], history[0]["comment"]) == ("tests <cli:tests>", "2025 re-measured")


def test_new_period_uses_defaults(seeded_db, ws_inventory):
    new = with_amounts(ws_inventory, 1.0, period=ReportingPeriod.year(2026))
    [imported] = templates.read_inventory_file(templates.write_inventory_file([new], "xlsx"), "ws.xlsx")
    assert templates.import_inventories(seeded_db, ADMIN, [imported]) == [(WS, "2026", 1)]
    stored = store.load_inventory(seeded_db, WS, "2026")
    assert stored.verification is None and stored.declared is None
    assert stored.factor_set_id == "cn-cfp-2024" and stored.lines == ws_inventory.lines


def test_unknown_product_rejects_the_whole_import_and_writes_nothing(seeded_db, ws_inventory):
    known = with_amounts(ws_inventory, 1.5)
    unknown = with_amounts(ws_inventory, 1.0, model_code="NO-SUCH-MODEL")
    inventories = templates.read_inventory_file(templates.write_inventory_file([known, unknown], "csv"), "two.csv")
    before = revision_count(seeded_db)

    with pytest.raises(ImportRejected) as caught:
        templates.import_inventories(seeded_db, ADMIN, inventories)

    assert revision_count(seeded_db) == before
    [problem] = caught.value.problems
    first_unknown_row = 2 + len(ws_inventory.lines)
    assert (problem.row, problem.column, problem.value) == (first_unknown_row, "product_model", "NO-SUCH-MODEL")
    assert f"Row {first_unknown_row}, column 'product_model'" in problem.message("en")
    assert "Create the product first" in problem.message("en")
    assert f"第 {first_unknown_row} 行，“product_model”列" in problem.message("zh")
    assert "请先创建该产品" in problem.message("zh")


def test_unknown_product_row_is_its_first_row_even_when_rows_interleave(seeded_db):
    good = {"period_start": "2025-01-01", "period_end": "2025-12-31", "stage": "production", "activity": "电力",
            "amount": "1", "unit": "kWh", "factor_id": "electricity.cn.national", "data_source_type": "proxy"}
    rows = [{"product_model": WS, **good}, {"product_model": WS, **good}, {"product_model": "GHOST-1", **good},
            {"product_model": WS, **good}]
    inventories = templates.read_inventory_rows(rows)
    with pytest.raises(ImportRejected) as caught:
        templates.import_inventories(seeded_db, ADMIN, inventories)
    assert caught.value.problems[0].row == 4


def test_a_failure_while_saving_rolls_back_every_inventory(seeded_db, ws_inventory, monkeypatch):
    first = with_amounts(ws_inventory, 3.0)
    second = with_amounts(ws_inventory, 1.0, period=ReportingPeriod.year(2027))
    before = revision_count(seeded_db)
    calls = []
    real_put = store_db.put_inventory

    def put_then_fail(db, inventory, author="", comment=""):
        calls.append(inventory.period.label)
        if len(calls) == 2:
            raise OSError("disk full")
        return real_put(db, inventory, author, comment)

    monkeypatch.setattr(store_db, "put_inventory", put_then_fail)
    with pytest.raises(OSError):
        templates.import_inventories(seeded_db, ADMIN, [first, second])
    assert calls == ["2025", "2027"]
    assert revision_count(seeded_db) == before
    assert store.load_inventory(seeded_db, WS, "2025").lines == ws_inventory.lines


def test_a_rejected_file_leaves_the_database_untouched(seeded_db):
    before = revision_count(seeded_db)
    bad = templates.template_bytes("csv", "en").decode("utf-8-sig").replace("54.1", "-54.1").encode()
    with pytest.raises(ImportRejected):
        templates.import_inventories(seeded_db, ADMIN, templates.read_inventory_file(bad, "bad.csv"))
    assert revision_count(seeded_db) == before
