"""PACT ProductFootprint export (Technical Specifications v3.0 and v2.3) from a ``Disclosure``. Pure.

PACT footprints are cradle-to-gate: the ``pcf`` values sum raw-material acquisition, raw-material
transport and production. Distribution is reported separately as ``outboundLogisticsGhgEmissions``
(v3); use and end of life are left out and ``boundaryProcessesDescription`` says so. Every
fractional number is a decimal string taken from ``repr`` of the float, so nothing is rounded.
Schemas: ``tests/data/pact/`` (official WBCSD OpenAPI, vendored).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime

from sqlite_utils import Database

from cfp_core.errors import NotFound, PactNotRepresentable, ProductMassMissing
from cfp_core.i18n import Msg
from cfp_core.publish.disclosure import Disclosure
from cfp_core.publish.pact_fields import (
    boundary_text,
    cpc_from_ids,
    cradle_to_gate_dqr,
    cradle_to_gate_primary_share,
    cross_sectoral_standards,
    decimal_number,
    decimal_string,
    exemption,
    factor_sources,
    geography,
    header,
    packaging_included,
    pact_unit,
    pf_id_for,
    product_mass_per_declared_unit,
    product_rules,
    reference_period,
    stage_value,
    verification_fields,
)
from cfp_core.publish.snapshots import Snapshot, latest_snapshot

SPEC_V3 = "3.0.0"
SPEC_V2 = "2.3.0"
V2_UNITS = frozenset({"liter", "kilogram", "cubic meter", "kilowatt hour", "megajoule", "ton kilometer"})
_V2_STANDARDS_USED = {"ISO14067": "ISO Standard 14067", "ISO14040-44": "ISO Standard 14044",
                      "GHGP-Product": "GHG Protocol Product standard"}
# v2.3 makes these mandatory for reference periods from 2025 on. This tool records no land-use-change or
# biogenic flows, so it never writes them as 0: such v2 exports are refused and PACT v3 is the way (#12.7).
V2_MANDATORY_FROM = date(2025, 1, 1)
V2_2025_FIELDS = ("dLucGhgEmissions", "landManagementGhgEmissions", "otherBiogenicGhgEmissions",
                  "biogenicCarbonWithdrawal", "biogenicAccountingMethodology")
_V2_STANDARDS = frozenset({"ISO14067", "ISO14083", "ISO14040-44", "GHGP-Product", "PEF"})

__all__ = [
    "SPEC_V2", "SPEC_V3", "PactNotRepresentable", "ProductMassMissing", "decimal_string", "pact_identity",
    "pact_v2", "pact_v3", "pf_id_for", "product_mass_per_declared_unit", "snapshot_identity", "snapshot_pact_v3",
    "v3_gaps",
]


def snapshot_identity(snapshot: Snapshot) -> dict:
    """Return the PACT identity of a published snapshot: its id, creation time, status and predecessors.

    PACT knows Active and Deprecated only: a superseded or withdrawn snapshot is Deprecated.
    """
    return {"pf_id": snapshot.snapshot_id, "created": snapshot.created,
            "status": "Active" if snapshot.status == "Active" else "Deprecated",
            "preceding_ids": tuple(snapshot.preceding_ids)}


def pact_identity(db: Database, disclosure: Disclosure) -> dict:
    """Return the PACT identity (pf_id, created, status, preceding_ids) of an export of ``disclosure``.

    The one rule for every front end: when the latest published snapshot of the model and period holds
    exactly this content (same inventory hash and factor set), the export is that snapshot
    (``snapshot_identity``); otherwise it is an unpublished export with a stable uuid5 of model,
    period, set and revision, created now.
    """
    try:
        snapshot = latest_snapshot(db, disclosure.product.model_code, disclosure.period.label)
    except NotFound:
        snapshot = None
    if snapshot is not None and (snapshot.disclosure.inventory_hash, snapshot.disclosure.factor_set_id) == (
            disclosure.inventory_hash, disclosure.factor_set_id):
        return snapshot_identity(snapshot)
    return {"pf_id": pf_id_for(disclosure.product.model_code, disclosure.period.label, disclosure.factor_set_id,
                               disclosure.inventory_revision),
            "created": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"), "status": "Active", "preceding_ids": ()}


def snapshot_pact_v3(snapshot: Snapshot) -> dict:
    """Return the PACT v3.0 ProductFootprint of a published snapshot (its own identity)."""
    return pact_v3(snapshot.disclosure, **snapshot_identity(snapshot))


def v3_gaps(disclosure: Disclosure) -> tuple[Msg, ...]:
    """Return what blocks a PACT v3 export (empty if nothing); the publish readiness check uses this."""
    gaps: list[Msg] = []
    try:
        if product_mass_per_declared_unit(disclosure) is None:
            gaps.append(Msg("pact.error.mass_missing", model=disclosure.product.model_code))
    except PactNotRepresentable as error:
        gaps.append(Msg(error.key, **error.params))
    if disclosure.product.fossil_carbon_kg is None:
        gaps.append(Msg("pact.reason.fossil_carbon", model=disclosure.product.model_code))
    if disclosure.biogenic_kg_co2e > 0:
        gaps.append(Msg("pact.reason.biogenic"))
    if not cross_sectoral_standards(disclosure.standards):
        gaps.append(Msg("pact.reason.standards", standards=", ".join(disclosure.standards) or "—"))
    return tuple(gaps)


def pact_v3(
    disclosure: Disclosure, *, pf_id: str, created: str, status: str = "Active",
    preceding_ids: Sequence[str] = (), version: int = 1,
) -> dict:
    """Return a PACT v3.0 ProductFootprint (JSON-ready dict) of the cradle-to-gate footprint.

    ``version`` is accepted for symmetry with v2 and not emitted (v3 dropped the field).
    Raises ``ProductMassMissing`` if the product has no mass; ``PactNotRepresentable`` for
    biogenic emissions, a unit PACT cannot express, or no recognised standard.
    """
    _check_common(disclosure)
    mass = product_mass_per_declared_unit(disclosure)
    if mass is None:
        raise ProductMassMissing(model=disclosure.product.model_code)
    unit, amount = pact_unit(disclosure)
    c2g = decimal_string(disclosure.cradle_to_gate_kg_co2e)
    pcf = {
        "declaredUnitOfMeasurement": unit, "declaredUnitAmount": decimal_string(amount),
        "productMassPerDeclaredUnit": decimal_string(mass), **reference_period(disclosure),
        **geography(disclosure), "boundaryProcessesDescription": boundary_text(disclosure),
        "pcfExcludingBiogenicUptake": c2g, "pcfIncludingBiogenicUptake": c2g,
        "fossilGhgEmissions": c2g, **carbon_content(disclosure),
        "packagingEmissionsIncluded": packaging_included(disclosure),
        "ipccCharacterizationFactors": [disclosure.gwp_set],
        "crossSectoralStandards": cross_sectoral_standards(disclosure.standards),
        **exemption(disclosure, decimal_string(disclosure.boundary.exempted_percent)),
        "primaryDataShare": decimal_string(cradle_to_gate_primary_share(disclosure) * 100),
    }
    distribution = stage_value(disclosure, "distribution")
    if distribution is not None:
        pcf["outboundLogisticsGhgEmissions"] = decimal_string(distribution)
    pcf.update(_optional(disclosure))
    if quality := cradle_to_gate_dqr(disclosure):  # weighted over the PCF's own scope (#12)
        scores, _ = quality
        pcf["dqi"] = {"technologicalDQR": decimal_string(scores["technological"]),
                      "geographicalDQR": decimal_string(scores["geographical"]),
                      "temporalDQR": decimal_string(scores["temporal"])}
    if verified := verification_fields(disclosure):
        pcf["verification"] = verified
    return {**header(disclosure, pf_id, SPEC_V3, created, status, preceding_ids), "pcf": pcf}


def pact_v2(
    disclosure: Disclosure, *, pf_id: str, created: str, status: str = "Active",
    preceding_ids: Sequence[str] = (), version: int = 1, spec: str = SPEC_V2,
    product_category_cpc: str | None = None,
) -> dict:
    """Return a PACT v2.3 ProductFootprint (JSON-ready dict) of the cradle-to-gate footprint.

    v2 has no "piece": a per-piece footprint is exported per kilogram of product
    (``unitaryProductAmount`` = product mass, values divided by the mass). ``productCategoryCpc`` is
    mandatory in v2.3: pass ``product_category_cpc`` or store a
    ``urn:pact:productclassification:un-cpc:<code>`` product id.
    Raises ``PactNotRepresentable`` saying why and what to enter.
    """
    unit, amount, per = _v2_unit(disclosure)  # first: the missing mass is the usual blocker
    cpc = _check_v2(disclosure, product_category_cpc)
    c2g = decimal_string(disclosure.cradle_to_gate_kg_co2e / per)
    standards = cross_sectoral_standards(disclosure.standards)
    pcf = {
        "declaredUnit": unit, "unitaryProductAmount": decimal_string(amount),
        **({"productMassPerDeclaredUnit": "1"} if unit == "kilogram" else {}),
        "pCfExcludingBiogenic": c2g, "pCfIncludingBiogenic": c2g, "fossilGhgEmissions": c2g,
        **carbon_content(disclosure, per, v2=True),
        "characterizationFactors": disclosure.gwp_set,
        "ipccCharacterizationFactorsSources": [disclosure.gwp_set],
        "crossSectoralStandardsUsed": [_V2_STANDARDS_USED[s] for s in standards if s in _V2_STANDARDS_USED]
        or ["ISO Standard 14067"],
        "boundaryProcessesDescription": boundary_text(disclosure, per_kg=per if per != 1.0 else None, v2=True),
        **reference_period(disclosure), **geography(disclosure),
        **exemption(disclosure, disclosure.boundary.exempted_percent),
        "packagingEmissionsIncluded": packaging_included(disclosure),
        "primaryDataShare": cradle_to_gate_primary_share(disclosure) * 100,
    }
    if v2_standards := [s for s in standards if s in _V2_STANDARDS]:
        pcf["crossSectoralStandards"] = v2_standards
    pcf.update(_optional(disclosure))
    if dqi := _v2_dqi(disclosure):
        pcf["dqi"] = dqi
    if verified := verification_fields(disclosure):
        pcf["assurance"] = {"assurance": True, **verified}
    fields = header(disclosure, pf_id, spec, created, status, preceding_ids)
    return {**fields, "version": version, "productCategoryCpc": cpc, "pcf": pcf}


def _check_common(disclosure: Disclosure) -> None:
    if disclosure.biogenic_kg_co2e > 0:
        raise PactNotRepresentable(reason=Msg("pact.reason.biogenic"))
    if not cross_sectoral_standards(disclosure.standards):
        raise PactNotRepresentable(reason=Msg(
            "pact.reason.standards", standards=", ".join(disclosure.standards) or "—"))


def _check_v2(disclosure: Disclosure, product_category_cpc: str | None) -> str:
    """Return the CPC code; raise ``PactNotRepresentable`` for what v2.3 cannot express."""
    _check_common(disclosure)
    cpc = product_category_cpc or cpc_from_ids(disclosure)
    if not cpc:
        raise PactNotRepresentable(reason=Msg("pact.reason.no_cpc"))
    if disclosure.gwp_set not in ("AR5", "AR6"):
        raise PactNotRepresentable(reason=Msg("pact.reason.v2_gwp", gwp=disclosure.gwp_set))
    if disclosure.period.end >= V2_MANDATORY_FROM:  # any period reaching into 2025: the stricter reading
        raise PactNotRepresentable(reason=Msg("pact.reason.v2_2025", period=disclosure.period.label,
                                              fields=", ".join(V2_2025_FIELDS)))
    if disclosure.boundary.exempted_percent > 5:
        raise PactNotRepresentable(reason=Msg("pact.reason.v2_exempted",
                                              percent=disclosure.boundary.exempted_percent))
    return cpc


def carbon_content(disclosure: Disclosure, per: float = 1.0, *, v2: bool = False) -> dict:
    """Return fossilCarbonContent (and biogenicCarbonContent) from the entered product data, per PACT unit.

    Both are mandatory in v2.3, fossil in v3 (biogenic only where biogenic carbon is relevant): a value
    never entered is "not assessed" and raises ``PactNotRepresentable`` naming the field, never a 0.
    """
    product = disclosure.product
    fields = {}
    for name, value, required in (("fossilCarbonContent", product.fossil_carbon_kg, True),
                                  ("biogenicCarbonContent", product.biogenic_carbon_kg, v2)):
        if value is not None:
            fields[name] = decimal_string(value / per)
        elif required:
            key = "pact.reason.fossil_carbon" if name.startswith("fossil") else "pact.reason.biogenic_carbon"
            raise PactNotRepresentable(reason=Msg(key, model=product.model_code))
    return fields


def _v2_unit(disclosure: Disclosure) -> tuple[str, float, float]:
    """(declaredUnit, unitaryProductAmount, divisor turning per-declared-unit values into v2 values)."""
    unit, amount = pact_unit(disclosure)
    if unit in V2_UNITS:
        return unit, amount, 1.0
    mass = product_mass_per_declared_unit(disclosure)
    if not mass:
        raise PactNotRepresentable(reason=Msg("pact.reason.v2_piece", model=disclosure.product.model_code))
    return "kilogram", mass, mass


def _optional(disclosure: Disclosure) -> dict:
    extra: dict = {}
    if disclosure.boundary.allocation_rule:
        extra["allocationRulesDescription"] = disclosure.boundary.allocation_rule
    if sources := factor_sources(disclosure):
        extra["secondaryEmissionFactorSources"] = sources
    if rules := product_rules(disclosure.product):
        extra["productOrSectorSpecificRules"] = rules
    return extra


def _v2_dqi(disclosure: Disclosure) -> dict:
    quality = cradle_to_gate_dqr(disclosure)  # weighted over the PCF's own scope (#12)
    if quality is None:
        return {}
    scores, coverage = quality
    # v2 DQRs are 1–3, pedigree DQRs 1–5: mapped linearly (1 → 1, 3 → 2, 5 → 3), see ISO14067.md §8.
    tech, temporal, geo, completeness, reliability = (1 + (scores[name] - 1) / 2 for name in
                                                      ("technological", "temporal", "geographical",
                                                       "completeness", "reliability"))
    numbers = {"coveragePercent": min(coverage * 100, 100.0), "technologicalDQR": tech,
               "temporalDQR": temporal, "geographicalDQR": geo, "completenessDQR": completeness,
               "reliabilityDQR": reliability}
    return {key: decimal_number(value) for key, value in numbers.items()}
