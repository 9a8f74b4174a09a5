"""Supplier-connections page (#10.5): add a connection, fetch now (a fake supplier), refusals, in zh and en."""

from __future__ import annotations

import httpx
import pytest
from cryptography.fernet import Fernet

from cfp_core import store
from cfp_core.access import cli_principal
from cfp_core.i18n import t
from cfp_core.io import pact_pull, save_connection
from tests.core.test_pact_pull import GOOD, Supplier

ADMIN = cli_principal("weisidemu", "tests")
SECRET = "page-secret-value-7"


@pytest.fixture(autouse=True)
def key(monkeypatch):
    monkeypatch.setenv("CFP_SECRET_KEY", Fernet.generate_key().decode())


@pytest.fixture
def fake_supplier(monkeypatch):
    """Every session the page opens talks to a fake supplier (no network)."""
    supplier = Supplier(pages=[[GOOD[0]], [GOOD[1], {**GOOD[2], "companyName": ""}]])
    real = pact_pull.session_for
    monkeypatch.setattr(pact_pull, "session_for", lambda db, connection, transport=None, **options: real(
        db, connection, httpx.MockTransport(supplier), sleep=lambda s: None))
    return supplier


def add_connection(secret: str = "s3cret-value") -> None:
    db = store.open_db()
    try:
        save_connection(db, ADMIN, "Supplier A", "https://pact.supplier.example", "buyer-1", secret=secret)
    finally:
        db.close()


def texts(at) -> str:
    return " ".join(e.value for kind in (at.markdown, at.success, at.error, at.warning, at.info, at.caption)
                    for e in kind)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_empty_page_invites_a_connection(page_app, lang):
    at = page_app("supplier_connections", lang=lang).run()
    assert not at.exception
    assert at.title[0].value == t("nav.supplier_connections", lang)
    assert at.info[0].value == t("connections.none", lang)
    assert at.text_input(key="connections_secret").label == t("connections.field.secret", lang)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_adding_a_connection_never_shows_the_secret(page_app, lang):
    at = page_app("supplier_connections", lang=lang).run()
    at.text_input(key="connections_name").input("Supplier B")
    at.text_input(key="connections_base_url").input("https://pact.b.example/")
    at.text_input(key="connections_client_id").input("buyer-9")
    at.text_input(key="connections_secret").input(SECRET)
    next(b for b in at.button if b.label == t("connections.save", lang)).click()
    at.run()
    assert not at.exception
    assert at.success[0].value == t("connections.saved", lang, name="Supplier B", revision=1)
    table = at.dataframe[0].value
    assert list(table["base_url"]) == ["https://pact.b.example"] and list(table["client_id"]) == ["buyer-9"]
    assert SECRET not in texts(at) + table.to_csv()
    assert at.text_input(key="connections_secret").value == ""  # the form forgets it


def test_a_bad_url_is_refused_with_the_field_named(page_app):
    at = page_app("supplier_connections", lang="zh").run()
    at.text_input(key="connections_name").input("Supplier B")
    at.text_input(key="connections_base_url").input("http://pact.b.example")
    at.text_input(key="connections_client_id").input("buyer-9")
    at.text_input(key="connections_secret").input(SECRET)
    next(b for b in at.button if b.label == t("connections.save", "zh")).click()
    at.run()
    assert any(t("connections.reason.https", "zh") in e.value for e in at.error)
    assert len(at.dataframe) == 0


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_fetch_now_shows_new_and_refused_with_the_json_path(page_app, fake_supplier, lang):
    add_connection()
    at = page_app("supplier_connections", lang=lang).run()
    at.button(key="connections_fetch").click()
    at.run()
    assert not at.exception
    assert at.warning[0].value == t("connections.result", lang, name="Supplier A", fetched=3, new=2, duplicate=0,
                                    refused=1)
    assert t("connections.refused", lang, path="page 2: data[1]", pf_id=GOOD[2]["id"]) in texts(at)
    assert "page 2: data[1].companyName" in texts(at)
    at.button(key="connections_fetch").click()
    at.run()
    assert at.warning[0].value == t("connections.result", lang, name="Supplier A", fetched=3, new=0, duplicate=2,
                                    refused=1)


def test_fetch_failure_is_shown_in_the_readers_language(page_app, fake_supplier):
    fake_supplier.fail["/auth/token"] = [httpx.Response(401)]
    add_connection()
    at = page_app("supplier_connections", lang="en").run()
    at.button(key="connections_fetch").click()
    at.run()
    assert at.error[0].value == t("connections.fail.auth", "en", name="Supplier A",
                                  url="https://pact.supplier.example/auth/token", status=401)
    shown = at.error[0].value
    at.run()  # the table (above the button) shows the recorded run from the next run on
    assert at.dataframe[0].value["fetch"][0] == shown


def test_a_request_without_a_product_id_names_the_field(page_app):
    add_connection()
    at = page_app("supplier_connections", lang="zh").run()
    at.button(key="connections_request_send").click()
    at.run()
    assert any(e.value.startswith(t("connections.field.product_id", "zh")) for e in at.error)
