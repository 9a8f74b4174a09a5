"""The PACT v3.0 API of the disclosure server: auth, ListFootprints filters and pagination, GetFootprint, events."""

from __future__ import annotations

import json
import uuid

import pytest
import yaml
from jsonschema import Draft202012Validator, FormatChecker

from cfp_core import store
from cfp_core.publish import fulfil_pcf_request, pcf_requests, reject_pcf_request

from .conftest import ADMIN, ROOT, WS, basic, shared

OFFICIAL = shared("reference/pact/v3/openapi.yaml", "CFP_PACT_OPENAPI")
VENDORED = ROOT / "tests" / "data" / "pact" / "pact-v3.0.1-schemas.yaml"
CREATED = "org.wbcsd.pact.ProductFootprint.RequestCreatedEvent.3"


def _schema(name: str) -> Draft202012Validator:
    source = OFFICIAL if OFFICIAL is not None else VENDORED  # the vendored copy has no event schemas
    document = yaml.safe_load(source.read_text(encoding="utf-8"))
    return Draft202012Validator({**document, "$ref": f"#/components/schemas/{name}"}, format_checker=FormatChecker())


FOOTPRINT = _schema("ProductFootprint")


def _event(kind: str, data: dict, **extra) -> str:
    return json.dumps({"type": kind, "specversion": "1.0", "id": extra.get("id", str(uuid.uuid4())),
                       "source": extra.get("source", "https://buyer.example.com"), "time": "2026-01-05T08:00:00Z",
                       "data": data})


def test_token_with_valid_and_invalid_credentials(client, published):
    good = client.post("/auth/token", data={"grant_type": "client_credentials"},
                       headers=basic(published["client"].client_id, published["secret"]))
    assert good.status_code == 200 and good.json()["token_type"] == "Bearer" and good.json()["expires_in"] == 3600
    for headers in (basic(published["client"].client_id, "wrong"), basic("cfp-unknown", "x"), {}):
        bad = client.post("/auth/token", data={"grant_type": "client_credentials"}, headers=headers)
        assert bad.status_code == 401 and bad.json()["error"] == "invalid_client"
    wrong_grant = client.post("/auth/token", data={"grant_type": "password"},
                              headers=basic(published["client"].client_id, published["secret"]))
    assert wrong_grant.status_code == 400 and wrong_grant.json()["error"] == "unsupported_grant_type"


def test_revoked_client_and_its_tokens_stop_working(client, seeded_db, published, bearer):
    store.revoke_api_client(seeded_db, ADMIN, published["client"].client_id)
    assert client.get("/3/footprints", headers=bearer).status_code == 401
    again = client.post("/auth/token", data={"grant_type": "client_credentials"},
                        headers=basic(published["client"].client_id, published["secret"]))
    assert again.status_code == 401


def test_openid_configuration_names_the_token_endpoint(client):
    assert client.get("/.well-known/openid-configuration").json()["token_endpoint"] == "https://testserver/auth/token"


def test_plain_http_is_refused_for_the_api(app, published):
    from starlette.testclient import TestClient

    plain = TestClient(app, base_url="http://testserver")
    reply = plain.post("/auth/token", data={"grant_type": "client_credentials"},
                       headers=basic(published["client"].client_id, published["secret"]))
    assert reply.status_code == 403 and "access_token" not in reply.text
    assert plain.get("/3/footprints").status_code == 403
    assert plain.get(f"/c/{published['second'].token}").status_code == 200  # cards may sit behind plain HTTP


def test_list_serves_valid_footprints_with_status_and_predecessors(client, bearer, published):
    data = client.get("/3/footprints", headers=bearer).json()["data"]
    assert {d["id"] for d in data} == {published["first"].snapshot_id, published["second"].snapshot_id}
    for document in data:
        assert [e.message for e in FOOTPRINT.iter_errors(document)] == []
    by_id = {d["id"]: d for d in data}
    assert by_id[published["first"].snapshot_id]["status"] == "Deprecated"
    assert by_id[published["second"].snapshot_id]["status"] == "Active"
    assert by_id[published["second"].snapshot_id]["precedingPfIds"] == [published["first"].snapshot_id]
    assert by_id[published["second"].snapshot_id]["pcf"]["pcfExcludingBiogenicUptake"].startswith("69.53")  # cradle-to-gate


def test_get_footprint_and_errors(client, bearer, published):
    pf_id = published["second"].snapshot_id
    assert client.get(f"/3/footprints/{pf_id}", headers=bearer).json()["data"]["id"] == pf_id
    missing = client.get("/3/footprints/00000000-0000-0000-0000-000000000000", headers=bearer)
    assert missing.status_code == 404 and missing.json()["code"] == "NotFound"
    assert client.get(f"/3/footprints/{published['internal'].snapshot_id}", headers=bearer).status_code == 404
    for headers in ({"Authorization": "Bearer nope"}, {}):
        denied = client.get(f"/3/footprints/{pf_id}", headers=headers)
        assert denied.status_code == 401 and denied.json()["code"] == "BadRequest"


def test_product_scoped_client_sees_only_its_products(client, seeded_db, published):
    scoped, secret = store.create_api_client(seeded_db, ADMIN, "Other buyer", products=["WS-TPS-48-600A"])
    token = client.post("/auth/token", data={"grant_type": "client_credentials"},
                        headers=basic(scoped.client_id, secret)).json()["access_token"]
    headers = {"Authorization": f"Bearer {token}"}
    assert client.get("/3/footprints", headers=headers).json() == {"data": []}
    forbidden = client.get(f"/3/footprints/{published['second'].snapshot_id}", headers=headers)
    assert forbidden.status_code == 403 and forbidden.json()["code"] == "AccessDenied"


@pytest.mark.parametrize("query, expected", [
    ("", 2), ("status=Active", 1), ("status=deprecated", 1), ("status=Bogus", 0),
    ("geography=cn-zj", 2), ("geography=CN-ZJ&geography=DE", 2), ("geography=XX", 0), ("companyId=urn:bogus:x", 0),
    ("validOn=1900-01-01T00:00:00Z", 0), ("validAfter=2099-12-31T23:59:59Z", 0),
    ("validBefore=1900-01-01T00:00:00Z", 0), ("validBefore=2099-01-01T00:00:00Z", 2),
    ("productId=urn:bogus:1&productId=urn:bogus:2", 0), ("classification=urn:bogus", 0),
])
def test_filters(client, bearer, query, expected):
    reply = client.get(f"/3/footprints?{query}", headers=bearer)
    assert reply.status_code == 200 and len(reply.json()["data"]) == expected


def test_filters_match_the_first_footprint_case_insensitively(client, bearer):
    first = client.get("/3/footprints", headers=bearer).json()["data"][0]
    for name, value in (("productId", first["productIds"][0]), ("companyId", first["companyIds"][0].upper()),
                        ("validOn", first["pcf"]["referencePeriodEnd"])):
        data = client.get("/3/footprints", params={name: value}, headers=bearer).json()["data"]
        assert first["id"] in {d["id"] for d in data}, name


def test_pagination_link_is_absolute_and_complete(client, bearer):
    first = client.get("/3/footprints?limit=1&status=Active&status=Deprecated", headers=bearer)
    assert len(first.json()["data"]) == 1
    link = first.headers["Link"]
    assert link.startswith("<https://testserver/3/footprints?") and link.endswith('>; rel="next"')
    url = link[1:link.index(">")]
    second = client.get(url, headers=bearer)
    assert len(second.json()["data"]) == 1 and "Link" not in second.headers
    assert second.json()["data"][0]["id"] != first.json()["data"][0]["id"]
    for bad in ("limit=-1", "limit=x", "offset=a", "validOn=yesterday"):
        assert client.get(f"/3/footprints?{bad}", headers=bearer).status_code == 400


def test_events_validation(client, bearer):
    headers = {**bearer, "Content-Type": "application/cloudevents+json; charset=UTF-8"}
    published = "org.wbcsd.pact.ProductFootprint.PublishedEvent.3"
    assert client.post("/3/events", content=_event(published, {"pfIds": [str(uuid.uuid4())]}),
                       headers=headers).status_code == 200
    assert client.post("/3/events", content=_event(published, {"pfIds": ["urn:gtin:4712345060507"]}),
                       headers=headers).status_code == 400
    assert client.post("/3/events", content="{", headers=headers).status_code == 400
    assert client.post("/3/events", content=json.dumps({"type": CREATED}), headers=headers).status_code == 400
    assert client.post("/3/events", content=_event("x.y", {}), headers=headers).status_code == 400
    assert client.post("/3/events", content=_event(published, {"pfIds": []}),
                       headers={"Authorization": "Bearer bad"}).status_code == 401


def test_request_is_stored_answered_by_an_approver_and_queued_for_the_requester(
        app, client, bearer, seeded_db, server_config, published):
    headers = {**bearer, "Content-Type": "application/cloudevents+json"}
    product_id = client.get("/3/footprints", headers=bearer).json()["data"][0]["productIds"][0]
    assert client.post("/3/events", headers=headers, content=_event(
        CREATED, {"productId": [product_id], "comment": "2025 please"}, id="req-a")).status_code == 200
    assert client.post("/3/events", headers=headers, content=_event(
        CREATED, {"productId": ["urn:pact:null"]}, id="req-b")).status_code == 200
    open_requests = pcf_requests(seeded_db, server_config.exchange, "weisidemu")
    assert [r.event_id for r, _ in open_requests] == ["req-a"]  # req-b was rejected at once
    request = open_requests[0][0]
    assert request.comment == "2025 please" and request.product_ids == (product_id,)
    fulfil_pcf_request(seeded_db, ADMIN, request, [published["second"].snapshot_id])
    with pytest.raises(Exception, match="already answered"):
        reject_pcf_request(seeded_db, ADMIN, request, "changed my mind")
    assert pcf_requests(seeded_db, server_config.exchange, "weisidemu") == []
    assert app.state.outbox.sync_decisions() == 1
    rows = app.state.exchange.conn.execute("select url, kind, body from outbox order by id").fetchall()
    assert [(url, kind.rsplit(".", 2)[1]) for url, kind, _ in rows] == [
        ("https://buyer.example.com/3/events", "RequestRejectedEvent"),
        ("https://buyer.example.com/3/events", "RequestFulfilledEvent")]
    fulfilled = json.loads(rows[1][2])
    assert fulfilled["data"]["requestEventId"] == "req-a" and fulfilled["data"]["pfs"][0]["id"] == published["second"].snapshot_id
    if OFFICIAL is not None:  # the vendored copy has no event schemas; CI has ../shared
        assert [e.message for e in _schema("RequestFulfilledEvent").iter_errors(fulfilled)] == []
    assert json.loads(rows[0][2])["data"]["error"]["code"] == "NotFound"


def test_same_request_twice_is_stored_once(client, bearer, seeded_db, server_config):
    headers = {**bearer, "Content-Type": "application/cloudevents+json"}
    for _ in range(2):
        client.post("/3/events", headers=headers, content=_event(CREATED, {"geography": ["CN"]}, id="same"))
    assert len(store.list_pcf_requests(server_config.exchange)) == 1
    assert WS  # the request covers the published product
