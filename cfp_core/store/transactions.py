"""Transactions of the store: ``BEGIN IMMEDIATE`` with retries while another writer holds the database,
the open-time integrity check, and the localized errors for busy, full and damaged databases."""

from __future__ import annotations

import contextlib
import random
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

from sqlite_utils import Database

from cfp_core.errors import StoreBusy, StoreDamaged, StoreFull

BUSY_TIMEOUT_S = 10.0
BUSY_RETRIES = 3  # after the busy timeout, back off and try BEGIN again this often


_CHECKED: set[tuple] = set()  # (path, inode, size, mtime) of main files that passed in this process


def _file_key(target: Path) -> tuple | None:
    try:
        info = target.stat()
    except OSError:
        return None
    return (str(target.resolve()), info.st_ino, info.st_size, info.st_mtime_ns)


def check_integrity(db: Database, target: Path) -> None:
    """Raise ``StoreDamaged`` unless ``PRAGMA quick_check`` reports ok.

    ``quick_check`` reads the whole file (0.36 s at 10,000 models, on every page view: #13), so a main file
    that passed is not checked again in this process until it changes (inode, size or mtime: a checkpoint,
    a copy over it, an outside write). SQLite still reports damage it meets while reading.
    """
    key = _file_key(target)
    if key is not None and key in _CHECKED:
        return
    try:
        result = [row[0] for row in db.execute("PRAGMA quick_check").fetchall()]
    except sqlite3.DatabaseError as error:  # "file is not a database", "database disk image is malformed"
        raise StoreDamaged(path=str(target), detail=str(error)) from None
    if result != ["ok"]:
        raise StoreDamaged(path=str(target), detail="; ".join(result[:3]))
    if key is not None:
        _CHECKED.add(key)


def _busy(error: sqlite3.OperationalError) -> bool:
    text = str(error).lower()
    return "locked" in text or "busy" in text


def retry_busy(fn):
    """Return ``fn()``, retried with back-off while the database is locked; then raise ``StoreBusy``."""
    for attempt in range(BUSY_RETRIES + 1):
        try:
            return fn()
        except sqlite3.OperationalError as error:
            if not _busy(error) or attempt == BUSY_RETRIES:
                if _busy(error):
                    raise StoreBusy() from None
                raise
            time.sleep(0.2 * 2 ** attempt + random.random() * 0.1)
    return None  # pragma: no cover


@contextlib.contextmanager
def write_transaction(db: Database) -> Iterator[Database]:
    """Run the block in one ``BEGIN IMMEDIATE`` transaction (a savepoint when nested).

    ``BEGIN`` is retried with back-off while another writer holds the database; then ``StoreBusy``.
    A full disk rolls back and raises ``StoreFull``.
    """
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    retry_busy(lambda: db.conn.execute("BEGIN IMMEDIATE"))
    try:
        yield db
        db.conn.execute("COMMIT")
    except BaseException as error:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        if isinstance(error, sqlite3.OperationalError) and "full" in str(error).lower():
            raise StoreFull() from None
        if isinstance(error, sqlite3.OperationalError) and _busy(error):
            raise StoreBusy() from None
        raise
