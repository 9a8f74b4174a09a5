"""Four eyes: request → a second person approves (publishes exactly what was reviewed) or rejects."""

from __future__ import annotations

import pytest

from cfp_core import store
from cfp_core.access import Principal, Role, cli_principal
from cfp_core.errors import DataChanged, ReasonRequired, RequestClosed, ReviewRequired, SelfApproval
from cfp_core.models import OrganisationSettings
from cfp_core.publish import (
    approve,
    list_requests,
    list_snapshots,
    publish,
    reject,
    request_publication,
    review_summary,
    stage_table,
)

ORG, MODEL, PERIOD = "weisidemu", "WS-TPS-48-900A", "2025"


def user(name: str, *roles: Role) -> Principal:
    return Principal(subject=f"idp|{name}", org_id=ORG, roles=frozenset(roles), name=name)


EDITOR = user("erin", Role.EDITOR)
APPROVER = user("abel", Role.APPROVER)
BOTH = user("solo", Role.EDITOR, Role.APPROVER)


def test_a_signed_in_user_cannot_publish_alone_when_four_eyes_are_on(seeded_db):
    with pytest.raises(ReviewRequired):
        publish(seeded_db, APPROVER, MODEL, PERIOD, audience="internal")
    request = request_publication(seeded_db, BOTH, MODEL, PERIOD, audience="internal", note="2025 data")
    with pytest.raises(SelfApproval):
        approve(seeded_db, BOTH, request.request_id)
    assert not list_snapshots(seeded_db, MODEL)


def test_approval_by_a_second_person_publishes_what_was_reviewed(seeded_db):
    request = request_publication(seeded_db, EDITOR, MODEL, PERIOD, audience="internal", note="2025 data")
    assert request.status == "open" and request.requested_by == "idp|erin"
    summary = review_summary(seeded_db, request)
    assert summary.previous is None and not summary.data_changed
    assert summary.requested.total_kg_co2e == pytest.approx(93.4346, abs=5e-5)
    done = approve(seeded_db, APPROVER, request.request_id, "checked against the meter readings")
    assert done.status == "approved" and done.decided_by == "idp|abel" and done.snapshot_id
    [snapshot] = list_snapshots(seeded_db, MODEL)
    assert snapshot.snapshot_id == done.snapshot_id and snapshot.author.endswith("<idp|abel>")
    with pytest.raises(RequestClosed):
        reject(seeded_db, APPROVER, request.request_id, "too late")
    actions = [e["action"] for e in store.list_audit_events(seeded_db, org_id=ORG)[:2]]
    assert actions == ["approve_publication", "request_publication"]


def test_the_summary_shows_what_changes_against_the_last_published_version(seeded_db):
    publish(seeded_db, cli_principal(ORG), MODEL, PERIOD, audience="internal")
    inventory = store.load_inventory(seeded_db, MODEL, PERIOD)
    first = inventory.lines[0]
    changed = inventory.model_copy(update={"lines": (first.model_copy(update={"amount": first.amount * 2}),
                                                     *inventory.lines[1:])})
    store.save_inventory(seeded_db, EDITOR, changed, "doubled the first line")
    request = request_publication(seeded_db, EDITOR, MODEL, PERIOD, audience="internal")
    summary = review_summary(seeded_db, request)
    assert summary.previous.version == 1
    assert summary.total_delta == pytest.approx(sum(c.delta or 0 for c in summary.stages))
    assert summary.total_delta > 0 and summary.total_delta_share > 0
    table = stage_table(summary, "en")
    assert table.iloc[-1]["stage"] == "Total" and table.iloc[-1]["delta"] == pytest.approx(summary.total_delta)


def test_data_changed_after_the_request_is_not_published(seeded_db):
    request = request_publication(seeded_db, EDITOR, MODEL, PERIOD, audience="internal")
    inventory = store.load_inventory(seeded_db, MODEL, PERIOD)
    store.save_inventory(seeded_db, EDITOR, inventory.model_copy(update={"lines": inventory.lines[:-1]}), "dropped")
    assert review_summary(seeded_db, request).data_changed
    with pytest.raises(DataChanged):
        approve(seeded_db, APPROVER, request.request_id)
    assert not list_snapshots(seeded_db, MODEL) and list_requests(seeded_db, ORG)[0].status == "open"


def test_rejection_needs_a_reason_and_publishes_nothing(seeded_db):
    request = request_publication(seeded_db, EDITOR, MODEL, PERIOD, audience="internal")
    with pytest.raises(ReasonRequired):
        reject(seeded_db, APPROVER, request.request_id, "  ")
    done = reject(seeded_db, APPROVER, request.request_id, "the transport distances are estimates")
    assert done.status == "rejected" and done.reason.startswith("the transport")
    assert not list_snapshots(seeded_db, MODEL)


def test_single_step_publishing_when_four_eyes_are_off(seeded_db):
    store.save_settings(seeded_db, cli_principal(ORG), OrganisationSettings(org_id=ORG, four_eyes=False))
    snapshot = publish(seeded_db, APPROVER, MODEL, PERIOD, audience="internal")
    assert snapshot.version == 1
    request = request_publication(seeded_db, BOTH, MODEL, PERIOD, audience="internal")
    assert approve(seeded_db, BOTH, request.request_id).status == "approved"  # one-person team
