"""A per-process memo of whole-portfolio reads, keyed by the store's version (#13).

Pages rerun on every click; at 10,000 models rebuilding the same rows, products or frames from the
store costs 0.3–1 s each time. ``by_version`` remembers a function's answer for one store version:
``store_version`` changes with every appended revision, result or factor set (all append-only), so
a saved change is seen on the next call, from this process or another. An in-memory database is never
memoised. Each call gets ``copy(value)``, so a caller that changes its answer cannot change the next.
"""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Callable

from sqlite_utils import Database

_MEMOS: list[dict] = []


def store_version(db: Database) -> tuple | None:
    """A key that changes whenever a stored revision, result or factor set is added: the main file (path,
    inode, mtime) and the last row of every append-only table the portfolio reads derive from. None for an
    in-memory database (never memoised)."""
    name = db.execute("pragma database_list").fetchone()[2]
    if not name:
        return None
    info = os.stat(name)
    marks = db.execute("select (select max(id) from inventory_revisions), (select max(rowid) from results),"
                       " (select max(rowid) from factor_sets), (select count(*) from factor_sets),"
                       " (select max(id) from product_revisions)").fetchone()
    return (name, info.st_ino, info.st_mtime_ns, *marks)


def _hashable(value):
    if isinstance(value, list | tuple):
        return tuple(_hashable(v) for v in value)
    if isinstance(value, set | frozenset):
        return frozenset(value)
    return value


def by_version(size: int = 4, copy: Callable = lambda value: value) -> Callable:
    """Decorate ``fn(db, *args)``: answers are remembered per (store version, args), at most ``size`` of them."""
    def decorate(fn: Callable) -> Callable:
        memo: dict[tuple, object] = {}
        lock = threading.Lock()  # Streamlit sessions are threads
        _MEMOS.append(memo)

        @functools.wraps(fn)
        def remembered(db: Database, *args, **kwargs):
            version = store_version(db)
            if version is None:
                return fn(db, *args, **kwargs)
            key = (version, _hashable(args), tuple(sorted((k, _hashable(v)) for k, v in kwargs.items())))
            try:
                value = memo[key]
            except KeyError:
                value = fn(db, *args, **kwargs)
                with lock:
                    memo[key] = value
                    while len(memo) > size:
                        memo.pop(next(iter(memo)))
            return copy(value)

        remembered.uncached = fn
        return remembered
    return decorate


def forget() -> None:
    """Empty every memo (benchmarks' cold runs, tests)."""
    for memo in _MEMOS:
        memo.clear()
