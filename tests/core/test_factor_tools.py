"""Factor-library tools: browsing, provenance, version changelogs, custom sets and CSV import."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from cfp_core import store
from cfp_core.access import cli_principal  # noqa: E402
from cfp_core.errors import FactorNotFound, FactorSetInvalid, ImmutableRecord, ImportRejected
from cfp_core.factors import EmissionFactor, FactorFamily
from cfp_core.i18n import t
from cfp_core.library import tools as ft
from cfp_core.library.labels import provenance_link, safe_url

ADMIN = cli_principal("weisidemu", "tests")  # the acting principal of every write in these tests

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ft.factor_csv_template().decode("utf-8")
HEADER, EXAMPLE = TEMPLATE.splitlines()


def test_frame_lists_every_factor_with_localized_labels(set_2024):
    zh, en = ft.factor_frame(set_2024, "zh"), ft.factor_frame(set_2024, "en")
    assert len(zh) == len(set_2024.factors) and list(zh.columns) == ft.FRAME_COLUMNS
    national = zh.set_index("key").loc["electricity.cn.national"]
    assert (national["name"], national["family_label"], national["value"]) == ("全国电力平均碳足迹因子", "电力碳足迹因子", 0.5777)
    assert (national["unit_label"], national["region_label"], national["vintage"]) == ("kgCO2e/kWh", "全国", 2024)
    assert en.set_index("key").loc["electricity.cn.national", "region_label"] == "China (national)"
    assert set(ft.factor_columns("zh").values()) >= {"因子", "数值", "单位", "地区"}


@pytest.mark.parametrize(
    ("filters", "expected_ids"),
    [
        ({"family": "electricity_co2_org", "region": "CN-ZJ"},
         {"cn_elec_co2_prov_zhejiang_2021", "cn_elec_co2_prov_zhejiang_2022", "cn_elec_co2_prov_zhejiang_2023"}),
        ({"family": "electricity_co2_org", "region": "CN-ZJ", "vintage": 2022}, {"cn_elec_co2_prov_zhejiang_2022"}),
        ({"search": "DIESEL", "family": "fuel_combustion"}, {"fuel_diesel_cn_default", "cpcd_33360X0022025C"}),
        ({"search": "浙江", "vintage": "2023"}, {"cn_elec_co2_prov_zhejiang_2023"}),
        ({"publisher": "CPCD core database (copy)", "search": "65111X002"},
         {"cn_transport_heavy_diesel_truck_cold_chain_2024", "cpcd_65111X0022024C"}),
    ],
)
def test_frame_filters(factor_sets, filters, expected_ids):
    assert set(ft.factor_frame(factor_sets, "zh", **filters)["factor_id"]) == expected_ids


def test_filter_options_list_what_the_set_has(factor_sets):
    options = ft.factor_filter_options(factor_sets["cn-co2-org-2023"])
    assert options["family"] == ["electricity_co2_org", "fuel_combustion"]
    assert options["region"][:2] == ["CN", "CN-central"] and "CN-ZJ" in options["region"]
    assert options["vintage"] == [2023]
    assert [ft.option_label("region", "CN-ZJ", lang) for lang in ("zh", "en")] == ["浙江", "Zhejiang"]
    assert ft.option_label("publisher", "MEE/NBS", "zh") == "生态环境部 / 国家统计局"


def provenance(factor, lang) -> dict[str, str]:
    return dict(ft.factor_provenance(factor, lang))


def test_provenance_of_diesel_shows_the_derivation_numbers(set_2024):
    diesel = set_2024.by_key()["fuel.diesel"]
    zh, en = provenance(diesel, "zh"), provenance(diesel, "en")
    assert en["Net calorific value (NCV)"] == "42.652 MJ/kg"
    derivation = en["Derivation"]
    for text in ("20.20 kgC/GJ", "0.98", "44/12", "0.072585 kgCO2/MJ", "× NCV 42.652 MJ/kg", "3.0959 kgCO2/kg"):
        assert text in derivation
    assert "低位发热量 42.652 MJ/kg = 3.0959 kgCO2/kg" in zh["推导"]
    assert zh["来源文件"].startswith("GB/T 32151")


def test_provenance_lists_every_field_with_a_link(set_2024):
    national = provenance(set_2024.by_key()["electricity.cn.national"], "en")
    assert national["Source link"].startswith("https://github.com/leo21468/CarbonCalculator/")
    assert provenance_link(set_2024.by_key()["electricity.cn.national"], "Source link", "en") == national["Source link"]
    assert national["Publication date"] == "2025-09-28" and national["Data year (vintage)"] == "2024"
    assert national["Confidence"] == "P: primary document" and national["Verified"] == "Yes"
    assert "Warning" not in national
    assert safe_url("javascript:alert(1)") is None and safe_url("https://x.cn/a b") is None  # text, never a link


def test_provenance_warns_on_organisation_and_provisional_factors(factor_sets, set_2023):
    org = provenance(factor_sets["cn-co2-org-2023"].by_key()["electricity.cn.national"], "zh")
    assert "组织层面核算" in org["提示"]
    coal = provenance(set_2023.by_key()["electricity.cn.coal"], "en")
    assert "provisional (confidence S1)" in coal["Warning"]


def test_changelog_2023_to_2024(set_2023, set_2024):
    diff = ft.diff_factor_sets(set_2023, set_2024, "zh").set_index("key")
    national = diff.loc["electricity.cn.national"]
    assert (national["status"], national["old_value"], national["new_value"]) == ("changed", 0.6205, 0.5777)
    assert national["delta"] == pytest.approx(-0.0428) and national["delta_pct"] == pytest.approx(-0.068977, abs=1e-6)
    assert (national["old_id"], national["new_id"]) == ("cn_elec_cfp_national_2023", "cn_elec_cfp_national_2024")
    assert diff.loc["electricity.cn.td_incl_loss", "status"] == "added"
    assert diff.loc["electricity.cn.nuclear", "status"] == "reissued"
    assert "fuel.diesel" not in diff.index  # same factor in both sets
    assert list(diff["status"]).count("changed") == 9


def test_changelog_summary_line(set_2023, set_2024):
    zh = ft.diff_summary(set_2023, set_2024, "zh")
    assert zh.startswith("9 个变更，1 个新增，0 个删除") and "全国电力平均碳足迹因子 0.6205 → 0.5777 (−6.90%)" in zh
    en = ft.diff_summary(set_2023, set_2024, "en")
    assert "China national average electricity carbon-footprint factor 0.6205 → 0.5777 (−6.90%)" in en
    assert ft.diff_summary(set_2024, set_2024, "en") == "No differences between the two sets."


def test_changelog_flags_a_change_of_family(set_2024, factor_sets):
    diff = ft.diff_factor_sets(set_2024, factor_sets["cn-co2-org-2023"], "en").set_index("key")
    assert "type changed" in diff.loc["electricity.cn.national", "note"]
    assert "kgCO2e/kWh → kgCO2/kWh" in diff.loc["electricity.cn.national", "note"]


def test_custom_set_is_copy_on_write(set_2024):
    before = set_2024.model_dump()
    custom = ft.create_custom_set(set_2024, "acme-2024", "我的因子集", "Mine",
                                  {"electricity.cn.national": 0.55, "electricity.cn.coal": 0.9240}, "供应商声明")
    assert set_2024.model_dump() == before  # the base is untouched
    assert (custom.parent_id, custom.reference, custom.description_zh) == ("cn-cfp-2024", False, "供应商声明")
    changed = custom.by_key()["electricity.cn.national"]
    assert (changed.value, changed.confidence, changed.verified) == (0.55, "user", False)
    assert changed.family == FactorFamily.ELECTRICITY_CFP and changed.factor_id == "acme-2024:electricity.cn.national"
    assert custom.by_key()["electricity.cn.coal"] is not None
    assert custom.by_key()["electricity.cn.coal"].factor_id == "cn_elec_cfp_coal_2024"  # unchanged value, same id
    assert ("factors.warn.user", {"count": 1}) in ft.factor_set_families_warning(custom)


def test_custom_fuel_value_drops_the_derivation(set_2024):
    custom = ft.create_custom_set(set_2024, "acme-fuel", "燃料", changes={"fuel.diesel": 0.074})
    diesel = custom.by_key()["fuel.diesel"]
    assert (diesel.carbon_content_tc_per_tj, diesel.ncv) == (None, 42.652)
    assert provenance(diesel, "en")["Per physical unit"].startswith("3.1562 kgCO2/kg")


def test_custom_set_with_new_factor_is_family_custom(set_2024):
    green = EmissionFactor(factor_id="green_2025", key="electricity.supplier.green", name_zh="绿电", value=0.05,
                           unit="kWh", family="electricity_cfp")
    custom = ft.create_custom_set(set_2024, "acme-green", "绿电", changes=[green])
    assert custom.by_key()["electricity.supplier.green"].family == FactorFamily.CUSTOM
    assert len(custom.factors) == len(set_2024.factors) + 1


def test_custom_set_rejects_bad_input(set_2024):
    with pytest.raises(FactorNotFound):
        ft.create_custom_set(set_2024, "x1", "名", changes={"no.such.key": 1.0})
    with pytest.raises(ValidationError):
        ft.create_custom_set(set_2024, "x2", "名", changes={"electricity.cn.national": -1.0})
    with pytest.raises(FactorSetInvalid) as taken:
        ft.create_custom_set(set_2024, "cn-cfp-2024", "名", taken=["cn-cfp-2024"])
    assert "already used" in taken.value.message("en") and "已被使用" in taken.value.message("zh")
    with pytest.raises(FactorSetInvalid) as unnamed:
        ft.create_custom_set(set_2024, "x3", " ")
    assert "中文名称" in unnamed.value.message("zh")
    with pytest.raises(FactorSetInvalid, match="not valid"):
        ft.create_custom_set(set_2024, "=bad id", "名")


def test_custom_set_is_stored_immutably(fresh_db, set_2024):
    custom = ft.create_custom_set(set_2024, "acme-2024", "我的", changes={"electricity.cn.national": 0.55})
    store.save_factor_set(fresh_db, ADMIN, custom)
    assert store.load_factor_set(fresh_db, "acme-2024") == custom
    other = ft.create_custom_set(set_2024, "acme-2024", "我的", changes={"electricity.cn.national": 0.56})
    with pytest.raises(ImmutableRecord):
        store.save_factor_set(fresh_db, ADMIN, other)


def test_editor_values_round_trip(set_2024):
    frame = ft.editable_values(set_2024, "en")
    frame.loc[frame["key"] == "electricity.cn.national", "value"] = 0.5
    values = ft.values_from_frame(frame)
    assert values["electricity.cn.national"] == 0.5 and len(values) == len(set_2024.factors)


def test_family_warnings(set_2024, factor_sets):
    assert ("factors.warn.org_set", {}) in ft.factor_set_families_warning(factor_sets["cn-co2-org-2022"])
    assert [k for k, _ in ft.factor_set_families_warning(set_2024)] == ["factors.warn.provisional"]
    (_, params), = ft.factor_set_families_warning(set_2024)
    provisional = [f for f in set_2024.factors if f.confidence in ("S1", "U")]
    for lang in ("zh", "en"):  # the warning names every provisional factor, in the reader's language
        text = t("factors.warn.provisional", lang, **params)
        assert all(f.factor_id in text and ft.factor_name(f, lang) in text for f in provisional), text
    org = factor_sets["cn-co2-org-2023"].by_key()["electricity.cn.province.zhejiang"]
    mixed = set_2024.with_factors("mixed", "混合", [org])
    warnings = dict(ft.factor_set_families_warning(mixed))
    assert "organisation-level" in t("warn.mixed_families", "en", **warnings["warn.mixed_families"])
    assert "不得用于产品碳足迹" in t("factors.warn.org_set", "zh")


def test_csv_template_and_reference_rows_import():
    imported = ft.read_factor_set_csv(ft.factor_csv_template(), "imp-1", "导入", "Imported")
    assert (imported.set_id, imported.reference, imported.factors[0].value) == ("imp-1", False, 0.052)
    lines = (ROOT / "data" / "factors" / "emission_factors.csv").read_text(encoding="utf-8").splitlines()
    diesel = next(line for line in lines if line.startswith("fuel_diesel_cn_default,"))
    header = next(line for line in lines if line.startswith("id,key,"))
    fuel = ft.read_factor_set_csv(f"# comment\n{header}\n{diesel}\n".encode(), "imp-2", "燃料")
    assert fuel.factors[0].value == pytest.approx(0.0725853, abs=1e-7)  # derived from CC × OF × 44/12


def bad_csv(*rows: str, header: str = HEADER) -> bytes:
    return ("\n".join([header, *rows]) + "\n").encode("utf-8")


def row(**changes) -> str:
    cells = dict(zip(HEADER.split(","), EXAMPLE.split(","), strict=True)) | changes
    return ",".join(cells.values())


@pytest.mark.parametrize(
    ("data", "line", "column", "english", "chinese"),
    [
        (bad_csv(row(), row(id="other")), 3, "key", "Already used in row 2", "已在第 2 行使用"),
        (bad_csv(row(unit="kwhh")), 2, "unit", "Unknown unit 'kwhh'", "未知单位“kwhh”"),
        (bad_csv(row(value="-0.3")), 2, "value", "cannot be negative", "不能为负数"),
        (bad_csv(row(name_zh="=HYPERLINK(1)")), 2, "name_zh", "spreadsheet formula", "公式"),
        (bad_csv(row(region="<script>")), 2, "region", "markup", "HTML"),
        (bad_csv(row(family="grid")), 2, "family", "use one of: electricity_cfp", "请使用：electricity_cfp"),
        (bad_csv(row(value="abc")), 2, "value", "Enter a number", "请输入数字"),
        (bad_csv(row(gas="CO3")), 2, "gas", "Unknown gas", "未知气体"),
        (bad_csv(row(source_url="ftp://x.org/f")), 2, "source_url", "https://", "https://"),
        (bad_csv("a,b"), 2, "—", "has 2 cells but the header has 24", "此行有 2 个单元格"),
        (bad_csv(row(), header=HEADER.replace("gas,", "")), 1, "gas", "Required column missing", "缺少必填列"),
        (bad_csv(row() + ',"unbalanced'), 2, "—", "unbalanced quotes", "引号"),
        (b"\xff\xfe\x00", 1, "—", "UTF-8", "UTF-8"),
    ],
    ids=["duplicate-key", "unknown-unit", "negative", "formula", "markup", "unknown-family", "not-a-number",
         "unknown-gas", "bad-url", "ragged", "missing-column", "malformed", "encoding"],
)
def test_csv_import_rejects_bad_rows_whole(data, line, column, english, chinese):
    with pytest.raises(ImportRejected) as rejected:
        ft.read_factor_set_csv(data, "imp-bad", "坏文件")
    problem = rejected.value.problems[0]
    assert (problem.row, problem.column) == (line, column)
    assert english in problem.message("en") and f"Row {line}, column '{column}'" in problem.message("en")
    assert chinese in problem.message("zh") and f"第 {line} 行，“{column}”列" in problem.message("zh")
    assert "nothing was saved" in rejected.value.message("en") and "未保存任何数据" in rejected.value.message("zh")


def test_csv_import_reports_every_bad_row_and_keeps_nothing():
    data = bad_csv(row(), row(id="b", key="k.b", value="-1"), row(id="c", key="k.c", unit="x"))
    with pytest.raises(ImportRejected) as rejected:
        ft.read_factor_set_csv(data, "imp-many", "多行")
    assert [(p.row, p.column) for p in rejected.value.problems] == [(3, "value"), (4, "unit")]
