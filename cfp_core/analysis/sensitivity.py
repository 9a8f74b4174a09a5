"""Sensitivity of a footprint to its factors, the electricity-factor vintage and the allocation choice.

ISO 14067:2018 6.6 / clause 7 ask how much the result depends on the choices behind it. Three checks,
each computed from the lines themselves (a line's result is linear in its factor, so changing one
factor value by a ratio changes that line's result by the same ratio; nothing is re-estimated):

* **factor ±x %** (default 10 %): one line's factor at a time, giving the total at −x % and at +x %
  (a tornado table, largest swing first), and the range of the total with every factor at ±x %;
* **electricity vintage**: every electricity line whose factor is in the factor library is valued
  with the factor of the same key and family from each other vintage the library holds
  (``cn_elec_cfp_national_2024`` → ``cn_elec_cfp_national_2023``); a line whose key has no factor of
  that vintage keeps its own and is named;
* **allocation**: whether the study allocates (a stated allocation rule, or lines written by the
  allocation helper) and, if so, whether another basis can be recomputed from the data. The plant
  totals and co-product outputs an allocation was made from are not part of a disclosure, so the
  answer is either "not applicable" or "not recomputable", with the allocated lines named.

Pure and exact: no rounding (``math.fsum`` for sums); format with ``cfp_core.numbers`` to display.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Literal, Protocol

from cfp_core.factors import EmissionFactor, FactorFamily
from cfp_core.library import reference_factors
from cfp_core.models import Frozen

DEFAULT_STEP = 0.10
ELECTRICITY_FAMILIES = frozenset({FactorFamily.ELECTRICITY_CFP, FactorFamily.ELECTRICITY_CO2_ORG})
ALLOCATION_TAG = "[allocation "  # written into a line's note by ``editor.allocation``


class LineLike(Protocol):
    """What the checks read from a line (``DisclosedLine`` and ``LineResult`` both qualify)."""

    line_no: int
    activity: str
    kg_co2e: float
    factor_id: str
    factor_value: float


class FactorSwing(Frozen):
    """The total with one line's factor at −x % and at +x %."""

    line_no: int
    activity: str
    kg_co2e: float
    low_total: float
    high_total: float
    swing: float  # high_total − low_total = 2 · x · kg_co2e
    share: float  # swing / total: how far the total moves across the band (0–1)


class VintageCase(Frozen):
    """The total with the electricity lines valued under the factors of another vintage."""

    vintage: int
    total_kg_co2e: float
    delta: float  # total under this vintage − the study's total
    change: float  # delta / the study's total
    replaced: tuple[tuple[int, str, float], ...]  # (line_no, factor_id, value) used instead
    kept: tuple[int, ...] = ()  # electricity lines whose key has no factor of this vintage


class AllocationCheck(Frozen):
    """Whether the allocation choice can be varied with the data at hand."""

    status: Literal["not_applicable", "not_recomputable"]
    rule: str = ""
    lines: tuple[int, ...] = ()  # lines written by the allocation helper


class Sensitivity(Frozen):
    """The three sensitivity checks of one footprint (kgCO2e per declared unit)."""

    step: float
    total_kg_co2e: float
    swings: tuple[FactorSwing, ...]  # largest swing first
    low_total: float  # every factor at −step
    high_total: float  # every factor at +step
    electricity_lines: tuple[int, ...] = ()
    vintage_base: tuple[int, ...] = ()  # the vintages the study's electricity factors have
    vintages: tuple[VintageCase, ...] = ()  # one per other vintage in the library, oldest first
    electricity_outside_library: tuple[int, ...] = ()  # electricity lines whose factor the library lacks
    allocation: AllocationCheck


def factor_swings(lines: Sequence[LineLike], total: float, step: float = DEFAULT_STEP) -> tuple[FactorSwing, ...]:
    """Return each line's factor at ±``step``: the total at both ends, largest swing first (then line order).

    Raises ``ValueError`` for a step outside (0, 1).
    """
    if not 0 < step < 1:
        raise ValueError(f"sensitivity step must be between 0 and 1: {step}")
    swings = [FactorSwing(line_no=x.line_no, activity=x.activity, kg_co2e=x.kg_co2e,
                          low_total=total - step * x.kg_co2e, high_total=total + step * x.kg_co2e,
                          swing=2 * step * x.kg_co2e, share=2 * step * x.kg_co2e / total if total else 0.0)
              for x in lines]
    return tuple(sorted(swings, key=lambda s: (-s.swing, s.line_no)))


def electricity_factors(lines: Sequence[LineLike], library: Mapping[str, EmissionFactor]
                        ) -> tuple[dict[int, EmissionFactor], tuple[int, ...]]:
    """Return {line_no: library factor} of the electricity lines, and the electricity lines the library lacks.

    A line is an electricity line if its factor is an electricity factor of the library, or if it is
    valued per kWh (a factor of its own, which the library cannot vary).
    """
    found, outside = {}, []
    for line in lines:
        factor = library.get(line.factor_id)
        if factor is not None and factor.family in ELECTRICITY_FAMILIES:
            found[line.line_no] = factor
        elif factor is None and _per_kwh(line):
            outside.append(line.line_no)
    return found, tuple(outside)


def _per_kwh(line: LineLike) -> bool:
    unit = getattr(line, "factor_unit", "")
    return unit.rsplit("/", 1)[-1] in {"kWh", "MWh"}


def vintage_cases(lines: Sequence[LineLike], total: float, library: Mapping[str, EmissionFactor]
                  ) -> tuple[VintageCase, ...]:
    """Return the total under every other vintage of the electricity factors the library holds, oldest first."""
    electric, _ = electricity_factors(lines, library)
    if not electric:
        return ()
    by_key: dict[tuple[str, str, str], dict[int, EmissionFactor]] = {}
    for factor in library.values():
        if factor.vintage is not None:
            by_key.setdefault((factor.key, factor.family.value, factor.unit), {})[factor.vintage] = factor
    own = {f.vintage for f in electric.values()}
    others = sorted({v for f in electric.values() for v in by_key.get(_key(f), {})} - own)
    cases = []
    for vintage in others:
        replaced, kept, deltas = [], [], []
        for line in lines:
            factor = electric.get(line.line_no)
            if factor is None:
                continue
            other = by_key.get(_key(factor), {}).get(vintage)
            if other is None or not line.factor_value:
                kept.append(line.line_no)
                continue
            replaced.append((line.line_no, other.factor_id, other.value))
            deltas.append(line.kg_co2e * other.value / line.factor_value - line.kg_co2e)
        delta = math.fsum(deltas)
        cases.append(VintageCase(vintage=vintage, total_kg_co2e=total + delta, delta=delta,
                                 change=delta / total if total else 0.0, replaced=tuple(replaced), kept=tuple(kept)))
    return tuple(cases)


def _key(factor: EmissionFactor) -> tuple[str, str, str]:
    return factor.key, factor.family.value, factor.unit


def allocation_check(rule: str, notes: Iterable[tuple[int, str]]) -> AllocationCheck:
    """Return whether the study allocates (a stated rule or helper-written lines) and so cannot vary it here."""
    allocated = tuple(no for no, note in notes if ALLOCATION_TAG in note)
    if not rule.strip() and not allocated:
        return AllocationCheck(status="not_applicable")
    return AllocationCheck(status="not_recomputable", rule=rule.strip(), lines=allocated)


def sensitivity(lines: Sequence[LineLike], total: float, allocation_rule: str = "", step: float = DEFAULT_STEP,
                library: Mapping[str, EmissionFactor] | None = None) -> Sensitivity:
    """Return the factor, electricity-vintage and allocation sensitivity of a footprint.

    ``library`` is the factor library to take other vintages from (default: the shipped reference
    factors). Raises ``ValueError`` for a step outside (0, 1).
    """
    library = reference_factors() if library is None else library
    swings = factor_swings(lines, total, step)
    electric, outside = electricity_factors(lines, library)
    kg_sum = math.fsum(x.kg_co2e for x in lines)
    return Sensitivity(
        step=step, total_kg_co2e=total, swings=swings,
        low_total=total - step * kg_sum, high_total=total + step * kg_sum,
        electricity_lines=tuple(sorted(electric)), electricity_outside_library=outside,
        vintage_base=tuple(sorted({f.vintage for f in electric.values() if f.vintage is not None})),
        vintages=vintage_cases(lines, total, library),
        allocation=allocation_check(allocation_rule, ((x.line_no, getattr(x, "note", "")) for x in lines)),
    )
