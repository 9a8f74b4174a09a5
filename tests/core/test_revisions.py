"""Saving edits as revisions, comparing revisions, copying a period, the product form."""

import re
from datetime import date

import pytest

from cfp_core import store
from cfp_core.access import cli_principal  # noqa: E402
from cfp_core.editor import (
    copy_from_previous_period,
    default_model_code,
    diff_revisions,
    drops_verification,
    known_factor_refs,
    new_product,
    period_choices,
    previous_period,
    revision_history_frame,
    save_edited_inventory,
)
from cfp_core.editor.table import row_issue
from cfp_core.errors import CfpError, EditRejected, NotFound
from cfp_core.models import ActivityLine, ReportingPeriod

ADMIN = cli_principal("weisidemu", "tests")  # the acting principal of every write in these tests

WS = "WS-TPS-48-900A"
P2025 = ReportingPeriod.year(2025)


@pytest.fixture
def ws_2025(seeded_db):
    return store.load_inventory(seeded_db, WS, "2025")


def edited(inventory, index=0, **changes):
    lines = list(inventory.lines)
    lines[index] = lines[index].model_copy(update=changes)
    return lines


# ---- saving ------------------------------------------------------------------------------

def test_save_creates_a_new_revision_and_drops_lapsed_verification(seeded_db, ws_2025):
    revision = save_edited_inventory(seeded_db, ADMIN, ws_2025, WS, P2025, edited(ws_2025, amount=100.0), comment="new meter reading")
    assert revision == 2 == store.latest_revision(seeded_db, WS, "2025")
    saved = store.load_inventory(seeded_db, WS, "2025")
    assert saved.lines[0].amount == 100.0 and saved.boundary == ws_2025.boundary
    assert saved.verification is None and saved.declared is None
    assert store.load_inventory(seeded_db, WS, "2025", revision=1) == ws_2025  # history is kept


def test_text_only_edit_keeps_verification(seeded_db, ws_2025):
    save_edited_inventory(seeded_db, ADMIN, ws_2025, WS, P2025, edited(ws_2025, note="checked again"))
    assert store.load_inventory(seeded_db, WS, "2025").verification == ws_2025.verification
    assert not drops_verification(ws_2025, edited(ws_2025, note="x"))
    assert drops_verification(ws_2025, edited(ws_2025, unit="MWh"))
    assert not drops_verification(None, ws_2025.lines)


def test_save_refuses_while_there_are_issues(seeded_db, ws_2025):
    issue = row_issue(2, "amount", -1, "Enter a value of at least 0.", "en")
    with pytest.raises(EditRejected) as caught:
        save_edited_inventory(seeded_db, ADMIN, ws_2025, WS, P2025, ws_2025.lines, issues=[issue])
    assert "Row 2" in caught.value.message("en") and "1" in caught.value.message("zh")
    assert store.latest_revision(seeded_db, WS, "2025") == 1


def test_save_refuses_lines_that_do_not_calculate(seeded_db, ws_2025):
    with pytest.raises(EditRejected):
        save_edited_inventory(seeded_db, ADMIN, ws_2025, WS, P2025, edited(ws_2025, factor_ref="no.such.factor"))
    assert store.latest_revision(seeded_db, WS, "2025") == 1


def test_save_refuses_no_lines_and_no_changes(seeded_db, ws_2025):
    with pytest.raises(CfpError) as empty:
        save_edited_inventory(seeded_db, ADMIN, ws_2025, WS, P2025, [])
    assert empty.value.key == "products.error.no_lines"
    with pytest.raises(CfpError) as same:
        save_edited_inventory(seeded_db, ADMIN, ws_2025, WS, P2025, ws_2025.lines)
    assert same.value.message("zh") == "与第 1 版相比没有变化，未保存。"
    assert same.value.message("en") == "Nothing changed since revision 1; nothing was saved."


def test_save_of_a_new_period_and_an_unknown_product(seeded_db):
    line = ActivityLine(data_source="primary_measured", stage="production", activity="Power", amount=10, unit="kWh", factor_ref="electricity.cn.national")
    assert save_edited_inventory(seeded_db, ADMIN, None, WS, ReportingPeriod.year(2030), [line]) == 1
    assert store.load_inventory(seeded_db, WS, "2030").lines == (line,)
    with pytest.raises(NotFound):
        save_edited_inventory(seeded_db, ADMIN, None, "NOPE", P2025, [line])


# ---- history and diff --------------------------------------------------------------------

def test_revision_history_frame_lists_totals_newest_first(seeded_db, ws_2025):
    save_edited_inventory(seeded_db, ADMIN, ws_2025, WS, P2025, edited(ws_2025, amount=100.0), comment="c")
    history = revision_history_frame(seeded_db, WS, "2025", "zh")
    assert list(history["revision"]) == [2, 1]
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d \(UTC[+−]\d+(:\d\d)?\)", c) for c in history["created_at"])
    assert revision_history_frame(seeded_db, WS, "2025", "en", "UTC")["created_at"].iloc[0].endswith(" (UTC+0)")
    assert list(history.columns) == ["revision", "created_at", "author", "comment", "line_count", "kg_co2e"]
    assert history.loc[1, "kg_co2e"] == pytest.approx(93.4346, abs=0.005)
    assert history.loc[0, "author"] == "tests <cli:tests>" and history.loc[1, "author"] == "seed"
    assert revision_history_frame(seeded_db, WS, "1999", "en").empty


def test_diff_shows_changed_added_and_removed_lines(ws_2025, set_2024):
    new_line = ActivityLine(data_source="primary_measured", stage="use", activity="Standby power", amount=3, unit="kWh", factor_ref="electricity.cn.national")
    lines = edited(ws_2025, 1, amount=5.0)[:-1] + [new_line]  # change line 2, drop line 6, add one
    after = ws_2025.model_copy(update={"lines": tuple(lines)})
    diff = diff_revisions(ws_2025, after, "en", set_2024)
    assert list(diff.columns) == ["change", "line", "field", "old", "new"]
    assert list(diff["change"]) == ["Changed", "Removed", "Added"]
    changed = diff.iloc[0]
    assert changed["line"] == 2 and changed["field"].startswith("Amount")
    assert (changed["old"], changed["new"]) == (repr(ws_2025.lines[1].amount), "5.0")
    assert "End of life" in diff.iloc[1]["old"] and "Standby power" in diff.iloc[2]["new"]
    assert "0.5777 kgCO2e/kWh" in diff.iloc[2]["new"]


def test_diff_pairs_lines_by_stage_and_activity(ws_2025):
    extra = ActivityLine(data_source="primary_measured", stage="raw_material_acquisition", activity="Copper", amount=1, unit="kg",
                         factor_ref="fuel.diesel")
    after = ws_2025.model_copy(update={"lines": (extra, *ws_2025.lines)})
    diff = diff_revisions(ws_2025, after, "zh")
    assert list(diff["change"]) == ["新增"] and diff.iloc[0]["line"] == 1


def test_diff_shows_boundary_and_verification_changes(ws_2025):
    boundary = ws_2025.boundary.model_copy(update={"included_stages": ws_2025.boundary.included_stages[:3]})
    after = ws_2025.model_copy(update={"boundary": boundary, "verification": None})
    diff = diff_revisions(ws_2025, after, "zh")
    assert list(diff["field"]) == ["包含的阶段", "第三方核查"]
    assert diff.iloc[0]["new"] == "原材料获取、原材料运输、生产"
    assert diff.iloc[1]["old"].startswith("三信国际检测认证有限公司") and diff.iloc[1]["new"] == "—"
    assert diff["line"].isna().all()
    assert diff_revisions(ws_2025, ws_2025, "en").empty


# ---- periods and copying -----------------------------------------------------------------

def test_copy_from_previous_period_clears_verification(seeded_db, ws_2025):
    copy = copy_from_previous_period(seeded_db, WS, "2025", ReportingPeriod.year(2026))
    assert copy.period.label == "2026" and copy.lines == ws_2025.lines and copy.boundary == ws_2025.boundary
    assert copy.verification is None and copy.declared is None and copy.illustrative == ws_2025.illustrative
    demo = copy_from_previous_period(seeded_db, WS, "2024", ReportingPeriod.year(2026))
    assert demo.illustrative  # the back-cast demo period stays marked illustrative
    with pytest.raises(CfpError):
        copy_from_previous_period(seeded_db, WS, "2025", P2025)
    with pytest.raises(NotFound):
        copy_from_previous_period(seeded_db, WS, "1999", P2025)


def test_previous_period_and_period_choices(seeded_db):
    assert previous_period(seeded_db, WS, "2026") == "2025"
    assert previous_period(seeded_db, WS, "2025") == "2024"
    assert previous_period(seeded_db, WS, "2000") is None
    choices = period_choices(seeded_db, WS, today=date(2026, 3, 1))
    assert [(c.label, c.new) for c in choices] == [("2025", False), ("2024", False), ("2023", False), ("2026", True)]
    assert [c.label for c in period_choices(seeded_db, "NO-DATA", today=date(2026, 3, 1))] == ["2025", "2026"]


def test_known_factor_refs_and_default_model(seeded_db):
    refs = known_factor_refs(seeded_db)
    assert {"electricity.cn.national", "cn_elec_cfp_national_2024", "fuel.diesel"} <= refs
    assert default_model_code(store.list_products(seeded_db)) == WS  # the real product, not a demo one
    assert default_model_code([]) is None


# ---- the product form -------------------------------------------------------------------

def test_new_product_is_validated():
    product, issues = new_product("en", model_code="NEW-1", name_en="Test", product_mass_kg=0.0, declared_unit="kg",
                                  org_id="weisidemu", existing_codes=[WS])
    assert issues == [] and product.name_zh == "Test" and product.product_mass_kg is None
    assert product.declared_unit == "kg"


@pytest.mark.parametrize(("lang", "fields"), [
    ("zh", ["型号代码", "中文名称", "产品质量（千克）"]), ("en", ["Model code", "Name (Chinese)", "Product mass (kg)"]),
])
def test_new_product_issues_are_localized(lang, fields):
    product, issues = new_product(lang, model_code="<b>x", name_zh="=cmd|' /C calc'!A0", product_mass_kg=-3.0)
    assert product is None
    assert [issue.split("：" if lang == "zh" else ":")[0] for issue in issues] == fields


def test_new_product_needs_a_name_and_a_new_code():
    _, issues = new_product("zh", model_code=WS, existing_codes=[WS])
    assert any("请填写名称" in i for i in issues) and any("已存在" in i for i in issues)


def test_editing_a_product_keeps_its_code(ws_product):
    product, issues = new_product("en", model_code="IGNORED", name_zh="新名称", name_en="New name", base=ws_product,
                                  product_mass_kg=41.5, existing_codes=[WS])
    assert issues == [] and product.model_code == WS and product.org_id == ws_product.org_id
    assert product.product_mass_kg == 41.5
