"""Turn pydantic ``ValidationError``s into localized messages that name row, field and fix; check uploaded logos."""

from __future__ import annotations

import base64
import math

from pydantic import ValidationError

from cfp_core.errors import CfpError, LogoRejected
from cfp_core.i18n import Msg, has, t

FIELD_LABELS = {
    "stage": "label.stage", "activity": "label.activity", "amount": "label.amount", "unit": "label.unit",
    "factor_ref": "label.factor", "data_source": "label.data_source", "note": "label.note",
    "product_mass_kg": "label.product_mass", "declared_unit": "label.declared_unit",
}


def field_label(loc: tuple, lang: str) -> str:
    """Return a readable field name for a pydantic ``loc`` ("lines → 3 → amount" → "数量")."""
    names = [str(part) for part in loc if not isinstance(part, int)]
    last = names[-1] if names else ""
    key = FIELD_LABELS.get(last)
    return t(key, lang) if key else last


def describe_error(item: dict, lang: str) -> str:
    """Return the localized explanation (the fix) of one ``ValidationError.errors()`` item."""
    error = (item.get("ctx") or {}).get("error")
    if isinstance(error, CfpError):
        return error.message(lang)
    kind = item.get("type", "")
    ctx = {k: v for k, v in (item.get("ctx") or {}).items() if k != "error"}
    if kind == "value_error" and str(error) in ("finite_number", "public_url"):
        return t(f"pyd.{error}", lang)
    if has(f"pyd.{kind}"):
        try:
            return t(f"pyd.{kind}", lang, **ctx)
        except (KeyError, IndexError):
            pass
    return t("pyd.other", lang, msg=item.get("msg", ""))


def describe(error: ValidationError, lang: str = "zh", where: Msg | str = "") -> list[str]:
    """Return one localized line per problem: "<where><field>: <fix>"."""
    return [
        t("error.validation_item", lang, where=where, field=field_label(tuple(item["loc"]), lang),
          detail=describe_error(item, lang))
        for item in error.errors()
    ]


# ---- limits: the one place for the bounds every file read by the dashboard is held to --------------
# The Streamlit upload limit (.streamlit/config.toml ``server.maxUploadSize``) equals MAX_UPLOAD_MB;
# tests/core/test_hostile.py checks both agree.

MAX_UPLOAD_MB = 20
MAX_FILE_BYTES = MAX_UPLOAD_MB * 1024 * 1024  # inventory CSV/xlsx (the same bound in the core and the app)
MAX_ROWS = 100_000  # data rows of one inventory file
MAX_COLUMNS = 64  # cells of one row (the template has 16 columns)
MAX_XLSX_UNZIPPED_BYTES = 160 * 1024 * 1024  # all members of an .xlsx together, uncompressed
MAX_XLSX_RATIO = 200  # uncompressed / compressed size of one member (zip bombs reach 1000+)
MAX_PARSE_SECONDS = 60.0  # wall-clock bound on reading one file
MAX_JSON_BYTES = 2 * 1024 * 1024  # one supplier PACT file
MAX_JSON_DEPTH = 32  # nesting of objects and arrays in one supplier file
MAX_ABS_NUMBER = 1e15  # |x| of any number read from a file
MAX_DIGITS = 30  # digits of any number read from a file
FACTOR_CSV_MAX_BYTES = 2_000_000
FACTOR_CSV_MAX_ROWS = 5000


def number_problem(value: object) -> Msg | None:
    """Why a number read from a file is refused (> ``MAX_DIGITS`` digits, not finite, |x| > ``MAX_ABS_NUMBER``,
    an integer too large for a float), or None. Text that is not a number is left to the caller."""
    text = str(value)
    if sum(c.isdigit() for c in text.partition("e")[0].partition("E")[0]) > MAX_DIGITS:
        return Msg("io.problem.too_many_digits", limit=MAX_DIGITS)
    if isinstance(value, float) and not math.isfinite(value):
        return Msg("pyd.finite_number")
    if isinstance(value, int | float) and not isinstance(value, bool) and abs(value) > MAX_ABS_NUMBER:
        return Msg("io.problem.out_of_range", limit=f"{MAX_ABS_NUMBER:g}")
    return None


PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_LOGO_BYTES = 500_000


def png_logo(data: bytes) -> str:
    """Return an uploaded logo as the base64 the settings store. Raises ``LogoRejected`` unless a PNG ≤ 500 kB."""
    if not data.startswith(PNG_SIGNATURE) or len(data) > MAX_LOGO_BYTES:
        raise LogoRejected(size=len(data), limit=MAX_LOGO_BYTES)
    return base64.b64encode(data).decode("ascii")
