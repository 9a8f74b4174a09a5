"""PCF requests to a supplier (a RequestCreatedEvent) and importing its answers from our server's database (#10.5)."""

from __future__ import annotations

import json

import httpx
import pytest

from cfp_core import store
from cfp_core.io import (
    PullFailed,
    import_request_answers,
    list_sent_requests,
    list_supplier_disclosures,
    save_connection,
    send_pcf_request,
    waiting_answers,
)
from cfp_core.io.connections import ConnectionInvalid
from cfp_core.io.pact_requests import FULFILLED, REJECTED, REQUEST_CREATED
from tests.core.test_pact_pull import ADMIN, BASE, GOOD, ORG, Supplier

SOURCE = "https://cfp.buyer.example/3/events"


@pytest.fixture
def db(fresh_db, monkeypatch):
    monkeypatch.setenv("CFP_SECRET_KEY", "kpIqNuzz8S2UeW6ArPjVs7Lod9r1n5hr8PElkJlVZQo=")
    save_connection(fresh_db, ADMIN, "Supplier A", BASE, "buyer-1", secret="s3cret-value")
    return fresh_db


def send(db, supplier, **kw):
    return send_pcf_request(db, ADMIN, "Supplier A", ["urn:pact:a.example:product:1"], "2025 please",
                            source=SOURCE, transport=httpx.MockTransport(supplier), sleep=lambda s: None, **kw)


def test_the_request_is_a_pact_v3_cloudevent_and_is_recorded(db):
    supplier = Supplier(fail={"/3/events": [httpx.Response(200)]})
    sent = send(db, supplier)
    posted = supplier.seen[-1]
    assert posted.method == "POST" and str(posted.url) == f"{BASE}/3/events"
    assert posted.headers["content-type"].startswith("application/cloudevents+json")
    assert posted.headers["authorization"] == "Bearer tok-123"
    event = json.loads(posted.content)
    assert event["type"] == REQUEST_CREATED == "org.wbcsd.pact.ProductFootprint.RequestCreatedEvent.3"
    assert event["specversion"] == "1.0" and event["source"] == SOURCE and event["id"] == sent.event_id
    assert event["data"] == {"productId": ["urn:pact:a.example:product:1"], "comment": "2025 please"}
    assert [(r.event_id, r.state) for r in list_sent_requests(db, ORG)] == [(sent.event_id, "sent")]


def test_a_refused_request_is_reported_and_not_recorded(db):
    with pytest.raises(PullFailed, match="HTTP 400"):
        send(db, Supplier(fail={"/3/events": [httpx.Response(400, json={"code": "BadRequest"})]}))
    assert list_sent_requests(db, ORG) == []


def test_without_a_public_url_the_request_says_what_to_set(db, monkeypatch):
    monkeypatch.delenv("CFP_PUBLIC_URL", raising=False)
    supplier = Supplier()
    with pytest.raises(ConnectionInvalid) as refused:
        send_pcf_request(db, ADMIN, "Supplier A", ["urn:x"], transport=httpx.MockTransport(supplier))
    assert "CFP_PUBLIC_URL" in refused.value.message("en") and "CFP_PUBLIC_URL" in refused.value.message("zh")
    assert supplier.seen == []


def _received(path, *events) -> None:
    """Events as our disclosure server stores them (``POST /3/events`` -> ``received_events``)."""
    exchange = store.open_exchange(path)
    with exchange.conn:
        for event in events:
            exchange.conn.execute("insert into received_events (client_id, type, event_id, received, body) "
                                  "values (?, ?, ?, ?, ?)", ["cfp-supplier", event["type"], event["id"],
                                                             "2026-12-03T10:00:00+00:00", json.dumps(event)])
    exchange.close()


def _answer(kind: str, request_id: str, answer_id: str, **data) -> dict:
    return {"type": kind, "specversion": "1.0", "id": answer_id, "source": "//pact.a.example/3/events",
            "time": "2026-12-03T10:00:00Z", "data": {"requestEventId": request_id, **data}}


def test_answers_land_in_the_intake_once_and_mark_the_requests(db, tmp_path):
    first = send(db, Supplier(fail={"/3/events": [httpx.Response(200)]}))
    second = send(db, Supplier(fail={"/3/events": [httpx.Response(200)]}))
    bad = {**GOOD[1], "companyName": ""}
    exchange = tmp_path / "disclosure.db"
    _received(exchange,
              _answer(FULFILLED, first.event_id, "ans-1", pfs=[GOOD[0], bad]),
              _answer(REJECTED, second.event_id, "ans-2", error={"code": "NotFound", "message": "no such product"}),
              _answer(FULFILLED, "someone-elses-request", "ans-3", pfs=[GOOD[2]]))
    assert [e["id"] for e in waiting_answers(db, ORG, exchange)] == ["ans-1", "ans-2"]
    answered = {r.event_id: r for r in import_request_answers(db, ADMIN, exchange)}
    assert answered[first.event_id].state == "fulfilled" and answered[second.event_id].state == "rejected"
    assert answered[second.event_id].answer["message"] == "no such product"
    (refusal,) = answered[first.event_id].answer["refused"]
    assert refusal["path"] == "data.pfs[1]" and refusal["problems"][0]["en"].startswith("data.pfs[1].companyName")
    assert [s.disclosure.pf_id for s in list_supplier_disclosures(db)] == [GOOD[0]["id"]]  # not the refused one
    assert import_request_answers(db, ADMIN, exchange) == [] and waiting_answers(db, ORG, exchange) == []
    assert {r.event_id: r.state for r in list_sent_requests(db, ORG)} == {first.event_id: "fulfilled",
                                                                          second.event_id: "rejected"}
