"""The audit log as a table: times in the viewer's time zone (stored UTC), actions named in the user's language."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pandas as pd

from cfp_core.access import Action
from cfp_core.i18n import t
from cfp_core.numbers import format_time

COLUMNS = ["at", "principal", "kind", "action", "target", "detail"]


def zone(name: str | None, fallback: str = "Asia/Shanghai") -> ZoneInfo:
    """Return the time zone ``name`` (the browser's), else ``fallback`` (the organisation's), else UTC."""
    for candidate in (name, fallback, "UTC"):
        try:
            return ZoneInfo(candidate) if candidate else ZoneInfo("UTC")
        except (ZoneInfoNotFoundError, ValueError):
            continue
    return ZoneInfo("UTC")


def utc_range(start: date | None, end: date | None, tz: ZoneInfo) -> tuple[str | None, str | None]:
    """Return the UTC ISO bounds of whole local days ``start``…``end`` (inclusive) in ``tz``."""
    def bound(day: date | None, add: int) -> str | None:
        if day is None:
            return None
        local = datetime.combine(day + timedelta(days=add), time.min, tz)
        return local.astimezone(ZoneInfo("UTC")).isoformat(timespec="seconds")

    since, until = bound(start, 0), bound(end, 1)
    return since, until


def action_label(action: str, lang: str = "zh") -> str:
    """The localized name of an audit action (the raw value for one this version does not know)."""
    return t(f"action.{action}", lang) if action in {a.value for a in Action} else action


def local_time(iso: str, tz: ZoneInfo) -> str:
    """A stored UTC time as the viewer reads it, to the second: ``2026-12-03 00:06:01 (UTC+8)``."""
    return format_time(iso, tz, seconds=True)


def audit_frame(events: list[dict], tz: ZoneInfo, lang: str = "zh") -> pd.DataFrame:
    """One row per event, newest first: local time (with offset), who, how authenticated, what, target."""
    rows = [{"at": local_time(e["at"], tz),
             "principal": e["principal"] or e["subject"], "kind": t(f"auth.kind.{e['kind']}", lang) if e["kind"] else "",
             "action": action_label(e["action"], lang), "target": e["target"] or "",
             "detail": "" if e["detail"] in (None, "{}") else e["detail"]} for e in events]
    return pd.DataFrame(rows, columns=COLUMNS)
