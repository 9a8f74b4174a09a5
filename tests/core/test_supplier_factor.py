"""A supplier's footprint as a factor (#10.6): exact values, the disclosure as its source, per kg only with a
mass, lines that use it, and adopting the supplier's newer version as one new revision."""

from __future__ import annotations

from pathlib import Path

import pytest

from cfp_core import service, store
from cfp_core.access import cli_principal
from cfp_core.editor import (
    SupplierFactorRefused,
    adopt_supplier_update,
    create_supplier_factor,
    supplier_factor_fields,
    supplier_factor_updates,
)
from cfp_core.i18n import t
from cfp_core.io import list_supplier_disclosures, parse_disclosure, save_supplier_disclosure
from cfp_core.models import ActivityLine, DataSourceType

EDITOR = cli_principal("weisidemu", "tests")
DATA = Path(__file__).resolve().parents[1] / "data" / "suppliers"
WS = ("WS-TPS-48-900A", "2025")


def sample(name: str = "supplier_a_v3"):
    return parse_disclosure((DATA / f"{name}.json").read_bytes(), f"{name}.json")


def stored(db, disclosure_id: int):
    return next(s for s in list_supplier_disclosures(db) if s.id == disclosure_id)


def newer_of(old, value: float):
    """The supplier's next version of ``old``: a new id that names the old one in precedingPfIds."""
    pf_id = "0b9a4c1e-2222-4a1a-8a1a-000000000002"
    return old.model_copy(update={"pf_id": pf_id, "preceding_pf_ids": (old.pf_id,), "pcf_excluding_biogenic": value,
                                  "created": "2027-01-10T08:00:00Z", "raw": {**old.raw, "id": pf_id}})


def use_factor(db, factor_id: str, set_id: str, amounts=(2.5, 4.0)) -> int:
    """Give the WS inventory lines that use ``factor_id`` (under its set); return the saved revision."""
    inventory = store.load_inventory(db, *WS)
    lines = [ActivityLine(stage="raw_material_acquisition", activity=f"电源模块 {n}", amount=a, unit="piece", factor_ref=factor_id,
                          data_source=DataSourceType.SUPPLIER_SPECIFIC) for n, a in enumerate(amounts, start=1)]
    changed = inventory.model_copy(update={"lines": (*inventory.lines, *lines), "factor_set_id": set_id,
                                           "verification": None, "declared": None})
    return store.save_inventory(db, EDITOR, changed, comment="supplier parts")


def test_factor_values_equal_the_disclosure_exactly_with_its_provenance(seeded_db):
    d = sample()
    row = save_supplier_disclosure(seeded_db, EDITOR, d)
    unit_id = create_supplier_factor(seeded_db, EDITOR, row, "per_unit", "cn-cfp-2024", "sup-a-unit", "供应商A")
    kg_id = create_supplier_factor(seeded_db, EDITOR, row, "per_kg", "cn-cfp-2024", "sup-a-kg", "供应商A每千克")
    per_unit = store.load_factor_set(seeded_db, "sup-a-unit").by_id()[unit_id]
    per_kg = store.load_factor_set(seeded_db, "sup-a-kg").by_id()[kg_id]
    assert per_unit.value == d.per_unit == 26.962826674016668 and per_unit.unit == "piece"
    assert per_kg.value == d.per_kg and per_kg.unit == "kg"
    assert d.pf_id in per_unit.source_document and d.pf_id in per_unit.derivation_note
    assert d.supplier == per_unit.publisher and per_unit.gwp_basis == "AR5" and per_unit.boundary == "cradle_to_gate"
    assert "technologicalDQR 2.4027075152296704" in per_unit.source_document and "Cradle-to-gate" in per_unit.source_document
    assert not per_unit.verified and "by hand" not in per_unit.derivation_note
    assert len(store.load_factor_set(seeded_db, "sup-a-unit").factors) == len(
        store.load_factor_set(seeded_db, "cn-cfp-2024").factors) + 1  # the base set plus one; the base unchanged
    records = list(seeded_db.query("select factor_id, disclosure_id, pf_id, basis from supplier_factors order by id"))
    assert records == [{"factor_id": unit_id, "disclosure_id": row, "pf_id": d.pf_id, "basis": "per_unit"},
                       {"factor_id": kg_id, "disclosure_id": row, "pf_id": d.pf_id, "basis": "per_kg"}]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_per_kg_is_refused_without_a_mass(seeded_db, lang):
    row = save_supplier_disclosure(seeded_db, EDITOR, sample().model_copy(update={"mass_kg_per_unit": None}))
    before = len(store.list_factor_sets(seeded_db))
    with pytest.raises(SupplierFactorRefused) as error:
        create_supplier_factor(seeded_db, EDITOR, row, "per_kg", "cn-cfp-2024", "sup-kg", "供应商")
    assert error.value.message(lang) == t("supfactor.error.no_mass", lang, id=row, supplier="华东电源科技有限公司")
    assert "productMassPerDeclaredUnit" in error.value.message(lang)
    assert len(store.list_factor_sets(seeded_db)) == before  # nothing written
    assert supplier_factor_fields(stored(seeded_db, row), "per_unit")["value"] == repr(sample().per_unit)


def test_a_line_using_it_calculates_supplier_value_times_amount(seeded_db):
    row = save_supplier_disclosure(seeded_db, EDITOR, sample())
    factor_id = create_supplier_factor(seeded_db, EDITOR, row, "per_unit", "cn-cfp-2024", "sup-a", "供应商A")
    use_factor(seeded_db, factor_id, "sup-a", amounts=(2.5,))
    inventory = store.load_inventory(seeded_db, *WS)
    result = service.footprint_of(seeded_db, inventory).lines[-1]
    assert result.factor_id == factor_id and result.kg_co2e == 26.962826674016668 * 2.5
    assert inventory.lines[-1].data_source == DataSourceType.SUPPLIER_SPECIFIC


def test_supersession_flags_exactly_the_lines_using_the_old_factor_and_adopt_saves_one_revision(seeded_db):
    old = sample()
    row = save_supplier_disclosure(seeded_db, EDITOR, old)
    factor_id = create_supplier_factor(seeded_db, EDITOR, row, "per_unit", "cn-cfp-2024", "sup-a", "供应商A")
    use_factor(seeded_db, factor_id, "sup-a")
    assert supplier_factor_updates(seeded_db) == []
    newer = save_supplier_disclosure(seeded_db, EDITOR, newer_of(old, 20.5))
    before = store.load_inventory(seeded_db, *WS)
    flags = supplier_factor_updates(seeded_db)
    n = len(before.lines)
    assert [(f.model_code, f.period, f.line_no, f.factor_id, f.newer_id) for f in flags] == [
        (*WS, n - 1, factor_id, newer), (*WS, n, factor_id, newer)]
    revisions = len(store.inventory_revisions(seeded_db, *WS))
    revision = adopt_supplier_update(seeded_db, EDITOR, *WS, factor_id)
    assert len(store.inventory_revisions(seeded_db, *WS)) == revisions + 1
    after = store.load_inventory(seeded_db, *WS)
    new_set = store.load_factor_set(seeded_db, after.factor_set_id)
    new_factor = next(f for f in new_set.factors if f.factor_id == after.lines[-1].factor_ref)
    assert new_factor.value == 20.5 and newer_of(old, 20.5).pf_id in new_factor.source_document
    assert after.lines[:-2] == before.lines[:-2]
    assert [line.model_copy(update={"factor_ref": factor_id}) for line in after.lines[-2:]] == list(before.lines[-2:])
    assert after.model_copy(update={"lines": before.lines, "factor_set_id": "sup-a"}) == before  # nothing else changed
    comment = store.inventory_revisions(seeded_db, *WS)[0]
    assert comment["revision"] == revision and old.pf_id in comment["comment"] and newer_of(old, 20.5).pf_id in comment["comment"]
    assert supplier_factor_updates(seeded_db) == []
    assert service.footprint_of(seeded_db, after).lines[-1].kg_co2e == 20.5 * 4.0
