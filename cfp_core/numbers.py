"""Number formatting for display: the one place that turns floats into text.

The core never rounds a stored or computed value; these functions only format.
"""

from __future__ import annotations

import math
from decimal import Decimal

MAX_PLAIN_DECIMALS = 6


def decimals_of(value: float) -> int:
    """Return how many decimals ``value`` carries as written (41.62 -> 2, 4.5851 -> 4, 93.0 -> 0)."""
    if not math.isfinite(value):
        return 0
    exponent = Decimal(repr(float(value))).normalize().as_tuple().exponent
    return max(0, -int(exponent))


def plain(value: float | None, min_decimals: int = 0, max_decimals: int = MAX_PLAIN_DECIMALS) -> str:
    """Format a number as written, without noise digits ("41.62", "0.0726", "43.070" with min 3)."""
    if value is None or value != value:
        return "—"
    places = min(max(decimals_of(value), min_decimals), max_decimals)
    return f"{value:.{places}f}"


def factor_number(value: float) -> str:
    """Format a factor value with five significant digits below 1 ("0.072585"), else up to 4 decimals."""
    if value != 0 and abs(value) < 1:
        return f"{value:.5g}" if abs(value) >= 1e-4 else f"{value:.3e}"
    return plain(value, max_decimals=4)



def fmt_number(value: float | None, decimals: int = 4) -> str:
    """Format a number for display with thousands separators; "—" for None/NaN."""
    if value is None or value != value:
        return "—"
    return f"{value:,.{decimals}f}"


def fmt_percent(share: float | None, decimals: int = 2) -> str:
    """Format a 0–1 share as a percentage ("25.73%")."""
    if share is None or share != share:
        return "—"
    return f"{share * 100:.{decimals}f}%"


def fmt_delta(value: float, decimals: int = 4) -> str:
    """Format a signed difference ("+1.2345" / "−0.5000")."""
    sign = "+" if value > 0 else ("−" if value < 0 else "±")
    return f"{sign}{abs(value):,.{decimals}f}"
