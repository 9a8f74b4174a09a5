"""A supplier's footprint as a factor: the "Use as factor" form and the "newer version available" flags with "Adopt"."""

from __future__ import annotations

import streamlit as st

import ui
from cfp_core import editor, store
from cfp_core.analysis import suppliers as supplier_compare

FLASH = "supfactor_messages"


def flash() -> None:
    """Show the messages of the last create / adopt (kept across the rerun that follows it)."""
    for message in st.session_state.pop(FLASH, []):
        st.success(ui.md(message))


def _done(message: str) -> None:
    st.session_state[FLASH] = [message]
    st.rerun()


def use_as_factor(db, stored) -> None:
    """Pick an accepted disclosure, per declared unit or per kg, a base set and the new set's id and name; create."""
    usable = {s.id: s for s in stored if s.visible}
    if not usable:
        return
    with st.expander(ui.tr("supfactor.use"), icon=":material/factory:"):
        st.caption(ui.tr("supfactor.use_intro"))
        chosen = st.selectbox(ui.tr("supfactor.disclosure"), list(usable), key="supfactor_disclosure",
                              format_func=lambda i: supplier_compare.stored_label(usable[i]))
        disclosure = usable[chosen].disclosure
        bases = ["per_unit"] + (["per_kg"] if disclosure.per_kg is not None else [])
        labels = {b: ui.tr(f"supfactor.basis.{b}", unit=disclosure.declared_unit) for b in bases}
        basis = st.radio(ui.tr("supfactor.basis"), bases, horizontal=True, key=f"supfactor_basis_{chosen}",
                         format_func=labels.get)
        if disclosure.per_kg is None:
            st.caption(ui.tr("supfactor.no_mass_hint"))
        sets = [s.set_id for s in store.list_factor_sets(db)]
        base = st.selectbox(ui.tr("supfactor.base_set"), sets, key="supfactor_base")
        set_id = st.text_input(ui.tr("supfactor.set_id"), value=f"supplier-{chosen}-{basis.replace('_', '-')}",
                               key=f"supfactor_set_id_{chosen}_{basis}")
        name_zh = st.text_input(ui.tr("supfactor.set_name"), value=f"{base} + {disclosure.supplier}"[:200],
                                key=f"supfactor_set_name_{chosen}")
        if st.button(ui.tr("supfactor.create"), key="supfactor_create", type="primary"):
            with ui.stop_on_error():
                factor_id = editor.create_supplier_factor(db, ui.principal(db), chosen, basis, base, set_id.strip(),
                                                          name_zh.strip())
                _done(ui.tr("supfactor.created", factor=factor_id, set=set_id.strip()))


def update_flags(db, model_code: str | None = None, period: str | None = None, title: bool = True) -> None:
    """Warn about every line whose supplier factor has a newer version; one "Adopt" per inventory and factor."""
    updates = [u for u in editor.supplier_factor_updates(db, model_code) if period is None or u.period == period]
    if title:
        st.subheader(ui.tr("supfactor.updates"))
        if not updates:
            st.caption(ui.tr("supfactor.no_updates"))
    offered = set()
    for update in updates:
        st.warning(ui.md(ui.tr("supfactor.flag", model=update.model_code, period=update.period, line=update.line_no,
                               activity=update.activity, factor=update.factor_id, old=update.old_version,
                               new=update.newer_version, newer_id=update.newer_id)), icon=":material/update:")
        target = (update.model_code, update.period, update.factor_id)
        if target in offered:
            continue
        offered.add(target)
        if st.button(ui.tr("supfactor.adopt"), key=f"supfactor_adopt_{'_'.join(target)}"):
            with ui.stop_on_error():
                revision = editor.adopt_supplier_update(db, ui.principal(db), *target, lang=ui.lang())
                _done(ui.tr("supfactor.adopted", revision=revision, model=update.model_code, period=update.period))
