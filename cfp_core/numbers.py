"""Number formatting for display: the one place that turns floats into text, and its rounding policy.

The core never rounds a stored or computed value; these functions only format. The policy:

* kgCO₂e — in tables, exports, reports, headline metrics and on the card — has **4 decimals**, as the
  verified study report prints them (WS-TPS-48-900A: 93.4346, never 93.43): ``kg``, ``KG_FORMAT``.
* Differences of kgCO₂e: 4 decimals with a sign (``kg_delta``, ``metric_delta``, ``KG_DELTA_FORMAT``).
* Shares and percent changes: 2 decimals ("25.73%", "−6.27%": ``share``, ``signed_percent``,
  ``SHARE_FORMAT``/``PCT_CHANGE_FORMAT`` for 0–100 table columns). The card shows shares with
  ``CARD_SHARE_DECIMALS`` (1) next to its 4-decimal stage values, so its bar labels stay short.
  Every share and percent change, in a table column and in a sentence (hotspot texts, the
  primary-data share of a supplier), follows this one 2-decimal rule; Streamlit's ``format="percent"``
  (which drops trailing zeros: "-5%" next to "-6.27%") is not used: tables pass 0–1 columns through
  ``as_percent`` and show them with ``SHARE_FORMAT``/``PCT_CHANGE_FORMAT`` (printf, so an ASCII sign). Primary-data shares are stored 0–100
  (PACT ``primaryDataShare``) and print with ``SHARE_FORMAT``/``percent_value`` ("67.22%").
* Times shown to people: local time with its offset, minutes precision, one form in zh and en
  ("2026-12-03 18:05 (UTC+8)": ``format_time``). The zone is the viewer's (browser) zone, else the
  ``TZ`` environment variable, else ``DEFAULT_TIME_ZONE`` (Asia/Shanghai). Stored values and machine
  outputs (PACT JSON, CSV/ISO fields) keep UTC ISO 8601.
* Factors: five significant digits below 1 ("0.072585"), else as written (``factor_number``).
* Amounts as entered or printed: as written, without float noise (``plain``).
* Unknown values print "—".
"""

from __future__ import annotations

import math
import os
from datetime import UTC, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

MAX_PLAIN_DECIMALS = 6
KG_DECIMALS = 4
SHARE_DECIMALS = 2
CARD_SHARE_DECIMALS = 1
UNKNOWN = "—"
DEFAULT_TIME_ZONE = "Asia/Shanghai"
# printf formats of Streamlit NumberColumns; shares and percent changes as 0–100 values
KG_FORMAT = "%.4f"
KG_DELTA_FORMAT = "%+.4f"
SHARE_FORMAT = "%.2f%%"
PCT_CHANGE_FORMAT = "%+.2f%%"


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


def grouped(value: float | None) -> str:
    """Format a count as written, with thousands separators ("8,500", "12,345.5"): units produced."""
    if value is None or value != value:
        return "—"
    places = min(decimals_of(value), MAX_PLAIN_DECIMALS)
    return f"{value:,.{places}f}"


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


def fmt_percent(share: float | None, decimals: int = SHARE_DECIMALS) -> str:
    """Format a 0–1 share as a percentage ("25.73%")."""
    if share is None or share != share:
        return "—"
    return f"{share * 100:.{decimals}f}%"


def fmt_delta(value: float, decimals: int = 4) -> str:
    """Format a signed difference ("+1.2345" / "−0.5000")."""
    sign = "+" if value > 0 else ("−" if value < 0 else "±")
    return f"{sign}{abs(value):,.{decimals}f}"


def kg(value: float | None) -> str:
    """Format kgCO₂e by the policy: 4 decimals with thousands separators ("93.4346"); "—" when unknown."""
    return fmt_number(value, KG_DECIMALS)


def share(value: float | None, decimals: int = SHARE_DECIMALS) -> str:
    """Format a 0–1 share by the policy: "25.73%"; "—" when unknown."""
    return fmt_percent(value, decimals)


def percent_value(value: float | None, decimals: int = SHARE_DECIMALS) -> str:
    """Format a 0–100 percentage (e.g. a PACT primary-data share) by the policy: "67.22%"; "—" when unknown."""
    return UNKNOWN if value is None or value != value else f"{value:.{decimals}f}%"


def as_percent(frame, *columns: str):
    """Return a copy of ``frame`` with the 0–1 share ``columns`` as 0–100 values for ``SHARE_FORMAT``/``PCT_CHANGE_FORMAT``."""
    return frame.assign(**{c: frame[c] * 100 for c in columns if c in frame})


def time_zone(name: str | None = None) -> ZoneInfo:
    """Return the zone ``name`` (the viewer's), else ``$TZ``, else ``DEFAULT_TIME_ZONE``, else UTC."""
    for candidate in (name, os.environ.get("TZ"), DEFAULT_TIME_ZONE):
        try:
            if candidate:
                return ZoneInfo(candidate.lstrip(":"))
        except (ZoneInfoNotFoundError, ValueError):
            continue
    return ZoneInfo("UTC")


def format_time(value: str | datetime | None, tz: ZoneInfo | str | None = None, seconds: bool = False) -> str:
    """Format a stored (UTC ISO) time as local time with its zone: "2026-12-03 18:05 (UTC+8)" (seconds for the audit log)."""
    if value is None or value == "":
        return UNKNOWN
    try:
        moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return str(value)
    zone = tz if isinstance(tz, ZoneInfo) else time_zone(tz)
    local = (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(zone)
    minutes = int(local.utcoffset().total_seconds() // 60)
    hours, rest = divmod(abs(minutes), 60)
    offset = f"UTC{'+' if minutes >= 0 else '−'}{hours}" + (f":{rest:02d}" if rest else "")
    return local.strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M") + f" ({offset})"


def signed_percent(change: float | None, decimals: int = SHARE_DECIMALS) -> str:
    """Format a 0–1 change as a signed percentage with a true minus sign ("−6.27%", "+1.50%"); "—" for NaN."""
    if change is None or change != change:
        return UNKNOWN
    sign = "+" if change > 0 else ("−" if change < 0 else "")
    return f"{sign}{abs(change) * 100:.{decimals}f}%"


def metric_value(value: float | None) -> str:
    """Format a headline kgCO₂e figure (``st.metric``): the policy's 4 decimals ("93.4346")."""
    return kg(value)


def metric_delta(delta: float | None) -> str | None:
    """Format a headline difference with an ASCII sign (st.metric reads the arrow from it); None if unknown."""
    if delta is None or delta != delta:
        return None
    return f"{delta:+,.{KG_DECIMALS}f}" if delta else f"{0:.{KG_DECIMALS}f}"
