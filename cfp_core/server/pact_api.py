"""The PACT v3.0 API: ``POST /auth/token``, OpenID configuration, ``/3/footprints``, ``POST /3/events``.

Authentication is OAuth2 client credentials over HTTP Basic; secrets are argon2 hashes in the store
(verified off the event loop); access tokens are opaque random strings kept only as SHA-256 hashes in
the server's database. Error bodies follow the specification (``invalid_client`` for the token
endpoint, ``{"code", "message"}`` elsewhere). Filtering, validity and events: ``server.filters``.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import secrets
import time
import urllib.parse

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from cfp_core.server import filters
from cfp_core.store import ApiClient, now


def error(status: int, code: str, message: str, **headers: str) -> JSONResponse:
    """Return a PACT error response ``{"code", "message"}``."""
    return JSONResponse({"code": code, "message": message}, status_code=status, headers=headers or None)


def _oauth_error(status: int, code: str, description: str) -> JSONResponse:
    headers = {"WWW-Authenticate": 'Basic realm="pact"'} if status == 401 else {}
    return JSONResponse({"error": code, "error_description": description}, status_code=status,
                        headers={"Cache-Control": "no-store", **headers})


def _basic(request: Request, form) -> tuple[str, str] | None:
    header = request.headers.get("authorization", "")
    if header[:6].lower() == "basic ":
        try:
            decoded = base64.b64decode(header[6:].strip(), validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            return None
        client_id, sep, secret = decoded.partition(":")
        if not sep:
            return None
        # RFC 6749 §2.3.1 form-encodes both parts; PACT clients (and the conformance suite) often do not.
        return client_id, secret
    if form.get("client_id") and form.get("client_secret"):
        return str(form["client_id"]), str(form["client_secret"])
    return None


async def token_route(request: Request) -> Response:
    """``POST /auth/token``: exchange client credentials for a bearer token."""
    form = await request.form()
    credentials = _basic(request, form)
    if credentials is None:
        return _oauth_error(401, "invalid_client", "Client authentication failed")
    if form.get("grant_type") != "client_credentials":
        return _oauth_error(400, "unsupported_grant_type", "Only grant_type=client_credentials is supported")
    catalogue = request.app.state.catalogue
    client = await run_in_threadpool(catalogue.authenticate, *credentials)
    if client is None:
        client_id, secret = credentials  # tolerate clients that do form-encode (RFC 6749)
        decoded = urllib.parse.unquote_plus(client_id), urllib.parse.unquote_plus(secret)
        if decoded != credentials:
            client = await run_in_threadpool(catalogue.authenticate, *decoded)
    if client is None:
        return _oauth_error(401, "invalid_client", "Client authentication failed")
    token = secrets.token_urlsafe(32)
    ttl = request.app.state.config.token_ttl
    exchange = request.app.state.exchange
    with exchange.conn:
        exchange.conn.execute("delete from access_tokens where expires < ?", [time.time()])
        exchange.conn.execute("insert into access_tokens values (?, ?, ?, ?)",
                              [_digest(token), client.client_id, now(), time.time() + ttl])
    return JSONResponse({"access_token": token, "token_type": "Bearer", "expires_in": ttl, "scope": "footprint:list footprint:read"},
                        headers={"Cache-Control": "no-store", "Pragma": "no-cache"})


async def openid_route(request: Request) -> Response:
    """``GET /.well-known/openid-configuration``: where the token endpoint is."""
    base = str(request.base_url).rstrip("/")
    return JSONResponse({"issuer": base, "token_endpoint": f"{base}/auth/token",
                         "grant_types_supported": ["client_credentials"],
                         "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
                         "response_types_supported": ["token"]})


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def bearer_client(request: Request) -> ApiClient | None:
    """Return the active API client of the request's bearer token, or None."""
    header = request.headers.get("authorization", "")
    if header[:7].lower() != "bearer ":
        return None
    rows = request.app.state.exchange.conn.execute(
        "select client_id from access_tokens where token_hash = ? and expires >= ?",
        [_digest(header[7:].strip()), time.time()]).fetchall()
    return request.app.state.catalogue.client(rows[0][0]) if rows else None


def _unauthorized() -> JSONResponse:
    return error(401, "BadRequest", "Invalid or expired access token",
                 **{"WWW-Authenticate": 'Bearer error="invalid_token"'})


async def list_route(request: Request) -> Response:
    """``GET /3/footprints``: the client's footprints, filtered, paginated with ``Link: rel="next"``."""
    client = bearer_client(request)
    if client is None:
        return _unauthorized()
    try:
        query = filters.parse_query(request.query_params.multi_items())
        limit, offset = filters.page(query)
    except ValueError as problem:
        return error(400, "BadRequest", str(problem))
    view = request.app.state.catalogue.refresh()  # one consistent view for the whole request
    matching = [s.snapshot_id for s, doc in view.footprints
                if client.may_read(s.disclosure.organisation.org_id, s.model_code) and filters.matches(doc, query)]
    chunk = matching[offset: offset + limit] if limit is not None else matching[offset:]
    headers = {"Cache-Control": "no-store"}
    if limit is not None and offset + limit < len(matching):
        kept = [(k, v) for k, v in request.query_params.multi_items() if k.lower() != "offset"]
        link = f"{str(request.base_url).rstrip('/')}/3/footprints?{urllib.parse.urlencode(kept + [('offset', offset + limit)])}"
        headers["Link"] = f'<{link}>; rel="next"'
    body = b'{"data":[' + b",".join(view.encoded[i] for i in chunk) + b"]}"  # serialised once per build
    return Response(body, media_type="application/json", headers=headers)


async def get_route(request: Request) -> Response:
    """``GET /3/footprints/{id}``: one footprint (404 unknown, 403 outside the client's scope)."""
    client = bearer_client(request)
    if client is None:
        return _unauthorized()
    pf_id = request.path_params["pf_id"]
    found = request.app.state.catalogue.refresh().pact_by_id.get(pf_id)
    if found is None:
        return error(404, "NotFound", f"Footprint with ID '{pf_id}' does not exist")
    snapshot, document = found
    if not client.may_read(snapshot.disclosure.organisation.org_id, snapshot.model_code):
        return error(403, "AccessDenied", "This client may not read this footprint")
    return JSONResponse({"data": document}, headers={"Cache-Control": "no-store"})


async def events_route(request: Request) -> Response:
    """``POST /3/events``: accept a CloudEvent (RequestCreated stored as a PCF request; others logged)."""
    client = bearer_client(request)
    if client is None:
        return _unauthorized()
    try:
        event = json.loads(await request.body())
    except (ValueError, UnicodeDecodeError):
        return error(400, "BadRequest", "The body is not JSON")
    problem = filters.event_problem(event)
    if problem:
        return error(400, "BadRequest", problem)
    state = request.app.state
    if event["type"] == filters.REQUEST_CREATED:
        readable = [doc for _, doc in state.catalogue.readable(client)]
        state.outbox.receive_request(client, event, readable)
    else:
        with state.exchange.conn:
            state.exchange.conn.execute(
                "insert into received_events (client_id, type, event_id, received, body) values (?, ?, ?, ?, ?)",
                [client.client_id, event["type"], str(event["id"]), now(), json.dumps(event, ensure_ascii=False)])
    return Response(status_code=200)
