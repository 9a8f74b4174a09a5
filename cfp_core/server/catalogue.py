"""What the disclosure server can reach: published external snapshots, their PACT documents, API clients.

The workspace store is opened read-only (SQLite ``mode=ro``). The catalogue is rebuilt in memory
whenever a cheap fingerprint of the store changes (new snapshot, status event, client, revocation,
settings), at most once per ``refresh_interval``. Card tokens are indexed by their SHA-256, so a lookup is a hash-table
probe on a digest, never a comparison of the secret token itself (no timing signal on how much matched).
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from cfp_core.errors import CfpError
from cfp_core.publish import (
    EXTERNAL_AUDIENCES,
    Snapshot,
    list_decisions,
    list_snapshots,
    public_base_url,
    snapshot_pact_v3,
    verify_snapshot,
)
from cfp_core.store import ApiClient, authenticate_client, list_api_clients, open_readonly

log = logging.getLogger(__name__)

_FINGERPRINT = """select (select count(*) from published_snapshots) as snapshots,
    (select coalesce(max(id), 0) from snapshot_status_events) as events,
    (select count(*) from api_clients) as clients, (select count(*) from api_client_revocations) as revoked,
    (select count(*) from organisation_settings) as settings"""


def token_digest(token: str) -> bytes:
    """Return the SHA-256 digest under which a card token is indexed."""
    return hashlib.sha256(token.encode("utf-8")).digest()


@dataclass
class Snapshotted:
    """One immutable view of the store: every external card, its PACT document, the API clients."""

    by_digest: dict[bytes, Snapshot] = field(default_factory=dict)
    by_id: dict[str, Snapshot] = field(default_factory=dict)
    footprints: list[tuple[Snapshot, dict]] = field(default_factory=list)  # (snapshot, PACT v3 document)
    pact_by_id: dict[str, tuple[Snapshot, dict]] = field(default_factory=dict)
    encoded: dict[str, bytes] = field(default_factory=dict)  # snapshot id -> the PACT document as JSON
    clients: dict[str, ApiClient] = field(default_factory=dict)
    base_urls: dict[str, str] = field(default_factory=dict)  # org id -> configured public base URL


class Catalogue:
    """Read-only access to the workspace store for the server (thread-safe, refreshed on change)."""

    def __init__(self, store_path: str | Path, refresh_interval: float = 1.0) -> None:
        self.store_path = Path(store_path)
        if not self.store_path.exists():
            raise FileNotFoundError(f"workspace store not found: {self.store_path} (run python -m cfp_core seed)")
        self.refresh_interval = refresh_interval
        self._db = open_readonly(self.store_path)
        self._lock = threading.Lock()
        self._checked = 0.0
        self._fingerprint: tuple | None = None
        self.view = Snapshotted()
        self.refresh(force=True)

    def refresh(self, force: bool = False) -> Snapshotted:
        """Rebuild the in-memory view if the store changed (checked at most once per interval)."""
        now = time.monotonic()
        if not force and now - self._checked < self.refresh_interval:
            return self.view
        with self._lock:
            self._checked = now
            fingerprint = tuple(next(iter(self._db.query(_FINGERPRINT))).values())
            if force or fingerprint != self._fingerprint:
                self.view = self._build()
                self._fingerprint = fingerprint
        return self.view

    def _build(self) -> Snapshotted:
        view = Snapshotted(clients={c.client_id: c for c in list_api_clients(self._db)})
        for snapshot in list_snapshots(self._db):
            if snapshot.audience not in EXTERNAL_AUDIENCES:
                continue
            org_id = snapshot.disclosure.organisation.org_id
            if org_id not in view.base_urls:
                view.base_urls[org_id] = public_base_url(self._db, org_id)
            view.by_digest[token_digest(snapshot.token)] = snapshot
            view.by_id[snapshot.snapshot_id] = snapshot
            if not verify_snapshot(snapshot):  # the card says "integrity check failed"; PACT never serves it
                log.warning("snapshot %s fails its SHA-256 check: not served over PACT", snapshot.snapshot_id)
                continue
            try:
                document = snapshot_pact_v3(snapshot)
            except CfpError:
                continue  # a card PACT cannot express (no product mass, biogenic, …) is served as a card only
            view.footprints.append((snapshot, document))
            view.encoded[snapshot.snapshot_id] = json.dumps(document, ensure_ascii=False,
                                                            separators=(",", ":")).encode("utf-8")
            view.pact_by_id[snapshot.snapshot_id] = (snapshot, document)
        return view

    def card(self, token: str) -> Snapshot | None:
        """Return the external snapshot of a card token, or None."""
        return self.refresh().by_digest.get(token_digest(token))

    def client(self, client_id: str) -> ApiClient | None:
        """Return an active API client, or None."""
        client = self.refresh().clients.get(client_id)
        return client if client is not None and client.active else None

    def readable(self, client: ApiClient) -> list[tuple[Snapshot, dict]]:
        """Return the (snapshot, PACT document) pairs the client may read."""
        return [(s, d) for s, d in self.refresh().footprints
                if client.may_read(s.disclosure.organisation.org_id, s.model_code)]

    def authenticate(self, client_id: str, secret: str) -> ApiClient | None:
        """Check a client secret (argon2; call off the event loop) on a private read-only handle."""
        db = open_readonly(self.store_path)
        try:
            return authenticate_client(db, client_id, secret)
        finally:
            db.close()

    def decisions(self, since_id: int) -> list:
        """Return the approvers' answers recorded after ``since_id`` (for the callback sender)."""
        with self._lock:
            return list_decisions(self._db, since_id)

    def close(self) -> None:
        """Close the read-only handle."""
        self._db.close()
