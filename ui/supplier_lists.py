"""Long lists of stored supplier footprints: a search box and a paged table (page size + page number)."""

from __future__ import annotations

import streamlit as st

import ui
from cfp_core.analysis import supplier_service


def search_box(key: str) -> str:
    """A text filter; returns its words (stripped)."""
    return st.text_input(ui.tr("supscale.search"), key=key, help=ui.tr("supscale.search_help"),
                         placeholder="#12, Northwind, Part 003 …").strip()


def pager(items, key: str) -> supplier_service.Page:
    """Page-size and page-number controls under a list; returns the page of ``items`` shown."""
    left, right, _ = st.columns([1, 1, 3])
    size = left.selectbox(ui.tr("supscale.page_size"), supplier_service.PAGE_SIZES, key=f"{key}_size")
    pages = supplier_service.paginate(items, 1, size).pages
    number = right.number_input(ui.tr("supscale.page"), min_value=1, max_value=pages, step=1, key=f"{key}_page_{size}_{pages}")
    page = supplier_service.paginate(items, number, size)
    if page.total:
        start = (page.number - 1) * size + 1
        st.caption(ui.tr("supscale.showing", start=start, stop=start + len(page.items) - 1, total=page.total,
                         page=page.number, pages=page.pages))
    return page
