"""Card page (hidden): the read-only published card reached by ?token=…, in both languages."""

import pytest

from cfp_core import store
from cfp_core.access import cli_principal  # noqa: E402
from cfp_core.publish import snapshots as pub

ADMIN = cli_principal("weisidemu", "tests")  # the acting principal of every write in these tests

WS = ("WS-TPS-48-900A", "2025")


@pytest.fixture
def tokens(seeded_db_path):
    """Publish v1 and v2 of the reference case into the seeded test database."""
    db = store.open_db(seeded_db_path)
    first, second = pub.publish(db, ADMIN, *WS), pub.publish(db, ADMIN, *WS)
    db.close()
    return {"old": first.token, "current": second.token}


def _text(at) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [t.value for t in at.title]
    return "\n".join(parts + [w.value for w in at.warning] + [e.value for e in at.error])


@pytest.mark.parametrize(("lang", "unit", "expected"), [
    ("zh", "kgCO₂e/台", ["智能通信电源系统", "浙江威斯得姆电子有限公司", "从摇篮到坟墓", "三信国际检测认证有限公司",
                         "T400132-02-2026", "初级数据占比 74.3%", "IPCC AR5", "语言：中文", "有效"]),
    ("en", "kgCO₂e per piece", ["Intelligent telecom power system", "Cradle-to-grave", "T400132-02-2026",
                                "Primary-data share 74.3%", "Language: English", "Active"]),
])
def test_card_renders_every_field_in_both_languages(page_app, tokens, lang, unit, expected):
    at = page_app("card", lang, token=tokens["current"]).run()
    assert not at.exception
    assert at.metric[0].value == f"93.4346 {unit}"
    text = _text(at)
    assert not [e for e in expected if e not in text]
    assert not at.warning and not at.error  # the current version has no banner
    assert at.get("vega_lite_chart") and at.dataframe[0].value["kg_co2e"].round(4).tolist()[0] == 24.045
    assert [b.label for b in at.get("download_button")] and len(at.get("download_button")) == 4
    assert not at.text_input and not at.button  # read-only: no editing controls


@pytest.mark.parametrize(("lang", "banner"), [("zh", "已被 v2 取代"), ("en", "Superseded by v2")])
def test_old_version_shows_the_superseded_banner_and_links_the_successor(page_app, tokens, lang, banner):
    at = page_app("card", lang, token=tokens["old"]).run()
    assert not at.exception
    assert banner in at.warning[0].value
    assert at.page_link[0].proto.query_string.count(tokens["current"]) == 1


@pytest.mark.parametrize(("lang", "message"), [("zh", "未找到该链接对应的碳足迹卡片"), ("en", "No footprint card")])
def test_bad_token_gets_a_friendly_message(page_app, lang, message):
    at = page_app("card", lang, token="not-a-real-token").run()
    assert not at.exception
    assert message in at.warning[0].value
    assert not at.metric


@pytest.mark.parametrize(("lang", "message"), [("zh", "请通过收到的链接或二维码打开"), ("en", "link or QR code")])
def test_missing_token_explains_the_page(page_app, lang, message):
    at = page_app("card", lang).run()
    assert not at.exception
    assert message in at.info[0].value


def test_withdrawn_card_shows_the_reason(page_app, tokens, seeded_db_path):
    db = store.open_db(seeded_db_path)
    pub.withdraw(db, ADMIN, pub.load_snapshot(db, token=tokens["current"]).snapshot_id, "Meter reading error")
    db.close()
    at = page_app("card", "en", token=tokens["current"]).run()
    assert not at.exception
    assert "Withdrawn by the publisher: Meter reading error" in at.error[0].value


@pytest.mark.parametrize(("lang", "failed", "proof"), [
    ("zh", "完整性校验未通过", "可证明内容自发布以来未被改动"),
    ("en", "Integrity check failed", "proves the content has not changed"),
])
def test_a_changed_card_says_its_integrity_check_failed(page_app, tokens, seeded_db_path, lang, failed, proof):
    import sqlite3

    raw = sqlite3.connect(seeded_db_path)
    raw.execute("drop trigger published_snapshots_no_update")
    raw.execute("update published_snapshots set payload = replace(payload, '93.43', '83.43')")
    raw.commit()
    raw.close()
    at = page_app("card", lang, token=tokens["current"]).run()
    assert not at.exception
    assert failed in at.error[0].value and proof not in _text(at)
    good = page_app("card", lang, token=tokens["current"])  # how anyone checks a card: shown on every card
    assert "rfc8785" in good.run().code[0].value
