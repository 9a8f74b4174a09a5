"""Fixtures of the real-browser tests: the dashboard served by ``streamlit run`` and Debian chromium."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from cfp_core import store
from cfp_core.store.seed import seed_database

pw = pytest.importorskip("playwright.sync_api")

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """Start the dashboard on a free port with a freshly seeded database; yield (url, db path)."""
    if not os.path.exists(CHROMIUM):
        pytest.fail("chromium is not installed: run scripts/setup.sh test (apt-get install -y chromium)")
    db_file = tmp_path_factory.mktemp("browser") / "cfp.db"
    db = store.open_db(db_file)
    seed_database(db)
    db.close()
    port = _free_port()
    env = dict(os.environ, CFP_DB_PATH=str(db_file))
    proc = subprocess.Popen(
        [sys.executable, "scripts/launch.py", "app.py", "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1",
         "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 60
        while True:
            try:
                if urllib.request.urlopen(f"{url}/_stcore/health", timeout=1).read() == b"ok":
                    break
            except OSError:
                if time.time() > deadline:
                    raise RuntimeError("streamlit did not become healthy") from None
                time.sleep(0.2)
        yield url, db_file
    finally:
        proc.terminate()
        proc.wait(timeout=15)


@pytest.fixture(scope="module")
def browser():
    with pw.sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield instance
        instance.close()
