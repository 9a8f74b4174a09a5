"""Declared figures kept per model and period (#12.3): checked before they are stored, a revision per save."""

from __future__ import annotations

import pytest

from cfp_core import store
from cfp_core.access import Role, cli_principal
from cfp_core.analysis.declared import read_declared_text, save_declared, stored_declared
from cfp_core.analysis.reconcile import reconcile_stored
from cfp_core.errors import ImportRejected, PermissionDenied
from tests.core.test_access import member

ADMIN = cli_principal("weisidemu", "tests")
GOOD = "scope,line_no,stage,declared_kg_co2e,printed_factor\ntotal,,,93.43,\n"
ZH = "范围,行号,阶段,声明结果,所印因子\n合计,,,93.43,\n"


@pytest.fixture
def inventory(seeded_db):
    return store.load_inventory(seeded_db, "WS-TPS-48-900A", "2025")


def test_figures_are_kept_as_given_and_each_save_is_a_new_revision(seeded_db, inventory):
    assert stored_declared(seeded_db, "WS-TPS-48-900A", "2025") is None
    assert save_declared(seeded_db, ADMIN, inventory, GOOD) == 1
    assert save_declared(seeded_db, ADMIN, inventory, ZH.encode("gb18030"), "report_zh.csv") == 2
    kept = stored_declared(seeded_db, "WS-TPS-48-900A", "2025")
    assert (kept["revision"], kept["csv"], kept["source"]) == (2, ZH, "report_zh.csv")
    assert [r["revision"] for r in seeded_db.query("select revision from declared_figures")] == [1, 2]
    with pytest.raises(Exception, match="immutable"):
        seeded_db.execute("update declared_figures set csv = 'x'")


def test_kept_figures_reconcile_at_their_printed_precision(seeded_db, inventory):
    save_declared(seeded_db, ADMIN, inventory, GOOD)
    figures = read_declared_text(stored_declared(seeded_db, "WS-TPS-48-900A", "2025")["csv"], inventory)
    result = reconcile_stored(seeded_db, "WS-TPS-48-900A", "2025", declared=figures)
    total = [f for f in result.findings if f.scope == "total"]
    assert total and {f.kind for f in total} <= {"match", "rounded_activity"}  # 93.43 at ±0.005: no false alarm


def test_a_wrong_cell_is_refused_naming_row_and_column_and_nothing_is_kept(seeded_db, inventory):
    with pytest.raises(ImportRejected) as refused:
        save_declared(seeded_db, ADMIN, inventory, "scope,declared_kg_co2e\ntotal,9x3\n")
    assert [(p.row, p.column) for p in refused.value.problems] == [(2, "declared_kg_co2e")]
    assert "declared_kg_co2e" in refused.value.message("zh")
    assert stored_declared(seeded_db, "WS-TPS-48-900A", "2025") is None


def test_only_editors_keep_figures(seeded_db, inventory):
    with pytest.raises(PermissionDenied):
        save_declared(seeded_db, member(Role.VIEWER), inventory, GOOD)
    assert save_declared(seeded_db, member(Role.EDITOR), inventory, GOOD) == 1
