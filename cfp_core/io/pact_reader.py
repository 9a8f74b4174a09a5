"""Reading one supplier PACT JSON file: size and depth bounds before parsing, then a ``Reader`` that
collects every problem by JSON path (exact PACT decimals, text rules, the spec's verification structure)."""

from __future__ import annotations

import json
import re
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from cfp_core.errors import ImportRejected, RowProblem, TextRejected
from cfp_core.text import check_text
from cfp_core.validation import MAX_ABS_NUMBER, MAX_DIGITS, MAX_JSON_BYTES, MAX_JSON_DEPTH


class Reader:
    """Collects every problem of one document while reading its fields."""

    def __init__(self, data: dict) -> None:
        self.data, self.problems = data, []

    def problem(self, path: str, value: Any, key: str, **params: Any) -> None:
        self.problems.append(RowProblem(1, path, value, key, **params))

    def get(self, path: str, required: bool = True) -> Any:
        node: Any = self.data
        for part in path.split("."):
            node = node.get(part) if isinstance(node, dict) else None
        if node is None and required:
            self.problem(path, "", "suppliers.problem.missing")
        return node

    def decimal(self, path: str, required: bool = True, sign: str = "") -> float | None:
        value = self.get(path, required)
        if value is None:
            return None
        text = repr(value) if isinstance(value, float) else str(value) if isinstance(value, str | int) else ""
        if isinstance(value, bool) or not _DECIMAL.fullmatch(text) or sum(c.isdigit() for c in text) > MAX_DIGITS:
            self.problem(path, value, "suppliers.problem.decimal")
            return None
        try:
            number = Decimal(text)
        except InvalidOperation:
            number = Decimal("nan")
        if not number.is_finite() or abs(number) > Decimal(MAX_ABS_NUMBER):
            self.problem(path, value, "suppliers.problem.decimal")
            return None
        if (sign == "+" and number <= 0) or (sign == "0+" and number < 0):
            self.problem(path, value, "suppliers.problem.positive" if sign == "+" else "suppliers.problem.negative")
            return None
        return float(number)

    def text(self, path: str, required: bool = True, limit: int = 200) -> str | None:
        value = self.get(path, required)
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            self.problem(path, value, "suppliers.problem.text")
            return None
        try:
            return check_text(value, limit=limit)
        except TextRejected as error:
            self.problem(path, value, "error.text_rejected", **error.params)
            return None

    def date(self, path: str) -> str | None:
        value = self.get(path)
        if value is None:
            return None
        try:
            return datetime.fromisoformat(str(value).replace("Z", "+00:00")).date().isoformat()
        except ValueError:
            self.problem(path, value, "suppliers.problem.date")
            return None

    def strings(self, path: str, required: bool = True) -> tuple[str, ...]:
        value = self.get(path, required)
        if value is None:
            return ()
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not all(isinstance(i, str) for i in items) or not items or len(items) > 100:
            self.problem(path, value, "suppliers.problem.list")
            return ()
        try:
            return tuple(check_text(i) for i in items)
        except TextRejected as error:
            self.problem(path, value, "error.text_rejected", **error.params)
            return ()

    def verified(self, path: str, v3: bool) -> bool:
        """True only for the spec's structure: v3 ``verification`` naming a provider and a completion date,
        v2 ``assurance`` with ``"assurance": true``. Anything else present is a problem."""
        value = self.get(path, required=False)
        if value is None:
            return False
        ok = isinstance(value, dict) and (
            isinstance(value.get("providerName"), str) and isinstance(value.get("completedAt"), str) if v3
            else value.get("assurance") is True)
        if not ok:
            self.problem(path, "", "suppliers.problem.verification")
            return False
        for key in ("providerName", "standardName", "coverage", "comments"):
            if key in value:
                self.text(f"{path}.{key}", required=False, limit=400)
        if v3:
            self.date(f"{path}.completedAt")
        return True


_DECIMAL = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?")  # PACT's decimal pattern: no exponent, no "+"


def json_depth(data: bytes) -> int:
    """Return the deepest nesting of objects/arrays in JSON bytes, without parsing them (strings skipped)."""
    depth = deepest = 0
    in_string = escaped = False
    for byte in data:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x5B, 0x7B):
            depth += 1
            deepest = max(deepest, depth)
        elif byte in (0x5D, 0x7D):
            depth -= 1
    return deepest


def load_json(data: bytes, filename: str) -> dict:
    """Return the document of a PACT file, or raise ``ImportRejected`` (too large, too deep, not JSON, no pcf)."""
    if len(data) > MAX_JSON_BYTES:
        raise ImportRejected([RowProblem(1, filename, f"{len(data) / 1048576:.1f} MB", "suppliers.problem.too_large",
                                         limit=MAX_JSON_BYTES // 1048576)], file=filename)
    if json_depth(data) > MAX_JSON_DEPTH:
        raise ImportRejected([RowProblem(1, filename, "", "suppliers.problem.too_deep", limit=MAX_JSON_DEPTH)],
                             file=filename)
    try:
        document = json.loads(data.decode("utf-8-sig"), parse_constant=_no_constant)
    except (UnicodeDecodeError, ValueError, RecursionError) as error:  # JSONDecodeError, NaN, 5000-digit ints
        raise ImportRejected([RowProblem(1, filename, str(error)[:60], "suppliers.problem.json")],
                             file=filename) from None
    if not isinstance(document, dict) or not isinstance(document.get("pcf"), dict):
        raise ImportRejected([RowProblem(1, "pcf", "", "suppliers.problem.not_pact")], file=filename)
    return document


def _no_constant(name: str):
    raise ValueError(f"{name} is not JSON")
