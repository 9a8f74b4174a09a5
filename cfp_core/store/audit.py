"""The audit log: every write, with the authenticated subject and the time, append-only.

``writes(action)`` is how a core write function is made: it checks the acting principal's role
(``access.require``), runs the function in one transaction and records the write in the same
transaction, so a write without its audit event (or the other way round) cannot exist.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from typing import Any

from sqlite_utils import Database

from cfp_core.access import Action, Principal, require
from cfp_core.store.db import now, write_transaction

Target = Callable[..., str]


def record(db: Database, principal: Principal, action: Action, target: str = "", detail: dict | None = None) -> None:
    """Append one audit event (inside the caller's transaction)."""
    db.table("audit_events").insert({
        "at": now(), "subject": principal.subject, "principal": principal.label, "kind": principal.kind.value,
        "org_id": principal.org_id, "action": action.value, "target": target,
        "detail": json.dumps(detail or {}, ensure_ascii=False, sort_keys=True),
    })


def writes(action: Action, target: Target | None = None) -> Callable:
    """Decorate a write function ``fn(db, principal, *args, **kwargs)``: check, run in one transaction, audit.

    ``target(*args, result=..., **kwargs)`` names what was written for the log ("WS-TPS-48-900A 2025 r3").
    Raises ``PermissionDenied`` before anything is read or written.
    """

    def decorate(fn: Callable) -> Callable:
        @functools.wraps(fn)
        def write(db: Database, principal: Principal, *args: Any, **kwargs: Any) -> Any:
            require(principal, action)
            with write_transaction(db):
                result = fn(db, principal, *args, **kwargs)
                record(db, principal, action, target(*args, result=result, **kwargs) if target else "")
            return result

        write.action = action
        return write

    return decorate


def list_audit_events(db: Database, subject: str | None = None, action: str | None = None,
                      since: str | None = None, until: str | None = None, limit: int = 1000,
                      org_id: str | None = None) -> list[dict]:
    """Return audit events, newest first, filtered by organisation, subject, action and a UTC time range."""
    clauses, args = [], []
    for clause, value in (("org_id = ?", org_id), ("subject = ?", subject), ("action = ?", action),
                          ("at >= ?", since), ("at <= ?", until)):
        if value:
            clauses.append(clause)
            args.append(value)
    where = f"where {' and '.join(clauses)}" if clauses else ""
    return list(db.query(f"select * from audit_events {where} order by id desc limit ?", [*args, int(limit)]))


def audit_subjects(db: Database, org_id: str) -> list[str]:
    """Return every subject that wrote in an organisation, in order."""
    return [r["subject"] for r in db.query("select distinct subject from audit_events where org_id = ? order by subject",
                                           [org_id])]
