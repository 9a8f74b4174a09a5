"""The publishable view of one footprint: the only input of cards, PACT JSON and reports.

``build_disclosure`` copies exactly the fields that may leave the company: no internal
notes, no unpublished revisions, nothing of other products. Everything downstream
(card, PACT, report, Excel) renders a ``Disclosure`` and never reads the store.
"""

from __future__ import annotations

import math

from sqlite_utils import Database

from cfp_core import service, store
from cfp_core.calculate import Footprint
from cfp_core.factors import FactorSet
from cfp_core.library import publisher_label, source_document_title
from cfp_core.models import (
    PRIMARY_SOURCES,
    Frozen,
    Inventory,
    LifecycleStage,
    Organisation,
    Pedigree,
    ProductModel,
    ReportingPeriod,
    SystemBoundary,
    Verification,
)


class DisclosedLine(Frozen):
    """One activity line as published (internal notes removed)."""

    line_no: int
    stage: LifecycleStage
    activity: str
    amount: float
    unit: str
    factor_id: str
    factor_value: float
    factor_unit: str  # "kgCO2e/kWh"
    data_source: str
    kg_co2e: float
    note: str = ""
    pedigree: Pedigree | None = None
    printed_amount: float | None = None  # the amount as the source document printed it (``amount``: unrounded)
    factor_ncv: float | None = None  # a line's own per-energy factor: its NCV (factor unit per line unit)


class DisclosedStage(Frozen):
    """One stage total and share."""

    stage: LifecycleStage
    kg_co2e: float
    share: float


class FactorSource(Frozen):
    """Provenance of one factor used in the footprint."""

    factor_id: str
    name_zh: str
    name_en: str
    value: float
    unit_label: str
    family: str
    publisher: str
    source_document: str
    source_url: str = ""
    publication_date: str = ""
    vintage: int | None = None
    confidence: str = ""
    document_zh: str = ""  # the source document's title in each language (absent in older snapshots: as transcribed)
    document_en: str = ""

    def document(self, lang: str) -> str:
        """The source document's title in ``lang``, else as transcribed."""
        return (self.document_en if lang == "en" else self.document_zh) or self.source_document

    def publisher_name(self, lang: str) -> str:
        """The publisher's name in ``lang`` (a known publisher), else as written; "" when none."""
        return publisher_label(self.publisher, lang) if self.publisher else ""


class DataQuality(Frozen):
    """Primary-data share and, where pedigree scores exist, emission-weighted DQRs (1 best … 5)."""

    primary_data_share: float
    technological_dqr: float | None = None
    temporal_dqr: float | None = None
    geographical_dqr: float | None = None
    reliability_dqr: float | None = None
    completeness_dqr: float | None = None
    dqr_coverage: float = 0.0  # share of the total covered by lines with pedigree scores


class Departure(Frozen):
    """A recalculation of a verified study: not verified; names the verified figure it departs from."""

    verifier: str
    report_number: str = ""
    verified_total_kg_co2e: float | None = None
    verified_factor_set_id: str = ""
    verified_gwp_set: str = ""


class Disclosure(Frozen):
    """Everything that may be published about one product model's footprint in one period."""

    organisation: Organisation
    product: ProductModel
    period: ReportingPeriod
    inventory_revision: int
    inventory_hash: str
    factor_set_id: str
    factor_set_name_zh: str
    factor_set_name_en: str
    factor_set_version: str
    gwp_set: str
    standards: tuple[str, ...]
    boundary: SystemBoundary
    verification: Verification | None  # only when these numbers are exactly the verified calculation
    recalculated: Departure | None = None  # a verified study recalculated otherwise: "recalculated, not verified"
    total_kg_co2e: float
    cradle_to_gate_kg_co2e: float
    fossil_kg_co2e: float
    biogenic_kg_co2e: float
    stages: tuple[DisclosedStage, ...]
    lines: tuple[DisclosedLine, ...]
    factor_sources: tuple[FactorSource, ...]
    data_quality: DataQuality
    warnings: tuple[tuple[str, dict], ...] = ()
    illustrative: bool = False
    missing_stages: tuple[LifecycleStage, ...] = ()  # no lines and no reason for leaving them out (#11)


def build_disclosure(
    db: Database, model_code: str, period: str, set_id: str | None = None, gwp_id: str | None = None,
) -> Disclosure:
    """Return the publishable view of the latest inventory revision of ``model_code`` in ``period``.

    Raises ``NotFound`` or a calculation error.
    """
    revision = store.latest_revision(db, model_code, period)
    inventory = store.load_inventory(db, model_code, period, revision)
    product = store.load_product(db, model_code)
    organisation = store.load_organisation(db, product.org_id)
    factor_set = store.load_factor_set(db, set_id or inventory.factor_set_id)
    footprint = service.footprint_of(db, inventory, factor_set=factor_set, gwp_id=gwp_id)
    content = next(iter(db.query(
        "select content_hash from inventory_revisions where model_code=? and period=? and revision=?",
        [model_code, period, revision])))["content_hash"]
    return disclosure_from(organisation, product, inventory, footprint, factor_set, revision or 0, content)


def disclosure_from(
    organisation: Organisation, product: ProductModel, inventory: Inventory, footprint: Footprint,
    factor_set: FactorSet, revision: int = 0, inventory_hash: str = "",
) -> Disclosure:
    """Return the publishable view from already-loaded models (pure)."""
    by_id = factor_set.by_id()
    lines = tuple(
        DisclosedLine(
            line_no=r.line_no, stage=r.stage, activity=r.activity, amount=r.amount, unit=r.unit,
            factor_id=r.factor_id, factor_value=r.factor_value, factor_unit=f"kg{r.gas}/{r.factor_unit}",
            data_source=line.data_source.value, kg_co2e=r.kg_co2e,
            note="" if line.note_internal else line.note, pedigree=line.pedigree,
            printed_amount=line.printed_amount,
            factor_ncv=line.custom_factor.ncv if line.custom_factor is not None else None,
        )
        for r, line in zip(footprint.lines, inventory.lines, strict=True)
    )
    sources = tuple(
        FactorSource(
            factor_id=f.factor_id, name_zh=f.name_zh, name_en=f.name_en, value=f.value,
            unit_label=f.unit_label, family=f.family.value, publisher=f.publisher,
            source_document=f.source_document, source_url=f.source_url,
            document_zh=source_document_title(f.source_document, "zh"),
            document_en=source_document_title(f.source_document, "en"),
            publication_date=f.publication_date.isoformat() if f.publication_date else "",
            vintage=f.vintage, confidence=f.confidence,
        )
        for f in (by_id.get(fid) for fid in dict.fromkeys(r.factor_id for r in footprint.lines)) if f
    )
    verification, departure = bound_verification(inventory, factor_set.set_id, footprint)
    return Disclosure(
        organisation=organisation, product=product, period=inventory.period,
        inventory_revision=revision, inventory_hash=inventory_hash, factor_set_id=factor_set.set_id,
        factor_set_name_zh=factor_set.name_zh, factor_set_name_en=factor_set.name_en,
        factor_set_version=factor_set.version, gwp_set=footprint.gwp_set, standards=inventory.standards,
        boundary=inventory.boundary, verification=verification, recalculated=departure,
        total_kg_co2e=footprint.total_kg_co2e, cradle_to_gate_kg_co2e=footprint.cradle_to_gate_kg_co2e,
        fossil_kg_co2e=footprint.fossil_kg_co2e, biogenic_kg_co2e=footprint.biogenic_kg_co2e,
        stages=tuple(DisclosedStage(stage=s.stage, kg_co2e=s.kg_co2e, share=s.share)
                     for s in footprint.stages if s.line_count),
        lines=lines, factor_sources=sources, data_quality=data_quality(inventory, footprint),
        warnings=footprint.warnings, illustrative=inventory.illustrative or product.illustrative,
        missing_stages=footprint.missing_stages,
    )


def bound_verification(inventory: Inventory, set_id: str, footprint: Footprint) -> tuple[Verification | None, Departure | None]:
    """(verification, None) if this calculation is exactly the verified one; (None, departure) if it is a
    recalculation of a verified study; (None, None) if the study was never verified."""
    v = inventory.verification
    if v is None:
        return None, None
    stages = {s.stage: s.kg_co2e for s in footprint.stages if s.line_count}
    if v.binds(inventory, set_id, footprint.gwp_set, footprint.total_kg_co2e, stages):
        return v, None
    declared = inventory.declared
    total = v.total_kg_co2e if v.total_kg_co2e is not None else (declared.total if declared else None)
    return None, Departure(verifier=v.verifier, report_number=v.report_number, verified_total_kg_co2e=total,
                           verified_factor_set_id=v.factor_set_id or inventory.factor_set_id,
                           verified_gwp_set=v.gwp_set or inventory.gwp_set)


def data_quality(inventory: Inventory, footprint: Footprint) -> DataQuality:
    """Return primary-data share and emission-weighted pedigree DQRs (pure)."""
    scored = [(line.pedigree, r.kg_co2e) for line, r in zip(inventory.lines, footprint.lines, strict=True)
              if line.pedigree is not None]
    weight = math.fsum(w for _, w in scored)
    total = footprint.total_kg_co2e

    def average(field: str) -> float | None:
        if not scored or weight <= 0:
            return None
        return math.fsum(getattr(p, field) * w for p, w in scored) / weight

    return DataQuality(
        primary_data_share=math.fsum(r.kg_co2e for line, r in zip(inventory.lines, footprint.lines, strict=True)
                                     if line.data_source in PRIMARY_SOURCES) / total if total else 0.0,
        technological_dqr=average("technological"), temporal_dqr=average("temporal"),
        geographical_dqr=average("geographical"), reliability_dqr=average("reliability"),
        completeness_dqr=average("completeness"), dqr_coverage=weight / total if total else 0.0,
    )


def product_rule(product: ProductModel) -> str:
    """Return the product-category rule (PCR / group standard) as one line, "" if none is followed.

    "<number> <name> (<version>), <issuer>", each part as entered and left out where empty.
    """
    head = " ".join(part for part in (product.pcr_number, product.pcr_name) if part)
    if not head:
        return ""
    version = f" ({product.pcr_version})" if product.pcr_version else ""
    issuer = f", {product.pcr_issuer}" if product.pcr_issuer else ""
    return head + version + issuer

