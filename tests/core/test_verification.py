"""Verification means what it says: only the verified calculation is called verified, on every output.

The WS-TPS-48-900A statement (三信国际检测认证有限公司, report T400132-02-2026) covers 93.4346 kgCO2e per
unit under cn-cfp-2024 and AR5. Any other factor set or GWP set is "recalculated, not verified": the
card says so, PACT carries no ``verification``, and the report names the verified figure it departs from.
"""

from __future__ import annotations

import pytest

from cfp_core.publish import build_disclosure
from cfp_core.publish.card.view import card_facts
from cfp_core.publish.pact import pact_v3
from cfp_core.publish.report.sections import cover, verification
from tests.support.product import CARBON

WS = ("WS-TPS-48-900A", "2025")
VERIFIER = "三信国际检测认证有限公司"


def _card_verification(d, lang):
    return dict(card_facts(d, lang))["第三方核查" if lang == "zh" else "Verification"][0]


def test_the_verified_calculation_is_verified_everywhere(seeded_db):
    d = build_disclosure(seeded_db, *WS)
    assert d.total_kg_co2e == pytest.approx(93.4346, abs=5e-5)
    assert d.verification.verifier == VERIFIER and d.recalculated is None
    assert VERIFIER in _card_verification(d, "en") and "T400132-02-2026" in _card_verification(d, "zh")
    assert cover(d, "en", d.verification.verified_on)["verifier"] == VERIFIER
    assert verification(d, "zh")["rows"]
    pcf = pact_v3(d.model_copy(update={"product": d.product.model_copy(update={"product_mass_kg": 1.2, **CARBON})}),
                  pf_id="00000000-0000-4000-8000-000000000001", created="2026-07-01T00:00:00Z")
    assert "verification" in pcf["pcf"]


@pytest.mark.parametrize(("set_id", "gwp"), [("cn-cfp-2023", None), ("cn-co2-org-2023", None), (None, "AR6")])
def test_any_other_calculation_is_recalculated_not_verified(seeded_db, set_id, gwp):
    d = build_disclosure(seeded_db, *WS, set_id=set_id, gwp_id=gwp)
    assert d.verification is None
    assert d.recalculated.verifier == VERIFIER and d.recalculated.verified_total_kg_co2e == 93.4346
    en, zh = _card_verification(d, "en"), _card_verification(d, "zh")
    assert en.startswith("Recalculated, not verified") and "93.4346" in en
    assert zh.startswith("重新计算，未经核查") and "93.4346" in zh
    assert cover(d, "en", d.period.end)["verifier"] == "Recalculated, not verified"
    gap = verification(d, "en")["gap"]
    assert "93.4346" in gap and "cn-cfp-2024" in gap and not verification(d, "en")["rows"]
    pcf = pact_v3(d.model_copy(update={"product": d.product.model_copy(update={"product_mass_kg": 1.2, **CARBON})}),
                  pf_id="00000000-0000-4000-8000-000000000002", created="2026-07-01T00:00:00Z")
    assert "verification" not in pcf["pcf"] and "verification" not in pcf


def test_a_study_never_verified_is_self_declared(seeded_db):
    d = build_disclosure(seeded_db, "WS-TPS-48-600A", "2025")
    assert d.verification is None and d.recalculated is None
    assert _card_verification(d, "en").startswith("Not third-party verified")


def test_the_binding_compares_the_printed_figures(ws_inventory):
    v = ws_inventory.verification
    stages = dict(ws_inventory.declared.stages)
    assert v.binds(ws_inventory, "cn-cfp-2024", "AR5", 93.43456, stages)
    assert not v.binds(ws_inventory, "cn-cfp-2024", "AR5", 93.4348, stages)  # another number
    assert not v.binds(ws_inventory, "cn-cfp-2023", "AR5", 93.4346, stages)  # another factor set
    moved = {**stages, next(iter(stages)): next(iter(stages.values())) + 0.001}
    assert not v.binds(ws_inventory, "cn-cfp-2024", "AR5", 93.4346, moved)  # a stage moved


def test_a_statement_without_verified_figures_verifies_nothing(ws_inventory):
    bare = ws_inventory.model_copy(update={"declared": None})
    assert not bare.verification.binds(bare, "cn-cfp-2024", "AR5", 93.4346, dict(ws_inventory.declared.stages))
