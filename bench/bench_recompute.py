"""Benchmark: full recompute of 10,000 models × 4 factor sets from the store against the engine's own time.

Run from the repository root:  .venv/bin/python bench/bench_recompute.py [--models N] [--repeat R]

Issue #13's target: recomputing every model under 4 factor sets *from the store* (read the latest revisions'
line columns, compile, compute the per-line kgCO2e and the exact per-stage sums the materialised results keep)
takes ≤ 5× the engine's own compile-plus-compute (``compile_portfolio`` + ``compile_factor_sets`` +
``portfolio_footprints``) on the same inventories already in memory as pydantic objects. Neither side
validates anything or writes results; the store side starts from the SQLite file (page cache warm after the
first of ``--repeat`` runs, best of R reported). The store is seeded by ``bench_scale.seed_store`` (3 periods);
the figure is for the 2025 period: N bench models + 3 demo models.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_portfolio import bench_sets, end_to_end, machine_info  # noqa: E402
from bench_scale import seed_store, timed  # noqa: E402

from cfp_core import service, store  # noqa: E402
from cfp_core.models import Inventory  # noqa: E402
from cfp_core.store import lines, results  # noqa: E402

PERIOD = "2025"


def from_store(db, sets, gwp) -> dict[str, dict[tuple[str, str], dict]]:
    """Heads of one period, packed line columns, compile once, then per set: per-line kg and exact sums."""
    heads = service.latest_heads(db, period=PERIOD)
    columns = lines.read_columns(db, [h["revision_id"] for h in heads])
    label = {h["revision_id"]: (h["model_code"], h["period"]) for h in heads}
    portfolio = results.compile_columns(columns, [label[i] for i in columns.revision_ids])
    return {s.set_id: dict(zip(portfolio.labels, results.exact_rows(portfolio, columns, results.line_kg(
        portfolio, s, gwp, None)), strict=True)) for s in sets}


def steps(db, sets, gwp) -> dict[str, float]:
    out, start = {}, time.perf_counter()
    heads = service.latest_heads(db, period=PERIOD)
    out["heads"], start = time.perf_counter() - start, time.perf_counter()
    columns = lines.read_columns(db, [h["revision_id"] for h in heads])
    out["line columns"], start = time.perf_counter() - start, time.perf_counter()
    label = {h["revision_id"]: (h["model_code"], h["period"]) for h in heads}
    portfolio = results.compile_columns(columns, [label[i] for i in columns.revision_ids])
    out["compile"], start = time.perf_counter() - start, time.perf_counter()
    kgs = [results.line_kg(portfolio, s, gwp, None) for s in sets]
    out["per-line kg, 4 sets"], start = time.perf_counter() - start, time.perf_counter()
    for kg in kgs:
        results.exact_rows(portfolio, columns, kg)
    out["exact sums, 4 sets"] = time.perf_counter() - start
    return out


def run(n_models: int, repeat: int) -> list[str]:
    out = machine_info()
    sets, gwp = bench_sets(), service.gwp_set("AR5")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "cfp.db"
        seeded = seed_store(path, n_models)
        db = store.open_db(path)
        heads = service.latest_heads(db, period=PERIOD)
        inventories = [Inventory.model_validate_json(db.execute(
            "select payload from inventory_revisions where id = ?", [h["revision_id"]]).fetchone()[0]) for h in heads]
        t_engine, engine = timed(end_to_end, inventories, sets, gwp, repeat=repeat)
        t_store, stored = timed(from_store, db, sets, gwp, repeat=repeat)
        parts = steps(db, sets, gwp)
        db.close()
    worst = 0.0
    for k, fs in enumerate(sets):
        for label, total in zip(engine.labels, engine.totals[k], strict=True):
            row = stored[fs.set_id][label]
            worst = max(worst, abs(row["total_kg_co2e"] - float(total)) / (abs(float(total)) or 1.0))
    out += [
        f"store: {len(heads):,} inventories of {PERIOD} ({n_models:,} bench models + 3 demo), 4 factor sets "
        f"({', '.join(s.set_id for s in sets)}); seeded in {seeded:.1f} s (not timed)",
        f"engine (inventories in memory as pydantic objects: compile_portfolio + compile_factor_sets + "
        f"portfolio_footprints, bincount sums; best of {repeat}): {t_engine * 1e3:.0f} ms",
        f"from the store (latest heads, packed line columns -> numpy, compile once, per set per-line kg + exact "
        f"math.fsum sums per stage; nothing validated or written; best of {repeat}): {t_store * 1e3:.0f} ms "
        f"= {t_store / t_engine:.2f}× the engine (target ≤ 5×)",
        "  steps: " + "; ".join(f"{k} {v * 1e3:.0f} ms" for k, v in parts.items()),
        f"check: store totals vs engine totals, max relative difference {worst:.1e} (exact sums vs bincount)",
    ]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--models", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "results" / "recompute.txt")
    args = parser.parse_args()
    text = "\n".join([f"bench_recompute.py, {time.strftime('%Y-%m-%d %H:%M:%S %Z')}",
                      *run(args.models, args.repeat)]) + "\n"
    sys.stdout.write(text)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
