"""AppTest helpers: every page test runs against a private seeded database copy."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1 import element_tree as et

from cfp_core.text import md_unescape

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def clear_streamlit_caches():
    """st.cache_data is process-global and leaks between AppTest instances (STACK.md §2)."""
    st.cache_data.clear()
    st.cache_resource.clear()
    yield


@pytest.fixture(autouse=True, scope="session")
def read_text_as_shown():
    """AppTest returns Markdown source, and pages escape user text (``ui.md``): tests read what a user sees.

    The escaped source stays available as ``element.proto.body`` for tests of the escaping itself.
    """
    patched = {cls: cls.value for cls in (et.AlertBase, et.HeadingBase, et.Markdown, et.Metric)}
    for cls in patched:
        cls.value = property(lambda self: md_unescape(self.proto.body))
    et.Metric.label = property(lambda self: md_unescape(self.proto.label))
    yield
    for cls, value in patched.items():
        cls.value = value
    del et.Metric.label


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
