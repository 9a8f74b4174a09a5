"""Validated text types shared by the models: safe free text and identifiers.

Free text may be shown in HTML cards and written to CSV/Excel, so it is checked on the
way in (no control characters, no markup, no spreadsheet formula triggers) and still
escaped on the way out (defence in depth).
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator

from cfp_core.errors import TextRejected
from cfp_core.i18n import Msg

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_MARKUP = re.compile(r"<\s*[a-zA-Z!/?]|javascript:|\bon[a-z]+\s*=", re.IGNORECASE)
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_IDENT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:+\-]{0,79}$")
_ASCII_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")
# Streamlit's GFM autolinks "http://", "www." and "a@b.c" in the text *after* escapes are resolved, so a
# backslash cannot stop them: a WORD JOINER (U+2060, invisible) goes into each such spot. One more joiner is
# added wherever joiners already stand there, so ``md_unescape`` removes exactly one and round-trips any text.
WORD_JOINER = "\u2060"
_AUTOLINK_SPOTS = re.compile(r"(?<=:)(?=\u2060*//)|(?<=www)(?=\u2060*\.)|(?<!\u2060)(?=\u2060*@)", re.IGNORECASE)
_JOINED_SPOTS = re.compile(r"(?<=:)\u2060(?=\u2060*//)|(?<=www)\u2060(?=\u2060*\.)|(?<!\u2060)\u2060(?=\u2060*@)",
                           re.IGNORECASE)


def check_text(value: str, limit: int = 200, multiline: bool = False) -> str:
    """Return ``value`` stripped, or raise ``TextRejected`` saying what to change."""
    text = value.strip()
    if _CONTROL.search(text) or (not multiline and ("\n" in text or "\t" in text)):
        raise TextRejected(reason=Msg("text.control_chars"))
    if len(text) > limit:
        raise TextRejected(reason=Msg("text.too_long", limit=limit))
    if _MARKUP.search(text):
        raise TextRejected(reason=Msg("text.markup"))
    if text.startswith(FORMULA_TRIGGERS) and not _looks_numeric(text):
        raise TextRejected(reason=Msg("text.formula"))
    return text


def check_identifier(value: str) -> str:
    """Return an identifier (model code, factor id or key) or raise ``TextRejected``."""
    text = value.strip()
    if not _IDENT.match(text):
        raise TextRejected(reason=Msg("text.identifier"))
    return text


_NUMERIC = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")


def _looks_numeric(text: str) -> bool:
    """True for a plain number ("-12.5", "1e-3"): no spaces, tabs or CRs around it, no "inf"/"nan"."""
    return bool(_NUMERIC.fullmatch(text))


ShortText = Annotated[str, AfterValidator(check_text)]
LongText = Annotated[str, AfterValidator(lambda v: check_text(v, limit=4000, multiline=True))]
Identifier = Annotated[str, AfterValidator(check_identifier)]


def neutralise_formula(value):
    """Return a cell value safe for CSV/Excel: text starting with = + - @ tab or CR gets a leading apostrophe.

    Numbers pass through unchanged, so numeric columns stay numeric.
    """
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS) and not _looks_numeric(value):
        return "'" + value
    return value


def md_escape(value: object) -> str:
    """Return ``value`` as Markdown that shows it literally: every ASCII punctuation mark backslash-escaped.

    CommonMark lets any ASCII punctuation be escaped, so no user text can make a link, an image, an
    ``<autolink>``, emphasis, a heading, LaTeX (``$``) or a Streamlit directive (``:red[…]``, ``:material/…:``).
    GFM's literal autolinks (``http://…``, ``www.…``, ``a@b.c``) ignore escapes, so an invisible word joiner
    (``WORD_JOINER``) breaks each of them. Line breaks are kept as Markdown line breaks.
    """
    joined = _AUTOLINK_SPOTS.sub(WORD_JOINER, str(value))
    return _ASCII_PUNCTUATION.sub(r"\\\1", joined).replace("\n", "  \n")


def md_unescape(markdown: str) -> str:
    """Return the text ``md_escape`` made Markdown of (its inverse): what a reader sees."""
    return _JOINED_SPOTS.sub("", _ESCAPED.sub(r"\1", markdown.replace("  \n", "\n")))
