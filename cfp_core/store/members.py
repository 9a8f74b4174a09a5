"""Members: who holds which roles in which organisation, and the principal of a signed-in user.

Every change is an append-only ``member_events`` row (empty roles = removed); a member's current
roles are those of its latest event. A member is added by an administrator with an e-mail address
(bound to the OIDC subject at the first sign-in with that verified address) or with the subject
itself. The first user to sign in to a workspace nobody holds a role in sets up the organisation
and holds every role (``bootstrap``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from sqlite_utils import Database

from cfp_core.access import ALL_ROLES, Action, Principal, PrincipalKind, Role, require_member
from cfp_core.errors import LastAdmin, MemberInvalid, WorkspaceTaken
from cfp_core.models import Frozen, Organisation
from cfp_core.store import db as store
from cfp_core.store.audit import record, writes
from cfp_core.text import check_text


class Member(Frozen):
    """One member's current state in one organisation."""

    org_id: str
    member_key: str  # "sub:<subject>" or "email:<address>", fixed when the member is first added
    subject: str = ""  # empty until an e-mail-invited member first signs in
    email: str = ""
    name: str = ""
    roles: frozenset[Role] = frozenset()
    at: str = ""
    by: str = ""


def _key(subject: str, email: str) -> str:
    return f"sub:{subject}" if subject else f"email:{email}"


def _normal_email(email: str) -> str:
    return (email or "").strip().lower()


def _current(db: Database, org_id: str | None = None) -> list[Member]:
    where, args = ("where org_id = ?", [org_id]) if org_id else ("", [])
    rows = db.query(
        f"select * from member_events where id in (select max(id) from member_events {where} "
        "group by org_id, member_key) order by org_id, email, subject", args)
    return [Member(org_id=r["org_id"], member_key=r["member_key"], subject=r["subject"] or "",
                   email=r["email"] or "", name=r["name"] or "", roles=frozenset(json.loads(r["roles"])),
                   at=r["at"], by=r["by"]) for r in rows]


def list_members(db: Database, org_id: str) -> list[Member]:
    """Return the organisation's current members (removed ones left out), by e-mail."""
    return [m for m in _current(db, org_id) if m.roles]


def has_members(db: Database) -> bool:
    """Return True if anyone holds a role in any organisation (the workspace is set up)."""
    return any(m.roles for m in _current(db))


def _append(db: Database, member: Member, by: str) -> None:
    db.table("member_events").insert({
        "org_id": member.org_id, "member_key": member.member_key, "subject": member.subject,
        "email": member.email, "name": member.name, "roles": json.dumps(sorted(r.value for r in member.roles)),
        "at": store.now(), "by": by,
    })


def _claims_identity(claims: Mapping) -> tuple[str, str, str]:
    subject = str(claims.get("sub") or "")
    verified = claims.get("email_verified", True) not in (False, "false")
    email = _normal_email(str(claims.get("email") or "")) if verified else ""
    name = str(claims.get("name") or claims.get("preferred_username") or "")[:200]
    return subject, email, name


def principal_for(db: Database, claims: Mapping) -> Principal | None:
    """Return the principal of a signed-in user (OIDC id-token claims), or None if they hold no role.

    Looks the user up by subject, then by a verified e-mail address an administrator added (and
    binds that member to the subject, once). Several organisations: the first by organisation id.
    """
    subject, email, name = _claims_identity(claims)
    if not subject:
        return None
    members = [m for m in _current(db) if m.roles]
    mine = [m for m in members if m.subject == subject]
    if not mine and email:
        invited = [m for m in members if not m.subject and m.email == email]
        if invited:
            with store.write_transaction(db):
                for m in invited:
                    _append(db, m.model_copy(update={"subject": subject, "name": m.name or name}), f"sign-in {subject}")
                    record(db, newcomer(claims, m.org_id), Action.MANAGE_MEMBERS, f"{m.member_key} bound to sign-in",
                           {"subject": subject})
            mine = [m.model_copy(update={"subject": subject}) for m in invited]
    if not mine:
        return None
    member = mine[0]
    return Principal(subject=subject, org_id=member.org_id, roles=member.roles, kind=PrincipalKind.USER,
                     email=email or member.email, name=name or member.name)


def newcomer(claims: Mapping, org_id: str = "new-organisation") -> Principal:
    """The principal of a signed-in user who holds no role yet (may only ``bootstrap`` an empty workspace)."""
    subject, email, name = _claims_identity(claims)
    return Principal(subject=subject or "unknown", org_id=org_id, kind=PrincipalKind.USER, email=email, name=name)


@writes(Action.BOOTSTRAP, target=lambda organisation, result=None: organisation.org_id)
def bootstrap(db: Database, principal: Principal, organisation: Organisation) -> Principal:
    """Set up an empty workspace: store the user's organisation and make the user hold every role there.

    Raises ``WorkspaceTaken`` once anybody holds a role (checked inside the write transaction).
    """
    if has_members(db):
        raise WorkspaceTaken()
    store.put_organisation(db, organisation, principal.label)
    _append(db, Member(org_id=organisation.org_id, member_key=_key(principal.subject, ""),
                       subject=principal.subject, email=principal.email, name=principal.name, roles=ALL_ROLES),
            principal.label)
    return principal.model_copy(update={"org_id": organisation.org_id, "roles": ALL_ROLES})


def _member_target(*args, result=None, **kwargs) -> str:
    return f"{result.member_key} {','.join(sorted(r.value for r in result.roles)) or 'removed'}"


@writes(Action.MANAGE_MEMBERS, target=_member_target)
def set_member(db: Database, principal: Principal, *, email: str = "", subject: str = "", name: str = "",
               roles=frozenset()) -> Member:
    """Add a member of the principal's organisation, change their roles, or remove them (no roles).

    Raises ``MemberInvalid`` without e-mail or subject (or a new member without roles), ``LastAdmin``
    if no administrator would be left.
    """
    require_member(principal, principal.org_id)
    email, subject = _normal_email(email), (subject or "").strip()
    roles = frozenset(Role(r) for r in roles)
    if (not email and not subject) or (email and ("@" not in email or len(email) > 200)) or len(subject) > 200:
        raise MemberInvalid()
    name = check_text(name, limit=200) if name else ""
    current = {m.member_key: m for m in _current(db, principal.org_id)}
    existing = next((m for m in current.values() if (subject and m.subject == subject) or
                     (email and m.email == email and (not subject or not m.subject))), None)
    if existing is None and not roles:
        raise MemberInvalid()
    member = (existing or Member(org_id=principal.org_id, member_key=_key(subject, email))).model_copy(
        update={"subject": subject or (existing.subject if existing else ""), "email": email or (existing.email if existing else ""),
                "name": name or (existing.name if existing else ""), "roles": roles})
    admins_before = {k for k, m in current.items() if Role.ADMIN in m.roles}
    admins_after = admins_before - {member.member_key} | ({member.member_key} if Role.ADMIN in roles else set())
    if admins_before and not admins_after:
        raise LastAdmin(org=principal.org_id)
    _append(db, member, principal.label)
    return member
