"""The supplier comparison as one service: what the Suppliers page and ``cfp suppliers`` read and compute.

``suppliers_view`` reads the stored disclosures and their directory parts once; ``part_members`` and
``compare_part`` compare ONE part (the page opens on the first part, not on every group); ``export_rows``
is the comparison by part that ``suppliers compare`` / ``export`` print and the page's downloads hold.
``search`` and ``paginate`` keep lists of thousands of footprints short. Pure apart from the reads.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from pydantic import BaseModel, ConfigDict
from sqlite_utils import Database

from cfp_core.analysis import supplier_groups
from cfp_core.analysis.suppliers import SupplierComparison, compare_suppliers, stored_label
from cfp_core.io import Assignment, disclosure_assignments, list_supplier_disclosures, part_key

PAGE_SIZES = (25, 50, 100, 200)
DEFAULT_CHOSEN = 6  # the page compares a part's newest six disclosures until the user chooses


class SuppliersView(BaseModel):
    """The stored disclosures (oldest first), each one's assignment, and the parts to choose from."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    stored: tuple
    assignments: dict[int, Assignment]

    @property
    def visible(self) -> list:
        """The disclosures neither hidden nor retracted."""
        return [s for s in self.stored if s.visible]

    def parts(self) -> list[str]:
        """The parts of the visible disclosures, sorted (first spelling wins), then "unassigned" if any has none."""
        names = supplier_groups.part_names({s.id: self.assignments[s.id] for s in self.visible})
        unassigned = any(not self.assignments[s.id].part for s in self.visible)
        return names + ([supplier_groups.UNASSIGNED] if unassigned else [])

    def part_of(self, stored) -> str | None:
        """The directory part of a stored disclosure, or None."""
        return self.assignments[stored.id].part


class Page(BaseModel):
    """One page of a list: its items, the 1-based page number (clamped), the page count and the total."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    items: tuple
    number: int
    pages: int
    total: int


def suppliers_view(db: Database, include_hidden: bool = True) -> SuppliersView:
    """Read the stored disclosures and their assignments (directory match or stored choice) once."""
    stored = list_supplier_disclosures(db, include_hidden=include_hidden)
    return SuppliersView(stored=tuple(stored), assignments=disclosure_assignments(db, stored))


def part_members(view: SuppliersView, part: str) -> list:
    """The visible disclosures of ``part`` (case and spacing aside; "unassigned": those with none), oldest first."""
    if part_key(part) == supplier_groups.UNASSIGNED:
        return [s for s in view.visible if not view.part_of(s)]
    wanted = part_key(part)
    return [s for s in view.visible if view.part_of(s) and part_key(view.part_of(s)) == wanted]


def default_chosen(members: Sequence) -> list[int]:
    """The ids the comparison starts with: the part's newest ``DEFAULT_CHOSEN`` disclosures, oldest first."""
    return [s.id for s in members][-DEFAULT_CHOSEN:]


def compare_part(members: Sequence, chosen: Sequence[int], baseline: int | None = None, lang: str = "zh",
                 today: date | None = None) -> SupplierComparison | None:
    """Compare the ``chosen`` ids of one part's ``members`` against ``baseline`` (default: the first chosen).

    Returns None when nothing is chosen. Raises ``ValueError`` if ``baseline`` is not among ``chosen``.
    """
    by_id = {s.id: s for s in members}
    chosen = [i for i in chosen if i in by_id]
    if not chosen:
        return None
    index = chosen.index(baseline) if baseline is not None else 0
    return compare_suppliers([by_id[i].disclosure for i in chosen], lang, baseline=index, today=today)


def export_rows(view: SuppliersView, suppliers: Sequence = (), lang: str = "zh", part: str | None = None,
                today: date | None = None) -> list[dict]:
    """The comparison by part (``supplier_groups.grouped_rows``) of the visible disclosures: every part, or ``part``.

    ``suppliers`` is the directory (``io.list_suppliers``), for the directory supplier's name in each row.
    """
    return supplier_groups.grouped_rows(list(view.stored), view.assignments, suppliers, lang, part=part, today=today)


def search(stored: Sequence, text: str, view: SuppliersView | None = None) -> list:
    """The stored disclosures whose label ("#id supplier — product (period)"), PACT id or part contains ``text``.

    Case aside; every word of ``text`` must match. An empty ``text`` keeps all.
    """
    words = text.casefold().split()
    if not words:
        return list(stored)

    def haystack(s) -> str:
        part = (view.part_of(s) if view else None) or s.part
        return f"{stored_label(s)} {s.disclosure.product} {s.disclosure.pf_id} {part}".casefold()

    return [s for s in stored if all(w in haystack(s) for w in words)]


def paginate(items: Sequence, number: int, size: int) -> Page:
    """Return page ``number`` (1-based, clamped to 1 … pages) of ``items`` with ``size`` items a page."""
    size = max(1, int(size))
    pages = max(1, -(-len(items) // size))
    number = min(max(1, int(number)), pages)
    start = (number - 1) * size
    return Page(items=tuple(items[start:start + size]), number=number, pages=pages, total=len(items))
