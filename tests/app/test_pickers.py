"""Pickers with many options (#13): a search box narrows the list, the choice and the URL stay as they were."""

from __future__ import annotations

import pytest

from cfp_core import analysis
from cfp_core.i18n import t


@pytest.fixture
def few_listed(monkeypatch):
    """Pretend two options are "many", so the demo's models get the search box."""
    monkeypatch.setattr(analysis, "PICKER_LIMIT", 2)


def options_of(at, key):
    return at.selectbox(key=key).options


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_explain_model_picker_searches_and_keeps_the_choice(page_app, few_listed, lang):
    at = page_app("explain", lang=lang).run()
    assert not at.exception
    search = at.text_input(key="explain_model_search")
    assert search.label == t("picker.search", lang, count="3")
    assert at.selectbox(key="explain_model").value == "WS-TPS-48-900A"
    assert t("picker.more", lang, listed="2", matched="3") in [c.value for c in at.caption]
    search.set_value("300").run()
    listed = options_of(at, "explain_model")
    assert [o.split(" · ")[0] for o in listed] == ["WS-TPS-48-300A", "WS-TPS-48-900A"]  # the match, and the choice
    assert at.selectbox(key="explain_model").value == "WS-TPS-48-900A"  # narrowing does not change the choice
    at.selectbox(key="explain_model").set_value("WS-TPS-48-300A").run()
    assert at.query_params["model"] == "WS-TPS-48-300A"
    search.set_value("no such model").run()
    assert t("picker.none", lang) in [c.value for c in at.caption]
    assert at.selectbox(key="explain_model").value == "WS-TPS-48-300A"


def test_compare_models_multiselect_searches_and_keeps_the_selection(page_app, few_listed):
    at = page_app("compare_models", lang="en").run()
    chosen = at.multiselect(key="cm_models").value
    at.text_input(key="cm_models_search").set_value("900").run()
    assert not at.exception
    assert at.multiselect(key="cm_models").value == chosen
    assert set(at.multiselect(key="cm_models").options) >= set(chosen)


def test_small_lists_have_no_search_box(page_app):
    at = page_app("explain", lang="en").run()
    assert not [w for w in at.text_input if w.key == "explain_model_search"]
