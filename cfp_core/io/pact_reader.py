"""Reading one supplier PACT JSON file within bounds: size and nesting depth checked before parsing,
no NaN/Infinity constants, huge integers refused (the PACT gates then check the document)."""

from __future__ import annotations

import json

from cfp_core.errors import ImportRejected, RowProblem
from cfp_core.validation import MAX_JSON_BYTES, MAX_JSON_DEPTH


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
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:  # the message is the user's, never Python's English (#12.14)
        raise ImportRejected([RowProblem(1, filename, data[error.start:error.start + 8].hex(" "),
                                         "suppliers.problem.json_encoding", offset=error.start)],
                             file=filename) from None
    try:
        document = json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as error:
        raise ImportRejected([RowProblem(1, filename, text[error.pos:error.pos + 20], "suppliers.problem.json_at",
                                         line=error.lineno, col=error.colno)], file=filename) from None
    except (ValueError, RecursionError):  # NaN/Infinity, 5000-digit integers
        raise ImportRejected([RowProblem(1, filename, "", "suppliers.problem.json")], file=filename) from None
    if not isinstance(document, dict):
        raise ImportRejected([RowProblem(1, filename, "", "suppliers.problem.not_pact")], file=filename)
    return document


def _no_constant(name: str):
    raise ValueError(f"{name} is not JSON")
