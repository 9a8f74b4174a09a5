"""Bill-of-materials import: parts with material, mass and freight become raw-material and transport lines.

A BOM row (part, material, mass per unit, supplier, optional distance and mode) gives one
raw-material-acquisition line (the mass, valued with the material's factor) and, with a distance,
one raw-material-transport line (mass in t × distance in km = t·km, valued with the mode's freight
factor). Materials and modes are mapped to factor refs by the caller's mapping (remembered per
organisation in the store); unmapped ones are listed, never guessed. Headers may be English or
Chinese. Each line's note records its BOM row, so the lines read back into the same BOM (``bom_rows``).
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import Field, TypeAdapter

from cfp_core import units
from cfp_core.errors import ImportRejected, RowProblem
from cfp_core.i18n import t
from cfp_core.io import tabular
from cfp_core.io.rows import _Row
from cfp_core.models import ActivityLine, DataSourceType, Frozen, LifecycleStage

BOM_COLUMNS = ("part", "material", "mass_per_unit", "mass_unit", "supplier", "distance_km", "transport_mode")
REQUIRED = ("part", "material", "mass_per_unit")
HEADERS_ZH = {"零件": "part", "部件": "part", "材料": "material", "单件质量": "mass_per_unit", "质量单位": "mass_unit",
              "供应商": "supplier", "运输距离（km）": "distance_km", "运输距离(km)": "distance_km",
              "运输距离": "distance_km", "运输方式": "transport_mode"}
_NUMBER = TypeAdapter(float)
_TAG = re.compile(r"\[BOM (?P<body>[^\]]*)\]")


class BomPart(Frozen):
    """One BOM row as read: mass in kg per declared unit, distance in km (None: no freight given)."""

    row: int
    part: str
    material: str
    mass_kg: float = Field(gt=0, le=1e7)
    supplier: str = ""
    distance_km: float | None = Field(default=None, gt=0, le=1e6)
    mode: str = ""


class BomResult(Frozen):
    """The lines a BOM gives, and the materials and modes still to map (then no lines for those parts)."""

    parts: tuple[BomPart, ...]
    lines: tuple[ActivityLine, ...]
    unmapped_materials: tuple[str, ...] = ()
    unmapped_modes: tuple[str, ...] = ()


def read_bom(data: bytes, filename: str) -> list[BomPart]:
    """Return the parts of a BOM file (.csv or .xlsx). Raises ``ImportRejected`` listing every bad cell."""
    header, numbered = tabular.read_rows(data, filename, columns=(*BOM_COLUMNS, *HEADERS_ZH))
    names = [HEADERS_ZH.get(h.strip(), h.strip()) for h in header]
    missing = [c for c in REQUIRED if c not in names]
    if missing:
        raise ImportRejected([RowProblem(1, c, "", "io.problem.missing_column") for c in missing])
    parts, problems = [], []
    for number, cells in numbered:
        row = _Row(number, {HEADERS_ZH.get(str(k).strip(), str(k).strip().lower()): v for k, v in cells.items()})
        part, material = row.text("part", required=True), row.text("material", required=True)
        mass = row.number("mass_per_unit", _NUMBER)
        unit = row.raw("mass_unit") or "kg"
        distance = row.number("distance_km", _NUMBER, required=False)
        mode = row.text("transport_mode") or ""
        kg = _to_kg(row, mass, unit)
        if distance is not None and distance <= 0:
            row.fail("distance_km", "bom.problem.distance")
        if distance and not mode:
            row.fail("transport_mode", "bom.problem.mode")
        if not row.problems and part and material and kg:
            parts.append(BomPart(row=number, part=part, material=material, mass_kg=kg,
                                 supplier=row.text("supplier") or "", distance_km=distance or None, mode=mode))
        problems += row.problems
    if problems:
        raise ImportRejected(problems)
    return parts


def _to_kg(row: _Row, mass: float | None, unit: str) -> float | None:
    if mass is None:
        return None
    if mass <= 0:
        row.fail("mass_per_unit", "bom.problem.mass")
        return None
    try:
        return units.convert(mass, str(unit), "kg")
    except (units.UnknownUnit, units.UnitMismatch):
        row.fail("mass_unit", "bom.problem.mass_unit")
        return None


def bom_lines(parts: list[BomPart], mapping: dict[tuple[str, str], str], data_source: DataSourceType) -> BomResult:
    """Return the lines of ``parts`` under ``mapping`` ``{("material"|"mode", text): factor ref}``.

    A part whose material or mode is unmapped gives no line; the texts are listed to be mapped.
    """
    lines, materials, modes = [], [], []
    for part in parts:
        material_ref = mapping.get(("material", part.material))
        mode_ref = mapping.get(("mode", part.mode)) if part.distance_km else None
        if material_ref is None:
            materials.append(part.material)
        if part.distance_km and mode_ref is None:
            modes.append(part.mode)
        if material_ref is None or (part.distance_km and mode_ref is None):
            continue
        tag = _tag(part)
        lines.append(ActivityLine(stage=LifecycleStage.RAW_MATERIAL_ACQUISITION, activity=f"{part.part} · {part.material}",
                                  amount=part.mass_kg, unit="kg", factor_ref=material_ref, data_source=data_source,
                                  note=tag))
        if part.distance_km:
            tkm = part.mass_kg / 1000 * part.distance_km
            note = t("bom.note.tkm", "zh", mass=f"{part.mass_kg:g}", distance=f"{part.distance_km:g}", tkm=f"{tkm:g}")
            note += " / " + t("bom.note.tkm", "en", mass=f"{part.mass_kg:g}", distance=f"{part.distance_km:g}",
                              tkm=f"{tkm:g}")
            lines.append(ActivityLine(stage=LifecycleStage.RAW_MATERIAL_TRANSPORT,
                                      activity=f"{part.part} · {part.mode}", amount=tkm, unit="tkm",
                                      factor_ref=mode_ref, data_source=data_source, note=f"{note} {tag}"))
    return BomResult(parts=tuple(parts), lines=tuple(lines), unmapped_materials=tuple(dict.fromkeys(materials)),
                     unmapped_modes=tuple(dict.fromkeys(modes)))


def _tag(part: BomPart) -> str:
    fields = {"part": part.part, "material": part.material, "mass_kg": repr(part.mass_kg), "supplier": part.supplier,
              "distance_km": "" if part.distance_km is None else repr(part.distance_km), "mode": part.mode}
    return "[BOM " + " | ".join(f"{k}={v.replace('|', '/').replace(']', ')')}" for k, v in fields.items()) + "]"


def bom_rows(lines: list[ActivityLine]) -> list[dict[str, Any]]:
    """Return the BOM rows that lines written by ``bom_lines`` came from (one per part, file order)."""
    rows = []
    for line in lines:
        match = _TAG.search(line.note)
        if match is None or line.stage != LifecycleStage.RAW_MATERIAL_ACQUISITION:
            continue
        fields = dict(item.split("=", 1) for item in match.group("body").split(" | "))
        rows.append({"part": fields["part"], "material": fields["material"], "mass_per_unit": float(fields["mass_kg"]),
                     "mass_unit": "kg", "supplier": fields["supplier"],
                     "distance_km": float(fields["distance_km"]) if fields["distance_km"] else "",
                     "transport_mode": fields["mode"]})
    return rows


def bom_template_bytes(fmt: str, lang: str = "zh") -> bytes:
    """Return a BOM template with headers in ``lang`` and two example rows. Raises ``ValueError`` for another format."""
    headers = tuple(t(f"bom.col.{c}", lang) for c in BOM_COLUMNS)
    examples = [("外壳", "冷轧钢板及钢带", 2.4, "kg", "示例钢厂", 350, "重型柴油货车"),
                ("包装箱", "箱纸板", 0.6, "kg", "示例纸箱厂", 80, "轻型柴油货车")] if lang == "zh" else [
                ("Housing", "cold-rolled steel sheet", 2.4, "kg", "Example steel mill", 350, "heavy diesel truck"),
                ("Carton", "containerboard", 0.6, "kg", "Example carton maker", 80, "light diesel truck")]
    rows = [dict(zip(headers, example, strict=True)) for example in examples]
    if fmt == "csv":
        return tabular.csv_bytes(rows, headers)
    if fmt == "xlsx":
        return tabular.xlsx_bytes(rows, headers, instructions=False)
    raise ValueError(f"unknown format {fmt!r}; use 'csv' or 'xlsx'")
