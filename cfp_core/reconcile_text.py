"""Words for reconciliation findings: message parameters formatted for display, and the findings table.

Kept apart from ``cfp_core.reconcile`` (which computes); numbers are formatted here only:
kgCO2e to 4 decimals, printed quantities as printed, implied quantities to 3 more decimals.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from cfp_core.explain import factor_number, plain
from cfp_core.frames import stage_label
from cfp_core.i18n import Msg, fmt_delta, t

if TYPE_CHECKING:
    from cfp_core.reconcile import Finding, Reconciliation

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
