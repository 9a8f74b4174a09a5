"""Domain schema for a product carbon footprint (GB/T 24067-2024 / ISO 14067:2018). No I/O.

All models are frozen and forbid unknown fields. Amounts are per declared unit of the
product (e.g. per 1 台/piece) and are never rounded.
"""

from __future__ import annotations

import math
from datetime import date
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from cfp_core import units
from cfp_core.text import Identifier, LongText, ShortText

MAX_AMOUNT = 1e7  # per declared unit; anything larger is almost certainly a unit slip


class LifecycleStage(StrEnum):
    """Life-cycle stages in report order. Labels (原材料获取 …) live in ``cfp_core.i18n``."""

    RAW_MATERIAL_ACQUISITION = "raw_material_acquisition"
    RAW_MATERIAL_TRANSPORT = "raw_material_transport"
    PRODUCTION = "production"
    DISTRIBUTION = "distribution"
    USE = "use"
    END_OF_LIFE = "end_of_life"


STAGES: tuple[LifecycleStage, ...] = tuple(LifecycleStage)
CRADLE_TO_GATE: frozenset[LifecycleStage] = frozenset(STAGES[:3])


class DataSourceType(StrEnum):
    """ISO 14067 data categories: primary (measured, supplier-specific) or secondary."""

    PRIMARY_MEASURED = "primary_measured"
    SUPPLIER_SPECIFIC = "supplier_specific"
    SECONDARY_DEFAULT = "secondary_default"
    PROXY = "proxy"


PRIMARY_SOURCES = frozenset({DataSourceType.PRIMARY_MEASURED, DataSourceType.SUPPLIER_SPECIFIC})


class BoundaryType(StrEnum):
    """System boundary of the study."""

    CRADLE_TO_GATE = "cradle_to_gate"
    CRADLE_TO_GRAVE = "cradle_to_grave"


def _finite(value: float) -> float:
    if not math.isfinite(value):
        raise ValueError("finite_number")
    return value


Amount = Annotated[float, Field(ge=0, le=MAX_AMOUNT), AfterValidator(_finite)]
UnitName = Annotated[str, AfterValidator(units.check_known_unit)]
Score = Annotated[int, Field(ge=1, le=5)]


class Frozen(BaseModel):
    """Base: immutable, unknown fields rejected, strings stripped."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Organisation(Frozen):
    """The company that makes the product and publishes its footprint."""

    org_id: Identifier
    name_zh: ShortText
    name_en: ShortText = ""
    address: ShortText = ""
    country_subdivision: str = Field(default="", pattern=r"^([A-Z]{2}(-[A-Z0-9]{1,3})?)?$")
    company_ids: tuple[str, ...] = ()  # URNs, e.g. "urn:uuid:…" (PACT companyIds)


def _public_url(value: str) -> str:
    text = value.strip().rstrip("/")
    if text and not (text.startswith(("https://", "http://")) and " " not in text and len(text) <= 200):
        raise ValueError("public_url")
    return text


class OrganisationSettings(Frozen):
    """Settings of one organisation, versioned (every save a new revision); not part of any disclosure."""

    org_id: Identifier
    public_base_url: Annotated[str, AfterValidator(_public_url)] = ""  # the disclosure server's address for card links
    default_lang: str = Field(default="zh", pattern=r"^(zh|en)$")
    time_zone: ShortText = "Asia/Shanghai"
    four_eyes: bool = True  # publication needs a second person's approval (off: single-step, one-person teams)
    logo_png_base64: str = Field(default="", max_length=700_000)  # shown on cards and reports


class ProductModel(Frozen):
    """A product model: the thing whose footprint is declared, per declared unit."""

    model_code: Identifier
    org_id: Identifier
    name_zh: ShortText
    name_en: ShortText = ""
    description: LongText = ""
    declared_unit: UnitName = "piece"
    declared_unit_amount: float = Field(default=1.0, gt=0, le=MAX_AMOUNT)
    product_mass_kg: float | None = Field(default=None, gt=0, le=1e6)
    # kg C per declared unit in the product (PACT fossil/biogenicCarbonContent); None = not assessed, never 0
    fossil_carbon_kg: float | None = Field(default=None, ge=0, le=1e6)
    biogenic_carbon_kg: float | None = Field(default=None, ge=0, le=1e6)
    pcr_name: ShortText = ""  # the PCR / group standard followed (name, number, version, issuer); "" = none
    pcr_number: ShortText = ""
    pcr_version: ShortText = ""
    pcr_issuer: ShortText = ""
    product_ids: tuple[str, ...] = ()  # URNs (PACT productIds)
    illustrative: bool = False  # demo data: shown as "illustrative" everywhere


class ReportingPeriod(Frozen):
    """The period the activity data represent: start inclusive, end inclusive (dates)."""

    label: Identifier  # "2025"
    start: date
    end: date

    @model_validator(mode="after")
    def end_not_before_start(self):
        if self.end < self.start:
            raise ValueError("period end is before its start")
        return self

    @classmethod
    def year(cls, year: int) -> ReportingPeriod:
        """Return the calendar-year period labelled with the year."""
        return cls(label=str(year), start=date(year, 1, 1), end=date(year, 12, 31))


class Pedigree(Frozen):
    """Pedigree-matrix scores 1 (best) … 5 (worst) for one line (Weidema / ecoinvent)."""

    reliability: Score
    completeness: Score
    temporal: Score
    geographical: Score
    technological: Score


class CustomFactor(Frozen):
    """A factor given on the line itself, for an activity not in the factor library."""

    value: float = Field(ge=0, le=1e6)
    unit: UnitName  # the activity unit the factor is per
    gas: str = "CO2e"
    source: ShortText
    ncv: float | None = Field(default=None, gt=0, le=1e6)  # e.g. a per-MJ factor applied to kg of fuel
    ncv_unit: Annotated[str, AfterValidator(units.check_ratio_unit)] | None = None  # "MJ/kg"


class ActivityLine(Frozen):
    """How much of one activity a life-cycle stage uses per declared unit."""

    stage: LifecycleStage
    activity: ShortText = Field(min_length=1)
    amount: Amount
    unit: UnitName
    factor_ref: str | None = None  # factor key ("electricity.cn.national") or id
    custom_factor: CustomFactor | None = None
    data_source: DataSourceType  # no default: a line claims primary data only if someone said so
    pedigree: Pedigree | None = None
    printed_amount: float | None = None  # the amount as printed in a source document (``amount``: unrounded)
    note: LongText = ""
    note_internal: bool = False  # internal notes never leave the company (cards, exports)

    @model_validator(mode="after")
    def exactly_one_factor(self):
        if (self.factor_ref is None) == (self.custom_factor is None):
            raise ValueError("give either factor_ref or custom_factor (exactly one)")
        return self


class ExcludedProcess(Frozen):
    """A process left out of the system boundary, with the reason (ISO 14067 6.3.4)."""

    stage: LifecycleStage
    process_zh: ShortText
    process_en: ShortText = ""
    reason_zh: ShortText = ""
    reason_en: ShortText = ""


class SystemBoundary(Frozen):
    """Boundary, cut-off and allocation rules of one study."""

    boundary: BoundaryType = BoundaryType.CRADLE_TO_GRAVE
    included_stages: tuple[LifecycleStage, ...] = STAGES
    excluded: tuple[ExcludedProcess, ...] = ()
    cutoff_rule: LongText = ""
    allocation_rule: LongText = ""
    exempted_percent: float = Field(default=0.0, ge=0, le=100)


class Verification(Frozen):
    """Third-party verification of a footprint study (ISO 14067 critical review), bound to one calculation.

    The statement covers exactly one calculation: these activity data (a revision that changes the
    numbers drops it, see ``editor``), under ``factor_set_id`` and ``gwp_set``, giving ``total_kg_co2e``
    and ``stages``. Empty binding fields mean "the inventory's own factor set and GWP set, and its
    declared figures". Any other calculation is "recalculated, not verified" (``binds``).
    """

    verifier: ShortText
    report_number: ShortText = ""
    verified_on: date | None = None
    standard: ShortText = "GB/T 24067-2024 / ISO 14067:2018"
    reviewers: tuple[str, ...] = ()
    factor_set_id: str = ""
    gwp_set: str = ""
    total_kg_co2e: float | None = None  # the verified total (kgCO2e per declared unit, as printed)
    stages: dict[LifecycleStage, float] = Field(default_factory=dict)

    def binds(self, inventory: Inventory, factor_set_id: str, gwp_set: str, total: float,
              stages: dict[LifecycleStage, float]) -> bool:
        """Return True if a calculation is exactly the verified one (same sets; numbers as printed, 4 decimals)."""
        declared = inventory.declared
        want_total = self.total_kg_co2e if self.total_kg_co2e is not None else (declared.total if declared else None)
        want_stages = self.stages or (declared.stages if declared else {})
        same_sets = (factor_set_id == (self.factor_set_id or inventory.factor_set_id)
                     and gwp_set == (self.gwp_set or inventory.gwp_set))
        if want_total is None:  # no verified figure to compare with: nothing can be called verified
            return False
        return same_sets and _printed_equal(want_total, total) and all(
            _printed_equal(value, stages.get(stage, 0.0)) for stage, value in want_stages.items())


def _printed_equal(printed: float | None, computed: float) -> bool:
    """Return True if ``computed`` prints as ``printed`` at 4 decimals (None: nothing printed to compare)."""
    return printed is None or abs(computed - printed) <= 0.00005 + 1e-12


class DeclaredResult(Frozen):
    """Figures a source document declares, kept for reconciliation (kgCO2e per unit)."""

    stages: dict[LifecycleStage, float] = Field(default_factory=dict)
    total: float | None = None
    line_results: dict[int, float] = Field(default_factory=dict)  # line_no -> printed kgCO2e
    printed_factors: dict[int, float] = Field(default_factory=dict)  # line_no -> factor as printed
    source: ShortText = ""


class Inventory(Frozen):
    """Activity data of one product model for one reporting period, per declared unit."""

    model_code: Identifier
    period: ReportingPeriod
    lines: tuple[ActivityLine, ...] = ()
    boundary: SystemBoundary = Field(default_factory=SystemBoundary)
    gwp_set: str = Field(default="AR5", pattern=r"^AR[456]$")
    factor_set_id: Identifier = "cn-cfp-2024"  # the set the study declares its result under
    verification: Verification | None = None
    declared: DeclaredResult | None = None
    standards: tuple[str, ...] = ("GB/T 24067-2024", "ISO 14067:2018")
    illustrative: bool = False
    note: LongText = ""

    def lines_in(self, stage: LifecycleStage) -> tuple[ActivityLine, ...]:
        """Return the lines of one stage, in entry order."""
        return tuple(line for line in self.lines if line.stage == stage)


class StageStatus(StrEnum):
    """Whether a stage was quantified: lines entered, excluded with a reason, or missing (neither)."""

    ENTERED = "entered"
    EXCLUDED = "excluded"
    MISSING = "missing"


def stage_coverage(inventory: Inventory) -> dict[LifecycleStage, StageStatus]:
    """Return the status of every stage, in report order.

    A stage with lines is entered. A stage without lines is excluded only if the boundary leaves it
    out (not in ``included_stages``) and an excluded process of that stage gives a reason; otherwise
    it is missing: shown as missing, never as a 0 that looks like a result.
    """
    reasons = {e.stage for e in inventory.boundary.excluded if (e.reason_zh or e.reason_en).strip()}
    found = {}
    for stage in STAGES:
        if inventory.lines_in(stage):
            found[stage] = StageStatus.ENTERED
        elif stage not in inventory.boundary.included_stages and stage in reasons:
            found[stage] = StageStatus.EXCLUDED
        else:
            found[stage] = StageStatus.MISSING
    return found
