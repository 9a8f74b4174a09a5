"""Data commands of ``python -m cfp_core`` (click's CliRunner, plus one real subprocess run)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from cfp_core import store
from cfp_core.cli import cli
from cfp_core.io import templates

ROOT = Path(__file__).resolve().parents[2]
WS = ["--model", "WS-TPS-48-900A", "--period", "2025"]
REPORT_STAGES = {"raw_material_acquisition": 24.0450, "raw_material_transport": 14.2071, "production": 31.2819,
                 "distribution": 8.2246, "use": 0.0, "end_of_life": 15.6759}


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def revision_count(path) -> int:
    db = store.open_db(path)
    try:
        return next(iter(db.query("select count(*) as n from inventory_revisions")))["n"]
    finally:
        db.close()


# ---- footprint --------------------------------------------------------------------------

def test_footprint_json_has_stable_keys_and_reproduces_the_report(seeded_db_path):
    result = run("footprint", *WS, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) == {"model", "period", "factor_set", "gwp_set", "unit", "stages", "total_kg_co2e",
                         "cradle_to_gate_kg_co2e", "lines", "warnings"}
    assert (data["model"], data["period"], data["factor_set"], data["gwp_set"], data["unit"]) == (
        "WS-TPS-48-900A", "2025", "cn-cfp-2024", "AR5", "kgCO2e per piece")
    assert data["stages"] == pytest.approx(REPORT_STAGES, abs=0.005)
    assert list(data["stages"]) == list(REPORT_STAGES)
    assert data["total_kg_co2e"] == pytest.approx(93.4346, abs=0.005)
    assert data["cradle_to_gate_kg_co2e"] == pytest.approx(24.0450 + 14.2071 + 31.2819, abs=0.01)
    assert len(data["lines"]) == 6 and data["lines"][0]["factor_id"] == "cn_elec_cfp_national_2024"


@pytest.mark.parametrize(("lang", "labels"), [
    ("en", ["Raw-material acquisition", "End of life", "Cradle-to-gate subtotal", "Total", "Use"]),
    ("zh", ["原材料获取", "成品运输", "产品处置", "摇篮到大门小计", "合计", "单位：kgCO₂e/台"]),
])
def test_footprint_table_shows_six_stages_subtotal_and_total(seeded_db_path, lang, labels):
    result = run("--lang", lang, "footprint", *WS)
    assert result.exit_code == 0, result.output
    assert "93.4346" in result.output and "24.0450" in result.output and "25.73%" in result.output
    for label in labels:
        assert label in result.output


def test_footprint_csv_has_every_stage_and_the_total(seeded_db_path):
    lines = run("footprint", *WS, "--format", "csv").output.splitlines()
    assert lines[0] == "stage,kg_co2e,share"
    assert [line.split(",")[0] for line in lines[1:]] == [*REPORT_STAGES, "cradle_to_gate", "total"]
    assert float(lines[-1].split(",")[1]) == pytest.approx(93.4346, abs=0.005)


def test_factor_set_and_gwp_options_change_what_is_used(seeded_db_path):
    old = json.loads(run("footprint", *WS, "--factor-set", "cn-cfp-2023", "--gwp", "AR6", "--format", "json").output)
    assert (old["factor_set"], old["gwp_set"]) == ("cn-cfp-2023", "AR6")
    assert old["total_kg_co2e"] > 93.4346
    org = run("--lang", "zh", "footprint", *WS, "--factor-set", "cn-co2-org-2023")
    assert "组织层面核算" in org.output  # the warning is shown in the reader's language


def test_footprint_of_a_file_matches_the_stored_inventory(seeded_db_path, ws_inventory, tmp_path):
    path = tmp_path / "ws.xlsx"
    path.write_bytes(templates.write_inventory_file([ws_inventory], "xlsx"))
    data = json.loads(run("footprint", str(path), "--format", "json").output)
    assert data["total_kg_co2e"] == pytest.approx(93.4346, abs=0.005)
    assert data["stages"] == pytest.approx(REPORT_STAGES, abs=0.005)


def test_footprint_of_a_file_works_without_any_database(tmp_path, ws_inventory, monkeypatch):
    monkeypatch.setenv("CFP_DB_PATH", str(tmp_path / "absent.db"))
    path = tmp_path / "ws.csv"
    path.write_bytes(templates.write_inventory_file([ws_inventory], "csv"))
    assert "93.4346" in run("footprint", str(path)).output
    assert not (tmp_path / "absent.db").exists()


@pytest.mark.parametrize(("lang", "text"), [("en", "was not found"), ("zh", "未找到")])
def test_errors_are_localized_messages_with_exit_code_1(seeded_db_path, lang, text):
    result = run("--lang", lang, "footprint", "--model", "WS-TPS-48-900A", "--period", "1999")
    assert result.exit_code == 1
    assert text in result.output and "Traceback" not in result.output


def test_a_bad_file_names_row_and_column(seeded_db_path, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_bytes(templates.template_bytes("csv", "zh").replace(b"54.1", b"abc54.1"))
    result = run("--lang", "zh", "footprint", str(path))
    assert result.exit_code == 1
    assert "第 2 行，“amount”列" in result.output and "请输入数字" in result.output


def test_footprint_without_model_or_file_explains_the_usage(seeded_db_path):
    result = run("footprint", "--model", "WS-TPS-48-900A")
    assert result.exit_code == 2 and "--period" in result.output


# ---- import / export --------------------------------------------------------------------

def test_export_then_import_adds_one_revision(seeded_db_path, tmp_path):
    path = tmp_path / "ws.csv"
    assert run("export", *WS, "-o", str(path)).exit_code == 0
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    before = revision_count(seeded_db_path)
    result = run("--as", "qa", "import", str(path))
    assert result.exit_code == 0, result.output
    assert "WS-TPS-48-900A 2025" in result.output and "revision" in result.output
    assert revision_count(seeded_db_path) == before + 1
    db = store.open_db(seeded_db_path)
    assert store.inventory_revisions(db, "WS-TPS-48-900A", "2025")[0]["author"] == "qa <cli:qa>"
    assert store.list_audit_events(db, action="import_inventories")[0]["subject"] == "cli:qa"
    db.close()


def test_export_csv_to_stdout_and_xlsx_needs_an_output_file(seeded_db_path, tmp_path):
    assert run("export", *WS).output.startswith("product_model,period_start")
    assert run("export", *WS, "--format", "xlsx").exit_code == 2
    path = tmp_path / "ws.xlsx"
    assert run("export", *WS, "--format", "xlsx", "-o", str(path)).exit_code == 0
    assert openpyxl.load_workbook(path).sheetnames[:2] == ["inventory", "instructions"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_rejected_import_writes_nothing(seeded_db_path, tmp_path, lang):
    path = tmp_path / "bad.csv"
    rows = templates.template_bytes("csv", "en").decode("utf-8-sig").splitlines()
    path.write_text("\n".join([rows[0], rows[1], rows[1].replace("WS-TPS-48-900A", "GHOST-9")]), encoding="utf-8")
    before = revision_count(seeded_db_path)
    result = run("--lang", lang, "import", str(path))
    assert result.exit_code == 1
    assert ("Row 3, column 'product_model'" if lang == "en" else "第 3 行，“product_model”列") in result.output
    assert revision_count(seeded_db_path) == before


# ---- factors, seed, reconcile -------------------------------------------------------------

def test_factors_list_filters_by_set_and_family(seeded_db_path):
    table = run("factors", "list", "--set", "cn-cfp-2024", "--family", "electricity_cfp").output
    assert "cn_elec_cfp_national_2024" in table and "0.5777" in table and "fuel" not in table
    rows = json.loads(run("factors", "list", "--set", "cn-cfp-2024", "--format", "json").output)
    assert {r["set_id"] for r in rows} == {"cn-cfp-2024"}
    assert {"fuel_combustion", "electricity_cfp"} <= {r["family"] for r in rows}
    assert "电力碳足迹因子" in run("--lang", "zh", "factors", "list", "--family", "electricity_cfp").output


def test_factors_show_gives_provenance_and_derivation(seeded_db_path):
    shown = run("factors", "show", "cn_elec_cfp_national_2024").output
    for needle in ("0.5777", "MEE/NBS/NEA", "https://", "publication_date", "cn-cfp-2024"):
        assert needle in shown
    diesel_id = next(r["factor_id"] for r in json.loads(run("factors", "list", "--format", "json").output)
                     if r["key"] == "fuel.diesel")
    fuel = run("factors", "show", diesel_id).output
    assert "44/12" in fuel and "NCV" in fuel
    missing = run("--lang", "zh", "factors", "show", "no_such_factor")
    assert missing.exit_code == 1 and "factors list" in missing.output


def test_seed_creates_and_is_idempotent(tmp_path, monkeypatch):
    path = tmp_path / "new.db"
    monkeypatch.setenv("CFP_DB_PATH", str(path))
    first = run("seed").output
    assert "added 7 factor set(s)" in first and path.exists()
    assert "added 0 factor set(s), 0 product(s), 0 inventory(ies)" in run("seed").output


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_reconcile_reports_the_reports_figures(seeded_db_path, lang):
    table = run("--lang", lang, "reconcile", *WS)
    assert table.exit_code == 0, table.output
    assert "24.0450" in table.output and "14.2071" in table.output
    data = json.loads(run("--lang", lang, "reconcile", *WS, "--format", "json").output)
    kinds = {f["kind"] for f in data["findings"]}
    assert "unit_slip" in kinds
    assert all(f["message"] for f in data["findings"])


# ---- the real thing ---------------------------------------------------------------------

def test_subprocess_footprint_json_against_a_fresh_database(tmp_path):
    env = {**os.environ, "CFP_DB_PATH": str(tmp_path / "fresh.db")}
    command = [sys.executable, "-m", "cfp_core", "footprint", *WS]
    done = subprocess.run([*command, "--format", "json"], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=180, check=False)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    stages = {k: v for k, v in data["stages"].items() if v}
    assert stages == pytest.approx({k: v for k, v in REPORT_STAGES.items() if v}, abs=0.005)
    assert data["total_kg_co2e"] == pytest.approx(93.4346, abs=0.005)
    table = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=180, check=False)
    assert table.returncode == 0 and "93.4346" in table.stdout


# ---- footprint --all (#13) ----------------------------------------------------------------------

def test_footprint_all_lists_every_latest_inventory_from_materialised_results(seeded_db_path):
    records = json.loads(run("footprint", "--all", "--format", "json").output)
    assert [(r["model_code"], r["period"]) for r in records][-1] == ("WS-TPS-48-900A", "2025") and len(records) == 9
    single = json.loads(run("footprint", *WS, "--format", "json").output)
    assert records[-1]["total_kg_co2e"] == single["total_kg_co2e"]  # bit for bit, not rounded
    assert records[-1]["stages"] == single["stages"] and records[-1]["problem"] is None


def test_footprint_all_names_what_does_not_calculate_and_narrows_by_period(seeded_db_path):
    result = run("--lang", "zh", "footprint", "--all", "--period", "2025", "--factor-set", "cn-co2-org-2023")
    assert result.exit_code == 0 and "全部已存清单的最新碳足迹（3 项）" in result.output
    assert "electricity.cn.pv" in result.output  # 600A's rooftop PV factor is not in that set
    csv_lines = run("footprint", "--all", "--period", "2025", "--format", "csv").output.splitlines()
    assert csv_lines[0].startswith("model_code,period,revision,factor_set_id") and len(csv_lines) == 4
    assert json.loads(run("footprint", "--all", "--period", "1999", "--format", "json").output) == []
