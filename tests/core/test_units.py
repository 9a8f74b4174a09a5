"""Units: known-answer conversions, Chinese and English aliases, NCV and density paths, errors."""

from __future__ import annotations

import pydantic
import pytest

from cfp_core import units
from cfp_core.errors import UnitMismatch, UnknownUnit
from cfp_core.models import ActivityLine


@pytest.mark.parametrize(
    ("from_unit", "to_unit", "coefficient"),
    [
        ("kWh", "kWh", 1.0),
        ("kWh", "MWh", 1e-3),
        ("MWh", "kWh", 1e3),
        ("Wh", "kWh", 1e-3),
        ("kWh", "MJ", 3.6),
        ("MWh", "GJ", 3.6),
        ("GJ", "MJ", 1e3),
        ("kJ", "MJ", 1e-3),
        ("t", "kg", 1e3),
        ("g", "kg", 1e-3),
        ("m3", "L", 1e3),
        ("L", "m3", 1e-3),
        ("Nm3", "m3", 1.0),
        ("tkm", "kgkm", 1e3),
        ("kgkm", "tkm", 1e-3),
        ("piece", "piece", 1.0),
    ],
)
def test_known_conversions(from_unit, to_unit, coefficient):
    path = units.conversion_path(from_unit, to_unit)
    assert path.coefficient == pytest.approx(coefficient, rel=1e-12)
    assert path.steps == ()
    assert units.convert(2.5, from_unit, to_unit) == pytest.approx(2.5 * coefficient, rel=1e-12)


@pytest.mark.parametrize(
    ("alias", "canonical"),
    [
        ("度", "kWh"), ("千瓦时", "kWh"), ("KWH", "kWh"), ("kw·h", "kWh"), (" kWh ", "kWh"),
        ("兆瓦时", "MWh"), ("瓦时", "Wh"), ("兆焦", "MJ"), ("吉焦", "GJ"),
        ("千克", "kg"), ("公斤", "kg"), ("吨", "t"), ("克", "g"),
        ("升", "L"), ("m³", "m3"), ("立方米", "m3"), ("标方", "Nm3"), ("Nm³", "Nm3"),
        ("t·km", "tkm"), ("t.km", "tkm"), ("吨公里", "tkm"), ("kg·km", "kgkm"),
        ("台", "piece"), ("个", "piece"), ("套", "piece"), ("pcs", "piece"),
    ],
)
def test_aliases_map_to_canonical_units(alias, canonical):
    assert units.canonical_unit(alias) == canonical


def test_lines_store_the_canonical_unit():
    line = ActivityLine(data_source="primary_measured", stage="production", activity="电力", amount=1, unit="度",
                        factor_ref="electricity.cn.national")
    assert line.unit == "kWh"


@pytest.mark.parametrize(
    ("from_unit", "to_unit", "conversion", "coefficient", "steps"),
    [
        ("kg", "MJ", {"ncv": 42.652, "ncv_unit": "MJ/kg"}, 42.652, (("ncv", 42.652, "MJ/kg"),)),
        ("t", "MJ", {"ncv": 42.652, "ncv_unit": "MJ/kg"}, 42652.0, (("ncv", 42.652, "MJ/kg"),)),
        ("g", "GJ", {"ncv": 43.070, "ncv_unit": "MJ/kg"}, 43.070e-6, (("ncv", 43.070, "MJ/kg"),)),
        ("Nm3", "MJ", {"ncv": 38.931, "ncv_unit": "MJ/Nm3"}, 38.931, (("ncv", 38.931, "MJ/Nm3"),)),
        ("L", "kg", {"density": 0.84, "density_unit": "kg/L"}, 0.84, (("density", 0.84, "kg/L"),)),
        ("L", "MJ", {"ncv": 42.652, "ncv_unit": "MJ/kg", "density": 0.84, "density_unit": "kg/L"},
         0.84 * 42.652, (("density", 0.84, "kg/L"), ("ncv", 42.652, "MJ/kg"))),
        ("kWh", "MJ", {"ncv": 42.652, "ncv_unit": "MJ/kg"}, 3.6, ()),  # same dimension: the NCV is not used
    ],
)
def test_stated_ncv_and_density_bridge_dimensions(from_unit, to_unit, conversion, coefficient, steps):
    path = units.conversion_path(from_unit, to_unit, **conversion)
    assert path.coefficient == pytest.approx(coefficient, rel=1e-12)
    assert path.steps == steps


@pytest.mark.parametrize(
    ("from_unit", "to_unit", "conversion"),
    [
        ("kg", "MJ", {}),
        ("L", "MJ", {"ncv": 42.652, "ncv_unit": "MJ/kg"}),  # volume needs a density first
        ("kg", "MJ", {"density": 0.84, "density_unit": "kg/L"}),
        ("kWh", "kg", {}),
        ("tkm", "kg", {}),
        ("piece", "kWh", {}),
        ("kg", "piece", {}),
    ],
)
def test_no_stated_conversion_raises_unit_mismatch(from_unit, to_unit, conversion):
    with pytest.raises(UnitMismatch):
        units.conversion_path(from_unit, to_unit, **conversion, factor_id="f1")


def test_unit_mismatch_message_names_both_units_and_the_fix_in_both_languages():
    with pytest.raises(UnitMismatch) as caught:
        units.conversion_path("kg", "MJ", factor_id="fuel_diesel_cn_default")
    en, zh = caught.value.message("en"), caught.value.message("zh")
    assert "'kg'" in en and "'MJ'" in en and "fuel_diesel_cn_default" in en and "net calorific value" in en
    assert "“kg”" in zh and "每MJ" in zh and "低位发热量" in zh
    assert str(caught.value) == en


@pytest.mark.parametrize("name", ["flurb", "", "kWh/h", "吨吨", None, "percent", "degC", "1kg", "kg**99",
                                  "__import__('os')", "x" * 50])
def test_unknown_units_raise_with_suggestions(name):
    with pytest.raises(UnknownUnit) as caught:
        units.canonical_unit(name)
    assert caught.value.params["choices"]


@pytest.mark.parametrize(("name", "suggested"), [("kgg", "kg"), ("kwhh", "kWh"), ("tkmm", "tkm"), ("Gwhh", "GWh")])
def test_an_unknown_unit_suggests_the_closest_known_ones(name, suggested):
    with pytest.raises(UnknownUnit) as caught:
        units.canonical_unit(name)
    assert suggested in caught.value.params["choices"].split(", ")


@pytest.mark.parametrize(("name", "choices"), [("ton", "t, short_ton, long_ton"), ("gallon", "US_gallon, imperial_gallon")])
def test_ambiguous_units_are_refused_with_the_choices(name, choices):
    with pytest.raises(UnknownUnit) as caught:
        units.canonical_unit(name)
    assert caught.value.params["choices"] == choices


def test_unknown_unit_message_in_both_languages():
    with pytest.raises(UnknownUnit) as caught:
        units.canonical_unit("kgg")
    assert caught.value.message("en").startswith("Unknown unit 'kgg'. Closest known units: kg")
    assert caught.value.message("zh").startswith("未知单位“kgg”。最接近的已知单位：kg")


def test_unknown_unit_on_a_line_is_a_validation_error():
    with pytest.raises(pydantic.ValidationError, match="flurb"):
        ActivityLine(data_source="primary_measured", stage="use", activity="x", amount=1, unit="flurb",
                     factor_ref="electricity.cn.national")


@pytest.mark.parametrize(("name", "stored", "kg_per_unit_or_si"), [
    ("GWh", "gigawatt_hour", ("kWh", 1e6)), ("TJ", "terajoule", ("MJ", 1e6)), ("lb", "pound", ("kg", 0.45359237)),
    ("short ton", "short_ton", ("kg", 907.18474)), ("US gallon", "US_gallon", ("L", 3.785411784)),
    ("therm", "therm", ("MJ", 105.5)), ("t*mi", "metric_ton * mile", ("tkm", 1.609344)),
    ("磅", "pound", ("kg", 0.45359237)), ("kilowatt_hour", "kWh", ("kWh", 1.0)), ("m²", "m2", ("m2", 1.0)),
    ("平方米", "m2", ("m2", 1.0)), ("公吨·公里", "tkm", ("tkm", 1.0)),
])
def test_any_pint_unit_is_accepted_and_stored_under_a_name_that_reads_back(name, stored, kg_per_unit_or_si):
    assert units.canonical_unit(name) == stored
    assert units.canonical_unit(stored) == stored  # idempotent: a stored line reads back identically
    si, factor = kg_per_unit_or_si
    assert units.convert(1.0, stored, si) == pytest.approx(factor, rel=1e-3)


def test_dimensions_and_compatible_units():
    assert units.dimension_of("度") == "energy"
    assert units.dimension_of("t·km") == "freight"
    assert units.dimension_of("台") == "count"
    assert units.compatible_units("kWh") == ["kWh", "MWh", "Wh", "GJ", "MJ", "kJ"]
    assert units.compatible_units("kg") == ["kg", "g", "t"]
    assert units.compatible_units("tkm") == ["tkm", "kgkm"]
    assert units.compatible_units("piece") == ["piece"]


@pytest.mark.parametrize(("text", "expected"),
                         [("MJ/kg", "MJ/kg"), ("mj/公斤", "MJ/kg"), ("兆焦/标方", "MJ/Nm3")])
def test_ratio_units_are_canonicalised(text, expected):
    assert units.check_ratio_unit(text) == expected


def test_ratio_unit_without_slash_is_rejected():
    with pytest.raises(UnknownUnit):
        units.check_ratio_unit("MJ")
