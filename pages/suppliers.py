"""Supplier footprints: import suppliers' PACT JSON disclosures and compare them fairly against a baseline."""

import streamlit as st

import ui
from cfp_core import io as cfp_io
from cfp_core.analysis import suppliers as supplier_compare

ui.require_router(__file__)

ICONS = {"blocking": ":material/block:", "caution": ":material/warning:", "info": ":material/info:"}


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


def withdraw_section(db, stored) -> None:
    """Hide, retract or restore a stored disclosure: an event with a reason; nothing is deleted."""
    with st.expander(ui.tr("suppliers.withdraw")):
        by_id = {s.id: s for s in stored}
        chosen = st.selectbox(ui.tr("suppliers.choose_one"), list(by_id), key="suppliers_withdraw_id",
                              format_func=lambda i: supplier_compare.stored_label(by_id[i]))
        kinds = {ui.tr(f"suppliers.state.{k}"): k for k in cfp_io.EVENT_KINDS}
        kind = kinds[st.radio(ui.tr("suppliers.withdraw_kind"), list(kinds), horizontal=True,
                              key=f"suppliers_withdraw_kind_{ui.lang()}")]
        reason = st.text_input(ui.tr("suppliers.reason"), key="suppliers_withdraw_reason")
        if st.button(ui.tr("suppliers.withdraw_save"), key="suppliers_withdraw_save"):
            with ui.stop_on_error():
                cfp_io.mark_supplier_disclosure(db, ui.principal(db), chosen, kind, reason)
                st.rerun()
        if chosen is not None:
            st.dataframe(supplier_compare.history_table(by_id[chosen], ui.lang()), hide_index=True,
                         key="suppliers_history")


def findings_section(comparison) -> None:
    """Every comparability finding, grouped by disclosure, with a severity icon."""
    st.subheader(ui.tr("suppliers.findings"))
    if not comparison.findings:
        st.success(ui.tr("suppliers.no_findings"))
    for finding in comparison.findings:
        who = comparison.disclosures[finding.index].supplier
        text = f"**{finding.index + 1}. {ui.md(who)}** · {ui.tr('suppliers.severity.' + finding.severity)}: " \
               f"{ui.md(finding.message(ui.lang()))}"
        {"blocking": st.error, "caution": st.warning, "info": st.info}[finding.severity](
            text, icon=ICONS[finding.severity])
    if comparison.excluded:
        st.subheader(ui.tr("suppliers.excluded"))
        for index in comparison.excluded:
            reasons = "; ".join(comparison.reasons(index, ui.lang()))
            st.markdown(f"- **{index + 1}. {ui.md(comparison.disclosures[index].supplier)}**: {ui.md(reasons)}")


def comparison_section(stored) -> None:
    """Choose the disclosures and the baseline; show the table, the findings and the chart."""
    by_id = {s.id: s for s in stored}
    chosen = st.multiselect(ui.tr("suppliers.choose"), list(by_id), default=list(by_id)[-6:],
                            key="suppliers_choose", format_func=lambda i: supplier_compare.stored_label(by_id[i]),
                            placeholder=ui.tr("ui.choose_options"))
    if not chosen:
        return
    baseline = st.selectbox(ui.tr("suppliers.baseline"), chosen, key="suppliers_baseline",
                            format_func=lambda i: supplier_compare.stored_label(by_id[i]))
    comparison = supplier_compare.compare_suppliers(
        [by_id[i].disclosure for i in chosen], ui.lang(), baseline=chosen.index(baseline))
    st.subheader(ui.tr("suppliers.compare"))
    st.caption(ui.tr(f"suppliers.basis.{comparison.basis}"))
    number_columns = {ui.tr(f"suppliers.col.{c}"): st.column_config.NumberColumn(format=fmt)
                      for c, fmt in supplier_compare.COLUMN_FORMATS.items()}
    st.dataframe(supplier_compare.comparison_table(comparison, ui.lang()), hide_index=True,
                 key="suppliers_table", column_config=number_columns)
    findings_section(comparison)
    st.altair_chart(supplier_compare.comparison_chart(comparison, ui.lang()), width="stretch")


st.title(ui.tr("nav.suppliers"))
st.caption(ui.tr("suppliers.intro"))
with ui.open_db() as db:
    upload_section(db)
    stored = cfp_io.list_supplier_disclosures(db)
    st.subheader(ui.tr("suppliers.stored"))
    if not stored:
        st.info(ui.tr("suppliers.none"))
    else:
        st.dataframe(supplier_compare.stored_table(stored, ui.lang(), ui.time_zone()), hide_index=True, key="suppliers_stored")
        withdraw_section(db, stored)
visible = [s for s in stored if s.visible]
if visible:
    comparison_section(visible)
