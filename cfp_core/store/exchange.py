"""The disclosure server's own small database (``data/disclosure.db``): what the outside world sends.

The disclosure server opens the workspace store read-only and writes only here: access tokens (as
SHA-256 hashes), PCF requests received through ``POST /3/events``, the outbox of callbacks it sends
and the log of every delivery attempt. The workspace reads PCF requests from this file (read-only)
and records its answers in its own store (``pcf_request_decisions``), which the server reads back.
Each process thus writes one database only. The path comes from ``CFP_DISCLOSURE_DB`` or defaults to
``disclosure.db`` next to the workspace store.
"""

from __future__ import annotations

import json
import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from cfp_core.errors import NotFound
from cfp_core.i18n import Msg
from cfp_core.store.db import db_path

_SCHEMA = """
create table if not exists access_tokens (token_hash text primary key, client_id text not null,
    issued text not null, expires real not null);
create table if not exists pcf_requests (request_id text primary key, event_id text not null,
    client_id text not null, org_id text not null, source text not null, received text not null,
    criteria text not null, comment text not null default '', event text not null,
    state text not null default 'open');
create unique index if not exists pcf_requests_event on pcf_requests (client_id, source, event_id);
create table if not exists outbox (id integer primary key, key text not null unique, kind text not null,
    url text not null, body text not null, client_id text not null default '', created text not null,
    created_ts real not null, attempts integer not null default 0, next_at real not null,
    delivered text not null default '', abandoned text not null default '', last_error text not null default '');
create table if not exists callback_log (id integer primary key, outbox_id integer not null, at text not null,
    url text not null, status integer, error text not null default '');
create table if not exists received_events (id integer primary key, client_id text not null, type text not null,
    event_id text not null, received text not null, body text not null);
"""


def exchange_path(store_path: str | Path | None = None) -> Path:
    """Return the disclosure database path: ``$CFP_DISCLOSURE_DB``, else ``disclosure.db`` beside the store."""
    if os.environ.get("CFP_DISCLOSURE_DB"):
        return Path(os.environ["CFP_DISCLOSURE_DB"])
    return Path(store_path or db_path()).with_name("disclosure.db")


def open_exchange(path: str | Path) -> Database:
    """Open (creating if needed) the disclosure database for writing, with its schema (the server only)."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    db = Database(sqlite3.connect(str(target), timeout=10, check_same_thread=False))
    db.enable_wal()
    db.execute("PRAGMA busy_timeout = 10000")
    db.conn.executescript(_SCHEMA)
    return db


def open_readonly(path: str | Path) -> Database:
    """Open a SQLite file read-only (``mode=ro``): nothing through this handle can write."""
    uri = f"file:{Path(path).resolve().as_posix()}?mode=ro"
    db = Database(sqlite3.connect(uri, uri=True, timeout=10, check_same_thread=False))
    db.execute("PRAGMA busy_timeout = 10000")
    return db


@dataclass(frozen=True)
class PcfRequest:
    """A RequestCreatedEvent received from an API client: who asked, for what, and its state."""

    request_id: str
    event_id: str
    client_id: str
    org_id: str
    source: str
    received: str
    criteria: dict = field(default_factory=dict)
    comment: str = ""
    state: str = "open"  # open | rejected (answered automatically: nothing matched)

    @property
    def product_ids(self) -> tuple[str, ...]:
        """The requested productIds (PACT URNs)."""
        return tuple(self.criteria.get("productId") or ())


def list_pcf_requests(path: str | Path | None = None, org_id: str | None = None) -> list[PcfRequest]:
    """Return the PCF requests the disclosure server received (newest first); [] if it never ran."""
    target = Path(path) if path else exchange_path()
    if not target.exists():
        return []
    db = open_readonly(target)
    try:
        where, args = ("where org_id = ?", [org_id]) if org_id else ("", [])
        return [_request(r) for r in db.query(f"select * from pcf_requests {where} order by received desc, rowid desc",
                                              args)]
    finally:
        db.close()


def load_pcf_request(path: str | Path | None, request_id: str) -> PcfRequest:
    """Return one PCF request. Raises ``NotFound``."""
    for request in list_pcf_requests(path):
        if request.request_id == request_id:
            return request
    raise NotFound(what=Msg("what.pcf_request"), ident=request_id)


def _request(row: dict) -> PcfRequest:
    return PcfRequest(request_id=row["request_id"], event_id=row["event_id"], client_id=row["client_id"],
                      org_id=row["org_id"], source=row["source"], received=row["received"],
                      criteria=json.loads(row["criteria"]), comment=row["comment"], state=row["state"])
