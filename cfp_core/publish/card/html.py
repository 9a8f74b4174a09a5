"""The card as a self-contained HTML page (inline CSS, data-URI QR and stage bar) and as a one-page A4 PDF.

Every user-supplied string goes through ``html.escape``. The page makes no external requests:
its only link is the card's own address, as text and as a plain ``<a>``.
"""

from __future__ import annotations

import base64
import functools
import html
from pathlib import Path

from cfp_core.charts import STAGE_COLORS
from cfp_core.i18n import t
from cfp_core.publish.card.layout import wrap
from cfp_core.publish.card.view import VERIFY_COMMAND, CardView, StageRow, card_view, qr_code
from cfp_core.publish.snapshots import Snapshot

TEMPLATES = Path(__file__).resolve().parent
# A saved or mailed card page has no server headers: the same rule travels inside it (#14.6). Styles are inline.
PAGE_CSP = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
_PAGE_CSS = ("body{margin:0;padding:24px;background:#EEF2F5}"
             "@media print{body{padding:0;background:#fff}}")


@functools.lru_cache(maxsize=1)
def card_css() -> str:
    """Return the card stylesheet (scoped to ``.cfp-card``)."""
    return (TEMPLATES / "card.css").read_text(encoding="utf-8")


def page_css() -> str:
    """Return the stylesheet of a served card page: page, card, and stage swatches as classes.

    The disclosure server's CSP forbids inline styles, so it links this file instead of inlining it.
    """
    swatches = "".join(f".cfp-swatch--{stage}{{background:{color}}}" for stage, color in STAGE_COLORS.items())
    return _PAGE_CSS + card_css() + swatches


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def card_html(snapshot: Snapshot, lang: str = "zh", base_url: str | None = None) -> str:
    """Return the card as a complete, self-contained HTML document."""
    view = card_view(snapshot, lang, base_url)
    html_lang = "zh-CN" if view.lang == "zh" else "en"
    return (f'<!DOCTYPE html>\n<html lang="{html_lang}"><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{PAGE_CSP}">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{_e(view.product)} · {_e(view.heading)}</title>"
            f"<style>{_PAGE_CSS}{card_css()}</style></head>\n<body>{view_fragment(view)}</body></html>\n")


def card_fragment(snapshot: Snapshot, lang: str = "zh", base_url: str | None = None) -> str:
    """Return the card as an HTML fragment (``<style>`` + ``<article>``) to embed in another page."""
    return f"<style>{card_css()}</style>{view_fragment(card_view(snapshot, lang, base_url))}"


def view_fragment(view: CardView, inline_styles: bool = True) -> str:
    """Return the ``<article class="cfp-card">`` markup of a card view."""
    return "\n".join([
        f'<article class="cfp-card cfp-card--{_e(view.status)}" lang="{"zh-CN" if view.lang == "zh" else "en"}">',
        _head(view), *_banners(view), _hero(view), _stages(view, inline_styles), _facts(view), _foot(view), "</article>",
    ])


def _head(view: CardView) -> str:
    mark = (f'<span class="cfp-pill cfp-pill--illustrative">{_e(view.illustrative[0])}</span>'
            if view.illustrative else "")
    return (f'<header class="cfp-head"><div><p class="cfp-kicker">{_e(view.heading)}</p>'
            f'<h1 class="cfp-company">{_e(view.company)}</h1></div><div class="cfp-pills">{mark}'
            f'<span class="cfp-pill cfp-pill--{_e(view.status)}">v{view.version} · {_e(view.status_text)}</span>'
            f"</div></header>")


def _banners(view: CardView) -> list[str]:
    banners = []
    if view.banner:
        kind, text = view.banner
        banners.append(f'<div class="cfp-banner cfp-banner--{_e(kind)}" role="status">{_e(text)}</div>')
    if view.illustrative:
        mark, help_text = view.illustrative
        banners.append(f'<div class="cfp-banner cfp-banner--illustrative"><strong>{_e(mark)}</strong>'
                       f" — {_e(help_text)}</div>")
    return banners


def _hero(view: CardView) -> str:
    gate = f'<p class="cfp-gate">{_e(view.gate_text)}</p>' if view.gate_text else ""
    return (f'<section class="cfp-hero"><div>'
            f'<h2 class="cfp-product">{_e(view.product)}</h2><p class="cfp-model">{_e(view.model_line)}</p>'
            f'<p class="cfp-total"><span class="cfp-number">{_e(view.total_text)}</span>'
            f'<span class="cfp-unit">{_e(view.unit_text)}</span></p>'
            f'<p class="cfp-caption">{_e(view.total_caption)}</p>{gate}</div>'
            f'<figure class="cfp-qr"><img src="{qr_code(view.link).png_data_uri(scale=6, border=2)}" '
            f'alt="QR"><figcaption>{_e(view.scan_text)}</figcaption></figure></section>')


def stage_bar_svg(rows: tuple[StageRow, ...], width: int = 1000, height: int = 40) -> str:
    """Return a standalone SVG of the stacked stage bar (stage colours, share labels on wide segments)."""
    total = sum(r.share for r in rows) or 1.0
    parts, x = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
                f'viewBox="0 0 {width} {height}" preserveAspectRatio="none">'], 0.0
    for row in rows:
        w = width * row.share / total
        parts.append(f'<rect x="{x:.2f}" y="0" width="{w:.2f}" height="{height}" fill="{_e(row.color)}"/>')
        if w > 9 * len(row.share_text) + 12:
            parts.append(f'<text x="{x + w / 2:.2f}" y="{height * 0.66:.1f}" text-anchor="middle" font-size="16" '
                         f'font-weight="700" fill="#FFFFFF" font-family="Noto Sans CJK SC, sans-serif">'
                         f"{_e(row.share_text)}</text>")
        x += w
    parts.append("</svg>")
    return "".join(parts)


def _swatch_style(row: StageRow, inline: bool) -> str:
    return f' style="background:{_e(row.color)}"' if inline else ""


def _stages(view: CardView, inline_styles: bool = True) -> str:
    bar = base64.b64encode(stage_bar_svg(view.stages).encode("utf-8")).decode("ascii")
    rows = "".join(
        f'<tr><td><span class="cfp-swatch cfp-swatch--{_e(r.stage)}"{_swatch_style(r, inline_styles)}></span>'
        f'{_e(r.label)}</td>'
        f'<td class="cfp-num">{_e(r.value_text)}</td><td class="cfp-share">{_e(r.share_text)}</td></tr>'
        for r in view.stages)
    return (f'<section class="cfp-section"><h3>{_e(view.stages_title)}</h3>'
            f'<img class="cfp-bar" src="data:image/svg+xml;base64,{bar}" alt="{_e(view.stages_title)}">'
            f'<table class="cfp-stages">{rows}</table></section>')


def _facts(view: CardView) -> str:
    columns = "".join(
        '<div class="cfp-col">' + "".join(
            f'<div class="cfp-fact"><dt>{_e(label)}</dt>{"".join(f"<dd>{_e(line)}</dd>" for line in lines)}</div>'
            for label, lines in column) + "</div>"
        for column in balanced_columns(view.facts))
    return f'<dl class="cfp-facts">{columns}</dl>'


def balanced_columns(facts) -> tuple[list, list]:
    """Split facts into two columns of similar height, keeping their order within each column."""
    heights, columns = [0, 0], ([], [])
    for label, lines in facts:
        side = 0 if heights[0] <= heights[1] else 1
        columns[side].append((label, lines))
        heights[side] += 2 + sum(len(wrap(line, 21, 490)) for line in lines)
    return columns


def _foot(view: CardView) -> str:
    return (f'<footer class="cfp-foot"><p>{_e(view.snapshot_line)} · {_e(view.hash_line)} · '
            f'{_e(view.language_line)}</p><p><a class="cfp-link" href="{_e(view.link)}">{_e(view.link)}</a></p>'
            f'<p class="cfp-integrity">{_e(view.integrity_text)}</p>{_verify(view)}</footer>')


def _verify(view: CardView) -> str:
    """How anyone checks the hash without our code (RFC 8785 + SHA-256), under the proof sentence."""
    steps = "".join(f"<li>{_e(step)}</li>" for step in view.verify_steps)
    return (f'<details class="cfp-verify"><summary>{_e(view.verify_title)}</summary><ol>{steps}</ol>'
            f'<p>{_e(t("card.verify.tools", view.lang))}</p><code>{_e(VERIFY_COMMAND)}</code></details>')


# Progressively tighter print styles, used only when long texts would push the card onto a second page.
_FIT_CSS = (
    "",
    ".cfp-card{font-size:12.5px}.cfp-number{font-size:56px}.cfp-fact{font-size:11.5px;margin-bottom:7px;"
    "padding:6px 10px}.cfp-stages td{padding:3px 0}.cfp-section h3{padding:6px 0 4px}",
    "@page{margin:6mm}.cfp-card{font-size:11px}.cfp-product{font-size:20px}.cfp-number{font-size:46px}"
    ".cfp-fact{font-size:10px;margin-bottom:5px;padding:4px 8px}.cfp-stages{font-size:12px}"
    ".cfp-qr,.cfp-qr img{width:104px;height:104px;flex-basis:104px}",
    "@page{margin:5mm}.cfp-card{font-size:10.5px}.cfp-product{font-size:18px}.cfp-number{font-size:40px}"
    ".cfp-fact{font-size:9.5px;margin-bottom:4px;padding:3px 7px}.cfp-stages{font-size:11px}.cfp-stages td{padding:2px 0}"
    ".cfp-section h3{padding:5px 0 3px}.cfp-bar{height:20px;margin:8px 0 4px}.cfp-facts{padding-top:8px}"
    ".cfp-hero{padding-top:8px}.cfp-foot{margin-bottom:4px;padding-top:4px}.cfp-total{margin-top:8px}"
    ".cfp-qr,.cfp-qr img{width:96px;height:96px;flex-basis:96px}",
)


def card_pdf(snapshot: Snapshot, lang: str = "zh", base_url: str | None = None) -> bytes:
    """Return the card as a one-page A4 PDF rendered by weasyprint (no network access: data URIs only).

    Long texts are fitted by progressively tighter print styles rather than cut off. The tighter styles go
    into the page as the last author stylesheet: weasyprint's ``stylesheets=`` are user styles, which the
    card's own CSS overrides, so passing them there changed nothing.
    """
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    source = card_html(snapshot, lang, base_url)
    for extra in _FIT_CSS:
        page = HTML(string=source.replace("</head>", f"<style>{extra}</style></head>", 1) if extra else source,
                    url_fetcher=URLFetcher(allowed_protocols={"data"}))
        document = page.render()
        if len(document.pages) == 1:
            break
    return document.write_pdf()
