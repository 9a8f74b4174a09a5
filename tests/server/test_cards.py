"""Card routes of the disclosure server: formats, languages, 404/410, superseded banner, caching, headers."""

from __future__ import annotations

import io
import json
import re
import zipfile

from PIL import Image

from cfp_core.publish import withdraw
from cfp_core.server import routes

from .conftest import ADMIN, PUBLIC

CSP = "default-src 'none'; img-src 'self' data:; style-src 'self'; frame-ancestors 'none'"


def test_card_page_in_both_languages_with_the_report_total(client, published):
    token = published["second"].token
    zh = client.get(f"/c/{token}?lang=zh")
    en = client.get(f"/c/{token}", headers={"Accept-Language": "en-US,en;q=0.9,zh;q=0.5"})
    both = client.get(f"/c/{token}?lang=both")
    assert zh.status_code == en.status_code == both.status_code == 200
    assert "93.4346" in zh.text and "93.4346" in en.text
    assert 'lang="zh-CN"' in zh.text and 'lang="en"' in en.text
    assert "产品碳足迹" in zh.text or "碳足迹" in zh.text
    assert both.text.count('<article class="cfp-card') == 2
    assert f"{PUBLIC}/c/{token}" in zh.text  # the printed link comes from the configured public address


def test_accept_language_picks_the_best_supported_language(client, published):
    token = published["second"].token
    reply = client.get(f"/c/{token}", headers={"Accept-Language": "fr;q=1, zh-CN;q=0.4, en;q=0.8"})
    assert '<html lang="en"' in reply.text
    assert '<html lang="zh-CN"' in client.get(f"/c/{token}").text  # default: Chinese


def test_security_headers_and_no_inline_script_or_style(client, published):
    reply = client.get(f"/c/{published['second'].token}")
    assert reply.headers["Content-Security-Policy"].startswith(CSP)
    assert reply.headers["X-Content-Type-Options"] == "nosniff"
    assert reply.headers["Referrer-Policy"] == "no-referrer"
    assert "<script" not in reply.text and "<style" not in reply.text and "style=" not in reply.text
    css = re.search(r'href="(/static/card\.[0-9a-f]+\.css)"', reply.text).group(1)
    sheet = client.get(css)
    assert sheet.status_code == 200 and sheet.headers["content-type"].startswith("text/css")
    assert "immutable" in sheet.headers["Cache-Control"] and ".cfp-swatch--production" in sheet.text


def test_every_format_and_the_bundle(client, published):
    token = published["second"].token
    png = client.get(f"/c/{token}.png")
    assert png.headers["content-type"] == "image/png" and Image.open(io.BytesIO(png.content)).width > 1000
    assert client.get(f"/c/{token}.svg").text.startswith("<svg")
    assert client.get(f"/c/{token}.pdf").content.startswith(b"%PDF")
    card = json.loads(client.get(f"/c/{token}.json").content)
    assert card["content_hash"] == published["second"].content_hash
    bundle = zipfile.ZipFile(io.BytesIO(client.get(f"/c/{token}/bundle.zip").content))
    assert {name.rsplit("/", 1)[-1] for name in bundle.namelist()} == {"index.html", "card.png", "card.svg", "card.json"}


def test_strong_etag_and_not_modified(client, published):
    snapshot = published["second"]
    first = client.get(f"/c/{snapshot.token}?lang=en")
    tag = first.headers["ETag"]
    assert tag.startswith(f'"{snapshot.content_hash[:32]}-') and not tag.startswith("W/")
    assert "max-age" in first.headers["Cache-Control"]
    again = client.get(f"/c/{snapshot.token}?lang=en", headers={"If-None-Match": tag})
    assert again.status_code == 304 and not again.content
    assert client.get(f"/c/{snapshot.token}?lang=zh").headers["ETag"] != tag


def test_unknown_and_internal_tokens_are_404(client, published):
    for token in ("no-such-token", published["internal"].token, published["second"].token[:-1]):
        for suffix in ("", ".png", ".json", "/bundle.zip"):
            reply = client.get(f"/c/{token}{suffix}")
            assert reply.status_code == 404, (token, suffix)
    assert "未找到卡片" in client.get("/c/nope").text


def test_superseded_card_links_to_its_successor(client, published):
    page = client.get(f"/c/{published['first'].token}?lang=en").text
    assert "Superseded by v2" in page
    assert f'href="/c/{published["second"].token}?lang=en"' in page


def test_withdrawn_card_is_410_with_the_note(client, seeded_db, published):
    withdraw(seeded_db, ADMIN, published["second"].snapshot_id, "Meter reading corrected")
    for suffix in ("", ".png", ".json"):
        reply = client.get(f"/c/{published['second'].token}{suffix}?lang=en")
        assert reply.status_code == 410
        assert "Meter reading corrected" in reply.text and "93.4346" not in reply.text


def test_old_streamlit_links_redirect_to_the_card(client, published):
    token = published["second"].token
    reply = client.get(f"/card?token={token}&lang=en", follow_redirects=False)
    assert reply.status_code == 301 and reply.headers["location"] == f"/c/{token}?lang=en"
    assert client.get("/card", follow_redirects=False).status_code == 404


def test_the_server_has_no_editing_route():
    paths = {route.path for route in routes()}
    assert paths == {"/", "/healthz", "/favicon.ico", "/c/{name}", "/c/{token}/bundle.zip", "/card", "/static/card.css",
                     "/static/card.{version}.css", "/auth/token", "/.well-known/openid-configuration",
                     "/3/footprints", "/3/footprints/{pf_id}", "/3/events"}
    methods = {m for route in routes() for m in route.methods}
    assert methods <= {"GET", "HEAD", "POST"}
