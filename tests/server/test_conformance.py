"""WBCSD's own PACT conformance suite (V3.0) against our disclosure server, over TLS from a test CA.

The suite (``../shared/tools/pact-conformance``, or ``$CFP_PACT_CONFORMANCE``) is copied to a cache
directory keyed by the hash of its files, where ``npm ci`` runs once. The server runs as
``python -m cfp_core serve`` on a seeded store with two published PACT footprints; the suite's CLI runs
every V3.0 case. Cases 13 and 14.B are callbacks the host sends to ``CONFORMANCE_API``: in CLI mode
nobody listens there, so this test runs its own receiver (the suite's ``/auth/token`` credentials and
``/3/events``), answers the request of case 12 as an approver would, and checks that both callbacks
arrive and validate against the official event schemas.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import ipaddress
import json
import os
import re
import shutil
import socket
import ssl
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest
import yaml
from jsonschema import Draft202012Validator, FormatChecker

from cfp_core import store
from cfp_core.publish import fulfil_pcf_request, pcf_requests

from .conftest import ADMIN, ROOT, seed_publications, shared

pytestmark = [pytest.mark.conformance, pytest.mark.slow]
SUITE = shared("tools/pact-conformance", "CFP_PACT_CONFORMANCE")
OPENAPI = shared("reference/pact/v3/openapi.yaml", "CFP_PACT_OPENAPI")
CALLBACK_ID, CALLBACK_SECRET = "test_client_id", "test_client_secret"  # what the suite's own service accepts
EXPECTED_PENDING = {"TESTCASE#13", "TESTCASE#14.B"}  # callbacks: checked by our receiver below


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _certificates(directory: Path) -> tuple[Path, Path, Path]:
    """A test CA and a server certificate for 127.0.0.1/localhost signed by it: (ca.pem, cert.pem, key.pem)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    now = dt.datetime.now(dt.UTC)
    ca_key, key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "cfp test CA")])
    ca = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name).public_key(ca_key.public_key())
          .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(minutes=5))
          .not_valid_after(now + dt.timedelta(days=1))
          .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
          .add_extension(x509.KeyUsage(digital_signature=True, key_cert_sign=True, crl_sign=True,
                                       content_commitment=False, key_encipherment=False, data_encipherment=False,
                                       key_agreement=False, encipher_only=False, decipher_only=False), critical=True)
          .sign(ca_key, hashes.SHA256()))
    cert = (x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])).issuer_name(ca_name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=5)).not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1")),
                                                        x509.DNSName("localhost")]), critical=False)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
            .sign(ca_key, hashes.SHA256()))
    paths = directory / "ca.pem", directory / "cert.pem", directory / "key.pem"
    paths[0].write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    paths[1].write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    paths[2].write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return paths


def _suite_dir() -> Path:
    """The suite with its node_modules, installed once per version under the cache directory."""
    files = sorted(p for p in SUITE.rglob("*") if p.is_file() and "node_modules" not in p.parts)
    digest = hashlib.sha256()
    for path in files:
        digest.update(str(path.relative_to(SUITE)).encode() + b"\0" + path.read_bytes())
    cache = Path(os.environ.get("CFP_TEST_CACHE") or Path.home() / ".cache" / "cfp-dashboard")
    target = cache / f"pact-conformance-{digest.hexdigest()[:16]}"
    if not (target / "node_modules" / ".package-lock.json").exists():
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(SUITE, target, ignore=shutil.ignore_patterns("node_modules"))
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=target, check=True, capture_output=True,
                       timeout=600)
    return target


class Receiver(BaseHTTPRequestHandler):
    """The requester's side of cases 13/14.B: a token endpoint and an events endpoint that records calls."""

    received: list[dict] = []
    token = "receiver-token-" + os.urandom(8).hex()

    def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if self.path == "/auth/token":
            import base64

            expected = "Basic " + base64.b64encode(f"{CALLBACK_ID}:{CALLBACK_SECRET}".encode()).decode()
            ok = self.headers.get("Authorization") == expected
            self._reply(200 if ok else 401, {"access_token": self.token, "token_type": "Bearer"} if ok
                        else {"error": "invalid_client"})
            return
        self.received.append({"path": self.path, "headers": dict(self.headers), "body": json.loads(body or b"{}")})
        self._reply(200, None)

    def _reply(self, status: int, payload) -> None:
        data = json.dumps(payload).encode() if payload is not None else b""
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args) -> None:
        """Quiet."""


def _summary(output: str) -> dict[str, str]:
    """Parse the suite's result table: {"TESTCASE#n": "pass" | "fail" | "pending"} for mandatory cases."""
    text = re.sub(r"\x1b\[[0-9;]*m", "", output)
    starts = [m.end() for m in re.finditer(r"^Mandatory Tests:\s*$", text, re.M)]
    section = text[starts[-1]:].split("Non-Mandatory Tests:")[0].split("STATISTICS")[0] if starts else ""
    states = {"✓": "pass", "✗": "fail", "⧗": "pending"}
    found = {}
    for line in section.splitlines():
        match = re.match(r"\s*([✓✗⧗]) Test Case ([\d.A-Z]+):", line)
        if match:
            found[f"TESTCASE#{match.group(2)}"] = states[match.group(1)]
    return found


def _wait(url: str, ca: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, verify=ssl.create_default_context(cafile=str(ca)), timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.3)
    raise AssertionError(f"server did not start at {url}")


def _event_schema(name: str) -> Draft202012Validator:
    document = yaml.safe_load(OPENAPI.read_text(encoding="utf-8"))
    return Draft202012Validator({**document, "$ref": f"#/components/schemas/{name}"}, format_checker=FormatChecker())


@pytest.mark.timeout(900)
def test_wbcsd_conformance_suite_v3(seeded_db, seeded_db_path, tmp_path):
    if SUITE is None or not (SUITE / "package.json").exists():
        pytest.skip("PACT conformance suite not found (../shared/tools/pact-conformance or $CFP_PACT_CONFORMANCE)")
    if OPENAPI is None:
        pytest.skip("official PACT v3 openapi.yaml not found (../shared/reference/pact or $CFP_PACT_OPENAPI)")
    if not (shutil.which("node") and shutil.which("npm") and shutil.which("npx")):
        pytest.fail("Node.js and npm are required (bash scripts/setup.sh test installs them: apt-get install nodejs npm)")
    suite = _suite_dir()
    published = seed_publications(seeded_db)
    seeded_db.close()
    ca, cert, key = _certificates(tmp_path)
    port, receiver_port = _free_port(), _free_port()
    Receiver.received = []
    receiver = ThreadingHTTPServer(("127.0.0.1", receiver_port), Receiver)
    threading.Thread(target=receiver.serve_forever, daemon=True).start()
    receiver_url = f"http://127.0.0.1:{receiver_port}"
    exchange = tmp_path / "disclosure.db"
    env = {**os.environ, "CFP_DISCLOSURE_DB": str(exchange), "CFP_PUBLIC_URL": "https://cards.example.com",
           "CFP_CALLBACK_CREDENTIALS": json.dumps({receiver_url: {"client_id": CALLBACK_ID,
                                                                   "client_secret": CALLBACK_SECRET}})}
    log = (tmp_path / "server.log").open("w")
    server = subprocess.Popen([sys.executable, "-m", "cfp_core", "--db", str(seeded_db_path), "serve", "--port",
                               str(port), "--certfile", str(cert), "--keyfile", str(key)],
                              cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        base = f"https://127.0.0.1:{port}"
        _wait(f"{base}/healthz", ca)
        run = subprocess.run(
            ["npx", "ts-node", "src/scripts/run-tests-cli.ts", "--baseUrl", base, "--clientId",
             published["client"].client_id, "--clientSecret", published["secret"], "--version", "V3.0",
             "--organizationName", "cfp-dashboard CI"],
            cwd=suite, capture_output=True, text=True, timeout=600,
            env={**os.environ, "NODE_ENV": "development", "PORT": "0", "DB_CONNECTION_STRING": "unused",
                 "CONFORMANCE_API": receiver_url, "LOG_OUTPUT": "console", "NODE_EXTRA_CA_CERTS": str(ca),
                 "TS_NODE_TRANSPILE_ONLY": "1"})
        (tmp_path / "suite.log").write_text(run.stdout + run.stderr, encoding="utf-8")
        results = _summary(run.stdout + run.stderr)
        assert len(results) >= 39, run.stdout[-3000:] + run.stderr[-3000:]
        failed = {case: state for case, state in results.items()
                  if state != "pass" and not (case in EXPECTED_PENDING and state == "pending")}
        assert failed == {}, run.stdout[-6000:]

        # Case 12 asked for the first footprint's product: an approver fulfils it in the workspace.
        db = store.open_db(seeded_db_path)
        waiting = pcf_requests(db, exchange, "weisidemu")
        request = next(r for r, _ in waiting if r.event_id.endswith("/12"))
        fulfil_pcf_request(db, ADMIN, request, [published["second"].snapshot_id])
        db.close()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and len(Receiver.received) < 2:
            time.sleep(0.5)
        by_case = {e["body"]["data"]["requestEventId"].rsplit("/", 1)[-1]: e for e in Receiver.received}
        assert set(by_case) >= {"12", "14.A"}, Receiver.received
        for case, schema in (("12", "RequestFulfilledEvent"), ("14.A", "RequestRejectedEvent")):
            event = by_case[case]
            assert event["path"] == "/3/events"
            assert event["headers"]["Authorization"] == f"Bearer {Receiver.token}"
            assert event["headers"]["Content-Type"].startswith("application/cloudevents+json")
            assert [e.message for e in _event_schema(schema).iter_errors(event["body"])] == []
        fulfilled = by_case["12"]["body"]["data"]["pfs"]
        assert set(fulfilled[0]["productIds"]) & set(request.product_ids)  # what the suite checks for case 13
        assert by_case["14.A"]["body"]["data"]["error"]["code"] and by_case["14.A"]["body"]["data"]["error"]["message"]
    finally:
        server.terminate()
        server.wait(timeout=20)
        receiver.shutdown()
        log.close()
