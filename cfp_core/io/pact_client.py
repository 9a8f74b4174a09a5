"""The HTTP side of a supplier connection: OAuth2 client credentials, then PACT v3 calls (#10.5).

``PactSession`` gets a bearer token from the connection's token endpoint (HTTP Basic, ``grant_type=
client_credentials``, PACT ``{AuthSubpath}/auth/token``) and sends requests to the supplier's base URL. It
never follows a redirect or a ``Link: rel="next"`` to another origin (the token would go with it); 5xx
answers and timeouts are tried at most ``TRIES`` times with back-off, other failures at once. Every failure
is a ``PullFailed`` whose message names the connection, what happened and what to do, in zh and en.
"""

from __future__ import annotations

import re
import ssl
import time
import urllib.parse
from collections.abc import Callable

import httpx

from cfp_core.errors import CfpError

TRIES = 3
BACKOFF = 1.0  # seconds before the 2nd try, doubled before the 3rd
MAX_REDIRECTS = 3
_LINK = re.compile(r"<([^>]*)>\s*((?:;\s*[^;,]*)*)")


class PullFailed(CfpError, RuntimeError):
    """Talking to a supplier's PACT API failed; ``key`` says how (TLS, 401/403, 404, 5xx, timeout, bad JSON …)."""

    key = "connections.fail.network"


def origin(url: str) -> tuple[str, str, int | None]:
    """Return (scheme, host, port) of a URL, with the scheme's default port made explicit."""
    parts = urllib.parse.urlsplit(url)
    return parts.scheme, (parts.hostname or "").lower(), parts.port or {"https": 443, "http": 80}.get(parts.scheme)


def next_link(header: str) -> str | None:
    """Return the target of ``rel="next"`` in an RFC 8288 ``Link`` header, or None."""
    for target, params in _LINK.findall(header or ""):
        rels = re.findall(r'rel\s*=\s*"?([^";]+)"?', params)
        if any("next" in rel.lower().split() for rel in rels):
            return target.strip()
    return None


def _is_tls(error: BaseException) -> bool:
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, ssl.SSLError) or "CERTIFICATE_VERIFY_FAILED" in str(seen) or "[SSL" in str(seen):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


class PactSession:
    """One conversation with a supplier's PACT API (a token, then calls); close it when done."""

    def __init__(self, name: str, base_url: str, token_url: str, client_id: str, secret: str,
                 transport: httpx.BaseTransport | None = None, timeout: float = 15.0,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.name, self.base_url, self.token_url = name, base_url.rstrip("/"), token_url
        self._credentials = (client_id, secret)
        self._sleep = sleep
        self._token: str | None = None
        self.http = httpx.Client(transport=transport, timeout=timeout, follow_redirects=False)

    def close(self) -> None:
        """Close the HTTP connections."""
        self.http.close()

    def fail(self, key: str, url: str, **params) -> PullFailed:
        """A ``PullFailed`` of this connection (``connections.fail.<key>``)."""
        return PullFailed(f"connections.fail.{key}", name=self.name, url=url, **params)

    def token(self) -> str:
        """Return a bearer token (asked once per session). Raises ``PullFailed``."""
        if self._token is None:
            reply = self._send("POST", self.token_url, auth=self._credentials, bearer=False,
                               data={"grant_type": "client_credentials"}, headers={"Accept": "application/json"})
            body = self.json(reply)
            token = body.get("access_token") if isinstance(body, dict) else None
            if not isinstance(token, str) or not token:
                raise self.fail("malformed", self.token_url, where="access_token")
            self._token = token
        return self._token

    def same_origin(self, url: str) -> bool:
        """True if ``url`` is on the supplier's base origin (where the bearer token may go)."""
        return origin(url) == origin(self.base_url)

    def get(self, url: str, params: list[tuple[str, str]] | None = None) -> httpx.Response:
        """GET a URL of the supplier's API with the bearer token. Raises ``PullFailed``."""
        return self._send("GET", url, params=params)

    def post_event(self, event_json: bytes) -> httpx.Response:
        """POST a CloudEvent to the supplier's ``/3/events``. Raises ``PullFailed``."""
        return self._send("POST", f"{self.base_url}/3/events", content=event_json,
                          headers={"Content-Type": "application/cloudevents+json; charset=UTF-8"})

    def json(self, reply: httpx.Response):
        """Return the JSON body of a reply. Raises ``PullFailed`` (malformed) if it is not JSON."""
        try:
            return reply.json()
        except (ValueError, UnicodeDecodeError):
            raise self.fail("malformed", str(reply.request.url), where="JSON") from None

    def _send(self, method: str, url: str, bearer: bool = True, **kwargs) -> httpx.Response:
        if bearer and not self.same_origin(url):
            raise self.fail("redirect", url, base=self.base_url)
        headers = dict(kwargs.pop("headers", None) or {})
        for hop in range(MAX_REDIRECTS + 1):
            if bearer:
                headers["Authorization"] = f"Bearer {self.token()}"
            reply = self._tried(method, url, headers=headers, **kwargs)
            if not reply.is_redirect:
                return self._checked(reply, url)
            target = urllib.parse.urljoin(url, reply.headers.get("location", ""))
            if origin(target) != origin(url) or hop == MAX_REDIRECTS:
                raise self.fail("redirect", target, base=self.base_url)
            url = target
        raise self.fail("redirect", url, base=self.base_url)  # not reached

    def _tried(self, method: str, url: str, **kwargs) -> httpx.Response:
        """Send once, again after back-off on 5xx or a timeout (``TRIES`` in all)."""
        for attempt in range(1, TRIES + 1):
            last = attempt == TRIES
            try:
                reply = self.http.request(method, url, **kwargs)
            except httpx.TimeoutException:
                if last:
                    raise self.fail("timeout", url, tries=TRIES) from None
            except httpx.HTTPError as error:  # TLS and refused connections are not retried
                raise self.fail("tls" if _is_tls(error) else "network", url) from None
            else:
                if reply.status_code < 500:
                    return reply
                if last:
                    raise self.fail("server", url, status=reply.status_code, tries=TRIES)
            self._sleep(BACKOFF * 2 ** (attempt - 1))
        raise self.fail("network", url)  # not reached

    def _checked(self, reply: httpx.Response, url: str) -> httpx.Response:
        status = reply.status_code
        if status in (401, 403):
            raise self.fail("auth", url, status=status)
        if status == 404:
            raise self.fail("not_found", url)
        if status >= 400:
            raise self.fail("status", url, status=status)
        return reply
