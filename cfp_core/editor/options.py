"""Option lists and readable labels for the inventory editor (stage, unit, factor, data source).

A factor is shown as "name vintage · value kgGAS/unit" ("全国电力平均碳足迹因子 2024 · 0.5777
kgCO2e/kWh") and maps back to its key; factor choices can be narrowed to those usable with a
unit (``units.conversion_path`` succeeds, NCV- or density-based conversions included).
"""

from __future__ import annotations

from collections.abc import Sequence

from cfp_core import units
from cfp_core.errors import CfpError
from cfp_core.factors import EmissionFactor, FactorSet
from cfp_core.i18n import t
from cfp_core.models import STAGES, ActivityLine, CustomFactor, DataSourceType


def stage_options(lang: str) -> list[str]:
    """Return the localized stage labels in report order (SelectboxColumn options)."""
    return [t(f"stage.{s.value}", lang) for s in STAGES]


def unit_options() -> list[str]:
    """Return the canonical unit symbols (SelectboxColumn options)."""
    return list(units.UNITS)


def unit_label(unit: str, lang: str) -> str:
    """Return how a canonical unit is shown: "kWh" in English, "kWh（千瓦时）" in Chinese, "台" for piece.

    A unit outside ``units.UNITS`` (a pint unit such as "pound") is shown as stored.
    """
    if unit not in units.UNITS:
        return unit
    english, chinese = t(f"unit.{unit}", "en"), t(f"unit.{unit}", "zh")
    if lang == "en":
        return english
    return chinese if unit == "piece" else f"{english}（{chinese}）"


def data_source_options(lang: str) -> list[str]:
    """Return the localized data-source labels (SelectboxColumn options)."""
    return [t(f"source.{s.value}", lang) for s in DataSourceType]


def factor_label(factor: EmissionFactor, lang: str) -> str:
    """Return "name vintage · value kgGAS/unit", e.g. "全国电力平均碳足迹因子 2024 · 0.5777 kgCO2e/kWh"."""
    name = factor.name_en if lang == "en" and factor.name_en else factor.name_zh
    vintage = f" {factor.vintage}" if factor.vintage else ""
    boundary = f" · {t(f'factor_boundary.{factor.boundary.value}', lang)}" if factor.boundary else ""
    return f"{name}{vintage} · {factor.value:.4g} kg{factor.gas}/{factor.unit}{boundary}"


def custom_factor_label(custom: CustomFactor, lang: str) -> str:
    """Return the label of a factor given on the line itself."""
    return t("products.factor.custom", lang, source=custom.source, value=f"{custom.value:.4g}",
             gas=custom.gas, unit=custom.unit)


def factor_choices(factor_set: FactorSet, lang: str, base_lines: Sequence[ActivityLine] = ()) -> dict:
    """Return ``{label: factor key or CustomFactor}`` for the set plus custom factors of ``base_lines``."""
    choices: dict[str, str | CustomFactor] = {}
    for factor in factor_set.factors:
        label = factor_label(factor, lang)
        choices[label if label not in choices else f"{label} ({factor.key})"] = factor.key
    for line in base_lines:
        if line.custom_factor is not None:
            choices[custom_factor_label(line.custom_factor, lang)] = line.custom_factor
    return choices


def factor_options(factor_set: FactorSet, lang: str, unit: str | None = None,
                   base_lines: Sequence[ActivityLine] = ()) -> list[str]:
    """Return factor labels, only those usable with ``unit`` when given (NCV/density conversions count)."""
    by_key = factor_set.by_key()
    return [label for label, ref in factor_choices(factor_set, lang, base_lines).items()
            if unit is None or factor_fits(unit, by_key[ref] if isinstance(ref, str) else ref)]


def factor_fits(unit: str, factor: EmissionFactor | CustomFactor) -> bool:
    """Return True if an amount in ``unit`` converts into ``factor``'s unit (stated NCV/density included)."""
    extra = {"ncv": factor.ncv, "ncv_unit": factor.ncv_unit} if isinstance(factor, CustomFactor) else {
        "ncv": factor.ncv, "ncv_unit": factor.ncv_unit, "density": factor.density, "density_unit": factor.density_unit}
    try:
        units.conversion_path(unit, factor.unit, **extra)
    except CfpError:
        return False
    return True
