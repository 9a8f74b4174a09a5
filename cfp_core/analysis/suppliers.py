"""Fair comparison of suppliers' PACT disclosures against a chosen baseline. Pure.

Two PACT footprints are comparable per declared unit only with the same declared unit and the same
GWP basis; with different units they can still be compared per kilogram when every mass is known.
Each disclosure gets comparability findings (blocking / caution / info) against the baseline, and
the ranking holds only the comparable group; the others are listed with their blocking reasons.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import altair as alt
import pandas as pd
from pydantic import BaseModel, ConfigDict

from cfp_core.i18n import Msg, has, t
from cfp_core.io.suppliers import SupplierDisclosure, mean_dqr
from cfp_core.numbers import KG_FORMAT, SHARE_FORMAT, format_time, percent_value

BLOCKING, CAUTION, INFO = "blocking", "caution", "info"
LOW_PRIMARY_SHARE = 20.0  # percent
MAX_PERIOD_GAP_YEARS = 2
VALIDITY_YEARS = 3  # PACT default validity: 3 years from the reference period end
_COLUMNS = ("supplier", "product", "pcf", "per_kg", "unit", "period", "gwp", "standards", "primary", "dqr",
            "verified", "rank")
NUMBER_COLUMNS = ("pcf", "per_kg", "primary", "dqr")
# printf formats of the number columns: kgCO₂e and DQR 4 decimals, the 0–100 primary-data share as a share
COLUMN_FORMATS = {"pcf": KG_FORMAT, "per_kg": KG_FORMAT, "primary": SHARE_FORMAT, "dqr": KG_FORMAT}


class Finding(BaseModel):
    """One comparability finding about disclosure ``index`` (position in the compared list)."""

    model_config = ConfigDict(frozen=True)

    index: int
    severity: str
    key: str
    params: dict = {}

    def message(self, lang: str = "zh") -> str:
        """Return the finding's text in ``lang``."""
        return t(self.key, lang, **self.params)


class SupplierComparison(BaseModel):
    """Disclosures, findings against the baseline, the fair ranking and the excluded ones."""

    model_config = ConfigDict(frozen=True)

    disclosures: tuple[SupplierDisclosure, ...]
    baseline: int
    basis: str  # "per_unit" or "per_kg"
    findings: tuple[Finding, ...]
    ranking: tuple[int, ...]  # indexes of the comparable group, lowest footprint first
    excluded: tuple[int, ...]
    lang: str = "zh"

    def findings_of(self, index: int) -> tuple[Finding, ...]:
        """Return the findings about disclosure ``index``."""
        return tuple(f for f in self.findings if f.index == index)

    def reasons(self, index: int, lang: str = "zh") -> list[str]:
        """Return why disclosure ``index`` is left out of the ranking (its blocking findings), in ``lang``."""
        return [f.message(lang) for f in self.findings_of(index) if f.severity == BLOCKING]

    def value(self, index: int) -> float | None:
        """Return the value compared on the comparison's basis (per declared unit or per kg)."""
        d = self.disclosures[index]
        return d.per_kg if self.basis == "per_kg" else d.per_unit


def _years_between(start: str, end: str) -> float:
    return abs((date.fromisoformat(end) - date.fromisoformat(start)).days) / 365.25


def _pair_findings(i: int, d: SupplierDisclosure, base: SupplierDisclosure, basis: str) -> list[Finding]:
    found = []
    if d.declared_unit != base.declared_unit:
        per_kg = d.per_kg is not None and base.per_kg is not None
        found.append(Finding(index=i, severity=CAUTION if basis == "per_kg" else BLOCKING,
                             key="suppliers.finding.unit_per_kg" if per_kg else "suppliers.finding.unit",
                             params={"unit": _unit_msg(d.declared_unit), "base": _unit_msg(base.declared_unit)}))
    if set(d.gwp_sets) != set(base.gwp_sets):
        found.append(Finding(index=i, severity=BLOCKING, key="suppliers.finding.gwp",
                             params={"gwp": "/".join(d.gwp_sets), "base": "/".join(base.gwp_sets)}))
    gap = _years_between(base.period_end, d.period_end)
    if gap > MAX_PERIOD_GAP_YEARS:
        found.append(Finding(index=i, severity=CAUTION, key="suppliers.finding.period_gap",
                             params={"years": f"{gap:.1f}", "period": d.period_label, "base": base.period_label}))
    if set(d.standards) != set(base.standards):
        found.append(Finding(index=i, severity=INFO, key="suppliers.finding.standards",
                             params={"standards": ", ".join(d.standards), "base": ", ".join(base.standards)}))
    return found


def _own_findings(i: int, d: SupplierDisclosure, today: date) -> list[Finding]:
    found = []
    if d.status == "Deprecated":
        found.append(Finding(index=i, severity=BLOCKING, key="suppliers.finding.deprecated"))
    if d.labelled_cradle_to_grave:
        found.append(Finding(index=i, severity=BLOCKING, key="suppliers.finding.boundary"))
    age = (today - date.fromisoformat(d.period_end)).days / 365.25
    if age > VALIDITY_YEARS:
        found.append(Finding(index=i, severity=CAUTION, key="suppliers.finding.expired",
                             params={"end": d.period_end, "years": VALIDITY_YEARS}))
    if not d.verified:
        found.append(Finding(index=i, severity=CAUTION, key="suppliers.finding.unverified"))
    if d.primary_data_share is None:
        found.append(Finding(index=i, severity=INFO, key="suppliers.finding.primary_missing"))
    elif d.primary_data_share < LOW_PRIMARY_SHARE:
        found.append(Finding(index=i, severity=CAUTION, key="suppliers.finding.primary_low",
                             params={"share": percent_value(d.primary_data_share), "limit": percent_value(LOW_PRIMARY_SHARE, 0)}))
    return found


def compare_suppliers(disclosures: Sequence[SupplierDisclosure], lang: str = "zh", baseline: int = 0,
                      today: date | None = None) -> SupplierComparison:
    """Compare disclosures against ``disclosures[baseline]``: findings, fair ranking, excluded ones.

    The basis is per declared unit when all share one unit, otherwise per kg when every mass is known.
    Raises ``IndexError`` if ``baseline`` is not a position in ``disclosures``.
    """
    items = tuple(disclosures)
    base = items[baseline]
    today = today or date.today()
    units = {d.declared_unit for d in items}
    basis = "per_kg" if len(units) > 1 and all(d.per_kg is not None for d in items) else "per_unit"
    findings: list[Finding] = []
    for i, d in enumerate(items):
        if i != baseline:
            findings += _pair_findings(i, d, base, basis)
        findings += _own_findings(i, d, today)
    blocked = {f.index for f in findings if f.severity == BLOCKING}
    comparable = [i for i in range(len(items)) if i not in blocked]
    value = (lambda i: items[i].per_kg) if basis == "per_kg" else (lambda i: items[i].per_unit)  # ÷ declaredUnitAmount
    ranking = tuple(sorted(comparable, key=value))
    return SupplierComparison(disclosures=items, baseline=baseline, basis=basis, findings=tuple(findings),
                              ranking=ranking, excluded=tuple(sorted(blocked)), lang=lang)


def comparison_table(comparison: SupplierComparison, lang: str = "zh") -> pd.DataFrame:
    """Return one row per disclosure with localized headers (numbers unrounded; the page shows 4 decimals)."""
    rank = {index: n + 1 for n, index in enumerate(comparison.ranking)}
    rows = []
    for i, d in enumerate(comparison.disclosures):
        rows.append([d.supplier, d.product, d.per_unit, d.per_kg, _unit(d, lang), d.period_label,
                     "/".join(d.gwp_sets), ", ".join(d.standards), d.primary_data_share, mean_dqr(d),
                     t("suppliers.yes" if d.verified else "suppliers.no", lang), rank.get(i)])
    frame = pd.DataFrame(rows, columns=[t(f"suppliers.col.{c}", lang) for c in _COLUMNS])
    return frame.astype({t("suppliers.col.rank", lang): "Int64"})


def _unit_msg(unit: str) -> Msg | str:
    key = f"suppliers.unit.{unit.replace(' ', '_')}"
    return Msg(key) if has(key) else unit


def _unit(d: SupplierDisclosure, lang: str) -> str:
    unit = _unit_msg(d.declared_unit)
    return unit.render(lang) if isinstance(unit, Msg) else unit


def comparison_chart(comparison: SupplierComparison, lang: str = "zh") -> alt.Chart:
    """Bar chart of the compared value per supplier; one colour, non-comparable ones grey."""
    key = "suppliers.chart.per_kg" if comparison.basis == "per_kg" else "suppliers.chart.per_unit"
    data = pd.DataFrame({
        "supplier": [f"{i + 1}. {d.supplier}" for i, d in enumerate(comparison.disclosures)],
        "value": [comparison.value(i) for i in range(len(comparison.disclosures))],
        "group": [t("suppliers.chart.excluded" if i in comparison.excluded else "suppliers.chart.comparable", lang)
                  for i in range(len(comparison.disclosures))],
    })
    domain = [t("suppliers.chart.comparable", lang), t("suppliers.chart.excluded", lang)]
    return alt.Chart(data).mark_bar().encode(
        x=alt.X("value:Q", title=t(key, lang)), y=alt.Y("supplier:N", title=None, sort=None, axis=alt.Axis(labelLimit=360)),  # whole names
        color=alt.Color("group:N", title=None, scale=alt.Scale(domain=domain, range=["#2E7D5B", "#B0B0B0"])),
        tooltip=["supplier", alt.Tooltip("value:Q", format=".4f"), "group"],
    ).properties(title=t("suppliers.chart.title", lang))


def stored_table(stored: Sequence, lang: str = "zh", tz=None, assignments: dict | None = None) -> pd.DataFrame:
    """Return the list of stored disclosures (``StoredDisclosure``) with localized headers, times local in ``tz``.

    With ``assignments`` (``io.disclosure_assignments``) the part column shows the directory part (or
    "unassigned") instead of the label typed at intake.
    """
    columns = ("id", "supplier", "product", "part", "spec", "received", "state")

    def part(s) -> str:
        if assignments is None:
            return s.part
        return (assignments[s.id].part if s.id in assignments else None) or t("directory.unassigned", lang)

    rows = [[s.id, s.disclosure.supplier, s.disclosure.product, part(s), s.disclosure.spec_version, format_time(s.received_at, tz),
             t(f"suppliers.state.{s.state}", lang) + (f" → #{s.superseded_by}" if s.superseded_by else "")]
            for s in stored]
    return pd.DataFrame(rows, columns=[t(f"suppliers.col.{c}", lang) for c in columns])


def stored_label(stored) -> str:
    """Return "#3 supplier — product (period)" for choosing a stored disclosure."""
    d = stored.disclosure
    return f"#{stored.id} {d.supplier} — {d.product[:40]} ({d.period_label})"


def history_table(stored, lang: str = "zh") -> pd.DataFrame:
    """Return one stored disclosure's history (received, hidden, retracted, restored) with localized headers."""
    from cfp_core.io import disclosure_history

    rows = [[h["at"], t(f"suppliers.state.{h['kind']}", lang), h["reason"], h["author"]]
            for h in disclosure_history(stored)]
    return pd.DataFrame(rows, columns=[t(f"suppliers.col.{c}", lang) for c in ("at", "event", "reason", "author")])
