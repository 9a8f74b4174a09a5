"""Streamlit helpers shared by the pages: language, database handle, errors, cached core calls.

The only non-page module that imports streamlit. No domain logic here.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import streamlit as st
from pydantic import ValidationError

from cfp_core import analysis, service, store
from cfp_core.errors import CfpError
from cfp_core.i18n import LANGS, normalise_lang, t
from cfp_core.validation import describe


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


def show_error(error: Exception) -> None:
    """Render a core error or a validation error in the user's language."""
    if isinstance(error, CfpError):
        st.error(error.message(lang()))
    elif isinstance(error, ValidationError):
        st.error("\n\n".join(describe(error, lang())))
    else:
        raise error


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


@st.cache_data(max_entries=512, show_spinner=False)
def cached_footprint(db_file: str, model_code: str, period: str, revision: int, set_id: str | None,
                     gwp_id: str | None = None):
    """Footprint of a stored inventory revision; cached by (database, revision, set, GWP)."""
    db = store.open_db(db_file)
    try:
        return service.stored_footprint(db, model_code, period, set_id, revision, gwp_id)
    finally:
        db.close()


def footprint(db, model_code: str, period: str, set_id: str | None = None, gwp_id: str | None = None):
    """Return the footprint of the latest revision of an inventory, through the cache."""
    revision = store.latest_revision(db, model_code, period)
    if revision is None:
        return service.stored_footprint(db, model_code, period, set_id, None, gwp_id)
    return cached_footprint(str(store.db_path()), model_code, period, revision, set_id, gwp_id)


def url_selectbox(label: str, options: list, param: str, key: str, default=None, format_func=str):
    """A selectbox whose choice is shareable in the URL (``?param=``); returns the chosen option.

    The URL value wins, then ``default``, then the first option; None when there are no options.
    """
    if not options:
        return None
    values = [str(o) for o in options]
    wanted = str(query_param(param, default))
    choice = st.selectbox(label, options, index=values.index(wanted) if wanted in values else 0,
                          key=key, format_func=format_func)
    set_query_params(**{param: choice})
    return choice


def illustrative_badge(flag: bool) -> None:
    """Show the "illustrative data" mark for demo data."""
    if flag:
        st.warning(f"**{tr('label.illustrative')}** — {tr('label.illustrative_help')}", icon=":material/science:")


# --- analysis helpers (compare models, compare factor versions, trends)

@st.cache_resource(max_entries=32, show_spinner=False)
def cached_footprints(db_file: str, period: str, set_id: str | None, key: str, _revisions: tuple) -> tuple:
    """Footprints of many inventory revisions of one period (``service.footprints_of``), cached as one entry.

    ``key`` spells out ``_revisions`` ("model:revision,…"): one string hashes far faster than 200 tuples.
    A resource cache hands out the same objects without unpickling; footprints are frozen, so that is safe.
    """
    db = store.open_db(db_file)
    try:
        return tuple(service.footprints_of(db, _revisions, period, set_id))
    finally:
        db.close()


def footprints(inventory_rows, model_codes, period: str, set_id: str | None = None) -> list:
    """Return the footprints of several models for one period in one cached call (keyed by their revisions).

    ``inventory_rows`` are ``store.list_inventories`` rows (they carry the latest revisions).
    """
    revisions = service.latest_revisions(inventory_rows, model_codes, period)
    key = ",".join(f"{code}:{revision}" for code, revision in revisions)
    return cached_footprints(str(store.db_path()), period, set_id, key, revisions)


def analysis_table(frame, key: str, share_columns=()) -> None:
    """Show a result table: 4-decimal numbers, "Δ% " columns as signed percentages, "—" where unknown."""
    formats = analysis.column_formats(frame, share_columns)
    st.dataframe(frame, hide_index=True, placeholder="—", key=key,
                 column_config={column: st.column_config.NumberColumn(format=fmt) for column, fmt in formats.items()})


@st.cache_data(max_entries=64, show_spinner=False)
def cached_factor_comparison(db_file: str, model_code: str, period: str, revision: int, set_ids: tuple[str, ...]):
    """One inventory revision under several factor sets (``analysis.factor_comparison_of``), cached."""
    db = store.open_db(db_file)
    try:
        return analysis.factor_comparison_of(db, model_code, period, set_ids, revision)
    finally:
        db.close()


def factor_comparison(db, model_code: str, period: str, set_ids):
    """Return the latest inventory of a model and period under each set in ``set_ids``, through the cache."""
    revision = store.latest_revision(db, model_code, period) or 0
    return cached_factor_comparison(str(store.db_path()), model_code, period, revision, tuple(set_ids))


@st.cache_resource(max_entries=32, show_spinner=False)
def _cached_trend_inputs(db_file: str, set_id: str | None, key: str, _model_codes: tuple) -> tuple:
    """``service.trend_inputs`` cached by database, factor set and every inventory revision involved (``key``)."""
    db = store.open_db(db_file)
    try:
        return service.trend_inputs(db, _model_codes, set_id)
    finally:
        db.close()


def trend_inputs(db, model_codes, set_id: str | None = None) -> tuple[list, list]:
    """Return ``service.trend_inputs`` (every stored period of ``model_codes``) through the cache."""
    codes = set(model_codes)
    key = ",".join(f"{r['model_code']}:{r['period']}:{r['revision']}" for r in store.list_inventories(db)
                   if r["model_code"] in codes) + "|" + ",".join(model_codes)
    return _cached_trend_inputs(str(store.db_path()), set_id, key, tuple(model_codes))


def _leave_legacy_pages_mode() -> None:
    """Route a deep link opened first after server start (``/products``) through app.py, not pages/ alone.

    (Until st.navigation has run once, Streamlit treats ``pages/`` as a legacy app: raw file names, no language switch.)"""
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


_leave_legacy_pages_mode()
