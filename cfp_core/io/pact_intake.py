"""Two-gate intake of suppliers' PACT files: the official JSON schema, then the rules the spec states in prose.

Gate 1 validates every footprint against the official schema of the version it declares (PACT 3.0.3 for
``specVersion`` 3.0.x, 2.3.3 for 2.x), shipped in ``cfp_core/io/pact_schemas/`` and read with
``importlib.resources``. Gate 2 checks what the schema cannot express: reference and validity periods, the
sign of decimal strings whose schema pattern is looser than its name, ``pcf`` totals against their
components (when every component is given), DQR and primary-data-share ranges, the piece ⇒ mass rule,
``statusComment`` (v2.x also the validity period against the reference period). A file may hold one footprint, a list response ``{"data": [...]}``,
a get response ``{"data": {...}}`` or a RequestFulfilledEvent; it is accepted or rejected whole, and every
problem names the footprint, the JSON path, the value and the fix (``FieldProblem``).
"""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml
from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError

from cfp_core.errors import FieldProblem

SCHEMA_FILES = {"3": "pact-v3.0.3-openapi.yaml", "2": "pact-v2.3.3-openapi.yaml"}
SUPPORTED = re.compile(r"^(3\.0|2\.[0-3])\.\d+(-\d{8})?$")
TOLERANCE = Decimal("0.001")  # relative: totals may differ from their components by rounding only
# v3 pcfExcludingBiogenicUptake = these; pcfIncludingBiogenicUptake = these + biogenicCO2Uptake (spec x-comment)
COMPONENTS = ("fossilGhgEmissions", "landUseChangeGhgEmissions", "landManagementBiogenicCO2Emissions",
              "landManagementBiogenicCO2Removals", "technologicalCO2Removals", "ccsTechnologicalCO2Capture",
              "biogenicNonCO2Emissions")
MASS_UNITS = {"kilogram", "liter", "cubic meter", "square meter", "piece"}  # a mass is needed (Table 4)
_SIGNS = {"PositiveNonZeroDecimal": "+", "PositiveOrZeroDecimal": "0+", "NegativeOrZeroDecimal": "0-",
          "NegativeNonZeroDecimal": "-", "PositiveDecimal": "0+", "NegativeDecimal": "0-"}
_COMMENTS = {"> 0": "+", ">= 0": "0+", "<= 0": "0-", "< 0": "-"}  # the schema's comments on its decimal types
_DECIMAL = re.compile(r"^[+-]?\d+(\.\d+)?$")


_FORMATS = FormatChecker()
_RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")


@_FORMATS.checks("date-time", raises=ValueError)
def _date_time(value: object) -> bool:
    """RFC 3339 date-time (jsonschema checks it only with an optional extra package installed)."""
    if not isinstance(value, str):
        return True
    if not _RFC3339.match(value):
        return False
    datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))
    return True


@lru_cache(maxsize=2)
def schema_document(major: str) -> dict:
    """Return the official OpenAPI document of PACT ``major`` ("3" or "2"), shipped with the package."""
    text = resources.files("cfp_core.io").joinpath("pact_schemas", SCHEMA_FILES[major]).read_text("utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@lru_cache(maxsize=2)
def validator(major: str) -> Draft202012Validator:
    """Return a JSON Schema 2020-12 validator of ProductFootprint for PACT ``major``."""
    document = schema_document(major)
    schema = {"components": document["components"], "$ref": "#/components/schemas/ProductFootprint"}
    return Draft202012Validator(schema, format_checker=_FORMATS)


def _signs(major: str) -> dict[str, str]:
    """pcf field → required sign, from the ``$ref`` names of the official CarbonFootprint schema."""
    properties = schema_document(major)["components"]["schemas"]["CarbonFootprint"]["properties"]
    return {name: _SIGNS[ref.rsplit("/", 1)[-1]] for name, spec in properties.items()
            if (ref := spec.get("$ref", "")).rsplit("/", 1)[-1] in _SIGNS}


def path_text(parts) -> str:
    """``["data", 0, "pcf", "dqi"]`` → ``"data[0].pcf.dqi"``."""
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def footprints_of(document: Any) -> list[tuple[list, Any]]:
    """Return (JSON path, footprint) for a single footprint, a list/get response or a fulfilled event."""
    if isinstance(document, dict) and "pcf" not in document and "data" in document:
        data = document["data"]
        if isinstance(data, list):
            return [(["data", i], item) for i, item in enumerate(data)]
        if isinstance(data, dict) and isinstance(data.get("pfs"), list):
            return [(["data", "pfs", i], item) for i, item in enumerate(data["pfs"])]
        return [(["data"], data)]
    return [([], document)]


def _fix(error: ValidationError) -> tuple[str, dict]:
    """The catalogue key and parameters that explain one schema error and its fix."""
    kind = error.validator
    if kind == "required":
        return "suppliers.schema.required", {}
    if kind == "enum":
        return "suppliers.schema.enum", {"allowed": ", ".join(map(str, error.validator_value))}
    if kind == "pattern" and isinstance(error.schema, dict) and error.schema.get("comment") in _COMMENTS:
        return f"suppliers.rule.sign{_COMMENTS[error.schema['comment']]}", {}
    if kind == "pattern":
        pattern = str(error.validator_value)
        key = {"^[+-]?\\d+(\\.\\d+)?$": "suppliers.schema.decimal", "^AR\\d+$": "suppliers.schema.ar",
               "^([uU][rR][nN]):": "suppliers.schema.urn", "^[A-Z]{2}$": "suppliers.schema.country",
               "^\\d+\\.\\d+\\.\\d+(-\\d{8})?$": "suppliers.schema.spec_pattern"}.get(pattern)
        if key is None and "\\d" in pattern:
            key = "suppliers.schema.signed_decimal"
        return key or "suppliers.schema.pattern", {"pattern": pattern}
    if kind == "format":
        return f"suppliers.schema.format_{error.validator_value}" if error.validator_value in (
            "uuid", "date-time", "urn", "uri") else "suppliers.schema.format", {"format": error.validator_value}
    if kind in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        return f"suppliers.schema.{kind}", {"limit": error.validator_value}
    if kind == "type":
        expected = error.validator_value
        if expected == "string" and isinstance(error.instance, int | float) and not isinstance(error.instance, bool):
            return "suppliers.schema.number_as_string", {}
        return "suppliers.schema.type", {"expected": expected if isinstance(expected, str) else "/".join(expected)}
    if kind in ("oneOf", "not", "anyOf") and isinstance(error.instance, dict) and any(
            k.startswith("geography") for k in error.instance):
        return "suppliers.schema.geography", {}
    if kind in ("minItems", "uniqueItems", "minLength", "oneOf", "anyOf", "not", "const", "additionalProperties"):
        return f"suppliers.schema.{kind}", {}
    return "suppliers.schema.other", {"detail": error.message[:120]}


def _schema_problems(row: int, base: list, footprint: Any, major: str) -> list[FieldProblem]:
    problems = []
    for error in sorted(validator(major).iter_errors(footprint), key=lambda e: list(map(str, e.absolute_path))):
        parts = base + list(error.absolute_path)
        value = error.instance
        if error.validator == "required" and isinstance(error.instance, dict):
            missing = [name for name in error.validator_value if name not in error.instance]
            for name in missing:
                problems.append(FieldProblem(row, path_text(parts + [name]), "", "suppliers.schema.required"))
            continue
        key, params = _fix(error)
        if isinstance(value, dict | list):
            value = json.dumps(value, ensure_ascii=False)[:60]
        problems.append(FieldProblem(row, path_text(parts) or "$", value, key, **params))
    return problems


def _decimal(value: Any) -> Decimal | None:
    if isinstance(value, str) and _DECIMAL.match(value):
        return Decimal(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            return Decimal(str(value))
        except InvalidOperation:
            return None
    return None


def _when(value: Any) -> datetime | None:
    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None


def _plus_years(when: datetime, years: int) -> datetime:
    try:
        return when.replace(year=when.year + years)
    except ValueError:  # 29 February
        return when.replace(year=when.year + years, day=28) + timedelta(days=1)


class _Rules:
    """Gate 2 for one footprint that passed the schema."""

    def __init__(self, row: int, base: list, footprint: dict, major: str) -> None:
        self.row, self.base, self.fp, self.major = row, base, footprint, major
        self.pcf = footprint["pcf"]
        self.problems: list[FieldProblem] = []

    def add(self, parts: list, value: Any, key: str, **params: Any) -> None:
        self.problems.append(FieldProblem(self.row, path_text(self.base + parts), value, key, **params))

    def run(self) -> list[FieldProblem]:
        self.spec_version()
        self.signs()
        self.periods()
        self.mass()
        self.ranges()
        self.totals()
        self.lifecycle()
        return self.problems

    def spec_version(self) -> None:
        version = self.fp.get("specVersion", "")
        if not SUPPORTED.match(version):
            self.add(["specVersion"], version, "suppliers.rule.spec")

    def signs(self) -> None:
        for name, sign in _signs(self.major).items():
            if name not in self.pcf or not isinstance(self.pcf[name], str):
                continue
            number = _decimal(self.pcf[name])
            ok = number is not None and {"+": number > 0, "0+": number >= 0, "0-": number <= 0,
                                         "-": number < 0}[sign]
            if not ok:
                self.add(["pcf", name], self.pcf[name], f"suppliers.rule.sign{sign}")

    def periods(self) -> None:
        start, end = _when(self.pcf["referencePeriodStart"]), _when(self.pcf["referencePeriodEnd"])
        if start and end and end <= start:
            self.add(["pcf", "referencePeriodEnd"], self.pcf["referencePeriodEnd"], "suppliers.rule.reference",
                     start=self.pcf["referencePeriodStart"])
        v_start, v_end = self.fp.get("validityPeriodStart"), self.fp.get("validityPeriodEnd")
        v2 = self.major == "2"  # v2.x states these two rules; v3.0 dropped them (its examples break them)
        if v2 and v_start is not None and end and (when := _when(v_start)) and when < end:
            self.add(["validityPeriodStart"], v_start, "suppliers.rule.validity_start",
                     end=self.pcf["referencePeriodEnd"])
        if v_end is not None and (when_end := _when(v_end)):
            when_start = _when(v_start) if v_start is not None else end
            if when_start and when_end <= when_start:
                self.add(["validityPeriodEnd"], v_end, "suppliers.rule.validity_order")
            elif v2 and end and when_end > _plus_years(end, 3):
                self.add(["validityPeriodEnd"], v_end, "suppliers.rule.validity_length",
                         end=self.pcf["referencePeriodEnd"])

    def mass(self) -> None:
        unit = self.pcf.get("declaredUnitOfMeasurement") or self.pcf.get("declaredUnit")
        mass = _decimal(self.pcf.get("productMassPerDeclaredUnit"))
        if self.major == "3" and unit in MASS_UNITS and mass is not None and mass <= 0:
            self.add(["pcf", "productMassPerDeclaredUnit"], self.pcf["productMassPerDeclaredUnit"],
                     "suppliers.rule.mass", unit=unit)
        amount = _decimal(self.pcf.get("declaredUnitAmount"))
        if unit == "kilogram" and mass is not None and amount is not None and mass > 0 and mass != amount:
            self.add(["pcf", "productMassPerDeclaredUnit"], self.pcf["productMassPerDeclaredUnit"],
                     "suppliers.rule.mass_kg", amount=self.pcf["declaredUnitAmount"])

    def ranges(self) -> None:
        top = Decimal(5 if self.major == "3" else 3)
        for name, value in (self.pcf.get("dqi") or {}).items():
            number = _decimal(value)
            if name.endswith("DQR") and number is not None and not Decimal(1) <= number <= top:
                self.add(["pcf", "dqi", name], value, "suppliers.rule.dqr", top=str(top))
        for name in ("primaryDataShare", "exemptedEmissionsPercent"):
            number = _decimal(self.pcf.get(name))
            if number is not None and not Decimal(0) <= number <= 100:
                self.add(["pcf", name], self.pcf[name], "suppliers.rule.percent")

    def totals(self) -> None:
        if self.major != "3" or not all(name in self.pcf for name in COMPONENTS):
            return  # totals are checked only when every component is given (the findings say so otherwise)
        parts = [_decimal(self.pcf[name]) for name in COMPONENTS]
        excl, incl = _decimal(self.pcf["pcfExcludingBiogenicUptake"]), _decimal(self.pcf["pcfIncludingBiogenicUptake"])
        if None in parts or excl is None or incl is None:
            return
        total = sum(parts, Decimal(0))
        uptake = _decimal(self.pcf.get("biogenicCO2Uptake", "0")) or Decimal(0)
        for name, declared, expected in (("pcfExcludingBiogenicUptake", excl, total),
                                         ("pcfIncludingBiogenicUptake", incl, total + uptake)):
            if abs(declared - expected) > TOLERANCE * max(abs(expected), Decimal(1)):
                self.add(["pcf", name], self.pcf[name], "suppliers.rule.total", expected=str(expected))

    def lifecycle(self) -> None:
        comment = self.fp.get("statusComment")
        if comment is not None and (not isinstance(comment, str) or not comment.strip()):
            self.add(["statusComment"], comment, "suppliers.rule.status_comment")
        # precedingPfIds listing the footprint's own id is tolerated: the official v3 example 2 does it


def check_document(document: Any) -> list[FieldProblem]:
    """Return every problem of every footprint in ``document`` (empty: all footprints pass both gates)."""
    found = footprints_of(document)
    if not found:
        return [FieldProblem(1, "data", "[]", "suppliers.rule.empty")]
    problems: list[FieldProblem] = []
    for row, (base, footprint) in enumerate(found, start=1):
        if not isinstance(footprint, dict) or not isinstance(footprint.get("pcf"), dict):
            problems.append(FieldProblem(row, path_text(base + ["pcf"]), "", "suppliers.problem.not_pact"))
            continue
        version = footprint.get("specVersion")
        major = version[:1] if isinstance(version, str) else ""
        if major not in SCHEMA_FILES:
            problems.append(FieldProblem(row, path_text(base + ["specVersion"]), version, "suppliers.rule.spec"))
            continue
        gate_one = _schema_problems(row, base, footprint, major)
        problems += gate_one or _Rules(row, base, footprint, major).run()
    return problems
