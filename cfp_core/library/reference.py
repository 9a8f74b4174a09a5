"""Load the shipped reference data (factor sets, GWP sets) from ``data/``.

The CSV files are hand-transcribed from the sources named in their headers; comment
lines start with ``#``. Fuel factors have no ``value`` column entry: the value is
derived here from carbon content and oxidation rate (``factors.derive_fuel_value``).
"""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

from cfp_core.factors import EmissionFactor, FactorSet, GwpSet, derive_fuel_value

DATA_DIR = Path(__file__).resolve().parents[2] / "data"
FACTOR_DIR = DATA_DIR / "factors"


def read_csv_rows(path: Path) -> list[dict[str, str]]:
    """Return the rows of a CSV file, skipping ``#`` comment lines."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        lines = [line for line in handle if not line.lstrip().startswith("#")]
    return list(csv.DictReader(lines))


def factor_from_row(row: dict[str, str]) -> EmissionFactor:
    """Build an ``EmissionFactor`` from a CSV row (empty cells mean "not given").

    Raises ``pydantic.ValidationError`` for a malformed row.
    """
    data = {k: v.strip() for k, v in row.items() if k and v is not None and v.strip() != ""}
    data["factor_id"] = data.pop("id", data.get("factor_id", ""))
    if "value" not in data and "carbon_content_tc_per_tj" in data:
        data["value"] = derive_fuel_value(
            float(data.get("ncv", "nan")), float(data["carbon_content_tc_per_tj"]),
            float(data.get("oxidation_rate", "1")),
        )
    for flag in ("verified", "biogenic"):
        if flag in data:
            data[flag] = str(data[flag]).lower() in ("true", "1", "yes")
    return EmissionFactor.model_validate(data)


@lru_cache(maxsize=4)
def reference_factor_sets(factor_dir: Path = FACTOR_DIR) -> dict[str, FactorSet]:
    """Return the shipped factor sets, ``{set_id: FactorSet}``, in file order."""
    factors = {f.factor_id: f for f in map(factor_from_row, read_csv_rows(factor_dir / "emission_factors.csv"))}
    members: dict[str, list[EmissionFactor]] = {}
    for row in read_csv_rows(factor_dir / "factor_set_members.csv"):
        members.setdefault(row["set_id"], []).append(factors[row["factor_id"]])
    sets = {}
    for row in read_csv_rows(factor_dir / "factor_sets.csv"):
        sets[row["id"]] = FactorSet(
            set_id=row["id"], name_zh=row["name_zh"], name_en=row.get("name_en", ""),
            version=row.get("version", ""), description_zh=row.get("description_zh", ""),
            description_en=row.get("description_en", ""), reference=True,
            factors=tuple(members.get(row["id"], ())),
        )
    return sets


@lru_cache(maxsize=4)
def reference_factors(factor_dir: Path = FACTOR_DIR) -> dict[str, EmissionFactor]:
    """Return every shipped factor, ``{factor_id: EmissionFactor}``."""
    rows = read_csv_rows(factor_dir / "emission_factors.csv")
    return {f.factor_id: f for f in map(factor_from_row, rows)}


@lru_cache(maxsize=4)
def gwp_sets(path: Path = DATA_DIR / "gwp.csv") -> dict[str, GwpSet]:
    """Return ``{"AR4"|"AR5"|"AR6": GwpSet}`` from ``data/gwp.csv``."""
    rows = read_csv_rows(path)
    return {
        ar.upper(): GwpSet(gwp_id=ar.upper(), values={r["gas"]: float(r[ar]) for r in rows if r.get(ar)})
        for ar in ("ar4", "ar5", "ar6")
    }
