"""Factor library: browse sets, trace a factor to its source, compare versions, derive or import a set."""

import streamlit as st

import ui
from cfp_core import library as ft
from cfp_core import numbers, store
from ui import factor_form

ui.require_router(__file__)

L = ui.lang()
st.title(ui.tr("nav.factors"))
st.caption(ui.tr("factors.intro"))
with ui.open_db() as db:
    sets = {s.set_id: s for s in store.list_factor_sets(db)}
labels = ft.factor_columns(L)
number = {c: st.column_config.NumberColumn(labels[c], format=numbers.KG_FORMAT) for c in ("value", "old_value", "new_value")}
config = labels | number | {"delta": st.column_config.NumberColumn(labels["delta"], format=numbers.KG_DELTA_FORMAT),
                            "delta_pct": st.column_config.NumberColumn(labels["delta_pct"], format=numbers.PCT_CHANGE_FORMAT),
                            "verified": st.column_config.CheckboxColumn(labels["verified"])}


def set_name(set_id: str) -> str:
    return ft.set_label(sets[set_id], L)


def new_set_inputs(prefix: str) -> tuple[str, str, str]:
    """Id and names of a new set (custom or imported)."""
    left, middle, right = st.columns(3)
    return (left.text_input(ui.tr("factors.custom.id"), key=f"{prefix}_id"),
            middle.text_input(ui.tr("factors.custom.name_zh"), key=f"{prefix}_name_zh"),
            right.text_input(ui.tr("factors.custom.name_en"), key=f"{prefix}_name_en"))


def save(new_set, message_key: str, count: int) -> None:
    with ui.open_db() as db:
        store.save_factor_set(db, ui.principal(db), new_set)
    st.success(ui.md(ui.tr(message_key, name=ft.set_label(new_set, L), count=count)), icon=":material/check_circle:")


set_id = ui.url_selectbox(ui.tr("factors.set"), list(sets), "set", "factors_set", "cn-cfp-2024", set_name)
factor_set = sets[set_id]
st.caption(ui.md(ft.set_description(factor_set, L)))
for key, params in ft.factor_set_families_warning(factor_set):
    (st.error if key == "factors.warn.org_set" else st.warning)(ui.md(ui.tr(key, **params)), icon=":material/warning:")

browse, compare, custom, one, importing = st.tabs([ui.tr(f"factors.tab.{n}") for n in ("browse", "compare", "custom",
                                                                                        "one", "import")])
with browse:
    options = ft.factor_filter_options(factor_set)
    columns = st.columns([1, 1, 1, 1, 2])
    chosen = {
        name: column.selectbox(ui.tr(f"factors.filter.{name}"), [None, *options[name]], key=f"factors_{name}",
                               format_func=lambda v, n=name: ui.tr("factors.all") if v is None
                               else ft.option_label(n, v, L))
        for column, name in zip(columns, ("family", "region", "vintage", "publisher"), strict=False)
    }
    search = columns[4].text_input(ui.tr("factors.filter.search"), key="factors_search")
    frame = ft.factor_frame(factor_set, L, search=search, **chosen)
    st.caption(ui.tr("factors.count", count=len(frame)))
    st.dataframe(frame, hide_index=True, column_order=ft.SHOWN_COLUMNS, column_config=config)
    by_id = factor_set.by_id()
    ids = list(frame["factor_id"])
    if ids:
        factor_id = ui.url_selectbox(ui.tr("factors.pick"), ids, "factor", "factors_factor", ids[0], lambda fid: ft.factor_name(by_id[fid], L))
        st.subheader(ui.tr("factors.provenance"))
        for label, text in ft.factor_provenance(by_id[factor_id], L):
            st.markdown(ui.fact(label, text, ft.provenance_link(by_id[factor_id], label, L)))

with compare:
    others = [s for s in sets if s != set_id]
    old_id = ui.url_selectbox(ui.tr("factors.compare.old"), others, "compare", "factors_compare", "cn-cfp-2023", set_name)
    st.subheader(ui.md(ui.tr("factors.compare.heading", old=set_name(old_id), new=set_name(set_id))))
    st.markdown(ui.md(ft.diff_summary(sets[old_id], factor_set, L)))
    st.dataframe(numbers.as_percent(ft.diff_factor_sets(sets[old_id], factor_set, L), "delta_pct"), hide_index=True, column_config=config,
                 column_order=["status_label", "name", "old_value", "new_value", "delta", "delta_pct",
                               "unit_label", "note"])

with custom:
    st.caption(ui.tr("factors.custom.help"))
    new_id, name_zh, name_en = new_set_inputs("factors_new")
    note = st.text_input(ui.tr("factors.custom.description"), key="factors_new_note")
    edited = st.data_editor(ft.editable_values(factor_set, L), key=f"factors_editor_{set_id}", hide_index=True,
                            disabled=["key", "name", "unit_label"], column_order=["name", "value", "unit_label"],
                            column_config=config | {"value": st.column_config.NumberColumn(labels["value"],
                                                                                           format="%.6f", min_value=0)})
    if st.button(ui.tr("factors.custom.save"), key="factors_save", type="primary"):
        with ui.errors_shown():
            new_set = ft.create_custom_set(factor_set, new_id, name_zh, name_en, ft.values_from_frame(edited),
                                           note, taken=sets)
            save(new_set, "factors.custom.saved", len(ft.diff_factor_sets(factor_set, new_set, L)))

with one:
    factor_form.one_factor_tab(factor_set, list(sets))

with importing:
    st.caption(ui.tr("factors.import.help"))
    st.download_button(ui.tr("factors.import.template"), ft.factor_csv_template(), "factor_set_template.csv",
                       "text/csv", key="factors_template")
    upload = st.file_uploader(ui.tr("factors.import.file"), type=["csv"], key="factors_upload")
    import_id, import_zh, import_en = new_set_inputs("factors_import")
    if st.button(ui.tr("factors.import.run"), key="factors_import", disabled=upload is None):
        with ui.errors_shown():
            new_set = ft.read_factor_set_csv(upload.getvalue(), import_id, import_zh, import_en, taken=sets)
            save(new_set, "factors.import.saved", len(new_set.factors))
