"""Organisation settings (administrators): legal names, address, logo, public base URL, language, time zone, four eyes."""

from zoneinfo import available_timezones

import streamlit as st

import ui
from cfp_core import store
from cfp_core.models import Organisation, OrganisationSettings
from cfp_core.validation import png_logo

ui.require_router(__file__)

st.title(ui.tr("nav.settings"))
st.caption(ui.tr("settings.intro"))
ZONES = sorted(available_timezones())

with ui.open_db() as db:
    principal = ui.principal(db)
    org = store.load_organisation(db, principal.org_id)
    settings = store.load_settings(db, principal.org_id)
    with st.form("settings_form"):
        st.subheader(ui.tr("settings.organisation"))
        name_zh = st.text_input(ui.tr("settings.name_zh"), org.name_zh, max_chars=200)
        name_en = st.text_input(ui.tr("settings.name_en"), org.name_en, max_chars=200)
        address = st.text_input(ui.tr("settings.address"), org.address, max_chars=200)
        st.subheader(ui.tr("settings.workspace"))
        base_url = st.text_input(ui.tr("settings.public_base_url"), settings.public_base_url,
                                 help=ui.tr("settings.public_base_url_help"), max_chars=200)
        default_lang = st.selectbox(ui.tr("settings.default_lang"), ["zh", "en"],
                                    index=["zh", "en"].index(settings.default_lang),
                                    format_func=lambda c: {"zh": "中文", "en": "English"}[c])
        zone = st.selectbox(ui.tr("settings.time_zone"), ZONES,
                            index=ZONES.index(settings.time_zone) if settings.time_zone in ZONES else 0)
        four_eyes = st.toggle(ui.tr("settings.four_eyes"), settings.four_eyes, help=ui.tr("settings.four_eyes_help"))
        logo = st.file_uploader(ui.tr("settings.logo"), type=["png"], help=ui.tr("settings.logo_help"), max_upload_size=1)
        comment = st.text_input(ui.tr("settings.comment"), max_chars=200)
        submitted = st.form_submit_button(ui.tr("settings.save"), type="primary")
    if settings.logo_png_base64:
        st.image(f"data:image/png;base64,{settings.logo_png_base64}", caption=ui.tr("settings.logo"), width=160)
    if submitted:
        with ui.errors_shown():
            updated_org = Organisation.model_validate(
                org.model_dump() | {"name_zh": name_zh, "name_en": name_en, "address": address})
            updated = OrganisationSettings(
                org_id=principal.org_id, public_base_url=base_url, default_lang=default_lang, time_zone=zone,
                four_eyes=four_eyes, logo_png_base64=png_logo(logo.getvalue()) if logo else settings.logo_png_base64)
            if updated_org != org:
                store.save_organisation(db, principal, updated_org)
            if updated != settings:
                revision = store.save_settings(db, principal, updated, comment)
                st.success(ui.tr("settings.saved", revision=revision))
            elif updated_org != org:
                st.success(ui.tr("settings.saved_org"))
            else:
                st.info(ui.tr("settings.unchanged"))
