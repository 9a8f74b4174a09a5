"""A supplier's footprint as a factor (#10.6): the "Use as factor" form, the newer-version flags and "Adopt" on
the Supplier footprints page, and the same warning on the Products data-entry tab, in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from cfp_core import store
from cfp_core.access import cli_principal
from cfp_core.editor import create_supplier_factor
from cfp_core.i18n import t
from cfp_core.io import parse_disclosure, save_supplier_disclosure
from cfp_core.models import ActivityLine

ADMIN = cli_principal("weisidemu", "tests")
DATA = Path(__file__).resolve().parents[1] / "data" / "suppliers"
WS = ("WS-TPS-48-900A", "2025")
NEWER = "0b9a4c1e-2222-4a1a-8a1a-000000000002"


def _old():
    return parse_disclosure((DATA / "supplier_a_v3.json").read_bytes(), "supplier_a_v3.json")


def _in_use_then_superseded() -> str:
    """A supplier factor used by one WS line, then the supplier's newer version; return the factor id."""
    db = store.open_db()
    try:
        old = _old()
        factor_id = create_supplier_factor(db, ADMIN, save_supplier_disclosure(db, ADMIN, old), "per_unit",
                                           "cn-cfp-2024", "sup-a", "供应商A")
        inventory = store.load_inventory(db, *WS)
        line = ActivityLine(stage="raw_material_acquisition", activity="电源模块", amount=2.0, unit="piece",
                            factor_ref=factor_id, data_source="supplier_specific")
        store.save_inventory(db, ADMIN, inventory.model_copy(update={
            "lines": (*inventory.lines, line), "factor_set_id": "sup-a", "verification": None, "declared": None}))
        save_supplier_disclosure(db, ADMIN, old.model_copy(update={
            "pf_id": NEWER, "preceding_pf_ids": (old.pf_id,), "pcf_excluding_biogenic": 20.5,
            "raw": {**old.raw, "id": NEWER}}))
        return factor_id
    finally:
        db.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_use_as_factor_creates_a_new_set(page_app, lang):
    db = store.open_db()
    try:
        row = save_supplier_disclosure(db, ADMIN, _old())
    finally:
        db.close()
    at = page_app("suppliers", lang=lang).run()
    assert not at.exception
    assert t("supfactor.use", lang) in [e.label for e in at.expander]
    basis = at.radio(key=f"supfactor_basis_{row}")
    assert basis.options == [t("supfactor.basis.per_unit", lang, unit="piece"), t("supfactor.basis.per_kg", lang)]
    at = basis.set_value("per_kg").run()
    at.selectbox(key="supfactor_base").set_value("cn-cfp-2024").run()
    at = at.button(key="supfactor_create").click().run()
    assert not at.exception
    set_id = f"supplier-{row}-per-kg"
    factor_id = f"{set_id}:supplier.{_old().pf_id}.kg"
    assert t("supfactor.created", lang, factor=factor_id, set=set_id) in [s.value for s in at.success]
    db = store.open_db()
    try:
        assert store.load_factor_set(db, set_id).by_id()[factor_id].value == _old().per_kg
    finally:
        db.close()
    assert t("supfactor.no_updates", lang) in [c.value for c in at.caption]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_newer_version_is_flagged_and_adopted_in_one_click(page_app, lang):
    factor_id = _in_use_then_superseded()
    products = page_app("products", lang=lang, model=WS[0]).run()
    assert not products.exception
    assert any(factor_id in w.value and NEWER in w.value for w in products.warning)
    at = page_app("suppliers", lang=lang).run()
    assert not at.exception
    assert any(s.value == t("supfactor.updates", lang) for s in at.subheader)
    flags = [w.value for w in at.warning if factor_id in w.value]
    assert len(flags) == 1 and NEWER in flags[0]
    adopt = at.button(key=f"supfactor_adopt_{WS[0]}_{WS[1]}_{factor_id}")
    assert adopt.label == t("supfactor.adopt", lang)
    at = adopt.click().run()
    assert not at.exception
    db = store.open_db()
    try:
        revision = store.latest_revision(db, *WS)
        latest = store.load_inventory(db, *WS)
    finally:
        db.close()
    assert any(s.value == t("supfactor.adopted", lang, revision=revision, model=WS[0], period=WS[1]) for s in at.success)
    assert latest.lines[-1].factor_ref != factor_id and NEWER in latest.lines[-1].factor_ref
    assert not [w for w in at.warning if factor_id in w.value]
