"""Excel export: the inventory sheet re-imports losslessly; results, factors and about sheets."""

from __future__ import annotations

import io

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from cfp_core import store
from cfp_core.cli import cli
from cfp_core.io.templates import read_inventory_file
from cfp_core.publish.disclosure import build_disclosure
from cfp_core.publish.excel import KG_FORMAT, SHARE_FORMAT, inventory_workbook


@pytest.fixture(scope="module")
def db_file(seeded_db_file):
    return seeded_db_file


@pytest.fixture(scope="module")
def known_refs(db_file):
    db = store.open_db(db_file)
    try:
        return set(store.known_factor_ids(db))
    finally:
        db.close()


@pytest.fixture(scope="module")
def disclosures(db_file):
    db = store.open_db(db_file)
    try:
        return {code: build_disclosure(db, code, "2025") for code in ("WS-TPS-48-900A", "WS-TPS-48-300A")}
    finally:
        db.close()


def _sheet_rows(data: bytes, name: str) -> list[tuple]:
    return list(load_workbook(io.BytesIO(data))[name].iter_rows(values_only=True))


@pytest.mark.parametrize("code", ["WS-TPS-48-900A", "WS-TPS-48-300A"])
def test_inventory_sheet_reimports_losslessly(disclosures, known_refs, code):
    disclosure = disclosures[code]
    inventories = read_inventory_file(inventory_workbook(disclosure, "zh"), f"{code}.xlsx", known_refs=known_refs)
    assert len(inventories) == 1
    inventory = inventories[0]
    assert inventory.model_code == code and inventory.period == disclosure.period
    assert len(inventory.lines) == len(disclosure.lines)
    for imported, line in zip(inventory.lines, disclosure.lines, strict=True):
        custom = line.factor_id.startswith("custom.")  # 900A line 5: the report's own rounded diesel factor
        assert (imported.stage, imported.activity, imported.amount, imported.unit, imported.factor_ref,
                imported.data_source.value, imported.note, imported.printed_amount) == (
            line.stage, line.activity, line.amount, line.unit, None if custom else line.factor_id,
            line.data_source, line.note, line.printed_amount)
        assert imported.note_internal is False
        if custom:
            factor = imported.custom_factor
            assert (factor.value, factor.ncv, factor.ncv_unit) == (line.factor_value, line.factor_ncv, "MJ/kg")
        else:
            assert imported.custom_factor is None


def test_custom_factor_line_reimports_by_value(disclosures, known_refs):
    ws = disclosures["WS-TPS-48-900A"]
    custom = ws.lines[0].model_copy(update={"factor_id": "custom.line1", "factor_value": 0.61,
                                            "factor_unit": "kgCO2e/kWh"})
    disclosure = ws.model_copy(update={"lines": (custom, *ws.lines[1:])})
    line = read_inventory_file(inventory_workbook(disclosure, "en"), "c.xlsx", known_refs=known_refs)[0].lines[0]
    assert line.factor_ref is None
    assert (line.custom_factor.value, line.custom_factor.unit, line.custom_factor.gas) == (0.61, "kWh", "CO2e")
    assert "not part of the published data" in line.custom_factor.source


def test_workbook_sheets_and_template_header(disclosures):
    data = inventory_workbook(disclosures["WS-TPS-48-900A"], "zh")
    workbook = load_workbook(io.BytesIO(data))
    assert workbook.sheetnames == ["inventory", "results", "factors", "about"]
    header = [c.value for c in workbook["inventory"][1]]
    assert header[:13] == ["product_model", "period_start", "period_end", "stage", "activity", "amount", "unit",
                           "factor_id", "factor_value", "factor_unit", "factor_source", "data_source_type", "note"]


def test_results_sheet_is_unrounded_with_four_decimal_format(disclosures):
    ws = disclosures["WS-TPS-48-900A"]
    sheet = load_workbook(io.BytesIO(inventory_workbook(ws, "en")))["results"]
    rows = list(sheet.iter_rows(min_row=2))
    by_id = {row[1].value: row for row in rows}
    for stage in ws.stages:
        row = by_id[stage.stage.value]
        # unrounded: openpyxl writes 16 significant digits ("%.16g"), so equal to within one ulp
        assert row[2].value == pytest.approx(stage.kg_co2e, rel=1e-15)
        assert row[3].value == pytest.approx(stage.share, rel=1e-15)
        assert row[2].number_format == KG_FORMAT and row[3].number_format == SHARE_FORMAT
    assert by_id["total"][2].value == pytest.approx(ws.total_kg_co2e, rel=1e-15)
    assert by_id["total"][0].value == "Total"
    assert by_id["cradle_to_gate"][2].value == pytest.approx(ws.cradle_to_gate_kg_co2e, rel=1e-15)
    assert [c.value for c in sheet[1]][:2] == ["Stage", "Stage id"]


def test_results_headers_are_localized(disclosures):
    rows = _sheet_rows(inventory_workbook(disclosures["WS-TPS-48-900A"], "zh"), "results")
    assert rows[0][0] == "阶段" and rows[1][0] == "原材料获取" and rows[-2][0] == "合计"


def test_factors_sheet_lists_sources(disclosures):
    ws = disclosures["WS-TPS-48-900A"]
    rows = _sheet_rows(inventory_workbook(ws, "zh"), "factors")
    assert {row[0] for row in rows[1:]} == {f.factor_id for f in ws.factor_sources}
    electricity = next(row for row in rows if row[0] == "cn_elec_cfp_national_2024")
    assert electricity[2] == 0.5777 and electricity[4] == "电力碳足迹因子" and electricity[8] == 2024


@pytest.mark.parametrize("code,flag", [("WS-TPS-48-900A", "No"), ("WS-TPS-48-300A", "Yes")])
def test_about_sheet(disclosures, code, flag):
    disclosure = disclosures[code]
    about = dict(_sheet_rows(inventory_workbook(disclosure, "en"), "about")[1:])
    assert about["Product model"] == code and about["GWP set"] == "AR5"
    assert about["Inventory hash (sha256)"] == disclosure.inventory_hash
    assert about["Illustrative data"] == flag
    assert disclosure.factor_set_id in about["Factor set"]


def test_cli_export_xlsx(seeded_db_path, tmp_path, known_refs):
    out = tmp_path / "ws.xlsx"
    result = CliRunner().invoke(cli, ["--db", str(seeded_db_path), "export-xlsx", "--model", "WS-TPS-48-900A",
                                      "--period", "2025", "-o", str(out)])
    assert result.exit_code == 0, result.output
    inventories = read_inventory_file(out.read_bytes(), "ws.xlsx", known_refs=known_refs)
    assert inventories[0].model_code == "WS-TPS-48-900A" and len(inventories[0].lines) == 6
