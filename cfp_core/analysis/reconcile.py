"""Reconcile a report's declared figures with a recomputation from its printed quantities.

A CFP report prints rounded quantities, rounded factors and rounded results. For every
declared line result, stage result and total this module recomputes the figure from
what the report prints and names the likely cause of any difference:

* ``rounded_activity`` – the result was computed from an unrounded quantity that the
  report prints rounded (the result implies a quantity inside the printed rounding band);
* ``unit_slip`` – multiplying the printed quantity by the printed factor is off by the
  factor's unit conversion (e.g. "0.0726" is kgCO2 per MJ, not per kg: the ratio is the NCV);
* ``arithmetic`` – the figure does not recompute from its printed quantities at all;
* ``sum_mismatch`` – printed parts do not add up to the printed whole;
* ``match`` – recomputes within ``MATCH_TOLERANCE``.

"Printed chain" = printed quantity × printed factor through the factor's stated conversion
(NCV, density); "exact chain" = the same with the unrounded factor of the set.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from sqlite_utils import Database

from cfp_core import store
from cfp_core.analysis.declared import DeclaredFigures
from cfp_core.analysis.explain import explain_line
from cfp_core.analysis.findings import (
    KIND_ICONS,
    Finding,
    Reconciliation,
    reconciliation_columns,
    reconciliation_frame,
)
from cfp_core.calculate import LineResult, calculate_footprint
from cfp_core.factors import FactorSet, GwpSet
from cfp_core.library import gwp_sets
from cfp_core.models import STAGES, ActivityLine, Inventory, LifecycleStage
from cfp_core.numbers import decimals_of, factor_number, plain

MATCH_TOLERANCE = 0.00005  # kgCO2e: half a unit in the 4th decimal, the precision reports print
UNIT_SLIP_RATIO_TOLERANCE = 0.01  # declared / naive product within 1 % of the unit conversion
_EPS = 1e-9  # float noise allowance on top of the tolerances
MAX_IMPLIED_DECIMALS = 6  # an implied quantity is shown to 3 more decimals than printed, at most 6

@dataclass(frozen=True)
class _Term:
    """One line in a recomputation: printed amount, its rounding half-step and per-unit factors."""

    result: LineResult
    amount: float
    half_step: float
    printed_factor: float
    k_printed: float  # kgCO2e per line unit through the printed factor
    k_exact: float  # kgCO2e per line unit through the set's unrounded factor

    def formula(self) -> str:
        """Return "4.5851 kg × 0.0726 × 42.652": printed amount × printed factor × conversion (× GWP)."""
        steps = "".join(f" × {plain(v, 3)}" for _, v, _ in self.result.conversion_steps)
        gwp = f" × {plain(self.result.gwp)}" if self.result.gwp != 1.0 else ""
        return f"{plain(self.amount)} {self.result.unit} × {factor_number(self.printed_factor)}{steps}{gwp}"


def _term(line: ActivityLine, result: LineResult, printed_factor: float | None) -> _Term:
    amount = line.amount if line.printed_amount is None else line.printed_amount
    factor = result.factor_value if printed_factor is None else printed_factor
    per_unit = result.coefficient * result.gwp
    return _Term(result, amount, 0.5 * 10.0 ** -decimals_of(amount), factor,
                 per_unit * factor, per_unit * result.factor_value)


def _close(a: float, b: float, tol: float = MATCH_TOLERANCE) -> bool:
    return abs(a - b) <= tol + _EPS


def _base(scope: str, stage, line_no, activity: str = "") -> dict:
    return {"scope": scope, "stage": LifecycleStage(stage) if stage else None, "line_no": line_no,
            "params": {"activity": activity} if activity else {}}


def _compare(declared: float, fixed: float, terms: list[_Term], where: dict, tol: float = MATCH_TOLERANCE,
             parts_tol: float = 0.0) -> Finding:
    """Recompute ``fixed`` + Σ terms and classify the difference from ``declared``."""
    printed = fixed + math.fsum(x.amount * x.k_printed for x in terms)
    exact = fixed + math.fsum(x.amount * x.k_exact for x in terms)
    formula = " + ".join([x.formula() for x in terms] + ([f"{fixed:.4f}"] if fixed and terms else []))
    params = where["params"] | {"declared": declared, "printed": printed, "exact": exact, "formula": formula}
    common = {k: v for k, v in where.items() if k != "params"}
    if not terms:
        count = len(where["params"].get("lines", [])) or 1
        return _sum_finding(declared, fixed, common, params | {"sum": fixed, "parts": "lines"}, count, tol, parts_tol)
    best = printed if _close(declared, printed, tol) or not _close(declared, exact, tol) else exact
    if _close(declared, best, tol):
        return Finding(kind="match", key="reconcile.match", declared=declared, recomputed=best,
                       difference=declared - best, **common, params=params | {"recomputed": best})
    low, high = _band(fixed, terms, "k_printed")
    if low - tol - _EPS <= declared <= high + tol + _EPS:
        return _rounded(declared, fixed, terms, common, params | {"low": low, "high": high}, tol)
    exact_low, exact_high = _band(fixed, terms, "k_exact")
    if exact_low - tol - _EPS <= declared <= exact_high + tol + _EPS:
        params |= {"hint_key": "reconcile.hint.edge", "exact_low": exact_low, "exact_high": exact_high}
    return Finding(kind="arithmetic", key="reconcile.arithmetic", declared=declared, recomputed=printed,
                   difference=declared - printed, **common, params=params)


def _band(fixed: float, terms: list[_Term], attr: str) -> tuple[float, float]:
    low = fixed + math.fsum((x.amount - x.half_step) * getattr(x, attr) for x in terms)
    high = fixed + math.fsum((x.amount + x.half_step) * getattr(x, attr) for x in terms)
    return low, high


def _rounded(declared: float, fixed: float, terms: list[_Term], common: dict, params: dict, tol: float) -> Finding:
    printed = params["printed"]
    if len(terms) == 1:
        (x,) = terms
        params |= {
            "amount": x.amount, "unit": x.result.unit, "half_step": x.half_step,
            "implied": (declared - fixed) / x.k_printed,
            "implied_low": (declared - tol - fixed) / x.k_printed,
            "implied_high": (declared + tol - fixed) / x.k_printed,
            "implied_decimals": min(MAX_IMPLIED_DECIMALS, max(4, decimals_of(x.amount) + 3)),
        }
        key = "reconcile.rounded_activity.one"
    else:
        key = "reconcile.rounded_activity.many"
    return Finding(kind="rounded_activity", key=key, declared=declared, recomputed=printed,
                   difference=declared - printed, **common, params=params)


def _sum_finding(declared: float, parts_sum: float, common: dict, params: dict, count: int,
                 tol: float = MATCH_TOLERANCE, parts_tol: float | None = None) -> Finding:
    """Compare a declared whole with the sum of its declared parts (rounding allowance per part)."""
    allowance = tol + (count * MATCH_TOLERANCE if parts_tol is None else parts_tol)
    params = params | {"sum": parts_sum, "allowance": allowance}
    difference = declared - parts_sum
    if _close(declared, parts_sum, tol):
        kind, key = "match", "reconcile.match.sum"
    else:
        kind = "sum_mismatch"
        key = "reconcile.sum_mismatch.rounding" if abs(difference) <= allowance + _EPS else "reconcile.sum_mismatch.gap"
    return Finding(kind=kind, key=key, declared=declared, recomputed=parts_sum, difference=difference,
                   **common, params=params)


def _unit_slip(x: _Term, target: float, scope_of_target: str, line: ActivityLine) -> Finding | None:
    """Flag a printed per-MJ (per-L …) factor that only reproduces the figure after conversion."""
    r = x.result
    naive = x.amount * x.printed_factor * r.gwp
    if not r.conversion_steps or naive <= 0 or target <= 0:
        return None
    ratio = target / naive
    if abs(ratio / r.coefficient - 1.0) > UNIT_SLIP_RATIO_TOLERANCE:
        return None
    params = {"activity": line.activity, "amount": x.amount, "unit": r.unit, "factor": x.printed_factor,
              "factor_unit": r.factor_unit, "gas": r.gas, "naive": naive, "declared": target, "ratio": ratio,
              "steps": [list(step) for step in r.conversion_steps], "converted": x.amount * x.k_printed}
    return Finding(kind="unit_slip", scope="line", stage=r.stage, line_no=r.line_no, declared=target,
                   recomputed=naive, difference=target - naive, key=f"reconcile.unit_slip.{scope_of_target}",
                   params=params)


def reconcile_inventory(
    inventory: Inventory, factor_set: FactorSet, gwp_set: GwpSet, known_ids: dict[str, str] | None = None,
    declared: DeclaredFigures | None = None,
) -> Reconciliation:
    """Recompute every declared figure of ``inventory`` (or the user's ``declared``) and explain each difference.

    Lines with a declared result are checked first, then every declared stage, then the total. Each
    figure is checked at its own tolerance (``declared``: half a unit of its last printed digit; the
    inventory's own declared result: ``MATCH_TOLERANCE``). No declared figures give no findings.
    Raises ``FactorNotFound``, ``UnitMismatch`` or ``GwpMissing`` if the inventory cannot be valued.
    """
    figures = declared if declared is not None else _own_figures(inventory)
    if figures is None:
        return Reconciliation(model_code=inventory.model_code, period=inventory.period.label)
    footprint = calculate_footprint(inventory, factor_set, gwp_set, known_ids)
    terms = {r.line_no: _term(line, r, figures.printed_factors.get(r.line_no))
             for line, r in zip(inventory.lines, footprint.lines, strict=True)}
    lines = dict(enumerate(inventory.lines, start=1))
    results = figures.line_results
    findings: list[Finding] = []
    for no, x in terms.items():
        own = no in results
        target = results[no] if own else figures.stages.get(x.result.stage)
        if no in figures.printed_factors and target is not None:
            findings += [f for f in [_unit_slip(x, target[0], "line" if own else "stage", lines[no])] if f]
        if own:
            where = _base("line", x.result.stage, no, lines[no].activity)
            findings.append(_compare(results[no][0], 0.0, [x], where, results[no][1]))
    for stage in STAGES:
        if stage in figures.stages:
            findings.append(_stage_finding(stage, figures.stages[stage], terms, results))
    if figures.total is not None:
        findings.append(_total_finding(figures, terms))
    return Reconciliation(model_code=inventory.model_code, period=inventory.period.label, findings=tuple(findings))


def _own_figures(inventory: Inventory) -> DeclaredFigures | None:
    """The inventory's own declared result (the seed report's, 4 decimals) as figures at ``MATCH_TOLERANCE``."""
    own = inventory.declared
    if own is None:
        return None
    tol = MATCH_TOLERANCE
    return DeclaredFigures({no: (v, tol) for no, v in own.line_results.items()},
                           {s: (v, tol) for s, v in own.stages.items()},
                           None if own.total is None else (own.total, tol), dict(own.printed_factors))


def _stage_finding(stage: LifecycleStage, figure: tuple[float, float], terms: dict[int, _Term],
                   results: dict[int, tuple[float, float]]) -> Finding:
    in_stage = [no for no, x in terms.items() if x.result.stage == stage]
    fixed = math.fsum(results[no][0] for no in in_stage if no in results)
    parts_tol = math.fsum(results[no][1] for no in in_stage if no in results)
    free = [terms[no] for no in in_stage if no not in results]
    where = _base("stage", stage, None)
    where["params"]["lines"] = [no for no in in_stage if no in results]
    return _compare(figure[0], fixed, free, where, figure[1], parts_tol)


def _total_finding(figures: DeclaredFigures, terms: dict[int, _Term]) -> Finding:
    where = _base("total", None, None)
    total, tol = figures.total
    if figures.stages:
        parts = math.fsum(v for v, _ in figures.stages.values())
        common = {k: v for k, v in where.items() if k != "params"}
        return _sum_finding(total, parts, common, {"parts": "stages", "declared": total}, len(figures.stages),
                            tol, math.fsum(e for _, e in figures.stages.values()))
    fixed = math.fsum(v for v, _ in figures.line_results.values())
    free = [x for no, x in terms.items() if no not in figures.line_results]
    return _compare(total, fixed, free, where, tol, math.fsum(e for _, e in figures.line_results.values()))


def reconcile_stored(db: Database, model_code: str, period: str, revision: int | None = None,
                     declared: DeclaredFigures | None = None) -> Reconciliation:
    """Load an inventory and reconcile it (against ``declared``, else its own declared result) under the
    factor and GWP sets its study declares.

    Raises ``NotFound`` if the inventory or its factor set is not stored.
    """
    inventory = store.load_inventory(db, model_code, period, revision)
    factor_set = store.load_factor_set(db, inventory.factor_set_id)
    return reconcile_inventory(inventory, factor_set, gwp_sets()[inventory.gwp_set], store.known_factor_ids(db),
                               declared)


__all__ = ["KIND_ICONS", "MATCH_TOLERANCE", "UNIT_SLIP_RATIO_TOLERANCE", "Finding", "Reconciliation",
           "explain_line", "reconcile_inventory", "reconcile_stored", "reconciliation_columns",
           "reconciliation_frame"]
