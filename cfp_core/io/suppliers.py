"""Suppliers' PACT ProductFootprint disclosures (v3.0 or v2.x): parse, validate and store them.

``parse_disclosure`` reads one JSON file into a frozen ``SupplierDisclosure``; every problem is
reported at once as ``ImportRejected`` whose rows name the JSON path of the field ("pcf.referencePeriodEnd")
and say how to fix it. Decimal strings are parsed exactly (``Decimal`` → ``float``). Names are checked with
the same rules as every other text (no markup, no formula triggers). Stored disclosures are append-only.
Comparison: ``cfp_core.analysis.suppliers``.
"""

from __future__ import annotations

import logging
import math
from typing import Any

from pydantic import BaseModel, ConfigDict
from sqlite_utils import Database

from cfp_core import store
from cfp_core.access import Action, Principal
from cfp_core.errors import ImportRejected, RowProblem
from cfp_core.io.pact_reader import Reader, load_json
from cfp_core.store.audit import writes

_log = logging.getLogger(__name__)

# (v3 path, v2 path) of each pcf field the comparison needs.
_PCF_FIELDS = {
    "unit": ("declaredUnitOfMeasurement", "declaredUnit"),
    "amount": ("declaredUnitAmount", "unitaryProductAmount"),
    "pcf_excl": ("pcfExcludingBiogenicUptake", "pCfExcludingBiogenic"),
    "pcf_incl": ("pcfIncludingBiogenicUptake", "pCfIncludingBiogenic"),
}


class SupplierDisclosure(BaseModel):
    """One supplier's PACT footprint, in the units it was declared (kgCO2e per declared unit)."""

    model_config = ConfigDict(frozen=True)

    pf_id: str
    filename: str
    supplier: str
    product: str
    product_ids: tuple[str, ...] = ()
    spec_version: str
    status: str = "Active"
    declared_unit: str
    declared_amount: float
    mass_kg_per_unit: float | None = None
    pcf_excluding_biogenic: float
    pcf_including_biogenic: float | None = None
    fossil_emissions: float | None = None
    period_start: str
    period_end: str
    geography: str | None = None
    gwp_sets: tuple[str, ...] = ()
    standards: tuple[str, ...] = ()
    primary_data_share: float | None = None  # percent, 0–100
    dqr: tuple[tuple[str, float], ...] = ()
    verified: bool = False
    boundary: str = ""  # boundaryProcessesDescription
    raw: dict[str, Any]

    @property
    def per_kg(self) -> float | None:
        """kgCO2e per kilogram of product, when the mass per declared unit is known and positive."""
        if not self.mass_kg_per_unit:
            return None
        return self.pcf_excluding_biogenic / self.mass_kg_per_unit

    @property
    def labelled_cradle_to_grave(self) -> bool:
        """True when the boundary text claims cradle-to-grave without saying cradle-to-gate."""
        text = self.boundary.lower().replace(" ", "-")
        grave = "cradle-to-grave" in text or "摇篮到坟墓" in text
        return grave and "cradle-to-gate" not in text and "摇篮到大门" not in text

    @property
    def period_label(self) -> str:
        """"2025-01-01 – 2026-01-01" (end exclusive, as in PACT)."""
        return f"{self.period_start} – {self.period_end}"


class StoredDisclosure(BaseModel):
    """A stored disclosure with its row id and the time it was received."""

    model_config = ConfigDict(frozen=True)

    id: int
    received_at: str
    part: str
    disclosure: SupplierDisclosure


def parse_disclosure(data: bytes, filename: str) -> SupplierDisclosure:
    """Parse one PACT ProductFootprint JSON (v3.0 or v2.x) into a ``SupplierDisclosure``.

    Raises ``ImportRejected`` if the JSON is malformed, a required field is missing, a decimal does
    not parse or is negative where PACT forbids it, a date is invalid, or a name contains markup.
    """
    document = load_json(data, filename)
    read = Reader(document)
    spec = read.text("specVersion") or ""
    v3 = not spec.startswith("2")
    if spec and spec[:1] not in ("2", "3"):
        read.problem("specVersion", spec, "suppliers.problem.spec")
    col = 0 if v3 else 1
    path = {name: "pcf." + paths[col] for name, paths in _PCF_FIELDS.items()}
    gwp = read.strings("pcf.ipccCharacterizationFactors") if v3 else (
        read.strings("pcf.ipccCharacterizationFactorsSources", required=False)
        or read.strings("pcf.characterizationFactors"))
    fields = dict(
        pf_id=read.text("id") or "", filename=filename, supplier=read.text("companyName"),
        product=read.text("productNameCompany", limit=400), product_ids=read.strings("productIds", required=False),
        spec_version=spec, status=read.text("status", required=False) or "Active",
        declared_unit=read.text(path["unit"]), declared_amount=read.decimal(path["amount"], sign="+"),
        mass_kg_per_unit=read.decimal("pcf.productMassPerDeclaredUnit", required=v3, sign="0+"),
        pcf_excluding_biogenic=read.decimal(path["pcf_excl"], sign="0+"),
        pcf_including_biogenic=read.decimal(path["pcf_incl"], required=v3),
        fossil_emissions=read.decimal("pcf.fossilGhgEmissions", sign="0+"),
        period_start=read.date("pcf.referencePeriodStart"), period_end=read.date("pcf.referencePeriodEnd"),
        geography=next((read.text(f"pcf.{g}", required=False) for g in (
            "geographyCountrySubdivision", "geographyCountry", "geographyRegionOrSubregion")
            if read.get(f"pcf.{g}", required=False)), None),
        gwp_sets=gwp, standards=_standards(read, v3),
        primary_data_share=read.decimal("pcf.primaryDataShare", required=False, sign="0+"),
        dqr=_dqr(read), verified=read.verified("pcf.verification" if v3 else "pcf.assurance", v3),
        boundary=read.text("pcf.boundaryProcessesDescription", required=False, limit=4000) or "", raw=document,
    )
    if read.problems:
        raise ImportRejected(read.problems, file=filename)
    if fields["mass_kg_per_unit"] is None and fields["declared_unit"] == "kilogram":
        fields["mass_kg_per_unit"] = 1.0
    disclosure = SupplierDisclosure(**fields)
    _readable(disclosure, filename)
    return disclosure


def _readable(disclosure: SupplierDisclosure, filename: str) -> str:
    """Return the stored form of a disclosure, proven to read back equal (else ``ImportRejected``)."""
    try:
        payload = disclosure.model_dump_json()
        if SupplierDisclosure.model_validate_json(payload) != disclosure:
            raise ValueError("round trip changed the disclosure")
    except (ValueError, RecursionError):
        raise ImportRejected([RowProblem(1, filename, "", "suppliers.problem.unreadable")], file=filename) from None
    return payload


def _standards(read: Reader, v3: bool) -> tuple[str, ...]:
    if v3 or read.get("pcf.crossSectoralStandards", required=False) is not None:
        return read.strings("pcf.crossSectoralStandards")
    return read.strings("pcf.crossSectoralStandardsUsed")


def _dqr(read: Reader) -> tuple[tuple[str, float], ...]:
    dqi = read.get("pcf.dqi", required=False)
    if not isinstance(dqi, dict):
        return ()
    scores = []
    for name in ("technologicalDQR", "temporalDQR", "geographicalDQR"):
        if name in dqi:
            value = read.decimal(f"pcf.dqi.{name}", sign="+")
            if value is not None:
                scores.append((name, value))
    return tuple(scores)


def mean_dqr(disclosure: SupplierDisclosure) -> float | None:
    """Return the mean of the disclosure's DQR scores (v3 range 1–5, v2 range 1–3), or None."""
    values = [value for _, value in disclosure.dqr]
    return math.fsum(values) / len(values) if values else None


@writes(Action.IMPORT_SUPPLIER, target=lambda disclosure, part="", result=None: f"{disclosure.supplier} #{result}")
def save_supplier_disclosure(db: Database, principal: Principal, disclosure: SupplierDisclosure, part: str = "") -> int:
    """Append a disclosure to ``supplier_disclosures`` and return its row id (editor role; audited).

    Every save appends (the same file saved twice gives two rows, with the same ``content_hash``).
    Raises ``sqlite3.OperationalError`` if the database is locked past its busy timeout.
    """
    with store.write_transaction(db):
        table = db.table("supplier_disclosures")
        table.insert({
            "supplier": disclosure.supplier, "product": disclosure.product, "part": part or disclosure.product,
            "received_at": store.now(), "spec_version": disclosure.spec_version,
            "payload": _readable(disclosure, disclosure.filename), "content_hash": store.content_hash(disclosure.raw),
        })
        return table.last_pk


def list_supplier_disclosures(db: Database) -> list[StoredDisclosure]:
    """Return every stored disclosure, oldest first."""
    return [d for d in _stored(db) if isinstance(d, StoredDisclosure)]


def quarantined_supplier_disclosures(db: Database) -> list[int]:
    """Return the ids of stored disclosures that cannot be read back (left out of every list, logged)."""
    return [d for d in _stored(db) if isinstance(d, int)]


def _stored(db: Database) -> list[StoredDisclosure | int]:
    found: list[StoredDisclosure | int] = []
    for row in db.execute("SELECT id, received_at, part, payload FROM supplier_disclosures ORDER BY id").fetchall():
        try:
            found.append(StoredDisclosure(id=row[0], received_at=row[1], part=row[2] or "",
                                          disclosure=SupplierDisclosure.model_validate_json(row[3])))
        except (ValueError, RecursionError):  # pydantic's ValidationError is a ValueError
            _log.warning("supplier disclosure #%s cannot be read and is quarantined", row[0])
            found.append(row[0])
    return found
