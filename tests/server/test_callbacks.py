"""The callback sender: token from the requester, retries with back-off, every attempt logged."""

from __future__ import annotations

import asyncio
import json
import time

import httpx

from cfp_core.server import ServerConfig, create_app
from cfp_core.server.callbacks import backoff, events_url


def test_events_url_and_backoff():
    assert events_url("https://buyer.example.com/") == "https://buyer.example.com/3/events"
    assert events_url("//api.example.com/3/events") == "https://api.example.com/3/events"
    assert [backoff(n) for n in (1, 2, 3, 4)] == [5, 10, 20, 40] and backoff(30) == 3600


def test_failed_delivery_is_retried_with_a_fresh_token_and_logged(server_config, published):
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append((request.url.path, request.headers.get("authorization", "")))
        if request.url.path == "/auth/token":
            return httpx.Response(200, json={"access_token": f"t{len(calls)}", "token_type": "Bearer"})
        return httpx.Response(503 if len(calls) < 3 else 200)

    config = ServerConfig(**{**server_config.__dict__,
                             "callback_credentials": {"https://buyer.example.com": ("id", "secret")}})
    app = create_app(config, send_callbacks=False, transport=httpx.MockTransport(handler))
    event = {"type": "org.wbcsd.pact.ProductFootprint.RequestCreatedEvent.3", "specversion": "1.0", "id": "r-1",
             "source": "https://buyer.example.com", "time": "2026-01-05T08:00:00Z",
             "data": {"productId": ["urn:pact:null"]}}
    app.state.outbox.receive_request(published["client"], event, [])
    outbox = app.state.outbox
    assert asyncio.run(outbox.send_due()) == 0  # 503: retried later
    row = app.state.exchange.conn.execute("select attempts, next_at, last_error from outbox").fetchone()
    assert row[0] == 1 and row[1] > time.time() + 4 and "503" in row[2]
    app.state.exchange.conn.execute("update outbox set next_at = 0")
    assert asyncio.run(outbox.send_due()) == 1
    assert [path for path, _ in calls] == ["/auth/token", "/3/events", "/auth/token", "/3/events"]
    assert calls[1][1] == "Bearer t1" and calls[3][1] == "Bearer t3"
    log = app.state.exchange.conn.execute("select status from callback_log order by id").fetchall()
    assert [status for (status,) in log] == [503, 200]
    body = json.loads(app.state.exchange.conn.execute("select body from outbox").fetchone()[0])
    assert body["data"] == {"requestEventId": "r-1", "error": {
        "code": "NotFound", "message": "No published footprint matches the request."}}
