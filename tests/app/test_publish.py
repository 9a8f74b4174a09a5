"""Publish page: readiness checklist, publishing, snapshot list, withdrawal and downloads, in both languages."""

import pytest

from cfp_core import store
from cfp_core.access import cli_principal  # noqa: E402
from cfp_core.publish import snapshots as pub
from tests.support.product import CARBON

ADMIN = cli_principal("weisidemu", "tests")  # the acting principal of every write in these tests

WS = {"model": "WS-TPS-48-900A", "period": "2025", "set": "cn-cfp-2024"}


def _published(seeded_db_path):
    db = store.open_db(seeded_db_path)
    try:
        return pub.list_snapshots(db, "WS-TPS-48-900A")
    finally:
        db.close()


@pytest.mark.parametrize(("lang", "title", "mass"), [("zh", "发布", "productMassPerDeclaredUnit"),
                                                     ("en", "Publish", "productMassPerDeclaredUnit")])
def test_readiness_checklist_explains_gaps(page_app, lang, title, mass):
    at = page_app("publish", lang, **WS).run()
    assert not at.exception
    assert at.title[0].value == title
    assert [tab.label for tab in at.tabs][1].endswith("✗]")  # PACT v3 is blocked
    pact = "\n".join(m.value for m in at.tabs[1].markdown)
    assert mass in pact and ":red[✗]" in pact
    assert ":green[✓]" in "\n".join(m.value for m in at.tabs[0].markdown)


@pytest.mark.parametrize(("lang", "done"), [("zh", "已发布 v1"), ("en", "Published v1")])
def test_publish_button_creates_a_snapshot_and_lists_it(page_app, seeded_db_path, lang, done):
    at = page_app("publish", lang, **WS).run()
    at.button(key="publish_button").click().run()
    assert not at.exception
    assert done in at.success[0].value
    snapshots = _published(seeded_db_path)
    assert [(s.version, s.author) for s in snapshots] == [(1, "local admin <local:admin>")]
    table = at.dataframe[0].value
    assert table["version"].tolist() == [1] and table["hash"].tolist() == [snapshots[0].short_hash]
    assert any(snapshots[0].token in link.proto.query_string for link in at.page_link)


@pytest.mark.parametrize(("lang", "error"), [("zh", "示例（演示）数据"), ("en", "Illustrative (demo) data")])
def test_blocking_gap_shows_a_localized_error(page_app, seeded_db_path, lang, error):
    at = page_app("publish", lang, model="WS-TPS-48-900A", period="2024", audience="customers").run()
    at.button(key="publish_button").click().run()
    assert not at.exception
    assert error in at.error[0].value
    assert not _published(seeded_db_path)


def test_withdraw_is_recorded_and_shown(page_app, seeded_db_path):
    at = page_app("publish", "en", **WS).run()
    at.button(key="publish_button").click().run()
    at.text_input(key="withdraw_reason").input("Wrong meter reading")
    at.button(key="withdraw_button").click().run()
    assert not at.exception
    assert "v1 withdrawn" in at.success[0].value
    assert at.dataframe[0].value["status"].tolist() == ["Withdrawn"]
    assert _published(seeded_db_path)[0].status_reason == "Wrong meter reading"


def test_withdraw_without_reason_is_refused(page_app, seeded_db_path):
    at = page_app("publish", "zh", **WS).run()
    at.button(key="publish_button").click().run()
    at.button(key="withdraw_button").click().run()
    assert not at.exception
    assert "撤回原因" in at.error[0].value
    assert _published(seeded_db_path)[0].status == "Active"


def test_downloads_are_prepared_with_a_progress_indicator(page_app):
    at = page_app("publish", "zh", **WS).run()
    at.button(key="publish_button").click().run()
    at.button(key="prepare_downloads").click().run()
    assert not at.exception
    assert at.status and at.status[0].label == "文件已生成。"
    labels = {b.label for b in at.get("download_button")}
    assert {"PNG 图片", "SVG 矢量图", "PDF（A4）", "HTML 网页", "JSON（含哈希）", "静态网页包（zip）"} <= labels
    assert any("PACT v3" in c.value and "productMassPerDeclaredUnit" in c.value for c in at.caption)
    assert "报告 PDF" in labels


def test_pact_and_report_downloads_once_the_mass_is_entered(page_app, seeded_db_path):
    db = store.open_db(seeded_db_path)
    product = store.load_product(db, "WS-TPS-48-900A")
    store.save_product(db, ADMIN, product.model_copy(update={"product_mass_kg": 85.0, **CARBON}))
    db.close()
    at = page_app("publish", "en", **WS).run()
    assert not at.tabs[1].label.endswith("✗]")
    assert "85.0000 kg" in "".join(m.value for m in at.tabs[1].markdown)
    at.button(key="publish_button").click().run()
    at.button(key="prepare_downloads").click().run()
    assert not at.exception
    labels = {b.label for b in at.get("download_button")}
    assert {"PACT v3 JSON", "Report PDF", "PNG image", "Static bundle (zip)"} <= labels


def test_publish_page_shows_the_full_public_link_to_copy(page_app):
    at = page_app("publish", "en", **WS).run()
    at.button(key="publish_button").click().run()
    assert not at.exception
    assert any(code.value.startswith("https://cfp.example.com/c/") for code in at.code)


def test_approver_fulfils_a_customers_pcf_request(page_app, seeded_db_path):
    import json

    db = store.open_db(seeded_db_path)
    product = store.load_product(db, "WS-TPS-48-900A")
    store.save_product(db, ADMIN, product.model_copy(update={"product_mass_kg": 120.0, **CARBON}))
    snapshot = pub.publish(db, ADMIN, "WS-TPS-48-900A", "2025", audience="customers")
    client, _ = store.create_api_client(db, ADMIN, "Telecom buyer")
    db.close()
    exchange = store.open_exchange(store.exchange_path(seeded_db_path))
    exchange.table("pcf_requests").insert({
        "request_id": "req-1", "event_id": "evt-1", "client_id": client.client_id, "org_id": "weisidemu",
        "source": "https://buyer.example.com", "received": "2026-01-05T08:00:00+00:00",
        "criteria": json.dumps({"productId": ["urn:x"]}), "comment": "2025 please", "event": "{}", "state": "open"})
    exchange.close()
    at = page_app("publish", "en", **WS).run()
    assert "2025 please" in "\n".join(c.value for c in at.caption)
    at.multiselect(key="pcf_pick_req-1").set_value([snapshot.snapshot_id]).run()
    at.button(key="pcf_fulfil_req-1").click().run()
    assert not at.exception and "Answer recorded" in at.success[-1].value
    db = store.open_db(seeded_db_path)
    from cfp_core.publish import decision_for

    assert decision_for(db, "req-1").pf_ids == (snapshot.snapshot_id,)
    db.close()
