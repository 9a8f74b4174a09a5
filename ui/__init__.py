"""Streamlit helpers shared by the pages: language, database handle, escaping, errors, routing.

The only non-page modules that import streamlit are this package's. No domain logic here.
Cached core calls live in ``ui.cache`` and are re-exported here.
"""

from __future__ import annotations

import contextlib
import logging
import runpy
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path

import streamlit as st
from pydantic import ValidationError
from streamlit import config

from cfp_core import analysis, numbers, store
from cfp_core.errors import CfpError
from cfp_core.i18n import LANGS, normalise_lang, t
from cfp_core.text import md_escape
from cfp_core.validation import describe
from ui import auth
from ui.cache import factor_comparison, footprint, footprints, latest_models, trend_points  # noqa: F401

log = logging.getLogger("cfp.ui")
EXPECTED_ERRORS = (CfpError, ValidationError)
_run = threading.local()  # Streamlit runs each session's script in its own thread


def lang() -> str:
    """Return the current language ("zh" or "en"), kept in the URL as ``?lang=``."""
    return normalise_lang(st.query_params.get("lang", "zh"))


def tr(key: str, **params) -> str:
    """Translate ``key`` into the current language."""
    return t(key, lang(), **params)


def language_switch() -> None:
    """Sidebar language switch; the choice persists in the URL (``?lang=en``)."""
    current = lang()
    choice = st.sidebar.segmented_control(
        t("label.language", current), options=list(LANGS), default=current, key="ui_lang",
        format_func=lambda code: {"zh": "中文", "en": "English"}[code],
    )
    if choice and choice != current:
        st.query_params["lang"] = choice
        st.rerun()


@contextlib.contextmanager
def open_db() -> Iterator:
    """Open the database for this script run (seeding it on first use) and close it afterwards."""
    db = store.open_db()
    try:
        if not store.is_seeded(db):
            store.seed_database(db)
        yield db
    finally:
        db.close()


def principal(db=None):
    """The acting principal of this run (``ui.auth``), or None; the core refuses writes without one."""
    return auth.principal()


def md(text: object) -> str:
    """Escape user or supplier text for any Markdown element (``cfp_core.text.md_escape``): shown literally."""
    return md_escape(text)


def fact(label: str, text: str, url: str | None = None) -> str:
    """Markdown of one "**label:** text" fact, both escaped; ``url`` (an already vetted http(s) URL) as a link."""
    shown = f"[{md(text)}]({url})" if url else md(text)
    return f"**{md(label)}:** {shown}"


def error_lines(error: Exception) -> list[str]:
    """Return a core or validation error as localized lines: the message, then one line per problem."""
    if isinstance(error, CfpError):
        return error.message(lang()).splitlines()
    return describe(error, lang())


def show_error(error: Exception) -> None:
    """Render a core or validation error in the user's language, every line escaped (problems as a list)."""
    head, *rest = error_lines(error) or [""]
    st.error("\n".join([md(head), *([""] if rest else []), *(f"- {md(line)}" for line in rest)]))


@contextlib.contextmanager
def stop_on_error() -> Iterator[None]:
    """Run the block; a core or validation error is shown in the user's language and the page stops there."""
    try:
        yield
    except EXPECTED_ERRORS as error:
        show_error(error)
        st.stop()


@contextlib.contextmanager
def errors_shown() -> Iterator[None]:
    """Run the block; a core or validation error is shown in the user's language and the page goes on after it."""
    try:
        yield
    except EXPECTED_ERRORS as error:
        show_error(error)


@contextlib.contextmanager
def router() -> Iterator[None]:
    """The frame of every page run (``app.py``): marks the run as routed and turns errors into messages.

    Core errors show localized; anything else shows a localized message with an error id, and the
    traceback goes to the server log under that id (never to the browser).
    """
    _run.routed = True
    try:
        yield
    except EXPECTED_ERRORS as error:
        show_error(error)
    except Exception:  # st.stop/st.rerun are BaseExceptions and pass through
        error_id = uuid.uuid4().hex[:8]
        log.exception("unexpected error %s on page %s", error_id, st.query_params.to_dict())
        st.error(tr("ui.error.unexpected", error_id=error_id), icon=":material/error:")
    finally:
        _run.routed = False


def query_param(name: str, default: str | None = None) -> str | None:
    """Return a query parameter (shareable view state)."""
    return st.query_params.get(name, default)


def set_query_params(**values) -> None:
    """Write shareable view state into the URL; ``None`` removes a parameter."""
    for name, value in values.items():
        if value is None:
            st.query_params.pop(name, None)
        elif st.query_params.get(name) != str(value):
            st.query_params[name] = str(value)


def url_selectbox(label: str, options: list, param: str, key: str, default=None, format_func=str):
    """A selectbox whose choice is shareable in the URL (``?param=``); returns the chosen option.

    The URL value wins, then ``default``, then the first option; None when there are no options.
    """
    if not options:
        return None
    values = [str(o) for o in options]
    wanted = str(query_param(param, default))
    from ui import pickers  # a search box above PICKER_LIMIT options (#13); pickers imports ui
    choice = pickers.select(label, options, key, values.index(wanted) if wanted in values else 0, format_func)
    set_query_params(**{param: choice})
    return choice


def illustrative_badge(flag: bool) -> None:
    """Show the "illustrative data" mark for demo data."""
    if flag:
        st.warning(f"**{tr('label.illustrative')}** — {tr('label.illustrative_help')}", icon=":material/science:")


def time_zone():
    """The viewer's time zone: the browser's, else ``$TZ``, else Asia/Shanghai (``numbers.time_zone``)."""
    return numbers.time_zone(getattr(st.context, "timezone", None))


def analysis_table(frame, key: str, share_columns=()) -> None:
    """Show a result table: 4-decimal numbers, "Δ% " columns as signed percentages, "—" where unknown."""
    formats = analysis.column_formats(frame, share_columns)
    st.dataframe(frame, hide_index=True, placeholder="—", key=key,
                 column_config={column: st.column_config.NumberColumn(format=fmt) for column, fmt in formats.items()})


def require_router(page_file: str) -> None:
    """Make sure this page runs inside ``app.py``'s router; every page calls it first, with ``__file__``.

    A deep link opened first after a server start (``/products``) runs the page file alone, because
    until ``st.navigation`` has run once Streamlit treats a ``pages/`` folder as a legacy multipage
    app (streamlit/streamlit#9624). This runs ``app.py`` in the same script run: its ``st.navigation``
    switches the app to the router for every session (documented) and runs this page inside it.
    On a server that happens once, on a first load without widget events, and a rerun then makes it
    an ordinary routed run (so widget ids stay stable). AppTest starts every run in legacy mode, so
    there the nested run is the run (its widget events intact) and the unrouted rest stops.
    Guarded by ``tests/browser/test_deep_link.py``.
    """
    if getattr(_run, "routed", False):
        return
    runpy.run_path(str(Path(page_file).resolve().parents[1] / "app.py"), run_name="__main__")
    if config.get_option("global.appTest"):  # st.get_option would not see AppTest's override
        st.stop()
    st.rerun()
