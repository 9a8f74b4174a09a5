"""Supplier directory page parts: the entry form (names, ids, contact, parts) and a disclosure's supplier and part."""

from __future__ import annotations

import streamlit as st

import ui
from cfp_core import io as cfp_io
from cfp_core import store
from cfp_core.analysis import supplier_groups
from cfp_core.analysis import suppliers as supplier_compare

EXTRA_PART_ROWS = 2  # empty part rows below the supplier's parts


def choose_supplier(suppliers) -> str:
    """Pick the supplier to edit ("" = a new one); a just-saved new supplier is picked on the next run."""
    labels = {"": ui.tr("directory.new"), **{s.supplier_id: f"{s.supplier_id} · {s.name(ui.lang())}" for s in suppliers}}
    if "directory_pending_choice" in st.session_state:
        st.session_state["directory_choose"] = st.session_state.pop("directory_pending_choice")
    return st.selectbox(ui.tr("directory.choose"), list(labels), key="directory_choose", format_func=labels.get)


def _part_rows(chosen: str, parts, models: list[str]) -> list[dict]:
    """One row of inputs per part, plus empty rows for new parts; returns what each row holds."""
    st.markdown(f"**{ui.tr('directory.parts')}**")
    st.caption(ui.tr("directory.parts_help"))
    rows, no_link = [], ui.tr("directory.no_link")
    for i in range(len(parts) + EXTRA_PART_ROWS):
        part = parts[i] if i < len(parts) else None
        key = f"{chosen}_{i}"
        name, model, line, factor = st.columns([3, 2, 1, 2])
        rows.append({
            "name": name.text_input(ui.tr("directory.field.name"), part.name if part else "", key=f"directory_part_name_{key}"),
            "model_code": model.selectbox(
                ui.tr("directory.field.model_code"), ["", *models], key=f"directory_part_model_{key}",
                index=([""] + models).index(part.model_code) if part and part.model_code in models else 0,
                format_func=lambda m: m or no_link) or None,
            "line_no": line.number_input(ui.tr("directory.field.line_no"), min_value=1, step=1, key=f"directory_part_line_{key}",
                                         value=part.line_no if part else None),
            "factor_ref": factor.text_input(ui.tr("directory.field.factor_ref"), (part.factor_ref or "") if part else "",
                                            key=f"directory_part_factor_{key}"),
        })
    return rows


def supplier_form(db, suppliers) -> None:
    """Add or edit one supplier; "save" appends a new revision (editor role, checked in the core)."""
    chosen = choose_supplier(suppliers)
    current = next((s for s in suppliers if s.supplier_id == chosen), None)
    left, right = st.columns(2)
    fields = {
        "name_zh": left.text_input(ui.tr("directory.field.name_zh"), current.name_zh if current else "",
                                   key=f"directory_name_zh_{chosen}"),
        "name_en": right.text_input(ui.tr("directory.field.name_en"), current.name_en if current else "",
                                    key=f"directory_name_en_{chosen}"),
        "company_ids": st.text_area(ui.tr("directory.field.company_ids"),
                                    "\n".join(current.company_ids) if current else "", key=f"directory_ids_{chosen}",
                                    help=ui.tr("directory.ids_help")).splitlines(),
        "contact_name": left.text_input(ui.tr("directory.field.contact_name"), current.contact_name if current else "",
                                        key=f"directory_contact_{chosen}"),
        "contact_email": right.text_input(ui.tr("directory.field.contact_email"),
                                          current.contact_email if current else "", key=f"directory_email_{chosen}"),
    }
    models = sorted({p.model_code for p in store.list_products(db)})
    fields["parts"] = _part_rows(chosen, current.parts if current else (), models)
    comment = st.text_input(ui.tr("directory.comment"), key=f"directory_comment_{chosen}")
    if st.button(ui.tr("directory.save"), key="directory_save", type="primary"):
        with ui.stop_on_error():
            supplier = cfp_io.supplier_from_form({**fields, "supplier_id": chosen or cfp_io.new_supplier_id(db)})
            revision = cfp_io.save_supplier(db, ui.principal(db), supplier, comment)
            st.session_state["directory_message"] = ui.tr("directory.saved", id=supplier.supplier_id, revision=revision)
            st.session_state["directory_pending_choice"] = supplier.supplier_id
            st.rerun()


def assignment_form(db, stored, suppliers, assignments) -> None:
    """Say which directory supplier and part a stored disclosure is for (an append-only assignment)."""
    by_id = {s.id: s for s in stored}
    chosen = st.selectbox(ui.tr("directory.assign.disclosure"), list(by_id), key="directory_assign_disclosure",
                          format_func=lambda i: supplier_compare.stored_label(by_id[i]))
    st.caption(ui.tr("directory.assign.current",
                     label=supplier_groups.assignment_label(assignments.get(chosen), suppliers, ui.lang())))
    directory = {s.supplier_id: s for s in suppliers}
    names = {"": ui.tr("directory.assign.nobody"), **{i: s.name(ui.lang()) for i, s in directory.items()}}
    supplier_id = st.selectbox(ui.tr("directory.assign.supplier"), list(names), key="directory_assign_supplier",
                               format_func=names.get)
    parts = [p.name for p in directory[supplier_id].parts] if supplier_id else []
    unassigned = ui.tr("directory.unassigned")
    part = st.selectbox(ui.tr("directory.assign.part"), ["", *parts], key=f"directory_assign_part_{supplier_id}",
                        format_func=lambda p: p or unassigned)
    if st.button(ui.tr("directory.assign.save"), key="directory_assign_save"):
        with ui.stop_on_error():
            cfp_io.assign_disclosure(db, ui.principal(db), chosen, supplier_id or None, part)
            st.session_state["directory_message"] = ui.tr("directory.assign.saved", id=chosen)
            st.rerun()
