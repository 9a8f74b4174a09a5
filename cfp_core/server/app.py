"""The disclosure server: one Starlette app for the audience (cards) and customers' systems (PACT API).

It opens the workspace store read-only and writes only its own database (``store.exchange``). It has
no route to any editing function, and imports no streamlit. Every response carries the security
headers; API routes refuse plain HTTP (behind a reverse proxy, uvicorn's proxy headers say https).
"""

from __future__ import annotations

import asyncio
import contextlib

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from cfp_core.server import cards, pact_api
from cfp_core.server.callbacks import Outbox
from cfp_core.server.catalogue import Catalogue
from cfp_core.server.config import ServerConfig
from cfp_core.store import open_exchange

SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; img-src 'self' data:; style-src 'self'; "
                               "frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Resource-Policy": "same-origin",
}
API_PREFIXES = ("/auth/", "/3/", "/.well-known/")


class Guard(BaseHTTPMiddleware):
    """Security headers on every response; HTTPS required for the API."""

    async def dispatch(self, request: Request, call_next) -> Response:
        """Refuse plain-HTTP API calls, then add the security headers."""
        if request.app.state.config.https_only_api and request.url.path.startswith(API_PREFIXES) \
                and request.url.scheme != "https":
            response: Response = pact_api.error(403, "AccessDenied", "HTTPS is required")
        else:
            response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        if request.url.scheme == "https":
            response.headers.setdefault("Strict-Transport-Security", "max-age=31536000")
        return response


async def _root(request: Request) -> Response:
    return PlainTextResponse("CFP disclosure server: cards at /c/<token>, PACT v3 API at /3/footprints\n")


async def _health(request: Request) -> Response:
    return PlainTextResponse("ok\n", headers={"Cache-Control": "no-store"})


async def _no_icon(request: Request) -> Response:
    return Response(status_code=204, headers={"Cache-Control": "public, max-age=86400"})


def routes() -> list[Route]:
    """Every route the server has (the test of 'no editing route' reads this list)."""
    return [
        Route("/", _root),
        Route("/healthz", _health),
        Route("/favicon.ico", _no_icon),
        Route("/c/{name}", cards.card_route),
        Route("/c/{token}/bundle.zip", cards.bundle_route),
        Route("/card", cards.legacy_card_route),
        Route("/static/card.css", cards.css_route),
        Route("/static/card.{version}.css", cards.css_route),
        Route("/auth/token", pact_api.token_route, methods=["POST"]),
        Route("/.well-known/openid-configuration", pact_api.openid_route),
        Route("/3/footprints", pact_api.list_route),
        Route("/3/footprints/{pf_id}", pact_api.get_route),
        Route("/3/events", pact_api.events_route, methods=["POST"]),
    ]


def create_app(config: ServerConfig | None = None, send_callbacks: bool = True, transport=None) -> Starlette:
    """Return the disclosure server app over ``config`` (store read-only, own database writable).

    ``send_callbacks`` False leaves the callback sender off (tests drive ``app.state.outbox`` directly).
    """
    config = config or ServerConfig()

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette):
        task = asyncio.create_task(app.state.outbox.run()) if send_callbacks else None
        try:
            yield
        finally:
            if task is not None:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task

    app = Starlette(routes=routes(), middleware=[Middleware(Guard)], lifespan=lifespan)
    app.state.config = config
    app.state.catalogue = Catalogue(config.store_path, config.refresh_interval)
    app.state.exchange = open_exchange(config.exchange)
    app.state.outbox = Outbox(app.state.exchange, app.state.catalogue, config, transport)
    app.state.renders = cards.Renders()
    return app
