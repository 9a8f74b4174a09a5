"""PACT v3 filtering (ListFootprints and RequestCreatedEvent criteria), validity periods, event checks. Pure.

Within one criterion the values are ORed, across criteria ANDed; matches are case-insensitive. A
footprint without a validity period is valid from its reference period end for three years (the
specification's default, and what the conformance suite assumes).
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

PREFIX = "org.wbcsd.pact.ProductFootprint."
REQUEST_CREATED = PREFIX + "RequestCreatedEvent.3"
REQUEST_FULFILLED = PREFIX + "RequestFulfilledEvent.3"
REQUEST_REJECTED = PREFIX + "RequestRejectedEvent.3"
PUBLISHED = PREFIX + "PublishedEvent.3"
EVENT_TYPES = (REQUEST_CREATED, REQUEST_FULFILLED, REQUEST_REJECTED, PUBLISHED)
LIST_CRITERIA = ("productId", "companyId", "geography", "classification", "status")
DATE_CRITERIA = ("validOn", "validAfter", "validBefore")
_NAMES = {name.lower(): name for name in (*LIST_CRITERIA, *DATE_CRITERIA, "limit", "offset")}


def parse_date(value: str) -> datetime:
    """Parse an ISO 8601 date-time (``Z`` allowed; naive means UTC). Raises ``ValueError``."""
    text = value.strip().replace("z", "Z")
    parsed = datetime.fromisoformat(text[:-1] + "+00:00" if text.endswith("Z") else text)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def parse_query(items) -> dict[str, list[str]]:
    """Return ``{criterion: [values]}`` from query pairs (names case-insensitive; unknown and empty ones ignored).

    Raises ``ValueError`` for a date that does not parse.
    """
    query: dict[str, list[str]] = {}
    for key, value in items:
        name = _NAMES.get(key.lower())
        if name is not None and value.strip():  # an empty value (?classification=) filters nothing
            query.setdefault(name, []).append(value)
    for name in DATE_CRITERIA:
        for value in query.get(name, ()):
            try:
                parse_date(value)
            except ValueError:
                raise ValueError(f"{name} is not an ISO 8601 date-time: {value!r}") from None
    return query


def page(query: dict[str, list[str]]) -> tuple[int | None, int]:
    """Return (limit, offset). Raises ``ValueError`` for values that are not non-negative integers."""
    values = []
    for name in ("limit", "offset"):
        raw = query.get(name, [None])[-1]
        if raw is None:
            values.append(None)
            continue
        if not raw.isdigit():
            raise ValueError(f"{name} must be a non-negative integer")
        values.append(int(raw))
    limit, offset = values
    return (max(limit, 1) if limit is not None else None), (offset or 0)


def validity(document: dict) -> tuple[datetime, datetime]:
    """Return (start, end) of a footprint's validity period (default: reference period end + 3 years)."""
    reference_end = parse_date(document["pcf"]["referencePeriodEnd"])
    start = parse_date(document["validityPeriodStart"]) if document.get("validityPeriodStart") else reference_end
    if document.get("validityPeriodEnd"):
        end = parse_date(document["validityPeriodEnd"])
    else:
        try:
            end = reference_end.replace(year=reference_end.year + 3)
        except ValueError:  # 29 February
            end = reference_end.replace(year=reference_end.year + 3, day=28)
    return start, end


def _lower(values) -> set[str]:
    return {str(v).strip().lower() for v in values if v is not None}


def matches(document: dict, query: dict[str, list]) -> bool:
    """Return True if a PACT footprint meets every criterion of ``query`` (values ORed within one)."""
    pcf = document.get("pcf", {})
    fields = {
        "productId": document.get("productIds", []), "companyId": document.get("companyIds", []),
        "classification": document.get("productClassifications", []), "status": [document.get("status")],
        "geography": [pcf.get(k) for k in ("geographyCountry", "geographyRegionOrSubregion",
                                           "geographyCountrySubdivision")],
    }
    for name, have in fields.items():
        wanted = query.get(name)
        if wanted and not (_lower(wanted) & _lower(have)):
            return False
    if any(query.get(name) for name in DATE_CRITERIA):
        start, end = validity(document)
        for value in query.get("validOn", ()):
            if not start <= parse_date(value) <= end:
                return False
        if any(not start > parse_date(v) for v in query.get("validAfter", ())):
            return False
        if any(not end < parse_date(v) for v in query.get("validBefore", ())):
            return False
    return True


def criteria(data: dict) -> dict[str, list]:
    """Return the filter criteria of a RequestCreatedEvent's ``data`` (lists for every list criterion)."""
    found: dict[str, list] = {}
    for name in (*LIST_CRITERIA, *DATE_CRITERIA):
        value = data.get(name)
        if value in (None, "", []):
            continue
        found[name] = [str(v) for v in value] if isinstance(value, list) else [str(value)]
    return found


def event_problem(event) -> str:
    """Return what makes a CloudEvent invalid for ``POST /3/events``, or "" if it is acceptable."""
    if not isinstance(event, dict):
        return "The event must be a JSON object"
    missing = [k for k in ("type", "specversion", "id", "source", "time", "data") if k not in event]
    if missing:
        return f"Missing CloudEvent attributes: {', '.join(missing)}"
    if event["type"] not in EVENT_TYPES:
        return f"Unsupported event type: {event['type']!r}"
    if not isinstance(event["data"], dict):
        return "data must be an object"
    try:
        parse_date(str(event["time"]))
    except ValueError:
        return "time is not an ISO 8601 date-time"
    data = event["data"]
    if event["type"] == PUBLISHED:
        ids = data.get("pfIds")
        if not isinstance(ids, list) or not ids or not all(_is_uuid(i) for i in ids):
            return "data.pfIds must be a non-empty list of UUIDs"
    elif event["type"] == REQUEST_CREATED:
        try:
            for value in criteria(data).get("validOn", []) + criteria(data).get("validAfter", []) + \
                    criteria(data).get("validBefore", []):
                parse_date(value)
        except ValueError:
            return "A validity criterion is not an ISO 8601 date-time"
    elif not data.get("requestEventId"):
        return "data.requestEventId is required"
    return ""


def _is_uuid(value) -> bool:
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True
