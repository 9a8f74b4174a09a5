"""Imports and restores on the products page: templates, the replace/append preview, restoring a revision."""

from __future__ import annotations

import streamlit as st

import ui
from cfp_core import editor, numbers
from cfp_core import io as cfp_io
from cfp_core.errors import ImportRejected
from ui import drafts
from ui import editor as ui_editor


def restore_control(db, state, revision_numbers: list[int]) -> None:
    """Restore any past revision as a new revision (nothing in between is lost)."""
    older = revision_numbers[1:]
    if not older:
        return
    left, right = st.columns([3, 1])
    chosen = left.selectbox(ui.tr("products.restore.pick"), older, key="restore_pick")
    right.space("small")
    if right.button(ui.tr("products.restore.button", revision=chosen), key="restore_go"):
        with ui.errors_shown():
            revision = editor.restore_revision(db, ui.principal(db), state.product.model_code, state.period.label,
                                               chosen, comment=ui.tr("products.restore.comment", revision=chosen))
            drafts.discard_draft(state)
            ui_editor.flash(ui.tr("products.restore.done", old=chosen, revision=revision))
            st.rerun()


def import_preview(db, inventories, prefix: str = "import") -> str | None:
    """Ask "replace" or "append" (no default) and show what that would change, per inventory."""
    modes = {"replace": ui.tr("products.import.mode.replace"), "append": ui.tr("products.import.mode.append")}
    mode = st.segmented_control(ui.tr("products.import.mode"), list(modes), format_func=modes.get, key=f"{prefix}_mode",
                                help=ui.tr("products.import.mode_help"))
    if mode is None:
        st.info(ui.tr("products.import.choose_mode"))
        return None
    changes, diffs = editor.import_preview(db, inventories, mode, ui.lang())
    for change in changes:
        before = "—" if change.kg_before is None else numbers.kg(change.kg_before)
        after = "—" if change.kg_after is None else numbers.kg(change.kg_after)
        line = ui.tr("products.import.preview_line", model=change.model_code, period=change.period,
                     added=change.added, changed=change.changed, removed=change.removed,
                     before=change.lines_before, after=change.lines_after, kg_before=before, kg_after=after)
        (st.warning if change.removed or change.changed else st.info)(ui.md(line))
        diff = diffs[(change.model_code, change.period)]
        if len(diff):
            with st.expander(ui.tr("products.import.preview_details", model=change.model_code, period=change.period)):
                st.dataframe(diff, hide_index=True, column_config={
                    "change": ui.tr("products.diff.change"), "line": ui.tr("label.line"),
                    "field": ui.tr("products.diff.field"), "old": ui.tr("products.diff.old"),
                    "new": ui.tr("products.diff.new")})
    return mode


def import_tab(db, state) -> None:
    """Template downloads (example rows of the chosen model and period) and CSV/Excel import; a file with any
    bad row is rejected whole."""
    st.caption(ui.tr("products.import.intro"))
    left, right = st.columns(2)
    name = f"cfp_template_{state.product.model_code}_{state.period.label}_{ui.lang()}"
    left.download_button(ui.tr("products.import.template_csv"), cfp_io.template_bytes("csv", ui.lang(), state.template),
                         file_name=f"{name}.csv", mime="text/csv", key="template_csv")
    right.download_button(ui.tr("products.import.template_xlsx"), cfp_io.template_bytes("xlsx", ui.lang(), state.template),
                          file_name=f"{name}.xlsx", key="template_xlsx")
    upload = st.file_uploader(ui.tr("products.import.upload"), type=["csv", "xlsx"], key="import_file")
    if upload is None:
        return
    try:  # a refused file is a visible error, not a collapsed status box (usability walk 2026-12)
        with st.spinner(ui.tr("products.import.parsing", name=upload.name)):
            inventories = cfp_io.read_inventory_file(upload.getvalue(), upload.name,
                                                     editor.known_factor_refs(db), ui.lang())
    except ImportRejected as error:
        ui.show_error(error)
        return
    st.success(ui.tr("products.import.checked", count=len(inventories)))
    import_controls(db, inventories, upload.name)


def import_controls(db, inventories, comment: str, prefix: str = "import", before=None) -> None:
    """The replace/append choice, its preview and the import button; ``before(db)`` runs first (e.g. mappings)."""
    mode = import_preview(db, inventories, prefix)
    if mode and st.button(ui.tr(f"products.import.button.{mode}"), key=f"{prefix}_go", type="primary"):
        with ui.errors_shown():
            if before is not None:
                before(db)
            saved = cfp_io.import_inventories(db, ui.principal(db), inventories, comment=comment, mode=mode)
            ui_editor.flash(ui.tr("products.import.done", count=len(saved)))
            st.rerun()
