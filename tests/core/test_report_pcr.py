"""Product-category rules (PCR) on the card, the report and PACT (#12.11); clause-7 method items in the report (#12.9)."""

from __future__ import annotations

import pytest

from cfp_core.editor import new_product
from cfp_core.publish.card.view import card_facts
from cfp_core.publish.disclosure import product_rule
from cfp_core.publish.pact import pact_v2, pact_v3
from cfp_core.publish.report import report_html
from tests.core.test_pact import V2, V3, _errors
from tests.support.product import as_of_2024

PF = {"pf_id": "3fa85f64-5717-4562-b3fc-2c963f66afa6", "created": "2026-12-03T00:00:00Z"}
RULE = {"pcr_name": "Electronic and electric equipment", "pcr_number": "PCR 2011:03", "pcr_version": "3.0.1",
        "pcr_issuer": "EPD International"}


def _with(disclosure, **product):
    return disclosure.model_copy(update={"product": disclosure.product.model_copy(update=product)})


def test_a_followed_rule_is_one_line_and_none_is_empty(demo_300a):
    assert product_rule(demo_300a.product) == ""
    assert product_rule(_with(demo_300a, **RULE).product) == \
        "PCR 2011:03 Electronic and electric equipment (3.0.1), EPD International"


def test_pact_names_the_rule_with_its_operator_and_validates(demo_300a):
    assert "productOrSectorSpecificRules" not in pact_v3(demo_300a, **PF)["pcf"]  # none: left out (minItems 1)
    document = pact_v3(_with(demo_300a, **RULE), **PF)
    assert document["pcf"]["productOrSectorSpecificRules"] == [
        {"operator": "EPD International", "ruleNames": ["PCR 2011:03 Electronic and electric equipment 3.0.1"]}]
    assert _errors(V3, document) == []
    group = _with(demo_300a, pcr_name="通信电源产品碳足迹评价规范", pcr_number="T/ABC 001-2024", pcr_issuer="某行业协会")
    v2 = pact_v2(as_of_2024(group), **PF, product_category_cpc="46")
    assert v2["pcf"]["productOrSectorSpecificRules"] == [
        {"operator": "Other", "ruleNames": ["T/ABC 001-2024 通信电源产品碳足迹评价规范"], "otherOperatorName": "某行业协会"}]
    assert _errors(V2, v2) == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_card_and_report_show_the_rule_or_say_none(demo_300a, lang):
    with_rule = _with(demo_300a, **RULE)
    facts = " ".join(line for _, lines in card_facts(with_rule, lang) for line in lines)
    assert "PCR 2011:03" in facts and ("产品种类规则" if lang == "zh" else "Product category rules") in facts
    assert "PCR" not in " ".join(line for _, lines in card_facts(demo_300a, lang) for line in lines)
    assert "PCR 2011:03 Electronic and electric equipment (3.0.1)" in report_html(with_rule, lang)
    none = "未采用产品种类规则" if lang == "zh" else "No product category rules"
    assert none in report_html(demo_300a, lang)


def test_the_product_form_keeps_the_rule():
    product, issues = new_product("en", model_code="NEW-PCR", name_en="Test", **RULE)
    assert issues == [] and product_rule(product).endswith("EPD International")
    _, issues = new_product("zh", model_code="NEW-PCR", name_en="Test", pcr_name="<script>alert(1)</script>")
    assert issues and "PCR" in issues[0]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_report_states_formula_gases_and_carbon_content_or_the_gap(demo_300a, lang):
    """Clause 7 items (#12.9, part): the formula, the GHG list and the carbon content (or a named gap)."""
    html = report_html(demo_300a, lang)
    assert "CFP = Σ Aᵢ × EFᵢ × GWPᵢ" in html and "CO2" in html and "4.8000 kg C" in html
    unassessed = report_html(_with(demo_300a, fossil_carbon_kg=None), lang)
    assert ("未提供：产品的化石碳与生物源碳含量" if lang == "zh" else "fossil and biogenic carbon content") in unassessed
