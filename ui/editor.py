"""Widgets of the "Products & data entry" page: pickers, form, table editor, save. No domain logic (see cfp_core)."""

from __future__ import annotations

import streamlit as st

import ui
from cfp_core import charts, editor, frames, numbers, store
from cfp_core.editor import EditorState, Review
from ui import pickers
from ui.drafts import discard_draft

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
    choice = pickers.select(ui.tr("label.model"), options, "model", index, names.get)
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
        carbon = {name: st.number_input(ui.tr(label), min_value=0.0, key=f"{p}_{name}", value=getattr(product, name, None),
                                        format=numbers.KG_FORMAT, help=ui.tr("products.form.carbon_help"))  # empty = not assessed
                  for name, label in (("fossil_carbon_kg", "label.fossil_carbon"), ("biogenic_carbon_kg", "label.biogenic_carbon"))}
        rule = {name: st.text_input(ui.tr(f"products.form.{name}"), value=getattr(product, name, ""), key=f"{p}_{name}")
                for name in ("pcr_name", "pcr_number", "pcr_version", "pcr_issuer")}
        submitted = st.form_submit_button(ui.tr("products.form.submit"), type="primary", key=f"{p}_submit")
    if not submitted:
        return
    saved, issues = editor.new_product(
        lang, model_code=code, name_zh=name_zh, name_en=name_en, description=description, declared_unit=unit,
        product_mass_kg=mass, org_id=ui.principal(db).org_id, base=product, **carbon, **rule,
        existing_codes=[p.model_code for p in store.list_products(db)])
    if issues:
        st.error("\n".join(f"- {ui.md(issue)}" for issue in issues))
        return
    revision = store.save_product(db, ui.principal(db), saved)
    flash(ui.tr("products.form.saved", code=saved.model_code, revision=revision))
    if product is None:
        st.session_state["pending_model"] = saved.model_code
    st.rerun()


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
        st.dataframe(numbers.as_percent(table, "share"), hide_index=True, column_order=["stage_label", "kg_co2e", "share", "line_count"],
                     column_config={"stage_label": ui.tr("label.stage"),
                                    "kg_co2e": st.column_config.NumberColumn(ui.tr("label.kg_co2e"), format=numbers.KG_FORMAT),
                                    "share": st.column_config.NumberColumn(ui.tr("label.share"), format=numbers.SHARE_FORMAT),
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
