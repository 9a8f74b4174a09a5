"""Factor sources speak the reader's language (#12.14): titles, publishers, and where they are shown."""

from __future__ import annotations

import re

import pytest

from cfp_core import store
from cfp_core.access import cli_principal
from cfp_core.library import factor_provenance, reference_factors, source_document_title
from cfp_core.library.reference import source_document_titles
from cfp_core.publish import snapshots as pub
from cfp_core.publish.card import html as card_html
from cfp_core.publish.report import report_html
from cfp_core.store.seed import seed_database

CJK = re.compile(r"[\u3400-\u9fff\u3001-\u3011\uff01-\uff5e]")
ENGLISH = re.compile(r"\b[A-Za-z][a-z]+(?:[ -][A-Za-z][a-z]+){2,}\b")


def test_every_shipped_source_document_has_a_title_in_each_language():
    factors = reference_factors().values()
    for factor in factors:
        en = source_document_title(factor.source_document, "en")
        zh = source_document_title(factor.source_document, "zh")
        assert not CJK.search(en), (factor.factor_id, en)
        assert CJK.search(zh) and "number not confirmed" not in zh, (factor.factor_id, zh)
    documents = {f.source_document for f in factors}
    assert set(source_document_titles()) <= documents, "a title for a document no factor cites"


def test_a_document_not_in_the_table_is_shown_as_written():
    assert source_document_title("Supplier statement 2025", "zh") == "Supplier statement 2025"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_provenance_names_the_factor_and_its_document_in_one_language(lang):
    factor = reference_factors()["cn_elec_cfp_national_2024"]
    rows = dict(factor_provenance(factor, lang))
    shown = " ".join(v for k, v in rows.items() if k not in ("说明（来源数据原文）", "Notes (from the source data)"))
    if lang == "en":
        assert not CJK.search(shown), shown
        assert "electricity carbon-footprint factors" in shown
    else:
        assert "China national average" not in shown and "number not confirmed" not in shown
        assert "文号未确认" in shown


@pytest.fixture(scope="module")
def snapshot():
    db = store.open_db(memory=True)
    seed_database(db)
    return pub.publish(db, cli_principal("my-company", "test"), "WS-TPS-48-900A", "2025")


def test_zh_card_names_publishers_in_chinese_and_en_card_in_english(snapshot):
    zh, en = card_html.card_html(snapshot, "zh"), card_html.card_html(snapshot, "en")
    assert "生态环境部" in zh and "MEE/NBS/NEA (calculated by CEC)" not in zh
    assert "calculated by CEC" in en or "MEE" in en


def test_report_lists_factor_documents_in_the_report_language(snapshot):
    en = report_html(snapshot.disclosure, "en")
    zh = report_html(snapshot.disclosure, "zh")
    assert "Announcement on the 2024 electricity carbon-footprint factors" in en
    assert "《关于发布2024年电力碳足迹因子数据的公告》（文号未确认）" in zh and "number not confirmed" not in zh


def test_old_snapshot_sources_without_titles_show_the_transcribed_document(snapshot):
    source = snapshot.disclosure.factor_sources[0].model_copy(update={"document_zh": "", "document_en": ""})
    assert source.document("en") == source.source_document
