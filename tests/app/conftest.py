"""AppTest helpers: every page test runs against a private seeded database copy."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def clear_streamlit_caches():
    """st.cache_data is process-global and leaks between AppTest instances (STACK.md §2)."""
    st.cache_data.clear()
    st.cache_resource.clear()
    yield


@pytest.fixture
def page_app(seeded_db_path):
    """Return a factory: ``page_app("compare_models", lang="en", **query)`` -> AppTest (not yet run).

    The page runs through the router (app.py) so navigation and the language switch are real.
    """

    def make(page: str, lang: str = "zh", **query) -> AppTest:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        at.query_params["lang"] = lang
        for name, value in query.items():
            at.query_params[name] = value
        at.run()
        at.switch_page(f"pages/{page}.py")
        return at

    return make
