"""Benchmark: the first page view after the workspace starts, against a bare Streamlit app.

Run from the repository root:  .venv/bin/python bench/bench_startup.py [--repeat 3]

For each server variant, starts a fresh server process on a free loopback port (seeded demo database, no
sign-in configured, so the workspace opens Overview in local mode), waits until ``/_stcore/health`` answers
(reported separately: "ready"), then opens the page in Debian chromium (playwright) and measures from
``page.goto`` until the script has finished and the page's title is drawn ("first view"). A second tab
(a new Streamlit session in the same server) gives "next view". Variants:

- ``bare``: a one-file Streamlit app (a title and a metric), ``python -m streamlit run``: the baseline;
- ``app, streamlit run``: ``python -m streamlit run app.py`` (how the workspace was started before #13.4);
- ``app, scripts/launch.py``: ``python scripts/launch.py app.py`` (how ``scripts/run.sh`` starts it): the page modules'
  imports are loaded before the server listens, so they are part of "ready", not of the first view.

Prints median figures of ``--repeat`` fresh starts each and writes bench/results/startup.txt.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_portfolio import machine_info  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from cfp_core import store  # noqa: E402
from cfp_core.store.seed import seed_database  # noqa: E402

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
FLAGS = ["--server.headless", "true", "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none",
         "--server.address", "127.0.0.1"]
BARE = 'import streamlit as st\n\nst.title("Hello")\nst.metric("Total", "93.4346")\n'
DONE = ("() => document.querySelector(\"[data-testid='stApp'][data-test-script-state='notRunning']\")"
        " && !document.querySelector(\"[data-testid='stStatusWidget']\") && document.querySelector('h1')")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _view(browser, url: str) -> float:
    page = browser.new_page()
    start = time.perf_counter()
    page.goto(url)
    page.wait_for_function(DONE, timeout=120_000, polling=20)
    elapsed = time.perf_counter() - start
    page.close()
    return elapsed


def start_once(command: list[str], env: dict, browser) -> tuple[float, float, float]:
    """Start one server; return (seconds to healthy, first view, next view)."""
    port = _free_port()
    start = time.perf_counter()
    proc = subprocess.Popen([*command, "--server.port", str(port), *FLAGS], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        while True:
            try:
                if urllib.request.urlopen(f"{url}/_stcore/health", timeout=1).read() == b"ok":
                    break
            except OSError:
                if time.perf_counter() - start > 120:
                    raise RuntimeError(f"{command} did not become healthy") from None
                time.sleep(0.05)
        ready = time.perf_counter() - start
        return ready, _view(browser, url), _view(browser, url)
    finally:
        proc.terminate()
        proc.wait(timeout=15)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench_startup_"))
    db_file = work / "cfp.db"
    db = store.open_db(db_file)
    seed_database(db)
    db.close()
    (work / "bare.py").write_text(BARE, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CFP_OIDC", "CFP_AUTH"))}
    env["CFP_DB_PATH"] = str(db_file)
    python = sys.executable
    variants = {
        "bare Streamlit app (streamlit run bare.py)": [python, "-m", "streamlit", "run", str(work / "bare.py")],
        "workspace, streamlit run app.py (before)": [python, "-m", "streamlit", "run", "app.py"],
        "workspace, python scripts/launch.py app.py (scripts/run.sh)": [python, "scripts/launch.py", "app.py"],
    }
    figures: dict[str, tuple[float, float, float]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        browser.new_page().close()  # chromium's own first-tab cost is not the server's
        for name, command in variants.items():
            runs = [start_once(command, env, browser) for _ in range(options.repeat)]
            figures[name] = tuple(statistics.median(r[i] for r in runs) for i in range(3))
        browser.close()
    bare_first = figures[next(iter(variants))][1]
    lines = [f"bench_startup.py, {time.strftime('%Y-%m-%d %H:%M:%S', time.gmtime())} UTC", *machine_info(),
             f"median of {options.repeat} fresh server starts each; seeded demo database, local mode (Overview);"
             " 'ready' = process start until /_stcore/health answers; 'first view' = page.goto until the script"
             " finished and the title is drawn, in a fresh server; 'next view' = a second tab (new session)"]
    for name, (ready, first, following) in figures.items():
        lines.append(f"{name}: ready {ready:.2f} s; first view {first:.2f} s = {first / bare_first:.2f}× bare;"
                     f" next view {following:.2f} s")
    text = "\n".join(lines) + "\n"
    print(text, end="")
    out = ROOT / "bench" / "results" / "startup.txt"
    out.write_text(text, encoding="utf-8")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
