"""Inventory lines as rows (``activity_lines``) and each revision's header facts (``inventory_heads``) (#13).

The JSON payload of an inventory revision stays its record. ``activity_lines`` holds one row per line
(for queries over lines); ``inventory_heads`` one row per revision with its header facts (set, GWP set,
boundary, demo mark) for the metadata queries, and the engine's columns packed as little-endian arrays,
which the vectorised engine reads in one query straight into numpy (``np.frombuffer``): no pydantic
objects, and no Python object per line (750,000 row tuples cost seconds, #13). Both tables are written
from the payload itself (``rows_of``), in the revision's own transaction, and backfilled the same way for
revisions stored before them. Both are append-only.
"""

from __future__ import annotations

import contextlib
import gc
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np
from sqlite_utils import Database

from cfp_core.models import PRIMARY_SOURCES, STAGES

STAGE_CODE = {stage.value: code for code, stage in enumerate(STAGES)}
_PRIMARY = frozenset(source.value for source in PRIMARY_SOURCES)
_CUSTOM = ("value", "unit", "gas", "source", "ncv", "ncv_unit")
KEY_SEP = "\x1e"  # between the line keys of one revision (JSON never holds a raw control character)
LINE_COLUMNS = ("revision_id", "line_no", "stage", "stage_code", "activity", "amount", "unit", "factor_ref",
                "data_source", "is_primary", *(f"custom_{c}" for c in _CUSTOM))


def create_tables(db: Database) -> None:
    """Create ``activity_lines`` and ``inventory_heads`` with the indexes the pages' queries use."""
    db.table("activity_lines").create(
        {"revision_id": int, "line_no": int, "stage": str, "stage_code": int, "activity": str, "amount": float,
         "unit": str, "factor_ref": str, "data_source": str, "is_primary": int, "custom_value": float,
         "custom_unit": str, "custom_gas": str, "custom_source": str, "custom_ncv": float, "custom_ncv_unit": str},
        pk=("revision_id", "line_no"), not_null={"stage", "stage_code", "amount", "unit"},
        foreign_keys=[("revision_id", "inventory_revisions", "id")],
    )
    db.table("inventory_heads").create(
        {"revision_id": int, "model_code": str, "period": str, "revision": int, "factor_set_id": str,
         "gwp_set": str, "illustrative": int, "verified": int, "included_stages": str, "line_count": int,
         "created_at": str, "line_amounts": bytes, "line_stages": bytes, "line_primary": bytes, "line_keys": str,
         "line_key_codes": bytes},
        pk="revision_id", not_null={"model_code", "period", "revision", "factor_set_id", "gwp_set"},
        foreign_keys=[("revision_id", "inventory_revisions", "id")],
    )
    db.table("inventory_heads").create_index(["model_code", "period", "revision"], unique=True)
    db.table("inventory_heads").create_index(["period", "model_code"])


def rows_of(revision_id: int, created_at: str, keys: dict, payload: dict) -> tuple[list[dict], dict]:
    """Return the ``activity_lines`` rows and the ``inventory_heads`` row of one revision's JSON payload.

    ``keys`` holds the revision's ``model_code``, ``period`` and ``revision``.
    """
    lines = []
    for line_no, line in enumerate(payload.get("lines") or (), start=1):
        custom = line.get("custom_factor") or {}
        lines.append({
            "revision_id": revision_id, "line_no": line_no, "stage": line["stage"],
            "stage_code": STAGE_CODE[line["stage"]], "activity": line.get("activity", ""),
            "amount": float(line["amount"]), "unit": line["unit"], "factor_ref": line.get("factor_ref"),
            "data_source": line.get("data_source"), "is_primary": int(line.get("data_source") in _PRIMARY),
            **{f"custom_{c}": custom.get(c) for c in _CUSTOM},
        })
    boundary = payload.get("boundary") or {}
    included = boundary.get("included_stages", [s.value for s in STAGES])
    head = {"revision_id": revision_id, **keys, "factor_set_id": payload.get("factor_set_id", "cn-cfp-2024"),
            "gwp_set": payload.get("gwp_set", "AR5"), "illustrative": int(bool(payload.get("illustrative"))),
            "verified": int(payload.get("verification") is not None), "included_stages": ",".join(included),
            "line_count": len(lines), "created_at": created_at} | _packed(lines)
    return lines, head


def _key(line: dict) -> str:
    """A line's (unit, factor reference or custom factor) as one string: what the engine codes lines by."""
    custom = {c: line[f"custom_{c}"] for c in _CUSTOM} if line["custom_value"] is not None else None
    return json.dumps([line["unit"], custom or line["factor_ref"]], ensure_ascii=False, sort_keys=True)


def _packed(lines: list[dict]) -> dict:
    """The engine's columns of one revision packed as little-endian arrays (read back with ``np.frombuffer``).

    ``line_keys`` lists the revision's distinct line keys (``_key``), ``line_key_codes`` points each line at one.
    """
    table: dict[str, int] = {}
    codes = [table.setdefault(_key(line), len(table)) for line in lines]
    return {"line_amounts": np.asarray([ln["amount"] for ln in lines], dtype="<f8").tobytes(),
            "line_stages": np.asarray([ln["stage_code"] for ln in lines], dtype="u1").tobytes(),
            "line_primary": np.asarray([ln["is_primary"] for ln in lines], dtype="u1").tobytes(),
            "line_keys": KEY_SEP.join(table), "line_key_codes": np.asarray(codes, dtype="<u2").tobytes()}


def write(db: Database, revision_id: int, created_at: str, keys: dict, payload: dict) -> None:
    """Insert the rows of one revision (call inside the revision's own transaction)."""
    lines, head = rows_of(revision_id, created_at, keys, payload)
    if lines:
        db.table("activity_lines").insert_all(lines, batch_size=500)
    db.table("inventory_heads").insert(head)


def backfill(db: Database) -> int:
    """Write the rows of every stored revision that has none yet; return how many revisions were filled."""
    sql = """select r.id, r.model_code, r.period, r.revision, r.created_at, r.payload from inventory_revisions r
             where not exists (select 1 from inventory_heads h where h.revision_id = r.id) order by r.id"""
    filled = 0
    for row in db.execute(sql).fetchall():
        keys = {"model_code": row[1], "period": row[2], "revision": row[3]}
        write(db, row[0], row[4], keys, json.loads(row[5]))
        filled += 1
    return filled


@contextlib.contextmanager
def no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many short-lived rows (none of them cyclic).

    Reading 750,000 rows spent half its time in collections that find nothing to collect (#13).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@dataclass(frozen=True, eq=False)
class LineColumns:
    """The lines of many revisions as columns, revision order (ascending id) then line order.

    ``revision_ids`` lists the revisions in order (also those without lines); ``position`` is each
    line's revision's index in it. ``key_code`` points each line at ``keys``, the distinct
    (unit, factor reference or custom-factor dict) pairs. ``activity(revision_id, line_no)`` reads one
    line's activity text, only when an error names it.
    """

    revision_ids: tuple[int, ...]
    position: np.ndarray  # int32 (n_lines,)
    line_no: np.ndarray  # int32
    stage_code: np.ndarray  # int32
    amount: np.ndarray  # float64
    is_primary: np.ndarray  # bool
    key_code: np.ndarray  # int32, index into ``keys``
    keys: tuple[tuple, ...]  # (unit, factor_ref str | custom-factor dict)
    activity: Callable[[int, int], str]


_READ = ("select revision_id, line_count, line_amounts, line_stages, line_primary, line_keys, line_key_codes"
         " from inventory_heads where revision_id in (select value from json_each(?)) order by revision_id")


def read_columns(db: Database, revision_ids: Sequence[int]) -> LineColumns:
    """Return the lines of ``revision_ids`` as columns, revisions in ascending id order.

    One query over the revisions' packed columns (one row per revision, ``np.frombuffer``), not one
    Python object per line.
    """
    ids = tuple(sorted({int(i) for i in revision_ids}))
    with no_gc():
        rows = db.execute(_READ, [json.dumps(ids)]).fetchall()
    if [r[0] for r in rows] != list(ids):
        raise LookupError("inventory_heads lacks a row of the revisions asked for")
    counts = np.asarray([r[1] for r in rows], dtype=np.int64)
    table: dict[str, int] = {}
    local_to_global, key_offsets = [], []
    for row in rows:
        key_offsets.append(len(local_to_global))
        if row[1]:
            local_to_global += [table.setdefault(k, len(table)) for k in row[5].split(KEY_SEP)]
    flat = np.asarray(local_to_global, dtype=np.int32)
    local = _joined([r[6] for r in rows], "<u2").astype(np.int64)
    key_code = flat[np.repeat(np.asarray(key_offsets, dtype=np.int64), counts) + local] if local.size else local
    starts = np.cumsum(counts) - counts

    def activity(revision_id: int, line_no: int) -> str:
        found = db.execute("select activity from activity_lines where revision_id = ? and line_no = ?",
                           [revision_id, line_no]).fetchone()
        return found[0] if found else ""

    keys = tuple((unit, ref) for unit, ref in map(json.loads, table))
    return LineColumns(
        revision_ids=ids, position=np.repeat(np.arange(len(ids), dtype=np.int32), counts),
        line_no=(np.arange(int(counts.sum())) - np.repeat(starts, counts) + 1).astype(np.int32),
        stage_code=_joined([r[3] for r in rows], "u1").astype(np.int32),
        amount=_joined([r[2] for r in rows], "<f8").astype(np.float64),
        is_primary=_joined([r[4] for r in rows], "u1").astype(bool), key_code=key_code.astype(np.int32),
        keys=keys, activity=activity,
    )


def _joined(blobs: list[bytes], dtype: str) -> np.ndarray:
    return np.frombuffer(b"".join(blobs), dtype=dtype)
