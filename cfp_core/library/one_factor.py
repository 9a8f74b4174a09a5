"""Add one factor by hand: the form's fields are checked like a row of a factor CSV and the factor
is put into a new copy of a set (copy-on-write; the set it was copied from is left unchanged).

A hand-entered factor is never "verified"; its provenance (source, data year, boundary,
confidence) is what the user entered, and the derivation note says who added it where.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from cfp_core.errors import ImportRejected, RowProblem
from cfp_core.factors import EmissionFactor, FactorBoundary, FactorFamily, FactorSet
from cfp_core.i18n import has, t
from cfp_core.library.csv_import import CONFIDENCES, check_new_set, checked_factor
from cfp_core.library.tools import custom_factor_id

FACTOR_FIELDS = ("key", "name_zh", "name_en", "value", "unit", "gas", "family", "boundary", "region", "publisher",
                 "source_document", "source_url", "vintage", "confidence", "derivation_note")
REQUIRED = ("key", "name_zh", "value", "unit", "source_document", "confidence")
BOUNDARIES = tuple(b.value for b in FactorBoundary)


class FactorFieldProblem(RowProblem):
    """One problem in one field of the add-a-factor form (``column`` is the field name)."""

    key = "error.form_problem"

    def message(self, lang: str = "en") -> str:
        names = {"name": self.params.get(f"name_{lang}")} if "name_zh" in self.params else {}
        detail = t(self.problem_key, lang, **{**self.params, **names, "value": self.value})
        label = f"factors.one.field.{self.column}"
        field = t(label, lang) if has(label) else self.column  # an unknown field is named as given
        return t(self.key, lang, field=field, value=self.value, detail=detail)


class FactorRejected(ImportRejected):
    """The add-a-factor form has problems; nothing was added."""

    key = "factors.one.rejected"


def _problems(row: Mapping[str, str], existing: EmissionFactor | None, replace: bool) -> list[FactorFieldProblem]:
    """The form-level problems of ``row`` (stripped text): missing, unknown field, boundary, confidence, key taken."""
    problems = [FactorFieldProblem(0, name, "", "factors.one.required") for name in REQUIRED if not row.get(name)]
    problems += [FactorFieldProblem(0, name, "", "factors.one.unknown_field") for name in row
                 if name not in FACTOR_FIELDS]
    boundary, confidence = row.get("boundary", ""), row.get("confidence", "")
    if boundary and boundary not in BOUNDARIES:
        problems.append(FactorFieldProblem(0, "boundary", boundary, "factors.one.bad_boundary",
                                           choices=", ".join(BOUNDARIES)))
    if confidence and confidence not in CONFIDENCES:
        problems.append(FactorFieldProblem(0, "confidence", confidence, "factors.csv.unknown_confidence",
                                           choices=", ".join(CONFIDENCES)))
    if existing is not None and not replace:
        problems.append(FactorFieldProblem(0, "key", existing.key, "factors.one.key_exists",
                                           name_en=existing.name_en or existing.name_zh, name_zh=existing.name_zh))
    return problems


def add_factor(
    base: FactorSet, fields: Mapping[str, str], set_id: str, name_zh: str, name_en: str = "",
    taken: Iterable[str] = (), replace: bool = False,
) -> FactorSet:
    """Return a new set ``set_id``: a copy of ``base`` with one hand-entered factor added.

    ``fields`` holds the form's text (names in ``FACTOR_FIELDS``; empty means "not given"). A key the
    base already has is refused unless ``replace`` is set; the replaced factor keeps its family
    unless another is given. The new factor's id is ``<set_id>:<key>`` and it is never verified.
    Raises ``FactorRejected`` listing every problem by field (missing, unknown, not a number,
    negative, unknown unit/gas/family/boundary/confidence, hostile text, bad URL, key taken)
    and ``FactorSetInvalid`` for a bad or ``taken`` set id or an empty set name.
    """
    check_new_set(set_id, name_zh, taken)
    row = {name: str(value if value is not None else "").strip() for name, value in fields.items()}
    known = base.by_key().get(row.get("key", ""))
    problems = _problems(row, known, replace)
    row = {name: value for name, value in row.items() if name in FACTOR_FIELDS}
    row["gas"] = row.get("gas") or "CO2e"
    row["family"] = row.get("family") or (known.family.value if known else FactorFamily.CUSTOM.value)
    row["id"] = custom_factor_id(set_id, row["key"]) if row.get("key") else ""
    row["verified"] = "false"
    note = (f"用户在因子集 {set_id}（复制自 {base.set_id}）中手动添加。 "
            f"Entered by hand in set {set_id} (copied from {base.set_id}).")
    row["derivation_note"] = f"{note} {row['derivation_note']}" if row.get("derivation_note") else note
    factor, found = checked_factor(0, row)
    reported = {p.column for p in problems}
    for problem in found:
        field = "key" if problem.column == "id" else problem.column
        if field not in reported:
            reported.add(field)
            params = {k: v for k, v in problem.params.items() if k not in ("row", "column", "value", "problem_key")}
            problems.append(FactorFieldProblem(0, field, problem.value, problem.problem_key, **params))
    if problems or factor is None:
        raise FactorRejected(problems)
    return _into_copy(base, factor, set_id, name_zh, name_en)


def _into_copy(base: FactorSet, factor: EmissionFactor, set_id: str, name_zh: str, name_en: str) -> FactorSet:
    description = (f"复制自 {base.set_id}，手动添加因子 {factor.key}。",
                   f"Copied from {base.set_id} with factor {factor.key} entered by hand.")
    return base.with_factors(set_id, name_zh, [factor], name_en=name_en, version="user",
                             description_zh=description[0], description_en=description[1])
