"""Pedigree-based uncertainty of a disclosed footprint (ISO14067.md §6–7). Pure; numpy with a fixed seed.

Each line's result is lognormal around its best estimate with
σ = ½·√((ln U_b)² + Σ (ln U_i)²), U_i from the ecoinvent pedigree matrix (openLCA values) and U_b
the ecoinvent v2 basic uncertainty of the exchange type. A Monte Carlo over all lines gives the
95 % range of the total. Lines without scores keep only their basic uncertainty, and the result
states how much of the total carried scores.

Lines that use the same emission factor are correlated: if the factor is off, it is off for every
line that uses it. σ² is therefore split into two parts, σ² = σ_f² + σ_a²:

* factor part σ_f = ½·√((ln U_b)² + (ln U_temporal)² + (ln U_geographical)² + (ln U_technological)²):
  U_b is keyed on the factor's family, and the three correlation indicators score how well the
  factor represents the activity. One standard normal is drawn per factor and run, and every line
  using that factor scales it by its own σ_f (fully correlated in ln space);
* activity part σ_a = ½·√((ln U_reliability)² + (ln U_completeness)²): how the line's amount was
  obtained (measured or estimated, sites covered), drawn independently per line.

A factor is identified by its id among the disclosure's factor sources; a line with its own
(custom) factor, which is not among them, is its own factor. σ_f + σ_a in quadrature equals the
line's σ, so each line's own spread is unchanged; only the covariance between lines is added.
"""

from __future__ import annotations

import math
from typing import Literal

import numpy as np

from cfp_core.models import Frozen
from cfp_core.publish.disclosure import Disclosure

RUNS = 20_000
SEED = 14067
INDICATORS = ("reliability", "completeness", "temporal", "geographical", "technological")
FACTOR_INDICATORS = ("temporal", "geographical", "technological")  # drawn once per factor, with U_b
ACTIVITY_INDICATORS = ("reliability", "completeness")  # drawn per line
# Uncertainty factors U for scores 1..5 (ISO14067.md §6, openLCA ecoinvent DQS; † cells = 1.05).
PEDIGREE_U: dict[str, tuple[float, ...]] = {
    "reliability": (1.00, 1.05, 1.10, 1.20, 1.50),
    "completeness": (1.00, 1.02, 1.05, 1.10, 1.20),
    "temporal": (1.00, 1.03, 1.10, 1.20, 1.50),
    "geographical": (1.00, 1.01, 1.02, 1.05, 1.10),
    "technological": (1.00, 1.05, 1.20, 1.50, 2.00),
}
# Basic uncertainty U_b by factor family (ISO14067.md §7.1: energy/materials/combustion CO2 1.05,
# transport services t·km 2.0).
BASIC_U = {"transport": 2.0}
DEFAULT_BASIC_U = 1.05


class LineUncertainty(Frozen):
    """Lognormal spread of one line's result."""

    line_no: int
    kg_co2e: float
    basic_u: float
    sigma: float  # standard deviation of ln(result): √(factor_sigma² + activity_sigma²)
    gsd: float  # exp(sigma)
    scored: bool
    factor: str = ""  # the factor draw this line shares (its factor id, or "line:<no>" for its own factor)
    factor_sigma: float = 0.0  # σ_f: U_b and the correlation indicators, drawn once per factor
    activity_sigma: float = 0.0  # σ_a: reliability and completeness, drawn per line


class Uncertainty(Frozen):
    """Uncertainty of the total footprint (kgCO2e per declared unit)."""

    method: Literal["pedigree", "average_scores", "none"]
    coverage: float  # share of the total whose lines carry pedigree scores (0–1)
    total_kg_co2e: float
    sigma: float | None = None  # std. dev. of ln(total) from the Monte Carlo
    gsd: float | None = None
    gsd95: float | None = None  # GSD², the 95 % factor
    low: float | None = None  # 2.5th percentile
    median: float | None = None
    high: float | None = None  # 97.5th percentile
    mean: float | None = None
    runs: int = 0
    seed: int = SEED
    factor_draws: int = 0  # independent factor draws per run (distinct factors among the lines)
    lines: tuple[LineUncertainty, ...] = ()


def pedigree_u(indicator: str, score: float) -> float:
    """Return the uncertainty factor U of a 1–5 score; fractional (averaged) scores interpolate in ln U.

    Raises ``ValueError`` for a score outside 1–5 or an unknown indicator.
    """
    if not 1 <= score <= 5:
        raise ValueError(f"pedigree score out of 1–5: {score}")
    table = PEDIGREE_U[indicator]
    low = min(int(math.floor(score)), 4)
    frac = score - low
    return math.exp((1 - frac) * math.log(table[low - 1]) + frac * math.log(table[low]))


def line_sigma(scores: dict[str, float] | None, basic_u: float) -> float:
    """Return σ of ln(result) for one line: ½·√((ln U_b)² + Σ (ln U_i)²)."""
    return math.hypot(*split_sigma(scores, basic_u))


def split_sigma(scores: dict[str, float] | None, basic_u: float) -> tuple[float, float]:
    """Return (σ_f, σ_a): the factor part (U_b, temporal, geographical, technological) and the activity part."""
    factor = [math.log(basic_u) ** 2]
    activity = [0.0]
    if scores:
        factor += [math.log(pedigree_u(name, scores[name])) ** 2 for name in FACTOR_INDICATORS]
        activity += [math.log(pedigree_u(name, scores[name])) ** 2 for name in ACTIVITY_INDICATORS]
    return 0.5 * math.sqrt(math.fsum(factor)), 0.5 * math.sqrt(math.fsum(activity))


def uncertainty(disclosure: Disclosure, runs: int = RUNS, seed: int = SEED) -> Uncertainty:
    """Return the pedigree-based uncertainty of the total, or ``method="none"`` without any scores.

    Per-line pedigree scores are used when the disclosure carries them; otherwise the
    emission-weighted average scores (``data_quality``) are applied to every line
    (``method="average_scores"``). The Monte Carlo uses ``numpy.random.default_rng(seed)``; lines
    sharing a factor share its draw (module docstring).
    """
    scores, method, coverage = _scores(disclosure)
    if method == "none":
        return Uncertainty(method="none", coverage=0.0, total_kg_co2e=disclosure.total_kg_co2e)
    families = {f.factor_id: f.family for f in disclosure.factor_sources}
    lines = []
    for line in disclosure.lines:
        if line.kg_co2e <= 0:
            continue
        basic = BASIC_U.get(families.get(line.factor_id, ""), DEFAULT_BASIC_U)
        factor_sigma, activity_sigma = split_sigma(scores.get(line.line_no), basic)
        sigma = math.hypot(factor_sigma, activity_sigma)
        factor = line.factor_id if line.factor_id in families else f"line:{line.line_no}"
        lines.append(LineUncertainty(line_no=line.line_no, kg_co2e=line.kg_co2e, basic_u=basic,
                                     sigma=sigma, gsd=math.exp(sigma), scored=line.line_no in scores,
                                     factor=factor, factor_sigma=factor_sigma, activity_sigma=activity_sigma))
    if not lines:
        return Uncertainty(method="none", coverage=0.0, total_kg_co2e=disclosure.total_kg_co2e)
    totals = _monte_carlo(lines, runs, seed)
    sigma = float(np.std(np.log(totals)))
    low, median, high = (float(v) for v in np.percentile(totals, [2.5, 50, 97.5]))
    return Uncertainty(
        method=method, coverage=coverage, total_kg_co2e=disclosure.total_kg_co2e, sigma=sigma,
        gsd=math.exp(sigma), gsd95=math.exp(2 * sigma), low=low, median=median, high=high,
        mean=float(np.mean(totals)), runs=runs, seed=seed,
        factor_draws=len({line.factor for line in lines}), lines=tuple(lines),
    )


def _scores(disclosure: Disclosure) -> tuple[dict[int, dict[str, float]], str, float]:
    """Per-line scores {line_no: {indicator: score}}, the method, and the covered share of the total."""
    per_line = {}
    for line in disclosure.lines:
        pedigree = getattr(line, "pedigree", None)  # present once DisclosedLine publishes scores
        if pedigree is not None:
            per_line[line.line_no] = {name: float(getattr(pedigree, name)) for name in INDICATORS}
    total = disclosure.total_kg_co2e
    if per_line:
        covered = math.fsum(line.kg_co2e for line in disclosure.lines if line.line_no in per_line)
        return per_line, "pedigree", covered / total if total else 0.0
    q = disclosure.data_quality
    average = {name: getattr(q, f"{name}_dqr") for name in INDICATORS}
    if None in average.values():
        return {}, "none", 0.0
    return {line.line_no: average for line in disclosure.lines}, "average_scores", q.dqr_coverage


def _monte_carlo(lines: list[LineUncertainty], runs: int, seed: int) -> np.ndarray:
    """Sample each line as lognormal(ln best estimate, σ) and return the sampled totals.

    One standard normal per factor and run (factors in order of first use) scales every line's σ_f;
    then one per line and run scales its σ_a. The factor block comes first, so adding lines that use
    factors already present leaves the factor draws unchanged.
    """
    rng = np.random.default_rng(seed)
    factors = list(dict.fromkeys(line.factor for line in lines))
    column = np.array([factors.index(line.factor) for line in lines])
    best = np.array([line.kg_co2e for line in lines])
    factor_sigma = np.array([line.factor_sigma for line in lines])
    activity_sigma = np.array([line.activity_sigma for line in lines])
    factor_draws = rng.standard_normal((runs, len(factors)))
    activity_draws = rng.standard_normal((runs, len(lines)))
    return (best * np.exp(factor_draws[:, column] * factor_sigma + activity_draws * activity_sigma)).sum(axis=1)
