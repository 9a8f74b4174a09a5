"""Where an imported inventory started in its file (for problems raised after parsing)."""

from __future__ import annotations

import weakref

from cfp_core.models import Inventory

_FIRST_ROWS: dict[int, tuple[weakref.ref, int]] = {}


def remember(inventory: Inventory, row: int) -> Inventory:
    """Record the first row of an imported inventory (for problems raised at import time)."""
    key = id(inventory)
    _FIRST_ROWS[key] = (weakref.ref(inventory, lambda _ref, key=key: _FIRST_ROWS.pop(key, None)), row)
    return inventory


def first_row(inventory: Inventory, fallback: int) -> int:
    """Return the file row an inventory started at (``fallback`` if it was not read from rows)."""
    ref, row = _FIRST_ROWS.get(id(inventory), (None, fallback))
    return row if ref is not None and ref() is inventory else fallback


