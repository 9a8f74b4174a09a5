"""Benchmark: the compare-models page with 200 models should take at most 3× its run with 2 models.

Builds a temporary database (seeded normally, plus 200 synthetic illustrative models copied from
the demo inventories for period 2025) and runs the page through AppTest in one process with 2 and
with 200 models selected: a warm-up run each (it fills the footprint cache), then N timed reruns
of each, interleaved so both see the same machine load; the best rerun of each is compared.
Prints the times and the ratio and writes them to ``bench/results/compare_page.txt``.

Usage: ``.venv/bin/python bench/bench_compare_page.py [--repeats 7] [--models 200]``

History (same machine, 2 shared cores): the first version took 0.139 s (2 models) vs 4.76 s
(200 models), 34×. Three causes, three fixes: ``DataFrame.attrs`` lists were deep-copied by
pandas on every column access (dropped); a pandas Styler that Streamlit applies column by column
(replaced by ``NumberColumn`` formats and ``placeholder="—"``); 200 per-model cache lookups, each
hashed and unpickled separately (now one resource-cache entry keyed by a single string, so nothing
is unpickled, computed by ``batch.footprints_of`` with each factor set loaded once). Beyond 8 models the
table has one row per model instead of three columns per model, the chart shows the first 40
models, and the CSV is built only when downloaded.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from streamlit.testing.v1 import AppTest  # noqa: E402

from cfp_core import store  # noqa: E402
from cfp_core.access import cli_principal  # noqa: E402
from cfp_core.store.seed import seed_database  # noqa: E402

ADMIN = cli_principal("weisidemu", "tests")  # the acting principal of every write in these tests

PERIOD = "2025"
TEMPLATES = ("WS-TPS-48-300A", "WS-TPS-48-600A")
LIMIT = 3.0


def build_database(path: Path, count: int) -> list[str]:
    """Seed ``path`` and add ``count`` synthetic illustrative models; return their codes."""
    db = store.open_db(path)
    seed_database(db)
    codes = []
    with store.write_transaction(db):
        for n in range(count):
            template = TEMPLATES[n % len(TEMPLATES)]
            code = f"SYN-{n + 1:04d}"
            product = store.load_product(db, template)
            inventory = store.load_inventory(db, template, PERIOD)
            store.save_product(db, ADMIN, product.model_copy(update={"model_code": code, "illustrative": True}), comment="synthetic benchmark model")
            store.save_inventory(db, ADMIN, inventory.model_copy(update={"model_code": code, "illustrative": True}), comment="synthetic benchmark inventory")
            codes.append(code)
    db.close()
    return codes


def page_app(models: list[str]) -> tuple[AppTest, float]:
    """Return the compare-models page with ``models`` selected after its warm-up run, and that run's time."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
    at.query_params.update({"lang": "zh", "models": ",".join(models), "period": PERIOD, "baseline": models[0]})
    at.run()
    at.switch_page("pages/compare_models.py")
    started = time.perf_counter()
    at.run()  # warm-up: fills the footprint cache
    first = time.perf_counter() - started
    check(at, models)
    return at, first


def check(at: AppTest, models: list[str]) -> None:
    """Stop if the run failed or did not show every model (a fast broken page proves nothing)."""
    if at.exception or len(at.multiselect(key="cm_models").value) != len(models) or not at.dataframe:
        raise SystemExit(f"page failed: {at.exception or 'models not shown'}")


def timed_rerun(at: AppTest) -> float:
    """Return the wall-clock seconds of one rerun of the page."""
    started = time.perf_counter()
    at.run()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--models", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.db"
        codes = build_database(path, args.models)
        os.environ["CFP_DB_PATH"] = str(path)
        small_app, first_small = page_app(list(TEMPLATES))
        large_app, first_large = page_app(codes)
        small_runs, large_runs = [], []
        for _ in range(args.repeats):
            small_runs.append(timed_rerun(small_app))
            large_runs.append(timed_rerun(large_app))
        check(small_app, list(TEMPLATES))
        check(large_app, codes)
    small, large = min(small_runs), min(large_runs)
    ratio = large / small
    lines = [
        f"compare_models page, AppTest, one process, best of {args.repeats} interleaved reruns after a warm-up run",
        f"machine: {platform.platform()}, Python {platform.python_version()}, {os.cpu_count()} cores, "
        f"load average {os.getloadavg()[0]:.2f}",
        f"2 models:   warm-up {first_small:.3f} s, best rerun {small:.3f} s",
        f"{args.models} models: warm-up {first_large:.3f} s, best rerun {large:.3f} s",
        f"ratio {args.models}/2 = {ratio:.2f}x (limit {LIMIT:.0f}x): {'PASS' if ratio <= LIMIT else 'FAIL'}",
    ]
    text = "\n".join(lines) + "\n"
    out = ROOT / "bench" / "results" / "compare_page.txt"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    sys.stdout.write(text)


if __name__ == "__main__":
    main()
