"""BOM import on the products page: template, upload, material and mode mapping (remembered), preview, import."""

from __future__ import annotations

import streamlit as st

import ui
from cfp_core import editor, store
from cfp_core import io as cfp_io
from cfp_core.editor import EditorState
from cfp_core.errors import ImportRejected
from cfp_core.models import DataSourceType, Inventory
from ui import importing


def bom_section(db, state: EditorState) -> None:
    """A bill of materials becomes raw-material and transport lines of this product and period."""
    lang, org = ui.lang(), state.product.org_id
    st.subheader(ui.tr("bom.title"))
    st.caption(ui.tr("bom.intro"))
    st.caption(ui.tr("bom.factor_set_hint", set_name=state.factor_set.name_en if lang == "en" else state.factor_set.name_zh))
    left, right = st.columns(2)
    left.download_button(ui.tr("bom.template_csv"), cfp_io.bom_template_bytes("csv", lang), key="bom_template_csv",
                         file_name=f"bom_template_{lang}.csv", mime="text/csv")
    right.download_button(ui.tr("bom.template_xlsx"), cfp_io.bom_template_bytes("xlsx", lang), key="bom_template_xlsx",
                          file_name=f"bom_template_{lang}.xlsx")
    upload = st.file_uploader(ui.tr("bom.upload"), type=["csv", "xlsx"], key="bom_file")
    if upload is None:
        return
    try:
        parts = cfp_io.read_bom(upload.getvalue(), upload.name)
    except ImportRejected as error:
        ui.show_error(error)
        return
    sources = {ui.tr(f"source.{s.value}"): s.value for s in DataSourceType}
    source = sources.get(st.selectbox(ui.tr("bom.data_source"), list(sources), index=None, key=f"bom_source_{lang}"))
    remembered = store.bom_mappings(db, org)
    mapping = dict(remembered)
    for kind, texts, unit in (("material", dict.fromkeys(p.material for p in parts), "kg"),
                              ("mode", dict.fromkeys(p.mode for p in parts if p.distance_km), "tkm")):
        choices = {label: ref for label, ref in editor.factor_choices(state.factor_set, lang).items()
                   if label in editor.factor_options(state.factor_set, lang, unit)}
        refs = list(choices.values())
        for n, text in enumerate(texts):
            known = mapping.get((kind, text))
            picked = st.selectbox(ui.tr(f"bom.map_{kind}", text=text), list(choices), key=f"bom_{kind}_{n}_{lang}",
                                  index=refs.index(known) if known in refs else None)
            if picked:
                mapping[(kind, text)] = choices[picked]
    if source is None:
        return
    result = cfp_io.bom_lines(parts, mapping, source)
    unmapped = len(result.unmapped_materials) + len(result.unmapped_modes)
    if unmapped:
        st.warning(ui.tr("bom.unmapped", count=unmapped))
    st.info(ui.tr("bom.lines", count=len(result.lines), parts=len(parts)))
    if not result.lines:
        return
    inventory = Inventory(model_code=state.product.model_code, period=state.period, lines=result.lines,
                          factor_set_id=state.template.factor_set_id)
    new = {k: v for k, v in mapping.items() if remembered.get(k) != v}
    importing.import_controls(db, [inventory], upload.name, prefix="bom",
                              before=lambda d: store.save_bom_mappings(d, ui.principal(d), org, new) if new else None)
