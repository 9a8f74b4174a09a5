"""Factor-library tools: browse, trace provenance, compare versions, derive custom sets.

Pure functions over ``FactorSet``/``EmissionFactor``; labels are localized here, numbers
are never rounded (pages format them). CSV import lives in ``cfp_core.library.csv_import``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping

import pandas as pd

from cfp_core.errors import FactorNotFound
from cfp_core.factors import EmissionFactor, FactorFamily, FactorSet
from cfp_core.i18n import Joined, Msg, Named, t
from cfp_core.library.csv_import import check_new_set, factor_csv_template, read_factor_set_csv
from cfp_core.library.labels import (
    confidence_label,
    diff_rows,
    factor_name,
    factor_provenance,
    option_label,
    product_label,
    publisher_label,
    region_label,
    set_description,
    set_label,
    summary_line,
)
from cfp_core.text import check_identifier

PROVISIONAL = ("S1", "U")
FRAME_COLUMNS = ["factor_id", "key", "name", "family", "family_label", "value", "unit_label", "region",
                 "region_label", "vintage", "publisher", "publisher_label", "confidence", "confidence_label",
                 "verified"]
SHOWN_COLUMNS = ["name", "family_label", "value", "unit_label", "region_label", "vintage", "publisher_label",
                 "confidence_label", "verified"]


def _factors(source) -> list[EmissionFactor]:
    """Flatten a set, sets (list or dict) or factors into unique factors, first occurrence kept."""
    items = source.values() if isinstance(source, Mapping) else [source] if isinstance(source, FactorSet) else source
    seen: dict[str, EmissionFactor] = {}
    for item in items:
        for factor in item.factors if isinstance(item, FactorSet) else [item]:
            seen.setdefault(factor.factor_id, factor)
    return list(seen.values())


def factor_filter_options(source) -> dict[str, list]:
    """Return the values present for each filter: family, region, vintage (newest first), publisher."""
    factors = _factors(source)
    families = {f.family for f in factors}
    regions = sorted({f.region for f in factors if f.region}, key=lambda r: (r != "CN", len(r) <= 5, r))
    return {"family": [f.value for f in FactorFamily if f in families], "region": regions,
            "vintage": sorted({f.vintage for f in factors if f.vintage}, reverse=True),
            "publisher": sorted({f.publisher for f in factors if f.publisher})}


def _matches(factor: EmissionFactor, family, region, vintage, publisher, needle: str) -> bool:
    if family and factor.family != FactorFamily(family):
        return False
    if (region and factor.region != region) or (vintage and factor.vintage != int(vintage)):
        return False
    if publisher and factor.publisher != publisher:
        return False
    text = " ".join([factor.factor_id, factor.key, factor.name_zh, factor.name_en, factor.source_document,
                     region_label(factor.region, "zh"), region_label(factor.region, "en")]).casefold()
    return needle in text


def factor_frame(source, lang: str = "zh", family=None, region=None, vintage=None, publisher=None,
                 search: str | None = None) -> pd.DataFrame:
    """Return one row per factor for browsing, filtered; columns ``FRAME_COLUMNS`` (values unrounded).

    ``source`` is a factor set, several sets (list or dict) or factors; ``search`` matches
    names, key, id, source document and region, case-insensitively.
    """
    needle = (search or "").strip().casefold()
    rows = [
        {"factor_id": f.factor_id, "key": f.key, "name": factor_name(f, lang), "family": f.family.value,
         "family_label": t(f"family.{f.family.value}", lang), "value": f.value, "unit_label": f.unit_label,
         "region": f.region, "region_label": region_label(f.region, lang), "vintage": f.vintage,
         "publisher": f.publisher, "publisher_label": publisher_label(f.publisher, lang),
         "confidence": f.confidence, "confidence_label": confidence_label(f.confidence, lang),
         "verified": f.verified}
        for f in _factors(source) if _matches(f, family, region, vintage, publisher, needle)
    ]
    return pd.DataFrame(rows, columns=FRAME_COLUMNS).astype({"vintage": "Int64"})


def factor_columns(lang: str = "zh") -> dict[str, str]:
    """Return localized headers for the columns of ``factor_frame`` and ``diff_factor_sets``."""
    names = SHOWN_COLUMNS + ["key", "status_label", "old_value", "new_value", "delta", "delta_pct", "note"]
    return {c: t(f"factors.col.{c}", lang) for c in names}


def diff_factor_sets(old: FactorSet, new: FactorSet, lang: str = "zh") -> pd.DataFrame:
    """Return a changelog from ``old`` to ``new``, matched by key: changed, added, removed, reissued.

    "changed" = value, unit or gas differs; "reissued" = same value under a new factor id (new vintage).
    Columns: status, status_label, key, name, old_id, new_id, old_value, new_value, delta, delta_pct,
    unit_label, note.
    """
    columns = ["status", "status_label", "key", "name", "old_id", "new_id", "old_value", "new_value", "delta",
               "delta_pct", "unit_label", "note"]
    return pd.DataFrame(diff_rows(old, new, lang), columns=columns)


def diff_summary(old: FactorSet, new: FactorSet, lang: str = "zh", limit: int = 3) -> str:
    """Return one line: counts, then the first changes ("全国电力平均碳足迹因子 0.6205 → 0.5777 (−6.90 %)")."""
    return summary_line(diff_factor_sets(old, new, lang), lang, limit)


def custom_factor_id(set_id: str, key: str) -> str:
    """Return the id of a user factor: ``<set_id>:<key>``, shortened with a hash past 80 characters."""
    ident = f"{set_id}:{key}"
    if len(ident) > 80:
        ident = f"{ident[:70]}.{hashlib.sha1(ident.encode()).hexdigest()[:8]}"
    return check_identifier(ident)


def _changed_factor(old: EmissionFactor, value: float, set_id: str, base_id: str) -> EmissionFactor:
    note = (f"用户在因子集 {set_id} 中修改：{old.value:g} → {value:g}（复制自 {base_id} 的 {old.factor_id}）。"
            f" User value in set {set_id}: {old.value:g} → {value:g} (copied from {old.factor_id} in {base_id}).")
    data = old.model_dump() | {
        "factor_id": custom_factor_id(set_id, old.key), "value": value, "confidence": "user", "verified": False,
        "carbon_content_tc_per_tj": None, "oxidation_rate": None, "publication_date": None,
        "derivation_note": note,
    }
    return EmissionFactor.model_validate(data)


def _user_factor(factor: EmissionFactor, base: Mapping[str, EmissionFactor], set_id: str) -> EmissionFactor:
    known = base.get(factor.key)
    family = known.family if known else FactorFamily.CUSTOM
    factor_id = custom_factor_id(set_id, factor.key) if known and known.factor_id == factor.factor_id else factor.factor_id
    return EmissionFactor.model_validate(factor.model_dump() | {
        "factor_id": factor_id, "family": family, "confidence": "user", "verified": False})


def create_custom_set(
    base: FactorSet, set_id: str, name_zh: str, name_en: str = "",
    changes: Mapping[str, float] | Iterable[EmissionFactor] = (), description: str = "", taken: Iterable[str] = (),
) -> FactorSet:
    """Return a new set copied from ``base`` with ``changes`` applied; ``base`` is left unchanged.

    ``changes`` maps keys of ``base`` to new values (unchanged values are ignored), or lists
    factors to put in by key. Changed factors get new ids and confidence "user" and keep their
    family; factors with new keys become family "custom".
    Raises ``FactorSetInvalid`` for a bad or ``taken`` id or an empty name (see ``check_new_set``),
    ``FactorNotFound`` for a key the base set lacks, ``pydantic.ValidationError`` for bad values.
    """
    check_new_set(set_id, name_zh, taken)
    by_key = base.by_key()
    replace: list[EmissionFactor] = []
    if isinstance(changes, Mapping):
        for key, value in changes.items():
            if key not in by_key:
                raise FactorNotFound(factor_id=key, set_id=base.set_id, where="")
            if float(value) != by_key[key].value:
                replace.append(_changed_factor(by_key[key], float(value), set_id, base.set_id))
    else:
        replace = [_user_factor(f, by_key, set_id) for f in changes]
    return base.with_factors(set_id, name_zh, replace, name_en=name_en, version="user",
                             description_zh=description, description_en=description)


def editable_values(factor_set: FactorSet, lang: str = "zh") -> pd.DataFrame:
    """Return ``key``, ``name``, ``value``, ``unit_label`` for editing values in a custom set."""
    rows = [{"key": f.key, "name": factor_name(f, lang), "value": f.value, "unit_label": f.unit_label}
            for f in factor_set.factors]
    return pd.DataFrame(rows, columns=["key", "name", "value", "unit_label"])


def values_from_frame(frame: pd.DataFrame) -> dict[str, float]:
    """Return ``{key: value}`` from an edited ``editable_values`` frame (rows without a value are skipped)."""
    return {str(k): float(v) for k, v in zip(frame["key"], frame["value"], strict=True) if pd.notna(v)}


def factor_set_families_warning(factor_set: FactorSet) -> list[tuple[str, dict]]:
    """Return (i18n key, params) warnings about a set: organisation-accounting factors, mixed
    families, provisional (S1/U) and user-supplied factors."""
    families = factor_set.families()
    found: list[tuple[str, dict]] = []
    if FactorFamily.ELECTRICITY_CO2_ORG in families:
        found.append(("factors.warn.org_set", {}))
        if FactorFamily.ELECTRICITY_CFP in families:
            found.append(("warn.mixed_families", {"families": Msg("factors.families.cfp_and_org")}))
    provisional = [f for f in factor_set.factors if f.confidence in PROVISIONAL]
    if provisional:  # named, so the reader knows which to check (usability walk)
        found.append(("factors.warn.provisional", {"count": len(provisional), "names": Joined(
            [Named(f"{f.name_en or f.name_zh} ({f.factor_id})", f"{f.name_zh}（{f.factor_id}）") for f in provisional])}))
    user = sum(1 for f in factor_set.factors if f.confidence == "user")
    if user:
        found.append(("factors.warn.user", {"count": user}))
    return found


__all__ = [
    "check_new_set", "confidence_label", "create_custom_set", "diff_factor_sets", "diff_summary", "editable_values",
    "factor_columns", "factor_csv_template", "factor_filter_options", "factor_frame", "factor_name",
    "factor_provenance", "factor_set_families_warning", "option_label", "product_label", "publisher_label",
    "read_factor_set_csv", "region_label", "set_description", "set_label", "values_from_frame",
]
