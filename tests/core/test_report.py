"""The GB/T 24067 / ISO 14067 report: content per section, named gaps, uncertainty, suggestions, PDF, CLI."""

from __future__ import annotations

import io
import math
import re
from datetime import date
from html.parser import HTMLParser

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from cfp_core.cli import cli
from cfp_core.models import Pedigree
from cfp_core.publish.disclosure import build_disclosure
from cfp_core.publish.report import report_html, report_pdf, stage_chart_png, uncertainty
from cfp_core.publish.report.analysis import (
    assumptions_and_limitations,
    data_actions,
    hotspots,
    improvement_suggestions,
)
from cfp_core.publish.report.uncertainty import line_sigma, pedigree_u

DAY = date(2026, 11, 24)


class _Text(HTMLParser):
    """Visible text of an HTML document (style content skipped)."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = False

    def handle_starttag(self, tag, attrs):
        self._skip = tag == "style"

    def handle_endtag(self, tag):
        self._skip = False

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


@pytest.fixture(scope="module")
def disclosures(ws_2025, demo_300a):
    return {"WS-TPS-48-900A": ws_2025, "WS-TPS-48-300A": demo_300a}


@pytest.fixture(scope="module")
def ws(ws_2025):
    return ws_2025


@pytest.fixture(scope="module")
def demo(disclosures):
    return disclosures["WS-TPS-48-300A"]


@pytest.fixture(scope="module")
def ws_html(ws):
    return {lang: report_html(ws, lang, generated_on=DAY) for lang in ("zh", "en")}


def with_pedigree(disclosure, scores: tuple[int, int, int, int, int]):
    pedigree = Pedigree(**dict(zip(("reliability", "completeness", "temporal", "geographical", "technological"),
                                   scores, strict=True)))
    lines = tuple(line.model_copy(update={"pedigree": pedigree}) for line in disclosure.lines)
    return disclosure.model_copy(update={"lines": lines})


@pytest.mark.parametrize("lang,expected", [
    ("zh", ["产品碳足迹报告", "智能通信电源系统", "WS-TPS-48-900A", "浙江威斯得姆电子有限公司", "T400132-02-2026",
            "三信国际检测认证有限公司", "2026年06月18日", "93.4346", "25.73%", "33.48%", "100.00%", "原材料获取",
            "产品处置", "69.5340", "24.0450", "0.5777", "全国电力平均碳足迹因子", "包装材料获取", "李亚丽",
            "改进建议", "未提供：产品质量", "未提供：数据质量（谱系矩阵）评分", "AR5"]),
    ("en", ["Product Carbon Footprint Report", "Intelligent telecom power system", "T400132-02-2026",
            "93.4346", "25.73%", "Raw-material acquisition", "End of life", "Cradle-to-gate subtotal",
            "Not provided: product mass", "Acquisition of packaging materials", "Improvement suggestions",
            "China national average electricity carbon-footprint factor"]),
])
def test_report_html_follows_the_reference_report(ws_html, lang, expected):
    text = visible_text(ws_html[lang])
    missing = [item for item in expected if item not in text]
    assert missing == []
    assert "data:image/png;base64," in ws_html[lang]
    assert "None" not in text and "{" not in text and "}" not in text


def test_sections_appear_in_report_order(ws_html):
    text = visible_text(ws_html["zh"])
    headings = ["摘要", "1 目标与范围定义", "1.3 系统边界", "1.4 分配原则", "1.5 取舍准则", "1.6 相关假设和限制",
                "2 数据质量", "3 活动水平数据（清单）", "4 碳足迹计算结果", "5 不确定性分析", "6 敏感性分析",
                "7 结果解释", "8 改进建议", "9 排放因子来源", "10 第三方核查"]
    position = 0
    for heading in headings:
        position = text.index(heading, position)  # ValueError if missing or out of order


def test_real_data_has_no_illustrative_banner(ws_html, demo):
    assert "示例数据：本报告" not in ws_html["zh"] and '<div class="watermark">' not in ws_html["zh"]
    demo_zh, demo_en = report_html(demo, "zh", generated_on=DAY), report_html(demo, "en", generated_on=DAY)
    assert '<div class="watermark">示例数据</div>' in demo_zh and "示例数据：本报告仅演示" in demo_zh
    assert '<div class="watermark">ILLUSTRATIVE</div>' in demo_en and "Illustrative demo data" in demo_en


def test_missing_items_are_named_gaps(ws):
    bare = ws.model_copy(update={
        "verification": None,
        "organisation": ws.organisation.model_copy(update={"address": ""}),
        "boundary": ws.boundary.model_copy(update={"allocation_rule": "", "cutoff_rule": ""}),
    })
    text = visible_text(report_html(bare, "zh", generated_on=DAY))
    for gap in ("未提供：生产地址", "未提供：报告编号", "未提供：第三方核查", "未提供：分配原则", "未提供：取舍准则"):
        assert gap in text
    assert "2026年11月24日" in text  # no verification date: the generation date is shown
    english = visible_text(report_html(bare, "en", generated_on=DAY))
    assert "Not provided: third-party verification" in english and "Not provided: allocation procedure" in english


def test_inventory_lines_have_four_decimals(ws, ws_html):
    text = visible_text(ws_html["en"])
    for line in ws.lines:
        assert f"{line.kg_co2e:,.4f}" in text


def inventory_cells(html: str) -> list[list[str]]:
    table = html.split('<table class="data inventory">', 1)[1].split("</table>", 1)[0]
    rows = [r.split("</tr>")[0] for r in table.split("<tr>")[2:]]
    return [[visible_text(c).strip() for c in r.split("</td>")[:-1]] for r in rows]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_report_prints_the_verified_reports_activity_values(ws, ws_html, lang):
    # #12.1: the table shows what T400132-02-2026 printed (4.5851 kg, 2.6561 kg), not 4.5850 / 2.6566
    amounts = [cells[3] for cells in inventory_cells(ws_html[lang]) if len(cells) > 3]
    assert amounts == ["41.62", "4.5851", "0.0042", "54.15", "2.6561", "27.14"]
    text = visible_text(ws_html[lang])
    assert not re.search(r"4\.5850(?!\d)|2\.6566(?!\d)", text)
    # ... and says where the recomputation from the printed amounts differs
    if lang == "en":
        assert ("Line 1: the table prints 41.62 kWh as the source document printed it; the result 24.0450 kgCO₂e is "
                "calculated from the unrounded 41.62199 kWh") in text
        assert "At the printed 41.62 kWh the same factor gives 24.0439 kgCO₂e." in text
        assert "Line 5: the table prints 2.6561 kg" in text and "unrounded 2.65608 kg" in text
    else:
        assert "第 5 行：表中数量 2.6561 " in text and "未经舍入的 2.65608 " in text


def test_uncertainty_without_scores_is_qualitative(ws, ws_html):
    assert uncertainty(ws).method == "none"
    assert "无法定量不确定性" in visible_text(ws_html["zh"])


def test_uncertainty_from_demo_per_line_scores(demo):
    # every demo line publishes its pedigree scores, so the per-line method applies
    result = uncertainty(demo)
    assert result.method == "pedigree" and result.coverage == pytest.approx(1.0)
    assert result.low < result.median < result.high
    assert result.low < demo.total_kg_co2e < result.high
    assert result.median == pytest.approx(demo.total_kg_co2e, rel=0.02)
    assert result.gsd95 == pytest.approx(result.gsd ** 2)
    assert uncertainty(demo) == result  # fixed seed: reproducible
    text = visible_text(report_html(demo, "en", generated_on=DAY))
    assert "95 % range" in text and f"{result.low:,.4f}" in text and f"{result.high:,.4f}" in text


def test_uncertainty_from_per_line_scores(ws):
    good, poor = uncertainty(with_pedigree(ws, (1, 1, 1, 1, 1))), uncertainty(with_pedigree(ws, (4, 4, 4, 4, 4)))
    assert good.method == poor.method == "pedigree" and good.coverage == pytest.approx(1.0)
    assert all(line.sigma == pytest.approx(0.5 * math.log(1.05)) for line in good.lines)
    assert poor.gsd > good.gsd > 1.0
    assert poor.high - poor.low > good.high - good.low


@pytest.mark.parametrize("scores,basic,sigma", [
    ((2, 2, 2, 1, 1), 1.05, 0.0388),  # ISO14067.md §7.4: metered grid electricity
    ((4, 4, 4, 4, 4), 1.05, 0.247),   # ISO14067.md §7.4: estimated supplier data
])
def test_pedigree_sigma_matches_worked_examples(scores, basic, sigma):
    names = ("reliability", "completeness", "temporal", "geographical", "technological")
    assert line_sigma(dict(zip(names, scores, strict=True)), basic) == pytest.approx(sigma, abs=5e-4)


def test_pedigree_u_interpolates_and_rejects_out_of_range():
    assert pedigree_u("technological", 3) == 1.20
    assert 1.05 < pedigree_u("technological", 2.5) < 1.20
    with pytest.raises(ValueError):
        pedigree_u("reliability", 6)


def test_improvement_suggestions_follow_hotspots(ws):
    keys = [m.key for m in improvement_suggestions(ws)]
    assert keys[:3] == ["analysis.suggest.stage.production", "analysis.suggest.efficiency",
                        "analysis.suggest.green_power"]
    assert [line.line_no for line in hotspots(ws)] == [4, 1, 6]
    actions = [m.key for m in data_actions(ws)]
    assert "report.advice.primary_data" in actions and "report.advice.pedigree" in actions
    assert "report.advice.verification" not in actions  # the WS report is verified
    html = report_html(ws, "en")
    assert "Reduction opportunities" in html and "Data improvements" in html


def test_trends_page_and_report_name_the_same_hotspots_and_suggestions(seeded_db):
    """One hotspot engine (analysis.hotspots): the Trends page's table and suggestions equal the report's."""
    from cfp_core import analysis, service
    from cfp_core.analysis.hotspots import hotspots as trend_hotspots

    for model in ("WS-TPS-48-900A", "WS-TPS-48-300A", "WS-TPS-48-600A"):
        disclosure = build_disclosure(seeded_db, model, "2025")
        footprint = service.stored_footprint(seeded_db, model, "2025")
        page_lines = trend_hotspots(footprint, 3, "en")
        page_lines = list(page_lines[page_lines["kind"] == "line"]["line_no"])
        assert page_lines == [x.line_no for x in hotspots(disclosure)], model
        for lang in ("zh", "en"):
            assert analysis.suggestions(footprint, lang) == [m.render(lang) for m in improvement_suggestions(disclosure)]


def test_limitations_name_converted_and_proxy_lines(ws):
    rendered = [m.render("en") for m in assumptions_and_limitations(ws)]
    assert any("Lines 2, 3, 5 use CO₂-only" in r for r in rendered)
    assert any("Lines 1 (25.73% of the footprint) are proxies" in r for r in rendered)
    assert any("Use" in r and "not quantified" in r for r in rendered)


def test_empty_inventory_still_renders_with_gaps(demo):
    empty = demo.model_copy(update={"lines": (), "stages": (), "factor_sources": (), "total_kg_co2e": 0.0,
                                    "cradle_to_gate_kg_co2e": 0.0, "fossil_kg_co2e": 0.0})
    text = visible_text(report_html(empty, "en", generated_on=DAY))
    assert "Product Carbon Footprint Report" in text and "0.0000" in text
    assert uncertainty(empty).method == "none"


def test_chart_png(ws):
    png = stage_chart_png(ws, "zh")
    assert png.startswith(b"\x89PNG") and len(png) > 5_000


def test_report_pdf_is_a4_with_cjk_font(ws):
    pdf = report_pdf(ws, "zh", generated_on=DAY)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) >= 5
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    text = "".join(page.extract_text() for page in reader.pages)
    assert "93.4346" in text and "WS-TPS-48-900A" in text and "产品碳足迹报告" in text
    fonts = {str(font.get_object()["/BaseFont"]) for page in reader.pages
             for font in page["/Resources"]["/Font"].values()}
    assert any("Noto-Sans-CJK-SC" in name for name in fonts), fonts


@pytest.mark.parametrize("fmt,magic", [("html", b"<!DOCTYPE html>"), ("pdf", b"%PDF")])
def test_cli_report(seeded_db_path, tmp_path, fmt, magic):
    out = tmp_path / f"report.{fmt}"
    result = CliRunner().invoke(cli, ["--db", str(seeded_db_path), "report", "--model", "WS-TPS-48-300A",
                                      "--period", "2025", "--format", fmt, "--lang", "en", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(magic)


def test_cli_report_unknown_model_exits_1(seeded_db_path, tmp_path):
    result = CliRunner().invoke(cli, ["--db", str(seeded_db_path), "--lang", "zh", "report", "--model", "NOPE",
                                      "--period", "2025", "-o", str(tmp_path / "x.pdf")])
    assert result.exit_code == 1 and "NOPE" in result.output
