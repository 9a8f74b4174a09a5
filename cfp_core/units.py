"""The one pint registry of the package, and conversion of activity amounts into factor units.

A unit is accepted in three ways: a symbol of ``UNITS`` (the units with zh/en labels), one of their
aliases (Chinese included: 度, 吨公里, 公斤, 台 …), or any multiplicative unit pint knows (SI prefixes,
imperial and US units: ``GWh``, ``TJ``, ``lb``, ``short_ton``, ``US gallon``, ``mile``, ``therm``,
``t*mi``). A pint unit is stored under pint's own name (``pound``, ``short_ton``), so it reads back
identically; one that equals a ``UNITS`` symbol is stored as that symbol (``kilowatt_hour`` → ``kWh``).
User text reaches pint's parser only after a strict character check, and ambiguous names (``ton``,
``gallon``) are refused with the choices. An unknown unit's message suggests the closest known ones.

A conversion between different dimensions is possible only through a conversion the factor states:
its net calorific value (NCV, e.g. 42.652 MJ/kg for diesel) or its density (kg/L). Otherwise
``UnitMismatch`` is raised. Conversions are cached by their inputs; ``conversion_path`` returns the
coefficient and the steps taken, so a result can explain itself.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache

import pint

from cfp_core.errors import UnitMismatch, UnknownUnit

registry = pint.UnitRegistry()
registry.define("piece = [piece]")
registry.define("normal_cubic_meter = meter ** 3")

# canonical symbol -> pint expression
UNITS: dict[str, str] = {
    "kWh": "kilowatt_hour",
    "MWh": "megawatt_hour",
    "Wh": "watt_hour",
    "GJ": "gigajoule",
    "MJ": "megajoule",
    "kJ": "kilojoule",
    "kg": "kilogram",
    "g": "gram",
    "t": "tonne",
    "L": "liter",
    "m3": "meter ** 3",
    "Nm3": "normal_cubic_meter",
    "m2": "meter ** 2",
    "tkm": "tonne * kilometer",
    "kgkm": "kilogram * kilometer",
    "piece": "piece",
}

_ALIASES = {
    "kwh": "kWh", "kw·h": "kWh", "kw.h": "kWh", "千瓦时": "kWh", "度": "kWh",
    "mwh": "MWh", "兆瓦时": "MWh", "wh": "Wh", "瓦时": "Wh",
    "gj": "GJ", "吉焦": "GJ", "mj": "MJ", "兆焦": "MJ", "kj": "kJ", "千焦": "kJ",
    "kg": "kg", "kgs": "kg", "千克": "kg", "公斤": "kg", "g": "g", "克": "g",
    "t": "t", "tonne": "t", "tonnes": "t", "吨": "t", "公吨": "t", "metric ton": "t", "metric_ton": "t",
    "l": "L", "liter": "L", "litre": "L", "升": "L",
    "m3": "m3", "m³": "m3", "立方米": "m3", "方": "m3",
    "nm3": "Nm3", "nm³": "Nm3", "标方": "Nm3", "标准立方米": "Nm3",
    "m2": "m2", "m²": "m2", "平方米": "m2", "sqm": "m2",
    "tkm": "tkm", "t·km": "tkm", "t.km": "tkm", "t*km": "tkm", "t km": "tkm", "吨公里": "tkm", "吨·公里": "tkm",
    "公吨·公里": "tkm", "公吨公里": "tkm",
    "kgkm": "kgkm", "kg·km": "kgkm", "kg.km": "kgkm", "千克公里": "kgkm",
    "piece": "piece", "pieces": "piece", "pc": "piece", "pcs": "piece", "unit": "piece",
    "台": "piece", "个": "piece", "件": "piece", "套": "piece",
    # other languages' names for pint units
    "太焦": "TJ", "吉瓦时": "GWh", "磅": "lb", "英里": "mile", "加仑": "US_gallon", "美制加仑": "US_gallon",
    "英制加仑": "imperial_gallon", "短吨": "short_ton", "长吨": "long_ton", "千卡": "kilocalorie", "克卡": "calorie",
    "us gallon": "US_gallon", "us gal": "US_gallon", "usgal": "US_gallon", "imperial gallon": "imperial_gallon",
    "short ton": "short_ton", "long ton": "long_ton", "ton-mile": "short_ton * mile", "ton mile": "short_ton * mile",
    "t·mile": "tonne * mile", "tmi": "tonne * mile",
}
registry.define("US_gallon = gallon")
_AMBIGUOUS = {"ton": "t, short_ton, long_ton", "tons": "t, short_ton, long_ton",
              "gallon": "US_gallon, imperial_gallon", "gallons": "US_gallon, imperial_gallon",
              "gal": "US_gallon, imperial_gallon", "吨位": "t"}
_SAFE = re.compile(r"^[A-Za-z_ ·.*/^²³0-9()\-]{1,40}$")
_PINT_NAMES = ("GWh", "TWh", "TJ", "PJ", "kcal", "Mcal", "therm", "Btu", "MMBtu", "lb", "oz", "short_ton",
               "long_ton", "US_gallon", "imperial_gallon", "barrel", "mile", "km", "ft3", "mt", "kt")
_MAX_POWER = 4


def _pint_expr(unit: str) -> str:
    return UNITS.get(unit, unit)


@lru_cache(maxsize=1024)
def _by_pint_name() -> dict[str, str]:
    return {str(registry.parse_units(expr)): symbol for symbol, expr in UNITS.items()}


def canonical_unit(name: str, where: str = "") -> str:
    """Return the canonical form of a unit name, alias or pint unit ("KWH", "度", "t·km", "lb", "GWh").

    Raises ``UnknownUnit`` naming the unit, the closest known units and the accepted symbols.
    """
    text = str(name).strip() if name is not None else ""
    if text in UNITS:
        return text
    found = _ALIASES.get(text.lower()) or _ALIASES.get(text)
    if found in UNITS:
        return found
    return _pint_unit(found or text, text, where)


@lru_cache(maxsize=4096)
def _pint_unit(expr: str, text: str, where: str) -> str:
    if text.lower() in _AMBIGUOUS:
        raise UnknownUnit(unit=text, where=where, choices=_AMBIGUOUS[text.lower()])
    unit = _parse(expr)
    if unit is None:
        raise UnknownUnit(unit=text, where=where, choices=", ".join(_suggest(text)) or ", ".join(UNITS))
    name = re.sub(r"\bgallon\b", "US_gallon", re.sub(r"\bton\b", "short_ton", str(unit)))
    return _by_pint_name().get(name, name)


def _parse(expr: str):
    cleaned = expr.replace("·", "*").replace("²", "**2").replace("³", "**3").replace("^", "**")
    if not cleaned or not _SAFE.match(expr) or re.search(r"\d\s*[A-Za-z]|\*\*\s*\d{2,}", cleaned):
        return None
    if re.search(r"[A-Za-z] +[A-Za-z]", cleaned):
        cleaned = re.sub(r"(?<=[A-Za-z]) +(?=[A-Za-z])", "_", cleaned)
    try:
        unit = registry.parse_units(cleaned)
    except (pint.errors.PintError, AttributeError, TypeError, ValueError, SyntaxError, KeyError, AssertionError):
        return None
    if unit.dimensionless or not registry.Quantity(1, unit)._is_multiplicative:
        return None
    if any(abs(power) > _MAX_POWER for power in unit.dimensionality.values()):
        return None
    return unit if unit.dimensionality in _DIMENSIONS.values() else None  # a kind some factor can be per


def _suggest(text: str) -> list[str]:
    words = [*UNITS, *_PINT_NAMES, *(a for a in _ALIASES if not a.isascii())]
    by_lower = {w.lower(): w for w in words}
    close = difflib.get_close_matches(text.lower(), list(by_lower), n=4, cutoff=0.5)
    return [by_lower[w] for w in close]


def check_known_unit(name: str) -> str:
    """Pydantic ``AfterValidator``: return the canonical unit or raise ``UnknownUnit``."""
    return canonical_unit(name)


def dimension_of(unit: str) -> str:
    """Return a stable name of the unit's physical dimension ("energy", "mass", …)."""
    dims = registry.parse_units(_pint_expr(canonical_unit(unit))).dimensionality
    for name, probe in _DIMENSIONS.items():
        if dims == probe:
            return name
    return str(dims)


def compatible_units(unit: str) -> list[str]:
    """Return the ``UNITS`` symbols with the same dimension as ``unit``."""
    dim = dimension_of(unit)
    return [u for u in UNITS if dimension_of(u) == dim]


def convert(amount: float, from_unit: str, to_unit: str) -> float:
    """Convert ``amount`` between two units of the same dimension.

    Raises ``UnitMismatch`` if the dimensions differ.
    """
    return amount * conversion_path(from_unit, to_unit).coefficient


@dataclass(frozen=True)
class ConversionPath:
    """How one unit of the line's unit becomes factor units: ``coefficient`` and ``steps``."""

    coefficient: float
    steps: tuple[tuple[str, float, str], ...] = ()  # ("ncv"|"density", value, unit)


def conversion_path(
    line_unit: str,
    factor_unit: str,
    ncv: float | None = None,
    ncv_unit: str | None = None,
    density: float | None = None,
    density_unit: str | None = None,
    factor_id: str = "",
    where: str = "",
) -> ConversionPath:
    """Return how to turn one ``line_unit`` into ``factor_unit``, using a stated NCV or density if needed.

    Raises ``UnitMismatch`` naming both units and the fix if no stated conversion applies.
    """
    a, b = canonical_unit(line_unit, where), canonical_unit(factor_unit, where)
    path = _path(a, b, ncv, ncv_unit, density, density_unit)
    if path is None:
        raise UnitMismatch(line_unit=a, factor_unit=b, factor_id=factor_id, where=where)
    return path


@lru_cache(maxsize=4096)
def _path(a, b, ncv, ncv_unit, density, density_unit) -> ConversionPath | None:
    start = registry.Quantity(1.0, _pint_expr(a))
    target = registry.parse_units(_pint_expr(b))
    options: list[tuple[tuple[str, float, str], ...]] = [()]
    if density is not None and density_unit:
        options.append((("density", density, density_unit),))
    if ncv is not None and ncv_unit:
        options.append((("ncv", ncv, ncv_unit),))
        if density is not None and density_unit:
            options.append((("density", density, density_unit), ("ncv", ncv, ncv_unit)))
    for steps in options:
        quantity = start
        for _, value, ratio_unit in steps:
            quantity = quantity * registry.Quantity(value, _ratio_units(ratio_unit))
        if quantity.dimensionality == target.dimensionality:
            return ConversionPath(float(quantity.to(target).magnitude), steps)
    return None


def _ratio_units(text: str) -> str:
    """"MJ/kg" -> "megajoule / kilogram" through the whitelist."""
    top, _, bottom = str(text).partition("/")
    return f"({_pint_expr(canonical_unit(top))}) / ({_pint_expr(canonical_unit(bottom))})"


def check_ratio_unit(text: str) -> str:
    """Validate a ratio unit such as "MJ/kg" or "kg/L"; return it in canonical form."""
    top, sep, bottom = str(text).partition("/")
    if not sep:
        raise UnknownUnit(unit=text, where="", choices="MJ/kg, MJ/Nm3, kg/L")
    return f"{canonical_unit(top)}/{canonical_unit(bottom)}"


_DIMENSIONS = {
    "energy": registry.parse_units("joule").dimensionality,
    "mass": registry.parse_units("kilogram").dimensionality,
    "volume": registry.parse_units("liter").dimensionality,
    "freight": registry.parse_units("tonne * kilometer").dimensionality,
    "count": registry.parse_units("piece").dimensionality,
    "area": registry.parse_units("meter ** 2").dimensionality,
    "distance": registry.parse_units("kilometer").dimensionality,
    "count_distance": registry.parse_units("piece * kilometer").dimensionality,  # vehicle·km, passenger·km
}
