"""Card typography: the card image's line breaking obeys kinsoku and keeps Latin words whole (#12.12).

The rules are measured over every width from 120 to 900 px (step 10: 79 widths), in zh and en,
on the real texts of the demo card and on long, punctuation-heavy Chinese sentences. For every
wrapped text we check:

* no line starts with a closing mark (CLOSING below) and none ends with an opening one (OPENING);
* every line fits the width (we push the previous character down instead of hanging
  punctuation). The one overflow allowed is the documented last resort of ``linebreak``: a line
  that is a single character plus the opening marks before it and the closing marks and stops
  after it (源》）。 at 32 px in 120 px) may be wider, because that group cannot be broken;
* the text comes back exactly: text == lines[0] + s1 + lines[1] + s2 + ..., where each s_i is a
  run of breakable spaces (" ", tab, newline, U+3000) taken out of the text at that break, and
  may be empty (a break between CJK characters). Nothing else is lost, added or reordered;
  lines never start or end with a space;
* a break with no space inside a run of narrow (Latin) characters happens only when that run,
  with the brackets and stops glued to it, is wider than the line (93.4346, kgCO₂e,
  GB/T 24067-2024, （UTC）, a URL): then no break can both keep the word and obey kinsoku.
"""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cfp_core import store
from cfp_core.access import cli_principal  # noqa: E402
from cfp_core.i18n import t
from cfp_core.publish import card
from cfp_core.publish import snapshots as pub
from cfp_core.publish.card import layout as card_layout
from cfp_core.publish.card import linebreak
from cfp_core.store.seed import seed_database

ADMIN = cli_principal("weisidemu", "tests")
WIDTHS = range(120, 901, 10)
# Written out here, not imported, so the test does not take the module's word for the rules.
CLOSING = "。．，、：；！？）］｝〕〉》」』】〙〗〟’”・ー々ぁぃぅぇぉっゃゅょァィゥェォッャュョ),.:;!?%"
OPENING = "（［｛〔〈《「『【〘〖〝‘“(["
SPACES = " \t\n\u3000"
LONG_ZH = (
    "本产品碳足迹依据 GB/T 24067-2024（ISO 14067:2018）计算，系统边界为从摇篮到坟墓。数据质量：良好；"
    "初级数据占比 74.3%，其余为次级数据（见《排放因子来源》）。",
    "“碳足迹”是指产品在其生命周期内，直接和间接排放的温室气体总量：以二氧化碳当量（kgCO₂e）表示！"
    "核查机构为「三信国际检测认证有限公司」、报告编号 T400132-02-2026；结论：合格？是的。",
    "包装材料获取、包装材料运输、仓储、使用阶段——均未包含……原因见【附录】〔说明〕：数据缺失。" * 2,
    "每台产品碳足迹为 93.4346 kgCO₂e/台（从摇篮到坟墓），摇篮到大门小计：69.5340 kgCO₂e。" * 3,
)


@pytest.fixture(scope="module")
def card_texts():
    """Every wrapped text of the demo card (v1 superseded, v2 current, withdrawn) in zh and en."""
    db = store.open_db(memory=True)
    seed_database(db)
    first = pub.publish(db, ADMIN, "WS-TPS-48-900A", "2025")
    current = pub.publish(db, ADMIN, "WS-TPS-48-900A", "2025")
    old = pub.load_snapshot(db, first.snapshot_id)  # now superseded by v2: carries the banner
    texts = {}
    for lang in ("zh", "en"):
        view = card.card_view(current, lang)
        texts[lang] = [view.company, view.product, view.model_line, view.total_caption, view.gate_text,
                       f"{view.snapshot_line} · {view.hash_line} · {view.language_line}", view.link,
                       view.integrity_text, card.card_view(old, lang).banner[1],
                       t("card.withdrawn", lang, reason="数据错误，见（说明）。"),
                       f"{t('card.illustrative', lang)} — {t('card.illustrative_help', lang)}",
                       *[text for label, lines in view.facts for text in (label, *lines)]]
    texts["zh"] += LONG_ZH
    return texts


def rejoin_problem(text: str, lines: list[str]) -> str | None:
    """Why ``lines`` is not ``text`` cut at breaks with only spaces taken out (None if it is)."""
    pos = len(text) - len(text.lstrip(SPACES))
    for line in lines:
        if line != line.strip(SPACES) or not line:
            return f"line {line!r} is empty or starts/ends with a space"
        if not text.startswith(line, pos):
            return f"line {line!r} is not the text at {pos}: {text[pos:pos + len(line)]!r}"
        pos += len(line)
        pos += len(text[pos:]) - len(text[pos:].lstrip(SPACES))
    return None if pos == len(text) else f"text lost after {pos}: {text[pos:]!r}"


def _is_narrow(char: str) -> bool:
    """A character of a Latin word or number (a no-break space glues, so it counts)."""
    return char not in SPACES and unicodedata.east_asian_width(char) not in ("W", "F")


def one_glued_group(line: str, opening: str = OPENING, closing: str = CLOSING) -> bool:
    """Is ``line`` one character with only opening marks before it and closing marks after it?"""
    return len(line.lstrip(opening + SPACES).rstrip(closing + SPACES)) <= 1


def _unbreakable_word(text: str, pos: int) -> str:
    """The run of narrow characters around ``pos``, with the brackets glued to it (``（UTC）``)."""
    start, end = pos, pos
    while start > 0 and (_is_narrow(text[start - 1]) or text[start - 1] in OPENING):
        start -= 1
    while end < len(text) and (_is_narrow(text[end]) or text[end] in CLOSING):
        end += 1
    return text[start:end]


def problems(text: str, lines: list[str], width: float, size: int, bold: bool) -> list[str]:
    """Everything wrong with ``lines`` as the wrapping of ``text`` (empty when the wrapping is right)."""
    found = []
    if not text.strip():
        return [] if lines == [""] else [f"blank text gave {lines!r}"]
    if why := rejoin_problem(text, lines):
        return [why]
    found += [f"starts with {line[0]}: {line!r}" for line in lines[1:] if line[0] in CLOSING]
    found += [f"ends with {line[-1]}: {line!r}" for line in lines[:-1] if line[-1] in OPENING]
    found += [f"too wide ({card_layout.text_width(line, size, bold):.0f} px): {line!r}" for line in lines
              if card_layout.text_width(line, size, bold) > width and not one_glued_group(line)]
    pos = len(text) - len(text.lstrip(SPACES))
    for line, following in zip(lines, lines[1:], strict=False):
        pos = text.index(line, pos) + len(line)
        if text[pos] == following[0] and _is_narrow(line[-1]) and _is_narrow(following[0]):
            word = _unbreakable_word(text, pos)
            if card_layout.text_width(word, size, bold) <= width:
                found.append(f"word split: {line[-8:]!r} | {following[:8]!r}")
    return found


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(("size", "bold"), [(21, False), (32, True)])
def test_card_texts_wrap_by_the_rules_at_every_width(card_texts, lang, size, bold):
    broken = {}
    for width in WIDTHS:
        for text in card_texts[lang]:
            if found := problems(text, card_layout.wrap(text, size, width, bold), width, size, bold):
                broken.setdefault(width, []).append(found[0])
    sample = [f"{w}px: {found[0]}" for w, found in list(broken.items())[:5]]
    assert not broken, f"{len(broken)} of {len(WIDTHS)} widths broke a rule, e.g. {sample}"


def test_long_chinese_sentence_breaks_before_the_character_that_carries_the_comma():
    text = LONG_ZH[0]
    for width in WIDTHS:
        lines = card_layout.wrap(text, 24, width)
        assert rejoin_problem(text, lines) is None
        assert not [line for line in lines if line[0] in CLOSING or line[-1] in OPENING]


@pytest.mark.parametrize(("text", "width", "expected"), [
    ("计算，系统边界", 4, ["计", "算，", "系统", "边界"]),  # 算 moves down with the comma (push-out)
    ("依据（ISO）计算", 7, ["依据", "（ISO）", "计算"]),  # "（" never ends a line
    ("93.4346 kgCO₂e/台", 9, ["93.4346", "kgCO₂e/台"]),
    ("GB/T\u00a024067-2024 is long", 8, ["GB/T\u00a0240", "67-2024", "is long"]),  # too long: cut
    ("Cradle-to-grave (boundary)", 16, ["Cradle-to-grave", "(boundary)"]),
    ("示例数据——仅供演示……", 8, ["示例数据", "——仅供演", "示……"]),  # —— and …… stay whole
    ("a · b", 3, ["a ·", "b"]),  # a spaced separator may end a line ...
    ("ab · c", 3, ["ab", "· c"]),  # ... or start one
    ("来源》）。", 6, ["来", "源》）。"]),  # last resort: the marks hang past the width
    ("数据（（说", 2, ["数", "据", "（（说"]),
    ("", 5, [""]),
    ("   ", 5, [""]),
])
def test_break_lines_examples(text, width, expected):
    assert linebreak.break_lines(text, lambda line: _units(line) <= width) == expected


def _units(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in line)


# Well-formed text: words are a CJK ideograph or a Latin word of 1-5 letters, each with at most one
# opening mark before and one closing mark after; a Latin word is always followed by a space.
_IDEOGRAPHS = st.sampled_from("碳足迹产品系统边界数据质量因子计算包装运输")
_LATIN = st.text(alphabet="abcxyzABC0123456789.-", min_size=1, max_size=5).map(lambda w: w + " ")
_WORD = st.tuples(st.sampled_from(["", *"（《「『【〔“"]), st.one_of(_IDEOGRAPHS, _LATIN),
                  st.sampled_from(["", *"。，、：；！？）》」』】〕”"]))
_TEXT = st.lists(_WORD, min_size=1, max_size=40).map(
    lambda words: "".join(o + (w.rstrip() + c + " " if w.endswith(" ") else w + c) for o, w, c in words))


@settings(max_examples=150, deadline=None)
@given(text=_TEXT, width=st.integers(min_value=200, max_value=700))
def test_well_formed_text_always_obeys_every_rule(text, width):
    lines = card_layout.wrap(text, 20, width)
    assert problems(text, lines, width, 20, False) == []


_ANY = st.text(alphabet=st.sampled_from(list("碳足迹ab1.- \u00a0\u3000—…/·") + list(CLOSING + OPENING)), max_size=60)


@settings(max_examples=300, deadline=None)
@given(text=_ANY, width=st.integers(min_value=1, max_value=30))
def test_any_text_at_any_width_comes_back_whole_and_obeys_kinsoku(text, width):
    lines = linebreak.break_lines(text, lambda line: _units(line) <= width)
    if not text.strip(SPACES):
        assert lines == [""]
        return
    assert rejoin_problem(text, lines) is None
    assert all(_units(line) <= width or one_glued_group(line, linebreak.NO_END, linebreak.NO_START)
               for line in lines)
    assert not [line for line in lines[:-1] if line[-1] in linebreak.NO_END]
    assert not [line for line in lines[1:] if line[0] in linebreak.CLOSING_AND_STOPS]
