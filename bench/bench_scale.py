"""Benchmark: 10,000 models × 25 lines × 3 periods in the store, served from activity lines and materialised results.

Run from the repository root:  .venv/bin/python bench/bench_scale.py [--models N] [--repeat R]

Prints the figures and writes them to bench/results/scale.txt. What each figure includes is printed with it;
bench/README.md explains them. Seeding uses a bulk path (one transaction; the core's own row writers
``store.db.put_product`` and ``store.lines.rows_of``, revisions inserted directly, no result computed on save)
so that the store starts cold: no result is materialised before the first timed call.
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

from bench_portfolio import build_inventories, machine_info  # noqa: E402
from click.testing import CliRunner  # noqa: E402

from cfp_core import calculate_footprint, service, store  # noqa: E402
from cfp_core.access import cli_principal  # noqa: E402
from cfp_core.analysis import factor_comparison_of, overview  # noqa: E402
from cfp_core.cli import cli as cli_main  # noqa: E402
from cfp_core.models import Inventory, ProductModel, ReportingPeriod  # noqa: E402
from cfp_core.portfolio import compile_factor_sets, compile_portfolio, portfolio_footprints  # noqa: E402
from cfp_core.store import db as store_db  # noqa: E402
from cfp_core.store import lines, results, seed  # noqa: E402

PERIODS = (2023, 2024, 2025)
ADMIN = cli_principal("weisidemu", "bench")


def seed_store(path: Path, n_models: int) -> float:
    """Seed the reference data, then ``n_models`` × 3 periods in one transaction (bulk path); return seconds."""
    start = time.perf_counter()
    db = store.open_db(path)
    seed.seed_database(db)
    base = build_inventories(n_models)
    with store.write_transaction(db):
        for inventory in base:
            store_db.put_product(db, ProductModel(model_code=inventory.model_code, org_id="weisidemu",
                                                  name_zh=f"基准 {inventory.model_code}", product_mass_kg=12.5))
        line_rows, heads = [], []
        for year in PERIODS:
            scale = 1.0 - 0.03 * (year - PERIODS[0])  # a little less activity each year
            for inventory in base:
                changed = Inventory(model_code=inventory.model_code, period=ReportingPeriod.year(year),
                                    lines=tuple(ln.model_copy(update={"amount": ln.amount * scale})
                                                for ln in inventory.lines))
                payload = changed.model_dump(mode="json")
                keys = {"model_code": changed.model_code, "period": str(year), "revision": 1}
                cursor = db.execute(
                    "insert into inventory_revisions (model_code, period, revision, payload, content_hash, created_at,"
                    " author, comment) values (?, ?, 1, ?, ?, ?, 'bench', '')",
                    [keys["model_code"], keys["period"], store.canonical_json(payload), store.content_hash(payload),
                     store.now()])
                rows, head = lines.rows_of(cursor.lastrowid, store.now(), keys, payload)
                line_rows += rows
                heads.append(head)
        db.table("activity_lines").insert_all(line_rows, batch_size=2000)
        db.table("inventory_heads").insert_all(heads, batch_size=2000)
    db.close()
    return time.perf_counter() - start


def timed(func, *args, repeat: int = 1):
    """Return (best wall seconds of ``repeat`` runs, last result)."""
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = func(*args)
        best = min(best, time.perf_counter() - start)
    return best, result


def old_cold(db, set_id: str):
    """Before #13: every latest payload validated as pydantic, then compile + compute (the vectorised path)."""
    payloads = db.execute("""select r.payload from inventory_revisions r join
        (select model_code, period, max(revision) m from inventory_revisions group by model_code, period) x
        on r.model_code = x.model_code and r.period = x.period and r.revision = x.m order by r.id""").fetchall()
    inventories = [Inventory.model_validate_json(p[0]) for p in payloads]
    portfolio = compile_portfolio(inventories)
    matrix = compile_factor_sets(portfolio, [store.load_factor_set(db, set_id)], service.gwp_set("AR5"),
                                 store.known_factor_ids(db))
    return portfolio_footprints(portfolio, matrix)


def old_per_inventory(db, heads) -> float:
    """Before #13 on the pages: load_inventory + calculate_footprint per inventory (returns seconds per inventory)."""
    known = store.known_factor_ids(db)
    sets = {}
    start = time.perf_counter()
    for head in heads:
        inventory = store.load_inventory(db, head["model_code"], head["period"], head["revision"])
        chosen = sets.setdefault(inventory.factor_set_id, store.load_factor_set(db, inventory.factor_set_id))
        calculate_footprint(inventory, chosen, service.gwp_set(inventory.gwp_set), known)
    return (time.perf_counter() - start) / len(heads)


def cold_breakdown(db, set_id: str) -> dict[str, float]:
    """The cold path's steps, timed one by one on a store without results for ``set_id``."""
    out = {}
    start = time.perf_counter()
    heads = service.latest_heads(db)
    out["heads"] = time.perf_counter() - start
    start = time.perf_counter()
    columns = lines.read_columns(db, [h["revision_id"] for h in heads])
    out["read packed line columns (one query -> numpy)"] = time.perf_counter() - start
    label = {h["revision_id"]: (h["model_code"], h["period"]) for h in heads}
    known, factor_set = store.known_factor_ids(db), store.load_factor_set(db, set_id)
    start = time.perf_counter()
    portfolio = results.compile_columns(columns, [label[i] for i in columns.revision_ids])
    out["compile columns"] = time.perf_counter() - start
    start = time.perf_counter()
    kg = results.line_kg(portfolio, factor_set, service.gwp_set("AR5"), known)
    out["per-line kgCO2e (numpy)"] = time.perf_counter() - start
    start = time.perf_counter()
    results.exact_rows(portfolio, columns, kg)
    out["exact sums (math.fsum per stage)"] = time.perf_counter() - start
    return out


def page_calls(db, model: str) -> dict:
    """The core calls each page makes (what the page adds on top is rendering)."""
    every = [r["model_code"] for r in store.list_inventories(db)]
    codes = list(dict.fromkeys(every))

    def compare_models():
        rows = store.list_inventories(db)
        store.list_products(db)
        chosen = service.latest_models(db, "2025", 5)
        return service.footprints_of(db, service.latest_revisions(rows, chosen, "2025"), "2025", "cn-cfp-2024")

    def compare_factors():
        store.list_inventories(db)
        return factor_comparison_of(db, model, "2025", ["cn-cfp-2023", "cn-cfp-2024"])

    def trends_one():
        store.list_inventories(db)
        points = service.trend_points(db, [model])
        return points, [service.stored_footprint(db, model, p) for p in ("2023", "2025")]

    def cli_all():
        result = CliRunner().invoke(cli_main, ["--db", str(db_file(db)), "footprint", "--all", "--format", "csv"])
        assert result.exit_code == 0, result.output
        return result.output

    return {
        "Overview: analysis.overview.portfolio_overview (all models, incl. list_products)":
            lambda: overview.portfolio_overview(db, "en"),
        "Compare models: list_inventories + list_products + latest 5 models + footprints_of":
            compare_models,
        "Compare factor versions: list_inventories + factor_comparison_of (1 inventory × 2 sets)": compare_factors,
        "Trends, all models: service.trend_points (every model and period)": lambda: service.trend_points(db, codes),
        "Trends, one model: trend_points + 2 single-path footprints": trends_one,
        "CLI footprint --all --format csv (in process, CliRunner)": cli_all,
    }


def db_file(db) -> str:
    return db.execute("pragma database_list").fetchone()[2]


def run(n_models: int, repeat: int, naive_sample: int) -> list[str]:
    out = machine_info()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "cfp.db"
        seconds = seed_store(path, n_models)
        db = store.open_db(path)
        n_inv = db.execute("select count(*) from inventory_heads").fetchone()[0]
        n_lines = db.execute("select count(*) from activity_lines").fetchone()[0]
        out.append(f"store: {n_models:,} bench models + 3 demo models × 3 periods = {n_inv:,} inventories, "
                   f"{n_lines:,} activity lines; seeded by the bulk path in {seconds:.1f} s (not timed below); "
                   f"file {path.stat().st_size / 2**20:.0f} MiB")
        copy = Path(tmp) / "cold.db"
        db.conn.execute("VACUUM INTO ?", [str(copy)])  # a cold copy for the breakdown
        t_old, old = timed(old_cold, db, "cn-cfp-2024", repeat=2)
        heads = service.latest_heads(db)
        per_inventory = old_per_inventory(db, heads[:: max(1, len(heads) // naive_sample)])
        t_cold, cold = timed(service.portfolio_results, db)  # own sets: computes and stores every result
        t_warm, warm = timed(service.portfolio_results, db, repeat=repeat)
        assert cold["total_kg_co2e"].tolist() == warm["total_kg_co2e"].tolist()
        bench_rows = warm[warm["factor_set_id"] == "cn-cfp-2024"]
        worst = _check(db, warm, old, heads)
        service.portfolio_results(db, "cn-cfp-2023")  # materialise a second set for the incremental figure
        inventory = store.load_inventory(db, "BENCH-00042", "2025")
        t_save, _ = timed(store.save_inventory, db, ADMIN, inventory.model_copy(update={"lines": inventory.lines[1:]}))
        t_incremental, _ = timed(service.portfolio_results, db, "cn-cfp-2023")
        t_after, _ = timed(service.portfolio_results, db, "cn-cfp-2023", repeat=repeat)
        pages = {name: timed(call, repeat=3)[0] for name, call in page_calls(db, "BENCH-00042").items()}
        cold_db = store.open_db(copy)
        steps = cold_breakdown(cold_db, "cn-cfp-2024")
        cold_db.close()
        db.close()
    old_pages = per_inventory * n_inv
    out += [
        f"BEFORE cold recompute from store (latest payloads validated as pydantic Inventory + compile_portfolio + "
        f"compute, 1 set; best of 2): {t_old:.2f} s",
        f"BEFORE pages' path (load_inventory + calculate_footprint per inventory; {naive_sample} sampled, "
        f"{per_inventory * 1e3:.2f} ms each, extrapolated to {n_inv:,}): {old_pages:.1f} s",
        f"cold: service.portfolio_results, nothing materialised (heads, packed line columns -> numpy in one query, "
        f"compile, compute, exact sums, store {len(cold):,} results, frame): {t_cold:.2f} s = {t_old / t_cold:.1f}× faster than BEFORE cold",
        "  cold steps on a copy: " + "; ".join(f"{k} {v * 1e3:.0f} ms" for k, v in steps.items()),
        f"warm: service.portfolio_results, all materialised (heads + results read, frame; best of {repeat}): "
        f"{t_warm * 1e3:.0f} ms = {t_old / t_warm:.0f}× faster than BEFORE cold",
        f"save one revision (store.save_inventory, checked + audited; lines and own-set result in its transaction): "
        f"{t_save * 1e3:.0f} ms",
        f"incremental: service.portfolio_results under cn-cfp-2023 after that save (1 of {n_inv:,} computed): "
        f"{t_incremental * 1e3:.0f} ms; warm again: {t_after * 1e3:.0f} ms",
    ]
    out += [f"page core call — {name}: {seconds * 1e3:.0f} ms (best of 3)" for name, seconds in pages.items()]
    out += [f"  BEFORE the Overview/Trends-all core path walked every inventory: ≈ {old_pages:.1f} s "
            f"(extrapolated above) -> Overview now {old_pages / next(iter(pages.values())):.0f}× faster",
            f"check: cold == warm; {len(bench_rows):,} rows under cn-cfp-2024; materialised vs calculate_footprint on "
            f"the sample: equal bit for bit; vs BEFORE vectorised (bincount sums) max relative difference {worst:.1e}"]
    return out


def _check(db, frame, old, heads) -> float:
    by_label = {(r.model_code, r.period): r.total_kg_co2e for r in frame.itertuples(index=False)}
    known = store.known_factor_ids(db)
    for head in heads[::997]:
        inventory = store.load_inventory(db, head["model_code"], head["period"])
        single = calculate_footprint(inventory, store.load_factor_set(db, inventory.factor_set_id),
                                     service.gwp_set(inventory.gwp_set), known)
        assert by_label[(head["model_code"], head["period"])] == single.total_kg_co2e
    worst = 0.0
    for (code, period), total in zip(old.labels, old.totals[0], strict=True):
        if code.startswith("BENCH-"):
            worst = max(worst, abs(by_label[(code, period)] - float(total)) / abs(float(total) or 1.0))
    return worst


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--models", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--naive-sample", type=int, default=600)
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "results" / "scale.txt")
    args = parser.parse_args()
    text = "\n".join([f"bench_scale.py, {time.strftime('%Y-%m-%d %H:%M:%S %Z')}",
                      *run(args.models, args.repeat, args.naive_sample)]) + "\n"
    sys.stdout.write(text)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
