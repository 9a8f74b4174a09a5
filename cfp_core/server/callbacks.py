"""PCF requests in, answers out: the outbox of CloudEvents the server sends, with retries and a log.

A RequestCreatedEvent becomes a row of ``pcf_requests``; when nothing the client may read matches its
criteria it is rejected at once (NotFound), otherwise it waits for an approver (``publish.requests``).
The sender runs in the server's event loop: it turns new answers from the store into outbox rows and
POSTs due rows to the requester's ``source`` + ``/3/events`` (with a token from the requester's
``/auth/token`` when credentials for it are configured). A failed attempt is retried with exponential
back-off (5 s doubling, at most an hour apart) and abandoned after 72 hours; every attempt is logged.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
import uuid
from datetime import UTC, datetime

import httpx

from cfp_core.i18n import t
from cfp_core.server import filters
from cfp_core.store import ApiClient, now

log = logging.getLogger("cfp_core.server.callbacks")
ABANDON_AFTER = 72 * 3600
MAX_DELAY = 3600


def backoff(attempts: int) -> float:
    """Seconds to wait before attempt ``attempts + 1``."""
    return float(min(5 * 2 ** max(attempts - 1, 0), MAX_DELAY))


def events_url(source: str) -> str:
    """Return where a requester receives events: its ``source`` + ``/3/events`` (``//host`` means https)."""
    base = source.strip()
    if base.startswith("//"):
        base = "https:" + base
    base = base.rstrip("/")
    return base if base.endswith("/3/events") else base + "/3/events"


def _time() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class Outbox:
    """Receives PCF requests and delivers the answers (runs on the server's event loop)."""

    def __init__(self, exchange, catalogue, config, transport: httpx.AsyncBaseTransport | None = None) -> None:
        self.exchange, self.catalogue, self.config = exchange, catalogue, config
        self.transport = transport
        self._seen_decision = 0
        self.source = (config.public_url.rstrip("/") + "/3/events") if config.public_url else "urn:cfp:disclosure-server"

    # ---- in ---------------------------------------------------------------------------------
    def receive_request(self, client: ApiClient, event: dict, readable: list[dict]) -> str:
        """Store a RequestCreatedEvent; reject it at once when nothing readable matches. Return its id."""
        found = self.exchange.conn.execute(
            "select request_id from pcf_requests where client_id = ? and source = ? and event_id = ?",
            [client.client_id, str(event["source"]), str(event["id"])]).fetchall()
        if found:
            return found[0][0]  # a retried delivery of the same event
        wanted = filters.criteria(event["data"])
        matching = [doc for doc in readable if filters.matches(doc, wanted)]
        request_id = str(uuid.uuid4())
        state = "open" if matching else "rejected"
        with self.exchange.conn:
            self.exchange.conn.execute(
                "insert into pcf_requests (request_id, event_id, client_id, org_id, source, received, criteria, "
                "comment, event, state) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [request_id, str(event["id"]), client.client_id, client.org_id, str(event["source"]), now(),
                 json.dumps(wanted, ensure_ascii=False), str(event["data"].get("comment") or "")[:2000],
                 json.dumps(event, ensure_ascii=False), state])
            if not matching:
                self._enqueue(f"answer:{request_id}", str(event["source"]), client.client_id, self._event(
                    filters.REQUEST_REJECTED, {"requestEventId": str(event["id"]), "error": {
                        "code": "NotFound", "message": t("server.reject.not_found", "en")}}))
        return request_id

    # ---- answers from the workspace ------------------------------------------------------------
    def sync_decisions(self) -> int:
        """Turn answers recorded in the store since the last run into outbox rows; return how many."""
        added = 0
        for row_id, decision in self.catalogue.decisions(self._seen_decision):
            self._seen_decision = max(self._seen_decision, row_id)
            rows = self.exchange.conn.execute(
                "select event_id, source, client_id from pcf_requests where request_id = ?",
                [decision.request_id]).fetchall()
            if not rows:
                continue  # answered in another server's database
            event_id, source, client_id = rows[0]
            if decision.decision == "fulfilled":
                view = self.catalogue.refresh()
                pfs = [view.pact_by_id[i][1] for i in decision.pf_ids if i in view.pact_by_id]
                data = {"requestEventId": event_id, "pfs": pfs}
                kind = filters.REQUEST_FULFILLED if pfs else filters.REQUEST_REJECTED
                if not pfs:
                    data = {"requestEventId": event_id, "error": {"code": "NotFound", "message": "withdrawn"}}
            else:
                kind = filters.REQUEST_REJECTED
                data = {"requestEventId": event_id,
                        "error": {"code": decision.error_code or "NotFound", "message": decision.message}}
            with self.exchange.conn:
                added += self._enqueue(f"answer:{decision.request_id}", source, client_id, self._event(kind, data))
        return added

    def _event(self, kind: str, data: dict) -> dict:
        return {"type": kind, "specversion": "1.0", "id": str(uuid.uuid4()), "source": self.source,
                "time": _time(), "data": data}

    def _enqueue(self, key: str, source: str, client_id: str, event: dict) -> int:
        cursor = self.exchange.conn.execute(
            "insert or ignore into outbox (key, kind, url, body, client_id, created, created_ts, next_at) "
            "values (?, ?, ?, ?, ?, ?, ?, ?)",
            [key, event["type"], events_url(source), json.dumps(event, ensure_ascii=False), client_id, now(),
             time.time(), time.time()])
        return cursor.rowcount

    # ---- out ----------------------------------------------------------------------------------
    async def send_due(self) -> int:
        """POST every due outbox row once; return how many were delivered."""
        due = self.exchange.conn.execute(
            "select id, url, body, attempts, created_ts from outbox where delivered = '' and abandoned = '' "
            "and next_at <= ? order by id", [time.time()]).fetchall()
        delivered = 0
        async with httpx.AsyncClient(timeout=10, transport=self.transport) as http:
            for row_id, url, body, attempts, created_ts in due:
                status, problem = await self._post(http, url, body)
                ok = status is not None and 200 <= status < 300
                with self.exchange.conn:
                    self.exchange.conn.execute(
                        "insert into callback_log (outbox_id, at, url, status, error) values (?, ?, ?, ?, ?)",
                        [row_id, now(), url, status, problem])
                    if ok:
                        self.exchange.conn.execute("update outbox set delivered = ?, attempts = ? where id = ?",
                                                   [now(), attempts + 1, row_id])
                    else:
                        give_up = time.time() - created_ts > ABANDON_AFTER
                        self.exchange.conn.execute(
                            "update outbox set attempts = ?, next_at = ?, last_error = ?, abandoned = ? where id = ?",
                            [attempts + 1, time.time() + backoff(attempts + 1), problem or f"HTTP {status}",
                             now() if give_up else "", row_id])
                delivered += ok
                log.info("callback %s -> %s: %s %s", row_id, url, status, problem)
        return delivered

    async def _post(self, http: httpx.AsyncClient, url: str, body: str) -> tuple[int | None, str]:
        headers = {"Content-Type": "application/cloudevents+json; charset=UTF-8"}
        base = url.removesuffix("/3/events")
        try:
            if credentials := self.config.callback_credentials.get(base):
                reply = await http.post(f"{base}/auth/token", data={"grant_type": "client_credentials"},
                                        auth=credentials, headers={"Accept": "application/json"})
                if reply.status_code != 200:
                    return reply.status_code, f"token endpoint answered {reply.status_code}"
                headers["Authorization"] = f"Bearer {reply.json()['access_token']}"
            reply = await http.post(url, content=body.encode("utf-8"), headers=headers)
            return reply.status_code, "" if reply.is_success else reply.text[:500]
        except (httpx.HTTPError, ValueError, KeyError) as problem:
            return None, f"{type(problem).__name__}: {problem}"[:500]

    async def run(self) -> None:
        """Sync answers and send due callbacks forever (cancelled when the server stops)."""
        while True:
            try:
                self.sync_decisions()
                await self.send_due()
            except asyncio.CancelledError:
                raise
            except Exception:  # keep the sender alive; the log says what broke
                log.exception("callback sender failed")
            await asyncio.sleep(self.config.callback_poll)
