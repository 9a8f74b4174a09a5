"""Page layout of the card image: a ``CardView`` becomes positioned rectangles, texts and a QR code.

One layout feeds both image back ends (``card_image``: Pillow PNG and hand-built SVG), so
the two always agree. Text is measured with the CJK font itself and wrapped by the East Asian
line-breaking rules of ``linebreak`` (no closing mark starts a line, Latin words stay whole).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from PIL import ImageFont

from cfp_core.errors import CardFontMissing
from cfp_core.publish.card.linebreak import break_lines
from cfp_core.publish.card.view import CardView

FONT_DIRS = Path("/usr/share/fonts")
REGULAR = ((FONT_DIRS / "opentype/noto/NotoSansCJK-Regular.ttc", 2), (FONT_DIRS / "truetype/wqy/wqy-microhei.ttc", 0))
BOLD = ((FONT_DIRS / "opentype/noto/NotoSansCJK-Bold.ttc", 2), *REGULAR)
FONT_FAMILY = '"Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif'

WIDTH, MARGIN, GAP = 1200, 56, 28
INK, MUTED, FAINT, LINE, PANEL = "#1F2933", "#52606D", "#7B8794", "#D9E2EC", "#F5F7FA"
BRAND, BRAND_DARK, ACCENT = "#0E6B55", "#0B4F40", "#0E6B55"
STATUS_COLORS = {"Active": ("#DCFCE7", "#166534"), "Deprecated": ("#FEF3C7", "#92400E"),
                 "Withdrawn": ("#FEE2E2", "#991B1B")}
BANNER_COLORS = {"superseded": ("#FFFBEB", "#D97706", "#92400E"), "withdrawn": ("#FEF2F2", "#DC2626", "#991B1B"),
                 "illustrative": ("#FFF7ED", "#EA580C", "#9A3412"),
                 "tampered": ("#FEF2F2", "#DC2626", "#991B1B")}


@dataclass(frozen=True)
class Rect:
    """A filled rectangle (optionally rounded and outlined)."""

    x: float
    y: float
    w: float
    h: float
    fill: str
    radius: float = 0
    outline: str | None = None


@dataclass(frozen=True)
class Text:
    """One line of text at a baseline point; ``anchor`` ls / ms / rs = left / middle / right."""

    x: float
    y: float  # baseline
    text: str
    size: int
    bold: bool = False
    fill: str = INK
    anchor: str = "ls"  # l/m/r + baseline


@dataclass(frozen=True)
class Qr:
    """The QR code of ``url``, drawn as a square."""

    x: float
    y: float
    size: float
    url: str


@dataclass(frozen=True)
class Canvas:
    """A laid-out card: size in pixels and the items to draw, back to front."""

    width: int
    height: int
    items: tuple


def font_path(bold: bool = False) -> tuple[Path, int]:
    """Return (path, face index) of the CJK font. Raises ``CardFontMissing`` if none is installed."""
    for path, index in BOLD if bold else REGULAR:
        if path.exists():
            return path, index
    raise CardFontMissing(paths=", ".join(str(p) for p, _ in BOLD))


@functools.lru_cache(maxsize=64)
def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    """Return the CJK font at ``size`` pixels (cached)."""
    path, index = font_path(bold)
    return ImageFont.truetype(str(path), size, index=index)


_SUBSCRIPTS = re.compile(r"([₀-₉]+)")
SUB_SCALE, SUB_DROP = 0.62, 0.18  # subscript digits (the CJK font has no ₂): smaller and lowered


def runs(text: str) -> list[tuple[str, bool]]:
    """Split ``text`` into (chunk, is_subscript) runs; subscript digits become plain digits."""
    parts = _SUBSCRIPTS.split(text)
    return [(p.translate(_SUB_TO_DIGIT) if i % 2 else p, bool(i % 2)) for i, p in enumerate(parts) if p]


_SUB_TO_DIGIT = str.maketrans("₀₁₂₃₄₅₆₇₈₉", "0123456789")


def text_width(text: str, size: int, bold: bool = False) -> float:
    """Return the drawn width of ``text`` in pixels (subscripts included)."""
    return sum(font(round(size * SUB_SCALE) if sub else size, bold).getlength(chunk) for chunk, sub in runs(text))


def wrap(text: str, size: int, width: float, bold: bool = False) -> list[str]:
    """Break ``text`` into lines no wider than ``width``, by the kinsoku rules of ``linebreak``."""
    return break_lines(text, lambda line: text_width(line, size, bold) <= width)


class _Pen:
    """Collects items while moving down the page."""

    def __init__(self) -> None:
        self.items: list = []
        self.y = 0.0

    def text_block(self, text: str, size: int, width: float, x: float = MARGIN, bold: bool = False,
                   fill: str = INK, leading: float = 1.45) -> float:
        """Add ``text`` wrapped to ``width`` below the current position; return the new position."""
        for line in wrap(text, size, width, bold):
            self.y += size * leading
            self.items.append(Text(x, self.y - size * (leading - 1) / 2 - size * 0.12, line, size, bold, fill))
        return self.y


def layout(view: CardView) -> Canvas:
    """Return the positioned card (width 1200 px, height as the content needs)."""
    pen = _Pen()
    _header(pen, view)
    for kind, text in ([view.banner] if view.banner else []) + (
            [("illustrative", f"{view.illustrative[0]} — {view.illustrative[1]}")] if view.illustrative else []):
        _banner(pen, kind, text)
    _product_and_total(pen, view)
    _stages(pen, view)
    _facts(pen, view)
    _footer(pen, view)
    return Canvas(WIDTH, int(pen.y + MARGIN), tuple(pen.items))


def _header(pen: _Pen, view: CardView) -> None:
    pills = [(f"v{view.version} · {view.status_text}", STATUS_COLORS.get(view.status, STATUS_COLORS["Active"]))]
    if view.illustrative:
        pills.append((view.illustrative[0], ("#FFEDD5", "#9A3412")))
    widths = [text_width(label, 22, True) + 40 for label, _ in pills]
    column = WIDTH - 2 * MARGIN - sum(widths) - 12 * len(widths) - 24
    height = 96 + 44 * len(wrap(view.company, 32, column, True))
    pen.items.append(Rect(0, 0, WIDTH, height, BRAND))
    pen.items.append(Rect(0, height - 6, WIDTH, 6, BRAND_DARK))
    pen.items.append(Text(MARGIN, 58, view.heading.upper(), 22, True, "#BFE8DB"))
    pen.y = 60
    pen.text_block(view.company, 32, column, bold=True, fill="#FFFFFF", leading=1.35)
    right = WIDTH - MARGIN
    for (label, (fill, ink)), width in zip(pills, widths, strict=True):
        pen.items.append(Rect(right - width, 32, width, 44, fill, 22))
        pen.items.append(Text(right - width / 2, 62, label, 22, True, ink, "ms"))
        right -= width + 12
    pen.y = height


def _banner(pen: _Pen, kind: str, text: str) -> None:
    fill, bar, ink = BANNER_COLORS[kind]
    lines = wrap(text, 24, WIDTH - 2 * MARGIN - 48, True)
    height = 34 + 36 * len(lines)
    top = pen.y + GAP
    pen.items.append(Rect(MARGIN, top, WIDTH - 2 * MARGIN, height, fill, 10, bar))
    pen.items.append(Rect(MARGIN, top, 8, height, bar, 4))
    for i, line in enumerate(lines):
        pen.items.append(Text(MARGIN + 32, top + 44 + 36 * i, line, 24, True, ink))
    pen.y = top + height


def _product_and_total(pen: _Pen, view: CardView) -> None:
    qr_size, column = 216, WIDTH - 2 * MARGIN - 216 - 40
    top = pen.y + 40
    pen.items.append(Qr(WIDTH - MARGIN - qr_size, top, qr_size, view.link))
    pen.items.append(Text(WIDTH - MARGIN - qr_size / 2, top + qr_size + 28, view.scan_text, 18, False, MUTED, "ms"))
    pen.y = top - 8
    pen.text_block(view.product, 42, column, bold=True, leading=1.3)
    pen.text_block(view.model_line, 22, column, fill=MUTED)
    pen.y += 126
    number_color = FAINT if view.status == "Withdrawn" or not view.intact else BRAND  # must not look current
    pen.items.append(Text(MARGIN - 4, pen.y, view.total_text, 112, True, number_color))
    pen.items.append(Text(MARGIN + text_width(view.total_text, 112, True) + 14, pen.y, view.unit_text, 34, True, INK))
    pen.y += 8
    pen.text_block(view.total_caption, 24, column, fill=MUTED)
    if view.gate_text:
        pen.text_block(view.gate_text, 20, column, fill=FAINT)
    pen.y = max(pen.y, top + qr_size + 40)


def _section_title(pen: _Pen, title: str) -> None:
    pen.y += 44
    pen.items.append(Text(MARGIN, pen.y, title, 24, True, INK))
    pen.items.append(Rect(MARGIN, pen.y + 14, WIDTH - 2 * MARGIN, 2, LINE))
    pen.y += 16


def _stages(pen: _Pen, view: CardView) -> None:
    _section_title(pen, view.stages_title)
    left, width, top = MARGIN, WIDTH - 2 * MARGIN, pen.y + 22
    total = sum(r.share for r in view.stages) or 1.0
    x = left
    for row in view.stages:
        w = width * row.share / total
        pen.items.append(Rect(x, top, max(w, 1), 44, row.color))
        if w > text_width(row.share_text, 18, True) + 16:
            pen.items.append(Text(x + w / 2, top + 29, row.share_text, 18, True, "#FFFFFF", "ms"))
        x += w
    pen.y = top + 44 + 12
    for row in view.stages:
        pen.y += 46
        pen.items.append(Rect(left, pen.y - 22, 22, 22, row.color, 5))
        pen.items.append(Text(left + 36, pen.y - 3, row.label, 24, False, INK))
        pen.items.append(Text(WIDTH - MARGIN - 150, pen.y - 3, row.value_text, 24, True, INK, "rs"))
        pen.items.append(Text(WIDTH - MARGIN, pen.y - 3, row.share_text, 22, False, MUTED, "rs"))
        pen.items.append(Rect(left, pen.y + 12, width, 1, LINE))


def _facts(pen: _Pen, view: CardView) -> None:
    pen.y += 12
    column = (WIDTH - 2 * MARGIN - GAP) / 2
    heights = [pen.y + GAP, pen.y + GAP]
    for label, lines in view.facts:
        side = 0 if heights[0] <= heights[1] else 1
        x, sub = MARGIN + side * (column + GAP), _Pen()
        sub.y = heights[side] + 8
        sub.text_block(label, 18, column - 40, x + 20, True, FAINT, 1.5)
        for line in lines:
            sub.text_block(line, 21, column - 40, x + 20, False, INK, 1.5)
        pen.items.append(Rect(x, heights[side], column, sub.y - heights[side] + 20, PANEL, 12))
        pen.items.extend(sub.items)
        heights[side] = sub.y + 20 + 16
    pen.y = max(heights)


def _footer(pen: _Pen, view: CardView) -> None:
    pen.y += 12
    pen.items.append(Rect(MARGIN, pen.y, WIDTH - 2 * MARGIN, 2, LINE))
    pen.y += 8
    pen.text_block(f"{view.snapshot_line} · {view.hash_line} · {view.language_line}", 19,
                   WIDTH - 2 * MARGIN, fill=MUTED)
    pen.text_block(view.link, 18, WIDTH - 2 * MARGIN, fill=ACCENT)
    pen.text_block(view.integrity_text, 17, WIDTH - 2 * MARGIN, fill=FAINT)
