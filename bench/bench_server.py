"""Benchmark: the disclosure server's card page and ``GET /3/footprints?limit=100`` under 20 concurrent clients.

Run from the repository root:  .venv/bin/python bench/bench_server.py [--cards 1000] [--seconds 10]

Builds a store with N published external cards (one real publication of WS-TPS-48-900A, copied as N
snapshots with their own ids, tokens and hashes), starts ``python -m cfp_core serve`` under uvicorn on
127.0.0.1 (plain HTTP, ``--allow-http-api``: TLS is not what is measured), and a bare Starlette "hello"
app on the same stack (uvicorn, one worker) as the baseline. A bounded asyncio loop of 20 httpx clients
hits each route for ``--seconds``. Prints requests/s, the ratio to hello, p50/p99 latency and the
server's resident memory, and writes bench/results/server.txt.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402

from cfp_core import store  # noqa: E402
from cfp_core.access import cli_principal  # noqa: E402
from cfp_core.publish import publish  # noqa: E402
from cfp_core.store.seed import seed_database  # noqa: E402

HELLO = """
import uvicorn
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route
async def hello(request):
    return PlainTextResponse("hello")
uvicorn.run(Starlette(routes=[Route("/hello", hello)]), host="127.0.0.1", port={port}, log_level="warning")
"""


def free_port() -> int:
    """A free port in 8600–8649 (the range this project may use)."""
    for port in range(8600, 8650):
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port in 8600-8649")


def build_store(path: Path, cards: int) -> tuple[list[str], str, str]:
    """Seed a store, publish one real card and copy it as ``cards`` snapshots; return tokens and a client."""
    admin = cli_principal("weisidemu", "bench")
    os.environ.setdefault("CFP_PUBLIC_URL", "https://cards.example.com")
    db = store.open_db(path)
    seed_database(db)
    product = store.load_product(db, "WS-TPS-48-900A")
    store.save_product(db, admin, product.model_copy(update={"product_mass_kg": 120.0}))
    first = publish(db, admin, "WS-TPS-48-900A", "2025", audience="customers")
    payload = first.payload()
    tokens = [first.token]
    with store.write_transaction(db):
        for index in range(1, cards):
            snapshot_id, token = str(uuid.uuid4()), uuid.uuid4().hex + uuid.uuid4().hex
            period = f"B{index:04d}"
            payload = {**payload, "snapshot": {**payload["snapshot"], "snapshot_id": snapshot_id, "period": period}}
            db.table("published_snapshots").insert({
                "snapshot_id": snapshot_id, "model_code": first.model_code, "period": period, "version": 1,
                "token": token, "created": first.created, "audience": "customers", "author": "bench",
                "payload": store.canonical_json(payload), "content_hash": store.content_hash(payload)})
            db.table("snapshot_status_events").insert({"snapshot_id": snapshot_id, "status": "Active",
                                                       "successor_id": "", "reason": "", "created": first.created})
            tokens.append(token)
    client, secret = store.create_api_client(db, admin, "bench")
    db.close()
    return tokens, client.client_id, secret


def wait(url: str, timeout: float = 120) -> None:
    """Wait until ``url`` answers 200."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"{url} did not start")


def rss_mb(pid: int) -> float:
    """Resident set size of a process in MiB (Linux /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def load(urls: list[str], headers: dict, seconds: float, clients: int = 20) -> dict:
    """Run ``clients`` concurrent loops over ``urls`` (round robin) for ``seconds``; return the figures."""
    latencies: list[float] = []
    errors = 0
    stop = time.perf_counter() + seconds
    counter = iter(range(10 ** 12))

    async def worker(http: httpx.AsyncClient) -> None:
        nonlocal errors
        while time.perf_counter() < stop:
            url = urls[next(counter) % len(urls)]
            started = time.perf_counter()
            reply = await http.get(url, headers=headers)
            latencies.append(time.perf_counter() - started)
            errors += reply.status_code != 200

    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(limits=limits, timeout=30) as http:
        for url in urls[:clients]:  # warm up connections (and the first renders)
            await http.get(url, headers=headers)
        began = time.perf_counter()
        await asyncio.gather(*(worker(http) for _ in range(clients)))
        elapsed = time.perf_counter() - began
    latencies.sort()
    return {"requests": len(latencies), "rps": len(latencies) / elapsed, "errors": errors,
            "p50_ms": statistics.median(latencies) * 1000,
            "p99_ms": latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000}


def main() -> None:
    """Run the benchmark and write bench/results/server.txt."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=1000)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "results" / "server.txt")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="cfp-bench-"))
    tokens, client_id, secret = build_store(work / "cfp.db", args.cards)
    port, hello_port = free_port(), None
    env = {**os.environ, "CFP_DISCLOSURE_DB": str(work / "disclosure.db")}
    server = subprocess.Popen([sys.executable, "-m", "cfp_core", "--db", str(work / "cfp.db"), "serve", "--port",
                               str(port), "--allow-http-api"], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    hello = None
    try:
        base = f"http://127.0.0.1:{port}"
        wait(f"{base}/healthz")
        rss_idle = rss_mb(server.pid)
        hello_port = free_port()
        hello = subprocess.Popen([sys.executable, "-c", HELLO.format(port=hello_port)], cwd=ROOT)
        wait(f"http://127.0.0.1:{hello_port}/hello")
        token = httpx.post(f"{base}/auth/token", data={"grant_type": "client_credentials"},
                           auth=(client_id, secret)).json()["access_token"]
        bearer = {"Authorization": f"Bearer {token}"}
        runs = {
            "hello (bare Starlette, same stack)": load([f"http://127.0.0.1:{hello_port}/hello"], {}, args.seconds),
            "card HTML, one card (render cached)": load([f"{base}/c/{tokens[0]}?lang=zh"], {}, args.seconds),
            f"card HTML, {len(tokens)} cards round robin": load([f"{base}/c/{t}?lang=zh" for t in tokens], {},
                                                                args.seconds),
            "GET /3/footprints?limit=100": load([f"{base}/3/footprints?limit=100"], bearer, args.seconds),
        }
        figures = {}
        for name, coroutine in runs.items():
            figures[name] = asyncio.run(coroutine)
        rss_loaded = rss_mb(server.pid)
    finally:
        server.terminate()
        if hello is not None:
            hello.terminate()
    floor = figures["hello (bare Starlette, same stack)"]["rps"]
    lines = [f"# {platform.processor() or platform.machine()} · {os.cpu_count()} CPUs · load "
             f"{os.getloadavg()[0]:.2f} · Python {platform.python_version()} · {args.cards} published cards · "
             f"20 concurrent clients · {args.seconds:g} s per route", ""]
    lines.append(f"{'route':44} {'req/s':>9} {'× hello':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}")
    for name, f in figures.items():
        lines.append(f"{name:44} {f['rps']:9.0f} {f['rps'] / floor:8.2f} {f['p50_ms']:8.1f} {f['p99_ms']:8.1f} "
                     f"{f['errors']:7d}")
    lines += ["", f"server RSS: {rss_idle:.0f} MiB after start ({args.cards} cards indexed), "
                  f"{rss_loaded:.0f} MiB after the runs (render cache full)"]
    text = "\n".join(lines) + "\n"
    print(text)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    (work / "figures.json").write_text(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
