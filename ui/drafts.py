"""The inventory table editor and its draft: typed columns, unsaved edits kept in the session, a leave guard."""

from __future__ import annotations

import pandas as pd
import streamlit as st

import ui
from cfp_core import editor
from cfp_core.editor import EditorState


def editor_columns(state: EditorState) -> dict:
    """Column configuration of the inventory table: typed, localized, with a help text per column."""
    lang, base = ui.lang(), state.template.lines
    help_ = {c: ui.tr(f"products.help.{c}") for c in editor.EDITOR_COLUMNS}
    label = {c: editor.column_label(c, lang) for c in editor.EDITOR_COLUMNS}
    col = st.column_config
    return {  # no column is "required" and none has a default: the core checks every row and says what to fix
        "stage": col.SelectboxColumn(label["stage"], options=editor.stage_options(lang), help=help_["stage"],
                                     width="small"),
        "activity": col.TextColumn(label["activity"], max_chars=200, help=help_["activity"]),
        "amount": col.TextColumn(label["amount"], max_chars=40, help=help_["amount"]),  # text: kept as typed
        "unit": col.TextColumn(label["unit"], max_chars=40, help=help_["unit"], width="small"),
        "factor": col.SelectboxColumn(label["factor"], options=editor.factor_options(state.factor_set, lang, None, base),
                                      help=help_["factor"], width="large"),
        "data_source": col.SelectboxColumn(label["data_source"], options=editor.data_source_options(lang),
                                           help=help_["data_source"], width="medium"),
        "note": col.TextColumn(label["note"], max_chars=4000, help=help_["note"]),
        "note_internal": col.CheckboxColumn(label["note_internal"], default=False, help=help_["note_internal"]),
        editor.ORIGIN: None,
    }


def editor_context(state: EditorState) -> str:
    """The identity of what the table edits: model, period and the revision it started from."""
    return f"{state.product.model_code}|{state.period.label}|{state.revision}"


def forget_stale_widgets(state: EditorState) -> None:
    """When model, period or revision change, drop the save comment and the diff choice (drafts stay, per context)."""
    context = editor_context(state)
    if st.session_state.get("editor_context") != context:
        for key in ("save_comment", "editor", *[k for k in st.session_state
                                                if str(k).startswith(("editor-", "diff_from_", "diff_to_"))]):
            st.session_state.pop(key, None)
        st.session_state["editor_context"] = context


def _draft(state: EditorState) -> dict:
    drafts = st.session_state.setdefault("drafts", {})
    return drafts.setdefault(editor_context(state), {"gen": 0, "lang": ui.lang(), "base": None, "current": None})


def discard_draft(state: EditorState) -> None:
    """Forget the unsaved edits of this table (after a save, or when the user discards them)."""
    st.session_state.setdefault("drafts", {}).pop(editor_context(state), None)
    for key in [k for k in st.session_state if str(k) == "editor" or str(k).startswith("editor-")]:
        st.session_state.pop(key, None)


def editor_table(state: EditorState) -> pd.DataFrame:
    """The table editor, starting from the stored lines or from this session's unsaved draft.

    The draft (language-neutral, ``editor.draft_of``) is kept in the session on every run. After a
    language switch, or when the table comes back after another page, the table is rebuilt from it
    (a new widget key), so an unsaved edit is never lost.
    """
    lang, draft = ui.lang(), _draft(state)
    key = "editor" if draft["gen"] == 0 else f"editor-{draft['gen']}"
    returning = key not in st.session_state and draft["current"] is not None
    if draft["lang"] != lang or (returning and editor.has_unsaved_edits(state, draft["current"])):
        draft.update(gen=draft["gen"] + 1, lang=lang, base=draft["current"])
        key = f"editor-{draft['gen']}"
    unit = editor.unit_label(state.product.declared_unit, lang)
    st.caption(ui.tr("products.editor.caption", unit=unit))
    frame = editor.editor_frame(state, lang) if draft["base"] is None else editor.draft_table(state, draft["base"], lang)
    edited = st.data_editor(frame, key=key, num_rows="dynamic", hide_index=True,
                            column_config=editor_columns(state), width="stretch")
    draft["current"] = editor.draft_of(state, edited)
    dirty = editor.has_unsaved_edits(state, draft["current"])
    if dirty:
        unsaved_warning(state)
    st.iframe(_LEAVE_GUARD.replace("DIRTY", "true" if dirty else "false"), height=1)  # a constant script, no user text
    return edited


def unsaved_warning(state: EditorState) -> None:
    """Say that the table holds unsaved edits, offer to discard them, and ask before the browser tab is left."""
    left, right = st.columns([4, 1])
    left.info(ui.tr("products.draft.unsaved"))
    if right.button(ui.tr("products.draft.discard"), key="discard_draft"):
        discard_draft(state)
        st.rerun()


_LEAVE_GUARD = """<script>
const w = window.parent;
if (!w.__cfpLeaveGuard) {
  w.__cfpLeaveGuard = (e) => { if (w.__cfpUnsaved) { e.preventDefault(); e.returnValue = ""; } };
  w.addEventListener("beforeunload", w.__cfpLeaveGuard);
}
w.__cfpUnsaved = DIRTY;
</script>"""
