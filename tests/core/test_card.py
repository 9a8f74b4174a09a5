"""The footprint card: content, escaping, no external requests, formats, and no internal-note leaks."""

import hashlib
import html.parser
import io
import json
import os
import time
import xml.etree.ElementTree as ET
import zipfile

import pytest
import rfc8785
from PIL import Image
from pypdf import PdfReader

from cfp_core import store
from cfp_core.access import cli_principal  # noqa: E402
from cfp_core.charts import STAGE_COLORS
from cfp_core.errors import UnknownFormat
from cfp_core.models import ActivityLine, LifecycleStage
from cfp_core.publish import card
from cfp_core.publish import snapshots as pub
from cfp_core.publish.card import html as card_html
from cfp_core.publish.card import image as card_image
from cfp_core.publish.card import layout as card_layout
from cfp_core.store.seed import seed_database

ADMIN = cli_principal("weisidemu", "tests")  # the acting principal of every write in these tests

WS = ("WS-TPS-48-900A", "2025")
SECRET = "INTERNAL-SECRET-7f3a"
EVIL = '<script>alert(1)</script>"onerror=alert(2)'


@pytest.fixture(scope="module")
def snapshots():
    """v1 (superseded) and v2 (current) of the reference case, published once for the module."""
    db = store.open_db(memory=True)
    seed_database(db)
    first = pub.publish(db, ADMIN, *WS)
    second = pub.publish(db, ADMIN, *WS)
    return pub.load_snapshot(db, first.snapshot_id), second


@pytest.fixture(scope="module")
def current(snapshots):
    return snapshots[1]


class _Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.src, self.href = [], []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            (self.src if name == "src" else self.href if name == "href" else [None]).append(value)


def test_html_shows_the_verified_headline_and_json_holds_the_exact_total(current):
    page = card_html.card_html(current, "zh")
    assert "93.4346" in page and "24.0450" in page and "25.7%" in page  # numbers.py card rule
    document = json.loads(card.card_json(current))
    assert document["content"]["disclosure"]["total_kg_co2e"] == current.disclosure.total_kg_co2e
    assert round(document["content"]["disclosure"]["total_kg_co2e"], 4) == 93.4346
    assert hashlib.sha256(rfc8785.dumps(document["content"])).hexdigest() == document["content_hash"] \
        == current.content_hash  # anyone can check it: RFC 8785 + SHA-256, no code of ours
    assert document["integrity_check"] == "passed" and "RFC 8785" in document["hash_of"]


@pytest.mark.parametrize(("lang", "expected"), [
    ("zh", ["浙江威斯得姆电子有限公司", "智能通信电源系统", "WS-TPS-48-900A", "1 台", "kgCO₂e/台", "从摇篮到坟墓",
            "包装材料获取", "2025-01-01", "GB/T 24067-2024", "ISO 14067:2018", "全国电力平均碳足迹因子", "2024",
            "IPCC AR5", "初级数据占比 74.3%", "三信国际检测认证有限公司", "T400132-02-2026", "2026-06-18",
            "v2", "有效", "语言：中文", "24.0450", "25.7%"]),
    ("en", ["Intelligent telecom power system", "1 piece", "Cradle-to-grave", "Acquisition of packaging materials",
            "ISO 14067:2018", "IPCC AR5", "Primary-data share 74.3%", "T400132-02-2026", "Active",
            "Language: English", "Raw-material acquisition"]),
])
def test_card_discloses_every_required_field(current, lang, expected):
    page = card_html.card_html(current, lang)
    missing = [text for text in expected if text.replace(" ", "\u00a0") not in page and text not in page]
    assert not missing
    assert current.content_hash[:16] in page
    assert all(color in page for color in (STAGE_COLORS[s.stage.value] for s in current.disclosure.stages))


def test_html_makes_no_external_requests(current):
    parser = _Links()
    parser.feed(card_html.card_html(current, "en", base_url="https://cfp.example.com"))
    assert parser.src and all(src.startswith("data:image/") for src in parser.src)
    assert parser.href == [card.card_url(current.token, "https://cfp.example.com", "en")]
    assert "<link" not in card_html.card_html(current, "en") and "@import" not in card_html.card_css()


def test_a_saved_card_page_carries_its_own_csp_images_only_from_itself_or_data(current):
    page = card_html.card_html(current, "en")
    head = page.split("</head>")[0]
    assert f'<meta http-equiv="Content-Security-Policy" content="{card_html.PAGE_CSP}">' in head
    assert "img-src 'self' data:;" in card_html.PAGE_CSP and "default-src 'none'" in card_html.PAGE_CSP


def test_card_link_is_ascii_and_carries_token_and_language(current):
    url = card.card_url(current.token, "http://例子.cn/app/", "zh")
    assert url.isascii() and url.endswith(f"/c/{current.token}?lang=zh")
    assert card.card_view(current, "en").link.startswith(os.environ["CFP_PUBLIC_URL"])


def test_superseded_and_withdrawn_banners(snapshots):
    old, current = snapshots
    assert card.card_view(old, "zh").banner == ("superseded", "已被 v2 取代。本版本仅作存档。")
    assert "Superseded by v2" in card_html.card_html(old, "en")
    assert card.card_view(current, "zh").banner is None
    withdrawn = current.model_copy(update={"status": "Withdrawn", "status_reason": "数据错误"})
    assert "发布方已撤回：数据错误" in card_html.card_html(withdrawn, "zh")
    assert "cfp-pill--Withdrawn" in card_html.card_html(withdrawn, "zh")


def test_illustrative_data_is_marked(current):
    demo = current.model_copy(update={"disclosure": current.disclosure.model_copy(update={"illustrative": True})})
    assert "示例数据" in card_html.card_html(demo, "zh")
    assert "Illustrative data" in card_image.card_svg(demo, "en")
    assert "示例数据" not in card_html.card_html(current, "zh")


def _evil_snapshot(current):
    product = current.disclosure.product.model_construct(
        **{**current.disclosure.product.model_dump(), "name_zh": EVIL, "name_en": EVIL})
    org = current.disclosure.organisation.model_copy(update={"name_zh": EVIL + "&co", "name_en": EVIL})
    disclosure = current.disclosure.model_copy(update={"product": product, "organisation": org})
    return current.model_copy(update={"disclosure": disclosure, "status": "Withdrawn", "status_reason": EVIL})


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_user_text_is_escaped_in_html_and_svg(current, lang):
    evil = _evil_snapshot(current)
    for output in (card_html.card_html(evil, lang), card_html.card_fragment(evil, lang), card_image.card_svg(evil, lang)):
        assert "<script>" not in output and '"onerror=' not in output
        assert "&lt;script&gt;alert(1)&lt;/script&gt;&quot;onerror=" in output
    ET.fromstring(card_image.card_svg(evil, lang))  # still well-formed XML


def test_png_decodes_at_a_sensible_size_and_renders_fast(current):
    card_image.card_png(current, "zh")  # warm the font cache
    for lang in ("zh", "en"):
        started = time.process_time()  # CPU time: robust when other jobs share the machine
        data = card_image.card_png(current, lang)
        assert time.process_time() - started < 1.0
        image = Image.open(io.BytesIO(data))
        image.load()
        assert image.format == "PNG" and image.width == 1800 and 2000 < image.height < 4500


def test_png_fails_loudly_without_a_cjk_font(current, monkeypatch):
    missing = ((card_layout.FONT_DIRS / "nope.ttc", 0),)
    monkeypatch.setattr(card_layout, "REGULAR", missing)
    monkeypatch.setattr(card_layout, "BOLD", missing)
    card_layout.font.cache_clear()
    try:
        with pytest.raises(card_layout.CardFontMissing, match="fonts-noto-cjk"):
            card_image.card_png(current, "zh")
    finally:
        card_layout.font.cache_clear()


def test_svg_is_well_formed_and_shows_the_total(current):
    root = ET.fromstring(card_image.card_svg(current, "zh"))
    texts = "".join(root.itertext())
    assert "93.43" in texts and "智能通信电源系统" in texts
    hrefs = [v for el in root.iter() for k, v in el.attrib.items() if k.endswith("href")]
    assert hrefs and all(h.startswith("data:image/png;base64,") for h in hrefs)


def test_pdf_is_exactly_one_a4_page(current):
    reader = PdfReader(io.BytesIO(card_html.card_pdf(current, "zh")))
    assert len(reader.pages) == 1
    width, height = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
    assert (round(width), round(height)) == (595, 842)
    assert "93.43" in reader.pages[0].extract_text()


def test_long_texts_still_fit_one_pdf_page(current):
    long_name = "超长产品名称" * 12
    product = current.disclosure.product.model_copy(update={"name_zh": long_name})
    crowded = current.model_copy(update={"disclosure": current.disclosure.model_copy(update={"product": product})})
    assert len(PdfReader(io.BytesIO(card_html.card_pdf(crowded, "zh"))).pages) == 1


def test_bundle_folder_and_zip(current, tmp_path):
    paths = card.card_bundle(current, tmp_path / "site", "en")
    assert sorted(p.name for p in paths) == ["card.json", "card.png", "card.svg", "index.html"]
    assert "93.43" in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    with zipfile.ZipFile(io.BytesIO(card.render_card(current, "bundle", "zh"))) as archive:
        assert sorted(archive.namelist()) == [f"WS-TPS-48-900A_2025_v2/{n}" for n in
                                              ("card.json", "card.png", "card.svg", "index.html")]


def test_render_card_rejects_unknown_formats(current):
    with pytest.raises(UnknownFormat, match="docx"):
        card.render_card(current, "docx")
    assert card.card_filename(current, "bundle") == "WS-TPS-48-900A_2025_v2.zip"


def test_stage_frame_feeds_the_stage_chart(current):
    frame = card.stage_frame(current, "en")
    assert list(frame.columns) == ["stage", "stage_label", "kg_co2e", "share", "share_text"]
    assert frame["kg_co2e"].sum() == pytest.approx(current.disclosure.total_kg_co2e)
    assert list(frame["share_text"]) == ["25.7%", "15.2%", "33.5%", "8.8%", "16.8%"]  # as on the card image


def _all_outputs(snapshot) -> list[str]:
    outputs = [card.card_json(snapshot)]
    for lang in ("zh", "en"):
        outputs += [card_html.card_html(snapshot, lang), card_image.card_svg(snapshot, lang),
                    PdfReader(io.BytesIO(card_html.card_pdf(snapshot, lang))).pages[0].extract_text()]
    return outputs


def test_internal_notes_never_reach_any_card_output(seeded_db):
    inventory = store.load_inventory(seeded_db, *WS)
    secret_line = ActivityLine(data_source="primary_measured", stage=LifecycleStage.PRODUCTION, activity="压缩空气 Compressed air", amount=0.0,
                               unit="kWh", factor_ref="electricity.cn.national", note=f"{SECRET} do not share",
                               note_internal=True)
    first = inventory.lines[0].model_copy(update={"note": f"{SECRET} supplier price", "note_internal": True})
    store.save_inventory(seeded_db, ADMIN, inventory.model_copy(update={"lines": (first, *inventory.lines[1:], secret_line)}))
    assert SECRET in next(iter(seeded_db.query("select payload from inventory_revisions order by id desc")))["payload"]
    snapshot = pub.publish(seeded_db, ADMIN, *WS)
    assert SECRET not in snapshot.canonical_json()
    assert not [text for text in _all_outputs(snapshot) if SECRET in text]


def test_demo_internal_notes_never_leak(seeded_db):
    rows = list(seeded_db.query("select distinct model_code, period from inventory_revisions "
                                "where payload like '%INTERNAL-ONLY%'"))
    assert rows, "the demo data carries an internal note to guard against"
    for row in rows:
        snapshot = pub.publish(seeded_db, ADMIN, row["model_code"], row["period"], audience="internal")
        assert not [text for text in _all_outputs(snapshot) if "INTERNAL-ONLY" in text]


def test_card_path_is_relative_to_the_app(current, monkeypatch):
    assert card.card_path(current.token, "en") == f"card?token={current.token}&lang=en"
    monkeypatch.setenv("CFP_PUBLIC_URL", "https://cfp.example.com/")
    assert card.card_url(current.token) == f"https://cfp.example.com/c/{current.token}"
