"""Supplier footprints page parts: hide / retract / restore, the findings, the group-by-part selector, downloads."""

from __future__ import annotations

import streamlit as st

import ui
from cfp_core import io as cfp_io
from cfp_core.analysis import supplier_export, supplier_service
from cfp_core.analysis import suppliers as supplier_compare

ICONS = {"blocking": ":material/block:", "caution": ":material/warning:", "info": ":material/info:"}


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


def downloads(db, view) -> None:
    """CSV and xlsx of the comparison by part (every part, ranked within it; text formula-safe), built on click."""
    lang, suppliers = ui.lang(), cfp_io.list_suppliers(db)

    def rows() -> list[dict]:
        return supplier_service.export_rows(view, suppliers, lang)

    name = ui.tr("directory.file_name")
    left, right = st.columns(2)
    left.download_button(ui.tr("directory.download_csv"), lambda: supplier_export.comparison_csv_bytes(rows(), lang),
                         file_name=f"{name}.csv", mime="text/csv", key="suppliers_download_csv", on_click="ignore",
                         icon=":material/download:")
    right.download_button(ui.tr("directory.download_xlsx"), lambda: supplier_export.comparison_xlsx(rows(), lang),
                          file_name=f"{name}.xlsx", key="suppliers_download_xlsx", on_click="ignore",
                          icon=":material/table:",
                          mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
