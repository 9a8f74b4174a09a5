"""The router frame of every page (ui.router): errors become messages, never tracebacks; escaping."""

from __future__ import annotations

import logging
import re

from hypothesis import given
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from cfp_core.text import _ESCAPED, WORD_JOINER, md_escape, md_unescape

AUTOLINK_LITERAL = re.compile(r"https?://|www\.|[\w.+-]@[\w-]", re.IGNORECASE)  # what remark-gfm turns into links

SCRIPT = """
import streamlit as st
import ui
from cfp_core.errors import NotFound
from cfp_core.i18n import Msg

with ui.router():
    st.title("before")
    kind = st.query_params.get("kind")
    if kind == "core":
        raise NotFound(what=Msg("what.product"), ident="<b>NOPE</b>")
    if kind == "bug":
        raise RuntimeError("/srv/secret/path.py exploded")
st.caption("after")
"""


def _run(kind: str, lang: str = "en") -> AppTest:
    at = AppTest.from_string(SCRIPT, default_timeout=30)
    at.query_params.update(kind=kind, lang=lang)
    return at.run()


def test_a_core_error_is_shown_localized_and_escaped():
    at = _run("core", "zh")
    assert not at.exception and at.title[0].value == "before" and at.caption[0].value == "after"
    assert "产品型号" in at.error[0].value and "<b>NOPE</b>" in at.error[0].value
    assert "\\<b\\>" in at.error[0].proto.body  # escaped in the Markdown source: shown literally


def test_an_unexpected_error_shows_an_id_and_no_traceback(caplog):
    with caplog.at_level(logging.ERROR, logger="cfp.ui"):
        at = _run("bug")
    assert not at.exception  # no Streamlit exception box, so no traceback or server path in the browser
    shown = at.error[0].value
    assert "Something went wrong" in shown and "/srv/secret" not in shown and "RuntimeError" not in shown
    error_id = shown.split("(error ")[1][:8]
    assert any(error_id in r.getMessage() and r.exc_info for r in caplog.records)  # the traceback is logged


def test_errors_are_shown_in_chinese_too():
    assert "意外错误" in _run("bug", "zh").error[0].value


@given(st.text())
def test_escaping_round_trips_and_leaves_no_live_markdown(text):
    escaped = md_escape(text)
    assert md_unescape(escaped) == text
    unescaped_punctuation = [c for i, c in enumerate(escaped) if c in "[]()<>!*_`$:@#|~"
                             and (i == 0 or escaped[i - 1] != "\\")]
    assert unescaped_punctuation == []
    assert not AUTOLINK_LITERAL.search(_ESCAPED.sub(r"\1", escaped))  # GFM linkifies after resolving escapes


def test_autolink_literals_are_broken_invisibly_and_come_back_exactly():
    text = "see http://evil.test/a, WWW.evil.test or a.b@evil.test"
    escaped = md_escape(text)
    assert escaped.count(WORD_JOINER) == 3 and md_unescape(escaped) == text
