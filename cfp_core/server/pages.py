"""The HTML pages the audience sees: a card (one language or both), unknown card (404), withdrawn (410).

Pure functions of a snapshot, shared by the server and ``export-site``. The markup is the card's own
(``publish.card.view_fragment``); the stylesheet is linked (``/static/card.css``), never inlined, and no
page carries a script. Every link points at another card address or a download of this card.
"""

from __future__ import annotations

import hashlib
import html
import urllib.parse

from cfp_core.i18n import t
from cfp_core.publish import Snapshot
from cfp_core.publish.card import card_view, name_in, page_css, view_fragment

LANG_CHOICES = ("zh", "en", "both")
DOWNLOADS = (("png", "publish.download.png"), ("svg", "publish.download.svg"), ("pdf", "publish.download.pdf"),
             ("json", "publish.download.json"))


def css() -> str:
    """Return the stylesheet of every page."""
    return page_css() + (".cfp-links{max-width:860px;margin:16px auto;font:14px sans-serif;color:#52606D}"
                         ".cfp-links a{margin-right:14px;color:#0E6B55}.cfp-notice{max-width:640px;margin:48px auto;"
                         "font:16px/1.6 sans-serif;color:#1F2933;background:#fff;padding:24px 28px;border-radius:12px}")


def css_version() -> str:
    """Return a short hash of the stylesheet (for a cache-busting file name)."""
    return hashlib.sha256(css().encode("utf-8")).hexdigest()[:12]


def negotiate(query_lang: str | None, accept_language: str | None, default: str = "zh") -> str:
    """Return zh, en or both: ``?lang=`` first, then the best of zh/en in Accept-Language, else ``default``."""
    if query_lang:
        value = query_lang.strip().lower()
        if value in LANG_CHOICES:
            return value
        if value.startswith(("zh", "en")):
            return value[:2]
    ranked = []
    for index, part in enumerate((accept_language or "").split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        if tag[:2].lower() in ("zh", "en") and quality > 0:
            ranked.append((-quality, index, tag[:2].lower()))
    return min(ranked)[2] if ranked else default


def _page(lang: str, title: str, body: str) -> str:
    html_lang = "en" if lang == "en" else "zh-CN"
    return (f'<!DOCTYPE html>\n<html lang="{html_lang}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<meta name="robots" content="noindex"><title>{html.escape(title)}</title>'
            f'<link rel="stylesheet" href="/static/card.{css_version()}.css"></head>\n<body>{body}</body></html>\n')


def card_href(token: str, lang: str | None = None, suffix: str = "") -> str:
    """Return the site-relative address of a card (``/c/<token><suffix>?lang=…``)."""
    query = f"?{urllib.parse.urlencode({'lang': lang})}" if lang else ""
    return f"/c/{urllib.parse.quote(token, safe='')}{suffix}{query}"


def card_page(snapshot: Snapshot, lang: str, base_url: str | None, successor: Snapshot | None = None) -> str:
    """Return the card page in ``lang`` (zh, en or both: Chinese then English)."""
    langs = ("zh", "en") if lang == "both" else (lang,)
    parts = []
    for one in langs:
        view = card_view(snapshot, one, base_url)
        parts.append(view_fragment(view, inline_styles=False))  # CSP: style-src 'self'
        if successor is not None and successor.snapshot_id != snapshot.snapshot_id:
            parts.append(f'<p class="cfp-links"><a href="{html.escape(card_href(successor.token, one))}">'
                         f'{html.escape(t("card.open_successor", one, version=successor.version))}</a></p>')
    first = langs[0]
    links = "".join(f'<a href="{html.escape(card_href(snapshot.token, first, "." + fmt))}">{html.escape(t(key, first))}</a>'
                    for fmt, key in DOWNLOADS)
    links += f'<a href="{html.escape(card_href(snapshot.token, first, "/bundle.zip"))}">' \
             f'{html.escape(t("publish.download.bundle", first))}</a>'
    view = card_view(snapshot, first, base_url)
    return _page(first, f"{view.product} · {view.heading}", "\n".join(parts) + f'<p class="cfp-links">{links}</p>')


def not_found_page(lang: str) -> str:
    """Return the page of an unknown card address (both languages when none was asked for)."""
    langs = ("zh", "en") if lang == "both" else (lang,)
    body = "".join(f'<div class="cfp-notice" lang="{"en" if one == "en" else "zh-CN"}"><h1>'
                   f'{html.escape(t("server.card.not_found_title", one))}</h1>'
                   f'<p>{html.escape(t("server.card.not_found", one))}</p></div>' for one in langs)
    return _page(langs[0], t("server.card.not_found_title", langs[0]), body)


def withdrawn_page(snapshot: Snapshot, lang: str) -> str:
    """Return the page of a withdrawn card: what it was and the publisher's withdrawal note, no numbers."""
    langs = ("zh", "en") if lang == "both" else (lang,)
    d = snapshot.disclosure
    body = "".join(
        f'<div class="cfp-notice" lang="{"en" if one == "en" else "zh-CN"}"><h1>'
        f'{html.escape(t("server.card.withdrawn_title", one))}</h1>'
        f'<p><strong>{html.escape(name_in(one, d.product.name_zh, d.product.name_en))}</strong> · '
        f'{html.escape(t("card.model", one, model=d.product.model_code))} · v{snapshot.version}</p>'
        f'<p>{html.escape(t("card.withdrawn", one, reason=snapshot.status_reason))}</p></div>' for one in langs)
    return _page(langs[0], t("server.card.withdrawn_title", langs[0]), body)
