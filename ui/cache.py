"""Cached core calls of the pages: footprints, factor comparisons and trend series, keyed by revisions.

Every entry is keyed by the database file and the inventory revisions it depends on, so a new
revision is a new key and nothing stale is ever shown.
"""

from __future__ import annotations

import streamlit as st

from cfp_core import analysis, service, store


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


def trend_points(db, model_codes, set_id: str | None = None) -> list:
    """Return ``service.trend_points``: read from the store's materialised results, so no page cache (#13)."""
    return service.trend_points(db, list(model_codes), set_id)


def latest_models(db, period: str, count: int) -> list[str]:
    """Return the ``count`` models whose inventories for ``period`` changed last (Compare models' opening selection)."""
    return service.latest_models(db, period, count)
