"""One inventory under several factor sets: totals, per-stage results and the attribution of the change.

The change between two sets is attributed line by line (kgCO2e under set B − under set A) and
grouped by factor key and stage, so the contributions add up to the change of the total.
Factor families are checked: an organisation-accounting electricity CO2 factor in a product
footprint, or a key valued with different families in different sets, gives a warning.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
from sqlite_utils import Database

from cfp_core import service, store
from cfp_core.calculate import Footprint, LineResult, calculate_footprint
from cfp_core.errors import NotFound
from cfp_core.factors import FactorFamily, FactorSet, GwpSet
from cfp_core.frames import stage_label
from cfp_core.i18n import Joined, Msg, Named, t
from cfp_core.models import STAGES, Inventory
from cfp_core.numbers import fmt_number, signed_percent


def factor_set_label(factor_set: FactorSet, lang: str = "zh") -> str:
    """Return the set's name in ``lang`` (its Chinese name when no English one is given)."""
    return Named(factor_set.name_en, factor_set.name_zh).render(lang)


@dataclass(frozen=True)
class FactorComparison:
    """The footprints of one inventory under each of several factor sets (first set = reference)."""

    model_code: str
    period: str
    sets: tuple[FactorSet, ...]
    footprints: tuple[Footprint, ...]
    warnings: tuple[tuple[str, dict], ...] = ()
    illustrative: bool = False  # the inventory is demo data

    @property
    def set_ids(self) -> tuple[str, ...]:
        """Return the set ids in comparison order."""
        return tuple(s.set_id for s in self.sets)

    def footprint(self, set_id: str) -> Footprint:
        """Return the footprint under one set. Raises ``NotFound`` for a set not compared."""
        if set_id not in self.set_ids:
            raise NotFound(what=Msg("what.factor_set"), ident=set_id)
        return self.footprints[self.set_ids.index(set_id)]

    def factor_set(self, set_id: str) -> FactorSet:
        """Return one compared set. Raises ``NotFound`` for a set not compared."""
        self.footprint(set_id)
        return self.sets[self.set_ids.index(set_id)]

    def totals(self) -> dict[str, float]:
        """Return ``{set_id: total kgCO2e}``."""
        return {s: fp.total_kg_co2e for s, fp in zip(self.set_ids, self.footprints, strict=True)}

    def deltas(self) -> dict[str, float]:
        """Return ``{set_id: total − total under the first set}``."""
        first = self.footprints[0].total_kg_co2e
        return {s: total - first for s, total in self.totals().items()}


def compare_factor_sets(
    inventory: Inventory, factor_sets: Sequence[FactorSet], gwp_set: GwpSet,
    known_ids: dict[str, str] | None = None,
) -> FactorComparison:
    """Return ``inventory``'s footprint under each set, with factor-family warnings.

    Raises ``FactorNotFound``/``UnitMismatch`` if a set cannot value a line, ``NotFound`` if no set is given.
    """
    if not factor_sets:
        raise NotFound(what=Msg("what.factor_set"), ident="—")
    footprints = tuple(calculate_footprint(inventory, fs, gwp_set, known_ids) for fs in factor_sets)
    return FactorComparison(
        model_code=inventory.model_code, period=inventory.period.label, sets=tuple(factor_sets),
        footprints=footprints, warnings=family_warnings(factor_sets, footprints),
        illustrative=inventory.illustrative,
    )


def family_warnings(factor_sets: Sequence[FactorSet], footprints: Sequence[Footprint]) -> tuple[tuple[str, dict], ...]:
    """Return (i18n key, params) warnings about factor families mixed within or across sets."""
    found: list[tuple[str, dict]] = []
    families: dict[str, dict[str, str]] = {}
    for fs, fp in zip(factor_sets, footprints, strict=True):
        org = sorted({r.factor_key for r in fp.lines if r.family == FactorFamily.ELECTRICITY_CO2_ORG})
        if org:
            names = [_factor_name(fs, next(r for r in fp.lines if r.factor_key == k)) for k in org]
            found.append(("analysis.warn.org_family_in_set", {
                "set": Named(fs.name_en, fs.name_zh), "factors": Joined(names)}))
        if any(w[0] == "warn.mixed_families" for w in fp.warnings):
            found.append(("analysis.warn.mixed_in_set", {"set": Named(fs.name_en, fs.name_zh)}))
        for r in fp.lines:
            families.setdefault(r.factor_key, {}).setdefault(fs.set_id, r.family)
    first = factor_sets[0]
    for key, by_set in families.items():
        distinct = list(dict.fromkeys(by_set.values()))
        if len(distinct) > 1:
            line = next(r for r in footprints[0].lines if r.factor_key == key)
            found.append(("analysis.warn.families_differ", {
                "factor": _factor_name(first, line),
                "families": Joined([Msg(f"family.{f}") for f in distinct], " / ")}))
    return tuple(found)


def _factor_name(factor_set: FactorSet, line: LineResult) -> Named:
    factor = factor_set.by_key().get(line.factor_key)
    if factor is None:  # a custom factor on the line
        return Named(line.activity, line.activity)
    return Named(factor.name_en, factor.name_zh)


def _unit_label(line: LineResult) -> str:
    return f"kg{line.gas}/{line.factor_unit}"


def attribution_frame(comparison: FactorComparison, a: str, b: str, lang: str = "zh") -> pd.DataFrame:
    """Return the change from set ``a`` to set ``b`` attributed to each (factor key, stage).

    Columns: ``factor_key``, ``factor_label``, ``stage``, ``stage_label``, ``old_value``,
    ``new_value``, ``old_unit``, ``new_unit``, ``kg_a``, ``kg_b``, ``delta_kg_co2e``; rows in
    report order. The deltas sum to the change of the total. Raises ``NotFound`` for an unknown set.
    """
    fp_a, fp_b = comparison.footprint(a), comparison.footprint(b)
    set_b = comparison.factor_set(b)
    groups: dict[tuple[str, str], dict] = {}
    for ra, rb in zip(fp_a.lines, fp_b.lines, strict=True):
        group = groups.setdefault((rb.factor_key, rb.stage.value), {
            "factor_key": rb.factor_key, "factor_label": _factor_name(set_b, rb).render(lang),
            "stage": rb.stage.value, "stage_label": stage_label(rb.stage.value, lang),
            "old_value": ra.factor_value, "new_value": rb.factor_value, "old_unit": _unit_label(ra),
            "new_unit": _unit_label(rb), "kg_a": [], "kg_b": []})
        group["kg_a"].append(ra.kg_co2e)
        group["kg_b"].append(rb.kg_co2e)
    rows = [g | {"kg_a": math.fsum(g["kg_a"]), "kg_b": math.fsum(g["kg_b"])} for g in groups.values()]
    order = [s.value for s in STAGES]
    rows.sort(key=lambda r: order.index(r["stage"]))
    frame = pd.DataFrame(rows, columns=["factor_key", "factor_label", "stage", "stage_label", "old_value",
                                        "new_value", "old_unit", "new_unit", "kg_a", "kg_b"])
    return frame.assign(delta_kg_co2e=frame["kg_b"] - frame["kg_a"])


ATTRIBUTION_COLUMNS = {"factor_label": "compare.fs.col.factor", "stage_label": "label.stage",
                       "old_value": "compare.fs.col.old", "new_value": "compare.fs.col.new",
                       "new_unit": "compare.fs.col.unit", "delta_kg_co2e": "compare.fs.col.delta"}


def attribution_table(comparison: FactorComparison, a: str, b: str, lang: str = "zh") -> pd.DataFrame:
    """Return ``attribution_frame`` for display: localized headers, only the columns a reader needs."""
    frame = attribution_frame(comparison, a, b, lang)[list(ATTRIBUTION_COLUMNS)]
    return frame.rename(columns={c: t(k, lang) for c, k in ATTRIBUTION_COLUMNS.items()})


def waterfall_frame(comparison: FactorComparison, a: str, b: str, lang: str = "zh") -> pd.DataFrame:
    """Return the waterfall from total(a) to total(b): start bar, one bar per non-zero contribution, end bar.

    Columns: ``order``, ``label``, ``kind`` (total | increase | decrease), ``kind_label``, ``start``,
    ``end`` and ``amount`` (kgCO2e). Raises ``NotFound`` for an unknown set.
    """
    parts = attribution_frame(comparison, a, b, lang)
    total_a, total_b = comparison.footprint(a).total_kg_co2e, comparison.footprint(b).total_kg_co2e
    rows = [_bar("total", factor_set_label(comparison.factor_set(a), lang), 0.0, total_a, lang)]
    running = total_a
    for part in parts[parts["delta_kg_co2e"] != 0].itertuples():
        kind = "increase" if part.delta_kg_co2e > 0 else "decrease"
        label = f"{part.stage_label} · {part.factor_label}"  # the stage first: long factor names are cut at the end
        rows.append(_bar(kind, label, running, running + part.delta_kg_co2e, lang))
        running += part.delta_kg_co2e
    rows.append(_bar("total", factor_set_label(comparison.factor_set(b), lang), 0.0, total_b, lang))
    frame = pd.DataFrame(rows)
    frame["label"] = _unique(list(frame["label"]))
    return frame.assign(order=range(len(frame)))


def _bar(kind: str, label: str, start: float, end: float, lang: str) -> dict:
    amount = end - start
    return {"label": label, "kind": kind, "kind_label": t(f"analysis.waterfall.{kind}", lang),
            "start": start, "end": end, "amount": amount}


def _unique(labels: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for label in labels:
        seen[label] = seen.get(label, 0) + 1
        out.append(label if seen[label] == 1 else f"{label} ({seen[label]})")
    return out


def factor_stage_frame(comparison: FactorComparison, lang: str = "zh") -> pd.DataFrame:
    """Return stages (with lines) and the total against each set, with Δ columns against the first set.

    """
    used = {s.stage.value for fp in comparison.footprints for s in fp.stages if s.line_count}
    rows = [s.value for s in STAGES if s.value in used]
    data: dict[str, list] = {t("label.stage", lang): [stage_label(r, lang) for r in rows] + [t("label.total", lang)]}
    columns = [(factor_set_label(fs, lang), [fp.stage(r).kg_co2e for r in rows] + [fp.total_kg_co2e])
               for fs, fp in zip(comparison.sets, comparison.footprints, strict=True)]
    data |= dict(columns)
    first = columns[0][1]
    for label, values in columns[1:]:
        data[t("analysis.delta_col", lang, model=label)] = [v - f for v, f in zip(values, first, strict=True)]
    return pd.DataFrame(data)


def biggest_mover(comparison: FactorComparison, a: str, b: str) -> tuple[str, dict] | None:
    """Return the (i18n key, params) sentence explaining the factor that moves the total most.

    The contributions of one factor are summed over stages; None if nothing changes.
    Raises ``NotFound`` for an unknown set.
    """
    parts = attribution_frame(comparison, a, b, "en")
    if parts.empty:
        return None
    by_key = parts.groupby("factor_key", sort=False)["delta_kg_co2e"].sum()
    key = by_key.abs().idxmax()
    delta = float(by_key[key])
    if delta == 0:
        return None
    row = parts[parts["factor_key"] == key].iloc[0]
    line = next(r for r in comparison.footprint(b).lines if r.factor_key == key)
    change = comparison.deltas()[b] - comparison.deltas()[a]
    values = f"{row.old_value:.4f} → {row.new_value:.4f} {row.new_unit}" if row.old_unit == row.new_unit \
        else f"{row.old_value:.4f} {row.old_unit} → {row.new_value:.4f} {row.new_unit}"
    pct = (row.new_value - row.old_value) / row.old_value if row.old_value else math.nan
    return ("analysis.mover", {
        "factor": _factor_name(comparison.factor_set(b), line), "values": values, "pct": signed_percent(pct),
        "direction": Msg("analysis.mover.lowers" if delta < 0 else "analysis.mover.raises"),
        "amount": fmt_number(abs(delta), 4), "share": signed_percent(delta / change if change else math.nan).lstrip("+−"),
    })


def factor_comparison_of(db: Database, model_code: str, period: str, set_ids: Sequence[str],
                         revision: int | None = None) -> FactorComparison:
    """Return a stored inventory (latest or a given revision) under each of the stored sets ``set_ids``.

    Raises ``NotFound`` for a missing inventory or set, ``FactorNotFound``/``UnitMismatch`` if a set
    cannot value a line.
    """
    inventory = store.load_inventory(db, model_code, period, revision)
    sets = [store.load_factor_set(db, set_id) for set_id in set_ids]
    return compare_factor_sets(inventory, sets, service.gwp_set(inventory.gwp_set), store.known_factor_ids(db))
