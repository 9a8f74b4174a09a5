"""Inventory templates: reading, validation (every rejection path, both languages), export round trips."""

from __future__ import annotations

import io
import re
import zipfile

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cfp_core.errors import ImportRejected, TextRejected
from cfp_core.io import templates
from cfp_core.io.tabular import MAX_ROWS, TEMPLATE_COLUMNS, ZH_HEADER
from cfp_core.models import (
    STAGES,
    ActivityLine,
    CustomFactor,
    DataSourceType,
    Inventory,
    ReportingPeriod,
)
from cfp_core.text import check_text
from cfp_core.units import UNITS

GOOD = {
    "product_model": "WS-TPS-48-900A", "period_start": "2025-01-01", "period_end": "2025-12-31",
    "stage": "production", "activity": "电力（生产）", "amount": "54.15", "unit": "kWh",
    "factor_id": "electricity.cn.national", "factor_value": "", "factor_unit": "", "factor_source": "",
    "data_source_type": "primary_measured", "note": "",
}
KNOWN = {"electricity.cn.national", "cn_elec_cfp_national_2024", "fuel.diesel"}


def row(**changes) -> dict:
    return {**GOOD, **changes}


def csv_of(rows: list[dict], columns=TEMPLATE_COLUMNS) -> bytes:
    lines = [",".join(columns)] + [",".join(f'"{r.get(c, "")}"' for c in columns) for r in rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


def rejected(rows, **kwargs) -> ImportRejected:
    with pytest.raises(ImportRejected) as caught:
        templates.read_inventory_rows(rows, **kwargs)
    return caught.value


def assert_names_row_and_column(problem, row_no: int, column: str) -> None:
    assert (problem.row, problem.column) == (row_no, column)
    assert f"Row {row_no}, column '{column}'" in problem.message("en")
    assert f"第 {row_no} 行，“{column}”列" in problem.message("zh")


# ---- accepted input ----------------------------------------------------------------------

def test_one_good_row_becomes_one_inventory_with_a_year_period():
    [inventory] = templates.read_inventory_rows([row()], known_refs=KNOWN)
    assert inventory.model_code == "WS-TPS-48-900A"
    assert inventory.period == ReportingPeriod.year(2025)
    assert inventory.lines[0].factor_ref == "electricity.cn.national"
    assert inventory.lines[0].data_source == DataSourceType.PRIMARY_MEASURED


@pytest.mark.parametrize(("label", "stage"), [
    ("生产阶段", "production"), ("原材料获取阶段", "raw_material_acquisition"), ("成品运输阶段", "distribution"),
    ("产品处置阶段", "end_of_life"), ("生命末期", "end_of_life"), ("原材料运输", "raw_material_transport"),
    ("PRODUCTION", "production"), ("Raw-material acquisition", "raw_material_acquisition"),
    ("end of life", "end_of_life"), ("use", "use"), ("使用阶段", "use"),
])
def test_stage_accepts_ids_and_chinese_and_english_labels(label, stage):
    [inventory] = templates.read_inventory_rows([row(stage=label)])
    assert inventory.lines[0].stage.value == stage


@pytest.mark.parametrize(("text", "unit"), [("度", "kWh"), ("kwh", "kWh"), ("千瓦时", "kWh"), ("吨公里", "tkm"),
                                            ("公斤", "kg"), ("台", "piece"), ("t·km", "tkm")])
def test_units_are_canonicalised(text, unit):
    assert templates.read_inventory_rows([row(unit=text)])[0].lines[0].unit == unit


@pytest.mark.parametrize(("text", "source"), [
    ("初级数据（实测）", "primary_measured"), ("Supplier-specific", "supplier_specific"),
    ("secondary_default", "secondary_default"), ("次级数据", "secondary_default"), ("proxy", "proxy"),
])
def test_data_source_type_accepts_ids_and_labels(text, source):
    assert templates.read_inventory_rows([row(data_source_type=text)])[0].lines[0].data_source.value == source


def test_data_source_type_has_no_default():
    """An empty data-source cell is refused, naming the choices: nothing claims primary data unasked (#11)."""
    problem = rejected([row(data_source_type="")]).problems[0]
    assert_names_row_and_column(problem, 2, "data_source_type")
    assert "no default" in problem.message("en") and "没有默认值" in problem.message("zh")


@pytest.mark.parametrize(("unit_text", "gas", "unit"), [
    ("kg", "CO2e", "kg"), ("kgCO2e/kg", "CO2e", "kg"), ("kgCO₂e/kWh", "CO2e", "kWh"), ("kg CO2 / 度", "CO2", "kWh"),
])
def test_custom_factor_unit_accepts_both_forms(unit_text, gas, unit):
    rows = [row(factor_id="", factor_value="2.331", factor_unit=unit_text, factor_source="Carbon Trust 2016")]
    custom = templates.read_inventory_rows(rows)[0].lines[0].custom_factor
    assert custom == CustomFactor(value=2.331, unit=unit, gas=gas, source="Carbon Trust 2016")


def test_rows_group_by_model_and_period_in_first_appearance_order():
    rows = [row(), row(period_start="2024-01-01", period_end="2024-12-31"), row(product_model="OTHER-1"),
            row(stage="end_of_life"), row(period_start="2025-01-01", period_end="2025-06-30")]
    inventories = templates.read_inventory_rows(rows)
    assert [(i.model_code, i.period.label, len(i.lines)) for i in inventories] == [
        ("WS-TPS-48-900A", "2025", 2), ("WS-TPS-48-900A", "2024", 1), ("OTHER-1", "2025", 1),
        ("WS-TPS-48-900A", "2025-01-01_2025-06-30", 1),
    ]


def test_period_label_column_overrides_the_derived_label():
    rows = [row(period_start="2025-01-01", period_end="2025-03-31", period_label="2025Q1")]
    assert templates.read_inventory_rows(rows)[0].period.label == "2025Q1"


def test_gb18030_csv_with_chinese_text_is_accepted():
    data = csv_of([row(activity="柴油（成品运输）", stage="成品运输")]).decode("utf-8").encode("gb18030")
    [inventory] = templates.read_inventory_file(data, "清单.csv")
    assert inventory.lines[0].activity == "柴油（成品运输）"


def test_blank_rows_are_skipped_and_row_numbers_stay_the_spreadsheets():
    data = csv_of([row(), {}, row(amount="abc")])
    problem = pytest.raises(ImportRejected, templates.read_inventory_file, data, "x.csv").value.problems[0]
    assert_names_row_and_column(problem, 4, "amount")


# ---- rejected rows: every problem names row and column in both languages ------------------

@pytest.mark.parametrize(("changes", "column", "key"), [
    ({"activity": ""}, "activity", "io.problem.required"),
    ({"amount": "abc"}, "amount", "io.problem.number"),
    ({"amount": "-1"}, "amount", "io.problem.number"),
    ({"amount": "1e8"}, "amount", "io.problem.number"),
    ({"amount": "nan"}, "amount", "io.problem.number"),
    ({"amount": "inf"}, "amount", "io.problem.number"),
    ({"unit": "flurb"}, "unit", "io.problem.unit"),
    ({"stage": "assembly"}, "stage", "io.problem.stage"),
    ({"factor_id": "no.such.factor"}, "factor_id", "io.problem.factor_unknown"),
    ({"factor_value": "0.5", "factor_unit": "kWh", "factor_source": "x"}, "factor_id", "io.problem.factor_both"),
    ({"factor_id": ""}, "factor_id", "io.problem.factor_neither"),
    ({"factor_id": "", "factor_value": "0.5", "factor_unit": "flurb", "factor_source": "x"}, "factor_unit",
     "io.problem.factor_unit"),
    ({"factor_id": "", "factor_value": "0.5", "factor_unit": "kWh"}, "factor_source", "io.problem.required"),
    ({"factor_id": "", "factor_value": "-3", "factor_unit": "kWh", "factor_source": "x"}, "factor_value",
     "io.problem.number"),
    ({"period_start": "2025-02-30"}, "period_start", "io.problem.date"),
    ({"period_end": "31/12/2025"}, "period_end", "io.problem.date"),
    ({"period_end": "2024-12-31"}, "period_end", "io.problem.period_order"),
    ({"activity": "<script>alert(1)</script>"}, "activity", "io.problem.text"),
    ({"note": "=cmd|' /C calc'!A0"}, "note", "io.problem.text"),
    ({"activity": "@SUM(A1:A9)"}, "activity", "io.problem.text"),
    ({"product_model": "WS TPS"}, "product_model", "io.problem.text"),
    ({"data_source_type": "guess"}, "data_source_type", "io.problem.data_source"),
    ({"note_internal": "maybe"}, "note_internal", "io.problem.bool"),
    ({"period_label": "2025 Q1"}, "period_label", "io.problem.text"),
])
def test_each_bad_cell_is_rejected_naming_row_and_column(changes, column, key):
    error = rejected([row(), row(**changes)], known_refs=KNOWN)
    [problem] = error.problems
    assert problem.problem_key == key
    assert_names_row_and_column(problem, 3, column)
    assert "nothing was saved" in error.message("en") and "未保存任何数据" in error.message("zh")


def test_every_problem_of_every_row_is_collected():
    rows = [row(amount="x", unit="flurb"), row(), row(stage="?", activity="")]
    problems = rejected(rows).problems
    assert [(p.row, p.column) for p in problems] == [(2, "amount"), (2, "unit"), (4, "stage"), (4, "activity")]


def test_fix_text_comes_from_pydantic_in_both_languages():
    [problem] = rejected([row(amount="1e8")]).problems
    assert "at most" in problem.message("en") and "check the unit" in problem.message("en")
    assert "不大于" in problem.message("zh")


def test_conflicting_dates_for_one_period_label_are_rejected():
    rows = [row(), row(period_start="2025-01-02", period_label="2025")]
    [problem] = rejected(rows).problems
    assert_names_row_and_column(problem, 3, "period_start")
    assert "row 2" in problem.message("en")


def test_missing_required_column_rejects_the_whole_file_at_the_header():
    columns = tuple(c for c in TEMPLATE_COLUMNS if c != "unit")
    error = pytest.raises(ImportRejected, templates.read_inventory_file, csv_of([row()], columns), "x.csv").value
    [problem] = error.problems
    assert_names_row_and_column(problem, 1, "unit")


# ---- rejected files: one problem that names the file ---------------------------------------

def _xlsx_bytes() -> bytes:
    return templates.template_bytes("xlsx", "en")


@pytest.mark.parametrize(("data", "name", "key"), [
    (b"", "empty.csv", "io.file.empty"),
    (",".join(TEMPLATE_COLUMNS).encode() + b"\n", "header_only.csv", "io.file.empty"),
    ("产品,期间\n电力,1\n".encode("utf-16"), "utf16.csv", "io.file.encoding"),
    (b"\x81\x30\xff\xfe\xfa" * 20, "junk.csv", "io.file.encoding"),
    (b"PK\x03\x04 this is not a workbook", "junk.xlsx", "io.file.malformed"),
    (b"product_model,stage\nA,production\n", "renamed.xlsx", "io.file.malformed"),
    (b"\x00\x01\x02" * 50, "binary.xlsx", "io.file.malformed"),
    (b"anything", "old.xls", "io.file.format"),
])
def test_unreadable_files_are_rejected_naming_the_file(data, name, key):
    error = pytest.raises(ImportRejected, templates.read_inventory_file, data, name).value
    [problem] = error.problems
    assert problem.problem_key == key
    assert f"File '{name}'" in problem.message("en") and f"文件“{name}”" in problem.message("zh")


def test_truncated_and_non_xlsx_zip_files_are_rejected():
    whole = _xlsx_bytes()
    other_zip = io.BytesIO()
    with zipfile.ZipFile(other_zip, "w") as archive:
        archive.writestr("readme.txt", "not a workbook")
    for data in (whole[: len(whole) // 2], other_zip.getvalue()):
        error = pytest.raises(ImportRejected, templates.read_inventory_file, data, "book.xlsx").value
        assert error.problems[0].problem_key == "io.file.malformed"


def test_more_than_the_row_limit_is_rejected():
    line = ",".join(GOOD[c] for c in TEMPLATE_COLUMNS) + "\n"
    data = (",".join(TEMPLATE_COLUMNS) + "\n" + line * (MAX_ROWS + 1)).encode()
    error = pytest.raises(ImportRejected, templates.read_inventory_file, data, "huge.csv").value
    assert error.problems[0].problem_key == "io.file.too_many_rows"
    assert "100,000" in error.message("en")


def test_formula_cells_in_a_workbook_are_rejected_not_evaluated():
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(list(TEMPLATE_COLUMNS))
    sheet.append([GOOD[c] for c in TEMPLATE_COLUMNS])
    sheet.cell(2, TEMPLATE_COLUMNS.index("amount") + 1, "=1+1")
    sheet.cell(2, TEMPLATE_COLUMNS.index("activity") + 1, "=HYPERLINK(\"http://x\")")
    buffer = io.BytesIO()
    workbook.save(buffer)
    error = pytest.raises(ImportRejected, templates.read_inventory_file, buffer.getvalue(), "f.xlsx").value
    assert {(p.row, p.column) for p in error.problems} == {(2, "amount"), (2, "activity")}


# ---- templates --------------------------------------------------------------------------

def test_csv_template_has_bom_header_and_the_ws_production_line(ws_inventory):
    data = templates.template_bytes("csv", "zh")
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert text.splitlines()[0] == ",".join(ZH_HEADER[c] for c in TEMPLATE_COLUMNS)  # a Chinese header (#12.14)
    assert not re.search(r"[A-Za-z]", text.splitlines()[0])
    assert templates.template_bytes("csv", "en").decode("utf-8-sig").splitlines()[0] == ",".join(TEMPLATE_COLUMNS)
    assert ",生产," in text and "初级数据（实测）" in text
    [inventory] = templates.read_inventory_file(data, "template.csv")
    [production] = [line for line in ws_inventory.lines if line.stage.value == "production"]
    assert inventory.lines[0].amount == production.amount
    assert inventory.lines[0].factor_ref == "electricity.cn.national"


@pytest.fixture(scope="module")
def inventory_300a(seeded_db_file):
    from cfp_core import store

    db = store.open_db(seeded_db_file)
    try:
        return store.load_inventory(db, "WS-TPS-48-300A", "2025")
    finally:
        db.close()


def test_the_template_of_a_chosen_model_carries_its_own_model_period_and_lines(inventory_300a):
    """#12.14: the products page offers a template for the model being edited, not a WS-TPS-48-900A row."""
    data = templates.template_bytes("csv", "en", inventory_300a)
    [inventory] = templates.read_inventory_file(data, "t.csv")
    assert (inventory.model_code, inventory.period.label) == (inventory_300a.model_code, inventory_300a.period.label)
    own = [line for line in inventory_300a.lines if line.stage.value == "production"]
    assert [(line.activity, line.amount) for line in inventory.lines] == [(line.activity, line.amount) for line in own]
    assert all(line.note == "" for line in inventory.lines)  # notes, internal or not, stay out of the template


def test_a_model_without_production_lines_gets_the_example_line_under_its_own_code(inventory_300a):
    empty = inventory_300a.model_copy(update={"model_code": "NEW-1", "lines": ()})
    [inventory] = templates.read_inventory_file(templates.template_bytes("xlsx", "zh", empty), "t.xlsx")
    assert inventory.model_code == "NEW-1" and inventory.period == inventory_300a.period
    assert inventory.lines[0].factor_ref == "electricity.cn.national"


def test_xlsx_template_opens_with_instructions_and_dropdowns():
    workbook = openpyxl.load_workbook(io.BytesIO(templates.template_bytes("xlsx", "zh")))
    assert workbook.sheetnames[:2] == ["inventory", "instructions"]
    sheet = workbook["inventory"]
    assert [c.value for c in sheet[1]] == [ZH_HEADER[c] for c in TEMPLATE_COLUMNS]
    lists = {str(dv.sqref).split(":")[0].rstrip("0123456789"): dv for dv in sheet.data_validations.dataValidation}
    letters = {c: sheet.cell(1, TEMPLATE_COLUMNS.index(c) + 1).column_letter
               for c in ("stage", "unit", "data_source_type")}
    for column, letter in letters.items():
        assert lists[letter].type == "list", column
    stage_range = lists[letters["stage"]].formula1.lstrip("=").split("!")[1].replace("$", "")
    assert [r[0].value for r in workbook["lists"][stage_range]] == [
        "原材料获取", "原材料运输", "生产", "成品运输", "使用", "产品处置"]
    instructions = " ".join(str(c.value) for r in workbook["instructions"].iter_rows() for c in r if c.value)
    for needle in ("factor_value", "因子值 / factor_value", "吨公里", "t·km", "初级数据（实测）", "Primary, measured", "产品处置", "End of life"):
        assert needle in instructions


def test_xlsx_template_reads_back_like_the_csv_template():
    from_xlsx = templates.read_inventory_file(templates.template_bytes("xlsx", "en"), "t.xlsx")
    assert from_xlsx == templates.read_inventory_file(templates.template_bytes("csv", "zh"), "t.csv")


def _with_header(data: bytes, names: list[str]) -> bytes:
    body = data.decode("utf-8").split("\n", 1)[1]
    return (",".join(names) + "\n" + body).encode("utf-8")


def test_chinese_english_and_mixed_headers_read_the_same():
    english = csv_of([row()])
    chinese = _with_header(english, [ZH_HEADER[c] for c in TEMPLATE_COLUMNS])
    mixed = _with_header(english, [ZH_HEADER[c] if i % 2 else c for i, c in enumerate(TEMPLATE_COLUMNS)])
    expected = templates.read_inventory_file(english, "en.csv")
    assert templates.read_inventory_file(chinese, "zh.csv") == expected
    assert templates.read_inventory_file(mixed, "mixed.csv") == expected
    names = list(TEMPLATE_COLUMNS)
    names[names.index("unit")] = ZH_HEADER["amount"]  # 活动量 and amount are one column: a named duplicate
    with pytest.raises(ImportRejected) as caught:
        templates.read_inventory_file(_with_header(english, names), "dup.csv")
    assert [(p.problem_key, p.column) for p in caught.value.problems] == [("io.problem.duplicate_column", "amount")]


def test_unknown_formats_raise_value_error(ws_inventory):
    with pytest.raises(ValueError):
        templates.template_bytes("ods", "zh")
    with pytest.raises(ValueError):
        templates.write_inventory_file([ws_inventory], "pdf")


# ---- export → import round trips ---------------------------------------------------------

@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_reference_inventory_round_trips(ws_inventory, fmt):
    [back] = templates.read_inventory_file(templates.write_inventory_file([ws_inventory], fmt), f"ws.{fmt}")
    assert back.lines == ws_inventory.lines
    assert back.period == ws_inventory.period


def test_export_neutralises_formula_text():
    line = ActivityLine.model_construct(stage=STAGES[2], activity="=1+1", amount=1.0, unit="kWh",
                                        factor_ref="x", custom_factor=None, data_source=DataSourceType.PROXY,
                                        printed_amount=None, note="+cmd", note_internal=False)
    inventory = Inventory.model_construct(model_code="M", period=ReportingPeriod.year(2025), lines=(line,))
    [cells] = templates.inventory_rows([inventory])
    assert (cells["activity"], cells["note"]) == ("'=1+1", "'+cmd")


def _safe(text: str) -> bool:
    try:
        return check_text(text) == text and bool(text)
    except TextRejected:
        return False


TEXT = st.text(alphabet="电力柴油生产运输原材料产品处置（）、，。abcXYZ 0123456789.-_()", min_size=1, max_size=24).filter(_safe)
LINES = st.builds(
    ActivityLine,
    stage=st.sampled_from(STAGES), activity=TEXT,
    amount=st.floats(min_value=0, max_value=1e7, allow_nan=False, allow_infinity=False),
    unit=st.sampled_from(list(UNITS)),
    factor_ref=st.none(),
    custom_factor=st.builds(CustomFactor, value=st.floats(min_value=0, max_value=1e6), unit=st.sampled_from(list(UNITS)),
                            gas=st.sampled_from(["CO2e", "CO2", "N2O"]), source=TEXT),
    data_source=st.sampled_from(list(DataSourceType)),
    printed_amount=st.none() | st.floats(min_value=-1e9, max_value=1e9),
    note=st.just("") | TEXT, note_internal=st.booleans(),
) | st.builds(ActivityLine, stage=st.sampled_from(STAGES), activity=TEXT, amount=st.floats(0, 1e7),
              unit=st.sampled_from(list(UNITS)), factor_ref=st.sampled_from(sorted(KNOWN)))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines=st.lists(LINES, min_size=1, max_size=6), fmt=st.sampled_from(["csv", "xlsx"]),
       year=st.integers(2000, 2040))
def test_any_inventory_round_trips_through_both_formats(lines, fmt, year):
    inventory = Inventory(model_code="WS-TPS-48-900A",
                          period=ReportingPeriod.year(year), lines=tuple(lines))
    [back] = templates.read_inventory_file(templates.write_inventory_file([inventory], fmt), f"p.{fmt}")
    assert back.lines == inventory.lines
    assert back.period == inventory.period
