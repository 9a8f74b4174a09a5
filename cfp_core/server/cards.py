"""Card routes: ``/c/{token}`` (HTML), ``.png|.svg|.pdf|.json``, ``/bundle.zip``, the stylesheet, old links.

Unknown tokens (and internal cards) are 404, withdrawn cards 410 with the withdrawal note. Every
representation gets a strong ETag derived from the snapshot's content hash plus what varies (format,
language, status, link), and is rendered once (LRU cache) off the event loop.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from cfp_core.publish import Snapshot
from cfp_core.publish.card import MEDIA_TYPES, card_filename, render_card
from cfp_core.server import pages

CARD_CACHE = "public, max-age=600, must-revalidate"  # the content is immutable, its status is not
STATIC_CACHE = "public, max-age=31536000, immutable"
_RENDER_CACHE_BYTES = 64 * 1024 * 1024


class Renders:
    """An LRU of rendered card representations keyed by ETag, bounded by their total size in bytes."""

    def __init__(self, limit: int = _RENDER_CACHE_BYTES) -> None:
        self.limit, self.used, self._items = limit, 0, OrderedDict()

    def get(self, key: str):
        """Return a cached value (and mark it recent), or None."""
        if key in self._items:
            self._items.move_to_end(key)
            return self._items[key]
        return None

    def put(self, key: str, value) -> None:
        """Store a value, dropping the least recent ones beyond the byte limit."""
        if key in self._items:
            self.used -= len(self._items.pop(key))
        self._items[key] = value
        self.used += len(value)
        while self.used > self.limit and len(self._items) > 1:
            self.used -= len(self._items.popitem(last=False)[1])


def etag(snapshot: Snapshot, fmt: str, lang: str, base_url: str) -> str:
    """Return the strong ETag of one representation: content hash + a digest of what varies."""
    variant = "|".join([fmt, lang, snapshot.status, snapshot.successor_id or "", snapshot.status_reason, base_url])
    return f'"{snapshot.content_hash[:32]}-{hashlib.sha256(variant.encode()).hexdigest()[:16]}"'


def _split(name: str) -> tuple[str, str]:
    for fmt in ("png", "svg", "pdf", "json"):
        if name.endswith("." + fmt):
            return name[: -len(fmt) - 1], fmt
    return name, "html"


async def card_route(request: Request) -> Response:
    """``GET /c/{name}`` where name is ``<token>`` or ``<token>.<fmt>``."""
    token, fmt = _split(request.path_params["name"])
    return await _serve(request, token, fmt)


async def bundle_route(request: Request) -> Response:
    """``GET /c/{token}/bundle.zip``."""
    return await _serve(request, request.path_params["token"], "bundle")


async def css_route(request: Request) -> Response:
    """``GET /static/card.<version>.css`` (and the unversioned name)."""
    version = request.path_params.get("version")
    cache = STATIC_CACHE if version == pages.css_version() else "public, max-age=600"
    return Response(pages.css(), media_type="text/css; charset=utf-8", headers={"Cache-Control": cache})


async def legacy_card_route(request: Request) -> Response:
    """``GET /card?token=…&lang=…`` (links printed from the workspace) → ``/c/{token}``."""
    token = request.query_params.get("token", "")
    if not token:
        return HTMLResponse(pages.not_found_page(_lang(request)), status_code=404)
    return RedirectResponse(pages.card_href(token, request.query_params.get("lang")), status_code=301)


def _lang(request: Request) -> str:
    default = request.app.state.config.default_lang
    return pages.negotiate(request.query_params.get("lang"), request.headers.get("accept-language"), default)


async def _serve(request: Request, token: str, fmt: str) -> Response:
    state = request.app.state
    lang = _lang(request)
    snapshot = state.catalogue.card(token)
    vary = {"Vary": "Accept-Language"}
    if snapshot is None:
        return HTMLResponse(pages.not_found_page(lang), status_code=404, headers={"Cache-Control": "no-store", **vary})
    if snapshot.status == "Withdrawn":
        return HTMLResponse(pages.withdrawn_page(snapshot, lang), status_code=410,
                            headers={"Cache-Control": CARD_CACHE, **vary})
    base_url = state.config.public_url or state.catalogue.view.base_urls.get(
        snapshot.disclosure.organisation.org_id) or str(request.base_url).rstrip("/")
    render_lang = "zh" if lang == "both" and fmt != "html" else lang
    tag = etag(snapshot, fmt, render_lang, base_url)
    headers = {"ETag": tag, "Cache-Control": CARD_CACHE, **vary}
    if tag in [t.strip() for t in request.headers.get("if-none-match", "").split(",")]:
        return Response(status_code=304, headers=headers)
    body = state.renders.get(tag)
    if body is None:
        successor = state.catalogue.view.by_id.get(snapshot.successor_id or "")
        if fmt == "html":
            body = (await run_in_threadpool(pages.card_page, snapshot, render_lang, base_url, successor)).encode()
        else:
            body = await run_in_threadpool(render_card, snapshot, fmt, render_lang, base_url)
        state.renders.put(tag, body)
    media = MEDIA_TYPES[fmt] + ("; charset=utf-8" if fmt in ("html", "json") else "")
    if fmt in ("bundle", "pdf"):
        disposition = "attachment" if fmt == "bundle" else "inline"
        headers["Content-Disposition"] = f'{disposition}; filename="{card_filename(snapshot, fmt)}"'
    return Response(body, media_type=media, headers=headers)
