"""Pedigree Monte Carlo: lines sharing an emission factor are fully correlated, one draw per factor (#12.10)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cfp_core.models import Pedigree
from cfp_core.publish.report import uncertainty

ELECTRICITY = "cn_elec_cfp_national_2024"
# Reliability and completeness 1 leave only the factor part (U_b, temporal, geographical, technological).
FACTOR_ONLY = Pedigree(reliability=1, completeness=1, temporal=3, geographical=3, technological=4)


def with_lines(disclosure, parts):
    """The disclosure with lines (factor_id, kg, pedigree) built from its first line."""
    first = disclosure.lines[0]
    lines = tuple(first.model_copy(update={"line_no": no, "factor_id": fid, "kg_co2e": kg, "pedigree": pedigree})
                  for no, (fid, kg, pedigree) in enumerate(parts, start=1))
    return disclosure.model_copy(update={"lines": lines, "total_kg_co2e": sum(kg for _, kg, _ in parts)})


def test_300a_2025_range_widens_with_shared_factors(demo_300a):
    # was 32.81–41.65 with every line drawn independently; three factors are shared by six lines
    result = uncertainty(demo_300a)
    assert result.factor_draws == 3
    assert result.low == pytest.approx(31.58, abs=0.01)
    assert result.high == pytest.approx(43.16, abs=0.01)
    assert result.median == pytest.approx(36.36, abs=0.01)


def test_two_lines_sharing_a_factor_are_wider_than_with_distinct_factors(demo_300a):
    shared = uncertainty(with_lines(demo_300a, [(ELECTRICITY, 10.0, FACTOR_ONLY), (ELECTRICITY, 10.0, FACTOR_ONLY)]))
    distinct = uncertainty(with_lines(demo_300a, [(ELECTRICITY, 10.0, FACTOR_ONLY), ("own", 10.0, FACTOR_ONLY)]))
    single = uncertainty(with_lines(demo_300a, [(ELECTRICITY, 20.0, FACTOR_ONLY)]))
    assert shared.factor_draws == 1 and distinct.factor_draws == 2
    assert shared.high - shared.low > 1.2 * (distinct.high - distinct.low)
    # the factor part of two shared lines is the factor part of one line of the summed amount
    assert (shared.low, shared.median, shared.high) == pytest.approx((single.low, single.median, single.high))


def test_activity_part_stays_per_line(demo_300a):
    activity_only = Pedigree(reliability=5, completeness=5, temporal=1, geographical=1, technological=1)
    shared = uncertainty(with_lines(demo_300a, [(ELECTRICITY, 10.0, activity_only), (ELECTRICITY, 10.0, activity_only)]))
    single = uncertainty(with_lines(demo_300a, [(ELECTRICITY, 20.0, activity_only)]))
    assert shared.high - shared.low < single.high - single.low  # independent activity errors partly cancel
    line = shared.lines[0]
    assert line.sigma == pytest.approx((line.factor_sigma ** 2 + line.activity_sigma ** 2) ** 0.5)


def test_fixed_seed_is_deterministic_and_the_seed_matters(demo_300a):
    assert uncertainty(demo_300a) == uncertainty(demo_300a)
    other = uncertainty(demo_300a, seed=1)
    assert other.low != uncertainty(demo_300a).low
    assert other.low == pytest.approx(uncertainty(demo_300a).low, rel=0.01)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kg=st.floats(0.1, 100.0), weights=st.lists(st.floats(0.05, 1.0), min_size=2, max_size=6),
       other=st.floats(0.1, 100.0))
def test_splitting_a_line_with_the_same_factor_leaves_the_factor_part_unchanged(demo_300a, kg, weights, other):
    # Exact, not just within Monte Carlo noise: the factor draws come first and do not depend on the
    # number of lines. (With σ_a > 0 splitting narrows the range: the activity parts are independent.)
    whole = [(ELECTRICITY, kg, FACTOR_ONLY), ("own", other, FACTOR_ONLY)]
    split = [(ELECTRICITY, kg * w / sum(weights), FACTOR_ONLY) for w in weights] + [("own", other, FACTOR_ONLY)]
    a, b = uncertainty(with_lines(demo_300a, whole), runs=2_000), uncertainty(with_lines(demo_300a, split), runs=2_000)
    assert (b.low, b.median, b.high) == pytest.approx((a.low, a.median, a.high), rel=1e-9)
