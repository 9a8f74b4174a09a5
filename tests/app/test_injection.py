"""Markdown injection (#14.6): user and supplier text never becomes a link, an image or an autolink on any page.

The workspace is seeded with hostile text (``tests.support.hostile``: product, organisation, lines, notes,
a supplier file, a withdrawal reason); every page is rendered in both languages and every string an element carries to the
browser (Markdown bodies, alerts, labels, captions, options, help) is searched for live Markdown: an
unescaped ``](`` or ``![``, or a GFM autolink literal (``http://``, ``www.``, ``a@b``) left once escapes are
resolved (remark-gfm linkifies those regardless of backslashes: the browser test found it).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import pytest
from google.protobuf.message import Message

from cfp_core.text import _ESCAPED
from tests.support.hostile import MODEL, PERIOD, seed_hostile
from ui import nav

LIVE = re.compile(r"(?<!\\)\]\((?!\))|(?<!\\)!\[")  # a link or an image in the Markdown source
AUTOLINK_LITERAL = re.compile(r"https?://|www\.|[\w.+-]@[\w-]", re.IGNORECASE)  # linkified after escapes resolve
NOT_MARKDOWN = {"arrow_data_frame", "arrow_table", "vega_lite_chart", "json", "code", "download_button", "data"}
PLAIN = {"selectbox", "multiselect", "text_input", "text_area", "number_input"}  # options and values: plain text
PLAIN_FIELDS = {"options", "default", "value", "raw_value", "placeholder"}


@pytest.fixture
def hostile(seeded_db_path) -> str:
    """The seeded workspace with hostile text everywhere; the token of a withdrawn card of it."""
    return seed_hostile(seeded_db_path)


def _strings(message: Message, field: str = "", plain: bool = False):
    """Every string a proto carries, except inside elements whose text is not rendered as Markdown."""
    for descriptor, value in message.ListFields():
        if descriptor.name in NOT_MARKDOWN or (plain and descriptor.name in PLAIN_FIELDS):
            continue
        values = value if isinstance(value, Sequence) and not isinstance(value, str) else [value]
        for item in values:
            if isinstance(item, Message):
                yield from _strings(item, descriptor.name, plain)
            elif isinstance(item, str):
                yield f"{field}.{descriptor.name}", item


def _live_markdown(at) -> list[tuple[str, str]]:
    found, stack = [], [at._tree]
    while stack:
        node = stack.pop()
        stack.extend(getattr(node, "children", {}).values())
        proto = getattr(node, "proto", None)
        if isinstance(proto, Message) and getattr(node, "type", "") not in NOT_MARKDOWN:
            found += [(f"{getattr(node, 'type', '')}{where}", text) for where, text in _strings(proto, plain=getattr(node, "type", "") in PLAIN) if "evil" in text and (LIVE.search(text) or AUTOLINK_LITERAL.search(_ESCAPED.sub(r"\1", text)))]
    return found


PAGES = [row[1] for row in nav.TABLE]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_no_page_turns_user_text_into_a_link_or_an_image(page_app, hostile, page, lang):
    at = page_app(page, lang, model=MODEL, period=PERIOD).run()
    assert not at.exception
    assert _live_markdown(at) == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_card_shows_a_hostile_withdrawal_reason_and_name_literally(page_app, hostile, lang):
    at = page_app("card", lang, token=hostile).run()
    assert not at.exception
    assert _live_markdown(at) == []
    shown = "\n".join(e.value for kind in ("title", "error", "warning", "markdown", "caption") for e in getattr(at, kind))
    assert "[evil link](http://evil.test/a)" in shown  # what a reader sees: the text itself, not a link
