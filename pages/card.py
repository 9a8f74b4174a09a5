import streamlit as st

import ui

st.title(ui.tr("nav.card"))
