"""Pedigree-based uncertainty of a disclosed footprint (ISO14067.md §6–7). Pure; numpy with a fixed seed.

Each line's result is lognormal around its best estimate with
σ = ½·√((ln U_b)² + Σ (ln U_i)²), U_i from the ecoinvent pedigree matrix (openLCA values) and U_b
the ecoinvent v2 basic uncertainty of the exchange type. A Monte Carlo over all lines gives the
95 % range of the total. Lines without scores keep only their basic uncertainty, and the result
states how much of the total carried scores.
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
    sigma: float  # standard deviation of ln(result)
    gsd: float  # exp(sigma)
    scored: bool


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
    squares = [math.log(basic_u) ** 2]
    if scores:
        squares += [math.log(pedigree_u(name, scores[name])) ** 2 for name in INDICATORS]
    return 0.5 * math.sqrt(math.fsum(squares))


def uncertainty(disclosure: Disclosure, runs: int = RUNS, seed: int = SEED) -> Uncertainty:
    """Return the pedigree-based uncertainty of the total, or ``method="none"`` without any scores.

    Per-line pedigree scores are used when the disclosure carries them; otherwise the
    emission-weighted average scores (``data_quality``) are applied to every line
    (``method="average_scores"``). The Monte Carlo uses ``numpy.random.default_rng(seed)``.
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
        sigma = line_sigma(scores.get(line.line_no), basic)
        lines.append(LineUncertainty(line_no=line.line_no, kg_co2e=line.kg_co2e, basic_u=basic,
                                     sigma=sigma, gsd=math.exp(sigma), scored=line.line_no in scores))
    if not lines:
        return Uncertainty(method="none", coverage=0.0, total_kg_co2e=disclosure.total_kg_co2e)
    totals = _monte_carlo(lines, runs, seed)
    sigma = float(np.std(np.log(totals)))
    low, median, high = (float(v) for v in np.percentile(totals, [2.5, 50, 97.5]))
    return Uncertainty(
        method=method, coverage=coverage, total_kg_co2e=disclosure.total_kg_co2e, sigma=sigma,
        gsd=math.exp(sigma), gsd95=math.exp(2 * sigma), low=low, median=median, high=high,
        mean=float(np.mean(totals)), runs=runs, seed=seed, lines=tuple(lines),
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
    """Sample each line as lognormal(ln best estimate, σ) and return the sampled totals."""
    rng = np.random.default_rng(seed)
    best = np.array([line.kg_co2e for line in lines])
    sigma = np.array([line.sigma for line in lines])
    draws = rng.standard_normal((runs, len(lines)))
    return (best * np.exp(draws * sigma)).sum(axis=1)
