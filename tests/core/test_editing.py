"""The inventory table editor: option lists, lines ↔ frame, row-level issues, live preview, editor session."""

import math
from pathlib import Path

import pandas as pd
import pytest

from cfp_core import editor as editing
from cfp_core.editor.session import editor_frame, editor_state, review_edits
from cfp_core.errors import NotFound
from cfp_core.models import ActivityLine, CustomFactor, Pedigree
from cfp_core.store import load_portfolio_file

HOSTILE_MARKUP = "<script>alert(1)</script>"
HOSTILE_FORMULA = "=cmd|' /C calc'!A0"


@pytest.fixture
def frame(ws_inventory, set_2024):
    return editing.lines_to_frame(ws_inventory.lines, "zh", set_2024)


def issues_of(frame, set_2024, lang, base=None):
    # The editor always knows the lines it edits: their own (custom) factors are choices. The WS frame's
    # line 5 carries the report's own rounded diesel factor, so the WS lines are the default base.
    base = _WS_LINES if base is None else base
    lines, issues = editing.frame_to_lines(frame, set_2024, lang, base)
    return lines, issues


_WS_LINES = load_portfolio_file(Path(__file__).parents[2] / "data" / "reference" / "ws_tps_48_900a.json")[2][0].lines


# ---- option lists ----------------------------------------------------------------------

def test_stage_and_source_options_are_localized_in_report_order():
    assert editing.stage_options("zh")[:3] == ["原材料获取", "原材料运输", "生产"]
    assert editing.stage_options("en")[-1] == "End of life"
    assert editing.data_source_options("zh")[0] == "初级数据（实测）"
    assert len(editing.data_source_options("en")) == 4


def test_unit_options_are_canonical_and_labels_localized():
    assert {"kWh", "kg", "tkm", "piece"} <= set(editing.unit_options())
    assert editing.unit_label("kWh", "zh") == "kWh（千瓦时）"
    assert editing.unit_label("piece", "zh") == "台"
    assert editing.unit_label("tkm", "en") == "t·km"


def test_factor_label_is_readable_and_maps_back_to_the_key(set_2024):
    choices = editing.factor_choices(set_2024, "zh")
    label = "全国电力平均碳足迹因子 2024 · 0.5777 kgCO2e/kWh"
    assert choices[label] == "electricity.cn.national"
    assert len(choices) == len(set_2024.factors)
    assert "China national average electricity carbon-footprint factor 2024 · 0.5777 kgCO2e/kWh" in \
        editing.factor_choices(set_2024, "en")


def test_factor_options_filter_by_unit_including_ncv_conversions(set_2024):
    per_kg = editing.factor_options(set_2024, "zh", unit="kg")
    assert any(label.startswith("柴油") for label in per_kg)  # kg diesel → per-MJ factor via NCV 42.652 MJ/kg
    assert not any("kWh" in label for label in per_kg)
    per_kwh = editing.factor_options(set_2024, "en", unit="kWh")
    assert any("0.5777 kgCO2e/kWh" in label for label in per_kwh)
    assert not any("tkm" in label for label in per_kwh)
    assert editing.factor_options(set_2024, "en", unit="Nm3") == [
        label for label in editing.factor_options(set_2024, "en") if "natural gas" in label.lower()]


def test_custom_factors_of_the_base_lines_are_offered(set_2024):
    custom = CustomFactor(value=2.5, unit="kg", source="Supplier EPD 2025")
    line = ActivityLine(data_source="primary_measured", stage="raw_material_acquisition", activity="Steel", amount=3, unit="kg", custom_factor=custom)
    options = editing.factor_options(set_2024, "en", base_lines=[line])
    assert "Custom: Supplier EPD 2025 · 2.5 kgCO2e/kg" in options


# ---- lines <-> frame ---------------------------------------------------------------------

def test_lines_to_frame_has_the_editor_columns_and_labels(frame):
    assert list(frame.columns) == [*editing.EDITOR_COLUMNS, editing.ORIGIN]
    assert frame.loc[0, "stage"] == "原材料获取"
    assert frame.loc[0, "factor"] == "全国电力平均碳足迹因子 2024 · 0.5777 kgCO2e/kWh"
    assert frame.loc[1, "unit"] == "kg"
    assert frame.loc[0, "data_source"] == "近似替代数据"
    assert list(frame[editing.ORIGIN]) == [1, 2, 3, 4, 5, 6]
    assert frame["amount"].dtype == "str" and frame.loc[0, "amount"] == "41.62199"  # text: kept as typed (#11)


def test_round_trip_is_lossless(frame, ws_inventory, set_2024):
    lines, issues = issues_of(frame, set_2024, "zh", ws_inventory.lines)
    assert issues == []
    assert tuple(lines) == ws_inventory.lines  # printed amounts and pedigree survive via the origin column


def test_labels_of_the_other_language_and_raw_keys_are_accepted(ws_inventory, set_2024):
    frame = editing.lines_to_frame(ws_inventory.lines, "en", set_2024)
    frame.loc[0, "factor"] = "electricity.cn.coal"
    lines, issues = issues_of(frame, set_2024, "zh", ws_inventory.lines)
    assert issues == []
    assert lines[0].factor_ref == "electricity.cn.coal"


def test_empty_rows_are_ignored(frame, set_2024, ws_inventory):
    blank = pd.DataFrame([{c: None for c in frame.columns}] * 2)
    lines, issues = issues_of(pd.concat([frame, blank], ignore_index=True), set_2024, "en", ws_inventory.lines)
    assert issues == [] and len(lines) == 6


def test_a_new_row_is_converted(frame, set_2024):
    row = {"stage": "生产", "activity": "天然气", "amount": 2.0, "unit": "Nm3",
           "factor": "天然气燃烧二氧化碳排放因子（缺省值） · 0.05554 kgCO2/MJ", "data_source": "初级数据（实测）",
           "note": "", "note_internal": False, editing.ORIGIN: pd.NA}
    lines, issues = issues_of(pd.concat([frame, pd.DataFrame([row])], ignore_index=True), set_2024, "zh")
    assert issues == []
    assert (lines[-1].unit, lines[-1].factor_ref, lines[-1].amount) == ("Nm3", "fuel.natural_gas", 2.0)


def test_changing_the_amount_drops_the_printed_amount_but_keeps_pedigree(set_2024):
    pedigree = Pedigree(reliability=1, completeness=2, temporal=1, geographical=1, technological=2)
    line = ActivityLine(data_source="primary_measured", stage="production", activity="Power", amount=5, unit="kWh", factor_ref="electricity.cn.national",
                        printed_amount=5.0, pedigree=pedigree)
    frame = editing.lines_to_frame([line], "en", set_2024)
    frame.loc[0, "amount"] = "6"
    lines, _ = issues_of(frame, set_2024, "en", [line])
    assert lines[0].printed_amount is None and lines[0].pedigree == pedigree


@pytest.mark.parametrize(("lang", "column", "fix"), [
    ("zh", "活动", "HTML"), ("en", "Activity", "HTML/script markup"),
])
def test_markup_in_activity_is_a_row_issue(frame, set_2024, lang, column, fix):
    frame.loc[2, "activity"] = HOSTILE_MARKUP
    lines, issues = issues_of(frame, set_2024, lang)
    assert len(lines) == 5 and len(issues) == 1
    issue = issues[0]
    assert (issue.row, issue.column, issue.value) == (3, column, HOSTILE_MARKUP)
    assert fix in issue.fix and issue.message.startswith("第 3 行" if lang == "zh" else "Row 3")


@pytest.mark.parametrize(("lang", "expected"), [("zh", "不能以 =、+、-、@ 开头"), ("en", "must not start with =")])
def test_formula_in_note_is_a_row_issue(frame, set_2024, lang, expected):
    frame.loc[0, "note"] = HOSTILE_FORMULA
    _, issues = issues_of(frame, set_2024, lang)
    assert [(i.row, i.column) for i in issues] == [(1, "备注" if lang == "zh" else "Note")]
    assert expected in issues[0].message and HOSTILE_FORMULA in issues[0].message


@pytest.mark.parametrize(("amount", "zh", "en"), [
    (-1.0, "不小于 0", "at least 0"), (1e9, "不大于", "at most"), (math.inf, "不大于", "at most"),
    (None, "请填写每声明单位的数量", "Enter the amount"), ("lots", "不是数字", "Not a number"),
])
def test_bad_amounts_are_row_issues_in_both_languages(frame, set_2024, amount, zh, en):
    frame["amount"] = frame["amount"].astype(object)
    frame.loc[4, "amount"] = amount
    for lang, text in (("zh", zh), ("en", en)):
        _, issues = issues_of(frame, set_2024, lang)
        assert [(i.row, i.column) for i in issues] == [(5, "数量" if lang == "zh" else "Amount")]
        assert text in issues[0].fix


def test_unknown_factor_names_the_set(frame, set_2024):
    frame.loc[0, "factor"] = "made-up factor"
    _, issues = issues_of(frame, set_2024, "en")
    assert issues[0].column == "Emission factor"
    assert "China CFP factors 2024" in issues[0].fix
    frame.loc[0, "factor"] = None
    _, issues = issues_of(frame, set_2024, "zh")
    assert issues[0].fix == "请从列表中选择排放因子。"


def test_unit_factor_mismatch_lists_the_units_that_fit(frame, set_2024):
    frame.loc[0, "unit"] = "kg"  # electricity factor is per kWh
    for lang, text in (("zh", "不匹配"), ("en", "does not fit")):
        _, issues = issues_of(frame, set_2024, lang)
        assert [(i.row, i.column) for i in issues] == [(1, "单位" if lang == "zh" else "Unit")]
        assert text in issues[0].fix and "kWh" in issues[0].fix and "MJ" in issues[0].fix


def test_missing_stage_unit_and_source_each_give_one_issue(frame, set_2024):
    frame.loc[1, ["stage", "unit", "data_source"]] = [None, None, "nonsense"]
    _, issues = issues_of(frame, set_2024, "en")
    assert sorted(i.column for i in issues) == ["Data source", "Stage", "Unit"]
    assert all(i.row == 2 for i in issues)


# ---- preview and session -------------------------------------------------------------------

def test_preview_recomputes_from_the_valid_rows(ws_inventory, set_2024, ar5):
    lines = list(ws_inventory.lines)
    lines[0] = lines[0].model_copy(update={"amount": 100.0})
    preview = editing.preview_footprint(lines, ws_inventory, set_2024, ar5)
    assert preview.issues == ()
    expected = 93.4346 + (100.0 - ws_inventory.lines[0].amount) * 0.5777
    assert preview.footprint.total_kg_co2e == pytest.approx(expected, abs=0.005)


def test_preview_excludes_and_reports_lines_that_do_not_calculate(ws_inventory, set_2024, ar5):
    broken = ws_inventory.lines[0].model_copy(update={"factor_ref": "no.such.factor"})
    preview = editing.preview_footprint([broken, *ws_inventory.lines[1:]], ws_inventory, set_2024, ar5,
                                        lang="en", rows=[7, 8, 9, 10, 11, 12])
    assert [(i.row, i.column) for i in preview.issues] == [(7, "Emission factor")]
    assert preview.footprint.total_kg_co2e == pytest.approx(93.4346 - 24.0450, abs=0.005)


def test_editor_state_and_review_of_an_edit(seeded_db):
    state = editor_state(seeded_db, "WS-TPS-48-900A", "2025")
    assert state.revision == 1 and state.saved_kg_co2e == pytest.approx(93.4346, abs=0.005)
    assert state.previous_period == "2024"
    frame = editor_frame(state, "zh")
    frame.loc[0, "amount"] = "100"
    frame.loc[3, "activity"] = HOSTILE_MARKUP
    review = review_edits(state, frame, "zh")
    assert review.rows == (1, 2, 3, 5, 6) and [i.row for i in review.issues] == [4]
    assert review.delta_kg_co2e == pytest.approx(review.footprint.total_kg_co2e - state.saved_kg_co2e)
    assert review.drops_verification  # the verified amounts changed


def test_editor_state_of_a_new_year_is_empty(seeded_db):
    state = editor_state(seeded_db, "WS-TPS-48-900A", "2031")
    assert state.inventory is None and state.template.lines == () and state.period.label == "2031"
    assert state.saved_kg_co2e is None and state.previous_period == "2025"
    assert editor_frame(state, "en").empty
    with pytest.raises(NotFound):
        editor_state(seeded_db, "WS-TPS-48-900A", "not-a-year")
