"""Bilingual text (Simplified Chinese and English) for every label, unit and message.

Catalogues are the other modules of this package; each defines ``MESSAGES``, a dict of
``key -> (english, chinese)``. Keys are dotted and stable (``stage.production``,
``error.unit_mismatch``). ``t(key, lang, **params)`` formats with ``str.format``.
A missing key raises ``KeyError`` in tests (see ``tests/core/test_i18n.py``), so no
page ever shows a raw id.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any

LANGS = ("zh", "en")
DEFAULT_LANG = "zh"


def _load() -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for key, pair in module.MESSAGES.items():
            if key in merged:
                raise ValueError(f"i18n key {key!r} defined twice (again in {info.name})")
            merged[key] = pair
    return merged


CATALOGUE = _load()


def normalise_lang(lang: str | None) -> str:
    """Return "zh" or "en" for any of zh, zh-CN, zh_Hans, en, en-US…; default Chinese."""
    if not lang:
        return DEFAULT_LANG
    return "en" if str(lang).lower().startswith("en") else "zh"


class Msg:
    """A message key with parameters, rendered later in the reader's language.

    Used for message parts such as "Line 3 (Production, diesel): " inside an error.
    """

    def __init__(self, key: str, **params: Any) -> None:
        self.key, self.params = key, params

    def render(self, lang: str = DEFAULT_LANG) -> str:
        return t(self.key, lang, **self.params)

    def __str__(self) -> str:
        return self.render("en")

    def __repr__(self) -> str:
        return f"Msg({self.key!r}, {self.params!r})"


class Named(Msg):
    """A name given in both languages (a factor, set or product name), rendered like a ``Msg`` parameter."""

    def __init__(self, english: str, chinese: str) -> None:
        super().__init__("")
        self.english, self.chinese = english or chinese, chinese

    def render(self, lang: str = DEFAULT_LANG) -> str:
        return self.english if normalise_lang(lang) == "en" else self.chinese


class Joined(Msg):
    """Messages joined in the reader's language ("、" in Chinese, ", " in English, or ``sep``)."""

    def __init__(self, parts: list[Msg], sep: str = "、") -> None:
        super().__init__("")
        self.parts, self.sep = parts, sep

    def render(self, lang: str = DEFAULT_LANG) -> str:
        sep = ", " if normalise_lang(lang) == "en" and self.sep == "、" else self.sep
        return sep.join(p.render(lang) for p in self.parts)


def t(key: str, lang: str = DEFAULT_LANG, **params: Any) -> str:
    """Return the text for ``key`` in ``lang``, formatted with ``params``.

    Parameters that are ``Msg`` objects are rendered in the same language first.
    Raises ``KeyError`` if the key is unknown.
    """
    english, chinese = CATALOGUE[key]
    text = english if normalise_lang(lang) == "en" else chinese
    if not params:
        return text
    rendered = {k: v.render(lang) if isinstance(v, Msg) else v for k, v in params.items()}
    return text.format(**rendered)


def line_where(line_no: int, stage: str, activity: str) -> Msg:
    """Return the "Line N (stage, activity): " prefix used in line-level errors."""
    return Msg("where.line", line=line_no, stage=Msg(f"stage.{stage}"), activity=activity)


def has(key: str) -> bool:
    """Return True if ``key`` is in the catalogue."""
    return key in CATALOGUE
