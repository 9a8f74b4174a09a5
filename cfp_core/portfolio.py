"""Vectorised footprints of many inventories under many factor sets at once (numpy).

The single path (``calculate.calculate_footprint``) explains one inventory line by line.
This path answers "every model under every factor set" in one pass, in three steps:

1. ``compile_portfolio`` turns the lines of all inventories into flat arrays, once.
2. ``compile_factor_sets`` resolves each distinct (factor reference, line unit) combination
   under each set (there are few) into a conversion coefficient, a factor value and a GWP.
3. ``portfolio_footprints`` gathers those per line, multiplies in the single path's order
   ((amount × coefficient) × value) × GWP, and sums per inventory × stage with
   ``np.bincount``. No Python loop runs over lines; nothing is rounded.

A line with a ``custom_factor`` is its own factor reference with a constant value.
Errors are the single path's (``FactorNotFound``, ``UnitMismatch``, ``GwpMissing``) and
name the inventory and the line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from cfp_core import units
from cfp_core.factors import FactorSet, GwpSet, resolve
from cfp_core.i18n import Msg, line_where
from cfp_core.models import STAGES, ActivityLine, CustomFactor, Inventory

N_STAGES = len(STAGES)
STAGE_IDS: tuple[str, ...] = tuple(s.value for s in STAGES)
_STAGE_CODE = {s: code for code, s in enumerate(STAGES)}

FactorRef = str | CustomFactor


@dataclass(frozen=True, eq=False)
class Portfolio:
    """The lines of many inventories as flat arrays, in inventory order then entry order.

    ``combo`` points each line at ``combos``, the distinct (ref code, unit code) pairs in
    order of first use; ``first_line`` is the flat position of each pair's first line (so an
    error can name it). ``cell`` is ``inventory_index × 6 + stage_code``, the summing index.
    """

    inventories: tuple[Inventory, ...]
    amount: np.ndarray  # float64 (n_lines,)
    unit_code: np.ndarray  # int32, index into ``units``
    ref_code: np.ndarray  # int32, index into ``refs``
    stage_code: np.ndarray  # int32, index into STAGES
    inventory_index: np.ndarray  # int32
    line_no: np.ndarray  # int32, 1-based within its inventory
    units: tuple[str, ...]
    refs: tuple[FactorRef, ...]
    combo: np.ndarray  # intp (n_lines,)
    combos: tuple[tuple[int, int], ...]
    first_line: np.ndarray  # intp (n_combos,)
    cell: np.ndarray  # intp (n_lines,)
    labels: tuple[tuple[str, str], ...]  # (model_code, period label) per inventory

    @property
    def n_inventories(self) -> int:
        """Number of inventories."""
        return len(self.inventories)

    @property
    def n_lines(self) -> int:
        """Number of lines over all inventories."""
        return int(self.amount.shape[0])

    def where(self, position: int) -> Msg:
        """Return the "Inventory X (2025), Line N (stage, activity): " prefix of a flat line position."""
        inventory = self.inventories[int(self.inventory_index[position])]
        line_no = int(self.line_no[position])
        line = inventory.lines[line_no - 1]
        return Msg("portfolio.where", model_code=inventory.model_code, period=inventory.period.label,
                   line=line_where(line_no, line.stage.value, line.activity))


@dataclass(frozen=True, eq=False)
class FactorMatrix:
    """Per factor set (rows) and combination (columns): coefficient, factor value, GWP and factor id."""

    set_ids: tuple[str, ...]
    gwp_id: str
    coefficient: np.ndarray  # float64 (n_sets, n_combos): one line unit in factor units
    value: np.ndarray  # float64 (n_sets, n_combos): kg gas per factor unit
    gwp: np.ndarray  # float64 (n_sets, n_combos)
    factor_ids: tuple[tuple[str, ...], ...]  # [set][combo]


@dataclass(frozen=True, eq=False)
class PortfolioResult:
    """Stage totals ``(n_sets, n_inventories, 6)`` and totals ``(n_sets, n_inventories)`` in kgCO2e."""

    set_ids: tuple[str, ...]
    labels: tuple[tuple[str, str], ...]
    stage_totals: np.ndarray
    totals: np.ndarray

    def total(self, set_id: str, model_code: str, period: str) -> float:
        """Return one inventory's total under one set. Raises ``ValueError`` if either is absent."""
        return float(self.totals[self.set_ids.index(set_id), self.labels.index((model_code, period))])

    def to_frame(self, set_ids: Sequence[str] | None = None,
                 labels: Sequence[tuple[str, str]] | None = None) -> pd.DataFrame:
        """Long frame, one row per set × inventory × stage (all six, report order).

        Columns: ``model_code``, ``period``, ``factor_set_id``, ``stage`` (stage id),
        ``kg_co2e`` and ``total_kg_co2e`` (the inventory's total under that set).
        ``set_ids``/``labels`` override the stored ones (same lengths).
        """
        n_sets, n_inv, _ = self.stage_totals.shape
        models, periods, sets = self._axes(set_ids, labels)
        return pd.DataFrame({
            "model_code": np.tile(np.repeat(models, N_STAGES), n_sets),
            "period": np.tile(np.repeat(periods, N_STAGES), n_sets),
            "factor_set_id": np.repeat(sets, n_inv * N_STAGES),
            "stage": np.tile(np.array(STAGE_IDS, dtype=object), n_sets * n_inv),
            "kg_co2e": self.stage_totals.reshape(-1),
            "total_kg_co2e": np.repeat(self.totals.reshape(-1), N_STAGES),
        })

    def totals_frame(self, set_ids: Sequence[str] | None = None,
                     labels: Sequence[tuple[str, str]] | None = None) -> pd.DataFrame:
        """One row per set × inventory: ``model_code``, ``period``, ``factor_set_id``, ``total_kg_co2e``."""
        n_sets, n_inv = self.totals.shape
        models, periods, sets = self._axes(set_ids, labels)
        return pd.DataFrame({
            "model_code": np.tile(models, n_sets), "period": np.tile(periods, n_sets),
            "factor_set_id": np.repeat(sets, n_inv), "total_kg_co2e": self.totals.reshape(-1),
        })

    def _axes(self, set_ids, labels) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        sets = tuple(self.set_ids if set_ids is None else set_ids)
        pairs = tuple(self.labels if labels is None else labels)
        if len(sets) != self.totals.shape[0] or len(pairs) != self.totals.shape[1]:
            raise ValueError("set_ids/labels do not match the result's shape")
        models = np.array([m for m, _ in pairs], dtype=object)
        periods = np.array([p for _, p in pairs], dtype=object)
        return models, periods, np.array(sets, dtype=object)


def _ref_of(line: ActivityLine) -> FactorRef:
    return line.factor_ref if line.custom_factor is None else line.custom_factor


def _codes(values, table: dict) -> np.ndarray:
    """Code each value by first appearance (``table`` collects value -> code)."""
    codes = [table.setdefault(v, len(table)) for v in values]
    return np.asarray(codes, dtype=np.int32)


def compile_portfolio(inventories: Sequence[Inventory]) -> Portfolio:
    """Return the lines of ``inventories`` as flat arrays (the slow, once-only step).

    Nothing is resolved yet, so this never raises for unknown factors or units.
    """
    inventories = tuple(inventories)
    lines = [line for inv in inventories for line in inv.lines]
    counts = np.fromiter((len(inv.lines) for inv in inventories), dtype=np.int64, count=len(inventories))
    unit_table: dict[str, int] = {}
    ref_table: dict[FactorRef, int] = {}
    unit_code = _codes((line.unit for line in lines), unit_table)
    ref_code = _codes((_ref_of(line) for line in lines), ref_table)
    stage_code = np.asarray([_STAGE_CODE[line.stage] for line in lines], dtype=np.int32)
    inventory_index = np.repeat(np.arange(len(inventories), dtype=np.int32), counts)
    starts = np.cumsum(counts) - counts
    line_no = (np.arange(len(lines), dtype=np.int64) - np.repeat(starts, counts) + 1).astype(np.int32)
    pair = ref_code.astype(np.int64) * max(len(unit_table), 1) + unit_code
    combo, combos, first_line = _first_use_codes(pair, len(unit_table))
    return Portfolio(
        inventories=inventories,
        amount=np.ascontiguousarray(np.fromiter((line.amount for line in lines), np.float64, len(lines))),
        unit_code=unit_code, ref_code=ref_code, stage_code=stage_code, inventory_index=inventory_index,
        line_no=line_no, units=tuple(unit_table), refs=tuple(ref_table), combo=combo, combos=combos,
        first_line=first_line, cell=inventory_index.astype(np.intp) * N_STAGES + stage_code,
        labels=tuple((inv.model_code, inv.period.label) for inv in inventories),
    )


def _first_use_codes(pair: np.ndarray, n_units: int):
    """Code the distinct pairs in order of first use; return (combo per line, combos, first line)."""
    distinct, first, inverse = np.unique(pair, return_index=True, return_inverse=True)
    order = np.argsort(first, kind="stable")
    rank = np.empty_like(order)
    rank[order] = np.arange(order.size)
    n_units = max(n_units, 1)
    combos = tuple((int(p // n_units), int(p % n_units)) for p in distinct[order])
    return rank[inverse.reshape(-1)].astype(np.intp), combos, first[order].astype(np.intp)


@dataclass(frozen=True)
class _Resolved:
    factor_id: str
    value: float
    unit: str
    gas: str
    conversion: tuple  # (ncv, ncv_unit, density, density_unit)


def _resolve(ref: FactorRef, factor_set: FactorSet, known_ids, portfolio: Portfolio, position: int) -> _Resolved:
    if isinstance(ref, CustomFactor):
        line_no = int(portfolio.line_no[position])
        return _Resolved(f"custom.line{line_no}", ref.value, ref.unit, ref.gas,
                         (ref.ncv, ref.ncv_unit, None, None))
    factor = resolve(ref, factor_set, known_ids, where=portfolio.where(position))
    return _Resolved(factor.factor_id, factor.value, factor.unit, factor.gas,
                     (factor.ncv, factor.ncv_unit, factor.density, factor.density_unit))


def compile_factor_sets(portfolio: Portfolio, factor_sets: Sequence[FactorSet], gwp_set: GwpSet,
                        known_ids: dict[str, str] | None = None) -> FactorMatrix:
    """Resolve every (factor reference, line unit) combination of ``portfolio`` under each set.

    ``known_ids`` maps factor ids of other sets to keys (see ``factors.resolve``). Conversion
    coefficients come from ``units.conversion_path`` and are cached per distinct conversion.
    Raises ``FactorNotFound``/``UnitMismatch``/``GwpMissing`` naming the inventory and the
    first line that fails (sets in order, then lines in portfolio order).
    """
    sets = tuple(factor_sets)
    shape = (len(sets), len(portfolio.combos))
    coefficient, value, gwp = np.empty(shape), np.empty(shape), np.empty(shape)
    factor_ids: list[tuple[str, ...]] = []
    paths: dict[tuple, float] = {}
    for s, factor_set in enumerate(sets):
        resolved: dict[int, _Resolved] = {}
        ids = []
        for c, (ref_code, unit_code) in enumerate(portfolio.combos):
            position = int(portfolio.first_line[c])
            if ref_code not in resolved:
                resolved[ref_code] = _resolve(portfolio.refs[ref_code], factor_set, known_ids, portfolio, position)
            factor = resolved[ref_code]
            coefficient[s, c] = _coefficient(paths, portfolio.units[unit_code], factor, portfolio, position)
            value[s, c] = factor.value
            gwp[s, c] = gwp_set.gwp(factor.gas)
            ids.append(factor.factor_id)
        factor_ids.append(tuple(ids))
    return FactorMatrix(set_ids=tuple(fs.set_id for fs in sets), gwp_id=gwp_set.gwp_id,
                        coefficient=coefficient, value=value, gwp=gwp, factor_ids=tuple(factor_ids))


def _coefficient(paths: dict, line_unit: str, factor: _Resolved, portfolio: Portfolio, position: int) -> float:
    key = (line_unit, factor.unit, *factor.conversion)
    if key not in paths:
        paths[key] = units.conversion_path(
            line_unit, factor.unit, *factor.conversion, factor_id=factor.factor_id,
            where=portfolio.where(position),
        ).coefficient
    return paths[key]


def portfolio_footprints(portfolio: Portfolio, matrix: FactorMatrix, shortcuts: bool = True) -> PortfolioResult:
    """Return stage totals and totals of every inventory under every set of ``matrix``.

    Per line: ((amount × coefficient) × value) × GWP, the single path's operation order, so
    each line's kgCO2e is bit-identical; sums run per inventory × stage with ``np.bincount``.
    ``shortcuts`` are exact (same bits either way): a set whose GWPs are all 1.0 skips that
    multiplication, and a set with the previous set's coefficients reuses its converted amounts.
    Raises ``ValueError`` if ``matrix`` was compiled for another portfolio.
    """
    n_sets, n_combos = matrix.coefficient.shape
    if n_combos != len(portfolio.combos):
        raise ValueError("the factor matrix was compiled for another portfolio")
    n_cells = portfolio.n_inventories * N_STAGES
    sums = np.empty((n_sets, n_cells))
    combo, coefficient = portfolio.combo, matrix.coefficient
    converted, kg = np.empty_like(portfolio.amount), np.empty_like(portfolio.amount)  # fresh pages cost: reuse
    for s in range(n_sets):  # a loop over factor sets; lines are handled as whole arrays
        # Gather into the buffer, then multiply in place: x * y == y * x exactly, so the order holds.
        if not (shortcuts and s and np.array_equal(coefficient[s], coefficient[s - 1])):
            np.multiply(np.take(coefficient[s], combo, out=converted), portfolio.amount, out=converted)
        np.multiply(np.take(matrix.value[s], combo, out=kg), converted, out=kg)
        if not (shortcuts and np.all(matrix.gwp[s] == 1.0)):
            kg *= matrix.gwp[s].take(combo)
        sums[s] = np.bincount(portfolio.cell, weights=kg, minlength=n_cells)
    stage_totals = sums.reshape(n_sets, portfolio.n_inventories, N_STAGES)
    return PortfolioResult(set_ids=matrix.set_ids, labels=portfolio.labels, stage_totals=stage_totals,
                           totals=stage_totals.sum(axis=2))


def portfolio_frame(inventories: Sequence[Inventory], factor_sets: Sequence[FactorSet], gwp_set: GwpSet,
                    known_ids: dict[str, str] | None = None) -> pd.DataFrame:
    """One call: compile, compute and return ``PortfolioResult.to_frame()``.

    Raises ``FactorNotFound``/``UnitMismatch``/``GwpMissing`` naming the inventory and line.
    """
    portfolio = compile_portfolio(inventories)
    matrix = compile_factor_sets(portfolio, factor_sets, gwp_set, known_ids)
    return portfolio_footprints(portfolio, matrix).to_frame()


__all__ = ["FactorMatrix", "Portfolio", "PortfolioResult", "compile_factor_sets", "compile_portfolio",
           "portfolio_footprints", "portfolio_frame"]
