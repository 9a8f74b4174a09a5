"""The allocation helper tab: a plant total and each model's output become per-unit lines (core: editor.allocate)."""

from __future__ import annotations

import pandas as pd
import streamlit as st
from pydantic import ValidationError

import ui
from cfp_core import editor, numbers, store
from cfp_core.editor import EditorState
from cfp_core.models import STAGES, DataSourceType
from ui import editor as ui_editor


def allocation_tab(db, state: EditorState) -> None:
    """Plant quantity, basis and outputs in; the arithmetic per model shown; the lines written on request."""
    lang = ui.lang()
    st.caption(ui.tr("alloc.intro"))
    left, middle, right = st.columns(3)
    stages = {ui.tr(f"stage.{s.value}"): s.value for s in STAGES}
    stage = stages[left.selectbox(ui.tr("label.stage"), list(stages), key=f"alloc_stage_{lang}")]
    activity = middle.text_input(ui.tr("label.activity"), key="alloc_activity", max_chars=200)
    amount = right.number_input(ui.tr("alloc.amount"), min_value=0.0, value=0.0, key="alloc_amount", format="%.6g")
    unit = left.text_input(ui.tr("label.unit"), value="kWh", key="alloc_unit", max_chars=40)
    choices = editor.factor_choices(state.factor_set, lang)
    factor = middle.selectbox(ui.tr("label.factor"), list(choices), index=None, key="alloc_factor")
    sources = {ui.tr(f"source.{s.value}"): s.value for s in DataSourceType}
    source = sources.get(right.selectbox(ui.tr("label.data_source"), list(sources), index=None,
                                         key=f"alloc_source_{lang}"))
    bases = {ui.tr(f"alloc.basis.{b}"): b for b in ("units", "mass")}
    basis = bases.get(st.segmented_control(ui.tr("alloc.basis"), list(bases), default=list(bases)[0],
                                           key=f"alloc_basis_{lang}"))
    codes = [p.model_code for p in store.list_products(db) if not p.illustrative] or [state.product.model_code]
    outputs = st.data_editor(
        pd.DataFrame({"model": [state.product.model_code], "units": [None], "mass_kg": [None]}),
        key="alloc_outputs", num_rows="dynamic", hide_index=True, column_config={
            "model": st.column_config.SelectboxColumn(ui.tr("alloc.col.model"), options=codes),
            "units": st.column_config.NumberColumn(ui.tr("alloc.col.units"), min_value=0.0),
            "mass_kg": st.column_config.NumberColumn(ui.tr("alloc.col.mass"), min_value=0.0)})
    try:
        rows = [editor.ModelOutput(model_code=r["model"], units=r["units"],
                                   mass_kg=None if pd.isna(r["mass_kg"]) else r["mass_kg"])
                for r in outputs.to_dict("records") if r.get("model") and not pd.isna(r.get("units"))]
        plant = editor.PlantQuantity(stage=stage, activity=activity, amount=amount, unit=unit,
                                     factor_ref=choices.get(factor) if factor else "", data_source=source)
        result = editor.allocate(plant, rows, basis or "units")
    except (ValidationError, ValueError, TypeError) as error:
        st.info(ui.tr("alloc.need"))
        if isinstance(error, ValidationError) and amount > 0 and activity.strip() and factor and source:
            ui.show_error(error)  # a form filled in but wrong: say what (an empty form only gets the hint)
        return
    st.dataframe(numbers.as_percent(pd.DataFrame([{"model": s.model_code, "share": s.share, "per_unit": s.per_unit,
                                "explain": editor.explain(result, s, lang)} for s in result.shares]), "share"),
                 hide_index=True, column_config={
                     "model": ui.tr("alloc.col.model"),
                     "share": st.column_config.NumberColumn(ui.tr("alloc.col.share"), format=numbers.SHARE_FORMAT),
                     "per_unit": st.column_config.NumberColumn(ui.tr("alloc.col.per_unit") + f" ({unit})", format="%.6g"),
                     "explain": st.column_config.TextColumn(ui.tr("alloc.col.explain"), width="large")})
    if st.button(ui.tr("alloc.write"), key="alloc_write", type="primary"):
        with ui.errors_shown():
            saved = editor.write_allocation(db, ui.principal(db), result, state.period, comment=ui.tr("alloc.tab"))
            ui_editor.flash(ui.tr("alloc.done", count=len(saved), targets=", ".join(f"{m} r{r}" for m, r in saved)))
            st.rerun()
