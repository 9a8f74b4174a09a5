"""The one number-formatting policy (cfp_core.numbers): 4-decimal kgCO₂e everywhere, 2-decimal shares."""

import math

import pytest

from cfp_core import numbers
from cfp_core.numbers import (
    CARD_SHARE_DECIMALS,
    fmt_delta,
    kg,
    metric_delta,
    metric_value,
    plain,
    share,
    signed_percent,
)


def test_kgco2e_prints_like_the_verified_report():
    assert kg(93.43457066) == "93.4346" == metric_value(93.43457066)
    assert kg(24.045) == "24.0450" and kg(1234.5) == "1,234.5000"
    assert kg(None) == kg(math.nan) == "—"


def test_differences_carry_a_sign():
    assert metric_delta(-5.26043) == "-5.2604" and metric_delta(0.0) == "0.0000" and metric_delta(math.nan) is None
    assert fmt_delta(-0.5) == "−0.5000" and fmt_delta(1.23456) == "+1.2346" and fmt_delta(0.0) == "±0.0000"


@pytest.mark.parametrize(("value", "text"), [(0.2573, "25.73%"), (0.088, "8.80%"), (1.0, "100.00%"), (None, "—")])
def test_shares_have_two_decimals_everywhere_but_the_card(value, text):
    assert share(value) == text
    assert CARD_SHARE_DECIMALS == 1 and share(0.2573, CARD_SHARE_DECIMALS) == "25.7%"


def test_percent_changes_have_a_true_minus_sign_and_two_decimals():
    assert signed_percent(-0.0689) == "−6.89%" and signed_percent(0.015) == "+1.50%"


def test_printed_amounts_keep_their_own_decimals():
    assert plain(4.5851) == "4.5851" and plain(41.62) == "41.62" and plain(43.07, 3) == "43.070"


def test_streamlit_column_formats_follow_the_policy():
    assert numbers.KG_FORMAT % 93.43457 == "93.4346" and numbers.KG_DELTA_FORMAT % -5.26043 == "-5.2604"
    assert numbers.SHARE_FORMAT % 25.734 == "25.73%" and numbers.PCT_CHANGE_FORMAT % -6.27 == "-6.27%"


def test_times_print_in_local_time_with_the_zone_never_raw_iso():
    from cfp_core.numbers import format_time
    assert format_time("2026-12-03T10:05:31+00:00", "Asia/Shanghai") == "2026-12-03 18:05 (UTC+8)"
    assert format_time("2026-12-03T10:05:31Z", "Asia/Kolkata") == "2026-12-03 15:35 (UTC+5:30)"
    assert format_time("2026-12-03T10:05:31", "America/New_York") == "2026-12-03 05:05 (UTC−5)"
    assert format_time(None) == "—"
    assert format_time("2026-12-03T10:05:31+00:00", "Asia/Shanghai", seconds=True) == "2026-12-03 18:05:31 (UTC+8)"


def test_time_zone_falls_back_to_tz_then_shanghai(monkeypatch):
    from cfp_core.numbers import format_time, time_zone
    monkeypatch.setenv("TZ", "Europe/Berlin")
    assert str(time_zone()) == "Europe/Berlin" and str(time_zone("Asia/Tokyo")) == "Asia/Tokyo"
    monkeypatch.delenv("TZ")
    assert str(time_zone("Not/AZone")) == "Asia/Shanghai"
    assert format_time("2026-12-03T10:05:00+00:00") == "2026-12-03 18:05 (UTC+8)"


def test_a_primary_share_prints_as_a_percentage_with_the_share_rule():
    from cfp_core.numbers import percent_value, share
    assert percent_value(67.21853347624818) == "67.22%"
    assert share(0.6721853347624818) == "67.22%" and percent_value(None) == "—"


def test_table_shares_and_changes_use_the_one_printf_rule_not_streamlit_percent():
    import pandas as pd

    from cfp_core.numbers import PCT_CHANGE_FORMAT, SHARE_FORMAT, as_percent
    frame = as_percent(pd.DataFrame({"a": [-0.05, -0.0627], "b": [0.088, 0.2573], "c": [1, 2]}), "a", "b", "x")
    assert [PCT_CHANGE_FORMAT % v for v in frame["a"]] == ["-5.00%", "-6.27%"]
    assert [SHARE_FORMAT % v for v in frame["b"]] == ["8.80%", "25.73%"] and list(frame["c"]) == [1, 2]


def test_no_page_uses_streamlits_trailing_zero_dropping_percent_format():
    from pathlib import Path
    root = Path(__file__).resolve().parents[2]
    offenders = [str(p) for d in ("pages", "ui") for p in (root / d).rglob("*.py") if 'format="percent"' in p.read_text()]
    assert offenders == []


def test_grouped_counts_keep_their_decimals_and_gain_separators():
    from cfp_core.numbers import grouped

    assert grouped(8500.0) == "8,500"
    assert grouped(12345.5) == "12,345.5"
    assert grouped(7.0) == "7"
    assert grouped(None) == "—"
    assert grouped(float("nan")) == "—"
