"""Benchmark: every workspace page at 10,000 models against the same page at 100, through Streamlit AppTest.

Run from the repository root:  .venv/bin/python bench/bench_pages.py [--small 100] [--large 10000] [--repeat 3]

For each size, seeds a store with ``bench_scale.seed_store`` (N bench models + the 3 demo models × 3 periods,
nothing materialised) and keeps that file pristine. Each page then runs through the router (``app.py``,
local mode: the one administrator) in one process:

- **cold**: on a fresh copy of the pristine file (no result materialised), with ``st.cache_data``,
  ``st.cache_resource`` and the ``service.portfolio_rows`` memo cleared: the page's first run, including every bulk computation it triggers;
- **restart**: the same on a copy of the file after the portfolio's results were materialised under each
  inventory's own set (what a user finds after a server restart: stored results, empty caches and memos);
- **warm**: reruns of the same AppTest (the same session, caches and stored results as a user clicking
  around finds them), best of ``--repeat``.

Prints per page the times at both sizes and the ratio large/small (targets: warm ≤ 3×, cold ≤ 5×), the
process's peak resident memory after visiting every page at the large size (target ≤ 1.5 GiB), and writes
bench/results/pages.txt. Absolute times include AppTest's own script run and element tree, not the browser.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import streamlit as st  # noqa: E402
from bench_portfolio import machine_info  # noqa: E402
from bench_scale import seed_store  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

from cfp_core import service, store  # noqa: E402

# (label, page file, query parameters)
PAGES = [
    ("Overview", "overview", {}),
    ("Products & data entry", "products", {}),
    ("Compare models", "compare_models", {}),
    ("Compare factor versions", "compare_factors", {}),
    ("Trends, one model", "trends", {}),
    ("Trends, all models", "trends", {"model": "__all__"}),
    ("Management", "management", {}),
    ("Explain", "explain", {}),
    ("Supplier footprints", "suppliers", {}),
    ("Factor library", "factors", {}),
    ("Publish", "publish", {}),
    ("Audit log", "audit", {}),
]


def _app(page: str, query: dict) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
    at.query_params["lang"] = "en"
    for name, value in query.items():
        at.query_params[name] = value
    at.switch_page(f"pages/{page}.py")
    return at


def _run(at: AppTest) -> float:
    start = time.perf_counter()
    at.run()
    elapsed = time.perf_counter() - start
    if at.exception:
        raise RuntimeError(f"page raised: {at.exception[0].value}")
    if not at.title:
        raise RuntimeError("the page drew no title: it did not run")
    return elapsed


def _fresh(source: Path, work: Path) -> None:
    copy = work / "page.db"
    shutil.copyfile(source, copy)
    os.environ["CFP_DB_PATH"] = str(copy)
    st.cache_data.clear()
    st.cache_resource.clear()
    service.forget()  # the store-version memos


def materialised_copy(pristine: Path, work: Path) -> Path:
    """A copy of ``pristine`` with every inventory's result stored under its own set (not timed)."""
    target = work / f"materialised_{pristine.name}"
    shutil.copyfile(pristine, target)
    db = store.open_db(target)
    try:
        service.portfolio_rows(db)
    finally:
        db.close()
    return target


def measure(pristine: Path, work: Path, repeat: int) -> dict[str, tuple[float, float, float]]:
    """Return ``{label: (cold, restart, warm)}`` seconds for every page on copies of ``pristine``."""
    out, materialised = {}, materialised_copy(pristine, work)
    _fresh(pristine, work)
    _run(_app("audit", {}))  # not timed: the first page of a process imports what the others share
    for label, page, query in PAGES:
        _fresh(materialised, work)
        restart = _run(_app(page, query))
        _fresh(pristine, work)
        at = _app(page, query)
        cold = _run(at)
        warm = min(_run(at) for _ in range(repeat))
        out[label] = (cold, restart, warm)
        print(f"  {label}: cold {cold:.2f} s, restart {restart:.2f} s, warm {warm:.2f} s", flush=True)
    materialised.unlink()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=100)
    parser.add_argument("--large", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "results" / "pages.txt")
    args = parser.parse_args()
    figures, seeded = {}, {}
    with tempfile.TemporaryDirectory() as tmp:
        for size in (args.small, args.large):
            pristine = Path(tmp) / f"pristine_{size}.db"
            seeded[size] = seed_store(pristine, size)
            print(f"{size:,} models seeded in {seeded[size]:.1f} s", flush=True)
            figures[size] = measure(pristine, Path(tmp), args.repeat)
            pristine.unlink()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20  # KiB -> GiB
    small, large = figures[args.small], figures[args.large]
    lines = [f"bench_pages.py, {time.strftime('%Y-%m-%d %H:%M:%S %Z')}", *machine_info(),
             f"stores: {args.small:,} and {args.large:,} bench models (+ 3 demo) × 3 periods × 25 lines, bulk-seeded "
             f"({seeded[args.small]:.1f} s, {seeded[args.large]:.1f} s; not timed); AppTest through app.py, local mode, "
             f"English; cold = first run on a fresh copy with nothing materialised, Streamlit caches and memos cleared; "
             f"restart = the same with the results already stored; warm = best of {args.repeat} reruns",
             f"{'page':<24} {'cold ' + str(args.small):>9} {'cold ' + str(args.large):>10} {'ratio':>6}  "
             f"{'restart':>8} {'restart':>8} {'ratio':>6}  "
             f"{'warm ' + str(args.small):>9} {'warm ' + str(args.large):>10} {'ratio':>6}"]
    for label, *_ in PAGES:
        (c1, r1, w1), (c2, r2, w2) = small[label], large[label]
        lines.append(f"{label:<24} {c1:>8.2f}s {c2:>9.2f}s {c2 / c1:>5.2f}×  {r1:>7.2f}s {r2:>7.2f}s {r2 / r1:>5.2f}×  "
                     f"{w1:>8.2f}s {w2:>9.2f}s {w2 / w1:>5.2f}×")
    lines.append(f"peak resident memory of the process after every page at both sizes: {peak:.2f} GiB "
                 f"(target ≤ 1.5 GiB)")
    text = "\n".join(lines) + "\n"
    print(text, end="")
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
