"""Public links only from the configured address; refused publish; the api-client and export-site commands."""

from __future__ import annotations

import http.server
import threading
from functools import partial

import httpx
import pytest
from click.testing import CliRunner

from cfp_core import store
from cfp_core.cli import cli
from cfp_core.errors import PublicUrlMissing, PublicUrlNotPublic
from cfp_core.models import OrganisationSettings
from cfp_core.publish import public_card_url, publish, why_not_public

from .conftest import ADMIN, WS, seed_publications


@pytest.mark.parametrize("url, why", [
    ("http://127.0.0.1:8611", "loopback"), ("https://localhost", "loopback"), ("http://[::1]:8443", "loopback"),
    ("https://10.1.2.3", "private"), ("https://192.168.0.10/app", "private"), ("https://169.254.1.1", "private"),
    ("https://cfp-server", "local_name"), ("https://printer.local", "local_name"),
    ("https://cfp.example.com", None), ("https://8.8.8.8", None),
])
def test_which_addresses_customers_can_reach(url, why):
    assert why_not_public(url) == why


def test_shared_card_is_refused_without_a_reachable_public_address(seeded_db, monkeypatch):
    monkeypatch.delenv("CFP_PUBLIC_URL", raising=False)
    with pytest.raises(PublicUrlMissing) as missing:
        publish(seeded_db, ADMIN, WS, "2025", audience="customers")
    assert "公网地址" in missing.value.message("zh") and "public base URL" in missing.value.message("en")
    store.save_settings(seeded_db, ADMIN, OrganisationSettings(org_id="weisidemu",
                                                               public_base_url="http://127.0.0.1:8611"))
    with pytest.raises(PublicUrlNotPublic) as loopback:
        publish(seeded_db, ADMIN, WS, "2025", audience="public")
    assert "127.0.0.1:8611" in loopback.value.message("en") and "本机回环地址" in loopback.value.message("zh")
    assert publish(seeded_db, ADMIN, WS, "2025", audience="internal").version == 1  # internal cards need none
    store.save_settings(seeded_db, ADMIN, OrganisationSettings(org_id="weisidemu",
                                                               public_base_url="https://cfp.weisidemu.cn"))
    card = publish(seeded_db, ADMIN, WS, "2025", audience="customers")
    assert public_card_url(seeded_db, "weisidemu", card.token) == f"https://cfp.weisidemu.cn/c/{card.token}"
    monkeypatch.setenv("CFP_PUBLIC_URL", "https://override.example.com")
    assert public_card_url(seeded_db, "weisidemu", card.token).startswith("https://override.example.com/c/")


def test_api_client_commands(seeded_db_path):
    runner = CliRunner()
    created = runner.invoke(cli, ["--db", str(seeded_db_path), "api-client", "create", "--name", "Buyer",
                                  "--product", WS])
    assert created.exit_code == 0, created.output
    client_id = created.output.split()[1]
    assert "client_secret" in created.output
    listed = runner.invoke(cli, ["--db", str(seeded_db_path), "api-client", "list"])
    assert f"{client_id}\tactive\t{WS}\tBuyer" in listed.output
    assert runner.invoke(cli, ["--db", str(seeded_db_path), "api-client", "revoke", client_id]).exit_code == 0
    assert "\trevoked " in runner.invoke(cli, ["--db", str(seeded_db_path), "api-client", "list"]).output
    bad = runner.invoke(cli, ["--db", str(seeded_db_path), "api-client", "create", "--name", "x", "--product", "NOPE"])
    assert bad.exit_code == 1 and "NOPE" in bad.output
    db = store.open_db(seeded_db_path)
    assert [e["action"] for e in store.list_audit_events(db, action="manage_api_clients")] == ["manage_api_clients"] * 2
    db.close()


def test_export_site_serves_the_same_cards_from_a_plain_web_server(seeded_db, seeded_db_path, tmp_path):
    published = seed_publications(seeded_db)
    seeded_db.close()
    site = tmp_path / "site"
    result = CliRunner().invoke(cli, ["--db", str(seeded_db_path), "export-site", str(site)])
    assert result.exit_code == 0, result.output
    token = published["second"].token
    assert (site / "c" / token / "index.html").exists() and (site / "c" / f"{token}.png").exists()
    assert not (site / "c" / published["internal"].token).exists()  # internal cards stay inside
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *a: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        page = httpx.get(f"{base}/c/{token}?lang=zh", follow_redirects=True)
        assert page.status_code == 200 and "93.4346" in page.text and page.text.count("<article") == 2
        css = page.text.split('href="')[1].split('"')[0]
        assert httpx.get(base + css).status_code == 200
        assert httpx.get(f"{base}/c/{token}.json").json()["content_hash"] == published["second"].content_hash
        superseded = httpx.get(f"{base}/c/{published['first'].token}", follow_redirects=True).text
        assert f"/c/{token}?lang=zh" in superseded
    finally:
        server.shutdown()
