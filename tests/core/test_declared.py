"""Declared figures a user enters: printed-precision tolerance, parsing (hostile cells), CLI (#12 item 3)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from cfp_core.analysis.declared import (
    COLUMNS,
    ZH_COLUMNS,
    DeclaredFigures,
    declared_template_bytes,
    half_unit,
    read_declared_file,
)
from cfp_core.analysis.reconcile import reconcile_inventory
from cfp_core.calculate import calculate_footprint
from cfp_core.cli import cli
from cfp_core.errors import ImportRejected
from cfp_core.models import ActivityLine, Inventory, ReportingPeriod


def worked_example() -> Inventory:
    lines = (
        ActivityLine(data_source="primary_measured", stage="production", activity="电力", amount=123.456,
                     unit="kWh", factor_ref="electricity.cn.national"),
        ActivityLine(data_source="primary_measured", stage="production", activity="柴油", amount=3.1416,
                     unit="kg", factor_ref="fuel.diesel"),
        ActivityLine(data_source="primary_measured", stage="distribution", activity="柴油", amount=7.0711,
                     unit="kg", factor_ref="fuel.diesel"),
    )
    return Inventory(model_code="EX-1", period=ReportingPeriod.year(2025), lines=lines)


def csv_of(rows, columns=COLUMNS) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def printed_rows(inventory, set_2024, ar5, decimals=2, shift=None):
    footprint = calculate_footprint(inventory, set_2024, ar5)
    rows = []
    for r in footprint.lines:
        value = r.kg_co2e + (0.02 if shift == r.line_no else 0.0)
        rows.append(["line", str(r.line_no), "", f"{value:.{decimals}f}", ""])
    return rows, footprint


@pytest.mark.parametrize(("text", "half"), [("12.35", 0.005), ("0.0726", 0.00005), ("93", 0.5), ("12.30", 0.005)])
def test_tolerance_is_half_a_unit_of_the_last_printed_digit(text, half):
    assert half_unit(text) == pytest.approx(half)


def test_two_decimal_worked_example_gives_no_false_findings(set_2024, ar5):
    inventory = worked_example()
    rows, footprint = printed_rows(inventory, set_2024, ar5)
    declared = read_declared_file(csv_of(rows), "declared.csv", inventory)
    rec = reconcile_inventory(inventory, set_2024, ar5, declared=declared)
    assert len(rec.findings) == 3 and rec.issues() == ()
    # stages and total printed with 2 decimals too: nothing "does not recompute"
    stage_rows = [["stage", "", s.stage.value, f"{s.kg_co2e:.2f}", ""] for s in footprint.stages if s.line_count]
    rows += stage_rows + [["total", "", "", f"{footprint.total_kg_co2e:.2f}", ""]]
    rec = reconcile_inventory(inventory, set_2024, ar5, declared=read_declared_file(csv_of(rows), "d.csv", inventory))
    assert {f.kind for f in rec.findings} <= {"match", "sum_mismatch"}
    assert all(f.key != "reconcile.sum_mismatch.gap" for f in rec.findings)


def test_the_same_figures_at_4_decimal_tolerance_would_be_false_findings(set_2024, ar5):
    inventory = worked_example()
    rows, _ = printed_rows(inventory, set_2024, ar5)
    declared = read_declared_file(csv_of(rows), "declared.csv", inventory)
    strict = DeclaredFigures({n: (v, 0.00005) for n, (v, _) in declared.line_results.items()})
    assert reconcile_inventory(inventory, set_2024, ar5, declared=strict).issues()


def test_a_figure_changed_by_0_02_is_a_finding_naming_that_line(set_2024, ar5):
    inventory = worked_example()
    rows, _ = printed_rows(inventory, set_2024, ar5, shift=2)
    rec = reconcile_inventory(inventory, set_2024, ar5, declared=read_declared_file(csv_of(rows), "d.csv", inventory))
    (issue,) = rec.issues()
    assert issue.scope == "line" and issue.line_no == 2 and issue.kind == "arithmetic"
    assert "2" in issue.message("en") and "柴油" in issue.message("zh")


def test_chinese_header_and_words_are_read(set_2024, ar5):
    inventory = worked_example()
    data = csv_of([["行", "1", "", "71.32", ""], ["阶段", "", "生产", "81.05", ""], ["合计", "", "", "103.00", ""]],
                  ZH_COLUMNS)
    declared = read_declared_file(data, "声明.csv", inventory)
    assert declared.line_results[1] == (71.32, pytest.approx(0.005))
    assert declared.total == (103.0, pytest.approx(0.005)) and declared.texts["total"] == "103.00"
    assert [s.value for s in declared.stages] == ["production"]


@pytest.mark.parametrize(("row", "column"), [
    (["line", "1", "", "abc", ""], "declared_kg_co2e"),
    (["line", "1", "", "+3.2", ""], "declared_kg_co2e"),
    (["line", "1", "", "1e-3", ""], "declared_kg_co2e"),
    (["line", "1", "", "1.00", "-0.5"], "printed_factor"),
    (["line", "1", "", "=cmd|' /C calc'!A0", ""], "declared_kg_co2e"),
    (["line", "1", "", "<script>alert(1)</script>", ""], "declared_kg_co2e"),
    (["line", "9", "", "1.00", ""], "line_no"),
    (["line", "x", "", "1.00", ""], "line_no"),
    (["stage", "", "moon", "1.00", ""], "stage"),
    (["<script>", "", "", "1.00", ""], "scope"),
    (["line", "1", "", "1.00", "@SUM(A1)"], "printed_factor"),
])
def test_hostile_cells_are_named_by_row_and_column_in_both_languages(row, column):
    with pytest.raises(ImportRejected) as rejected:
        read_declared_file(csv_of([["line", "2", "", "1.00", ""], row]), "d.csv", worked_example())
    (problem,) = rejected.value.problems
    assert (problem.row, problem.column) == (3, column)
    english, chinese = problem.message("en"), problem.message("zh")
    assert "Row 3" in english and "第 3 行" in chinese and column in chinese


def test_a_declared_credit_may_be_negative():
    """End-of-life recycling credits are printed negative: accepted at the printed precision (#12.3)."""
    declared = read_declared_file(csv_of([["line", "2", "", "-3.20", ""]]), "d.csv", worked_example())
    assert declared.line_results[2] == (-3.2, pytest.approx(0.005)) and declared.texts["line 2"] == "-3.20"


def test_only_csv_keeps_printed_precision():
    with pytest.raises(ImportRejected) as rejected:
        read_declared_file(b"x", "declared.xlsx", worked_example())
    assert "CSV" in rejected.value.message("en") and "CSV" in rejected.value.message("zh")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_templates_read_back_and_are_formula_safe(lang):
    inventory = worked_example().model_copy(update={"lines": (worked_example().lines[0].model_copy(
        update={"activity": "电力"}),)})
    data = declared_template_bytes(inventory, lang)
    header = data.decode("utf-8-sig").splitlines()[0].split(",")
    assert tuple(header) == (ZH_COLUMNS if lang == "zh" else COLUMNS)
    filled = data.decode("utf-8-sig").replace(",,\r\n", ",1.00,\r\n", 1).encode("utf-8")
    assert read_declared_file(filled, "t.csv", inventory).line_results[1][0] == 1.0


def test_cli_reconciles_the_stored_inventory_against_a_declared_file(seeded_db_path, tmp_path):
    runner = CliRunner()
    footprint = json.loads(runner.invoke(cli, ["footprint", "--model", "WS-TPS-48-900A", "--period", "2025",
                                                "--format", "json"]).output)
    total = footprint["total_kg_co2e"]
    path = tmp_path / "declared.csv"
    path.write_bytes(csv_of([["total", "", "", f"{total:.2f}", ""]]))
    args = ["reconcile", "--model", "WS-TPS-48-900A", "--period", "2025", "--declared", str(path)]
    data = json.loads(runner.invoke(cli, [*args, "--format", "json"]).output)
    (finding,) = data["findings"]  # recomputed from the printed quantities: inside their rounding, not "arithmetic"
    assert finding["scope"] == "total" and finding["kind"] in {"match", "rounded_activity"}
    path.write_bytes(csv_of([["total", "", "", "=1+1", ""]]))
    for lang, word in (("en", "Row 2"), ("zh", "第 2 行")):
        bad = runner.invoke(cli, ["--lang", lang, *args])
        assert bad.exit_code == 1 and word in bad.output
