"""Card images: PNG with Pillow (explicit CJK font, no browser) and hand-built SVG, from one layout.

Every string in the SVG is escaped; the QR code is an embedded data-URI PNG, so the SVG makes
no external requests.
"""

from __future__ import annotations

import base64
import html
import io

from PIL import Image, ImageDraw

from cfp_core.publish.card.layout import (
    FONT_FAMILY,
    SUB_DROP,
    SUB_SCALE,
    Canvas,
    Qr,
    Rect,
    Text,
    font,
    layout,
    runs,
    text_width,
)
from cfp_core.publish.card.view import card_view, qr_code
from cfp_core.publish.snapshots import Snapshot

_ALIGN = {"ls": 0.0, "ms": 0.5, "rs": 1.0}
_SVG_ANCHORS = {"ls": "start", "ms": "middle", "rs": "end"}


def card_png(snapshot: Snapshot, lang: str = "zh", base_url: str | None = None, scale: float = 1.5) -> bytes:
    """Return the card as a PNG (1200 px wide × ``scale``). Raises ``CardFontMissing`` without a CJK font."""
    return canvas_png(layout(card_view(snapshot, lang, base_url)), scale)


def card_svg(snapshot: Snapshot, lang: str = "zh", base_url: str | None = None) -> str:
    """Return the card as a standalone SVG document (escaped text, embedded QR)."""
    return canvas_svg(layout(card_view(snapshot, lang, base_url)))


def qr_png(url: str, size: int) -> Image.Image:
    """Return the QR code of ``url`` as a crisp ``size`` × ``size`` image (whole-pixel modules, white margin)."""
    code = qr_code(url)
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=max(1, size // code.symbol_size(border=2)[0]), border=2)
    buffer.seek(0)
    symbol = Image.open(buffer).convert("RGB")
    if symbol.width > size:
        return symbol.resize((size, size), Image.Resampling.NEAREST)
    canvas = Image.new("RGB", (size, size), "#FFFFFF")
    canvas.paste(symbol, ((size - symbol.width) // 2, (size - symbol.height) // 2))
    return canvas


def canvas_png(canvas: Canvas, scale: float = 1.5) -> bytes:
    """Draw a laid-out card with Pillow and return PNG bytes."""
    s = scale
    image = Image.new("RGB", (round(canvas.width * s), round(canvas.height * s)), "#FFFFFF")
    draw = ImageDraw.Draw(image)
    for item in canvas.items:
        if isinstance(item, Rect):
            box = (item.x * s, item.y * s, (item.x + item.w) * s - 1, (item.y + item.h) * s - 1)
            if item.radius:
                draw.rounded_rectangle(box, radius=item.radius * s, fill=item.fill, outline=item.outline)
            else:
                draw.rectangle(box, fill=item.fill, outline=item.outline)
        elif isinstance(item, Text):
            _draw_text(draw, item, s)
        elif isinstance(item, Qr):
            image.paste(qr_png(item.url, round(item.size * s)), (round(item.x * s), round(item.y * s)))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=False, compress_level=6)
    return buffer.getvalue()


def _draw_text(draw: ImageDraw.ImageDraw, item: Text, s: float) -> None:
    x = (item.x - _ALIGN[item.anchor] * text_width(item.text, item.size, item.bold)) * s
    for chunk, sub in runs(item.text):
        size = round(item.size * (SUB_SCALE if sub else 1) * s)
        face = font(size, item.bold)
        draw.text((x, (item.y + (item.size * SUB_DROP if sub else 0)) * s), chunk, font=face, fill=item.fill,
                  anchor="ls")
        x += face.getlength(chunk)


def _svg_text(item: Text) -> str:
    spans, drop = [], item.size * SUB_DROP
    for chunk, sub in runs(item.text):
        if sub:
            spans.append(f'<tspan font-size="{round(item.size * SUB_SCALE)}" dy="{drop:.1f}">{html.escape(chunk)}</tspan>'
                         f'<tspan dy="{-drop:.1f}"></tspan>')
        else:
            spans.append(html.escape(chunk))
    weight = ' font-weight="700"' if item.bold else ""
    return (f'<text x="{item.x:.1f}" y="{item.y:.1f}" font-size="{item.size}"{weight} fill="{item.fill}" '
            f'text-anchor="{_SVG_ANCHORS[item.anchor]}">{"".join(spans)}</text>')


def canvas_svg(canvas: Canvas) -> str:
    """Return a laid-out card as SVG markup; all text goes through ``html.escape``."""
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        f'width="{canvas.width}" height="{canvas.height}" viewBox="0 0 {canvas.width} {canvas.height}">',
        f"<style>text{{font-family:{html.escape(FONT_FAMILY, quote=False)}}}</style>",
        f'<rect x="0" y="0" width="{canvas.width}" height="{canvas.height}" fill="#FFFFFF"/>',
    ]
    for item in canvas.items:
        if isinstance(item, Rect):
            stroke = f' stroke="{item.outline}"' if item.outline else ""
            parts.append(f'<rect x="{item.x:.1f}" y="{item.y:.1f}" width="{item.w:.1f}" height="{item.h:.1f}" '
                         f'rx="{item.radius}" fill="{item.fill}"{stroke}/>')
        elif isinstance(item, Text):
            parts.append(_svg_text(item))
        elif isinstance(item, Qr):
            parts.append(f'<image x="{item.x:.1f}" y="{item.y:.1f}" width="{item.size}" height="{item.size}" '
                         f'xlink:href="{_qr_data_uri(item.url, int(item.size) * 2)}"/>')
    parts.append("</svg>")
    return "\n".join(parts)


def _qr_data_uri(url: str, size: int) -> str:
    buffer = io.BytesIO()
    qr_png(url, size).save(buffer, format="PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")
