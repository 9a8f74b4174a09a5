"""``python -m cfp_core suppliers …`` (#10.7): import reports per file, list, compare (stable JSON keys, --part),
export (CSV and xlsx read back)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from cfp_core import store
from cfp_core.access import cli_principal
from cfp_core.analysis.supplier_groups import ROW_KEYS
from cfp_core.cli import cli
from cfp_core.i18n import t
from cfp_core.io import save_supplier, supplier_from_form

DATA = Path(__file__).resolve().parents[1] / "data" / "suppliers"
OFFICIAL = Path(__file__).resolve().parents[1] / "data" / "pact" / "official"
HUADONG = "urn:uuid:4e278539-98cd-5191-9706-c1971c059924"  # companyIds of the sample files
STABLE_KEYS = {"pf_id", "supplier", "product", "part", "per_unit", "per_kg", "declared_unit", "group", "rank",
               "findings"}


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def sample(name: str) -> str:
    return str(DATA / f"{name}.json")


@pytest.fixture
def imported(seeded_db_path):
    """Three sample footprints imported; the directory files supplier a's company under "Power system"."""
    result = run("suppliers", "import", sample("supplier_a_v3"), sample("supplier_c_ar6"), sample("supplier_e_v2_kg"))
    assert result.exit_code == 0, result.output
    db = store.open_db(seeded_db_path)
    try:
        save_supplier(db, cli_principal("weisidemu"), supplier_from_form(
            {"supplier_id": "sup-1", "name_en": "East China Power", "company_ids": [HUADONG],
             "parts": [{"name": "Power system"}]}))
    finally:
        db.close()
    return seeded_db_path


def test_import_reports_each_file_and_refuses_a_bad_one_with_its_reasons(seeded_db_path):
    result = run("suppliers", "import", sample("supplier_a_v3"), sample("invalid"))
    assert result.exit_code == 1
    assert t("directory.cli.accepted", "en", file="supplier_a_v3.json", id=1) in result.output
    assert t("directory.cli.refused", "en", file="invalid.json") in result.output
    assert "pcf.pcfExcludingBiogenicUptake" in result.output and "Traceback" not in result.output
    assert t("directory.cli.summary", "en", accepted=1, duplicate=0, superseded=0, refused=1) in result.output
    again = run("--lang", "zh", "suppliers", "import", sample("supplier_a_v3"))
    assert again.exit_code == 0
    assert t("directory.cli.duplicate", "zh", file="supplier_a_v3.json", id=1) in again.output


def test_a_newer_version_is_reported_as_superseding(seeded_db_path, tmp_path):
    first = run("suppliers", "import", str(OFFICIAL / "example-1.json"))
    assert first.exit_code == 0, first.output
    document = json.loads((OFFICIAL / "example-1.json").read_text(encoding="utf-8"))
    document.update(id="91715e5e-fd0b-4d1c-8fab-76290c46e6ed", precedingPfIds=[document["id"]],
                    created="2023-01-01T00:00:00Z")
    newer = tmp_path / "newer.json"
    newer.write_text(json.dumps(document), encoding="utf-8")
    result = run("suppliers", "import", str(newer))
    assert result.exit_code == 0, result.output
    assert t("directory.cli.superseded", "en", id=2, old=1) in result.output


def test_a_missing_file_is_refused_in_the_readers_language(seeded_db_path):
    result = run("--lang", "zh", "suppliers", "import", "no/such/file.json")
    assert result.exit_code == 1 and "无法读取" in result.output and "Traceback" not in result.output


def test_list_shows_state_and_part(imported):
    table = run("suppliers", "list")
    assert table.exit_code == 0 and "#3" in table.output and "Power system" in table.output
    items = json.loads(run("suppliers", "list", "--format", "json").output)
    assert [(i["id"], i["part"], i["state"]) for i in items] == [(1, "Power system", "active"), (2, "Power system", "active"),
                                                              (3, "Power system", "active")]


def test_compare_json_has_stable_keys_and_ranks_within_the_part(imported):
    result = run("suppliers", "compare", "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert all(tuple(r) == ROW_KEYS and STABLE_KEYS <= set(r) for r in rows)
    # piece and kg in one part: compared per kg (a: 0.2838 per kg, e: lower); the AR6 one is not comparable
    assert [(r["group"], r["rank"], r["basis"]) for r in rows] == [
        ("Power system", 2, "per_kg"), ("Power system", None, "per_kg"), ("Power system", 1, "per_kg")]
    assert rows[2]["per_kg"] < rows[0]["per_kg"]
    assert rows[0]["per_unit"] == 26.962826674016668 and rows[0]["per_kg"] == 26.962826674016668 / 95
    assert rows[1]["findings"][0] == {"severity": "blocking", "key": "suppliers.finding.gwp",
                                      "text": t("suppliers.finding.gwp", "en", gwp="AR6", base="AR5")}
    assert rows[0]["illustrative"] is True and rows[0]["directory_supplier"] == "East China Power"


def test_compare_part_filter(imported):
    assert len(json.loads(run("suppliers", "compare", "--part", "power SYSTEM", "--format", "json").output)) == 3
    assert json.loads(run("suppliers", "compare", "--part", "unassigned", "--format", "json").output) == []
    table = run("--lang", "zh", "suppliers", "compare", "--part", "Power system")
    assert table.exit_code == 0 and "零部件：Power system" in table.output and "不可比" in table.output


def test_compare_csv_has_the_stable_keys(imported):
    result = run("suppliers", "compare", "--format", "csv")
    table = list(csv.reader(io.StringIO(result.output)))
    assert table[0] == list(ROW_KEYS) and len(table) == 4 and table[2][ROW_KEYS.index("rank")] == ""


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_writes_a_file_that_reads_back(imported, tmp_path, fmt):
    target = tmp_path / f"suppliers.{fmt}"
    result = run("--lang", "zh", "suppliers", "export", "--format", fmt, "-o", str(target))
    assert result.exit_code == 0 and t("directory.cli.written", "zh", count=3, path=str(target)) in result.output
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(target.read_bytes().decode("utf-8-sig"))))
    else:
        rows = [list(r) for r in openpyxl.load_workbook(target).active.values]
    assert rows[0][ROW_KEYS.index("illustrative")] == "示例数据" and rows[1][ROW_KEYS.index("illustrative")] == "是"
    assert len(rows) == 4
