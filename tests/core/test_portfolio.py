"""The vectorised portfolio path gives the single path's numbers and errors."""

from __future__ import annotations

import numpy as np
import pytest

from cfp_core import calculate_footprint
from cfp_core.errors import FactorNotFound, GwpMissing, UnitMismatch
from cfp_core.library import gwp_sets
from cfp_core.models import STAGES, ActivityLine, CustomFactor, Inventory, ReportingPeriod
from cfp_core.portfolio import N_STAGES, compile_factor_sets, compile_portfolio, portfolio_footprints, portfolio_frame

SETS = ("cn-cfp-2024", "cn-cfp-2023", "cn-co2-org-2023")


def line(stage="production", amount=1.0, unit="kWh", ref="electricity.cn.national", activity="电力", **kw):
    return ActivityLine(stage=stage, activity=activity, amount=amount, unit=unit, factor_ref=ref, **({"data_source": "primary_measured"} | kw))


def inventory(code="M-1", *lines, year=2025):
    return Inventory(model_code=code, period=ReportingPeriod.year(year), lines=tuple(lines))


def run(inventories, factor_sets, gwp, known_ids=None):
    portfolio = compile_portfolio(inventories)
    return portfolio_footprints(portfolio, compile_factor_sets(portfolio, factor_sets, gwp, known_ids))


@pytest.fixture(scope="module")
def sets(factor_sets):
    return [factor_sets[s] for s in SETS]


def test_ws_inventory_matches_the_single_path_under_every_set(ws_inventory, sets, ar5):
    result = run([ws_inventory], sets, ar5)
    assert result.stage_totals.shape == (3, 1, N_STAGES)
    for s, factor_set in enumerate(sets):
        single = calculate_footprint(ws_inventory, factor_set, ar5)
        assert list(result.stage_totals[s, 0]) == pytest.approx(list(single.stage_totals().values()), rel=1e-12)
        assert result.totals[s, 0] == pytest.approx(single.total_kg_co2e, rel=1e-12)
    assert result.total("cn-cfp-2024", "WS-TPS-48-900A", "2025") == pytest.approx(93.4346, abs=5e-5)


def test_each_line_is_bit_identical_to_the_single_path(ws_inventory, set_2024, ar5):
    # One inventory per line: its total is that line's kgCO2e, unsummed.
    singles = [inventory(f"L-{n}", ln) for n, ln in enumerate(ws_inventory.lines, start=1)]
    result = run(singles, [set_2024], ar5)
    expected = [r.kg_co2e for r in calculate_footprint(ws_inventory, set_2024, ar5).lines]
    assert result.totals[0].tolist() == expected


def test_shortcuts_are_exact(ws_inventory, sets, ar5):
    # cn-cfp-2024 and cn-cfp-2023 share every coefficient and all their GWPs are 1.0; a CH4 line is not.
    ch4 = CustomFactor(value=0.01, unit="kg", gas="CH4", source="检测")
    extra = inventory("CH4-1", line("end_of_life", 2.5, "kg", None, "填埋", custom_factor=ch4), line(amount=3.3))
    portfolio = compile_portfolio([ws_inventory, extra])
    matrix = compile_factor_sets(portfolio, sets, ar5)
    fast, full = portfolio_footprints(portfolio, matrix), portfolio_footprints(portfolio, matrix, shortcuts=False)
    assert np.array_equal(fast.stage_totals, full.stage_totals) and np.array_equal(fast.totals, full.totals)
    assert fast.stage_totals[0, 1, STAGES.index("end_of_life")] == pytest.approx(2.5 * 0.01 * 28)


def test_compile_codes_distinct_combinations_in_order_of_first_use(ws_inventory):
    portfolio = compile_portfolio([ws_inventory, ws_inventory])
    assert portfolio.n_inventories == 2 and portfolio.n_lines == 12
    assert portfolio.units == ("kWh", "kg")
    # line 5 is its own factor: the rounded 0.0726 kgCO2/MJ the report applied to it (through NCV 42.652)
    assert portfolio.refs == ("electricity.cn.national", "fuel.diesel", "fuel.gasoline", ws_inventory.lines[4].custom_factor)
    assert portfolio.combos == ((0, 0), (1, 1), (2, 1), (3, 1))
    assert portfolio.first_line.tolist() == [0, 1, 2, 4]
    assert portfolio.line_no.tolist() == [1, 2, 3, 4, 5, 6] * 2
    assert portfolio.inventory_index.tolist() == [0] * 6 + [1] * 6
    assert portfolio.cell.tolist()[:6] == [0, 1, 1, 2, 3, 5]
    assert portfolio.amount.dtype == np.float64 and portfolio.amount.flags["C_CONTIGUOUS"]
    assert portfolio.labels == (("WS-TPS-48-900A", "2025"), ("WS-TPS-48-900A", "2025"))


def test_factor_matrix_holds_resolved_values_and_coefficients(ws_inventory, set_2024, set_2023, ar5):
    portfolio = compile_portfolio([ws_inventory])
    matrix = compile_factor_sets(portfolio, [set_2024, set_2023], ar5)
    assert matrix.set_ids == ("cn-cfp-2024", "cn-cfp-2023") and matrix.gwp_id == "AR5"
    assert matrix.value[:, 0].tolist() == [0.5777, 0.6205]
    assert matrix.coefficient[0].tolist() == [1.0, pytest.approx(42.652), pytest.approx(43.070), pytest.approx(42.652)]
    assert matrix.value[:, 3].tolist() == [0.0726, 0.0726]  # the report's own factor, the same under every set
    assert matrix.gwp.tolist() == [[1.0, 1.0, 1.0, 1.0]] * 2
    assert matrix.factor_ids[1] == ("cn_elec_cfp_national_2023", "fuel_diesel_cn_default", "fuel_gasoline_cn_default",
                                    "custom.line5")


def test_custom_factor_lines_are_their_own_constant_factor(set_2024, set_2023):
    ch4 = CustomFactor(value=0.5, unit="kg", gas="CH4", source="供应商检测报告")
    inv = inventory("CUSTOM-1", line(amount=10), line("end_of_life", 2000.0, "g", None, "填埋", custom_factor=ch4),
                    line("end_of_life", 3.0, "kg", None, "填埋2", custom_factor=ch4))
    for gwp_id, gwp in gwp_sets().items():
        result = run([inv], [set_2024, set_2023], gwp)
        for s, factor_set in enumerate((set_2024, set_2023)):
            single = calculate_footprint(inv, factor_set, gwp)
            assert result.totals[s, 0] == pytest.approx(single.total_kg_co2e, rel=1e-12), gwp_id
        assert result.stage_totals[0, 0, STAGES.index("end_of_life")] == pytest.approx(5 * 0.5 * gwp.values["CH4"])


def test_ids_from_another_set_resolve_through_known_ids(set_2023, ar5):
    inv = inventory("IDS-1", line(amount=100, ref="cn_elec_cfp_national_2024"))
    result = run([inv], [set_2023], ar5, known_ids={"cn_elec_cfp_national_2024": "electricity.cn.national"})
    assert result.totals[0, 0] == pytest.approx(62.05)
    with pytest.raises(FactorNotFound):
        run([inv], [set_2023], ar5)


def test_unknown_factor_names_the_inventory_line_and_set_in_both_languages(set_2024, ar5):
    good = inventory("GOOD-1", line(amount=1))
    bad = inventory("BAD-7", line(amount=1), line("production", 2.0, "kg", "material.steel", "钢材"))
    with pytest.raises(FactorNotFound) as caught:
        run([good, bad], [set_2024], ar5)
    en, zh = caught.value.message("en"), caught.value.message("zh")
    assert "Inventory BAD-7 (2025), Line 2 (Production, 钢材)" in en
    assert "'material.steel'" in en and "'cn-cfp-2024'" in en
    assert "清单 BAD-7（2025），第 2 行（生产，钢材）" in zh and "因子集“cn-cfp-2024”" in zh


def test_unit_mismatch_names_the_first_bad_line(set_2024, ar5):
    first = inventory("A-1", line(amount=1), line("use", 1.0, "piece", activity="整机"))
    second = inventory("B-2", line("production", 5.0, "L", "fuel.diesel", "柴油"))
    with pytest.raises(UnitMismatch) as caught:
        run([first, second], [set_2024], ar5)
    assert "Inventory A-1 (2025), Line 2 (Use, 整机)" in caught.value.message("en")
    assert "'piece'" in caught.value.message("en")
    with pytest.raises(UnitMismatch, match="B-2.*Line 1.*'L'.*'MJ'"):
        run([second, first], [set_2024], ar5)


def test_gas_without_gwp_raises_gwp_missing(set_2024, ar5):
    odd = CustomFactor(value=1.0, unit="kg", gas="XYZ-99", source="实验")
    with pytest.raises(GwpMissing, match="XYZ-99"):
        run([inventory("G-1", line(amount=1.0, unit="kg", ref=None, custom_factor=odd))], [set_2024], ar5)


def test_to_frame_is_long_with_all_stages_and_totals(ws_inventory, sets, ar5):
    result = run([ws_inventory, inventory("EMPTY-1")], sets, ar5)
    frame = result.to_frame()
    assert list(frame.columns) == ["model_code", "period", "factor_set_id", "stage", "kg_co2e", "total_kg_co2e"]
    assert len(frame) == 3 * 2 * N_STAGES
    ws24 = frame[(frame.factor_set_id == "cn-cfp-2024") & (frame.model_code == "WS-TPS-48-900A")]
    assert ws24.stage.tolist() == [s.value for s in STAGES]
    assert ws24.kg_co2e.tolist() == result.stage_totals[0, 0].tolist()
    assert set(ws24.total_kg_co2e) == {result.totals[0, 0]}
    assert frame[frame.model_code == "EMPTY-1"].kg_co2e.eq(0).all()
    totals = result.totals_frame()
    assert len(totals) == 6 and totals.total_kg_co2e.tolist() == result.totals.reshape(-1).tolist()


def test_to_frame_accepts_display_labels_of_matching_shape(ws_inventory, set_2024, ar5):
    result = run([ws_inventory], [set_2024], ar5)
    frame = result.totals_frame(set_ids=["2024版"], labels=[("电源", "2025年")])
    assert frame.iloc[0][["model_code", "period", "factor_set_id"]].tolist() == ["电源", "2025年", "2024版"]
    with pytest.raises(ValueError):
        result.to_frame(set_ids=["a", "b"])


def test_matrix_of_another_portfolio_is_refused(ws_inventory, set_2024, ar5):
    other = compile_portfolio([inventory("X-1", line())])
    with pytest.raises(ValueError, match="another portfolio"):
        portfolio_footprints(compile_portfolio([ws_inventory]), compile_factor_sets(other, [set_2024], ar5))


def test_empty_portfolio_gives_empty_arrays(set_2024, ar5):
    result = run([], [set_2024], ar5)
    assert result.totals.shape == (1, 0) and result.to_frame().empty


def test_portfolio_frame_is_one_call(ws_inventory, set_2024, set_2023, ar5):
    frame = portfolio_frame([ws_inventory], [set_2024, set_2023], ar5)
    by_set = frame.drop_duplicates("factor_set_id").set_index("factor_set_id").total_kg_co2e
    assert by_set["cn-cfp-2023"] - by_set["cn-cfp-2024"] == pytest.approx(
        sum(ln.amount for ln in ws_inventory.lines if ln.unit == "kWh") * (0.6205 - 0.5777), rel=1e-9)
