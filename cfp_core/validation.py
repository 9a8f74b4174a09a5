"""Turn pydantic ``ValidationError``s into localized messages that name row, field and fix; check uploaded logos."""

from __future__ import annotations

import base64

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


PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_LOGO_BYTES = 500_000


def png_logo(data: bytes) -> str:
    """Return an uploaded logo as the base64 the settings store. Raises ``LogoRejected`` unless a PNG ≤ 500 kB."""
    if not data.startswith(PNG_SIGNATURE) or len(data) > MAX_LOGO_BYTES:
        raise LogoRejected(size=len(data), limit=MAX_LOGO_BYTES)
    return base64.b64encode(data).decode("ascii")
