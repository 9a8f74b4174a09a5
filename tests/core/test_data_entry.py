"""#11 data entry: drafts keep what was typed, CPCD factors as published, boundary warnings, pint units, import preview."""

from __future__ import annotations

import csv
import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cfp_core import editor, units
from cfp_core.calculate import calculate_footprint
from cfp_core.editor import draft_of, draft_table, editor_state, has_unsaved_edits, import_preview, parse_amount
from cfp_core.factors import FactorBoundary, FactorFamily
from cfp_core.library import reference_factor_sets
from cfp_core.models import ActivityLine, Inventory, ReportingPeriod

ROOT = Path(__file__).resolve().parents[2]
WS = ("WS-TPS-48-900A", "2025")
SHARED = Path("/work/shared/reference/CPCD_SELECTED.csv")


# ---- drafts ------------------------------------------------------------------------------------

def test_a_draft_is_the_same_in_both_languages_and_keeps_bad_text(seeded_db):
    state = editor_state(seeded_db, *WS)
    frame = editor.editor_frame(state, "zh")
    frame.loc[0, "amount"] = "-5"
    frame.loc[1, "unit"] = "furlongs"
    frame.loc[2, "stage"] = "装配"  # no such stage: kept as typed
    records = draft_of(state, frame)
    assert (records[0]["amount"], records[1]["unit"], records[2]["stage"]) == ("-5", "furlongs", "装配")
    assert records[3]["stage"] == "production" and records[3]["factor"] == "electricity.cn.national"
    english = draft_table(state, records, "en")
    assert english.loc[3, "stage"] == "Production" and english.loc[0, "data_source"] == "Proxy"
    assert draft_of(state, english) == records  # language-neutral: a switch changes nothing
    assert has_unsaved_edits(state, records) and not has_unsaved_edits(state, draft_of(state, editor.editor_frame(state, "en")))


@pytest.mark.parametrize(("text", "value"), [("41.62195", 41.62195), ("１２", 12.0), ("2e3", 2000.0), (" 7 ", 7.0)])
def test_amounts_read_back_exactly(text, value):
    assert parse_amount(text) == value


@pytest.mark.parametrize("text", ["1,500", "1，5", "abc", "5 kg", "", True])
def test_amounts_are_never_guessed(text):
    with pytest.raises(ValueError):
        parse_amount(text)


@given(st.floats(min_value=0, max_value=1e7, allow_nan=False))
def test_amount_text_round_trips(value):
    assert parse_amount(editor.amount_text(value)) == value


# ---- CPCD factors --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def cpcd():
    return reference_factor_sets()["cpcd-2026"]


def test_every_cpcd_row_is_its_own_provisional_factor_as_published(cpcd):
    rows = list(csv.DictReader(open(ROOT / "data/factors/cpcd_selected.csv", encoding="utf-8").readlines()[3:]))
    assert len(cpcd.factors) == len(rows) == 116
    if SHARED.exists():  # the shipped copy is the selection, verbatim
        shared = list(csv.DictReader(open(SHARED, encoding="utf-8")))
        assert [{k: v for k, v in r.items() if k != "name_en"} for r in rows] == shared
    scale = {"gCO2e": 1e-3, "kgCO2e": 1.0, "tCO2e": 1e3}
    by_id = cpcd.by_id()
    for row in rows:
        factor = by_id[f"cpcd_{row['cpcd_id']}"]
        assert math.isclose(factor.value, float(row["value"]) * scale[row["numerator"]], rel_tol=1e-12)
        assert factor.confidence == "S1" and not factor.verified and factor.vintage == int(row["data_year"])
        assert row["cpcd_id"] in factor.source_document and factor.boundary is not None
        assert factor.name_en and not any("\u4e00" <= c <= "\u9fff" for c in factor.name_en)


def test_same_names_stay_apart_with_their_year_and_boundary(cpcd):
    diesel = [f for f in cpcd.factors if f.name_zh == "柴油"]
    assert {(f.unit, f.boundary, f.vintage) for f in diesel} == {
        ("kg", FactorBoundary.CRADLE_TO_GATE, 2022), ("t", FactorBoundary.CRADLE_TO_GATE, 2024),
        ("GJ", FactorBoundary.GATE_TO_GRAVE, 2025)}
    assert {f.family for f in diesel} == {FactorFamily.FUEL_UPSTREAM, FactorFamily.FUEL_COMBUSTION}
    assert len([f for f in cpcd.factors if f.name_zh == "厚钢板"]) == 2


def test_freight_by_mode_per_tkm(cpcd):
    freight = [f for f in cpcd.factors if f.family == FactorFamily.TRANSPORT]
    assert all(f.unit == "tkm" for f in freight)
    names = " ".join(f.name_en for f in freight)
    for mode in ("Heavy diesel truck", "Light", "Rail", "Inland waterway", "Coastal and ocean shipping"):
        assert mode in names
    assert cpcd.by_id()["cpcd_65229X0052024C"].value == pytest.approx(0.002134)


def test_the_combined_set_holds_electricity_and_cpcd_without_a_duplicate_entry():
    combined = reference_factor_sets()["cn-cfp-2024-cpcd"]
    assert "electricity.cn.national" in combined.by_key() and "cpcd.41212X012" in combined.by_key()
    assert "cpcd_65111X0022024C" not in combined.by_id()  # already there as the cold-chain truck
    assert len(combined.factors) == 17 + 115


def _line(stage, key, amount, unit, source="primary_measured"):
    return ActivityLine(stage=stage, activity="x", amount=amount, unit=unit, factor_ref=key, data_source=source)


def test_boundary_warnings(ar5):
    combined = reference_factor_sets()["cn-cfp-2024-cpcd"]
    inventory = Inventory(model_code="M", period=ReportingPeriod.year(2025), factor_set_id=combined.set_id, lines=(
        _line("raw_material_acquisition", "cpcd.41212X012", 0.002, "t"),  # steel plate, cradle to gate: fine
        _line("raw_material_acquisition", "cpcd.34740F005", 0.001, "t"),  # gate-to-gate polypropylene
        _line("production", "cpcd.33360X001", 1.0, "kg"),  # diesel, upstream only
        _line("production", "cpcd.33360X002", 1.0, "kg"),  # diesel combustion per GJ, via the stated NCV
        _line("distribution", "cpcd.65119X028", 0.5, "tkm"),  # freight, cradle to grave: fine
    ))
    footprint = calculate_footprint(inventory, combined, ar5)
    keys = {(k, p["line"]) for k, p in footprint.warnings if k.startswith("warn.factor_boundary")}
    assert keys == {("warn.factor_boundary.gate_to_gate", 2), ("warn.factor_boundary.upstream_fuel", 3)}
    assert footprint.lines[3].kg_co2e == pytest.approx(42.652e-3 * 74.1)


# ---- units through pint ----------------------------------------------------------------------------

EQUIVALENT = [("GWh", "kWh", 1e6), ("MWh", "kWh", 1e3), ("TJ", "MJ", 1e6), ("lb", "kg", 0.45359237),
              ("short_ton", "kg", 907.18474), ("t*mi", "tkm", 1.609344), ("US_gallon", "L", 3.785411784)]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(EQUIVALENT), st.floats(min_value=1e-6, max_value=5.0))
def test_prefixed_and_imperial_units_give_the_kg_co2e_of_their_si_equivalent(ar5, pair, amount):
    unit, si, per = pair
    factors = reference_factor_sets()["cn-cfp-2024-cpcd"]
    key = {"kWh": "electricity.cn.national", "MJ": "fuel.diesel", "kg": "cpcd.41122A005", "tkm": "cpcd.65119X028",
           "L": None}[si]
    if key is None:  # no per-litre factor ships: a custom one is the same thing
        from cfp_core.models import CustomFactor
        custom = CustomFactor(value=2.0, unit="L", source="test")
        make = lambda a, u: ActivityLine(stage="production", activity="x", amount=a, unit=u, custom_factor=custom,  # noqa: E731
                                         data_source="proxy")
    else:
        make = lambda a, u: _line("production", key, a, u)  # noqa: E731
    period = ReportingPeriod.year(2025)
    one = calculate_footprint(Inventory(model_code="M", period=period, lines=(make(amount, unit),)), factors, ar5)
    two = calculate_footprint(Inventory(model_code="M", period=period, lines=(make(amount * per, si),)), factors, ar5)
    assert one.total_kg_co2e == pytest.approx(two.total_kg_co2e, rel=1e-9)
    assert units.canonical_unit(unit) == units.canonical_unit(units.canonical_unit(unit))


# ---- import preview ------------------------------------------------------------------------------

def test_import_preview_counts_and_totals(seeded_db):
    from cfp_core import store

    stored = store.load_inventory(seeded_db, *WS)
    changed = stored.model_copy(update={"lines": (stored.lines[0].model_copy(update={"amount": 50.0}), *stored.lines[1:3])})
    [replace], diffs = import_preview(seeded_db, [changed], "replace", "en")
    assert (replace.lines_before, replace.lines_after, replace.added, replace.changed, replace.removed) == (6, 3, 0, 1, 3)
    assert replace.kg_before == pytest.approx(93.4346, abs=5e-5) and replace.kg_after < replace.kg_before
    [append], _ = import_preview(seeded_db, [changed], "append", "en")
    assert (append.lines_after, append.added, append.removed) == (9, 3, 0)
    assert len(diffs[WS]) >= 4
    with pytest.raises(ValueError):
        import_preview(seeded_db, [changed], "merge", "en")
    assert store.latest_revision(seeded_db, *WS) == 1  # a preview writes nothing


# ---- missing stages ---------------------------------------------------------------------------------

def test_stage_coverage_entered_excluded_missing(ws_inventory, set_2024, ar5):
    from cfp_core.models import StageStatus, stage_coverage

    coverage = stage_coverage(ws_inventory)
    assert coverage["use"] == StageStatus.EXCLUDED  # left out of the boundary with a reason (report: "/")
    assert {s for s, v in coverage.items() if v == StageStatus.ENTERED} == {
        "raw_material_acquisition", "raw_material_transport", "production", "distribution", "end_of_life"}
    emptied = ws_inventory.model_copy(update={"lines": tuple(x for x in ws_inventory.lines if x.stage != "end_of_life")})
    assert stage_coverage(emptied)["end_of_life"] == StageStatus.MISSING  # included, no lines: not a 0
    footprint = calculate_footprint(emptied, set_2024, ar5)
    assert footprint.missing_stages == ("end_of_life",)
    assert ("warn.stage_missing.end_of_life", {}) in footprint.warnings
    from cfp_core import analysis
    assert math.isnan(analysis.per_unit_values(footprint, None)["end_of_life"])


def test_a_missing_stage_blocks_publishing_and_shows_on_the_card(seeded_db):
    from cfp_core import store
    from cfp_core.access import cli_principal
    from cfp_core.publish import build_disclosure, readiness
    from cfp_core.publish.card.view import card_facts

    stored = store.load_inventory(seeded_db, *WS)
    store.save_inventory(seeded_db, cli_principal("weisidemu"), stored.model_copy(update={
        "lines": tuple(x for x in stored.lines if x.stage != "end_of_life")}))
    disclosure = build_disclosure(seeded_db, *WS)
    checks = readiness(disclosure)
    assert [c.level for c in checks["report"] if c.id == "exclusions"] == ["blocking"]
    assert [c.level for c in checks["card"] if c.id == "exclusions"] != ["ok"]
    facts = dict(card_facts(disclosure, "en"))
    assert any("Missing (no data, no reason given): End of life" in line for line in next(iter(facts.values())))
    zh = dict(card_facts(disclosure, "zh"))
    assert any("缺失" in line and "产品处置" in line for line in next(iter(zh.values())))


# ---- allocation --------------------------------------------------------------------------------------

PLANT = dict(stage="production", activity="车间电力 Workshop electricity", unit="kWh",
             factor_ref="electricity.cn.national", data_source="primary_measured")


@settings(max_examples=200, deadline=None)
@given(st.floats(min_value=1e-3, max_value=1e9),
       st.lists(st.tuples(st.floats(min_value=1e-3, max_value=1e7), st.floats(min_value=1e-3, max_value=1e7)),
                min_size=1, max_size=12),
       st.sampled_from(["units", "mass"]))
def test_allocated_amounts_sum_to_the_plant_total_for_any_outputs(total, outputs, basis):
    from cfp_core.editor import ModelOutput, PlantQuantity, allocate

    plant = PlantQuantity(amount=total, **PLANT)
    result = allocate(plant, [ModelOutput(model_code=f"M{n}", units=u, mass_kg=m) for n, (u, m) in enumerate(outputs)],
                      basis)
    assert math.fsum(s.share for s in result.shares) == pytest.approx(1.0, rel=1e-12)
    assert math.fsum(s.per_unit * o.units for s, o in zip(result.shares, result.outputs, strict=True)) == pytest.approx(
        total, rel=1e-9)
    assert all(s.per_unit >= 0 for s in result.shares)


def test_allocation_writes_per_unit_lines_with_arithmetic_and_reallocates(seeded_db):
    from cfp_core import store
    from cfp_core.access import local_admin
    from cfp_core.editor import ModelOutput, PlantQuantity, allocate, write_allocation

    period = ReportingPeriod.year(2026)
    plant = PlantQuantity(amount=12000, **PLANT)
    result = allocate(plant, [ModelOutput(model_code="WS-TPS-48-900A", units=300),
                              ModelOutput(model_code="WS-TPS-48-600A", units=700)])
    assert [s.per_unit for s in result.shares] == [12.0, 12.0]  # by units: every unit carries the same
    admin = local_admin("weisidemu")
    saved = write_allocation(seeded_db, admin, result, period)
    assert [m for m, _ in saved] == ["WS-TPS-48-900A", "WS-TPS-48-600A"]
    inventory = store.load_inventory(seeded_db, "WS-TPS-48-900A", "2026")
    [line] = inventory.lines
    assert line.amount == 12.0 and "12000 kWh × 300 / 1000" in line.note and "按产量分配" in line.note
    assert "allocated to models by units produced" in inventory.boundary.allocation_rule
    corrected = allocate(plant, [ModelOutput(model_code="WS-TPS-48-900A", units=400, mass_kg=4000),
                                 ModelOutput(model_code="WS-TPS-48-600A", units=600, mass_kg=12000)], "mass")
    write_allocation(seeded_db, admin, corrected, period)
    again = store.load_inventory(seeded_db, "WS-TPS-48-900A", "2026")
    assert len(again.lines) == 1 and again.lines[0].amount == pytest.approx(12000 * 4000 / 16000 / 400)
    assert store.latest_revision(seeded_db, "WS-TPS-48-900A", "2026") == 2
    assert "by produced mass" in again.boundary.allocation_rule


# ---- bill of materials -----------------------------------------------------------------------------

BOM_CSV = ("零件,材料,单件质量,质量单位,供应商,运输距离（km）,运输方式\n"
           "外壳,冷轧钢板,2.4,kg,甲钢厂,350,重型柴油货车\n"
           "螺钉,冷轧钢板,25,g,乙五金,,\n"
           "包装箱,箱纸板,0.6,kg,丙纸箱,80,轻型柴油货车\n").encode()
MAPPING = {("material", "冷轧钢板"): "cpcd.41265X036", ("material", "箱纸板"): "cpcd.32153X265",
           ("mode", "重型柴油货车"): "cpcd.65119X028", ("mode", "轻型柴油货车"): "cpcd.65119X036"}


def test_a_bom_becomes_material_and_freight_lines_and_reads_back(ar5):
    from cfp_core import io

    parts = io.read_bom(BOM_CSV, "bom.csv")
    assert [p.mass_kg for p in parts] == [2.4, 0.025, 0.6]
    result = io.bom_lines(parts, MAPPING, "supplier_specific")
    assert not result.unmapped_materials and not result.unmapped_modes
    assert [(x.stage.value, x.unit) for x in result.lines] == [
        ("raw_material_acquisition", "kg"), ("raw_material_transport", "tkm"), ("raw_material_acquisition", "kg"),
        ("raw_material_acquisition", "kg"), ("raw_material_transport", "tkm")]
    assert result.lines[1].amount == pytest.approx(2.4 / 1000 * 350) and "2.4 kg × 350 km" in result.lines[1].note
    rows = io.bom_rows(list(result.lines))
    again = io.read_bom("\n".join([",".join(io.bom.BOM_COLUMNS)] + [
        ",".join(str(r[c]) for c in io.bom.BOM_COLUMNS) for r in rows]).encode(), "again.csv")
    assert [p.model_dump(exclude={"row"}) for p in again] == [p.model_dump(exclude={"row"}) for p in parts]
    inventory = Inventory(model_code="M", period=ReportingPeriod.year(2025), lines=result.lines)
    footprint = calculate_footprint(inventory, reference_factor_sets()["cn-cfp-2024-cpcd"], ar5)
    assert footprint.stage("raw_material_acquisition").kg_co2e == pytest.approx((2.4 + 0.025) * 2.6 + 0.6 * 0.418)


def test_unmapped_materials_and_modes_are_listed_not_guessed():
    from cfp_core import io

    result = io.bom_lines(io.read_bom(BOM_CSV, "bom.csv"), {("material", "冷轧钢板"): "cpcd.41265X036"}, "proxy")
    assert result.unmapped_materials == ("箱纸板",) and result.unmapped_modes == ("重型柴油货车", "轻型柴油货车")
    assert [x.activity for x in result.lines] == ["螺钉 · 冷轧钢板"]  # only the part with everything mapped


@pytest.mark.parametrize(("row", "column"), [("外壳,钢,-1,kg,,,", "mass_per_unit"), ("外壳,钢,1,furlongs,,,", "mass_unit"),
                                             ("外壳,钢,1,kg,,350,", "transport_mode"), (",钢,1,kg,,,", "part")])
def test_bad_bom_rows_are_named(row, column):
    from cfp_core import io
    from cfp_core.errors import ImportRejected

    with pytest.raises(ImportRejected) as caught:
        io.read_bom(BOM_CSV.split(b"\n")[0] + b"\n" + row.encode(), "bad.csv")
    problem = caught.value.problems[0]
    assert (problem.row, problem.column) == (2, column) and problem.message("zh") != problem.message("en")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_bom_templates_in_both_languages_read_back(lang):
    from cfp_core import io

    for fmt in ("csv", "xlsx"):
        parts = io.read_bom(io.bom_template_bytes(fmt, lang), f"t.{fmt}")
        assert len(parts) == 2 and parts[0].distance_km == 350


def test_bom_mappings_are_remembered_per_organisation(seeded_db):
    from cfp_core import store
    from cfp_core.access import local_admin

    assert store.save_bom_mappings(seeded_db, local_admin("weisidemu"), "weisidemu", MAPPING) == 4
    assert store.save_bom_mappings(seeded_db, local_admin("weisidemu"), "weisidemu", MAPPING) == 0  # unchanged
    assert store.bom_mappings(seeded_db, "weisidemu") == MAPPING and store.bom_mappings(seeded_db, "other") == {}
