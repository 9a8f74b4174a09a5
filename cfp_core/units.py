"""The one pint registry of the package, and conversion of activity amounts into factor units.

Only the units in ``UNITS`` are accepted (user text never reaches pint's parser).
A conversion between different dimensions is possible only through a conversion the
factor states: its net calorific value (NCV, e.g. 42.652 MJ/kg for diesel) or its
density (kg/L). Otherwise ``UnitMismatch`` is raised. Conversions are cached by their
inputs; ``conversion_path`` returns the coefficient and the steps taken, so a result
can explain itself.
"""

from __future__ import annotations

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
    "tkm": "tonne * kilometer",
    "kgkm": "kilogram * kilometer",
    "piece": "piece",
}

_ALIASES = {
    "kwh": "kWh", "kw·h": "kWh", "kw.h": "kWh", "千瓦时": "kWh", "度": "kWh",
    "mwh": "MWh", "兆瓦时": "MWh", "wh": "Wh", "瓦时": "Wh",
    "gj": "GJ", "吉焦": "GJ", "mj": "MJ", "兆焦": "MJ", "kj": "kJ", "千焦": "kJ",
    "kg": "kg", "kgs": "kg", "千克": "kg", "公斤": "kg", "g": "g", "克": "g",
    "t": "t", "tonne": "t", "tonnes": "t", "吨": "t",
    "l": "L", "liter": "L", "litre": "L", "升": "L",
    "m3": "m3", "m³": "m3", "立方米": "m3", "方": "m3",
    "nm3": "Nm3", "nm³": "Nm3", "标方": "Nm3", "标准立方米": "Nm3",
    "tkm": "tkm", "t·km": "tkm", "t.km": "tkm", "t*km": "tkm", "t km": "tkm", "吨公里": "tkm",
    "kgkm": "kgkm", "kg·km": "kgkm", "kg.km": "kgkm", "千克公里": "kgkm",
    "piece": "piece", "pieces": "piece", "pc": "piece", "pcs": "piece", "unit": "piece",
    "台": "piece", "个": "piece", "件": "piece", "套": "piece",
}


def canonical_unit(name: str, where: str = "") -> str:
    """Return the canonical symbol for a unit name or alias ("KWH", "度", "t·km").

    Raises ``UnknownUnit`` naming the unit and the accepted choices.
    """
    text = str(name).strip() if name is not None else ""
    if text in UNITS:
        return text
    found = _ALIASES.get(text.lower())
    if found is None:
        raise UnknownUnit(unit=text, where=where, choices=", ".join(UNITS))
    return found


def check_known_unit(name: str) -> str:
    """Pydantic ``AfterValidator``: return the canonical unit or raise ``UnknownUnit``."""
    return canonical_unit(name)


def dimension_of(unit: str) -> str:
    """Return a stable name of the unit's physical dimension ("energy", "mass", …)."""
    dims = registry.parse_units(UNITS[canonical_unit(unit)]).dimensionality
    for name, probe in _DIMENSIONS.items():
        if dims == probe:
            return name
    return str(dims)


def compatible_units(unit: str) -> list[str]:
    """Return the canonical units with the same dimension as ``unit``."""
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
    start = registry.Quantity(1.0, UNITS[a])
    target = registry.parse_units(UNITS[b])
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
    return f"({UNITS[canonical_unit(top)]}) / ({UNITS[canonical_unit(bottom)]})"


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
}
