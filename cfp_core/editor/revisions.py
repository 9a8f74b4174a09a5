"""Revisions of inventories and products: save an edit, compare two revisions, copy a period.

Saving never overwrites: every save appends a revision (``store.save_inventory``), and nothing is
saved while any row has an issue. When an edit changes the numbers of a verified inventory, the
verification and the report's declared figures are dropped: they no longer describe the data.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date

import pandas as pd
from pydantic import ValidationError
from sqlite_utils import Database

from cfp_core import service, store
from cfp_core.access import Action, Principal, require
from cfp_core.calculate import calculate_footprint
from cfp_core.editor.table import RowIssue, preview_footprint
from cfp_core.errors import CfpError, EditRejected, NoChanges, NoLines, SamePeriod
from cfp_core.i18n import t
from cfp_core.models import ActivityLine, Frozen, Inventory, ProductModel, ReportingPeriod
from cfp_core.numbers import format_time
from cfp_core.validation import describe_error


class PeriodChoice(Frozen):
    """A period the editor offers: a stored one, or a new calendar year."""

    label: str
    new: bool = False


def save_edited_inventory(
    db: Database, principal: Principal, base: Inventory | None, model_code: str, period: ReportingPeriod,
    lines: Sequence[ActivityLine], comment: str = "", issues: Sequence[RowIssue] = (), lang: str = "en",
) -> int:
    """Save the edited lines as a new revision of the inventory; return the revision number.

    ``base`` is the revision the edit started from (None for a new period): its boundary,
    factor set and other fields are kept. Raises ``EditRejected`` if ``issues`` is not empty or
    a line does not calculate, ``NoLines`` or ``NoChanges`` if there are no lines or nothing changed, and
    ``NotFound`` if the product or the factor set is not stored, ``PermissionDenied`` if ``principal``
    may not edit this organisation's data. New issues are worded in ``lang``.
    """
    require(principal, Action.SAVE_INVENTORY)
    if issues:
        raise EditRejected(issues)
    if not lines:
        raise NoLines()
    product = store.load_product(db, model_code)
    inventory = edited_inventory(base, product, period, lines)
    factor_set = store.load_factor_set(db, inventory.factor_set_id)
    check = preview_footprint(inventory.lines, inventory, factor_set, service.gwp_set(inventory.gwp_set),
                              store.known_factor_ids(db), lang)
    if check.issues:
        raise EditRejected(check.issues)
    latest = store.latest_revision(db, model_code, period.label)
    if latest is not None and store.load_inventory(db, model_code, period.label) == inventory:
        raise NoChanges(revision=latest)
    return store.save_inventory(db, principal, inventory, comment=comment)


def edited_inventory(base: Inventory | None, product: ProductModel, period: ReportingPeriod,
                     lines: Sequence[ActivityLine]) -> Inventory:
    """Return ``base`` with new lines (or a new inventory), validated; verification dropped if numbers changed.

    Raises ``pydantic.ValidationError`` if the result is invalid.
    """
    if base is None:
        return Inventory(model_code=product.model_code, period=period, lines=tuple(lines),
                         illustrative=product.illustrative)
    data = base.model_dump()
    data.update(model_code=product.model_code, period=period.model_dump(), lines=[line.model_dump() for line in lines])
    if drops_verification(base, lines):
        data.update(verification=None, declared=None)
    return Inventory.model_validate(data)


def drops_verification(base: Inventory | None, lines: Sequence[ActivityLine]) -> bool:
    """Return True if saving ``lines`` over a verified ``base`` changes its numbers (so verification lapses)."""
    if base is None or (base.verification is None and base.declared is None):
        return False
    return _numbers(base.lines) != _numbers(lines)


def _numbers(lines: Sequence[ActivityLine]) -> list[tuple]:
    return [(line.stage, line.amount, line.unit, line.factor_ref, line.custom_factor) for line in lines]


def revision_history_frame(db: Database, model_code: str, period: str, lang: str, tz=None) -> pd.DataFrame:
    """One row per revision, newest first: revision, created_at (local in ``tz``), author, comment, line_count, kg_co2e.

    ``kg_co2e`` is the total under the revision's own factor set (NaN if it does not calculate).
    """
    rows, sets, known_ids = [], {}, store.known_factor_ids(db)  # loaded once, not per revision
    for row in store.inventory_revisions(db, model_code, period):
        inventory = store.load_inventory(db, model_code, period, row["revision"])
        try:
            if inventory.factor_set_id not in sets:
                sets[inventory.factor_set_id] = store.load_factor_set(db, inventory.factor_set_id)
            total = calculate_footprint(inventory, sets[inventory.factor_set_id], service.gwp_set(inventory.gwp_set),
                                        known_ids).total_kg_co2e
        except CfpError:
            total = math.nan
        rows.append({"revision": row["revision"], "created_at": format_time(row["created_at"], tz),
                     "author": row["author"] or t("products.history.unknown_author", lang),
                     "comment": row["comment"] or "", "line_count": len(inventory.lines), "kg_co2e": total})
    return pd.DataFrame(rows, columns=["revision", "created_at", "author", "comment", "line_count", "kg_co2e"])


def known_factor_refs(db: Database) -> set[str]:
    """Return every factor id and key of every stored set (what an imported file may refer to)."""
    ids = store.known_factor_ids(db)
    return set(ids) | set(ids.values())


def previous_period(db: Database, model_code: str, period_label: str) -> str | None:
    """Return the latest stored period of the model before ``period_label``, or None."""
    earlier = [p for p in store.list_periods(db, model_code) if p < period_label]
    return earlier[-1] if earlier else None


def copy_from_previous_period(db: Database, model_code: str, period_label: str,
                              new_period: ReportingPeriod) -> Inventory:
    """Return the latest inventory of ``period_label`` re-dated to ``new_period`` (not saved).

    Lines, boundary, factor set and the illustrative flag are kept; verification, the report's
    declared figures and the note are cleared. Raises ``NotFound`` if there is nothing to copy
    and ``SamePeriod`` if both periods are the same.
    """
    if new_period.label == period_label:
        raise SamePeriod(period=period_label)
    source = store.load_inventory(db, model_code, period_label)
    data = source.model_dump()
    data.update(period=new_period.model_dump(), verification=None, declared=None, note="")
    return Inventory.model_validate(data)


def period_choices(db: Database, model_code: str, today: date | None = None) -> list[PeriodChoice]:
    """Return the stored periods (newest first), then new calendar years the user may start.

    A model without data is offered last year first: the usual reporting year, comparable with other models."""
    stored = sorted(store.list_periods(db, model_code), reverse=True)
    year = (today or date.today()).year
    years = [int(p) for p in stored if p.isdigit()]
    candidates = {max(years) + 1, year} if years else {year - 1, year}
    fresh = sorted((str(y) for y in candidates if str(y) not in stored), reverse=bool(years))
    return [PeriodChoice(label=p) for p in stored] + [PeriodChoice(label=p, new=True) for p in fresh]


# ---- the product form ----------------------------------------------------------------------

_FORM_LABELS = {
    "model_code": "products.form.model_code", "name_zh": "products.form.name_zh", "name_en": "products.form.name_en",
    "description": "products.form.description", "declared_unit": "label.declared_unit",
    "product_mass_kg": "label.product_mass", "org_id": "products.form.org",
    "fossil_carbon_kg": "label.fossil_carbon", "biogenic_carbon_kg": "label.biogenic_carbon",
    **{f"pcr_{part}": f"products.form.pcr_{part}" for part in ("name", "number", "version", "issuer")},
}


def default_model_code(products: Sequence[ProductModel]) -> str | None:
    """Return the model to open first: the first with real (not illustrative) data, else the first, else None."""
    real = [p.model_code for p in products if not p.illustrative]
    return (real or [p.model_code for p in products] or [None])[0]


def default_org_id(db: Database) -> str:
    """Return the organisation new products belong to: the first stored one, else "my-company"."""
    orgs = store.list_organisations(db)
    return orgs[0].org_id if orgs else "my-company"


def new_product(
    lang: str, *, model_code: str, name_zh: str = "", name_en: str = "", description: str = "",
    declared_unit: str = "piece", product_mass_kg: float | None = None, org_id: str = "my-company",
    fossil_carbon_kg: float | None = None, biogenic_carbon_kg: float | None = None,
    pcr_name: str = "", pcr_number: str = "", pcr_version: str = "", pcr_issuer: str = "",
    base: ProductModel | None = None, existing_codes: Sequence[str] = (),
) -> tuple[ProductModel | None, list[str]]:
    """Validate the product form; return ``(product, [])`` or ``(None, localized issues)``.

    ``base`` is the product being edited (its code, organisation and ids are kept); without it
    the code must be new. A mass of 0 means "not given"; a carbon content of None means "not
    assessed" (0 is a real value: no such carbon). The Chinese name falls back to the English one.
    """
    issues: list[str] = []
    if not (name_zh or "").strip() and not (name_en or "").strip():
        issues.append(_form_issue("name_zh", t("products.form.name_required", lang), lang))
    code = base.model_code if base else (model_code or "").strip()
    if base is None and code in set(existing_codes):
        issues.append(_form_issue("model_code", t("products.form.exists", lang, code=code), lang))
    data = (base.model_dump() if base else {"org_id": org_id}) | {
        "model_code": code, "name_zh": (name_zh or "").strip() or (name_en or "").strip(), "name_en": name_en or "",
        "description": description or "", "declared_unit": declared_unit, "product_mass_kg": product_mass_kg or None,
        "fossil_carbon_kg": fossil_carbon_kg, "biogenic_carbon_kg": biogenic_carbon_kg,
        "pcr_name": pcr_name, "pcr_number": pcr_number, "pcr_version": pcr_version, "pcr_issuer": pcr_issuer,
    }
    try:
        product = ProductModel.model_validate(data)
    except ValidationError as error:
        fallback = not (name_zh or "").strip()  # the Chinese name repeats the English one: report it once
        issues += [_form_issue(_loc_field(item["loc"]), describe_error(item, lang), lang) for item in error.errors()
                   if not (fallback and _loc_field(item["loc"]) == "name_zh")]
        return None, issues
    return (None, issues) if issues else (product, [])


def _loc_field(loc: tuple) -> str:
    names = [str(p) for p in loc if not isinstance(p, int)]
    return names[0] if names and names[0] in _FORM_LABELS else "model_code"


def _form_issue(field: str, detail: str, lang: str) -> str:
    return t("error.validation_item", lang, where="", field=t(_FORM_LABELS[field], lang), detail=detail)
