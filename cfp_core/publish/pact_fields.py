"""Building blocks of the PACT export shared by v3 and v2: numbers, ids, units, texts. Pure.

``cfp_core.publish.pact`` assembles ProductFootprints from these; the publish readiness check uses
``product_mass_per_declared_unit`` and ``cross_sectoral_standards`` through ``pact.v3_gaps``.
"""

from __future__ import annotations

import math
import re
import uuid
from collections.abc import Sequence
from datetime import date, timedelta
from decimal import ROUND_HALF_EVEN, Decimal

from cfp_core import units
from cfp_core.errors import PactNotRepresentable
from cfp_core.i18n import Msg, t
from cfp_core.models import CRADLE_TO_GATE, PRIMARY_SOURCES, STAGES, ProductModel
from cfp_core.publish.disclosure import Disclosure, FactorSource

# Fixed namespace for the uuid5 ids generated here (pf ids, company and product URNs).
ID_NAMESPACE = uuid.UUID("6f1c3b52-8a0e-5d4b-9c57-2e4f0a9d1b73")
CLASSIFICATION_PREFIX = "urn:pact:productclassification:"
CPC_PREFIX = CLASSIFICATION_PREFIX + "un-cpc:"
# PACT declared unit per canonical unit symbol; other units convert into one of these.
PACT_UNITS = {"piece": "piece", "kg": "kilogram", "L": "liter", "m3": "cubic meter",
              "kWh": "kilowatt hour", "MJ": "megajoule", "tkm": "ton kilometer"}
MASSLESS_UNITS = frozenset({"kilowatt hour", "megajoule", "ton kilometer"})  # mass "0" per the spec
_STANDARD_PATTERNS = (
    (r"24067|14067", "ISO14067"), (r"PAS\s*2050", "PAS2050"), (r"14083", "ISO14083"),
    (r"1404[04]", "ISO14040-44"), (r"GHG\s*Protocol|GHGP", "GHGP-Product"), (r"\bPEF\b", "PEF"),
)


PACT_DECIMAL_PLACES = 6  # the one precision policy of every number in a PACT document and its texts (#12)


def decimal_string(value: float) -> str:
    """Return ``value`` as a plain decimal string with at most ``PACT_DECIMAL_PLACES`` decimals, rounded half to
    even from its exact ``repr`` and without trailing zeros or exponent ("36.300122756949996" → "36.300123").

    Six decimals keep every kgCO₂e figure two digits beyond the four the verified report prints, and drop the
    float noise no reader can use. Only PACT output is rounded this way; the core keeps full precision.
    Raises ``ValueError`` for NaN or infinity.
    """
    if not math.isfinite(value):
        raise ValueError(f"not a finite number: {value!r}")
    exact = Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-PACT_DECIMAL_PLACES), rounding=ROUND_HALF_EVEN)
    text = format(exact.normalize(), "f")
    return "0" if text in ("-0", "0") else text


def decimal_number(value: float) -> float:
    """Return ``value`` under the same policy as a JSON number (PACT v2 ``dqi`` scores are numbers)."""
    return float(decimal_string(value))


def pf_id_for(model_code: str, period: str, set_id: str, revision: int) -> str:
    """Return a stable PACT id (uuid5) for an unpublished export of one inventory revision."""
    return str(uuid.uuid5(ID_NAMESPACE, f"pf:{model_code}:{period}:{set_id}:{revision}"))


def pact_unit(disclosure: Disclosure) -> tuple[str, float]:
    """Return (PACT declared unit, declared amount in that unit) for the product's declared unit.

    Raises ``PactNotRepresentable`` if no PACT unit has the same dimension.
    """
    unit = units.canonical_unit(disclosure.product.declared_unit)
    target = unit if unit in PACT_UNITS else next(
        (u for u in PACT_UNITS if units.dimension_of(u) == units.dimension_of(unit)), None)
    if target is None:
        raise PactNotRepresentable(reason=Msg("pact.reason.unit", unit=unit))
    return PACT_UNITS[target], units.convert(disclosure.product.declared_unit_amount, unit, target)


def product_mass_per_declared_unit(disclosure: Disclosure) -> float | None:
    """Return the product mass (kg) of one declared unit, 0 for energy/transport units, None if unknown.

    ``product_mass_kg`` is the mass of one unit (one piece); the declared unit may hold several.
    Raises ``PactNotRepresentable`` for a unit PACT cannot express.
    """
    name, amount = pact_unit(disclosure)
    if name == "kilogram":
        return amount
    if name in MASSLESS_UNITS:
        return 0.0
    mass = disclosure.product.product_mass_kg
    return None if mass is None else mass * disclosure.product.declared_unit_amount


def cross_sectoral_standards(standards: Sequence[str]) -> list[str]:
    """Map study standards (GB/T 24067-2024, ISO 14067:2018, PAS 2050:2011 …) to PACT codes, in order."""
    found = [code for text in standards for pattern, code in _STANDARD_PATTERNS
             if re.search(pattern, text, re.IGNORECASE)]
    return list(dict.fromkeys(found))


def cradle_to_gate_primary_share(disclosure: Disclosure) -> float:
    """Return the share (0–1) of the cradle-to-gate footprint that comes from primary data."""
    lines = [line for line in disclosure.lines if line.stage in CRADLE_TO_GATE]
    total = math.fsum(line.kg_co2e for line in lines)
    primary = math.fsum(line.kg_co2e for line in lines if line.data_source in PRIMARY_SOURCES)
    return primary / total if total else 0.0


DQR_FIELDS = ("technological", "temporal", "geographical", "completeness", "reliability")


def cradle_to_gate_dqr(disclosure: Disclosure) -> tuple[dict[str, float], float] | None:
    """Return the emission-weighted pedigree DQRs (1 best … 5) over the PCF's own scope, the cradle-to-gate lines
    that carry scores, and the share (0–1) of the cradle-to-gate footprint they cover; None without scores.

    A PACT footprint is cradle-to-gate, so its ``dqi`` must not be weighted by use or end-of-life lines (#12).
    """
    lines = [line for line in disclosure.lines if line.stage in CRADLE_TO_GATE]
    scored = [line for line in lines if line.pedigree is not None]
    weight = math.fsum(line.kg_co2e for line in scored)
    total = math.fsum(line.kg_co2e for line in lines)
    if not scored or weight <= 0:
        return None
    scores = {name: math.fsum(getattr(line.pedigree, name) * line.kg_co2e for line in scored) / weight
              for name in DQR_FIELDS}
    return scores, weight / total if total else 0.0


def stage_value(disclosure: Disclosure, stage: str) -> float | None:
    """Return a stage's kgCO2e per declared unit, or None if the stage has no lines."""
    return next((s.kg_co2e for s in disclosure.stages if s.stage == stage), None)


def header(disclosure: Disclosure, pf_id: str, spec: str, created: str, status: str,
           preceding_ids: Sequence[str]) -> dict:
    """Return the ProductFootprint fields outside ``pcf`` common to v2 and v3."""
    org, product = disclosure.organisation, disclosure.product
    # Nothing stored: stable urn:uuid ids from uuid5 of the org id / org id + model code.
    company_ids = list(org.company_ids) or [f"urn:uuid:{uuid.uuid5(ID_NAMESPACE, 'org:' + org.org_id)}"]
    ids = [i for i in product.product_ids if not i.lower().startswith(CLASSIFICATION_PREFIX)]
    classifications = [i for i in product.product_ids if i.lower().startswith(CLASSIFICATION_PREFIX)]
    product_ids = ids or [
        f"urn:uuid:{uuid.uuid5(ID_NAMESPACE, f'product:{org.org_id}:{product.model_code}')}"]
    name = f"{product.name_zh} {product.model_code}" + (f" ({product.name_en})" if product.name_en else "")
    fields = {
        "id": pf_id, "specVersion": spec, "created": created, "status": status,
        "companyName": org.name_zh, "companyIds": company_ids,
        "productDescription": product.description or name, "productIds": product_ids,
        "productNameCompany": name, "comment": _comment(disclosure),
    }
    if preceding_ids:
        fields["precedingPfIds"] = list(dict.fromkeys(preceding_ids))
    if classifications:
        fields["productClassifications"] = classifications
    return fields


def cpc_from_ids(disclosure: Disclosure) -> str:
    """Return the UN CPC code of a ``urn:pact:productclassification:un-cpc:`` product id, or ""."""
    return next((i[len(CPC_PREFIX):] for i in disclosure.product.product_ids
                 if i.lower().startswith(CPC_PREFIX)), "")


def _comment(disclosure: Disclosure) -> str:
    text = t("pact.comment", "en", revision=disclosure.inventory_revision,
             hash=disclosure.inventory_hash[:12] or "—", set_id=disclosure.factor_set_id,
             set_name=disclosure.factor_set_name_en, gwp=disclosure.gwp_set,
             total=decimal_string(disclosure.total_kg_co2e),
             boundary=t(f"boundary.{disclosure.boundary.boundary.value}", "en").lower())
    return text + (" " + t("pact.comment_illustrative", "en") if disclosure.illustrative else "")


def reference_period(disclosure: Disclosure) -> dict:
    """Return referencePeriodStart (inclusive) and referencePeriodEnd (exclusive: the day after)."""
    return {"referencePeriodStart": midnight(disclosure.period.start),
            "referencePeriodEnd": midnight(disclosure.period.end + timedelta(days=1))}


def midnight(day: date) -> str:
    """Return the ISO 8601 UTC date-time of the start of ``day``."""
    return f"{day.isoformat()}T00:00:00Z"


def geography(disclosure: Disclosure) -> dict:
    """Return the single geography field: the organisation's ISO 3166-2 subdivision or country."""
    code = disclosure.organisation.country_subdivision
    if re.fullmatch(r"[A-Z]{2}-[A-Z0-9]{1,3}", code):
        return {"geographyCountrySubdivision": code}
    return {"geographyCountry": code} if re.fullmatch(r"[A-Z]{2}", code) else {}


def boundary_text(disclosure: Disclosure, per_kg: float | None = None, v2: bool = False) -> str:
    """Return boundaryProcessesDescription: processes per stage and what is outside the PCF.

    ``v2``: the text cites no v3-only field (v2 has no outboundLogisticsGhgEmissions).
    """
    divisor = per_kg or 1.0
    parts = []
    for stage in (s for s in STAGES if s in CRADLE_TO_GATE):
        names = [line.activity for line in disclosure.lines if line.stage == stage]
        if names:
            parts.append(f"{t(f'stage.{stage.value}', 'en')}: {'; '.join(names)}")
    outside = {s.stage: s.kg_co2e / divisor for s in disclosure.stages if s.stage not in CRADLE_TO_GATE}
    text = t("pact.boundary.included", "en", processes=" | ".join(parts) or "—")
    if "distribution" in outside:
        key = "pact.boundary.distribution_v2" if v2 else "pact.boundary.distribution"
        text += " " + t(key, "en", value=decimal_string(outside.pop("distribution")))
    if outside:
        stages = ", ".join(f"{t(f'stage.{s.value}', 'en')} {decimal_string(v)}" for s, v in outside.items())
        text += " " + t("pact.boundary.excluded", "en", stages=stages)
    missing = [s for s in disclosure.missing_stages if s in CRADLE_TO_GATE]
    if missing:  # a missing stage is said, never a silent 0 (#11)
        text += " " + t("pact.boundary.missing", "en", stages=", ".join(t(f"stage.{s.value}", "en") for s in missing))
    if per_kg is not None:
        text += " " + t("pact.boundary.per_kg", "en", mass=decimal_string(per_kg))
    return text


def exemption(disclosure: Disclosure, percent) -> dict:
    """Return exemptedEmissionsPercent (as given) and a description of exclusions and the cut-off rule."""
    boundary = disclosure.boundary
    reasons = [f"{e.process_en or e.process_zh} ({t(f'stage.{e.stage.value}', 'en')}): "
               f"{e.reason_en or e.reason_zh or '—'}" for e in boundary.excluded]
    if boundary.cutoff_rule:
        reasons.append(t("pact.cutoff", "en", rule=boundary.cutoff_rule))
    return {"exemptedEmissionsPercent": percent, "exemptedEmissionsDescription": "; ".join(reasons)}


def packaging_included(disclosure: Disclosure) -> bool:
    """True only if an activity line is packaging (包装 / packag…); no such line means not included."""
    return any("包装" in line.activity or "packag" in line.activity.lower() for line in disclosure.lines)


def factor_sources(disclosure: Disclosure) -> list[dict]:
    """Return secondaryEmissionFactorSources: one {name, version} per library factor source used."""
    sources = {}
    for f in disclosure.factor_sources:
        if f.family == "custom":
            continue
        name = " — ".join(p for p in (f.publisher, f.name_en or f.name_zh) if p)
        version = source_version(f)
        sources[(name, version)] = {"name": name, "version": version}
    return list(sources.values())


def source_version(f: FactorSource) -> str:
    """The factor source's publication date as its version; an undated source says it is undated.

    Chinese announcements and CPCD have no edition number, so the version is the publication date from
    the factor's provenance (never the data year, never the factor set's version: the 2024 CFP factors
    were published 2025-09-28). ``version`` is a required non-empty string in both v3 EmissionFactorSource
    and v2.3 EmissionFactorDatabases, so a source without a recorded date (GB/T 32151 fuel defaults: "no
    year", FACTORS.md; CPCD rows: data year only) gets the stated placeholder "undated", with the data
    year where one is recorded, rather than an invented year (#12.6).
    """
    if f.publication_date:
        return f.publication_date
    return f"undated (data year {f.vintage})" if f.vintage else "undated"


def verification_fields(disclosure: Disclosure) -> dict:
    """Return the fields shared by v3 ``verification`` and v2 ``assurance`` ({} if not verified)."""
    v = disclosure.verification
    if v is None:
        return {}
    return {"coverage": "product level", "providerName": v.verifier, "standardName": v.standard,
            "comments": t("pact.verification_comment", "en", number=v.report_number or "—"),
            **({"completedAt": midnight(v.verified_on)} if v.verified_on else {})}


def product_rules(product: ProductModel) -> list[dict]:
    """Return productOrSectorSpecificRules for the product's PCR, [] if it follows none (then left out:
    the schema wants at least one item). Operators outside PACT's list are "Other" and named."""
    name = " ".join(p for p in (product.pcr_number, product.pcr_name, product.pcr_version) if p)
    if not (product.pcr_number or product.pcr_name):
        return []
    issuer = product.pcr_issuer
    known = next((op for op in ("EPD International", "PEF") if issuer.casefold() == op.casefold()), None)
    return [{"operator": known, "ruleNames": [name]} if known else
            {"operator": "Other", "ruleNames": [name], "otherOperatorName": issuer or name}]

