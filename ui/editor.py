"""Widgets of the "Products & data entry" page: pickers, form, table editor, save. No domain logic (see cfp_core)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

import ui
from cfp_core import charts, editor, frames, numbers, store
from cfp_core.editor import EditorState, Review

NEW = "__new__"
def flash(message: str | None = None) -> None:
    """Queue a success message for the next run (``message``), or show and clear a queued one."""
    if message is not None:
        st.session_state["flash"] = message
    elif "flash" in st.session_state:
        st.success(ui.md(st.session_state.pop("flash")))


def product_picker(db):
    """Select a product model (or "new"); the choice lives in the URL as ``?model=``. Returns the product or None."""
    if "pending_model" in st.session_state:  # just created: set the widget (popping it left the browser on "new")
        st.session_state["model"] = code = st.session_state.pop("pending_model")
        ui.set_query_params(model=code, period=None)
        st.session_state.pop("period", None)  # the new product's own default period, not the last one shown
    products = {p.model_code: p for p in store.list_products(db)}
    options = [*products, NEW]
    wanted = ui.query_param("model") or editor.default_model_code(list(products.values()))
    index = options.index(wanted) if wanted in options else 0
    names = {code: f"{code} · {p.name_en if ui.lang() == 'en' and p.name_en else p.name_zh}" for code, p in products.items()}
    names[NEW] = ui.tr("products.new_model")
    choice = st.selectbox(ui.tr("label.model"), options, index=index, key="model", format_func=names.get)
    ui.set_query_params(model=None if choice == NEW else choice)
    return products.get(choice)


def period_picker(db, model_code: str) -> str:
    """Select a stored period or a new calendar year; kept in the URL as ``?period=``."""
    choices = editor.period_choices(db, model_code)
    labels = [c.label for c in choices]
    fresh = {c.label for c in choices if c.new}
    wanted = ui.query_param("period")
    if st.session_state.pop("period_saved", None) == wanted in labels:  # just saved: drop its "(new)" label
        st.session_state["period"] = wanted
    index = labels.index(wanted) if wanted in labels else 0
    shown = {p: ui.tr("products.period.new", label=p) if p in fresh else p for p in labels}
    choice = st.selectbox(ui.tr("products.period.select"), labels, index=index, key="period", format_func=shown.get)
    ui.set_query_params(period=choice)
    return choice


def product_form(db, product=None) -> None:
    """Create a product model (``product`` None) or edit its details; saving appends a product revision."""
    lang, unit_options, p = ui.lang(), editor.unit_options(), "pf" if product else "new"  # p: key prefix
    st.subheader(ui.tr("products.form.edit" if product else "products.form.create"))
    with st.form(key=f"{p}_form"):
        code = st.text_input(ui.tr("products.form.model_code"), value=product.model_code if product else "",
                             disabled=product is not None, key=f"{p}_code", help=ui.tr("products.form.model_code_help"))
        name_zh = st.text_input(ui.tr("products.form.name_zh"), value=product.name_zh if product else "", key=f"{p}_name_zh")
        name_en = st.text_input(ui.tr("products.form.name_en"), value=product.name_en if product else "", key=f"{p}_name_en")
        description = st.text_area(ui.tr("products.form.description"), value=product.description if product else "",
                                   key=f"{p}_description")
        unit = st.selectbox(ui.tr("label.declared_unit"), unit_options, key=f"{p}_unit",
                            index=unit_options.index(product.declared_unit if product else "piece"),
                            format_func=lambda u: editor.unit_label(u, lang), help=ui.tr("products.form.unit_help"))
        mass = st.number_input(ui.tr("label.product_mass"), min_value=0.0, key=f"{p}_mass", format=numbers.KG_FORMAT,
                               value=float(product.product_mass_kg or 0.0) if product else 0.0,
                               help=ui.tr("products.form.mass_help"))
        submitted = st.form_submit_button(ui.tr("products.form.submit"), type="primary", key=f"{p}_submit")
    if not submitted:
        return
    saved, issues = editor.new_product(
        lang, model_code=code, name_zh=name_zh, name_en=name_en, description=description, declared_unit=unit,
        product_mass_kg=mass, org_id=editor.default_org_id(db), base=product,
        existing_codes=[p.model_code for p in store.list_products(db)])
    if issues:
        st.error("\n".join(f"- {ui.md(issue)}" for issue in issues))
        return
    revision = store.save_product(db, ui.principal(db), saved)
    flash(ui.tr("products.form.saved", code=saved.model_code, revision=revision))
    if product is None:
        st.session_state["pending_model"] = saved.model_code
    st.rerun()


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
                                           help=help_["data_source"]),
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
        for key in ("save_comment", "diff_from", "diff_to", "editor", *[k for k in st.session_state
                                                                       if str(k).startswith("editor-")]):
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


def show_review(review: Review, state: EditorState) -> None:
    """Row problems (st.error naming row, column and fix), then the live footprint of the valid rows."""
    lang = ui.lang()
    if review.issues:
        head = ui.tr("products.issues.head", count=len(review.issues))
        st.error("\n".join([head, "", *(f"- {ui.md(issue.message)}" for issue in review.issues)]))
    unit = editor.unit_label(state.product.declared_unit, lang)
    delta = numbers.metric_delta(review.delta_kg_co2e)
    color, arrow = ("off", "off") if not review.delta_kg_co2e else ("inverse", "auto")  # no change: no red arrow
    st.subheader(ui.tr("products.preview.title"))
    left, right = st.columns(2)
    left.metric(ui.tr("products.preview.total", unit=unit), f"{numbers.metric_value(review.footprint.total_kg_co2e)} kgCO₂e",
                delta=delta, delta_color=color, delta_arrow=arrow)
    right.metric(ui.tr("products.preview.rows"), f"{len(review.lines)}")
    table = frames.stage_table(review.footprint, lang)
    if len(table):
        st.altair_chart(charts.stage_bar_chart(table, lang), width="stretch")
        st.dataframe(table, hide_index=True, column_order=["stage_label", "kg_co2e", "share", "line_count"],
                     column_config={"stage_label": ui.tr("label.stage"),
                                    "kg_co2e": st.column_config.NumberColumn(ui.tr("label.kg_co2e"), format=numbers.KG_FORMAT),
                                    "share": st.column_config.NumberColumn(ui.tr("label.share"), format="percent"),
                                    "line_count": ui.tr("products.history.lines")})


def save_controls(db, state: EditorState, review: Review) -> None:
    """Comment and the Save button (disabled while any row has a problem); the author is the acting principal."""
    if review.drops_verification:
        st.warning(ui.md(ui.tr("products.save.drops_verification", verifier=state.inventory.verification.verifier)))
    comment = st.text_input(ui.tr("products.save.comment"), key="save_comment", max_chars=200)
    if review.issues:
        st.caption(ui.tr("products.save.blocked"))
    if not st.button(ui.tr("products.save.button"), key="save", type="primary", disabled=bool(review.issues)):
        return
    with ui.errors_shown():
        revision = editor.save_edited_inventory(
            db, ui.principal(db), state.inventory, state.product.model_code, state.period, review.lines,
            comment=comment, issues=review.issues, lang=ui.lang())
        flash(ui.tr("products.save.done", revision=revision, model=state.product.model_code, period=state.period.label))
        discard_draft(state)
        st.session_state["period_saved"] = state.period.label
        st.rerun()


def copy_offer(db, state: EditorState) -> None:
    """For a period without data: explain, and offer to copy the previous period's data."""
    if state.inventory is not None:
        return
    st.info(ui.tr("products.period.empty", period=state.period.label))
    source = state.previous_period
    if source and st.button(ui.tr("products.copy.button", period=source), key="copy_previous"):
        with ui.errors_shown():
            copy = editor.copy_from_previous_period(db, state.product.model_code, source, state.period)
            revision = store.save_inventory(db, ui.principal(db), copy, comment=ui.tr("products.copy.comment", source=source))
            flash(ui.tr("products.copy.done", source=source, period=state.period.label, revision=revision))
            st.rerun()
