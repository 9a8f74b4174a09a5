"""Benchmark: ≥1,000 hostile inputs through every import path, and peak memory per MB of input.

Run from the repository root:  .venv/bin/python bench/bench_hostile.py [--seed 14] [--per-kind 1.0]

Inputs: the committed corpus (tests/data/hostile/) plus seeded mutants of three valid files — the
WS-TPS-48-900A inventory as CSV and as xlsx (written by the core's own export) and the four official PACT
v3 examples — with flipped bytes, truncations, hostile cells (formula triggers, markup, Markdown links
and images, control and bidi characters, NaN/inf, 400-digit and 1e999 numbers, exponents, thousands
separators, full-width digits, 10 kB text), renamed/duplicated/dropped/extra columns, ragged rows, other
encodings (UTF-16, Shift-JIS, Big5, EUC-KR, Latin-1), xlsx cells replaced through openpyxl, and PACT
documents with a leaf replaced, a key deleted or a field nested past the depth limit.

Each input is read by the importer the app uses (``io.read_inventory_file`` / ``io.read_footprints``) and,
if it reads, stored into one seeded database (``io.import_inventories`` / ``io.import_supplier_file``).
Counted: accepted, refused (``ImportRejected`` with a zh message holding Chinese and an en message
holding none outside the quoted value), crashes (any other exception), hangs (> 10 s), partial writes
(row counts changed by a refusal), lost or changed rows (an accepted inventory that does not read back
exactly). Then, in a fresh subprocess per size, the peak resident memory of reading a large CSV and xlsx
divided by the file's size. Writes bench/results/hostile.txt.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import platform
import random
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import openpyxl  # noqa: E402

from cfp_core import store  # noqa: E402
from cfp_core.access import cli_principal  # noqa: E402
from cfp_core.errors import ImportRejected  # noqa: E402
from cfp_core.io import import_inventories, import_supplier_file, read_inventory_file  # noqa: E402
from cfp_core.io.suppliers import read_footprints  # noqa: E402
from cfp_core.io.templates import write_inventory_file  # noqa: E402
from cfp_core.store.seed import load_portfolio_file, seed_database  # noqa: E402

HOSTILE = ROOT / "tests" / "data" / "hostile"
EXAMPLES = ROOT.parent / "shared" / "reference" / "pact" / "v3" / "examples"
ADMIN = cli_principal("weisidemu", "bench")
CJK = re.compile(r"[\u4e00-\u9fff]")
TABLES = ("inventory_revisions", "supplier_disclosures", "audit_events", "product_revisions")
CELLS = ["=cmd|' /C calc'!A0", "+1+1", "-5", "@SUM(A1:A9)", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
         "[click](https://evil.example)", "![x](https://evil.example/x.png)", "javascript:alert(1)", "1e999", "-1e999",
         "NaN", "inf", "9" * 400, "1e-999", "0x10", "1,5", "1 234,5", "１２", "12 kg", "\x00", "\x1b[31mred", "\u202eevil",
         "\ufeff", "x" * 10_000, "", " ", "-0", "1e15", "1e16", "0.000000000000000000000000000000001", "None", "null",
         "TRUE", "2025-13-45", "../../etc/passwd", "' OR 1=1 --", "${jndi:ldap://x}", "%s%s%s", "\t=1+1", "\r\n"]
JSON_VALUES = [None, True, -1, 0, 1e308, "1e-999", "-5", "", "<script>x</script>", "=1+1", [], {}, [[[]]], "9" * 400,
               "NaN", 10**400, "urn:x", "2025-02-30T00:00:00Z", "\u202e", "x" * 5000]


def _csv_mutants(base: bytes, rng: random.Random, scale: float) -> list[tuple[str, bytes]]:
    text = base.decode("utf-8-sig")
    lines = text.splitlines()
    header, rows = lines[0].split(","), lines[1:]
    out = []
    for _ in range(int(200 * scale)):
        data = bytearray(base)
        for _ in range(rng.randint(1, 5)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        out.append(("flip.csv", bytes(data)))
    out += [("truncated.csv", base[: rng.randrange(len(base))]) for _ in range(int(100 * scale))]
    parsed = list(csv.reader(rows))
    for _ in range(int(400 * scale)):
        cells = [list(cells) for cells in parsed]
        row, column = rng.randrange(len(cells)), rng.randrange(len(header))
        cells[row][column] = rng.choice(CELLS)
        out.append(("cell.csv", _write_csv(header, cells)))
    for _ in range(int(100 * scale)):
        changed = list(header)
        kind, i = rng.choice(["rename", "duplicate", "drop", "extra"]), rng.randrange(len(header))
        if kind == "rename":
            changed[i] = changed[i][:-1] + rng.choice("xyz_") if len(changed[i]) > 1 else "x"
        elif kind == "duplicate":
            changed.append(changed[i])
        elif kind == "drop":
            del changed[i]
        else:
            changed.append(rng.choice(["internal_note", "notes", "Amount", "量"]))
        out.append((f"header_{kind}.csv", (",".join(changed) + "\n" + "\n".join(rows) + "\n").encode()))
    for _ in range(int(60 * scale)):
        ragged = list(rows)
        i = rng.randrange(len(ragged))
        ragged[i] = ragged[i] + "," * rng.randint(1, 70) if rng.random() < 0.5 else ragged[i].rsplit(",", 3)[0]
        out.append(("ragged.csv", (lines[0] + "\n" + "\n".join(ragged) + "\n").encode()))
    samples = {"utf_16": text, "shift_jis": text.replace("电力", "電力テスト"), "big5": text.replace("电力", "電力"),
               "euc_kr": text.replace("电力", "전력"), "latin_1": text.replace("电力", "Électricité")}
    for _ in range(int(40 * scale)):
        name = rng.choice(list(samples))
        out.append((f"enc_{name}.csv", samples[name].encode(name, errors="ignore")))
    return out


def _write_csv(header: list[str], cells: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(cells)
    return buffer.getvalue().encode("utf-8")


def _xlsx_mutants(base: bytes, rng: random.Random, scale: float) -> list[tuple[str, bytes]]:
    out = []
    for _ in range(int(150 * scale)):
        book = openpyxl.load_workbook(io.BytesIO(base))
        sheet = book.worksheets[0]
        row, column = rng.randint(2, sheet.max_row), rng.randint(1, sheet.max_column)
        sheet.cell(row, column).value = rng.choice([*CELLS[:20], 10**400 // 10**380, -5, float("nan"), 1e300, True])
        buffer = io.BytesIO()
        book.save(buffer)
        out.append(("cell.xlsx", buffer.getvalue()))
    for _ in range(int(50 * scale)):
        data = bytearray(base)
        for _ in range(rng.randint(1, 8)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        out.append(("flip.xlsx", bytes(data)))
    return out


def _paths(node, prefix=()):
    if isinstance(node, dict):
        for key, value in node.items():
            yield prefix + (key,)
            yield from _paths(value, prefix + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield prefix + (i,)
            yield from _paths(value, prefix + (i,))


def _json_mutants(examples: list[dict], rng: random.Random, scale: float) -> list[tuple[str, bytes]]:
    out = []
    for _ in range(int(300 * scale)):
        document = json.loads(json.dumps(rng.choice(examples)))
        path = rng.choice(list(_paths(document)))
        parent = document
        for step in path[:-1]:
            parent = parent[step]
        kind = rng.choice(["replace", "replace", "delete", "deep"])
        if kind == "replace":
            parent[path[-1]] = rng.choice(JSON_VALUES)
        elif kind == "delete" and isinstance(parent, dict):
            del parent[path[-1]]
        else:
            nested: object = "x"
            for _ in range(rng.randint(20, 300)):
                nested = [nested]
            parent[path[-1]] = nested
        try:
            data = json.dumps(document, ensure_ascii=False).encode()
        except ValueError:  # 10**400 cannot be written by json.dumps as a float, but an int it can
            continue
        out.append((f"{kind}.json", data))
    return out


def inputs(seed: int, scale: float) -> list[tuple[str, bytes]]:
    """The corpus plus seeded mutants: (name, bytes)."""
    rng = random.Random(seed)
    _, _, inventories = load_portfolio_file(ROOT / "data" / "reference" / "ws_tps_48_900a.json")
    csv_base = write_inventory_file(inventories[:1], "csv")
    xlsx_base = write_inventory_file(inventories[:1], "xlsx")
    examples = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(EXAMPLES.glob("example-*.json"))]
    corpus = [(p.name, p.read_bytes()) for p in sorted(HOSTILE.iterdir()) if p.name != "make_corpus.py"]
    return (corpus + [("valid.csv", csv_base), ("valid.xlsx", xlsx_base)]
            + [(f"example-{i}.json", json.dumps(e).encode()) for i, e in enumerate(examples, 1)]
            + _csv_mutants(csv_base, rng, scale) + _xlsx_mutants(xlsx_base, rng, scale)
            + _json_mutants(examples, rng, scale))


def _counts(db) -> dict[str, int]:
    return {t: db.execute(f"select count(*) from {t}").fetchone()[0] for t in TABLES}


def _localized(error: ImportRejected) -> bool:
    english, chinese = error.message("en"), error.message("zh")
    values = [str(p.value) for p in error.problems]
    for value in values:
        english = english.replace(value, "")
    return bool(error.problems) and bool(CJK.search(chinese)) and not CJK.search(english)


def run_one(db, name: str, data: bytes, tally: Counter) -> None:
    """Read one input, store it if it reads, and count what happened."""
    started = time.monotonic()
    before = _counts(db)
    try:
        if name.endswith(".json"):
            import_supplier_file(db, ADMIN, read_footprints(data, name))
            tally["accepted"] += 1
        else:
            inventories = read_inventory_file(data, name)
            saved = import_inventories(db, ADMIN, inventories)
            tally["accepted"] += 1
            for inventory, (model, period, revision) in zip(inventories, saved, strict=True):
                back = store.load_inventory(db, model, period, revision)
                tally["lost or changed rows"] += back.lines != inventory.lines
    except ImportRejected as error:
        tally["refused"] += 1
        if not _localized(error):
            tally["refusals not localized in zh and en"] += 1
            tally[f"not localized: {error.problems[0].problem_key if error.problems else '-'} in {name}"] += 1
        tally["partial writes"] += _counts(db) != before
    except Exception as error:  # noqa: BLE001 — counting crashes is the point
        tally["crashes"] += 1
        tally[f"crash: {type(error).__name__} in {name}"] += 1
    tally["hangs (> 10 s)"] += time.monotonic() - started > 10
    tally["slowest input (s)"] = max(tally["slowest input (s)"], round(time.monotonic() - started, 3))


MEMORY_SCRIPT = """
import resource, sys, time, tracemalloc
sys.path.insert(0, {root!r})
from cfp_core.io import read_inventory_file
from cfp_core.errors import ImportRejected
data = open({path!r}, "rb").read()
if {traced!r}:
    tracemalloc.start()
started = time.perf_counter()
outcome = "baseline"
if {parse!r}:
    try:
        outcome = "read %d lines" % sum(len(i.lines) for i in read_inventory_file(data, {path!r}))
    except ImportRejected as error:
        outcome = "refused: " + error.problems[0].problem_key
seconds = time.perf_counter() - started
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, tracemalloc.get_traced_memory()[1], seconds, outcome)
"""


def memory_per_mb(csv_base: bytes, megabytes: float, fmt: str) -> tuple[float, float, float, float, str]:
    """Return (file MB, peak Python allocations per input MB, peak RSS growth per input MB, seconds, outcome)
    for reading a file of about ``megabytes`` (as CSV text; xlsx compresses it about five times)."""
    header, *rows = csv_base.decode("utf-8-sig").splitlines()
    body = "\n".join(rows) + "\n"
    repeat = max(1, int(megabytes * 1024 * 1024 / len(body.encode())))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"big.{fmt}"
        if fmt == "csv":
            path.write_text(header + "\n" + body * repeat, encoding="utf-8")
        else:
            book = openpyxl.Workbook(write_only=True)
            sheet = book.create_sheet("inventory")
            sheet.append(header.split(","))
            for cells in csv.reader((body * repeat).splitlines()):
                sheet.append([float(c) if c.replace(".", "", 1).isdigit() else c for c in cells])
            book.save(path)
        size = path.stat().st_size / 1024 / 1024
        runs = [subprocess.run([sys.executable, "-c", MEMORY_SCRIPT.format(root=str(ROOT), path=str(path), parse=parse,
                                                                           traced=traced)],
                               capture_output=True, text=True, check=True).stdout.split(maxsplit=3)
                for parse, traced in ((False, False), (True, False), (True, True))]
    (base, _, _, _), (peak, _, seconds, outcome), (_, traced, _, _) = runs
    mb = 1024 * 1024
    return size, int(traced) / mb / size, (int(peak) - int(base)) / 1024 / size, float(seconds), outcome.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--per-kind", type=float, default=1.0, help="scale the number of mutants of each kind")
    parser.add_argument("--output", default=str(ROOT / "bench" / "results" / "hostile.txt"))
    args = parser.parse_args()
    cases = inputs(args.seed, args.per_kind)
    tally: Counter = Counter({"slowest input (s)": 0})
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        db = store.open_db(Path(folder) / "cfp.db")
        seed_database(db)
        for name, data in cases:
            run_one(db, name, data, tally)
        integrity = db.execute("pragma integrity_check").fetchone()[0]
        db.close()
    seconds = time.perf_counter() - started
    _, _, inventories = load_portfolio_file(ROOT / "data" / "reference" / "ws_tps_48_900a.json")
    csv_base = write_inventory_file(inventories[:1], "csv")
    memory = [(fmt, *memory_per_mb(csv_base, mb, fmt)) for fmt, mb in (("csv", 1), ("csv", 5), ("csv", 19),
                                                                          ("xlsx", 5), ("xlsx", 19))]
    lines = [f"# bench_hostile.py · {platform.processor() or platform.machine()} · Python {platform.python_version()}"
             f" · seed {args.seed} · {time.strftime('%Y-%m-%d')}",
             f"inputs tried: {len(cases)} (corpus {len(list(HOSTILE.glob('*'))) - 1}, mutants and valid bases the rest)"
             f" in {seconds:.1f} s",
             *(f"{key}: {tally[key]}" for key in ("accepted", "refused", "refusals not localized in zh and en",
                                                  "crashes", "hangs (> 10 s)", "partial writes", "lost or changed rows",
                                                  "slowest input (s)")),
             *(f"  {key}: {value}" for key, value in sorted(tally.items()) if key.startswith(("crash:", "not loc"))),
             f"store integrity_check after all inputs: {integrity}",
             "peak memory per MB of input while reading, in a fresh process per file: Python allocations (tracemalloc"
             " peak, a separate run) and resident set (peak of the reading process minus the same process loading the"
             " bytes only); the time is of the untraced run:",
             *(f"  {fmt} {size:.1f} MB: {traced:.1f} MB/MB allocated, {rss:.1f} MB/MB resident, {secs:.1f} s, {outcome}" for fmt, size, traced, rss, secs, outcome in memory)]
    text = "\n".join(lines) + "\n"
    print(text, end="")
    Path(args.output).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
