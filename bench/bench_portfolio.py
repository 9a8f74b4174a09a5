"""Benchmark: recompute 10,000 models × 25 lines under 4 factor sets with the vectorised path.

Run from the repository root:  .venv/bin/python bench/bench_portfolio.py [--models N] [--repeat R]

Prints the figures and writes them to bench/results/portfolio.txt. Baselines (see bench/README.md):
  floor  — a bare numpy multiply-sum over arrays already gathered per line (the least work possible);
  ours   — cfp_core.portfolio.portfolio_footprints on compiled inputs (gather + multiply + bincount),
           with its exact shortcuts on (default) and off;
  naive  — calculate_footprint per inventory per set (pydantic objects, per-line loop), timed on a
           subsample and extrapolated linearly to the full portfolio.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cfp_core import calculate_footprint  # noqa: E402
from cfp_core.factors import resolve  # noqa: E402
from cfp_core.library import gwp_sets, reference_factor_sets  # noqa: E402
from cfp_core.models import STAGES, ActivityLine, Inventory, ReportingPeriod  # noqa: E402
from cfp_core.portfolio import N_STAGES, compile_factor_sets, compile_portfolio, portfolio_footprints  # noqa: E402

TRUCK = "transport.road.heavy_diesel_truck_cold_chain"
# (factor key, unit, low, high): amounts drawn uniformly per declared unit; every unit converts.
LINE_KINDS = (
    ("electricity.cn.national", "kWh", 1.0, 100.0),
    ("electricity.cn.national", "MWh", 0.001, 0.1),
    ("electricity.cn.national", "Wh", 1_000.0, 100_000.0),
    ("fuel.diesel", "kg", 0.1, 10.0),
    ("fuel.diesel", "t", 0.0001, 0.01),
    ("fuel.diesel", "MJ", 5.0, 400.0),
    ("fuel.natural_gas", "Nm3", 0.1, 20.0),
    ("fuel.natural_gas", "GJ", 0.005, 0.8),
    ("fuel.gasoline", "kg", 0.001, 2.0),
    ("fuel.gasoline", "g", 1.0, 2_000.0),
    (TRUCK, "tkm", 0.5, 200.0),
    (TRUCK, "kgkm", 500.0, 200_000.0),
)
LINES_PER_MODEL = 25
PERIOD = ReportingPeriod.year(2025)


def build_inventories(n_models: int, seed: int = 20251124) -> list[Inventory]:
    """Return ``n_models`` synthetic, validated inventories of 25 lines each."""
    rng = np.random.default_rng(seed)
    kinds = rng.integers(0, len(LINE_KINDS), size=(n_models, LINES_PER_MODEL))
    stages = rng.integers(0, N_STAGES, size=(n_models, LINES_PER_MODEL))
    shares = rng.random(size=(n_models, LINES_PER_MODEL))
    inventories = []
    for m in range(n_models):
        lines = []
        for j in range(LINES_PER_MODEL):
            key, unit, low, high = LINE_KINDS[kinds[m, j]]
            lines.append(ActivityLine(data_source="primary_measured",
                stage=STAGES[stages[m, j]], activity=f"{key} #{j + 1}", amount=low + (high - low) * shares[m, j],
                unit=unit, factor_ref=key,
            ))
        inventories.append(Inventory(model_code=f"BENCH-{m:05d}", period=PERIOD, lines=tuple(lines)))
    return inventories


def bench_sets():
    """cn-cfp-2024, cn-cfp-2023 and two copy-on-write variants (a greener grid, a cleaner truck)."""
    sets = reference_factor_sets()
    base24, base23 = sets["cn-cfp-2024"], sets["cn-cfp-2023"]
    grid = resolve("electricity.cn.national", base24).model_copy(
        update={"factor_id": "bench_elec_green_2024", "value": 0.3012, "verified": False, "confidence": "user"})
    truck = resolve(TRUCK, base23).model_copy(
        update={"factor_id": "bench_truck_low_2024", "value": 0.0811, "verified": False, "confidence": "user"})
    return [
        base24, base23,
        base24.with_factors("bench-green-grid", "基准测试：绿色电网", [grid]),
        base23.with_factors("bench-clean-truck", "基准测试：低碳货车", [truck]),
    ]


def best_of(repeat: int, func, *args):
    """Return (best wall time in seconds, last result)."""
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = func(*args)
        best = min(best, time.perf_counter() - start)
    return best, result


def interleaved(repeat: int, funcs: dict) -> dict:
    """Run each function once per round, ``repeat`` rounds; return ``{name: (best seconds, result)}``."""
    best = {name: (float("inf"), None) for name in funcs}
    for _ in range(repeat):
        for name, func in funcs.items():
            start = time.perf_counter()
            result = func()
            best[name] = (min(best[name][0], time.perf_counter() - start), result)
    return best


def floor_kernel(amount, coefficient, value, gwp, flat_cells, n_sets, n_cells):
    """The floor: per-line arrays already gathered, (amount × coef × value × gwp) then one bincount."""
    kg = amount * coefficient
    kg *= value
    kg *= gwp
    return np.bincount(flat_cells, weights=kg.reshape(-1), minlength=n_sets * n_cells).reshape(n_sets, n_cells)


def end_to_end(inventories, sets, gwp):
    """Everything after validation: compile the portfolio and the sets, then compute."""
    portfolio = compile_portfolio(inventories)
    return portfolio_footprints(portfolio, compile_factor_sets(portfolio, sets, gwp))


def naive(inventories, sets, gwp):
    """The per-line loop over pydantic objects: calculate_footprint per inventory per set."""
    return [[calculate_footprint(inv, fs, gwp).total_kg_co2e for inv in inventories] for fs in sets]


def machine_info() -> list[str]:
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo", encoding="utf-8")
                if line.startswith("model name")), platform.processor() or "?")
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return [
        f"machine: {cpu}; os.cpu_count()={os.cpu_count()}, usable CPUs={usable}; load average {load}",
        f"python {platform.python_version()}, numpy {np.__version__}, {platform.platform()}",
    ]


def run(n_models: int, repeat: int, naive_models: int) -> list[str]:
    out = machine_info()
    gwp = gwp_sets()["AR5"]
    start = time.perf_counter()
    inventories = build_inventories(n_models)
    sets = bench_sets()
    out.append(f"portfolio: {n_models:,} models × {LINES_PER_MODEL} lines × {len(sets)} factor sets "
               f"({', '.join(fs.set_id for fs in sets)}); GWP AR5; built and validated in "
               f"{time.perf_counter() - start:.2f} s (not part of any figure below)")

    t_compile, portfolio = best_of(3, compile_portfolio, inventories)
    t_sets, matrix = best_of(repeat, compile_factor_sets, portfolio, sets, gwp)
    t_e2e, _ = best_of(3, end_to_end, inventories, sets, gwp)
    out.append(f"distinct (factor ref, unit) combinations: {len(portfolio.combos)}; lines: {portfolio.n_lines:,}")

    # Floor inputs: everything gathered per line beforehand, float64 and contiguous.
    n_sets, n_cells = len(sets), portfolio.n_inventories * N_STAGES
    gathered = [np.ascontiguousarray(a.take(portfolio.combo, axis=1))
                for a in (matrix.coefficient, matrix.value, matrix.gwp)]
    flat_cells = (portfolio.cell[None, :] + (np.arange(n_sets) * n_cells)[:, None]).reshape(-1)
    # Floor and ours alternate run by run, so both see the same machine load.
    best = interleaved(repeat, {
        "floor": lambda: floor_kernel(portfolio.amount, *gathered, flat_cells, n_sets, n_cells),
        "ours": lambda: portfolio_footprints(portfolio, matrix),
        "full": lambda: portfolio_footprints(portfolio, matrix, shortcuts=False),
    })
    (t_floor, floor_sums), (t_ours, result), (t_full, full) = best["floor"], best["ours"], best["full"]
    assert np.array_equal(floor_sums.reshape(result.stage_totals.shape), result.stage_totals)
    assert np.array_equal(full.stage_totals, result.stage_totals)

    sample = inventories[:naive_models]
    t_naive_sample, naive_totals = best_of(3, naive, sample, sets, gwp)
    t_naive = t_naive_sample * n_models / len(sample)
    worst = float(np.max(np.abs(np.asarray(naive_totals) - result.totals[:, :naive_models])
                         / np.asarray(naive_totals)))

    out += [
        f"floor (bare numpy multiply-sum, pre-gathered arrays; best of {repeat}, interleaved): {t_floor * 1e3:5.2f} ms",
        f"ours  (portfolio_footprints on compiled inputs; best of {repeat}, interleaved):     {t_ours * 1e3:5.2f} ms",
        f"ours without shortcuts (shortcuts=False: every gather and multiply; same runs):  {t_full * 1e3:5.2f} ms",
        f"compile_portfolio (inventories -> arrays, best of 3):                 {t_compile * 1e3:9.2f} ms",
        f"compile_factor_sets ({len(sets)} sets, best of {repeat}):                         {t_sets * 1e3:9.2f} ms",
        f"end-to-end (compile_portfolio + compile_factor_sets + compute, best of 3): {t_e2e * 1e3:6.2f} ms",
        f"naive  (calculate_footprint per inventory per set, best of 3): {t_naive_sample:.2f} s for "
        f"{len(sample)} models × {len(sets)} sets, extrapolated linearly to {n_models:,} models: {t_naive:.1f} s",
        f"ratio ours / floor = {t_ours / t_floor:.2f}×  (target ≤ 3×); without shortcuts {t_full / t_floor:.2f}×",
        f"ratio naive / ours = {t_naive / t_ours:,.0f}×  (target ≥ 50×)",
        f"ratio naive / end-to-end = {t_naive / t_e2e:,.1f}×",
        "check: ours == ours without shortcuts == floor, bit for bit; "
        f"max relative difference ours vs naive on the subsample: {worst:.1e}",
    ]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--models", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--naive-models", type=int, default=500)
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "results" / "portfolio.txt")
    args = parser.parse_args()
    lines = run(args.models, args.repeat, min(args.naive_models, args.models))
    text = "\n".join([f"bench_portfolio.py, {time.strftime('%Y-%m-%d %H:%M:%S %Z')}", *lines]) + "\n"
    sys.stdout.write(text)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
