"""Reconciliation findings: what one finding is, its words, and the findings table.

``cfp_core.analysis.reconcile`` computes findings; this module defines them and formats them.
Numbers are formatted here only: kgCO2e to 4 decimals, printed quantities as printed, implied
quantities to 3 more decimals.
"""

from __future__ import annotations

from typing import Literal

import pandas as pd
from pydantic import Field

from cfp_core.frames import stage_label
from cfp_core.i18n import Msg, normalise_lang, t
from cfp_core.models import Frozen, LifecycleStage
from cfp_core.numbers import factor_number, fmt_delta, plain

Kind = Literal["rounded_activity", "unit_slip", "arithmetic", "sum_mismatch", "match"]
Scope = Literal["line", "stage", "total"]
KINDS: tuple[str, ...] = ("unit_slip", "arithmetic", "rounded_activity", "sum_mismatch", "match")
KIND_ICONS = {
    "rounded_activity": ":material/straighten:", "unit_slip": ":material/swap_horiz:",
    "arithmetic": ":material/calculate:", "sum_mismatch": ":material/functions:",
    "match": ":material/check_circle:",
}


class Finding(Frozen):
    """One reconciled figure: what the report declares, what recomputes, and the likely cause."""

    kind: Kind
    scope: Scope
    stage: LifecycleStage | None = None
    line_no: int | None = None
    declared: float | None = None
    recomputed: float | None = None
    difference: float | None = None  # declared − recomputed
    key: str
    params: dict = Field(default_factory=dict)

    def message(self, lang: str = "zh") -> str:
        """Return the plain-language explanation in ``lang``, numbers to 4 decimals."""
        shown = display_params(self, lang)
        text = t(self.key, lang, **shown)
        hint = self.params.get("hint_key")
        gap = " " if normalise_lang(lang) == "en" else ""
        return f"{text}{gap}{t(hint, lang, **shown)}" if hint else text


class Reconciliation(Frozen):
    """All findings for one inventory's declared figures: lines, then stages, then the total."""

    model_code: str
    period: str
    findings: tuple[Finding, ...] = ()

    def issues(self) -> tuple[Finding, ...]:
        """Return the findings that are not matches."""
        return tuple(f for f in self.findings if f.kind != "match")

    def of_kind(self, kind: str) -> tuple[Finding, ...]:
        """Return the findings of one kind."""
        return tuple(f for f in self.findings if f.kind == kind)


_KG_PARAMS = {"declared", "printed", "exact", "naive", "converted", "sum", "low", "high",
              "exact_low", "exact_high", "allowance", "recomputed"}
_AMOUNT_PARAMS = {"implied", "implied_low", "implied_high"}
_HIDDEN = {"lines", "hint_key", "implied_decimals"}


def display_params(finding: Finding, lang: str) -> dict:
    """Return a finding's parameters formatted for its message template, plus ``where`` and ``stage``."""
    p = finding.params
    shown: dict = {"where": _where(finding, lang)}
    if finding.stage is not None:
        shown["stage"] = stage_label(finding.stage.value, lang)
    for name, value in p.items():
        if name in _KG_PARAMS:
            shown[name] = f"{value:.4f}"
        elif name in _AMOUNT_PARAMS:
            shown[name] = f"{value:.{p.get('implied_decimals', 4)}f}"
        elif name == "ratio":
            shown[name] = f"{value:.2f}"
        elif name in ("factor", "amount", "half_step"):
            shown[name] = factor_number(value) if name == "factor" else plain(value)
        elif name == "parts":
            shown[name] = Msg(f"reconcile.parts.{value}")
        elif name == "steps":
            shown["conversion"] = " × ".join(
                t(f"reconcile.step.{k}", lang, value=plain(v, 3), unit=u) for k, v, u in value)
        elif name not in _HIDDEN:
            shown[name] = value
    if finding.difference is not None:
        shown["difference"] = fmt_delta(finding.difference, 4)
    return shown


def _where(finding: Finding, lang: str) -> str:
    if finding.scope == "line":
        return t("reconcile.where.line", lang, line=finding.line_no, stage=stage_label(finding.stage.value, lang),
                 activity=finding.params.get("activity", ""))
    if finding.scope == "stage":
        return t("reconcile.where.stage", lang, stage=stage_label(finding.stage.value, lang))
    return t("reconcile.where.total", lang)


def reconciliation_frame(rec: Reconciliation, lang: str = "zh") -> pd.DataFrame:
    """Return one row per finding: kind, labels, line_no, declared, recomputed, difference, message."""
    rows = [
        {"kind": f.kind, "kind_label": t(f"reconcile.kind.{f.kind}", lang),
         "scope_label": t(f"reconcile.scope.{f.scope}", lang),
         "stage_label": stage_label(f.stage.value, lang) if f.stage else "",
         "line_no": f.line_no, "declared": f.declared, "recomputed": f.recomputed,
         "difference": f.difference, "message": f.message(lang)}
        for f in rec.findings
    ]
    columns = ["kind", "kind_label", "scope_label", "stage_label", "line_no", "declared", "recomputed",
               "difference", "message"]
    return pd.DataFrame(rows, columns=columns).astype({"line_no": "Int64"})


def reconciliation_columns(lang: str) -> dict[str, str]:
    """Return localized headers for ``reconciliation_frame`` columns."""
    return {c: t(f"reconcile.col.{c}", lang) for c in
            ("kind_label", "scope_label", "stage_label", "line_no", "declared", "recomputed", "difference", "message")}
