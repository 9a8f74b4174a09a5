"""Members and roles: first-user set-up, invitations bound at sign-in, the last-admin guard, audit."""

from __future__ import annotations

import pytest

from cfp_core import store
from cfp_core.access import ALL_ROLES, Action, Role
from cfp_core.errors import LastAdmin, MemberInvalid, PermissionDenied, WorkspaceTaken
from cfp_core.models import Organisation

ALICE = {"sub": "idp|alice", "email": "Alice@Example.test", "email_verified": True, "name": "Alice"}
BOB = {"sub": "idp|bob", "email": "bob@example.test", "email_verified": True, "name": "Bob"}


def set_up(db):
    admin = store.bootstrap(db, store.newcomer(ALICE), Organisation(org_id="acme", name_zh="艾克米电子"))
    return admin


def test_first_user_sets_up_the_workspace_and_holds_every_role(fresh_db):
    assert not store.has_members(fresh_db) and store.principal_for(fresh_db, ALICE) is None
    admin = set_up(fresh_db)
    assert admin.roles == ALL_ROLES and admin.org_id == "acme"
    assert store.load_organisation(fresh_db, "acme").name_zh == "艾克米电子"
    again = store.principal_for(fresh_db, ALICE)
    assert again.subject == "idp|alice" and again.roles == ALL_ROLES and again.email == "alice@example.test"
    event = store.list_audit_events(fresh_db, subject="idp|alice")[0]
    assert event["action"] == Action.BOOTSTRAP.value and event["target"] == "acme"
    with pytest.raises(WorkspaceTaken):
        store.bootstrap(fresh_db, store.newcomer(BOB), Organisation(org_id="bobco", name_zh="鲍勃"))
    assert [o.org_id for o in store.list_organisations(fresh_db)] == ["acme"]  # nothing half-written


def test_an_invited_address_is_bound_to_the_subject_at_first_sign_in(fresh_db):
    admin = set_up(fresh_db)
    store.set_member(fresh_db, admin, email="BOB@example.test", roles=[Role.EDITOR])
    assert store.principal_for(fresh_db, {**BOB, "email_verified": False}) is None  # unverified address: no
    bob = store.principal_for(fresh_db, BOB)
    assert bob.roles == {Role.EDITOR} and bob.org_id == "acme"
    [member] = [m for m in store.list_members(fresh_db, "acme") if m.email == "bob@example.test"]
    assert member.subject == "idp|bob"
    # a different subject presenting the same address later does not take the membership over
    assert store.principal_for(fresh_db, {**BOB, "sub": "idp|mallory"}) is None


def test_roles_change_and_removal_are_new_events(fresh_db):
    admin = set_up(fresh_db)
    store.set_member(fresh_db, admin, email="bob@example.test", roles=[Role.EDITOR])
    store.principal_for(fresh_db, BOB)
    store.set_member(fresh_db, admin, subject="idp|bob", roles=[Role.EDITOR, Role.APPROVER])
    assert store.principal_for(fresh_db, BOB).roles == {Role.EDITOR, Role.APPROVER}
    store.set_member(fresh_db, admin, subject="idp|bob", roles=[])
    assert store.principal_for(fresh_db, BOB) is None
    assert len(list(fresh_db.query("select * from member_events where email = 'bob@example.test'"))) == 4
    with pytest.raises(Exception, match="immutable"):
        fresh_db.execute("delete from member_events")


def test_the_last_admin_cannot_leave_and_bad_members_are_refused(fresh_db):
    admin = set_up(fresh_db)
    with pytest.raises(LastAdmin):
        store.set_member(fresh_db, admin, subject="idp|alice", roles=[Role.EDITOR])
    for bad in ({"email": ""}, {"email": "not-an-address"}, {"email": "x@example.test", "roles": []}):
        with pytest.raises(MemberInvalid):
            store.set_member(fresh_db, admin, **({"roles": [Role.VIEWER]} | bad))
    viewer = store.set_member(fresh_db, admin, email="v@example.test", roles=[Role.VIEWER])
    assert viewer.roles == {Role.VIEWER}
    with pytest.raises(PermissionDenied):
        store.set_member(fresh_db, store.principal_for(fresh_db, BOB) or store.newcomer(BOB),
                         email="x@example.test", roles=[Role.ADMIN])


def test_forged_claims_without_a_subject_get_nothing(fresh_db):
    set_up(fresh_db)
    assert store.principal_for(fresh_db, {"email": "alice@example.test", "email_verified": True}) is None
