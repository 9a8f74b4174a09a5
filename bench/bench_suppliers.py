"""Benchmark: the Suppliers page and its core calls with 50 and with 5,000 stored supplier footprints.

Run from the repository root:  .venv/bin/python bench/bench_suppliers.py [--large 5000] [--repeat 3]

Each database is seeded normally, then gets directory suppliers (4 parts each, 25 footprints per part) through
the core's own ``save_supplier``, and the footprints in one transaction through the store's own row
(``supplier_disclosures``: the payload is the parsed PACT footprint ``model_dump_json`` that
``save_supplier_disclosure`` writes; one footprint per (company, product), so none supersedes another).
50 footprints = 2 parts, 5,000 = 200 parts. Timed: the core calls the page and the CLI make, and the page
itself through AppTest (cold: the first run in this process for that database; warm: best rerun).
Prints the figures and writes them to bench/results/suppliers.txt.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from streamlit.testing.v1 import AppTest  # noqa: E402

from cfp_core import store  # noqa: E402
from cfp_core.access import cli_principal  # noqa: E402
from cfp_core.analysis import supplier_groups  # noqa: E402
from cfp_core.analysis import suppliers as supplier_compare  # noqa: E402
from cfp_core.io import (  # noqa: E402
    disclosure_assignments,
    list_supplier_disclosures,
    list_suppliers,
    parse_disclosure,
    save_supplier,
    supplier_from_form,
)
from cfp_core.store.seed import seed_database  # noqa: E402

ADMIN = cli_principal("weisidemu", "bench")
SAMPLE = ROOT / "tests" / "data" / "suppliers" / "supplier_a_v3.json"
PER_PART, PARTS_PER_SUPPLIER = 25, 4


def seed(path: Path, count: int) -> None:
    """Seed ``path`` with ``count`` footprints, ``PER_PART`` per part, ``PARTS_PER_SUPPLIER`` parts per supplier."""
    db = store.open_db(path)
    seed_database(db)
    base = parse_disclosure(SAMPLE.read_bytes(), SAMPLE.name)
    parts = max(1, count // PER_PART)
    suppliers = max(1, -(-parts // PARTS_PER_SUPPLIER))
    for s in range(suppliers):
        names = [f"Part {s * PARTS_PER_SUPPLIER + k + 1:03d}" for k in range(PARTS_PER_SUPPLIER)
                 if s * PARTS_PER_SUPPLIER + k < parts]
        save_supplier(db, ADMIN, supplier_from_form({"supplier_id": f"sup-{s + 1:03d}", "name_en": f"Supplier {s + 1}",
                                                     "company_ids": [f"urn:bench:company:{s + 1}"],
                                                     "parts": [{"name": n} for n in names]}))
    rows = []
    for n in range(count):
        part_no = n % parts
        company = f"urn:bench:company:{part_no // PARTS_PER_SUPPLIER + 1}"
        pf_id = str(uuid.UUID(int=n + 1))
        d = base.model_copy(update={
            "pf_id": pf_id, "supplier": f"Bench supplier {n % 97 + 1}", "product": f"Bench product {n + 1}",
            "company_ids": (company,), "product_ids": (f"urn:bench:product:{n + 1}",),
            "created": f"2026-{n % 12 + 1:02d}-01T00:00:00Z", "pcf_excluding_biogenic": 20.0 + (n * 37 % 1000) / 50,
            "raw": {**base.raw, "id": pf_id}})
        rows.append({"supplier": d.supplier, "product": d.product, "part": f"Part {part_no + 1:03d}",
                     "received_at": store.now(), "spec_version": d.spec_version, "payload": d.model_dump_json(),
                     "content_hash": store.content_hash(d.raw)})
    with store.write_transaction(db):
        db.table("supplier_disclosures").insert_all(rows)
    db.close()


def best(call, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = call()
        times.append(time.perf_counter() - started)
    return min(times), result


def core_figures(path: Path, repeat: int) -> dict[str, float]:
    """Time the core calls the page and ``suppliers compare`` make (best of ``repeat``)."""
    db = store.open_db(path)
    figures = {}
    figures["list_supplier_disclosures, first call"], _ = best(lambda: list_supplier_disclosures(db), 1)
    figures["list_supplier_disclosures"], stored = best(lambda: list_supplier_disclosures(db), repeat)
    figures["disclosure_assignments"], assignments = best(lambda: disclosure_assignments(db, stored), repeat)
    figures["stored_table"], _ = best(lambda: supplier_compare.stored_table(stored, "en", None, assignments), repeat)
    figures["grouped_rows (every part, CLI compare)"], _ = best(
        lambda: supplier_groups.grouped_rows(stored, assignments, list_suppliers(db), "en"), repeat)
    first = supplier_groups.part_names(assignments)[0]
    figures["compare_by_part (one part)"], _ = best(
        lambda: supplier_groups.compare_by_part(stored, assignments, "en", part=first), repeat)
    try:
        from cfp_core.analysis import supplier_service
        figures["supplier_service.suppliers_view (page core)"], _ = best(
            lambda: supplier_service.suppliers_view(db, "en"), repeat)
    except ImportError:
        pass
    db.close()
    return figures


def page_figures(path: Path, repeat: int) -> tuple[float, float]:
    """Return (cold first run, best warm rerun) of the Suppliers page through AppTest."""
    os.environ["CFP_DB_PATH"] = str(path)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
    at.query_params["lang"] = "en"
    at.run()
    at.switch_page("pages/suppliers.py")
    started = time.perf_counter()
    at.run()
    cold = time.perf_counter() - started
    if at.exception or not at.dataframe:
        raise SystemExit(f"page failed: {at.exception or 'no table'}")
    warm, _ = best(at.run, repeat)
    if at.exception:
        raise SystemExit(f"page failed: {at.exception}")
    return cold, warm


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=50)
    parser.add_argument("--large", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--label", default="", help="A note on the results' first line (e.g. 'before').")
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "results" / "suppliers.txt")
    args = parser.parse_args()
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        warmup = Path(tmp) / "warmup.db"  # the first AppTest run in a process pays the imports: not counted
        seed(warmup, 5)
        page_figures(warmup, 1)
        for count in (args.small, args.large):
            path = Path(tmp) / f"s{count}.db"
            started = time.perf_counter()
            seed(path, count)
            seeding = time.perf_counter() - started
            results[count] = (seeding, core_figures(path, args.repeat), page_figures(path, args.repeat))
    small, large = results[args.small], results[args.large]
    lines = [f"Suppliers page {args.label}".rstrip() + f": {args.small} vs {args.large} stored supplier footprints "
             f"({PER_PART} per part), best of {args.repeat}",
             f"machine: {platform.platform()}, Python {platform.python_version()}, {os.cpu_count()} cores, "
             f"load average {os.getloadavg()[0]:.2f}",
             f"seeding: {small[0]:.2f} s / {large[0]:.2f} s",
             f"{'figure':<48} {args.small:>10} {args.large:>10} {'ratio':>8}"]
    for name, value in small[1].items():
        big = large[1][name]
        lines.append(f"{name:<48} {value:>9.4f}s {big:>9.4f}s {big / value:>7.1f}x")
    for i, name in enumerate(("page via AppTest, cold (first run)", "page via AppTest, warm (best rerun)")):
        lines.append(f"{name:<48} {small[2][i]:>9.4f}s {large[2][i]:>9.4f}s {large[2][i] / small[2][i]:>7.1f}x")
    text = "\n".join(lines) + "\n"
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    sys.stdout.write(text)


if __name__ == "__main__":
    main()
