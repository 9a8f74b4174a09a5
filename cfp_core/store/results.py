"""Materialised footprints (``results``): per stage, total, cradle-to-gate, per revision × factor set × GWP set (#13).

Values are computed by the vectorised engine from ``activity_lines`` and equal ``calculate_footprint``'s
exactly: each line's kgCO2e is the single path's product ((amount × coefficient) × value) × GWP, and
stages, total, cradle-to-gate and the primary-data part are ``math.fsum`` over the same numbers, as
there (an exact, order-free sum). Nothing is rounded.

A row's key (revision id, set id, GWP id, ``resolution``, ``ENGINE``) never goes stale: a revision and
a factor set never change under their ids (both append-only, a changed set is refused under its id);
``resolution`` is the digest of the factor-id index, the one input a new set can change (an id of
another set may be remapped); ``ENGINE`` changes with the calculation itself. Inventories that do not
calculate are not stored (the caller values them with the single path to name the problem).
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from sqlite_utils import Database

from cfp_core.errors import CfpError
from cfp_core.factors import FactorSet, GwpSet
from cfp_core.i18n import Msg, line_where
from cfp_core.models import CRADLE_TO_GATE, STAGES, CustomFactor
from cfp_core.portfolio import N_STAGES, Portfolio, _first_use_codes, compile_factor_sets
from cfp_core.store.lines import LineColumns, no_gc, read_columns

ENGINE = 1  # bump when the calculation changes what it returns
STAGE_IDS = tuple(s.value for s in STAGES)
_C2G = tuple(n for n, s in enumerate(STAGES) if s in CRADLE_TO_GATE)
KG_COLUMNS = tuple(f"kg_{s}" for s in STAGE_IDS)
COUNT_COLUMNS = tuple(f"lines_{s}" for s in STAGE_IDS)


def create_table(db: Database) -> None:
    """Create the ``results`` table, unique on its key."""
    db.table("results").create(
        {"id": int, "revision_id": int, "set_id": str, "gwp_id": str, "resolution": str, "engine": int,
         **dict.fromkeys(KG_COLUMNS, float), **dict.fromkeys(COUNT_COLUMNS, int), "total_kg_co2e": float,
         "cradle_to_gate_kg_co2e": float, "primary_kg_co2e": float, "computed_at": str},
        pk="id", not_null={"revision_id", "set_id", "gwp_id", "resolution", "engine"},
        foreign_keys=[("revision_id", "inventory_revisions", "id")],
    )
    db.table("results").create_index(["revision_id", "set_id", "gwp_id", "resolution", "engine"], unique=True)
    db.table("results").create_index(["set_id", "gwp_id", "resolution", "engine"])


def resolution(known_ids: dict[str, str]) -> str:
    """Return the digest of a factor-id index (``store.known_factor_ids``)."""
    text = json.dumps(sorted(known_ids.items()), ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


@dataclass(frozen=True, eq=False)
class StoredPortfolio(Portfolio):
    """A ``Portfolio`` compiled from stored line rows: no ``Inventory`` objects, the activity texts kept."""

    revision_ids: tuple[int, ...] = ()
    activity: Callable[[int, int], str] | None = None

    @property
    def n_inventories(self) -> int:
        """Number of inventories (revisions)."""
        return len(self.labels)

    def where(self, position: int) -> Msg:
        """Return the "Inventory X (2025), Line N (stage, activity): " prefix of a flat line position."""
        index, line_no = int(self.inventory_index[position]), int(self.line_no[position])
        model_code, period = self.labels[index]
        return Msg("portfolio.where", model_code=model_code, period=period,
                   line=line_where(line_no, STAGE_IDS[int(self.stage_code[position])],
                                   self.activity(self.revision_ids[index], line_no) if self.activity else ""))


def compile_columns(columns: LineColumns, labels: Sequence[tuple[str, str]]) -> StoredPortfolio:
    """Return the ``Portfolio`` of stored line columns (``labels``: (model, period) per revision, in order).

    Units and references are coded over the few distinct line keys, then gathered per line; pairs are
    coded in order of first use, as ``portfolio.compile_portfolio`` does.
    """
    unit_table: dict[str, int] = {}
    ref_table: dict = {}
    customs: dict[str, CustomFactor] = {}
    key_unit, key_ref = [], []
    for unit, ref in columns.keys:
        if isinstance(ref, dict):
            ref = customs.setdefault(json.dumps(ref, sort_keys=True), CustomFactor(**ref))
        key_unit.append(unit_table.setdefault(unit, len(unit_table)))
        key_ref.append(ref_table.setdefault(ref, len(ref_table)))
    unit_code = np.asarray(key_unit, dtype=np.int32)[columns.key_code] if key_unit else columns.key_code
    ref_code = np.asarray(key_ref, dtype=np.int32)[columns.key_code] if key_ref else columns.key_code
    pair = ref_code.astype(np.int64) * max(len(unit_table), 1) + unit_code
    combo, combos, first_line = _first_use_codes(pair, len(unit_table))
    return StoredPortfolio(
        inventories=(), amount=np.ascontiguousarray(columns.amount), unit_code=unit_code, ref_code=ref_code,
        stage_code=columns.stage_code, inventory_index=columns.position, line_no=columns.line_no,
        units=tuple(unit_table), refs=tuple(ref_table), combo=combo, combos=combos, first_line=first_line,
        cell=columns.position.astype(np.intp) * N_STAGES + columns.stage_code, labels=tuple(labels),
        revision_ids=columns.revision_ids, activity=columns.activity,
    )


def line_kg(portfolio: Portfolio, factor_set: FactorSet, gwp_set: GwpSet, known_ids: dict[str, str] | None) -> np.ndarray:
    """Return each line's kgCO2e under one set: the single path's ((amount × coefficient) × value) × GWP.

    Raises ``FactorNotFound``/``UnitMismatch``/``GwpMissing`` naming the first line that fails.
    """
    matrix = compile_factor_sets(portfolio, [factor_set], gwp_set, known_ids)
    combo = portfolio.combo
    return ((portfolio.amount * matrix.coefficient[0].take(combo)) * matrix.value[0].take(combo)) * matrix.gwp[0].take(combo)


def _fsum_groups(values: np.ndarray, group: np.ndarray, n_groups: int) -> list[float]:
    """``math.fsum`` of ``values`` per group (correctly rounded, so equal to the single path's sums)."""
    order = np.argsort(group, kind="stable")
    ordered = values[order].tolist()
    bounds = np.concatenate(([0], np.cumsum(np.bincount(group, minlength=n_groups)))).tolist()
    return [math.fsum(ordered[a:b]) for a, b in zip(bounds[:-1], bounds[1:], strict=True)]


def exact_rows(portfolio: Portfolio, columns: LineColumns, kg: np.ndarray) -> list[dict]:
    """Return one result row (values only, no key) per revision of ``portfolio``, from per-line ``kg``."""
    n = portfolio.n_inventories
    stages = _fsum_groups(kg, portfolio.cell, n * N_STAGES)
    primary = _fsum_groups(np.where(columns.is_primary, kg, 0.0), columns.position, n)
    counts = np.bincount(portfolio.cell, minlength=n * N_STAGES).tolist()
    rows = []
    for i in range(n):
        cells = stages[i * N_STAGES:(i + 1) * N_STAGES]
        rows.append({**dict(zip(KG_COLUMNS, cells, strict=True)),
                     **dict(zip(COUNT_COLUMNS, counts[i * N_STAGES:(i + 1) * N_STAGES], strict=True)),
                     "total_kg_co2e": math.fsum(cells), "cradle_to_gate_kg_co2e": math.fsum(cells[c] for c in _C2G),
                     "primary_kg_co2e": primary[i]})
    return rows


def subset(columns: LineColumns, keep: Sequence[int]) -> LineColumns:
    """Return the columns of the revisions at positions ``keep`` (ascending), renumbered."""
    keep = np.asarray(keep, dtype=np.int32)
    remap = np.full(len(columns.revision_ids), -1, dtype=np.int32)
    remap[keep] = np.arange(keep.size, dtype=np.int32)
    mask = remap[columns.position] >= 0
    return LineColumns(
        revision_ids=tuple(columns.revision_ids[k] for k in keep.tolist()), position=remap[columns.position][mask],
        line_no=columns.line_no[mask], stage_code=columns.stage_code[mask], amount=columns.amount[mask],
        is_primary=columns.is_primary[mask], key_code=columns.key_code[mask], keys=columns.keys,
        activity=columns.activity,
    )


def compute(columns: LineColumns, labels: Sequence[tuple[str, str]], factor_set: FactorSet, gwp_set: GwpSet,
            known_ids: dict[str, str] | None) -> dict[int, dict]:
    """Return ``{revision_id: result values}`` for every revision that calculates under the set.

    Revisions that fail are left out: the batch is split in halves until each failure is alone, so
    one bad inventory costs a few extra compiles, not one per inventory.
    """
    try:
        portfolio = compile_columns(columns, labels)
        rows = exact_rows(portfolio, columns, line_kg(portfolio, factor_set, gwp_set, known_ids))
        return dict(zip(columns.revision_ids, rows, strict=True))
    except CfpError:
        n = len(columns.revision_ids)
        if n <= 1:
            return {}
        found: dict[int, dict] = {}
        for half in (range(0, n // 2), range(n // 2, n)):
            found |= compute(subset(columns, list(half)), [labels[i] for i in half], factor_set, gwp_set, known_ids)
        return found


def materialise_saved(db: Database, revision_id: int, label: tuple[str, str], factor_set: FactorSet,
                      gwp_set: GwpSet, known_ids: dict[str, str], at: str) -> bool:
    """Compute and store one just-saved revision's result under one set (inside its transaction).

    Returns False (nothing stored) if it does not calculate: saving never depends on it.
    """
    values = compute(read_columns(db, [revision_id]), [label], factor_set, gwp_set, known_ids)
    return bool(values) and write(db, values, factor_set.set_id, gwp_set.gwp_id, resolution(known_ids), at) > 0


def read(db: Database, revision_ids: Sequence[int], set_id: str, gwp_id: str, digest: str) -> dict[int, dict]:
    """Return the stored ``{revision_id: row}`` for ``revision_ids`` under one key (one query)."""
    sql = ("select * from results where set_id = ? and gwp_id = ? and resolution = ? and engine = ?"
           " and revision_id in (select value from json_each(?))")
    with no_gc():
        cursor = db.execute(sql, [set_id, gwp_id, digest, ENGINE, json.dumps([int(i) for i in revision_ids])])
        names = [d[0] for d in cursor.description]
        at = names.index("revision_id")
        return {row[at]: dict(zip(names, row, strict=True)) for row in cursor.fetchall()}


def write(db: Database, values: dict[int, dict], set_id: str, gwp_id: str, digest: str, at: str) -> int:
    """Insert the rows of ``values`` that are not stored yet (call inside a write transaction); return how many."""
    stored = read(db, list(values), set_id, gwp_id, digest)
    rows = [{"revision_id": rid, "set_id": set_id, "gwp_id": gwp_id, "resolution": digest, "engine": ENGINE,
             **row, "computed_at": at} for rid, row in values.items() if rid not in stored]
    if rows:  # one prepared statement (sqlite-utils' insert_all spent 1.1 s building 30,000 rows' SQL)
        columns = list(rows[0])
        sql = f"insert into results ({', '.join(columns)}) values ({', '.join('?' * len(columns))})"
        with no_gc():
            db.conn.executemany(sql, [tuple(row[c] for c in columns) for row in rows])
    return len(rows)
