"""Supplier footprints: import suppliers' PACT JSON disclosures and compare them fairly against a baseline."""

import streamlit as st

import ui
from cfp_core import io as cfp_io
from cfp_core.analysis import supplier_groups, supplier_service
from cfp_core.analysis import suppliers as supplier_compare
from ui import supplier_factor as supfactor
from ui import supplier_lists as lists
from ui import suppliers as sections

ui.require_router(__file__)


def upload_section(db) -> None:
    """Upload PACT files; on "import", store every accepted file once, show each file's problems, clear the uploader."""
    generation = st.session_state.setdefault("suppliers_upload_generation", 0)
    files = st.file_uploader(ui.tr("suppliers.upload"), type=["json"], accept_multiple_files=True,
                             key=f"suppliers_upload_{generation}")
    part = st.text_input(ui.tr("suppliers.part"), key="suppliers_part")
    for message in st.session_state.pop("suppliers_import_messages", []):
        st.success(ui.md(message))
    if not st.button(ui.tr("suppliers.save"), key="suppliers_save", disabled=not files):
        return
    messages, failed = [], False
    for file in files or []:
        try:
            disclosures = cfp_io.read_footprints(file.getvalue(), file.name)
            for new_id, is_new in cfp_io.import_supplier_file(db, ui.principal(db), disclosures, part.strip()):
                messages.append(ui.tr("suppliers.saved" if is_new else "suppliers.already", file=file.name, id=new_id))
        except ui.EXPECTED_ERRORS as error:  # one file's problems never stop the others
            failed = True
            st.error(ui.md(ui.tr("suppliers.file_error", file=file.name)))
            ui.show_error(error)
    if not failed:  # clear the uploader, so a later click does not import the same files again
        st.session_state["suppliers_import_messages"] = messages
        st.session_state["suppliers_upload_generation"] = generation + 1
        st.rerun()
    for message in messages:
        st.success(ui.md(message))


def comparison_section(view) -> None:
    """Choose ONE part (searchable), its disclosures and the baseline; show the table, the findings and the chart."""
    parts = view.parts()
    labels = {p: ui.tr("directory.unassigned") if p == supplier_groups.UNASSIGNED else p for p in parts}  # bound now
    part = st.selectbox(ui.tr("supscale.part"), parts, key="suppliers_group", help=ui.tr("supscale.part_help"),
                        format_func=labels.get)
    members = supplier_service.part_members(view, part)
    by_id = {s.id: s for s in members}
    chosen = st.multiselect(ui.tr("suppliers.choose"), list(by_id), default=supplier_service.default_chosen(members),
                            key=f"suppliers_choose_{part}", format_func=lambda i: supplier_compare.stored_label(by_id[i]),
                            placeholder=ui.tr("ui.choose_options"))
    if not chosen:
        return
    baseline = st.selectbox(ui.tr("suppliers.baseline"), chosen, key="suppliers_baseline",
                            format_func=lambda i: supplier_compare.stored_label(by_id[i]))
    comparison = supplier_service.compare_part(members, chosen, baseline, ui.lang())
    st.subheader(ui.tr("suppliers.compare"))
    st.caption(ui.tr(f"suppliers.basis.{comparison.basis}"))
    number_columns = {ui.tr(f"suppliers.col.{c}"): st.column_config.NumberColumn(format=fmt)
                      for c, fmt in supplier_compare.COLUMN_FORMATS.items()}
    st.dataframe(supplier_compare.comparison_table(comparison, ui.lang()), hide_index=True,
                 key="suppliers_table", column_config=number_columns)
    sections.findings_section(comparison)
    st.altair_chart(supplier_compare.comparison_chart(comparison, ui.lang()), width="stretch")


st.title(ui.tr("nav.suppliers"))
st.caption(ui.tr("suppliers.intro"))
with ui.open_db() as db:
    upload_section(db)
    view = supplier_service.suppliers_view(db)
    st.subheader(ui.tr("suppliers.stored"))
    if not view.stored:
        st.info(ui.tr("suppliers.none"))
    else:
        text = lists.search_box("suppliers_search")
        found = supplier_service.search(view.stored, text, view)
        if not found:
            st.info(ui.tr("supscale.no_match", text=text))
        page = lists.pager(found, "suppliers_stored")
        st.dataframe(supplier_compare.stored_table(page.items, ui.lang(), ui.time_zone(), view.assignments),
                     hide_index=True, key="suppliers_stored")
        sections.withdraw_section(db, page.items)
        supfactor.flash()
        supfactor.use_as_factor(db, page.items)
        supfactor.update_flags(db)
    if view.visible:
        sections.downloads(db, view)
        comparison_section(view)
