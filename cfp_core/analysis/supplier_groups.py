"""Supplier footprints grouped by the part they are for: each part's disclosures are ranked among themselves. Pure.

A part's group is compared with ``compare_suppliers`` against its first (oldest) disclosure, so the ranking
holds only that part's comparable disclosures, per declared unit (÷ ``declaredUnitAmount``) or per kg. The
disclosures with no part are in "unassigned": each is checked on its own findings and never ranked (a
ranking of unrelated products would say nothing).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pandas as pd
from pydantic import BaseModel, ConfigDict

from cfp_core.analysis.suppliers import SupplierComparison, compare_suppliers
from cfp_core.i18n import t
from cfp_core.io import Assignment, part_key
from cfp_core.io.suppliers import SupplierDisclosure
from cfp_core.numbers import format_time

UNASSIGNED = "unassigned"
# the stable keys of one row (CLI JSON, CSV and xlsx exports)
ROW_KEYS = ("id", "pf_id", "supplier", "directory_supplier", "product", "part", "group", "rank", "per_unit",
            "per_kg", "declared_unit", "basis", "illustrative", "findings")
_ILLUSTRATIVE_MARKS = tuple(t("pact.comment_illustrative", lang) for lang in ("en", "zh"))


def is_illustrative(disclosure: SupplierDisclosure) -> bool:
    """True for demo data: the footprint's ``comment`` carries the illustrative mark our PACT exports write."""
    comment = str(disclosure.raw.get("comment") or "")
    return any(mark in comment for mark in _ILLUSTRATIVE_MARKS)


class PartGroup(BaseModel):
    """The disclosures of one part (``part`` None: the unassigned ones) and their comparisons."""

    model_config = ConfigDict(frozen=True)

    part: str | None
    ids: tuple[int, ...]  # stored disclosure ids, oldest first
    comparisons: tuple[SupplierComparison, ...]  # one for a part; one per disclosure when unassigned

    @property
    def label(self) -> str:
        """The group's name: the part, or "unassigned"."""
        return self.part if self.part is not None else UNASSIGNED

    def comparison_of(self, position: int) -> tuple[SupplierComparison, int]:
        """Return the comparison holding the ``position``-th disclosure and its index in it."""
        return (self.comparisons[0], position) if self.part is not None else (self.comparisons[position], 0)

    def rank(self, position: int) -> int | None:
        """Return the disclosure's rank within the part's comparable group (1 = lowest), or None."""
        if self.part is None:
            return None
        ranking = self.comparisons[0].ranking
        return ranking.index(position) + 1 if position in ranking else None


def compare_by_part(stored: Sequence, assignments: dict[int, Assignment], lang: str = "zh",
                    today: date | None = None, part: str | None = None) -> tuple[PartGroup, ...]:
    """Group stored disclosures (``StoredDisclosure``) by their assigned part and compare within each part.

    Parts come in the order their first disclosure was stored, "unassigned" last. ``part`` keeps only that part
    (case and spacing aside; "unassigned" for the disclosures with none).
    """
    groups: dict[str, tuple[str | None, list]] = {}
    for item in stored:
        name = assignments.get(item.id, Assignment(disclosure_id=item.id)).part
        key = part_key(name) if name else ""
        groups.setdefault(key, (name, []))[1].append(item)
    if "" in groups:
        groups[""] = groups.pop("")  # unassigned last
    if part is not None:
        wanted = "" if part_key(part) == UNASSIGNED else part_key(part)
        groups = {k: v for k, v in groups.items() if k == wanted}
    result = []
    for key, (name, items) in groups.items():
        disclosures = [s.disclosure for s in items]
        comparisons = ((compare_suppliers(disclosures, lang, today=today),) if key
                       else tuple(compare_suppliers([d], lang, today=today) for d in disclosures))
        result.append(PartGroup(part=name if key else None, ids=tuple(s.id for s in items), comparisons=comparisons))
    return tuple(result)


def comparison_rows(groups: Sequence[PartGroup], stored: Sequence, assignments: dict[int, Assignment],
                    suppliers: Sequence = (), lang: str = "zh") -> list[dict]:
    """Return one row per disclosure with the stable ``ROW_KEYS`` (numbers unrounded, findings in ``lang``).

    ``per_unit`` is per 1 declared unit, ``per_kg`` per kilogram (None when the mass is unknown), ``rank`` the
    place within the part's comparable group (None when excluded or unassigned).
    """
    by_id = {s.id: s for s in stored}
    names = {s.supplier_id: s.name(lang) for s in suppliers}
    rows = []
    for group in groups:
        for position, disclosure_id in enumerate(group.ids):
            d = by_id[disclosure_id].disclosure
            comparison, index = group.comparison_of(position)
            assigned = assignments.get(disclosure_id)
            rows.append({
                "id": disclosure_id, "pf_id": d.pf_id, "supplier": d.supplier,
                "directory_supplier": names.get(assigned.supplier_id) if assigned and assigned.supplier_id else None,
                "product": d.product, "part": group.part, "group": group.label, "rank": group.rank(position),
                "per_unit": d.per_unit, "per_kg": d.per_kg, "declared_unit": d.declared_unit,
                "basis": comparison.basis, "illustrative": is_illustrative(d),
                "findings": [{"severity": f.severity, "key": f.key, "text": f.message(lang)}
                             for f in comparison.findings_of(index)],
            })
    return rows


def part_names(assignments: dict[int, Assignment]) -> list[str]:
    """Return the distinct assigned part names (first spelling wins), sorted, for choosing a group."""
    seen: dict[str, str] = {}
    for a in assignments.values():
        if a.part:
            seen.setdefault(part_key(a.part), a.part)
    return sorted(seen.values(), key=part_key)


def grouped_rows(stored: Sequence, assignments: dict[int, Assignment], suppliers: Sequence = (), lang: str = "zh",
                 part: str | None = None, today: date | None = None) -> list[dict]:
    """Compare the visible stored disclosures by part and return their rows (``comparison_rows``)."""
    visible = [s for s in stored if s.visible]
    groups = compare_by_part(visible, assignments, lang, today=today, part=part)
    return comparison_rows(groups, visible, assignments, suppliers, lang)


def directory_frame(suppliers: Sequence, lang: str = "zh") -> pd.DataFrame:
    """Return the directory (``DirectorySupplier``) as a table with localized headers, one row per supplier."""
    rows = [[s.supplier_id, s.name(lang), ", ".join(s.company_ids), " ".join(filter(None, (s.contact_name, s.contact_email))),
             "; ".join(f"{p.name} ({p.link})" if p.link else p.name for p in s.parts)] for s in suppliers]
    columns = ("supplier_id", "name", "company_ids", "contact", "parts")
    return pd.DataFrame(rows, columns=[t(f"directory.table.{c}", lang) for c in columns])


def history_frame(history: Sequence[dict], lang: str = "zh", tz=None) -> pd.DataFrame:
    """Return one supplier's revisions (``supplier_history``), newest first, with localized headers."""
    rows = [[h["revision"], format_time(h["created_at"], tz), h["author"], h["comment"], h["supplier"].name(lang),
             "; ".join(p.name for p in h["supplier"].parts)] for h in history]
    columns = ("revision", "at", "author", "comment", "name", "parts")
    return pd.DataFrame(rows, columns=[t(f"directory.history.{c}", lang) for c in columns])


def assignment_label(assignment: Assignment | None, suppliers: Sequence, lang: str = "zh") -> str:
    """Return "Supplier / part (matched by company id)" for a disclosure's assignment, in ``lang``."""
    if assignment is None or not assignment.supplier_id:
        return t("directory.assign.none", lang)
    names = {s.supplier_id: s.name(lang) for s in suppliers}
    part = assignment.part or t("directory.unassigned", lang)
    return t(f"directory.assign.{assignment.how}", lang, supplier=names.get(assignment.supplier_id,
                                                                             assignment.supplier_id), part=part)
