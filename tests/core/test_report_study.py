"""The study report's clause-7 items (#12.9): value choices, product and process, data collection, fuel
parameters, electricity treatment, sensitivity and interpretation — in zh and en, from data or named gaps."""

from __future__ import annotations

import re
from datetime import date

import pytest

from cfp_core.publish.report import report_html
from cfp_core.publish.report.clause7 import electricity_rows, fuel_parameters
from cfp_core.publish.report.interpretation import sensitivity_section
from tests.core.test_report import visible_text

DAY = date(2026, 12, 3)
CJK = re.compile(r"[\u3400-\u9fff\u3001-\u3011\uff01-\uff5e]")
ENGLISH_PHRASE = re.compile(r"\b[A-Za-z][a-z]+(?:[ -][A-Za-z][a-z]+){2,}\b")
TITLES = {
    "zh": ["1.8 价值选择", "1.9 产品与过程描述", "2.3 数据收集程序", "3.1 燃料换算参数", "3.2 电力处理方式",
           "6 敏感性分析", "6.1 各排放因子 ±10%", "6.2 电力因子年份", "6.3 分配方法选择", "7 结果解释"],
    "en": ["1.8 Value choices", "1.9 Product and process description", "2.3 Data collection procedure",
           "3.1 Fuel conversion parameters", "3.2 Treatment of electricity", "6 Sensitivity analysis",
           "6.1 Each factor ±10%", "6.2 Electricity factor vintage", "6.3 Allocation choice", "7 Interpretation"],
}


@pytest.fixture(scope="module")
def disclosures(ws_2025, demo_300a):
    return {"WS-TPS-48-900A": ws_2025, "WS-TPS-48-300A": demo_300a}


@pytest.fixture(scope="module")
def ws(ws_2025):
    return ws_2025


@pytest.fixture(scope="module")
def texts(ws):
    return {lang: visible_text(report_html(ws, lang, generated_on=DAY)) for lang in ("zh", "en")}


def _new_sections(text: str, lang: str) -> str:
    """The text of the new sections only (1.8–1.9, 2.3, 3.1–3.2, 6–7)."""
    nxt = {"zh": ("2 数据质量", "3 活动水平数据", "来源文件所印数量", "8 改进建议"),
           "en": ("2 Data quality", "3 Activity data", "Amounts as printed", "8 Improvement suggestions")}[lang]
    starts = [TITLES[lang][i] for i in (0, 2, 3, 5)]
    return " ".join(text[text.index(a):text.index(b, text.index(a))] for a, b in zip(starts, nxt, strict=True))


def _typed(d) -> list[str]:
    """What users entered, shown as typed (activity names, description, boundary rules), longest first."""
    found = {x.activity for x in d.lines} | {d.product.description, d.boundary.cutoff_rule, d.boundary.allocation_rule}
    return sorted((s for s in found if s), key=len, reverse=True)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_new_section_is_there_in_order(texts, lang):
    position = 0
    for title in TITLES[lang]:
        position = texts[lang].index(title, position)  # ValueError if missing or out of order


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_new_sections_have_no_text_in_the_other_script(ws, texts, lang):
    rest = _new_sections(texts[lang], lang)
    assert len(rest) > 4000  # the check reads the sections, not an empty slice
    for typed in _typed(ws):
        rest = rest.replace(" ".join(typed.split()), " ")
    if lang == "en":
        assert CJK.findall(rest) == []
    else:
        assert ENGLISH_PHRASE.findall(rest) == []


@pytest.mark.parametrize("lang,expected", [
    ("en", ["IPCC AR5, GWP100 (100-year time horizon)", "National grid average (life-cycle carbon-footprint factor): "
            "lines 1, 4, 6", "Cradle-to-grave; stages not included: Use", "cn-cfp-2024, version 2024",
            "Not provided: a description of the production process",
            "Not provided: the data-collection procedure", "Proxy: 1; Primary, measured: 5",
            "4.58505 kg × 42.652 MJ/kg × 20.20 ÷ 1000 × 0.98 × 44/12 = 14.1949 kgCO2",
            "2.65608 kg × 42.652 MJ/kg × 0.0726 kgCO2/MJ = 8.2246 kgCO2",
            "Not provided: carbon content per unit energy and oxidation rate of this line's own factor",
            "90.3064", "96.5628", "84.0911 to 102.7781", "98.6950", "+5.2604", "+5.63%",
            "cn_elec_cfp_national_2023 (0.6205) for lines 1, 4, 6",
            "Not provided: the plant totals and each co-product's output, mass and price",
            "these 3 lines make up 75.99% of the total", "Primary data make up 74.27% of the total",
            "Not provided: data-quality (pedigree) scores", "2024 (activity data 2025)"]),
    ("zh", ["IPCC AR5，GWP100（100年时间范围）", "全国电网平均（全生命周期碳足迹因子）：第 1, 4, 6 行",
            "未提供：生产过程描述", "未提供：数据收集程序", "近似替代数据 1 行，初级数据（实测） 5 行",
            "= 14.1949 kgCO2", "未提供：该行自带因子的单位热值含碳量和碳氧化率", "84.0911 至 102.7781",
            "若采用 2023 年电力因子，总量为 98.6950（+5.63%）", "未提供：按质量、按经济价值或不分配",
            "这 3 行合计占总量的 75.99%", "2024年（活动数据 2025）"]),
])
def test_ws_report_states_its_choices_and_sensitivity(texts, lang, expected):
    assert [item for item in expected if item not in texts[lang]] == []


def test_fuel_chain_recomputes_every_fuel_line(disclosures):
    for d in disclosures.values():
        rows = {row["no"]: row for row in fuel_parameters(d, "en")}
        fuels = [x for x in d.lines if x.factor_unit.endswith("/MJ")]
        assert sorted(rows) == [x.line_no for x in fuels]
        for line in fuels:
            assert rows[line.line_no]["chain"].endswith(f"= {line.kg_co2e:,.4f} kgCO2")
    natural_gas = {row["no"]: row for row in fuel_parameters(disclosures["WS-TPS-48-300A"], "en")}[4]
    assert natural_gas["ncv"] == "38.931 MJ/Nm3" and natural_gas["cc"] == "15.30" and natural_gas["of"] == "0.99"
    assert "GB/T 32151" in natural_gas["source"]


def test_missing_product_data_are_named_gaps(ws):
    bare = ws.model_copy(update={
        "product": ws.product.model_copy(update={"description": ""}),
        "boundary": ws.boundary.model_copy(update={"allocation_rule": "", "cutoff_rule": ""}),
    })
    en = visible_text(report_html(bare, "en", generated_on=DAY))
    assert "Product: Not provided: product description" in en
    assert "Cut-off rule Not provided: cut-off criteria" in en
    assert "The study states no allocation and no line was allocated: not applicable." in en
    zh = visible_text(report_html(bare, "zh", generated_on=DAY))
    assert "未提供：产品描述" in zh and "本研究未说明分配，也没有经过分配的数据：不适用。" in zh


def test_generation_type_electricity_names_the_missing_evidence_and_td(ws):
    green = ws.model_copy(update={"lines": tuple(
        x.model_copy(update={"factor_id": "cn_elec_cfp_pv_2024"}) if x.line_no == 4 else x for x in ws.lines)})
    rows = {row["no"]: row for row in electricity_rows(green, "en")}
    assert rows[4]["approach"].startswith("Generation-type factor (supplier-specific or green power)")
    assert "Not provided: evidence of the supply" in rows[4]["approach"]
    assert rows[4]["td"] == "Not provided: whether transmission and distribution losses are included"
    assert rows[1]["td"].startswith("Included in the factor")


def test_report_without_electricity_or_fuel_says_so(ws):
    only_transport = ws.model_copy(update={"lines": ()})
    en = visible_text(report_html(only_transport, "en", generated_on=DAY))
    assert "The inventory has no fuel lines." in en and "The inventory has no electricity lines." in en
    assert "The inventory has no electricity lines: not applicable." in en


def test_fuel_chain_converts_the_amount_into_the_ncv_unit(ws):
    """A fuel entered in t is shown in the NCV's kg; one entered in MJ skips the NCV: the chain still ends at the result."""
    lines = tuple(x.model_copy(update={"amount": x.amount / 1000, "unit": "t"}) if x.line_no == 2
                  else x.model_copy(update={"amount": x.amount * 43.07, "unit": "MJ"}) if x.line_no == 3 else x
                  for x in ws.lines)
    rows = {row["no"]: row["chain"] for row in fuel_parameters(ws.model_copy(update={"lines": lines}), "en")}
    assert rows[2] == "4.58505 kg × 42.652 MJ/kg × 20.20 ÷ 1000 × 0.98 × 44/12 = 14.1949 kgCO2"
    assert rows[3] == "0.179602 MJ × 18.90 ÷ 1000 × 0.98 × 44/12 = 0.0122 kgCO2"


def test_tornado_bars_scale_with_the_swing(ws):
    rows = sensitivity_section(ws, "en")["tornado"]
    assert [row["no"] for row in rows] == [4, 1, 6, 2, 5]
    assert rows[0]["bar"] == "100.0" and rows[1]["bar"] == f"{100 * 24.045023623 / 31.281911962:.1f}"


def test_a_combined_fuel_value_shows_its_ncv_and_names_the_missing_parameters(ws):
    """A CPCD fuel factor (one kgCO2e/GJ value) has an NCV but no carbon content or oxidation rate."""
    cpcd = tuple(x.model_copy(update={"factor_id": "cpcd_33360X0022025C", "factor_value": 74.1,
                                      "factor_unit": "kgCO2e/GJ", "kg_co2e": x.amount * 42.652 / 1000 * 74.1})
                 if x.line_no == 2 else x for x in ws.lines)
    row = {r["no"]: r for r in fuel_parameters(ws.model_copy(update={"lines": cpcd}), "en")}[2]
    assert row["ncv"] == "42.652 MJ/kg" and row["chain"] == "4.58505 kg → 0.195562 GJ × 74.1 kgCO2e/GJ = 14.4911 kgCO2e"
    assert row["cc_of_gap"] == ("Not provided: carbon content per unit energy and oxidation rate "
                                "(the source publishes one combined value)")
