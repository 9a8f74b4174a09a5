"""What changed between two revisions of an inventory, as a readable table.

Lines are paired by (stage, activity) and their occurrence, so inserting a line does not mark
every later line as changed. Values are shown with localized labels and never rounded.
"""

from __future__ import annotations

from collections import Counter

import pandas as pd

from cfp_core.editor.options import custom_factor_label, factor_label
from cfp_core.errors import CfpError
from cfp_core.factors import FactorSet, resolve
from cfp_core.i18n import t
from cfp_core.models import ActivityLine, Inventory

DIFF_COLUMNS = ["change", "line", "field", "old", "new"]
_LINE_FIELDS = {
    "amount": "label.amount", "unit": "label.unit", "factor_ref": "label.factor", "custom_factor": "label.factor",
    "data_source": "label.data_source", "note": "label.note", "note_internal": "products.col.note_internal",
    "printed_amount": "products.diff.printed_amount", "pedigree": "products.diff.pedigree",
}
_BOUNDARY_FIELDS = ("boundary", "included_stages", "excluded", "cutoff_rule", "allocation_rule", "exempted_percent")
_INVENTORY_FIELDS = ("period", "factor_set_id", "gwp_set", "verification", "declared", "standards",
                     "illustrative", "note")


def diff_revisions(a: Inventory, b: Inventory, lang: str, factor_set: FactorSet | None = None) -> pd.DataFrame:
    """Return the changes from ``a`` to ``b``: one row per added, removed or changed line field,
    then boundary and verification changes. Columns ``DIFF_COLUMNS``; ``line`` is the line
    number (in ``b``, or in ``a`` for removed lines) and empty for inventory-level rows.
    """
    show = _Shower(lang, factor_set)
    rows: list[dict] = []
    old, new = _keyed(a.lines), _keyed(b.lines)
    for key, (number, line) in old.items():
        if key not in new:
            rows.append(_row("removed", number, "label.activity", show.line(line), "", lang))
            continue
        new_number, new_line = new[key]
        for field, label in _LINE_FIELDS.items():
            before, after = getattr(line, field), getattr(new_line, field)
            if before != after:
                rows.append(_row("changed", new_number, label, show.value(field, before),
                                 show.value(field, after), lang, activity=line.activity))
    rows += [_row("added", number, "label.activity", "", show.line(line), lang)
             for key, (number, line) in new.items() if key not in old]
    for field in _BOUNDARY_FIELDS:
        before, after = getattr(a.boundary, field), getattr(b.boundary, field)
        if before != after:
            rows.append(_row("changed", None, f"products.diff.{field}", show.value(field, before),
                             show.value(field, after), lang))
    for field in _INVENTORY_FIELDS:
        before, after = getattr(a, field), getattr(b, field)
        if before != after:
            rows.append(_row("changed", None, f"products.diff.{field}", show.value(field, before),
                             show.value(field, after), lang))
    return pd.DataFrame(rows, columns=DIFF_COLUMNS).astype({"line": "Int64"})


def _keyed(lines) -> dict[tuple, tuple[int, ActivityLine]]:
    seen: Counter = Counter()
    keyed = {}
    for number, line in enumerate(lines, start=1):
        base = (line.stage.value, line.activity)
        keyed[(*base, seen[base])] = (number, line)
        seen[base] += 1
    return keyed


def _row(change: str, line: int | None, label: str, old: str, new: str, lang: str, activity: str = "") -> dict:
    field = t(label, lang) + (f" · {activity}" if activity else "")
    return {"change": t(f"products.diff.{change}", lang), "line": line, "field": field, "old": old, "new": new}


class _Shower:
    """Renders field values in the reader's language."""

    def __init__(self, lang: str, factor_set: FactorSet | None) -> None:
        self.lang, self.factor_set = lang, factor_set

    def line(self, line: ActivityLine) -> str:
        stage = t(f"stage.{line.stage.value}", self.lang)
        return f"{stage} · {line.activity} · {line.amount!r} {line.unit} · {self.value('factor_ref', line.factor_ref)}"

    def value(self, field: str, value) -> str:
        lang = self.lang
        if value is None or value == "" or value == ():
            return "—"
        if isinstance(value, bool):
            return t("label.yes" if value else "label.no", lang)
        simple = {
            "data_source": lambda: t(f"source.{value.value}", lang),
            "boundary": lambda: t(f"boundary.{value.value}", lang),
            "included_stages": lambda: "、".join(t(f"stage.{s.value}", lang) for s in value),
            "excluded": lambda: "; ".join((p.process_en or p.process_zh) if lang == "en" else p.process_zh for p in value),
            "factor_ref": lambda: self._factor(value),
            "custom_factor": lambda: custom_factor_label(value, lang),
            "verification": lambda: " ".join(x for x in (value.verifier, value.report_number) if x),
            "declared": lambda: repr(value.total) if value.total is not None else t("products.diff.declared_stages", lang),
            "period": lambda: value.label,
            "standards": lambda: ", ".join(value),
            "pedigree": lambda: "({reliability}, {completeness}, {temporal}, {geographical}, {technological})".format(
                **value.model_dump()),
        }
        if field in simple:
            return simple[field]()
        return repr(value) if isinstance(value, float) else str(value)

    def _factor(self, ref: str) -> str:
        if self.factor_set is None:
            return ref
        try:
            return factor_label(resolve(ref, self.factor_set), self.lang)
        except CfpError:
            return ref
