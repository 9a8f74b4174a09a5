"""Widgets of the management page: the volume form, the volume import with its templates, the target form.

Every save goes through the core (``store.save_volumes``/``store.save_target``), which checks the role;
these widgets are shown only to a principal who may use them (a convenience, not the control).
"""

from __future__ import annotations

import streamlit as st

import ui
from cfp_core import analysis, store
from cfp_core import io as cfp_io
from cfp_core.access import Action
from ui import editor as ui_editor
from ui import pickers

KINDS = ("percent", "absolute")


def _saved(key: str, revision: int) -> None:
    ui_editor.flash(ui.tr(key, revision=revision))
    st.rerun()


def volume_form(db, principal, models: list[str], periods: list[str]) -> None:
    """One volume (model, period, units produced, note) saved as a new revision."""
    model = pickers.select(ui.tr("label.model"), models, "mg_v_model")  # outside the form: its search box reruns
    with st.form("mg_volume_form"):
        middle, right = st.columns(2)
        period = middle.selectbox(ui.tr("label.period"), periods, index=len(periods) - 1 if periods else 0,
                                  key="mg_v_period")
        volume = right.number_input(ui.tr("mgmt.col.volume"), min_value=0.0, value=None, step=1.0, key="mg_v_volume")
        note = st.text_input(ui.tr("label.note"), max_chars=200, key="mg_v_note")
        submitted = st.form_submit_button(ui.tr("mgmt.save_volumes"), type="primary")
    if submitted:
        with ui.errors_shown():
            rows = [(1, {"product_model": model, "period": period, "volume": "" if volume is None else volume,
                         "note": note})]
            _saved("mgmt.saved_volumes", store.save_volumes(db, principal, cfp_io.volume_entries(rows)))


def volume_import(db, principal, template_rows: list[dict]) -> None:
    """Template downloads (every model and period, current volumes filled in) and a CSV/Excel import."""
    lang = ui.lang()
    left, right = st.columns(2)
    # built when clicked: at 10,000 models the xlsx alone took seconds on every rerun (#13)
    left.download_button(ui.tr("mgmt.template_csv"), lambda: cfp_io.volume_template_bytes("csv", lang, template_rows),
                         file_name="production_volumes.csv", mime="text/csv", key="mg_tpl_csv", on_click="ignore")
    right.download_button(ui.tr("mgmt.template_xlsx"), lambda: cfp_io.volume_template_bytes("xlsx", lang, template_rows),
                          file_name="production_volumes.xlsx", key="mg_tpl_xlsx", on_click="ignore",
                          mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    upload = st.file_uploader(ui.tr("mgmt.import"), type=["csv", "xlsx"], key="mg_upload")
    if upload is not None and st.button(ui.tr("mgmt.import_button"), key="mg_import"):
        with ui.errors_shown():
            entries = cfp_io.read_volume_file(upload.getvalue(), upload.name)
            _saved("mgmt.saved_volumes", store.save_volumes(db, principal, entries, comment=upload.name))


def target_form(db, principal, models: list[str], years: list[int]) -> None:
    """A reduction target of the portfolio or one model: baseline year, target year, % or an absolute level."""
    scopes = {store.PORTFOLIO: ui.tr("mgmt.portfolio"), **{m: m for m in models}}
    kinds = {k: ui.tr(f"mgmt.kind.{k}") for k in KINDS}
    first = min(years) if years else 2023
    st.markdown(f"**{ui.tr('mgmt.target_form')}**")
    scope = pickers.select(ui.tr("mgmt.field.scope"), list(scopes), "mg_t_scope", format_func=scopes.get)
    with st.form("mg_target_form"):
        left, middle, right = st.columns(3)
        baseline = left.number_input(ui.tr("mgmt.field.baseline_year"), 1990, 2100, first, key="mg_t_baseline")
        target = middle.number_input(ui.tr("mgmt.field.target_year"), 1990, 2100, 2030, key="mg_t_year")
        kind = right.radio(ui.tr("mgmt.field.kind"), list(kinds), format_func=kinds.get, key="mg_t_kind")
        value = st.number_input(ui.tr("mgmt.field.value"), min_value=0.0, value=None, key="mg_t_value")
        submitted = st.form_submit_button(ui.tr("mgmt.save_target"), type="primary")
    if submitted:
        with ui.errors_shown():
            chosen = store.ReductionTarget(model_code=scope, baseline_year=baseline, target_year=target, kind=kind,
                                           value=value)
            _saved("mgmt.saved_target", store.save_target(db, principal, chosen))


def entry_section(db, view, models: list[str]) -> None:
    """Volumes and targets entry for a principal who may write them; a read-only note otherwise."""
    principal = ui.principal(db)
    may_volumes = principal is not None and principal.can(Action.SAVE_VOLUMES)
    may_target = principal is not None and principal.can(Action.SAVE_TARGET)
    if not (may_volumes or may_target):
        st.info(ui.tr("mgmt.read_only"))
        return
    st.caption(ui.tr("mgmt.volumes_help"))
    periods = sorted(set(view.weighted["period"]))
    if may_volumes:
        volume_form(db, principal, models, periods)
        volume_import(db, principal, analysis.management.template_rows(view.weighted))
    if may_target:
        target_form(db, principal, models, sorted({int(y) for y in view.weighted["year"].dropna()}))
