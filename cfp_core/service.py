"""One-call operations over the store for pages and the CLI: load and calculate, one or many.

Each function opens nothing itself: it takes a ``Database`` and returns models or frames.
Many footprints at once (``footprints_of``) load each factor set and the id index only once.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pandas as pd
from sqlite_utils import Database

from cfp_core import store
from cfp_core.calculate import Footprint, calculate_footprint
from cfp_core.errors import CfpError, NotFound
from cfp_core.factors import FactorSet, GwpSet
from cfp_core.i18n import Msg
from cfp_core.library import gwp_sets
from cfp_core.models import Inventory
from cfp_core.store import lines, memo, results


def gwp_set(gwp_id: str) -> GwpSet:
    """Return a GWP set by id ("AR4", "AR5", "AR6")."""
    return gwp_sets()[gwp_id]


def footprint_of(
    db: Database, inventory: Inventory, set_id: str | None = None, gwp_id: str | None = None,
    factor_set: FactorSet | None = None,
) -> Footprint:
    """Return the footprint of ``inventory`` under a stored factor set (default: the inventory's own).

    Raises ``NotFound``, ``FactorNotFound``, ``UnitMismatch`` or ``GwpMissing``.
    """
    chosen = factor_set or store.load_factor_set(db, set_id or inventory.factor_set_id)
    return calculate_footprint(
        inventory, chosen, gwp_set(gwp_id or inventory.gwp_set), known_ids=store.known_factor_ids(db)
    )


def stored_footprint(
    db: Database, model_code: str, period: str, set_id: str | None = None,
    revision: int | None = None, gwp_id: str | None = None,
) -> Footprint:
    """Load an inventory (latest or a given revision) and return its footprint."""
    inventory = store.load_inventory(db, model_code, period, revision)
    return footprint_of(db, inventory, set_id, gwp_id)


def latest_revisions(inventory_rows: Iterable[dict], model_codes: Sequence[str], period: str) -> tuple[tuple[str, int], ...]:
    """Return ``((model_code, latest revision), …)`` for ``model_codes`` in ``period``, in the given order.

    ``inventory_rows`` are ``store.list_inventories`` rows. Raises ``NotFound`` naming the first
    model without an inventory for the period.
    """
    revisions = {row["model_code"]: row["revision"] for row in inventory_rows if row["period"] == period}
    for code in model_codes:
        if code not in revisions:
            raise NotFound(what=Msg("what.inventory"), ident=f"{code} {period}")
    return tuple((code, revisions[code]) for code in model_codes)


def footprints_of(db: Database, revisions: Sequence[tuple[str, int]], period: str,
                  set_id: str | None = None) -> list[Footprint]:
    """Return the footprint of each ``(model_code, revision)`` inventory of ``period``, in order.

    ``set_id`` None values each inventory under the factor set it declares. Raises ``NotFound``,
    ``FactorNotFound``, ``UnitMismatch`` or ``GwpMissing`` for the first inventory that fails.
    """
    known_ids = store.known_factor_ids(db)
    sets: dict[str, FactorSet] = {}
    results = []
    for code, revision in revisions:
        inventory = store.load_inventory(db, code, period, revision)
        chosen = set_id or inventory.factor_set_id
        if chosen not in sets:
            sets[chosen] = store.load_factor_set(db, chosen)
        results.append(calculate_footprint(inventory, sets[chosen], gwp_set(inventory.gwp_set), known_ids))
    return results


def trend_inputs(db: Database, model_codes: Sequence[str], set_id: str | None = None,
                 ) -> tuple[list[tuple[str, Footprint]], list[Inventory]]:
    """Return ``([(period, footprint)], [inventory])`` over every stored period of ``model_codes``, in order.

    The latest revision of each inventory; ``set_id`` None values each period under the factor set its
    inventory declares. Each factor set and the id index are loaded once. Raises ``NotFound`` or a
    calculation error for the first inventory that fails.
    """
    rows = store.list_inventories(db)
    known_ids = store.known_factor_ids(db)
    sets: dict[str, FactorSet] = {}
    points, inventories = [], []
    by_code: dict[str, list[dict]] = {}
    for row in rows:  # one pass, not one scan of every row per model (quadratic at 10,000 models)
        by_code.setdefault(row["model_code"], []).append(row)
    for code in model_codes:
        for row in by_code.get(code, ()):
            inventory = store.load_inventory(db, code, row["period"], row["revision"])
            chosen = set_id or inventory.factor_set_id
            if chosen not in sets:
                sets[chosen] = store.load_factor_set(db, chosen)
            inventories.append(inventory)
            points.append((row["period"], calculate_footprint(inventory, sets[chosen], gwp_set(inventory.gwp_set),
                                                              known_ids)))
    return points, inventories


RESULT_COLUMNS = ["model_code", "period", "revision", "revision_id", "created_at", "factor_set_id", "gwp_set",
                  "illustrative", "verified", "included_stages", *results.KG_COLUMNS, *results.COUNT_COLUMNS,
                  "total_kg_co2e", "cradle_to_gate_kg_co2e", "primary_data_share", "problem"]


HEAD_COLUMNS = ("h.revision_id, h.model_code, h.period, h.revision, h.factor_set_id, h.gwp_set, h.illustrative,"
                " h.verified, h.included_stages, h.line_count, h.created_at")  # not the packed line columns


@dataclass(frozen=True)
class StoredFootprint:
    """A materialised footprint: what the portfolio views read of a ``Footprint``, without its lines.

    The numbers equal ``calculate_footprint``'s exactly (``store.results``).
    """

    model_code: str
    period: str
    factor_set_id: str
    gwp_set: str
    total_kg_co2e: float
    cradle_to_gate_kg_co2e: float
    primary_data_share: float
    illustrative: bool


def latest_heads(db: Database, model_codes: Sequence[str] | None = None, period: str | None = None) -> list[dict]:
    """Return the header row (``inventory_heads``) of the latest revision of every inventory, by model then period.

    No payload is read. ``model_codes``/``period`` narrow the rows.
    """
    where, args = [], []
    if period is not None:
        where.append("h.period = ?")
        args.append(period)
    if model_codes is not None and len(model_codes) <= 500:  # a few models: let the index find them
        where.append(f"h.model_code in ({','.join('?' * len(model_codes))})")
        args += list(model_codes)
    where.append("h.revision = (select max(revision) from inventory_heads l where l.model_code = h.model_code"
                 " and l.period = h.period)")
    sql = (f"select {HEAD_COLUMNS} from inventory_heads h where {' and '.join(where)}"
           " order by h.model_code, h.period")
    with lines.no_gc():
        cursor = db.execute(sql, args)
        names = [d[0] for d in cursor.description]
        rows = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    if model_codes is not None:
        wanted = set(model_codes)
        rows = [r for r in rows if r["model_code"] in wanted]
    return rows


def portfolio_results(db: Database, set_id: str | None = None, gwp_id: str | None = None,
                      model_codes: Sequence[str] | None = None, period: str | None = None) -> pd.DataFrame:
    """Return ``portfolio_rows`` as a frame (columns ``RESULT_COLUMNS``)."""
    return pd.DataFrame(portfolio_rows(db, set_id, gwp_id, model_codes, period), columns=RESULT_COLUMNS)


@memo.by_version(copy=lambda rows: [dict(row) for row in rows])
def portfolio_rows(db: Database, set_id: str | None = None, gwp_id: str | None = None,
                   model_codes: Sequence[str] | None = None, period: str | None = None) -> list[dict]:
    """``_portfolio_rows`` memoised by the store's version (``memo.store_version``; #13), own dicts per call."""
    return _portfolio_rows(db, set_id, gwp_id, model_codes, period)


forget = memo.forget  # empty the memos (benchmarks' cold runs)


def _portfolio_rows(db: Database, set_id: str | None = None, gwp_id: str | None = None,
                    model_codes: Sequence[str] | None = None, period: str | None = None) -> list[dict]:
    """Return the footprint of the latest revision of every inventory (``RESULT_COLUMNS``), by model then period.

    The one door of the portfolio views and ``footprint --all``: stored results are read, missing ones
    computed in bulk by the vectorised engine from ``activity_lines`` (only the revisions without a
    result: the incremental path) and stored. ``set_id``/``gwp_id`` None value each inventory under
    its own. A row that does not calculate keeps its place with the single path's error in ``problem``.
    Raises ``NotFound`` if ``set_id`` is given and not stored.
    """
    heads = latest_heads(db, model_codes, period)
    known_ids = store.known_factor_ids(db)
    sets: dict[str, FactorSet | None] = {set_id: store.load_factor_set(db, set_id)} if set_id else {}
    groups: dict[tuple[str, str], list[dict]] = {}
    for head in heads:
        groups.setdefault((set_id or head["factor_set_id"], gwp_id or head["gwp_set"]), []).append(head)
    found: dict[tuple[int, str, str], dict] = {}
    for (chosen, gwp), members in groups.items():
        if chosen not in sets:
            sets[chosen] = _maybe_set(db, chosen)
        if sets[chosen] is not None:
            values = materialise(db, members, sets[chosen], gwp_set(gwp), known_ids)
            found |= {(rid, chosen, gwp): row for rid, row in values.items()}
    with lines.no_gc():
        return [_result_row(db, head, set_id or head["factor_set_id"], gwp_id or head["gwp_set"], found, sets,
                            known_ids) for head in heads]


def _maybe_set(db: Database, set_id: str) -> FactorSet | None:
    try:
        return store.load_factor_set(db, set_id)
    except NotFound:
        return None


def materialise(db: Database, heads: Sequence[dict], factor_set: FactorSet, gwp: GwpSet,
                known_ids: dict[str, str]) -> dict[int, dict]:
    """Return ``{revision_id: result values}`` of ``heads`` under one set, computing and storing the missing ones.

    On a read-only store (the disclosure server) the computed values are returned, not stored.
    """
    digest = results.resolution(known_ids)
    ids = [h["revision_id"] for h in heads]
    found = results.read(db, ids, factor_set.set_id, gwp.gwp_id, digest)
    missing = [i for i in ids if i not in found]
    if not missing:
        return found
    columns = lines.read_columns(db, missing)
    label = {h["revision_id"]: (h["model_code"], h["period"]) for h in heads}
    computed = results.compute(columns, [label[i] for i in columns.revision_ids], factor_set, gwp, known_ids)
    try:
        with store.write_transaction(db):
            results.write(db, computed, factor_set.set_id, gwp.gwp_id, digest, store.now())
    except sqlite3.OperationalError as error:
        if "readonly" not in str(error).replace(" ", "").lower():
            raise
    return found | computed


_EMPTY_ROW = dict.fromkeys(RESULT_COLUMNS)


def _result_row(db, head: dict, chosen: str, gwp: str, found: dict, sets: dict, known_ids: dict) -> dict:
    row = _EMPTY_ROW | {k: head[k] for k in ("model_code", "period", "revision", "revision_id", "created_at")} | {
        "factor_set_id": chosen, "gwp_set": gwp, "illustrative": bool(head["illustrative"]),
        "verified": bool(head["verified"]), "included_stages": tuple(filter(None, head["included_stages"].split(",")))}
    values = found.get((head["revision_id"], chosen, gwp))
    if values is None:  # does not calculate: the single path names the problem
        try:
            inventory = store.load_inventory(db, head["model_code"], head["period"], head["revision"])
            chosen_set = sets.get(chosen) or store.load_factor_set(db, chosen)
            single = calculate_footprint(inventory, chosen_set, gwp_set(gwp), known_ids)
        except CfpError as error:
            return row | {"problem": error}
        # pragma: no cover - the engine refuses only what the single path refuses; if not, the single path's numbers
        return row | _values_of(single) | {"primary_data_share": single.primary_data_share, "problem": None}
    total = values["total_kg_co2e"]
    return row | {k: values[k] for k in (*results.KG_COLUMNS, *results.COUNT_COLUMNS, "total_kg_co2e",
                                         "cradle_to_gate_kg_co2e")} | {
        "primary_data_share": values["primary_kg_co2e"] / total if total else 0.0, "problem": None}


def _values_of(footprint: Footprint) -> dict:
    return {**{f"kg_{s.stage.value}": s.kg_co2e for s in footprint.stages},
            **{f"lines_{s.stage.value}": s.line_count for s in footprint.stages},
            "total_kg_co2e": footprint.total_kg_co2e, "cradle_to_gate_kg_co2e": footprint.cradle_to_gate_kg_co2e}


@memo.by_version(copy=list)
def trend_points(db: Database, model_codes: Sequence[str], set_id: str | None = None,
                 ) -> list[tuple[str, StoredFootprint]]:
    """Return ``[(period, footprint)]`` over every stored period of ``model_codes`` (in order), from ``portfolio_results``.

    What ``analysis.trend_frame`` reads; inventories that do not calculate are left out. Raises
    ``NotFound`` if ``set_id`` is given and not stored.
    """
    order = {code: n for n, code in enumerate(dict.fromkeys(model_codes))}
    rows = sorted((r for r in portfolio_rows(db, set_id, model_codes=model_codes) if r["problem"] is None),
                  key=lambda r: (order[r["model_code"]], r["period"]))
    return [(r["period"], StoredFootprint(r["model_code"], r["period"], r["factor_set_id"], r["gwp_set"],
                                          r["total_kg_co2e"], r["cradle_to_gate_kg_co2e"], r["primary_data_share"],
                                          r["illustrative"])) for r in rows]


def latest_models(db: Database, period: str, count: int) -> list[str]:
    """Return the ``count`` models whose inventory for ``period`` was saved last, sorted by code (no payload read)."""
    sql = """select model_code from inventory_heads where period = ? group by model_code
             order by max(revision_id) desc limit ?"""
    return sorted(row["model_code"] for row in db.query(sql, [period, count]))
