"""Fetch now over PACT v3 against a fake supplier (``httpx.MockTransport``): OAuth2, pages, failures, gates (#10.5)."""

from __future__ import annotations

import base64
import json
import logging
import ssl
from pathlib import Path

import click
import httpx
import pytest
from click.testing import CliRunner
from cryptography.fernet import Fernet

from cfp_core import store
from cfp_core.access import Role, cli_principal
from cfp_core.cli.connections import pull_command
from cfp_core.errors import PermissionDenied
from cfp_core.i18n import t
from cfp_core.io import list_fetches, list_supplier_disclosures, pact_pull, pull_connection, save_connection
from cfp_core.io.pact_client import next_link
from tests.core.test_access import member

DATA = Path(__file__).resolve().parents[1] / "data" / "suppliers"
ORG = "acme"
ADMIN = cli_principal(ORG, "tests")
BASE = "https://pact.supplier.example"


def footprint(name: str) -> dict:
    return json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))


GOOD = [footprint(n) for n in ("supplier_a_v3", "supplier_b_v3", "supplier_c_ar6")]


class Supplier:
    """A fake PACT host: token endpoint, three pages of footprints (one per page), and what it saw."""

    def __init__(self, pages=None, fail=None):
        self.pages = pages if pages is not None else [[fp] for fp in GOOD]
        self.fail = fail or {}  # path -> list of responses/exceptions to give first
        self.seen: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.seen.append(request)
        queued = self.fail.get(request.url.path)
        if queued:
            outcome = queued.pop(0)
            if isinstance(outcome, Exception):
                raise outcome
            return outcome
        if request.url.path == "/auth/token":
            expected = "Basic " + base64.b64encode(b"buyer-1:s3cret-value").decode()
            if request.headers.get("authorization") != expected or b"client_credentials" not in request.content:
                return httpx.Response(401, json={"error": "invalid_client"})
            return httpx.Response(200, json={"access_token": "tok-123", "token_type": "Bearer"})
        if request.url.path == "/3/footprints":
            if request.headers.get("authorization") != "Bearer tok-123":
                return httpx.Response(401, json={"code": "BadRequest"})
            page = int(request.url.params.get("page", "0"))
            headers = {}
            if page + 1 < len(self.pages):
                headers["Link"] = f'<{BASE}/3/footprints?page={page + 1}>; rel="next"'
            return httpx.Response(200, json={"data": self.pages[page]}, headers=headers)
        return httpx.Response(404)


@pytest.fixture
def key(monkeypatch):
    monkeypatch.setenv("CFP_SECRET_KEY", Fernet.generate_key().decode())


@pytest.fixture
def db(fresh_db, key):
    save_connection(fresh_db, ADMIN, "Supplier A", BASE, "buyer-1", secret="s3cret-value")
    return fresh_db


def pull(db, supplier, **kw):
    return pull_connection(db, ADMIN, "Supplier A", transport=httpx.MockTransport(supplier), sleep=lambda s: None, **kw)


def test_oauth2_then_three_pages_land_in_the_intake_once(db):
    supplier = Supplier()
    result = pull(db, supplier)
    assert result.ok and result.fetched == 3 and len(result.new) == 3 and not result.refused
    token_call = supplier.seen[0]
    assert token_call.method == "POST" and token_call.url == f"{BASE}/auth/token"
    assert [r.url.params.get("page") for r in supplier.seen[1:]] == [None, "1", "2"]
    assert supplier.seen[1].url.params["limit"] == "100"
    stored = list_supplier_disclosures(db)
    assert sorted(s.disclosure.pf_id for s in stored) == sorted(fp["id"] for fp in GOOD)
    again = pull(db, Supplier())  # idempotent: the same id + version is one disclosure
    assert again.new == () and sorted(again.duplicate) == sorted(result.new)
    assert len(list_supplier_disclosures(db)) == 3
    assert [f.fetched for f in list_fetches(db, ORG)] == [3, 3]  # each run recorded, newest first


def test_product_id_filter_is_sent(db):
    supplier = Supplier()
    pull(db, supplier, product_ids=["urn:uuid:895c3c7f-6d90-5c06-b3a2-986431065819"])
    assert supplier.seen[1].url.params.get_list("productId") == ["urn:uuid:895c3c7f-6d90-5c06-b3a2-986431065819"]


def test_a_custom_auth_url_is_the_token_endpoint(db):
    save_connection(db, ADMIN, "Supplier A", BASE, "buyer-1", auth_url="https://id.supplier.example/tenant")
    supplier = Supplier(fail={"/tenant/auth/token": [httpx.Response(200, json={"access_token": "tok-123"})]})
    assert pull(db, supplier).ok
    assert str(supplier.seen[0].url) == "https://id.supplier.example/tenant/auth/token"


@pytest.mark.parametrize("status", [401, 403])
def test_refused_credentials_are_reported(db, status):
    result = pull(db, Supplier(fail={"/auth/token": [httpx.Response(status, json={"error": "invalid_client"})]}))
    assert not result.ok and not list_supplier_disclosures(db)
    assert result.error["en"] == t("connections.fail.auth", "en", name="Supplier A", url=f"{BASE}/auth/token",
                                   status=status)
    assert "凭据" in result.error["zh"]


def test_5xx_is_retried_then_reported(db):
    supplier = Supplier(fail={"/3/footprints": [httpx.Response(503)] * 3})
    result = pull(db, supplier)
    assert [r.url.path for r in supplier.seen].count("/3/footprints") == 3
    assert "HTTP 503" in result.error["en"] and "3 tries" in result.error["en"] and "已尝试 3 次" in result.error["zh"]
    assert list_fetches(db, ORG)[0].error == result.error  # a failed run is recorded too


def test_a_5xx_then_success_recovers(db):
    result = pull(db, Supplier(fail={"/3/footprints": [httpx.Response(502)]}))
    assert result.ok and len(result.new) == 3


def test_timeout_is_retried_then_reported(db):
    timeout = httpx.ReadTimeout("slow")
    supplier = Supplier(fail={"/3/footprints": [timeout, timeout, timeout]})
    result = pull(db, supplier)
    assert [r.url.path for r in supplier.seen].count("/3/footprints") == 3
    assert "did not answer in time" in result.error["en"] and "未及时响应" in result.error["zh"]


def test_tls_failure_is_named_and_not_retried(db):
    error = httpx.ConnectError("[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed")
    error.__cause__ = ssl.SSLCertVerificationError("self-signed certificate")
    supplier = Supplier(fail={"/auth/token": [error]})
    result = pull(db, supplier)
    assert len(supplier.seen) == 1
    assert "TLS (HTTPS) certificate" in result.error["en"] and "证书" in result.error["zh"]


def test_404_names_the_base_url(db):
    result = pull(db, Supplier(fail={"/3/footprints": [httpx.Response(404, json={"code": "NotFound"})]}))
    assert "HTTP 404" in result.error["en"] and "Check the base URL" in result.error["en"]


@pytest.mark.parametrize("body", [b"<html>oops</html>", b'{"data": 3}', b'{"data": [1,'])
def test_malformed_body_is_reported_and_nothing_stored(db, body):
    result = pull(db, Supplier(fail={"/3/footprints": [httpx.Response(200, content=body)]}))
    assert "not a PACT answer" in result.error["en"] and "不是 PACT 格式" in result.error["zh"]
    assert list_supplier_disclosures(db) == []


def test_refused_footprint_is_reported_with_its_json_path_and_not_stored(db):
    bad = json.loads(json.dumps(GOOD[1]))
    bad["pcf"]["declaredUnitAmount"] = "-1"
    del bad["companyName"]
    result = pull(db, Supplier(pages=[[GOOD[0]], [GOOD[2], bad]]))
    assert result.ok and result.fetched == 3 and len(result.new) == 2
    (refusal,) = result.refused
    assert refusal.path == "page 2: data[1]" and refusal.pf_id == bad["id"]
    assert any(p["en"].startswith("page 2: data[1].companyName") for p in refusal.problems), refusal.problems
    assert all(p["zh"] and p["zh"] != p["en"] for p in refusal.problems)
    assert bad["id"] not in {s.disclosure.pf_id for s in list_supplier_disclosures(db)}


def test_a_redirect_or_next_link_to_another_host_never_gets_the_token(db):
    moved = httpx.Response(302, headers={"Location": "https://evil.example/3/footprints"})
    supplier = Supplier(fail={"/3/footprints": [moved]})
    result = pull(db, supplier)
    assert "never sent to another host" in result.error["en"]
    assert all(r.url.host != "evil.example" for r in supplier.seen)
    away = Supplier()
    away.fail["/3/footprints"] = [httpx.Response(200, json={"data": [GOOD[0]]}, headers={
        "Link": '<https://evil.example/3/footprints?page=1>; rel="next"'})]
    assert not pull(db, away).ok and all(r.url.host != "evil.example" for r in away.seen)
    assert list_supplier_disclosures(db) == []  # a failed run stores nothing, not even page 1


def test_a_same_host_redirect_is_followed(db):
    moved = httpx.Response(307, headers={"Location": f"{BASE}/3/footprints?page=0"})
    assert pull(db, Supplier(fail={"/3/footprints": [moved]})).ok


def test_page_count_is_bounded(db):
    supplier = Supplier(pages=[[GOOD[0]]] * (pact_pull.MAX_PAGES + 5))
    result = pull(db, supplier)
    assert "more than 50 pages" in result.error["en"]
    assert [r.url.path for r in supplier.seen].count("/3/footprints") == pact_pull.MAX_PAGES


def test_fetching_needs_the_editor_role_before_any_network_call(db):
    supplier = Supplier()
    with pytest.raises(PermissionDenied):
        pull_connection(db, member(Role.VIEWER, org=ORG), "Supplier A", transport=httpx.MockTransport(supplier))
    assert supplier.seen == []


@pytest.mark.parametrize(("header", "expected"), [
    ('<https://a.example/3/footprints?offset=2>; rel="next"', "https://a.example/3/footprints?offset=2"),
    ('<https://a.example/p1>; rel="prev", <https://a.example/p3>; rel="next"', "https://a.example/p3"),
    ('<https://a.example/p1>; rel=last', None),
    ("", None),
])
def test_next_link(header, expected):
    assert next_link(header) == expected


def test_the_audit_log_names_the_run_not_the_secret(db):
    pull(db, Supplier())
    events = store.list_audit_events(db)
    assert events[0]["action"] == "fetch_supplier" and "3 new" in events[0]["target"]
    assert not any("s3cret-value" in json.dumps(e) for e in events)


def test_nothing_secret_reaches_the_log(db, caplog):
    with caplog.at_level(logging.DEBUG):
        pull(db, Supplier())
    assert "s3cret-value" not in caplog.text and "tok-123" not in caplog.text


def test_pull_command_fetches_every_connection_or_the_named_ones(seeded_db, seeded_db_path, key, monkeypatch):
    """``pull_command`` works wherever it is attached (``suppliers pull`` at merge), under a group like ``cli``."""
    save_connection(seeded_db, cli_principal("weisidemu", "tests"), "Supplier A", BASE, "buyer-1", secret="s3cret-value")
    path = seeded_db_path
    supplier = Supplier()
    real = pact_pull.session_for
    monkeypatch.setattr(pact_pull, "session_for", lambda d, c, transport=None, **o: real(
        d, c, httpx.MockTransport(supplier), sleep=lambda s: None))

    @click.group()
    @click.pass_context
    def root(ctx):
        ctx.obj = {"db_path": str(path), "lang": "zh", "as": "tests"}

    root.add_command(pull_command)
    done = CliRunner().invoke(root, ["pull"])
    assert done.exit_code == 0, done.output
    assert done.output.splitlines()[0] == t("connections.result", "zh", name="Supplier A", fetched=3, new=3,
                                            duplicate=0, refused=0)
    supplier.fail["/auth/token"] = [httpx.Response(401)]
    failed = CliRunner().invoke(root, ["pull", "--connection", "Supplier A"])
    assert failed.exit_code == 1 and "HTTP 401" in failed.output
