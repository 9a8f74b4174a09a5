"""The allocation helper: a plant-level quantity for a period, shared out to the models that plant makes.

Users have meter totals (kWh, m³ of gas, kg of diesel) and production counts, not per-unit figures.
``allocate`` shares a plant quantity by units produced or by produced mass (the reference report's
section 3.2.3 allocates workshop electricity by output), and gives each model its per-unit amount,
with the arithmetic spelled out. ``write_allocation`` writes one line per model, each as a new
revision, all in one transaction; a line from an earlier run of the same allocation is replaced,
so correcting the outputs re-allocates. The basis goes into the inventory's allocation rule (and
so into the report). Nothing is rounded.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import Literal

from pydantic import Field, model_validator
from sqlite_utils import Database

from cfp_core import store
from cfp_core.access import Action, Principal, require
from cfp_core.errors import NotFound
from cfp_core.i18n import t
from cfp_core.models import (
    ActivityLine,
    DataSourceType,
    Frozen,
    Inventory,
    LifecycleStage,
    ReportingPeriod,
    UnitName,
)
from cfp_core.text import ShortText

Basis = Literal["units", "mass"]


class ModelOutput(Frozen):
    """What one model's line produced in the period: units, and their total mass for a mass basis."""

    model_code: str
    units: float = Field(gt=0)
    mass_kg: float | None = Field(default=None, gt=0)


class PlantQuantity(Frozen):
    """A plant-level quantity of one period: what the meter or the invoice says, for all models together."""

    stage: LifecycleStage
    activity: ShortText = Field(min_length=1)
    amount: float = Field(gt=0, le=1e12)
    unit: UnitName
    factor_ref: str
    data_source: DataSourceType


class Share(Frozen):
    """One model's part: its share of the basis and its amount per declared unit."""

    model_code: str
    basis_value: float  # units, or kg
    share: float  # 0..1
    allocated: float  # plant amount × share
    per_unit: float  # allocated / units


class Allocation(Frozen):
    """A plant quantity shared out to models; ``shares`` sum to 1 and the allocated amounts to the plant total."""

    plant: PlantQuantity
    basis: Basis
    outputs: tuple[ModelOutput, ...]
    shares: tuple[Share, ...]

    @model_validator(mode="after")
    def distinct_models(self):
        codes = [o.model_code for o in self.outputs]
        if len(set(codes)) != len(codes):
            raise ValueError("each model once")
        return self

    @property
    def allocation_id(self) -> str:
        """Identity of this allocation across corrections: stage and activity."""
        slug = re.sub(r"\s+", " ", self.plant.activity.strip())
        return f"{self.plant.stage.value}:{slug}"


def allocate(plant: PlantQuantity, outputs: Sequence[ModelOutput], basis: Basis = "units") -> Allocation:
    """Share ``plant`` out to ``outputs`` by units produced or by produced mass; return the arithmetic.

    Raises ``ValueError`` if there are no outputs, a model appears twice, or a mass basis lacks a mass.
    """
    if not outputs:
        raise ValueError("no outputs")
    if basis == "mass" and any(o.mass_kg is None for o in outputs):
        raise ValueError("the mass basis needs the produced mass of every model")
    values = [o.units if basis == "units" else o.mass_kg for o in outputs]
    total = math.fsum(values)
    shares = tuple(Share(model_code=o.model_code, basis_value=v, share=v / total, allocated=plant.amount * v / total,
                         per_unit=plant.amount * v / total / o.units) for o, v in zip(outputs, values, strict=True))
    return Allocation(plant=plant, basis=basis, outputs=tuple(outputs), shares=shares)


def explain(allocation: Allocation, share: Share, lang: str) -> str:
    """Return the arithmetic of one model's line ("12000 kWh × 300 / 1000 units = 3600 kWh; ÷ 300 units = 12 kWh")."""
    plant = allocation.plant
    total = math.fsum(s.basis_value for s in allocation.shares)
    units = next(o.units for o in allocation.outputs if o.model_code == share.model_code)
    return t(f"alloc.explain.{allocation.basis}", lang, amount=f"{plant.amount:g}", unit=plant.unit,
             value=f"{share.basis_value:g}", total=f"{total:g}", share=f"{share.share * 100:.2f}",
             allocated=f"{share.allocated:.6g}", units=f"{units:g}", per_unit=f"{share.per_unit:.6g}",
             tag=_tag(allocation))


def _tag(allocation: Allocation) -> str:
    return f"[allocation {allocation.allocation_id}]"


def allocation_rule(allocation: Allocation) -> str:
    """The inventory's allocation-rule sentence for this allocation (both languages, for the report)."""
    return " ".join(t(f"alloc.rule.{allocation.basis}", lang, activity=allocation.plant.activity,
                      stage=t(f"stage.{allocation.plant.stage.value}", lang)) for lang in ("zh", "en"))


def allocated_inventory(base: Inventory | None, model_code: str, period: ReportingPeriod, allocation: Allocation,
                        share: Share) -> Inventory:
    """Return ``base`` (or a new inventory) with this allocation's line replaced or added, and its rule recorded."""
    plant, tag = allocation.plant, _tag(allocation)
    line = ActivityLine(stage=plant.stage, activity=plant.activity, amount=share.per_unit, unit=plant.unit,
                        factor_ref=plant.factor_ref, data_source=plant.data_source,
                        note=" / ".join(explain(allocation, share, lang) for lang in ("zh", "en")))
    inventory = base or Inventory(model_code=model_code, period=period)
    lines = [x for x in inventory.lines if tag not in x.note]
    at = next((n for n, x in enumerate(inventory.lines) if tag in x.note), len(lines))
    lines.insert(min(at, len(lines)), line)
    rule, old = allocation_rule(allocation), inventory.boundary.allocation_rule
    boundary = inventory.boundary if rule in old else inventory.boundary.model_copy(
        update={"allocation_rule": f"{old} {rule}".strip()})
    return inventory.model_copy(update={"lines": tuple(lines), "boundary": boundary})


def write_allocation(db: Database, principal: Principal, allocation: Allocation, period: ReportingPeriod,
                     comment: str = "") -> list[tuple[str, int]]:
    """Write each model's per-unit line as a new revision, all in one transaction; return (model, revision).

    Raises ``NotFound`` for an unknown model and ``PermissionDenied`` (nothing written) if the principal
    may not edit one of the models.
    """
    require(principal, Action.SAVE_INVENTORY)
    saved = []
    with store.write_transaction(db):
        for share in allocation.shares:
            store.load_product(db, share.model_code)
            try:
                base = store.load_inventory(db, share.model_code, period.label)
            except NotFound:
                base = None
            inventory = allocated_inventory(base, share.model_code, period, allocation, share)
            saved.append((share.model_code, store.save_inventory(db, principal, inventory, comment=comment)))
    return saved
