"""Inventory lines as rows (``activity_lines``) and each revision's header facts (``inventory_heads``) (#13).

The JSON payload of an inventory revision stays its record; these rows are what the vectorised
engine and the metadata queries read: columns straight into numpy arrays, no pydantic objects.
Both tables are written from the payload itself (``rows_of``), in the revision's own transaction,
and backfilled the same way for revisions stored before them. Both are append-only.
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
         "created_at": str},
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
            "line_count": len(lines), "created_at": created_at}
    return lines, head


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
    line's revision's index in it. ``refs`` holds per line a factor reference or a custom-factor dict.
    ``activity(revision_id, line_no)`` reads one line's activity text, only when an error names it.
    """

    revision_ids: tuple[int, ...]
    position: np.ndarray  # int32 (n_lines,)
    line_no: np.ndarray  # int32
    stage_code: np.ndarray  # int32
    amount: np.ndarray  # float64
    is_primary: np.ndarray  # bool
    units: list[str]
    refs: list
    activity: Callable[[int, int], str]


_READ = ("select revision_id, line_no, stage_code, amount, is_primary, unit, factor_ref, custom_value from activity_lines"
         " where revision_id in (select value from json_each(?)) order by revision_id, line_no")
_READ_CUSTOM = ("select revision_id, line_no, " + ", ".join(f"custom_{c}" for c in _CUSTOM) + " from activity_lines"
                " where custom_value is not null and revision_id in (select value from json_each(?))")


def read_columns(db: Database, revision_ids: Sequence[int]) -> LineColumns:
    """Return the lines of ``revision_ids`` as columns, revisions in ascending id order (one query).

    Only the columns the engine needs are read; custom factors in a second query over their few lines.
    """
    ids = tuple(sorted({int(i) for i in revision_ids}))
    order = {rid: n for n, rid in enumerate(ids)}
    key = json.dumps(ids)
    with no_gc():
        rows = db.execute(_READ, [key]).fetchall()
        columns = list(zip(*rows, strict=True))

    def activity(revision_id: int, line_no: int) -> str:
        found = db.execute("select activity from activity_lines where revision_id = ? and line_no = ?",
                           [revision_id, line_no]).fetchone()
        return found[0] if found else ""

    if not rows:
        empty = np.empty(0, dtype=np.int32)
        return LineColumns(ids, empty, empty, empty, np.empty(0), np.empty(0, dtype=bool), [], [], activity)
    refs = list(columns[6])
    if any(v is not None for v in columns[7]):
        customs = {(r[0], r[1]): dict(zip(_CUSTOM, r[2:], strict=True)) for r in db.execute(_READ_CUSTOM, [key])}
        at = {(rid, no): n for n, (rid, no, value) in enumerate(zip(columns[0], columns[1], columns[7], strict=True))
              if value is not None}
        for place, n in at.items():
            refs[n] = customs[place]
    return LineColumns(
        revision_ids=ids, position=np.fromiter((order[r] for r in columns[0]), np.int32, len(rows)),
        line_no=np.asarray(columns[1], dtype=np.int32), stage_code=np.asarray(columns[2], dtype=np.int32),
        amount=np.asarray(columns[3], dtype=np.float64), is_primary=np.asarray(columns[4], dtype=bool),
        units=list(columns[5]), refs=refs, activity=activity,
    )
