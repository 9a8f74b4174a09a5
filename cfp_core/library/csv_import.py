"""Import a factor set from CSV (the columns of ``data/factors/emission_factors.csv``).

Every row is checked; if any row has a problem the file is rejected whole with
``ImportRejected`` listing each problem by file line, column and value, with the fix.
Lines starting with ``#`` are comments. Fuel rows may leave ``value`` empty and give
``carbon_content_tc_per_tj`` and ``oxidation_rate`` instead (the value is then derived).
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable

from pydantic import ValidationError

from cfp_core import units
from cfp_core.errors import CfpError, FactorSetInvalid, ImportRejected, RowProblem
from cfp_core.factors import EmissionFactor, FactorFamily, FactorSet
from cfp_core.i18n import Msg, has
from cfp_core.library.reference import factor_from_row, gwp_sets
from cfp_core.text import check_identifier, check_text
from cfp_core.validation import FACTOR_CSV_MAX_BYTES, FACTOR_CSV_MAX_ROWS, MAX_ABS_NUMBER, MAX_DIGITS

COLUMNS = ("id", "key", "name_zh", "name_en", "value", "unit", "gas", "family", "region", "publisher",
           "source_document", "source_url", "publication_date", "vintage", "confidence", "verified",
           "gwp_basis", "ncv", "ncv_unit", "carbon_content_tc_per_tj", "oxidation_rate", "density",
           "density_unit", "derivation_note")
REQUIRED_COLUMNS = ("id", "key", "name_zh", "value", "unit", "gas", "family", "source_document")
NUMBER_COLUMNS = ("value", "ncv", "carbon_content_tc_per_tj", "oxidation_rate", "density")
BOOLEANS = {"true": True, "1": True, "yes": True, "false": False, "0": False, "no": False, "": False}
CONFIDENCES = ("P", "S", "S1", "U", "user")
MAX_BYTES = FACTOR_CSV_MAX_BYTES
MAX_ROWS = FACTOR_CSV_MAX_ROWS


def factor_csv_template() -> bytes:
    """Return a CSV template: the header and one example row that imports cleanly."""
    example = {"id": "supplier_green_2025", "key": "electricity.supplier.green", "name_zh": "供应商绿电碳足迹因子",
               "name_en": "Supplier green electricity carbon-footprint factor", "value": "0.0520", "unit": "kWh",
               "gas": "CO2e", "family": "electricity_cfp", "region": "CN-ZJ", "publisher": "Supplier",
               "source_document": "Supplier statement 2025", "vintage": "2025", "confidence": "user",
               "verified": "false"}
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerow(example)
    return buffer.getvalue().encode("utf-8")


def _rows(data: bytes) -> list[tuple[int, list[str]]]:
    """Return (file line number, cells) for each non-comment record, header first."""
    if len(data) > MAX_BYTES:
        raise ImportRejected([RowProblem(1, "—", f"{len(data)} B", "factors.csv.too_large", limit=MAX_BYTES)])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportRejected([RowProblem(1, "—", "", "factors.csv.encoding")]) from None
    kept = [(no, line) for no, line in enumerate(text.splitlines(keepends=True), 1)
            if line.strip() and not line.lstrip().startswith("#")]
    reader = csv.reader([line for _, line in kept], strict=True)
    records, start = [], 0
    try:
        for cells in reader:
            records.append((kept[start][0], [c.strip() for c in cells]))
            start = reader.line_num
    except csv.Error:
        raise ImportRejected([RowProblem(kept[start][0], "—", "", "factors.csv.malformed")]) from None
    if len(records) < 2:
        raise ImportRejected([RowProblem(1, "—", "", "factors.csv.empty", columns=", ".join(REQUIRED_COLUMNS))])
    if len(records) - 1 > MAX_ROWS:
        raise ImportRejected([RowProblem(1, "—", len(records) - 1, "factors.csv.too_many_rows", limit=MAX_ROWS)])
    return records


def _header(line_no: int, header: list[str]) -> list[RowProblem]:
    names = [h.lower() for h in header]
    allowed = ", ".join(COLUMNS)
    problems = [RowProblem(line_no, c, "", "factors.csv.missing_column", columns=allowed)
                for c in REQUIRED_COLUMNS if c not in names]
    problems += [RowProblem(line_no, h, h, "factors.csv.unknown_column", columns=allowed)
                 for h in header if h.lower() not in COLUMNS]
    problems += [RowProblem(line_no, h, h, "factors.csv.duplicate_column")
                 for i, h in enumerate(names) if h in names[:i]]
    return problems


def _check_cell(line_no: int, column: str, value: str, row: dict[str, str]) -> RowProblem | None:
    """Return the problem with one cell, or None. Checks text safety first, then the column's rule."""
    try:
        check_text(value, limit=4000, multiline=True)
        if column in ("unit",):
            units.canonical_unit(value)
        elif column in ("ncv_unit", "density_unit") and value:
            units.check_ratio_unit(value)
    except CfpError as error:
        key = "factors.csv.hostile" if error.key == "error.text_rejected" else error.key
        return RowProblem(line_no, column, value, key, **error.params)
    if column in NUMBER_COLUMNS and value:
        try:
            number = float(value)
        except ValueError:
            return RowProblem(line_no, column, value, "factors.csv.not_number")
        if not math.isfinite(number) or abs(number) > MAX_ABS_NUMBER or sum(c.isdigit() for c in value) > MAX_DIGITS:
            return RowProblem(line_no, column, value, "factors.csv.not_number")
        if number < 0:
            return RowProblem(line_no, column, value, "factors.csv.negative")
    return _check_choice(line_no, column, value, row)


def known_gases() -> list[str]:
    """Return the gases a factor may be given in: CO2e and every gas of the shipped GWP sets."""
    return sorted({"CO2e"} | {g for s in gwp_sets().values() for g in s.values})


def _check_choice(line_no: int, column: str, value: str, row: dict[str, str]) -> RowProblem | None:
    gases = known_gases()
    if column == "value" and not value and not row.get("carbon_content_tc_per_tj"):
        return RowProblem(line_no, column, value, "factors.csv.value_missing")
    if column == "family" and value not in {f.value for f in FactorFamily}:
        return RowProblem(line_no, column, value, "factors.csv.unknown_family",
                          choices=", ".join(f.value for f in FactorFamily))
    if column == "gas" and value not in gases:
        return RowProblem(line_no, column, value, "factors.csv.unknown_gas", choices=", ".join(gases))
    if column == "confidence" and value and value not in CONFIDENCES:
        return RowProblem(line_no, column, value, "factors.csv.unknown_confidence", choices=", ".join(CONFIDENCES))
    if column in ("verified", "biogenic") and value.lower() not in BOOLEANS:
        return RowProblem(line_no, column, value, "factors.csv.not_bool")
    if column == "vintage" and value and not (value.isdigit() and 1990 <= int(value) <= 2100):
        return RowProblem(line_no, column, value, "factors.csv.not_year")
    if column == "source_url" and value and not value.lower().startswith(("http://", "https://")):
        return RowProblem(line_no, column, value, "factors.csv.bad_url")
    return None


def _from_validation(line_no: int, row: dict[str, str], error: ValidationError) -> list[RowProblem]:
    problems = []
    for item in error.errors():
        column = str(item["loc"][0]) if item["loc"] else "file"
        column = "id" if column == "factor_id" else column
        ctx = {k: v for k, v in (item.get("ctx") or {}).items() if k != "error"}
        cause = (item.get("ctx") or {}).get("error")
        if isinstance(cause, CfpError):
            key, params = cause.key, cause.params
        elif has(f"pyd.{item['type']}"):
            key, params = f"pyd.{item['type']}", ctx
        else:
            key, params = "pyd.other", {"msg": item.get("msg", "")}
        problems.append(RowProblem(line_no, column, row.get(column, ""), key, **params))
    return problems


def checked_factor(line_no: int, row: dict[str, str]) -> tuple[EmissionFactor | None, list[RowProblem]]:
    """Return the factor a row of text cells describes and no problems, or None and every problem."""
    problems = [p for c, v in row.items() if (p := _check_cell(line_no, c, v, row))]
    if problems:
        return None, problems
    try:
        return factor_from_row(row), []
    except ValidationError as error:
        return None, _from_validation(line_no, row, error)


def check_new_set(set_id: str, name_zh: str, taken: Iterable[str] = ()) -> None:
    """Check a new set's id and Chinese name before building it.

    Raises ``FactorSetInvalid`` if the id is malformed or already used, or the name is empty.
    """
    try:
        check_identifier(set_id or "")
    except CfpError as error:
        detail = Msg("factors.new.bad_id", reason=error.params.get("reason", ""))
        raise FactorSetInvalid(set_id=set_id, detail=detail) from None
    if set_id in set(taken):
        raise FactorSetInvalid(set_id=set_id, detail=Msg("factors.new.id_taken"))
    if not (name_zh or "").strip():
        raise FactorSetInvalid(set_id=set_id, detail=Msg("factors.new.name_required"))


def read_factor_set_csv(
    data: bytes, set_id: str, name_zh: str, name_en: str = "", taken: Iterable[str] = (),
) -> FactorSet:
    """Return a new (non-reference) factor set read from CSV bytes.

    Raises ``ImportRejected`` naming every bad row, column and value (malformed file, missing
    or unknown column, duplicate key or id, unknown unit, gas or family, negative or
    non-numeric value, hostile text, bad URL); nothing is returned for a partly bad file.
    Raises ``FactorSetInvalid`` for a bad or ``taken`` set id or an empty name.
    """
    check_new_set(set_id, name_zh, taken)
    (header_no, header), *records = _rows(data)
    problems = _header(header_no, header)
    if problems:
        raise ImportRejected(problems)
    names = [h.lower() for h in header]
    factors: list[EmissionFactor] = []
    first_row: dict[tuple[str, str], int] = {}
    for line_no, cells in records:
        if len(cells) != len(names):
            problems.append(RowProblem(line_no, "—", len(cells), "factors.csv.ragged", expected=len(names)))
            continue
        row = dict(zip(names, cells, strict=True))
        for column in ("key", "id"):
            seen = first_row.setdefault((column, row[column]), line_no)
            if seen != line_no:
                problems.append(RowProblem(line_no, column, row[column], "factors.csv.duplicate", first=seen))
        factor, found = checked_factor(line_no, row)
        problems += found
        if factor is not None:
            factors.append(factor)
    if problems:
        raise ImportRejected(problems)
    return FactorSet(set_id=set_id, name_zh=name_zh, name_en=name_en, version="import", factors=tuple(factors))
