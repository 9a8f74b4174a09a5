"""End to end (#10.5): our own disclosure server plays the supplier; a second workspace pulls from it and asks it.

Two disclosure servers run as real processes on 127.0.0.1 (free ports, plain HTTP with ``--allow-http-api``,
which the connection accepts on loopback only): the supplier's, over a store with published snapshots, and the
buyer's, where the supplier's answer to a PCF request arrives. The test starts and stops both.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from cryptography.fernet import Fernet

from cfp_core import store
from cfp_core.access import cli_principal
from cfp_core.io import (
    import_request_answers,
    list_sent_requests,
    list_supplier_disclosures,
    pull_connection,
    save_connection,
    send_pcf_request,
    waiting_answers,
)
from cfp_core.publish import fulfil_pcf_request
from tests.server.conftest import ROOT, seed_publications

pytestmark = pytest.mark.slow
BUYER = cli_principal("weisidemu", "buyer")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _start(db_path: Path, exchange: Path, port: int, log: Path, **env: str) -> subprocess.Popen:
    process = subprocess.Popen(
        [sys.executable, "-m", "cfp_core", "--db", str(db_path), "serve", "--host", "127.0.0.1", "--port", str(port),
         "--allow-http-api", "--disclosure-db", str(exchange)],
        cwd=ROOT, env={**os.environ, **env}, stdout=log.open("w"), stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"server exited: {log.read_text()[-2000:]}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2).status_code == 200:
                return process
        except httpx.HTTPError:
            time.sleep(0.3)
    process.terminate()
    pytest.fail(f"server did not start: {log.read_text()[-2000:]}")


def _stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=5)


def _wait_for(condition, seconds: float = 60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = condition()
        if found:
            return found
        time.sleep(0.5)
    return condition()


@pytest.fixture
def buyer_db(seeded_db_file, tmp_path):
    path = tmp_path / "buyer" / "cfp.db"
    path.parent.mkdir()
    source = store.open_db(seeded_db_file)
    source.conn.execute("VACUUM INTO ?", [str(path)])
    source.close()
    return path


def test_pull_from_our_own_server_then_request_and_receive_the_answer(seeded_db, seeded_db_path, buyer_db,
                                                                      tmp_path, monkeypatch):
    monkeypatch.setenv("CFP_SECRET_KEY", Fernet.generate_key().decode())
    published = seed_publications(seeded_db)  # the supplier: WS-TPS-48-900A published twice, an API client for us
    seeded_db.close()
    supplier_port, buyer_port = _free_port(), _free_port()
    buyer_url = f"http://127.0.0.1:{buyer_port}"
    db = store.open_db(buyer_db)
    callback_client, callback_secret = store.create_api_client(db, BUYER, "Supplier A (answers)")
    credentials = {buyer_url: {"client_id": callback_client.client_id, "client_secret": callback_secret}}
    supplier_exchange, buyer_exchange = tmp_path / "supplier-disclosure.db", tmp_path / "buyer" / "disclosure.db"
    supplier = _start(seeded_db_path, supplier_exchange, supplier_port, tmp_path / "supplier.log",
                      CFP_CALLBACK_CREDENTIALS=json.dumps(credentials))
    buyer = None
    try:
        buyer = _start(buyer_db, buyer_exchange, buyer_port, tmp_path / "buyer.log")
        save_connection(db, BUYER, "Supplier A", f"http://127.0.0.1:{supplier_port}", published["client"].client_id,
                        secret=published["secret"])

        # 1. a PCF request for the product of the latest footprint; the supplier's approver fulfils it
        pf_id = published["second"].snapshot_id
        product_ids = _product_ids(supplier_port, published)
        sent = send_pcf_request(db, BUYER, "Supplier A", product_ids, "2025, please", source=f"{buyer_url}/3/events")
        assert [r.state for r in list_sent_requests(db, BUYER.org_id)] == ["sent"]
        supplier_db = store.open_db(seeded_db_path)
        request = _wait_for(lambda: next((r for r in store.list_pcf_requests(supplier_exchange)
                                          if r.event_id == sent.event_id), None), 20)
        assert request is not None and request.state == "open" and request.comment == "2025, please"
        fulfil_pcf_request(supplier_db, cli_principal("weisidemu", "supplier approver"), request, [pf_id])
        supplier_db.close()
        assert _wait_for(lambda: waiting_answers(db, BUYER.org_id, buyer_exchange)), (tmp_path / "supplier.log").read_text()[-3000:]
        (answered,) = import_request_answers(db, BUYER, buyer_exchange)
        assert answered.state == "fulfilled" and len(answered.answer["new"]) == 1 and not answered.answer["refused"]
        assert [s.disclosure.pf_id for s in list_supplier_disclosures(db)] == [pf_id]
        assert import_request_answers(db, BUYER, buyer_exchange) == []  # each answer once

        # 2. fetch now: every published version, through the gates; the fulfilled one is already stored
        result = pull_connection(db, BUYER, "Supplier A")
        assert result.ok, result.error
        assert result.fetched == 2 and not result.refused and len(result.new) == 1 and len(result.duplicate) == 1
        stored = {s.disclosure.pf_id: s for s in list_supplier_disclosures(db)}
        assert set(stored) == {published["first"].snapshot_id, pf_id}
        assert stored[pf_id].disclosure.supplier and stored[pf_id].disclosure.spec_version.startswith("3.0")
        again = pull_connection(db, BUYER, "Supplier A")
        assert again.new == () and len(again.duplicate) == 2 and len(list_supplier_disclosures(db)) == 2
    finally:
        db.close()
        _stop(supplier)
        if buyer is not None:
            _stop(buyer)


def _product_ids(port: int, published: dict) -> list[str]:
    """The productIds of the supplier's latest footprint, read through its own API."""
    base = f"http://127.0.0.1:{port}"
    token = httpx.post(f"{base}/auth/token", data={"grant_type": "client_credentials"},
                       auth=(published["client"].client_id, published["secret"])).json()["access_token"]
    reply = httpx.get(f"{base}/3/footprints/{published['second'].snapshot_id}",
                      headers={"Authorization": f"Bearer {token}"})
    return reply.json()["data"]["productIds"]
