"""Streamlit widgets of the publish and card pages: pickers, readiness checklist, snapshot actions, downloads.

Rendering only: every number and file comes from ``cfp_core`` (publish, card, pact, report).
"""

from __future__ import annotations

import streamlit as st

import ui
from cfp_core import editor, numbers, store
from cfp_core import publish as pub
from cfp_core.i18n import t
from cfp_core.publish import card, report

ICONS = {"ok": ":green[✓]", "advisory": ":orange[⚠]", "blocking": ":red[✗]"}
CARD_FORMATS = ("png", "svg", "pdf", "html", "json", "bundle")



def public_base_url(db, org_id: str) -> str | None:
    """Return the configured public address of the disclosure server (never the browser's host), if set."""
    return pub.public_base_url(db, org_id) or None


def public_link(db, snapshot: pub.Snapshot) -> None:
    """The full public card link with a copy button, or why there is none."""
    url = pub.public_card_url(db, snapshot.disclosure.organisation.org_id, snapshot.token, ui.lang())
    if url:
        st.caption(ui.tr("server.link.title"))
        st.code(url, language=None)
    else:
        st.warning(ui.tr("server.link.missing"), icon=":material/link_off:")


def pick(label_key: str, options: list, param: str, key: str, format_func=str, default=None):
    """Selectbox labelled by an i18n key whose choice lives in the URL query parameter ``param``."""
    return ui.url_selectbox(ui.tr(label_key), options, param, key, default, format_func)


def selectors(db) -> tuple[str, str, str, str] | None:
    """Model, period, factor set and audience pickers; None when nothing can be published yet."""
    lang = ui.lang()
    products = {p.model_code: p for p in store.list_products(db)}
    cols = st.columns(4)
    with cols[0]:
        model = pick("label.model", list(products), "model", "publish_model",
                     lambda c: f"{c} · {card.name_in(lang, products[c].name_zh, products[c].name_en)}",
                     default=editor.default_model_code(list(products.values())))
    if model is None:
        return None
    with cols[1]:
        periods = store.list_periods(db, model)
        period = pick("label.period", periods, "period", "publish_period", default=periods[-1] if periods else None)
    if not period:
        return None
    sets = {s.set_id: s for s in store.list_factor_sets(db)}
    with cols[2]:
        set_id = pick("label.factor_set", list(sets), "set", "publish_set",
                      lambda s: card.name_in(lang, sets[s].name_zh, sets[s].name_en),
                      default=store.load_inventory(db, model, period).factor_set_id)
    with cols[3]:
        audience = pick("publish.audience", list(pub.AUDIENCES), "audience", "publish_audience",
                        lambda a: t(f"publish.audience.{a}", lang))
    return model, period, set_id, audience


def readiness_tabs(checklists: dict[str, list[pub.Check]]) -> None:
    """One tab per target (card, PACT v3, report) listing ✓ / ⚠ / ✗ with the reason."""
    labels = [f"{ui.tr(f'publish.target.{target}')} {ICONS[_worst(checks)]}" for target, checks in checklists.items()]
    for tab, checks in zip(st.tabs(labels), checklists.values(), strict=True):
        with tab:
            for check in checks:
                st.markdown(f"{ICONS[check.level]} **{ui.tr(f'publish.level.{check.level}')}** — "
                            f"{ui.md(check.message(ui.lang()))}")


def _worst(checks: list[pub.Check]) -> str:
    levels = {c.level for c in checks}
    return "blocking" if "blocking" in levels else "advisory" if "advisory" in levels else "ok"


def snapshot_list(snapshots: list[pub.Snapshot]) -> None:
    """Table of published versions (newest first)."""
    frame = pub.snapshot_table(snapshots, ui.lang(), ui.time_zone()).drop(columns=["snapshot_id"])
    frame["token"] = [card.card_path(token, ui.lang()) for token in frame["token"]]
    st.dataframe(frame, hide_index=True, column_config={
        "token": st.column_config.LinkColumn(ui.tr("card.link"), display_text=ui.tr("publish.open")),
        "version": st.column_config.NumberColumn(ui.tr("publish.col.version"), format="v%d"),
        "period": ui.tr("publish.col.period"), "status": ui.tr("publish.col.status"),
        "created": ui.tr("publish.col.created"), "audience": ui.tr("publish.col.audience"),
        "total_kg_co2e": st.column_config.NumberColumn(ui.tr("publish.col.total"), format=numbers.KG_FORMAT),
        "hash": ui.tr("publish.col.hash")})


def snapshot_picker(snapshots: list[pub.Snapshot]) -> pub.Snapshot:
    """Choose one published version (newest first)."""
    lang, by_id = ui.lang(), {s.snapshot_id: s for s in snapshots}
    chosen = st.selectbox(ui.tr("publish.select_snapshot"), list(by_id), key="publish_snapshot",
                          format_func=lambda i: f"v{by_id[i].version} · {by_id[i].period} · "
                                                f"{t(f'publish.status.{by_id[i].status}', lang)}")
    return by_id[chosen]


def card_link(snapshot: pub.Snapshot, label_key: str = "publish.open_card") -> None:
    """Link to the read-only card page of ``snapshot`` (keeps the current language)."""
    st.page_link("pages/card.py", label=ui.tr(label_key, version=snapshot.version), icon=":material/badge:",
                 query_params={"token": snapshot.token, "lang": ui.lang()})


def withdraw_form(db, snapshot: pub.Snapshot) -> None:
    """Reason + button; records a Withdrawn status event (the snapshot itself never changes)."""
    if snapshot.status == "Withdrawn":
        st.error(ui.md(t("card.withdrawn", ui.lang(), reason=snapshot.status_reason)))
        return
    reason = st.text_input(ui.tr("publish.withdraw_reason"), key="withdraw_reason")
    if st.button(ui.tr("publish.withdraw"), key="withdraw_button", icon=":material/block:"):
        with ui.errors_shown():
            done = pub.withdraw(db, ui.principal(db), snapshot.snapshot_id, reason)
            st.session_state["publish_flash"] = ui.tr("publish.withdrawn_done", version=done.version)
            st.rerun()  # so the table above shows the new status


def flash() -> None:
    """Show (once) the message a previous action left before rerunning."""
    message = st.session_state.pop("publish_flash", None)
    if message:
        st.success(ui.md(message))


def prepare_files(snapshot: pub.Snapshot, base_url: str | None) -> dict[str, tuple[str, bytes, str]]:
    """Render every download of ``snapshot`` under a progress indicator: {kind: (file name, data, mime)}."""
    lang, files = ui.lang(), {}
    with st.status(ui.tr("publish.rendering"), expanded=False) as status:
        for fmt in CARD_FORMATS:
            st.write(ui.tr(f"publish.download.{fmt}"))
            files[fmt] = (card.card_filename(snapshot, fmt), card.render_card(snapshot, fmt, lang, base_url),
                          card.MEDIA_TYPES[fmt])
        files.update(_disclosure_exports(snapshot, lang))
        status.update(label=ui.tr("publish.rendered"), state="complete")
    return files


def _disclosure_exports(snapshot: pub.Snapshot, lang: str) -> dict[str, tuple[str, bytes, str]]:
    """PACT v3 JSON and the report PDF, when their checklists have no blocking gap."""
    checks = pub.readiness(snapshot.disclosure, audience=snapshot.audience)
    stem, files = card.card_filename(snapshot, "x").removesuffix(".x"), {}
    for kind, target, build, ext, mime in (("pact", "pact_v3", _pact_json, "json", "application/json"),
                                           ("report", "report", _report_pdf, "pdf", "application/pdf")):
        what = ui.tr(f"publish.download.{kind}")
        gaps = [c.message(lang) for c in checks[target] if c.blocking]
        if gaps:
            st.caption(ui.md(ui.tr("publish.blocked", what=what, gaps=t("publish.gap_separator", lang).join(gaps))))
            continue
        with ui.errors_shown():
            files[kind] = (f"{stem}_{kind}.{ext}", build(snapshot, lang), mime)
    return files


def _pact_json(snapshot: pub.Snapshot, lang: str) -> bytes:
    return store.canonical_json(pub.snapshot_pact_v3(snapshot)).encode("utf-8")


def _report_pdf(snapshot: pub.Snapshot, lang: str) -> bytes:
    return report.report_pdf(snapshot.disclosure, lang)


def download_buttons(files: dict[str, tuple[str, bytes, str]]) -> None:
    """One download button per prepared file, in a row."""
    for col, (kind, (name, data, mime)) in zip(st.columns(max(len(files), 1)), files.items(), strict=False):
        with col:
            st.download_button(ui.tr(f"publish.download.{kind}"), data=data, file_name=name, mime=mime,
                               key=f"download_{kind}", icon=":material/download:", on_click="ignore")

