"""The "add one factor" tab of the Factor library: a form whose text goes to ``library.add_factor`` as typed."""

from __future__ import annotations

import streamlit as st

import ui
from cfp_core import library, store
from cfp_core.factors import FactorFamily, FactorSet


def _choice(label_key: str, options: dict[str, str], key: str, index: int | None = 0) -> str:
    """A selectbox over localized labels (AppTest-safe); returns the chosen value ("" when none is chosen)."""
    chosen = st.selectbox(ui.tr(label_key), list(options), key=key, index=index,
                          placeholder=ui.tr("factors.one.choose"))
    return options.get(chosen, "") if chosen is not None else ""


def one_factor_tab(factor_set: FactorSet, taken: list[str]) -> None:
    """Collect one factor's value, unit, source, data year, boundary and confidence; save a new set on submit."""
    lang = ui.lang()
    st.caption(ui.tr("factors.one.help"))
    field = {name: f"factors.one.field.{name}" for name in library.FACTOR_FIELDS}
    with st.form("factors_one_form"):
        left, middle, right = st.columns(3)
        fields = {"key": left.text_input(ui.tr(field["key"]), key="factors_one_key"),
                  "name_zh": middle.text_input(ui.tr(field["name_zh"]), key="factors_one_name_zh"),
                  "name_en": right.text_input(ui.tr(field["name_en"]), key="factors_one_name_en"),
                  "value": left.text_input(ui.tr(field["value"]), key="factors_one_value"),
                  "unit": middle.text_input(ui.tr(field["unit"]), key="factors_one_unit")}
        with right:
            fields["gas"] = _choice(field["gas"], {g: g for g in library.known_gases()}, "factors_one_gas")
        with left:
            families = {ui.tr(f"family.{f.value}"): f.value for f in FactorFamily}
            fields["family"] = _choice(field["family"], families, "factors_one_family",
                                       list(families.values()).index(FactorFamily.CUSTOM.value))
        with middle:
            boundaries = {ui.tr("factors.one.not_stated"): ""} | {
                ui.tr(f"factor_boundary.{b}"): b for b in library.BOUNDARIES}
            fields["boundary"] = _choice(field["boundary"], boundaries, "factors_one_boundary")
        with right:
            confidences = {library.confidence_label(c, lang): c for c in library.CONFIDENCES}
            fields["confidence"] = _choice(field["confidence"], confidences, "factors_one_confidence", None)
        for column, name in zip((left, middle, right, left, middle), ("region", "publisher", "vintage",
                                                                      "source_document", "source_url"), strict=True):
            fields[name] = column.text_input(ui.tr(field[name]), key=f"factors_one_{name}")
        fields["derivation_note"] = st.text_area(ui.tr(field["derivation_note"]), key="factors_one_note",
                                                 max_chars=4000)
        replace = st.checkbox(ui.tr("factors.one.replace"), key="factors_one_replace")
        a, b, c = st.columns(3)
        set_id = a.text_input(ui.tr("factors.custom.id"), key="factors_one_set_id")
        name_zh = b.text_input(ui.tr("factors.custom.name_zh"), key="factors_one_set_zh")
        name_en = c.text_input(ui.tr("factors.custom.name_en"), key="factors_one_set_en")
        submitted = st.form_submit_button(ui.tr("factors.one.save"), key="factors_one_save", type="primary")
    if not submitted:
        return
    with ui.errors_shown():
        new_set = library.add_factor(factor_set, fields, set_id, name_zh, name_en, taken=taken, replace=replace)
        with ui.open_db() as db:
            store.save_factor_set(db, ui.principal(db), new_set)
        factor = new_set.by_key()[fields["key"].strip()]
        st.success(ui.md(ui.tr("factors.one.saved", name=library.set_label(new_set, lang),
                               factor=library.factor_name(factor, lang))), icon=":material/check_circle:")
