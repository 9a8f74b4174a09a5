"""Pickers that stay usable at 10,000 options (#13): above ``analysis.PICKER_LIMIT`` a search box narrows the list.

A plain selectbox sends every option to the browser on every rerun (and formats each one); a search box
and the first matches keep a 10,000-model portfolio as quick to pick from as the demo. The current choice
is always listed, so narrowing never changes what is chosen.
"""

from __future__ import annotations

import streamlit as st

import ui
from cfp_core import analysis, numbers


def _search(container, key: str, count: int) -> str:
    return container.text_input(ui.tr("picker.search", count=numbers.grouped(count)), key=f"{key}_search",
                                placeholder=ui.tr("picker.search_placeholder"), help=ui.tr("picker.search_help"))


def _note(container, matched: int) -> None:
    if matched > analysis.PICKER_LIMIT:
        container.caption(ui.tr("picker.more", listed=numbers.grouped(analysis.PICKER_LIMIT),
                                matched=numbers.grouped(matched)))
    elif matched == 0:
        container.caption(ui.tr("picker.none"))


def select(label: str, options: list, key: str, index: int = 0, format_func=str, container=None):
    """``st.selectbox`` (in ``container``, default the page); with many options, a search box narrows it."""
    container = container or st
    if len(options) <= analysis.PICKER_LIMIT:
        return container.selectbox(label, options, index=index, key=key, format_func=format_func)
    held = st.session_state.get(key)
    current = held if held in set(options) else options[index]
    listed, matched = analysis.narrow_options(options, _search(container, key, len(options)), format_func, [current],
                                              analysis.PICKER_LIMIT)
    choice = container.selectbox(label, listed, index=listed.index(current), key=key, format_func=format_func)
    _note(container, matched)
    return choice


def multiselect(label: str, options: list, key: str, default=(), format_func=str, container=None,
                placeholder: str | None = None) -> list:
    """``st.multiselect`` (in ``container``); with many options, a search box narrows what it offers."""
    container, placeholder = container or st, placeholder or ui.tr("ui.choose_options")
    if len(options) <= analysis.PICKER_LIMIT:
        return container.multiselect(label, options, default=list(default), key=key, format_func=format_func,
                                     placeholder=placeholder)
    held = st.session_state.get(key)
    chosen = [o for o in (held if held is not None else default) if o in set(options)]
    listed, matched = analysis.narrow_options(options, _search(container, key, len(options)), format_func, chosen,
                                              analysis.PICKER_LIMIT)
    picked = container.multiselect(label, listed, default=chosen, key=key, format_func=format_func,
                                   placeholder=placeholder)
    _note(container, matched)
    return picked
