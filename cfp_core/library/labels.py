"""Words for the factor library: localized labels, provenance panels and version changelogs.

Pure functions; the numbers they show are formatted here (values as published, derived
values to 6 decimals per MJ and 4 decimals per kg), never rounded in the data.
"""

from __future__ import annotations

import math

import pandas as pd

from cfp_core.factors import EmissionFactor, FactorFamily, FactorSet, derive_fuel_value
from cfp_core.i18n import has, t
from cfp_core.library.reference import source_document_title
from cfp_core.numbers import plain, signed_percent

PUBLISHER_KEYS = {
    "MEE/NBS/NEA (calculated by CEC)": "factors.publisher.mee_nbs_nea",
    "MEE/NBS": "factors.publisher.mee_nbs",
    "GB/T 32151 series / NDRC guidelines": "factors.publisher.gbt32151",
    "CPCD core database (copy)": "factors.publisher.cpcd",
}
STATUS_ORDER = ("changed", "added", "removed", "reissued")


def set_label(factor_set: FactorSet, lang: str = "zh") -> str:
    """Return the set's name in ``lang`` (English falls back to Chinese)."""
    return factor_set.name_en if lang == "en" and factor_set.name_en else factor_set.name_zh


def set_description(factor_set: FactorSet, lang: str = "zh") -> str:
    """Return the set's description in ``lang`` (falls back to the other language)."""
    first, second = (factor_set.description_en, factor_set.description_zh)
    return (first or second) if lang == "en" else (second or first)


def factor_name(factor: EmissionFactor, lang: str = "zh") -> str:
    """Return the factor's name in ``lang`` (English falls back to Chinese)."""
    return factor.name_en if lang == "en" and factor.name_en else factor.name_zh


def product_label(product, lang: str = "zh") -> str:
    """Return a product model's name in ``lang`` (English falls back to Chinese)."""
    return product.name_en if lang == "en" and product.name_en else product.name_zh


def region_label(code: str, lang: str = "zh") -> str:
    """Return "全国", "华东", "浙江" … for a region code ("CN", "CN-east", "CN-ZJ"); the code if unknown."""
    return t(f"factors.region.{code}", lang) if code and has(f"factors.region.{code}") else (code or "—")


def publisher_label(publisher: str, lang: str = "zh") -> str:
    """Return the localized name of a known publisher, else the publisher as written."""
    key = PUBLISHER_KEYS.get(publisher)
    return t(key, lang) if key else (publisher or "—")


def confidence_label(confidence: str, lang: str = "zh") -> str:
    """Return the localized meaning of a confidence tag (P, S, S1, U, user)."""
    return t(f"factors.confidence.{confidence}", lang)


def option_label(kind: str, value, lang: str = "zh") -> str:
    """Return the display label of a filter option (kind: family, region, vintage, publisher)."""
    if kind == "family":
        return t(f"family.{value}", lang)
    if kind == "region":
        return region_label(value, lang)
    if kind == "publisher":
        return publisher_label(value, lang)
    return str(value)


def safe_url(url: str | None) -> str | None:
    """Return an http(s) URL that may be shown as a link (no spaces, brackets or quotes), else None."""
    text = (url or "").strip()
    if text.lower().startswith(("http://", "https://")) and not any(c in text for c in " ()[]<>\"'`\\"):
        return text
    return None


def _derivation(f: EmissionFactor, lang: str) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    per, _, physical = (f.ncv_unit or "").partition("/")
    if f.carbon_content_tc_per_tj and f.oxidation_rate:
        per_mj = derive_fuel_value(f.ncv or 0.0, f.carbon_content_tc_per_tj, f.oxidation_rate)
        rows += [(t("factors.prov.carbon_content", lang), f"{plain(f.carbon_content_tc_per_tj, 2)} tC/TJ"),
                 (t("factors.prov.oxidation", lang), f"{f.oxidation_rate * 100:g} %")]
        formula = t("factors.prov.formula_mj", lang, cc=plain(f.carbon_content_tc_per_tj, 2),
                    of=plain(f.oxidation_rate), per_mj=f"{per_mj:.6f}", gas=f.gas)
        if f.ncv and per == "MJ":
            formula += t("factors.prov.formula_unit", lang, ncv=plain(f.ncv, 3), ncv_unit=f.ncv_unit,
                               per_unit=f"{per_mj * f.ncv:.4f}", gas=f.gas, unit=physical)
        rows.append((t("factors.prov.derivation", lang), formula))
    if f.ncv:
        rows.insert(0, (t("factors.prov.ncv", lang), f"{plain(f.ncv, 3)} {f.ncv_unit}"))
        if not f.carbon_content_tc_per_tj and per == f.unit:
            rows.append((t("factors.prov.per_unit", lang),
                         f"{f.value * f.ncv:.4f} kg{f.gas}/{physical} (= {plain(f.value)} × {plain(f.ncv, 3)})"))
    if f.density:
        rows.append((t("factors.prov.density", lang), f"{plain(f.density)} {f.density_unit}"))
    return rows


def _warnings(f: EmissionFactor, lang: str) -> list[tuple[str, str]]:
    label = t("factors.prov.warning", lang)
    found = []
    if f.family == FactorFamily.ELECTRICITY_CO2_ORG:
        found.append((label, t("warn.org_factor_in_cfp", lang, factor_id=f.factor_id)))
    if f.confidence in ("S1", "U"):
        found.append((label, t("warn.unverified_factor", lang, factor_id=f.factor_id, confidence=f.confidence)))
    if f.confidence == "user":
        found.append((label, t("factors.warn.user_factor", lang)))
    return found


def factor_provenance(factor: EmissionFactor, lang: str = "zh") -> list[tuple[str, str]]:
    """Return every provenance field as (label, plain text): names, value, publisher, source document,
    URL, dates, vintage, confidence, the fuel derivation (NCV × CC × OF × 44/12, per MJ and per kg)
    and warnings. Only the URL may be shown as a link (``provenance_link``)."""
    f, dash = factor, "—"
    gwp = t("factors.gwp_basis.publisher", lang) if f.gwp_basis == "publisher" else (f.gwp_basis or dash)
    rows = [
        (t("factors.prov.name", lang), factor_name(f, lang)),
        (t("factors.prov.value", lang), f"{f.value:.8g} {f.unit_label}"),
        (t("factors.prov.family", lang), t(f"family.{f.family.value}", lang)),
        (t("factors.prov.gas", lang), t(f"gas.{f.gas}", lang) if has(f"gas.{f.gas}") else f.gas),
        (t("factors.prov.region", lang), region_label(f.region, lang)),
        (t("factors.prov.publisher", lang), publisher_label(f.publisher, lang)),
        (t("factors.prov.source_document", lang), source_document_title(f.source_document, lang) or dash),
        (t("factors.prov.source_url", lang), f.source_url or dash),
        (t("factors.prov.publication_date", lang), f.publication_date.isoformat() if f.publication_date else dash),
        (t("factors.prov.vintage", lang), str(f.vintage) if f.vintage else dash),
        (t("factors.prov.confidence", lang), confidence_label(f.confidence, lang)),
        (t("factors.prov.verified", lang), t("label.yes" if f.verified else "label.no", lang)),
        (t("factors.prov.gwp_basis", lang), gwp),
        (t("factors.prov.id", lang), f.factor_id),
        (t("factors.prov.key", lang), f.key),
    ]
    rows += _derivation(f, lang)
    if f.derivation_note:
        rows.append((t("factors.prov.note", lang), f.derivation_note))
    return rows + _warnings(f, lang)


def provenance_link(factor: EmissionFactor, label: str, lang: str = "zh") -> str | None:
    """Return the URL the provenance row ``label`` may link to (the factor's http(s) source URL), else None."""
    return safe_url(factor.source_url) if label == t("factors.prov.source_url", lang) else None


def _status(old: EmissionFactor | None, new: EmissionFactor | None) -> str | None:
    if old is None:
        return "added"
    if new is None:
        return "removed"
    if (old.value, old.unit, old.gas) != (new.value, new.unit, new.gas):
        return "changed"
    return "reissued" if old.factor_id != new.factor_id else None


def _note(old: EmissionFactor | None, new: EmissionFactor | None, lang: str) -> str:
    if old is None or new is None:
        return ""
    notes = []
    if old.family != new.family:
        notes.append(t("factors.diff.family_changed", lang, old=t(f"family.{old.family.value}", lang),
                       new=t(f"family.{new.family.value}", lang)))
    if old.unit_label != new.unit_label:
        notes.append(t("factors.diff.unit_changed", lang, old=old.unit_label, new=new.unit_label))
    return "; ".join(notes)


def diff_rows(old: FactorSet, new: FactorSet, lang: str = "zh") -> list[dict]:
    """Return changelog rows from ``old`` to ``new`` matched by key, grouped by status (see ``STATUS_ORDER``)."""
    before, after = old.by_key(), new.by_key()
    rows = []
    for key in list(after) + [k for k in before if k not in after]:
        o, n = before.get(key), after.get(key)
        status = _status(o, n)
        if status is None:
            continue
        delta = n.value - o.value if o and n else None
        rows.append({
            "status": status, "status_label": t(f"factors.diff.status.{status}", lang), "key": key,
            "name": factor_name(n or o, lang), "old_id": o.factor_id if o else None,
            "new_id": n.factor_id if n else None, "old_value": o.value if o else None,
            "new_value": n.value if n else None, "delta": delta,
            "delta_pct": delta / o.value if delta is not None and o.value else None,
            "unit_label": (n or o).unit_label, "note": _note(o, n, lang),
        })
    return sorted(rows, key=lambda r: STATUS_ORDER.index(r["status"]))


def _percent(share: float) -> str:
    return signed_percent(share) if share else "+0.00%"


def summary_line(diff: pd.DataFrame, lang: str = "zh", limit: int = 3) -> str:
    """Return "9 changed, 1 added, …: 全国电力平均碳足迹因子 0.6205 → 0.5777 (−6.90 %); …" for a diff frame."""
    if diff.empty:
        return t("factors.diff.none", lang)
    counts = {s: int((diff["status"] == s).sum()) for s in STATUS_ORDER}
    head = t("factors.diff.summary", lang, **counts)
    changed = diff[diff["status"] == "changed"].head(limit)
    entries = [
        f"{r.name} {r.old_value:.4f} → {r.new_value:.4f}"
        + (f" ({_percent(r.delta_pct)})" if r.delta_pct is not None and not math.isnan(r.delta_pct) else "")
        for r in changed.itertuples()
    ]
    more = len(diff[diff["status"] == "changed"]) - len(entries)
    tail = t("factors.diff.sep", lang).join(entries) + (t("factors.diff.more", lang, count=more) if more > 0 else "")
    return t("factors.diff.summary_with", lang, head=head, entries=tail) if entries else head
