"""Editor cells as typed: amounts are text, read back exactly or refused, never coerced."""

from __future__ import annotations


def amount_text(amount: float) -> str:
    """Return an amount as editable text that reads back as the same float ("41.62195", "100", "1e-05")."""
    text = repr(float(amount))
    return text[:-2] if text.endswith(".0") else text


_FULL_WIDTH = str.maketrans("０１２３４５６７８９．－＋ｅＥ", "0123456789.-+eE")


def parse_amount(value) -> float:
    """Return the number a user typed ("1.5", "１２", "2e3"); raise ``ValueError`` for anything else.

    Thousands separators and decimal commas are refused (1,500 could be 1.5 or 1500): never guessed.
    """
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int | float):
        return float(value)
    text = str(value).strip().translate(_FULL_WIDTH).replace(" ", "")
    if "," in text or "，" in text:
        raise ValueError(text)
    return float(text)
