"""Adding one factor by hand: copy-on-write, provenance kept as entered, every problem named by field."""

from __future__ import annotations

import pytest

from cfp_core import calculate_footprint, store
from cfp_core.access import cli_principal
from cfp_core.errors import FactorSetInvalid
from cfp_core.factors import FactorBoundary, FactorFamily
from cfp_core.i18n import t
from cfp_core.library import FactorRejected, add_factor
from cfp_core.models import ActivityLine, Inventory, ReportingPeriod

ADMIN = cli_principal("weisidemu", "tests")
STEEL = {"key": "steel.supplier.hrc", "name_zh": "供应商热轧卷板", "name_en": "Supplier hot-rolled coil",
         "value": "1.923456789", "unit": "t", "source_document": "Supplier EPD S-P-01234 (2025)",
         "source_url": "https://example.org/epd/01234", "vintage": "2025", "boundary": "cradle_to_gate",
         "confidence": "P", "region": "CN", "publisher": "Supplier"}


def test_adds_one_factor_to_a_copy_and_leaves_the_base_unchanged(set_2024):
    before = set_2024.model_dump()
    new = add_factor(set_2024, STEEL, "acme-steel", "钢材因子", "Steel factors", taken=["cn-cfp-2024"])
    assert set_2024.model_dump() == before and set_2024.by_key().get("steel.supplier.hrc") is None
    assert (new.set_id, new.parent_id, new.reference, len(new.factors)) == (
        "acme-steel", "cn-cfp-2024", False, len(set_2024.factors) + 1)
    factor = new.by_key()["steel.supplier.hrc"]
    assert factor.value == 1.923456789  # as typed, not rounded
    assert (factor.factor_id, factor.unit, factor.gas, factor.family) == (
        "acme-steel:steel.supplier.hrc", "t", "CO2e", FactorFamily.CUSTOM)
    assert (factor.boundary, factor.vintage, factor.confidence, factor.verified) == (
        FactorBoundary.CRADLE_TO_GATE, 2025, "P", False)
    assert factor.source_document == STEEL["source_document"] and "acme-steel" in factor.derivation_note
    assert {f.key: f for f in new.factors if f.key != factor.key} == set_2024.by_key()


def test_boundary_left_unstated_stays_unstated(set_2024):
    new = add_factor(set_2024, STEEL | {"boundary": ""}, "acme-steel", "钢材因子")
    assert new.by_key()["steel.supplier.hrc"].boundary is None


def test_the_new_factor_calculates_amount_times_value(set_2024, ar5):
    new = add_factor(set_2024, STEEL | {"unit": "kg", "value": "0.0019"}, "acme-steel", "钢材因子")
    line = ActivityLine(stage="raw_material_acquisition", activity="钢板", amount=12.5, unit="kg",
                        factor_ref="acme-steel:steel.supplier.hrc", data_source="supplier_specific")
    inventory = Inventory(model_code="WS-TPS-48-900A", period=ReportingPeriod.year(2025), lines=(line,),
                          factor_set_id="acme-steel")
    assert calculate_footprint(inventory, new, ar5).total_kg_co2e == pytest.approx(12.5 * 0.0019, rel=1e-15)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_problem_is_named_by_field_and_nothing_is_added(set_2024, lang):
    bad = {"key": "electricity.cn.national", "name_zh": "<script>alert(1)</script>", "value": "-5",
           "unit": "bananas", "source_document": "=cmd|' /C calc'!A0", "source_url": "javascript:alert(1)",
           "vintage": "1850", "boundary": "everywhere", "confidence": "A+", "colour": "red"}
    with pytest.raises(FactorRejected) as caught:
        add_factor(set_2024, bad, "acme-bad", "坏")
    fields = {p.column for p in caught.value.problems}
    assert fields == {"key", "name_zh", "value", "unit", "source_document", "source_url", "vintage", "boundary",
                      "confidence", "colour"}
    message = caught.value.message(lang)
    assert t("factors.one.field.unit", lang) in message and t("factors.one.field.value", lang) in message
    assert message.splitlines()[0] == t("factors.one.rejected", lang, count=len(fields))


def test_required_fields_are_required(set_2024):
    with pytest.raises(FactorRejected) as caught:
        add_factor(set_2024, {"key": "x.y"}, "acme-empty", "空")
    assert {p.column for p in caught.value.problems} >= {"name_zh", "value", "unit", "source_document",
                                                         "confidence"}


def test_a_taken_key_needs_replace_which_keeps_the_family(set_2024):
    green = STEEL | {"key": "electricity.cn.national", "value": "0.052", "unit": "kWh", "name_zh": "绿电"}
    with pytest.raises(FactorRejected) as caught:
        add_factor(set_2024, green, "acme-green", "绿电")
    assert [p.problem_key for p in caught.value.problems] == ["factors.one.key_exists"]
    new = add_factor(set_2024, green, "acme-green", "绿电", replace=True)
    factor = new.by_key()["electricity.cn.national"]
    assert (factor.value, factor.family, factor.factor_id) == (0.052, FactorFamily.ELECTRICITY_CFP,
                                                               "acme-green:electricity.cn.national")
    assert len(new.factors) == len(set_2024.factors)


def test_set_id_and_name_are_checked(set_2024):
    with pytest.raises(FactorSetInvalid):
        add_factor(set_2024, STEEL, "cn-cfp-2024", "重复", taken=["cn-cfp-2024"])
    with pytest.raises(FactorSetInvalid):
        add_factor(set_2024, STEEL, "acme-x", " ")


def test_saved_set_reads_back_exactly(fresh_db, set_2024):
    new = add_factor(set_2024, STEEL, "acme-steel", "钢材因子")
    store.save_factor_set(fresh_db, ADMIN, new)
    assert store.load_factor_set(fresh_db, "acme-steel") == new
