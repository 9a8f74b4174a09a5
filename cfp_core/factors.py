"""Emission factors, versioned factor sets and GWP sets.

A factor has a versioned ``factor_id`` (``cn_elec_cfp_national_2024``) and a ``key`` that
names what it quantifies without the vintage (``electricity.cn.national``). A factor set
holds at most one factor per key, so an inventory line that refers to a key is valued
by whichever vintage the chosen set contains: that is how "2023 vs 2024 factors" works.
Fuel combustion factors keep their derivation (NCV × carbon content × oxidation × 44/12).
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, Field, model_validator

from cfp_core import units
from cfp_core.errors import FactorNotFound, FactorSetInvalid, GwpMissing
from cfp_core.models import Frozen, UnitName
from cfp_core.text import Identifier, LongText, ShortText

CO2_PER_C = 44.0 / 12.0


class FactorFamily(StrEnum):
    """What kind of factor this is; product footprints must not mix some families."""

    ELECTRICITY_CFP = "electricity_cfp"
    ELECTRICITY_CO2_ORG = "electricity_co2_org"  # organisation accounting only
    FUEL_COMBUSTION = "fuel_combustion"
    TRANSPORT = "transport"
    MATERIAL = "material"
    FUEL_UPSTREAM = "fuel_upstream"  # producing the fuel (cradle to gate); its combustion is a separate factor
    CUSTOM = "custom"


class FactorBoundary(StrEnum):
    """What part of the life cycle a factor covers (CPCD 核算边界)."""

    CRADLE_TO_GATE = "cradle_to_gate"  # 摇篮到大门
    CRADLE_TO_GRAVE = "cradle_to_grave"  # 摇篮到坟墓
    GATE_TO_GRAVE = "gate_to_grave"  # 大门到坟墓 (for a fuel: its combustion)
    GATE_TO_GATE = "gate_to_gate"  # 大门到大门


RatioUnit = Annotated[str, AfterValidator(units.check_ratio_unit)]


class EmissionFactor(Frozen):
    """kg of ``gas`` emitted per one ``unit`` of activity, with full provenance."""

    factor_id: Identifier
    key: Identifier
    name_zh: ShortText
    name_en: ShortText = ""
    value: float = Field(ge=0, le=1e6)
    unit: UnitName
    gas: str = "CO2e"
    family: FactorFamily
    region: str = ""
    publisher: ShortText = ""
    source_document: LongText = ""
    source_url: str = ""
    publication_date: date | None = None
    vintage: int | None = Field(default=None, ge=1990, le=2100)
    confidence: str = Field(default="S", pattern=r"^(P|S|S1|U|user)$")
    verified: bool = False
    gwp_basis: str = ""
    ncv: float | None = Field(default=None, gt=0)
    ncv_unit: RatioUnit | None = None
    carbon_content_tc_per_tj: float | None = Field(default=None, gt=0)
    oxidation_rate: float | None = Field(default=None, gt=0, le=1)
    density: float | None = Field(default=None, gt=0)
    density_unit: RatioUnit | None = None
    biogenic: bool = False
    boundary: FactorBoundary | None = None  # None: not stated by the source
    derivation_note: LongText = ""

    @model_validator(mode="after")
    def verified_needs_confidence(self):
        if self.verified and self.confidence not in ("P", "S"):
            raise ValueError("only P or S factors may be marked verified")
        return self

    @property
    def unit_label(self) -> str:
        """"kgCO2e/kWh"-style label."""
        return f"kg{self.gas}/{self.unit}"


def derive_fuel_value(ncv_mj_per_unit: float, carbon_tc_per_tj: float, oxidation: float) -> float:
    """Return kgCO2 per MJ from carbon content (tC/TJ = kgC/GJ) and oxidation rate.

    The NCV is not needed for the per-MJ value; it is kept on the factor to convert
    per-mass or per-volume amounts. Nothing is rounded.
    """
    return carbon_tc_per_tj / 1000.0 * oxidation * CO2_PER_C


class FactorSet(Frozen):
    """A named, versioned collection of factors with at most one factor per key."""

    set_id: Identifier
    name_zh: ShortText
    name_en: ShortText = ""
    version: ShortText = ""
    description_zh: LongText = ""
    description_en: LongText = ""
    parent_id: str | None = None  # the set this one was copied from
    reference: bool = False  # shipped reference data (read-only)
    factors: tuple[EmissionFactor, ...] = ()

    @model_validator(mode="after")
    def one_factor_per_key(self):
        seen: dict[str, str] = {}
        for factor in self.factors:
            if factor.key in seen or factor.factor_id in seen.values():
                raise FactorSetInvalid(set_id=self.set_id, detail=f"duplicate key {factor.key!r}")
            seen[factor.key] = factor.factor_id
        return self

    def by_key(self) -> dict[str, EmissionFactor]:
        """Return ``{key: factor}``."""
        return {f.key: f for f in self.factors}

    def by_id(self) -> dict[str, EmissionFactor]:
        """Return ``{factor_id: factor}``."""
        return {f.factor_id: f for f in self.factors}

    def families(self) -> set[FactorFamily]:
        """Return the factor families present in the set."""
        return {f.family for f in self.factors}

    def with_factors(self, set_id: str, name_zh: str, replace: list[EmissionFactor], **changes) -> FactorSet:
        """Copy-on-write: return a new set with ``replace`` factors put in by key."""
        merged = self.by_key()
        for factor in replace:
            merged[factor.key] = factor
        data = self.model_dump() | changes
        data.update(set_id=set_id, name_zh=name_zh, parent_id=self.set_id, reference=False,
                    factors=tuple(merged.values()))
        return FactorSet.model_validate(data)


class GwpSet(Frozen):
    """GWP100 characterisation factors of one IPCC assessment report (kgCO2e per kg gas)."""

    gwp_id: str = Field(pattern=r"^AR[456]$")
    values: dict[str, float]

    def gwp(self, gas: str) -> float:
        """Return the GWP of ``gas``; "CO2e" is already characterised (1.0).

        Raises ``GwpMissing`` for a gas the set does not list.
        """
        if gas == "CO2e":
            return 1.0
        try:
            return self.values[gas]
        except KeyError:
            raise GwpMissing(gas=gas, gwp_set=self.gwp_id) from None


def resolve(ref: str, factor_set: FactorSet, known_ids: dict[str, str] | None = None, where="") -> EmissionFactor:
    """Return the factor of ``factor_set`` that a line's ``ref`` (id or key) stands for.

    ``ref`` may be a factor id in the set, a key in the set, or an id from another set
    (``known_ids`` maps ids to keys), whose key is then looked up: a line written
    against the 2024 electricity factor is valued with the 2023 one under the 2023 set.
    Raises ``FactorNotFound`` naming the line, the reference and the set.
    """
    by_id = factor_set.by_id()
    if ref in by_id:
        return by_id[ref]
    by_key = factor_set.by_key()
    key = ref if ref in by_key else (known_ids or {}).get(ref)
    if key in by_key:
        return by_key[key]
    raise FactorNotFound(factor_id=ref, set_id=factor_set.set_id, where=where)
