"""Line breaking for the card image: East Asian rules (kinsoku shori) plus whole Latin words.

``break_lines(text, fits)`` is pure: ``fits(line)`` says whether a candidate line fits, so
the rules are tested without a font and ``layout.wrap`` plugs in the CJK font's metrics.

Where a line may break (a simplified UAX #14 with the kinsoku sets of JIS X 4051 / W3C clreq):

* after a run of spaces (the spaces are dropped at the break, never kept at a line end or start);
* between two wide characters (CJK ideographs, kana, full-width forms and punctuation), and
  between a wide and a narrow one (``碳足迹 | kgCO₂e``);
* never inside a run of narrow characters: Latin words, numbers, ``93.4346``, ``GB/T``,
  ``24067-2024`` and URLs stay whole (a no-break space U+00A0 also glues, ``GB/T 24067-2024``);
* never before a character of ``NO_START`` (closing brackets and quotes, 。，、：；！？, small kana,
  ー, 々, ・ …; closing brackets and stops not even after spaces), and never after one of
  ``NO_END`` (opening brackets and quotes, currency signs), not even before spaces;
* never between the two halves of ``——`` or ``……``, and never next to ``/`` (``kgCO₂e/台``).

When a closing mark would start a line, the line instead breaks at the previous opportunity, so
the character before the mark moves down with it (push-out, 追い出し; the brief's "pull the
previous character down"). We chose this over hanging punctuation (ぶら下げ) so that lines stay
within the width and nothing overflows the column or the panel it sits in.

Only a piece with no opportunity that fits (a URL or hash longer than the line, a few characters
in a very narrow column) is cut between characters, at the last boundary that fits and still
obeys the start/end sets (this may split a Latin word: there is no other way). The one overflow:
when no such boundary fits, i.e. a single character with the brackets and stops glued to it
(``源》）。``, ``（说``) is wider than the line, that group stays whole and its marks hang past
the width. So no line ever starts with a closing mark or ends with an opening one, and a line
wider than the width is always one character plus its glued marks.

What a caller gets back: non-empty lines, none starting or ending with whitespace; concatenated
with the whitespace runs that were dropped at the breaks, they give back the text exactly
(leading and trailing whitespace of the whole text excepted). An empty text gives ``[""]``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

# Characters that may not start a line (行頭禁則). Closing brackets and quotes, stops and pauses
# may not even after spaces ("word )", as UAX #14 CL/IS/EX); the rest only when they touch the
# character before: iteration marks, the prolonged sound mark, small kana, hyphens and wave
# dashes, middle dots, units. A spaced separator such as " · " or " – " may start a line.
CLOSING = "）］｝〕〉》」』】〙〗〟｠»’”)]}"
CLOSING_AND_STOPS = CLOSING + "。．，、：；！？‼⁇⁈⁉,.:;!?"
NO_START = (CLOSING_AND_STOPS + "%％‰℃°′″・·‐゠–〜～ー々〻ゝゞヽヾ"
            "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ")
# Characters that may not end a line (行末禁則): opening brackets and quotes, currency signs.
OPENING = "（［｛〔〈《「『【〘〖〝｟«‘“([{"
NO_END = OPENING + "¥￥$＄£￡€"
INSEPARABLE = "—…‥"  # ―― and …… are one mark drawn with two characters (分離禁止)
GLUE = "/"  # no break on either side of a slash: kgCO₂e/台, 台/年


def is_wide(char: str) -> bool:
    """True for East Asian wide and full-width characters: they break like ideographs."""
    return unicodedata.east_asian_width(char) in ("W", "F")


SPACES = " \t\n\r\u3000"  # the spaces a line may break at; a no-break space (U+00A0) is not one


def is_space(char: str) -> bool:
    """True for the spaces a line may break at (a no-break space U+00A0 is not one)."""
    return char in SPACES


def _legal(text: str, i: int) -> bool:
    """Does a cut before ``text[i]`` obey the start/end sets (looking past spaces on both sides)?"""
    head, tail = text[:i].rstrip(SPACES), text[i:].lstrip(SPACES)
    no_start = CLOSING_AND_STOPS if len(head) + len(tail) < len(text) else NO_START
    return tail[:1] not in no_start and head[-1:] not in NO_END


def may_break(text: str, i: int) -> bool:
    """May a line end before ``text[i]`` (``0 < i < len(text)``), by the rules in the module docstring?"""
    before, after = text[i - 1], text[i]
    if is_space(after):
        return False  # break at the end of a space run, so that the spaces can be dropped
    if is_space(before):
        return _legal(text, i)
    if unicodedata.category(after) in ("Mn", "Mc", "Me") or "\u200d" in (before, after):
        return False  # a combining mark, variation selector or joiner stays with its base character
    if after in NO_START or before in NO_END or before in GLUE or after in GLUE:
        return False
    if before == after and before in INSEPARABLE:
        return False
    return is_wide(before) or is_wide(after)


def _cut(text: str, start: int, end: int, fits: Callable[[str], bool]) -> int:
    """Return where to cut ``text[start:end]``, a piece with no break opportunity that fits (emergency)."""
    best = None
    for i in range(start + 1, end):
        if not fits(text[start:i].rstrip(SPACES)):
            break
        if _legal(text, i):
            best = i  # the last boundary that fits and obeys the start/end sets: may split a word
    if best is not None:
        return best
    # Nothing legal fits: one character with its glued marks (源》）。) is wider than the line.
    # Let the marks hang past the width (ぶら下げ) rather than start or end a line with them.
    return next((i for i in range(start + 1, end) if _legal(text, i)), end)


def break_lines(text: str, fits: Callable[[str], bool]) -> list[str]:
    """Break ``text`` into lines that each satisfy ``fits``, by the rules in the module docstring."""
    breaks = [i for i in range(1, len(text)) if may_break(text, i)] + [len(text)]
    lines: list[str] = []
    start, k = _skip_spaces(text, 0), 0
    while start < len(text):
        while k < len(breaks) and breaks[k] <= start:
            k += 1
        end = None
        while k < len(breaks) and fits(text[start:breaks[k]].rstrip(SPACES)):
            end = breaks[k]  # greedy: the furthest opportunity that still fits (widths only grow)
            k += 1
        if end is None:
            end = _cut(text, start, breaks[k], fits)
        lines.append(text[start:end].rstrip(SPACES))
        start = _skip_spaces(text, end)
    return lines or [""]


def _skip_spaces(text: str, i: int) -> int:
    while i < len(text) and is_space(text[i]):
        i += 1
    return i
