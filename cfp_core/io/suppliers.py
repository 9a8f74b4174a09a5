"""Suppliers' PACT ProductFootprint disclosures (v3.0 or v2.x): parse, validate and store them.

``parse_disclosure`` reads one JSON file into a frozen ``SupplierDisclosure``; every problem is
reported at once as ``ImportRejected`` whose rows name the JSON path of the field ("pcf.referencePeriodEnd")
and say how to fix it. Decimal strings are parsed exactly (``Decimal`` → ``float``). Names are checked with
the same rules as every other text (no markup, no formula triggers). The gates: ``pact_intake``; the store:
``supplier_store``; comparison: ``cfp_core.analysis.suppliers``.
"""

from __future__ import annotations

import math
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from pydantic import BaseModel, ConfigDict

from cfp_core.errors import FieldProblem, ImportRejected, TextRejected
from cfp_core.io.pact_intake import check_document, footprints_of, path_text
from cfp_core.io.pact_reader import load_json
from cfp_core.text import check_text

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
    company_ids: tuple[str, ...] = ()
    preceding_pf_ids: tuple[str, ...] = ()
    created: str = ""
    validity_end: str | None = None
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
    period_end: str  # PACT's referencePeriodEnd, exclusive
    period_last_day: str | None = None  # the inclusive end people read (older records: derived from period_end)
    geography: str | None = None
    gwp_sets: tuple[str, ...] = ()
    standards: tuple[str, ...] = ()
    primary_data_share: float | None = None  # percent, 0–100
    dqr: tuple[tuple[str, float], ...] = ()
    verified: bool = False
    boundary: str = ""  # boundaryProcessesDescription
    raw: dict[str, Any]

    @property
    def per_unit(self) -> float:
        """kgCO2e per 1 declared unit (the declared value ÷ ``declaredUnitAmount``): 5.14 per 12 L → 0.428 per L."""
        return self.pcf_excluding_biogenic / self.declared_amount

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
        """"2025-01-01 – 2025-12-31": the last day included (PACT's end is exclusive: 2026-01-01T00:00:00Z)."""
        return f"{self.period_start} – {self.period_last_day or last_day(self.period_end, midnight=True)}"


def last_day(end: str, midnight: bool) -> str:
    """The last day inside a period whose exclusive end is the date ``end`` (the day before if it ends at midnight)."""
    day = date.fromisoformat(end)
    return (day - timedelta(days=1)).isoformat() if midnight else day.isoformat()


def _last_day_of(value: Any) -> str | None:
    try:
        moment = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None  # the reader names the bad date
    return last_day(moment.date().isoformat(), moment.time() == time(0))


class _Reader:
    """Collects every problem of one document while reading its fields."""

    def __init__(self, data: dict, row: int = 1, base: tuple = ()) -> None:
        self.data, self.problems, self.row, self.base = data, [], row, list(base)

    def problem(self, path: str, value: Any, key: str, **params: Any) -> None:
        self.problems.append(FieldProblem(self.row, path_text(self.base + path.split(".")), value, key, **params))

    def get(self, path: str, required: bool = True) -> Any:
        node: Any = self.data
        for part in path.split("."):
            node = node.get(part) if isinstance(node, dict) else None
        if node is None and required:
            self.problem(path, "", "suppliers.problem.missing")
        return node

    def decimal(self, path: str, required: bool = True, sign: str = "") -> float | None:
        value = self.get(path, required)
        if value is None:
            return None
        try:
            number = Decimal(str(value)) if isinstance(value, str | int | float) and not isinstance(value, bool) \
                else Decimal("nan")
        except InvalidOperation:
            number = Decimal("nan")
        if not number.is_finite() or not math.isfinite(float(number)):
            self.problem(path, value, "suppliers.problem.decimal")
            return None
        if (sign == "+" and number <= 0) or (sign == "0+" and number < 0):
            self.problem(path, value, "suppliers.problem.positive" if sign == "+" else "suppliers.problem.negative")
            return None
        return float(number)

    def text(self, path: str, required: bool = True, limit: int = 200) -> str | None:
        value = self.get(path, required)
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            self.problem(path, value, "suppliers.problem.text")
            return None
        try:
            return check_text(value, limit=limit)
        except TextRejected as error:
            self.problem(path, value, "error.text_rejected", **error.params)
            return None

    def date(self, path: str) -> str | None:
        value = self.get(path)
        if value is None:
            return None
        try:
            return datetime.fromisoformat(str(value).replace("Z", "+00:00")).date().isoformat()
        except ValueError:
            self.problem(path, value, "suppliers.problem.date")
            return None

    def strings(self, path: str, required: bool = True) -> tuple[str, ...]:
        value = self.get(path, required)
        if value is None:
            return ()
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not all(isinstance(i, str) for i in items) or not items:
            self.problem(path, value, "suppliers.problem.list")
            return ()
        for item in items:  # ids, standards, GWP sets: no markup, control characters or formula triggers
            try:
                check_text(item, limit=400)
            except TextRejected as error:
                self.problem(path, item, "error.text_rejected", **error.params)
                return ()
        return tuple(items)


def _load_json(data: bytes, filename: str) -> dict:
    """Parse a supplier file within the bounds (size, nesting depth; ``pact_reader.load_json``)."""
    return load_json(data, filename)


def read_footprints(data: bytes, filename: str) -> tuple[SupplierDisclosure, ...]:
    """Read a PACT file (one footprint, a list/get response or a fulfilled event) through both gates.

    The file is accepted whole or not at all: raises ``ImportRejected`` listing every problem of every
    footprint (footprint number, JSON path, value, fix) — schema, prose rules, and names with markup.
    """
    document = _load_json(data, filename)
    problems = check_document(document)
    disclosures = []
    for row, (base, footprint) in enumerate(footprints_of(document), start=1):
        if not isinstance(footprint, dict) or not isinstance(footprint.get("pcf"), dict):
            continue
        read = _Reader(footprint, row, tuple(base))
        disclosure = _disclosure(read, footprint, filename)
        seen = {(p.row, p.column) for p in problems}
        problems += [p for p in read.problems if (p.row, p.column) not in seen]
        disclosures.append(disclosure)
    if problems:
        raise ImportRejected(sorted(problems, key=lambda p: (p.row, p.column)), file=filename)
    return tuple(disclosures)


def parse_disclosure(data: bytes, filename: str) -> SupplierDisclosure:
    """Read a PACT file holding one footprint (see ``read_footprints``) and return it."""
    return read_footprints(data, filename)[0]


def _disclosure(read: _Reader, document: dict, filename: str) -> SupplierDisclosure | None:
    """Map one footprint that passed the gates; None (with ``read.problems``) if a field does not read."""
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
        company_ids=read.strings("companyIds", required=False),
        preceding_pf_ids=read.strings("precedingPfIds", required=False),
        created=str(read.get("created", required=False) or ""),
        validity_end=read.date("validityPeriodEnd") if read.get("validityPeriodEnd", required=False) else None,
        product=read.text("productNameCompany", limit=400), product_ids=read.strings("productIds", required=False),
        spec_version=spec, status=read.text("status", required=False) or "Active",
        declared_unit=read.text(path["unit"]), declared_amount=read.decimal(path["amount"], sign="+"),
        mass_kg_per_unit=read.decimal("pcf.productMassPerDeclaredUnit", required=v3, sign="0+"),
        pcf_excluding_biogenic=read.decimal(path["pcf_excl"]),  # may be negative in v3
        pcf_including_biogenic=read.decimal(path["pcf_incl"], required=v3),
        fossil_emissions=read.decimal("pcf.fossilGhgEmissions", required=v3, sign="0+"),
        period_start=read.date("pcf.referencePeriodStart"), period_end=read.date("pcf.referencePeriodEnd"),
        period_last_day=_last_day_of(read.get("pcf.referencePeriodEnd", required=False)),
        geography=next((read.text(f"pcf.{g}", required=False) for g in (
            "geographyCountrySubdivision", "geographyCountry", "geographyRegionOrSubregion")
            if read.get(f"pcf.{g}", required=False)), None),
        gwp_sets=gwp, standards=_standards(read, v3),
        primary_data_share=read.decimal("pcf.primaryDataShare", required=False, sign="0+"),
        dqr=_dqr(read), verified=bool(read.get("pcf.verification" if v3 else "pcf.assurance", required=False)),
        boundary=str(read.get("pcf.boundaryProcessesDescription", required=False) or ""), raw=document,
    )
    if read.problems:
        return None
    if fields["mass_kg_per_unit"] is None and fields["declared_unit"] == "kilogram":
        fields["mass_kg_per_unit"] = 1.0
    return SupplierDisclosure(**fields)


def _standards(read: _Reader, v3: bool) -> tuple[str, ...]:
    if v3 or read.get("pcf.crossSectoralStandards", required=False) is not None:
        return read.strings("pcf.crossSectoralStandards")
    return read.strings("pcf.crossSectoralStandardsUsed")


def _dqr(read: _Reader) -> tuple[tuple[str, float], ...]:
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
