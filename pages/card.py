"""Footprint card (hidden page): the read-only published card, reached by an unguessable ``?token=…`` link."""

import streamlit as st

import ui
from cfp_core import charts, numbers
from cfp_core import publish as pub
from cfp_core.errors import CfpError
from cfp_core.publish import card
from ui import publish as ui_publish

ui.require_router(__file__)

token = ui.query_param("token")
if not token:
    st.title(ui.tr("nav.card"))
    st.info(ui.tr("card.missing_token"), icon=":material/qr_code_2:")
    st.stop()

with ui.open_db() as db:
    try:
        snapshot = pub.load_snapshot(db, token=token)
        successor = pub.load_snapshot(db, snapshot.successor_id) if snapshot.successor_id else None
        base_url = ui_publish.public_base_url(db, snapshot.disclosure.organisation.org_id)
    except CfpError:
        snapshot = None
if snapshot is None:
    st.title(ui.tr("nav.card"))
    st.warning(ui.tr("card.unknown_token"), icon=":material/link_off:")
    st.stop()

lang = ui.lang()
view = card.card_view(snapshot, lang, base_url)

st.caption(f"{ui.md(view.heading)} · {ui.md(view.company)}")
st.title(ui.md(view.product))
st.caption(ui.md(view.model_line))
if view.banner and view.banner[0] in ("withdrawn", "tampered"):
    st.error(ui.md(view.banner[1]), icon=":material/block:")
elif view.banner:
    st.warning(ui.md(view.banner[1]), icon=":material/history:")
    if successor is not None:
        ui_publish.card_link(successor, "card.open_successor")
if base_url:
    st.link_button(ui.tr("server.link.title"), view.link, icon=":material/open_in_new:")
if view.illustrative:
    st.warning(f"**{view.illustrative[0]}** — {view.illustrative[1]}", icon=":material/science:")

head, qr = st.columns([3, 1])
with head:
    st.metric(ui.md(view.total_caption), f"{view.total_text} {view.unit_text}")
    if view.gate_text:
        st.caption(ui.md(view.gate_text))
with qr:
    st.image(card.qr_png(view.link, 240), caption=view.scan_text, width=160)

st.subheader(view.stages_title)
frame = card.stage_frame(snapshot, lang)
st.altair_chart(charts.stage_bar_chart(frame, lang), width="stretch")
st.dataframe(frame, hide_index=True, column_order=["stage_label", "kg_co2e", "share_text"], column_config={
    "stage_label": ui.tr("card.stage_col"),
    "kg_co2e": st.column_config.NumberColumn(ui.tr("card.value_col"), format=numbers.KG_FORMAT),
    "share_text": st.column_config.TextColumn(ui.tr("card.share_col"))})

columns = st.columns(2)
for index, (label, lines) in enumerate(view.facts):
    with columns[index % 2]:
        st.markdown(f"**{ui.md(label)}**  \n" + "  \n".join(ui.md(line) for line in lines))

st.divider()
st.caption(ui.md(f"{view.snapshot_line} · {view.hash_line} · {view.language_line}"))
st.caption(ui.md(view.integrity_text))
with st.expander(view.verify_title, icon=":material/verified:"):
    st.markdown("\n".join(f"{number}. {ui.md(step)}" for number, step in enumerate(view.verify_steps, 1)))
    st.caption(ui.tr("card.verify.tools"))
    st.code(card.VERIFY_COMMAND, language="bash", wrap_lines=True)

buttons = st.columns(4)
for col, fmt in zip(buttons, ("png", "pdf", "html", "json"), strict=True):
    with col:
        st.download_button(
            ui.tr(f"publish.download.{fmt}"), key=f"card_download_{fmt}", icon=":material/download:",
            data=lambda fmt=fmt: card.render_card(snapshot, fmt, lang, base_url),
            file_name=card.card_filename(snapshot, fmt), mime=card.MEDIA_TYPES[fmt], on_click="ignore")
