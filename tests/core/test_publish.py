"""Readiness checklists and immutable, versioned snapshots (cfp_core.publish: snapshots, readiness)."""

import hashlib
import json
import re
import uuid
from datetime import datetime

import pytest
import rfc8785

from cfp_core import numbers, store
from cfp_core.access import cli_principal  # noqa: E402
from cfp_core.errors import CfpError, NotFound, NotPublishable, TextRejected
from cfp_core.i18n import has
from cfp_core.models import SystemBoundary
from cfp_core.publish import snapshots as pub
from cfp_core.publish.disclosure import build_disclosure
from cfp_core.publish.readiness import TARGETS, readiness
from cfp_core.store.seed import seed_database
from tests.support.product import CARBON

ADMIN = cli_principal("weisidemu", "tests")  # the acting principal of every write in these tests

WS = ("WS-TPS-48-900A", "2025")


@pytest.fixture
def db(fresh_db):
    seed_database(fresh_db)
    return fresh_db


@pytest.fixture
def ws(db):
    return build_disclosure(db, *WS)


def levels(checks):
    return {c.id: c.level for c in checks}


def test_the_reference_case_can_publish_a_card_and_a_report(ws):
    checks = readiness(ws)
    assert set(checks) == set(TARGETS)
    assert not [c for c in checks["card"] if c.blocking]
    assert not [c for c in checks["report"] if c.blocking]
    assert levels(checks["card"])["verification"] == "ok"
    assert levels(checks["card"])["exclusions"] == "ok"


def test_pact_is_blocked_until_the_product_mass_is_entered(ws):
    pact = levels(readiness(ws)["pact_v3"])
    assert pact["product_mass"] == "blocking"
    assert pact["pact_scope"] == "advisory"  # the pcf is the 69.53 cradle-to-gate value, not 93.43
    with_mass = ws.product.model_copy(update={"product_mass_kg": 85.0, **CARBON})
    assert levels(readiness(ws, with_mass)["pact_v3"])["product_mass"] == "ok"


def test_mass_check_explains_why_in_both_languages(ws):
    check = next(c for c in readiness(ws)["pact_v3"] if c.id == "product_mass")
    assert "productMassPerDeclaredUnit" in check.message("en") and "piece" in check.message("en")
    assert "productMassPerDeclaredUnit" in check.message("zh") and "台" in check.message("zh")


def test_every_check_has_both_languages(ws, db):
    org = build_disclosure(db, *WS, set_id="cn-co2-org-2023")
    for disclosure in (ws, org):
        for checks in readiness(disclosure).values():
            for check in checks:
                assert has(check.key)
                assert check.message("en") and check.message("zh") and check.message("en") != check.message("zh")


def test_organisation_factor_blocks_pact_and_report_but_only_advises_on_a_card(db):
    org = build_disclosure(db, *WS, set_id="cn-co2-org-2023")
    checks = readiness(org)
    assert levels(checks["card"])["org_factor"] == "advisory"
    assert levels(checks["pact_v3"])["org_factor"] == "blocking"
    assert levels(checks["report"])["org_factor"] == "blocking"
    assert "cn_elec_co2_national_2023" in next(c for c in checks["report"] if c.id == "org_factor").message("en")


def test_illustrative_data_blocks_external_audiences_only(ws):
    demo = ws.model_copy(update={"illustrative": True})
    assert levels(readiness(demo, audience="customers")["card"])["illustrative"] == "blocking"
    assert levels(readiness(demo, audience="public")["card"])["illustrative"] == "blocking"
    assert levels(readiness(demo, audience="internal")["card"])["illustrative"] == "advisory"


def test_unnamed_exclusions_block_the_report(ws):
    bare = ws.model_copy(update={"boundary": SystemBoundary(included_stages=ws.boundary.included_stages)})
    checks = readiness(bare)
    assert levels(checks["report"])["exclusions"] == "blocking"
    assert levels(checks["card"])["exclusions"] == "advisory"
    assert "使用" in next(c for c in checks["report"] if c.id == "exclusions").message("zh")


def test_missing_verification_is_an_advisory(ws):
    unverified = ws.model_copy(update={"verification": None})
    assert levels(readiness(unverified)["card"])["verification"] == "advisory"


def test_publish_creates_an_active_first_version(db):
    snapshot = pub.publish(db, ADMIN, *WS)
    assert (snapshot.version, snapshot.status, snapshot.audience) == (1, "Active", "customers")
    assert re.fullmatch(r"[A-Za-z0-9_-]{43}", snapshot.token)  # token_urlsafe(32): 256 bits
    assert datetime.fromisoformat(snapshot.created).utcoffset().total_seconds() == 0
    assert uuid.UUID(snapshot.snapshot_id).version == 4
    assert snapshot.payload()["schema"] == "cfp-card/2"
    assert snapshot.content_hash == hashlib.sha256(rfc8785.dumps(snapshot.payload())).hexdigest()  # RFC 8785
    assert pub.verify_snapshot(snapshot)


def test_token_is_long_enough_and_url_safe(db):
    tokens = {pub.publish(db, ADMIN, *WS).token for _ in range(3)}
    assert len(tokens) == 3
    assert all(len(token) >= 22 and re.fullmatch(r"[A-Za-z0-9_-]+", token) for token in tokens)


def test_payload_holds_the_unrounded_total_and_no_token(db):
    snapshot = pub.publish(db, ADMIN, *WS)
    payload = json.loads(snapshot.canonical_json())
    assert payload["disclosure"]["total_kg_co2e"] == build_disclosure(db, *WS).total_kg_co2e
    assert round(payload["disclosure"]["total_kg_co2e"], 4) == 93.4346
    assert snapshot.token not in snapshot.canonical_json()


def test_hash_is_stable_across_runs_and_reserialisation(db):
    first, second = build_disclosure(db, *WS), build_disclosure(db, *WS)
    assert store.canonical_json(first.model_dump(mode="json")) == store.canonical_json(second.model_dump(mode="json"))
    snapshot = pub.publish(db, ADMIN, *WS)
    stored = next(iter(db.query("select payload, content_hash from published_snapshots")))
    assert stored["payload"].encode() == rfc8785.dumps(json.loads(stored["payload"]))  # stored as RFC 8785 text
    assert hashlib.sha256(stored["payload"].encode()).hexdigest() == stored["content_hash"] == snapshot.content_hash
    reloaded = pub.load_snapshot(db, snapshot.snapshot_id)
    assert reloaded.canonical_json() == stored["payload"]
    assert pub.load_snapshot(db, token=snapshot.token).content_hash == snapshot.content_hash


def test_publishing_again_deprecates_the_previous_version_with_a_successor_link(db):
    first = pub.publish(db, ADMIN, *WS)
    second = pub.publish(db, ADMIN, *WS)
    old = pub.load_snapshot(db, first.snapshot_id)
    assert (old.status, old.successor_id, old.successor_version) == ("Deprecated", second.snapshot_id, 2)
    assert (second.version, second.status, second.preceding_ids) == (2, "Active", (first.snapshot_id,))
    assert old.content_hash == first.content_hash  # the row itself never changed


def test_withdraw_is_recorded_with_its_reason(db):
    snapshot = pub.publish(db, ADMIN, *WS)
    withdrawn = pub.withdraw(db, ADMIN, snapshot.snapshot_id, "Inventory error found")
    assert pub.current_status(db, snapshot.snapshot_id) == "Withdrawn"
    assert withdrawn.status_reason == "Inventory error found"
    with pytest.raises(CfpError) as error:
        pub.withdraw(db, ADMIN, snapshot.snapshot_id, "again")
    assert error.value.key == "publish.error.already_withdrawn"


@pytest.mark.parametrize(("reason", "error_type"), [("", CfpError), ("   ", CfpError),
                                                     ("<script>x</script>", TextRejected)])
def test_withdraw_needs_a_plain_reason(db, reason, error_type):
    snapshot = pub.publish(db, ADMIN, *WS)
    with pytest.raises(error_type):
        pub.withdraw(db, ADMIN, snapshot.snapshot_id, reason)
    assert pub.current_status(db, snapshot.snapshot_id) == "Active"


def test_publishing_after_a_withdrawal_keeps_the_withdrawn_status(db):
    first = pub.publish(db, ADMIN, *WS)
    pub.withdraw(db, ADMIN, first.snapshot_id, "wrong factor")
    pub.publish(db, ADMIN, *WS)
    assert pub.current_status(db, first.snapshot_id) == "Withdrawn"


def test_blocking_gaps_raise_a_localized_not_publishable(db):
    with pytest.raises(NotPublishable) as error:
        pub.publish(db, ADMIN, "WS-TPS-48-900A", "2024", audience="customers")
    assert "示例" in error.value.message("zh") and "Illustrative" in error.value.message("en")
    assert not list(db.query("select * from published_snapshots"))


def test_unknown_audience_and_unknown_snapshot(db):
    with pytest.raises(CfpError, match="audience"):
        pub.publish(db, ADMIN, *WS, audience="everyone")
    with pytest.raises(NotFound):
        pub.load_snapshot(db, token="no-such-token")
    with pytest.raises(NotFound):
        pub.load_snapshot(db)
    with pytest.raises(NotFound):
        pub.latest_snapshot(db, *WS)


def test_list_and_table_of_snapshots(db):
    pub.publish(db, ADMIN, *WS)
    pub.publish(db, ADMIN, *WS)
    pub.publish(db, ADMIN, "WS-TPS-48-900A", "2024", audience="internal")
    snapshots = pub.list_snapshots(db, "WS-TPS-48-900A")
    assert [(s.period, s.version) for s in snapshots] == [("2025", 2), ("2025", 1), ("2024", 1)]
    assert pub.latest_snapshot(db, *WS).version == 2
    table = pub.snapshot_table(snapshots, "zh")
    assert list(table["status"]) == ["有效", "已被取代", "有效"]
    assert list(pub.snapshot_table(snapshots, "en")["audience"])[-1] == "Internal / demonstration"
    assert table["total_kg_co2e"].iloc[0] == snapshots[0].disclosure.total_kg_co2e
    created = pub.snapshot_table(snapshots, "en", "Asia/Shanghai")["created"].iloc[0]  # local with its zone, not UTC ISO
    assert created == numbers.format_time(snapshots[0].created, "Asia/Shanghai") and created.endswith(" (UTC+8)")
