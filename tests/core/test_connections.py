"""Supplier connections: the secret encrypted at rest, refused without a key, revisions, checked fields (#10.5)."""

from __future__ import annotations

import json
import logging
import sqlite3

import pytest
from click.testing import CliRunner
from cryptography.fernet import Fernet

from cfp_core import store
from cfp_core.access import Role, cli_principal
from cfp_core.cli import cli
from cfp_core.errors import PermissionDenied
from cfp_core.i18n import t
from cfp_core.io import connection_history, list_connections, save_connection
from cfp_core.io.connections import (
    ConnectionInvalid,
    SecretKeyInvalid,
    SecretKeyMissing,
    SecretUnreadable,
    check_url,
    reveal_secret,
)
from tests.core.test_access import member

ORG = "acme"
ADMIN = cli_principal(ORG, "tests")
SECRET = "very-secret-client-value-42"


@pytest.fixture
def key(monkeypatch):
    value = Fernet.generate_key().decode()
    monkeypatch.setenv("CFP_SECRET_KEY", value)
    return value


def test_the_raw_database_file_does_not_contain_the_secret(tmp_path, key, caplog):
    path = tmp_path / "cfp.db"
    db = store.open_db(path)
    with caplog.at_level(logging.DEBUG):
        saved = save_connection(db, ADMIN, "Supplier A", "https://pact.a.example", "buyer-1", secret=SECRET)
    assert reveal_secret(db, saved) == SECRET
    db.close()
    raw = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.name.startswith("cfp.db"))  # with -wal
    assert SECRET.encode() not in raw and b"buyer-1" in raw
    assert SECRET not in caplog.text


def test_refused_without_the_key_saying_what_to_set(fresh_db, monkeypatch):
    monkeypatch.delenv("CFP_SECRET_KEY", raising=False)
    with pytest.raises(SecretKeyMissing) as refused:
        save_connection(fresh_db, ADMIN, "Supplier A", "https://pact.a.example", "buyer-1", secret=SECRET)
    assert "CFP_SECRET_KEY" in refused.value.message("en") and "Fernet.generate_key()" in refused.value.message("en")
    assert "CFP_SECRET_KEY" in refused.value.message("zh") and "环境变量" in refused.value.message("zh")
    assert list_connections(fresh_db, ORG) == [] and store.list_audit_events(fresh_db) == []


def test_a_key_that_is_not_a_fernet_key_is_refused(fresh_db, monkeypatch):
    monkeypatch.setenv("CFP_SECRET_KEY", "not-a-key")
    with pytest.raises(SecretKeyInvalid, match="not a Fernet key"):
        save_connection(fresh_db, ADMIN, "Supplier A", "https://pact.a.example", "buyer-1", secret=SECRET)


def test_a_changed_key_says_so(fresh_db, key, monkeypatch):
    saved = save_connection(fresh_db, ADMIN, "Supplier A", "https://pact.a.example", "buyer-1", secret=SECRET)
    monkeypatch.setenv("CFP_SECRET_KEY", Fernet.generate_key().decode())
    with pytest.raises(SecretUnreadable, match="Supplier A"):
        reveal_secret(fresh_db, saved)


def test_revisions_are_append_only_and_a_secret_change_is_a_new_one(fresh_db, key):
    save_connection(fresh_db, ADMIN, "Supplier A", "https://pact.a.example", "buyer-1", secret=SECRET)
    second = save_connection(fresh_db, ADMIN, "Supplier A", "https://pact.a.example", "buyer-1", secret="new-one")
    third = save_connection(fresh_db, ADMIN, "Supplier A", "https://pact2.a.example/", "buyer-1")  # secret kept
    assert [c.revision for c in connection_history(fresh_db, ORG, "Supplier A")] == [1, 2, 3]
    assert reveal_secret(fresh_db, second) == reveal_secret(fresh_db, third) == "new-one"
    assert [(c.name, c.revision, c.base_url) for c in list_connections(fresh_db, ORG)] == [
        ("Supplier A", 3, "https://pact2.a.example")]
    with pytest.raises(ConnectionInvalid, match="nothing changed"):
        save_connection(fresh_db, ADMIN, "Supplier A", "https://pact2.a.example", "buyer-1")
    with pytest.raises(sqlite3.DatabaseError, match="immutable"):
        fresh_db.execute("update supplier_connections set client_id = 'x'")
    events = store.list_audit_events(fresh_db)
    assert [e["target"] for e in events] == ["Supplier A r3", "Supplier A r2", "Supplier A r1"]
    assert not any(SECRET in json.dumps(e) or "new-one" in json.dumps(e) for e in events)


@pytest.mark.parametrize(("url", "ok"), [
    ("https://pact.a.example/api/", "https://pact.a.example/api"),
    ("http://127.0.0.1:8621", "http://127.0.0.1:8621"),
    ("http://localhost:9000/x", "http://localhost:9000/x"),
    ("http://pact.a.example", None),
    ("ftp://pact.a.example", None),
    ("https://user:pw@pact.a.example", None),
    ("https://pact.a.example/?token=1", None),
    ("pact.a.example", None),
    ("", None),
])
def test_urls_are_https_or_loopback_http(url, ok):
    if ok:
        assert check_url(url, "base_url") == ok
    else:
        with pytest.raises(ConnectionInvalid) as refused:
            check_url(url, "base_url")
        assert refused.value.message("en").startswith("Base URL: ")
        assert refused.value.message("zh").startswith("基础 URL：")


def test_a_new_connection_needs_a_secret_and_named_fields(fresh_db, key):
    with pytest.raises(ConnectionInvalid, match="Client secret: this field is required"):
        save_connection(fresh_db, ADMIN, "Supplier A", "https://pact.a.example", "buyer-1")
    with pytest.raises(ConnectionInvalid, match="Name: this field is required"):
        save_connection(fresh_db, ADMIN, " ", "https://pact.a.example", "buyer-1", secret=SECRET)
    with pytest.raises(ConnectionInvalid, match="Client id"):
        save_connection(fresh_db, ADMIN, "Supplier A", "https://pact.a.example", "=cmd()", secret=SECRET)


def test_only_administrators_manage_connections(fresh_db, key):
    with pytest.raises(PermissionDenied):
        save_connection(fresh_db, member(Role.EDITOR, org=ORG), "Supplier A", "https://pact.a.example", "b",
                        secret=SECRET)
    assert save_connection(fresh_db, member(Role.ADMIN, org=ORG), "Supplier A", "https://pact.a.example", "b",
                           secret=SECRET).revision == 1


def test_cli_add_reads_the_secret_from_stdin_and_never_prints_it(tmp_path, key, monkeypatch):
    monkeypatch.setenv("CFP_DB_PATH", str(tmp_path / "cfp.db"))
    runner = CliRunner()
    added = runner.invoke(cli, ["connections", "add", "Supplier A", "--base-url", "https://pact.a.example",
                                "--client-id", "buyer-1", "--secret-stdin"], input=SECRET + "\n")
    assert added.exit_code == 0, added.output
    assert added.output.strip() == t("connections.saved", "en", name="Supplier A", revision=1)
    listed = runner.invoke(cli, ["connections", "list"])
    assert listed.output.split("\t")[:3] == ["Supplier A", "r1", "https://pact.a.example"]
    assert SECRET not in added.output + listed.output
    monkeypatch.delenv("CFP_SECRET_KEY")
    refused = runner.invoke(cli, ["--lang", "zh", "connections", "add", "Supplier B", "--base-url",
                                  "https://pact.b.example", "--client-id", "b", "--secret-stdin"], input="x\n")
    assert refused.exit_code == 1 and "CFP_SECRET_KEY" in refused.output and "环境变量" in refused.output
