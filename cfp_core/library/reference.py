"""Load the shipped reference data (factor sets, GWP sets) from ``data/``.

The CSV files are hand-transcribed from the sources named in their headers; comment
lines start with ``#``. Fuel factors have no ``value`` column entry: the value is
derived here from carbon content and oxidation rate (``factors.derive_fuel_value``).
"""

from __future__ import annotations

import csv
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from cfp_core.factors import EmissionFactor, FactorBoundary, FactorFamily, FactorSet, GwpSet, derive_fuel_value

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


CPCD_FILE = "cpcd_selected.csv"
CPCD_URL = "https://github.com/leo21468/CarbonCalculator/blob/bebed06283f1b353e8206c0728b715129d2b88a9/data/core.csv"
_CPCD_BOUNDARY = {"摇篮到大门": FactorBoundary.CRADLE_TO_GATE, "摇篮到坟墓": FactorBoundary.CRADLE_TO_GRAVE,
                  "大门到坟墓": FactorBoundary.GATE_TO_GRAVE, "大门到大门": FactorBoundary.GATE_TO_GATE}
_CPCD_UNIT = {"公吨": "t", "千克": "kg", "吉焦": "GJ", "立方米": "m3", "公吨·公里": "tkm", "千瓦时": "kWh", "平方米": "m2"}
_CPCD_SCALE = {"gCO2e": Decimal("0.001"), "kgCO2e": Decimal(1), "tCO2e": Decimal(1000)}
_CPCD_FUELS = {"LPG液化石油气", "NGL天然气凝液", "一般煤油", "原油", "喷气煤油", "天然气", "柴油", "汽油"}
# NCV of the GB/T 32151 default table (FACTORS.md §3.2), so kg of fuel fits a per-GJ combustion factor
_CPCD_NCV = {"柴油": 42.652, "汽油": 43.070, "LPG液化石油气": 50.179}


def cpcd_factor(row: dict[str, str]) -> EmissionFactor:
    """Build one factor from a row of ``cpcd_selected.csv``, kept as published (only scaled to kgCO2e).

    The key is ``cpcd.`` + the product ID without its year, the id the full product ID: two rows with
    one name (厚钢板, 柴油 per kg / t / GJ) stay two factors. Confidence S1, never verified.
    Raises ``KeyError`` for an unknown boundary, unit or numerator.
    """
    cpcd_id, name = row["cpcd_id"].strip(), row["name_zh"].strip()
    boundary, unit = _CPCD_BOUNDARY[row["boundary_zh"].strip()], _CPCD_UNIT[row["per_unit_zh"].strip()]
    value = Decimal(row["value"].strip()) * _CPCD_SCALE[row["numerator"].strip()]
    if unit == "tkm":
        family = FactorFamily.TRANSPORT
    elif name in _CPCD_FUELS:
        family = FactorFamily.FUEL_UPSTREAM if boundary == FactorBoundary.CRADLE_TO_GATE else FactorFamily.FUEL_COMBUSTION
    else:
        family = FactorFamily.MATERIAL
    ncv = _CPCD_NCV.get(name) if unit == "GJ" else None
    note = (f"As published: {row['value'].strip()} {row['numerator'].strip()}/{row['per_unit_zh'].strip()} "
            f"({row['boundary_zh'].strip()}) = {value.normalize():f} kgCO2e/{unit}. 原值 {row['value'].strip()} "
            f"{row['numerator'].strip()}/{row['per_unit_zh'].strip()}（{row['boundary_zh'].strip()}）。")
    if ncv:
        note += f" NCV {ncv} MJ/kg from the GB/T 32151 default table (FACTORS.md §3.2), not from CPCD."
    return EmissionFactor(
        factor_id=f"cpcd_{cpcd_id}", key=f"cpcd.{cpcd_id[:9]}", name_zh=name, name_en=row.get("name_en", "").strip(),
        value=float(value), unit=unit, gas="CO2e", family=family, region="CN", publisher="CPCD core database (copy)",
        source_document=(f"CPCD 中国产品全生命周期温室气体排放系数库 {row['database'].strip()}, product ID {cpcd_id} "
                         f"{name}; copy data/core.csv in github.com/leo21468/CarbonCalculator"),
        source_url=CPCD_URL, vintage=int(row["data_year"]), confidence="S1", verified=False, gwp_basis="publisher",
        boundary=boundary, ncv=ncv, ncv_unit="MJ/kg" if ncv else None, derivation_note=note)


SOURCE_DOCUMENTS_FILE = "source_documents.csv"


def _cpcd_titles(row: dict[str, str]) -> dict[str, str]:
    cpcd_id, name = row["cpcd_id"].strip(), row["name_zh"].strip()
    product = row.get("name_en", "").strip() or cpcd_id
    return {"zh": f"CPCD 中国产品全生命周期温室气体排放系数库 核心数据库，产品编号 {cpcd_id} {name}；"
                  f"副本见 github.com/leo21468/CarbonCalculator 中的 data/core.csv",
            "en": f"CPCD China Products Carbon Footprint Factors Database, core database, product ID {cpcd_id} "
                  f"{product}; copy data/core.csv in github.com/leo21468/CarbonCalculator"}


@lru_cache(maxsize=4)
def source_document_titles(factor_dir: Path = FACTOR_DIR) -> dict[str, dict[str, str]]:
    """Return ``{source_document: {"zh": title, "en": title}}``: ``source_documents.csv`` and the CPCD rows."""
    titles = {r["source_document"]: {"zh": r["zh"], "en": r["en"]}
              for r in read_csv_rows(factor_dir / SOURCE_DOCUMENTS_FILE)}
    for row in read_csv_rows(factor_dir / CPCD_FILE):
        titles[cpcd_factor(row).source_document] = _cpcd_titles(row)
    return titles


def source_document_title(document: str, lang: str = "zh") -> str:
    """Return the title of a shipped factor's source document in ``lang``; any other text as written."""
    titles = source_document_titles().get(document)
    return titles[lang] if titles else document


@lru_cache(maxsize=4)
def cpcd_factors(factor_dir: Path = FACTOR_DIR) -> tuple[EmissionFactor, ...]:
    """Return the shipped CPCD material, fuel and freight factors, in file order."""
    return tuple(map(cpcd_factor, read_csv_rows(factor_dir / CPCD_FILE)))


def _all_factors(factor_dir: Path) -> dict[str, EmissionFactor]:
    factors = {f.factor_id: f for f in map(factor_from_row, read_csv_rows(factor_dir / "emission_factors.csv"))}
    if (factor_dir / CPCD_FILE).exists():
        factors |= {f.factor_id: f for f in cpcd_factors(factor_dir)}
    return factors


@lru_cache(maxsize=4)
def reference_factor_sets(factor_dir: Path = FACTOR_DIR) -> dict[str, FactorSet]:
    """Return the shipped factor sets, ``{set_id: FactorSet}``, in file order.

    A member row ``set_id,cpcd:*`` puts every CPCD factor into the set, except a CPCD entry the set
    already holds under another key (its product ID named in a member's source document).
    """
    factors = _all_factors(factor_dir)
    members: dict[str, list[EmissionFactor]] = {}
    for row in read_csv_rows(factor_dir / "factor_set_members.csv"):
        held = members.setdefault(row["set_id"], [])
        if row["factor_id"] == "cpcd:*":
            named = " ".join(f.source_document for f in held)
            held.extend(f for f in cpcd_factors(factor_dir) if f.factor_id.removeprefix("cpcd_") not in named)
        else:
            held.append(factors[row["factor_id"]])
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
    return _all_factors(factor_dir)


@lru_cache(maxsize=4)
def gwp_sets(path: Path = DATA_DIR / "gwp.csv") -> dict[str, GwpSet]:
    """Return ``{"AR4"|"AR5"|"AR6": GwpSet}`` from ``data/gwp.csv``."""
    rows = read_csv_rows(path)
    return {
        ar.upper(): GwpSet(gwp_id=ar.upper(), values={r["gas"]: float(r[ar]) for r in rows if r.get(ar)})
        for ar in ("ar4", "ar5", "ar6")
    }
