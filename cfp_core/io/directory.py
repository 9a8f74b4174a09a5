"""The supplier directory: supplier companies, the parts they supply, and which part a disclosure is for.

Every save of a supplier is a new append-only revision (``supplier_directory_revisions``); nothing is
overwritten and the history stays readable. A stored disclosure belongs to a directory supplier and a
part by an append-only assignment (the newest row per disclosure wins), or, without one, by its PACT
``companyIds``: a directory supplier with one of those ids (a USCC also matches a URN ending in it) is
the disclosure's supplier, and its part is the one named at intake or the supplier's only part.
"""

from __future__ import annotations

import re

from pydantic import Field, ValidationError, field_validator, model_validator
from sqlite_utils import Database

from cfp_core import store
from cfp_core.access import Action, Principal
from cfp_core.errors import CfpError, NotFound
from cfp_core.i18n import Msg, t
from cfp_core.models import Frozen
from cfp_core.store.audit import writes
from cfp_core.text import Identifier, ShortText
from cfp_core.validation import describe_error

_USCC = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$")
_URN = re.compile(r"^urn:[A-Za-z0-9][A-Za-z0-9-]{0,31}:\S+$", re.IGNORECASE)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
BY_USER, BY_COMPANY_ID, NOT_ASSIGNED = "user", "company_id", "none"


class DirectoryProblem(CfpError, ValueError):
    """One field of a directory entry is wrong (the key says what and how to fix it)."""

    key = "directory.problem.generic"


class DirectoryRejected(CfpError, ValueError):
    """A directory entry was not saved; ``problems`` names every wrong field and its fix."""

    key = "directory.error.rejected"


def part_key(name: str) -> str:
    """Return the grouping key of a part name: case and runs of white space do not matter."""
    return " ".join(name.split()).casefold()


class SupplierPart(Frozen):
    """A part or commodity a supplier supplies, optionally linked to one of our inventory lines or factors."""

    name: ShortText = Field(min_length=1)
    model_code: Identifier | None = None  # with line_no: line N (1-based) of that model's inventory
    line_no: int | None = Field(default=None, ge=1, le=100_000)
    factor_ref: Identifier | None = None  # or a factor id / key of the factor library

    @model_validator(mode="after")
    def line_needs_its_model(self):
        if (self.model_code is None) != (self.line_no is None):
            raise DirectoryProblem("directory.problem.line_link")
        return self

    @property
    def link(self) -> str:
        """"WS-TPS-48-900A #3", "factor fuel_diesel_cn_default" or ""."""
        if self.model_code:
            return f"{self.model_code} #{self.line_no}"
        return f"factor {self.factor_ref}" if self.factor_ref else ""


class DirectorySupplier(Frozen):
    """A supplier company of the directory: names, company ids (URN or USCC), contact and parts."""

    supplier_id: Identifier
    name_zh: ShortText = ""
    name_en: ShortText = ""
    company_ids: tuple[ShortText, ...] = ()
    contact_name: ShortText = ""
    contact_email: ShortText = ""
    parts: tuple[SupplierPart, ...] = ()

    @field_validator("company_ids")
    @classmethod
    def ids_are_urns_or_uscc(cls, ids: tuple[str, ...]) -> tuple[str, ...]:
        for value in ids:
            if not (_URN.match(value) or _USCC.match(value)):
                raise DirectoryProblem("directory.problem.company_id", value=value)
        if len({i.lower() for i in ids}) != len(ids):
            raise DirectoryProblem("directory.problem.duplicate_id")
        return ids

    @field_validator("contact_email")
    @classmethod
    def email_looks_like_one(cls, value: str) -> str:
        if value and not _EMAIL.match(value):
            raise DirectoryProblem("directory.problem.email", value=value)
        return value

    @model_validator(mode="after")
    def named_once_and_parts_unique(self):
        if not (self.name_zh or self.name_en):
            raise DirectoryProblem("directory.problem.name")
        keys = [part_key(p.name) for p in self.parts]
        if len(set(keys)) != len(keys):
            raise DirectoryProblem("directory.problem.duplicate_part")
        return self

    def name(self, lang: str = "zh") -> str:
        """The supplier's name in ``lang`` (the other language's when that one is empty)."""
        first, other = (self.name_en, self.name_zh) if lang == "en" else (self.name_zh, self.name_en)
        return first or other

    def part(self, name: str) -> SupplierPart | None:
        """Return the part called ``name`` (case and spacing aside), or None."""
        return next((p for p in self.parts if part_key(p.name) == part_key(name)), None)

    def matches(self, company_ids) -> bool:
        """True if one of ``company_ids`` (a disclosure's) is one of ours; a USCC also matches "urn:…:<USCC>"."""
        ours = {i.lower() for i in self.company_ids}
        theirs = {i.lower() for i in company_ids}
        return bool(ours & theirs) or any(t_id.endswith(":" + o) for o in ours if _USCC.match(o.upper())
                                          for t_id in theirs)


class _Problems(Msg):
    """The problems of a rejected entry, one per line, field names in the reader's language."""

    def __init__(self, error: ValidationError) -> None:
        super().__init__("directory.error.rejected")
        self.items = error.errors()

    def render(self, lang: str = "zh") -> str:
        return "\n".join(f"- {_field(tuple(item['loc']), lang)}: {describe_error(item, lang)}" for item in self.items)


def _field(loc: tuple, lang: str) -> str:
    if loc[:1] == ("parts",) and len(loc) > 1:
        if len(loc) == 2:
            return t("directory.field.part_n", lang, row=int(loc[1]) + 1)
        return t("directory.field.part_row", lang, row=int(loc[1]) + 1, field=t(f"directory.field.{loc[2]}", lang))
    return t(f"directory.field.{loc[0]}", lang) if loc else t("directory.field.entry", lang)


def supplier_from_form(fields: dict) -> DirectorySupplier:
    """Build a directory entry from form fields (``parts`` as a list of dicts; empty cells are None).

    Raises ``DirectoryRejected`` naming every wrong field (part rows by number) and how to fix it.
    """
    data = {k: (v.strip() if isinstance(v, str) else v) for k, v in fields.items()}
    data["company_ids"] = tuple(i.strip() for i in (data.get("company_ids") or ()) if i and i.strip())
    data["parts"] = tuple({k: v for k, v in part.items() if v not in (None, "")}
                          for part in data.get("parts") or () if any(v not in (None, "") for v in part.values()))
    try:
        return DirectorySupplier.model_validate(data)
    except ValidationError as error:
        raise DirectoryRejected(problems=_Problems(error)) from None


def _check_links(db: Database, supplier: DirectorySupplier) -> None:
    """Raise ``DirectoryProblem`` if a part links to an unknown model, line or factor."""
    factors = None
    for row, part in enumerate(supplier.parts, start=1):
        if part.model_code:
            periods = store.list_periods(db, part.model_code)
            if not periods:
                raise DirectoryProblem("directory.problem.no_model", row=row, model=part.model_code)
            lines = len(store.load_inventory(db, part.model_code, periods[-1]).lines)
            if part.line_no > lines:
                raise DirectoryProblem("directory.problem.no_line", row=row, model=part.model_code,
                                       period=periods[-1], line=part.line_no, lines=lines)
        if part.factor_ref:
            factors = factors if factors is not None else store.known_factor_ids(db)
            if part.factor_ref not in factors and part.factor_ref not in factors.values():
                raise DirectoryProblem("directory.problem.no_factor", row=row, factor=part.factor_ref)


def new_supplier_id(db: Database) -> str:
    """Return the next free directory id, "sup-1", "sup-2", …"""
    taken = {r[0] for r in db.execute("SELECT DISTINCT supplier_id FROM supplier_directory_revisions").fetchall()}
    return next(f"sup-{n}" for n in range(1, len(taken) + 2) if f"sup-{n}" not in taken)


@writes(Action.SAVE_SUPPLIER, target=lambda supplier, comment="", result=None: f"{supplier.supplier_id} r{result}")
def save_supplier(db: Database, principal: Principal, supplier: DirectorySupplier, comment: str = "") -> int:
    """Append a revision of a directory supplier (editor role; audited) and return its revision number.

    Raises ``DirectoryProblem`` if a part links to a model, inventory line or factor that does not exist.
    """
    _check_links(db, supplier)
    current = db.execute("SELECT max(revision) FROM supplier_directory_revisions WHERE supplier_id = ?",
                         [supplier.supplier_id]).fetchone()[0]
    revision = (current or 0) + 1
    db.table("supplier_directory_revisions").insert({
        "supplier_id": supplier.supplier_id, "revision": revision, "payload": store.canonical_json(
            supplier.model_dump(mode="json")), "created_at": store.now(), "author": principal.label,
        "comment": comment.strip()})
    return revision


def list_suppliers(db: Database) -> list[DirectorySupplier]:
    """Return the newest revision of every directory supplier, by id."""
    rows = db.execute("SELECT payload FROM supplier_directory_revisions r WHERE revision = (SELECT max(revision) "
                      "FROM supplier_directory_revisions WHERE supplier_id = r.supplier_id) ORDER BY supplier_id")
    return [DirectorySupplier.model_validate_json(row[0]) for row in rows.fetchall()]


def load_supplier(db: Database, supplier_id: str, revision: int | None = None) -> DirectorySupplier:
    """Return one directory supplier (the newest revision, or ``revision``). Raises ``NotFound``."""
    sql, args = "SELECT payload FROM supplier_directory_revisions WHERE supplier_id = ?", [supplier_id]
    if revision is not None:
        sql, args = sql + " AND revision = ?", [*args, revision]
    row = db.execute(sql + " ORDER BY revision DESC LIMIT 1", args).fetchone()
    if row is None:
        raise NotFound(what=Msg("directory.what"), ident=supplier_id)
    return DirectorySupplier.model_validate_json(row[0])


def supplier_history(db: Database, supplier_id: str) -> list[dict]:
    """Return every revision of one supplier, newest first: revision, created_at, author, comment, parts."""
    rows = db.execute("SELECT revision, created_at, author, comment, payload FROM supplier_directory_revisions "
                      "WHERE supplier_id = ? ORDER BY revision DESC", [supplier_id]).fetchall()
    return [{"revision": r[0], "created_at": r[1], "author": r[2] or "", "comment": r[3] or "",
             "supplier": DirectorySupplier.model_validate_json(r[4])} for r in rows]


class Assignment(Frozen):
    """Which directory supplier and part a stored disclosure belongs to, and how that was decided."""

    disclosure_id: int
    supplier_id: str | None = None
    part: str | None = None
    how: str = NOT_ASSIGNED  # "user" (stored assignment), "company_id" (matched) or "none"


@writes(Action.SAVE_SUPPLIER, target=lambda disclosure_id, supplier_id, part="", result=None:
        f"#{disclosure_id} → {supplier_id or '—'} / {part or '—'}")
def assign_disclosure(db: Database, principal: Principal, disclosure_id: int, supplier_id: str | None,
                      part: str = "") -> int:
    """Record that a disclosure is for ``supplier_id``'s ``part`` (append-only; audited); return the row id.

    An empty ``supplier_id`` records "no supplier" (overriding a company-id match). Raises ``NotFound`` for an
    unknown disclosure or supplier, ``DirectoryProblem`` if the supplier does not list ``part``.
    """
    if not db.execute("SELECT 1 FROM supplier_disclosures WHERE id = ?", [disclosure_id]).fetchone():
        raise NotFound(what=Msg("suppliers.what"), ident=f"#{disclosure_id}")
    name = ""
    if supplier_id:
        supplier = load_supplier(db, supplier_id)
        if part.strip():
            found = supplier.part(part)
            if found is None:
                raise DirectoryProblem("directory.problem.no_part", part=part.strip(), supplier=supplier.name("en"))
            name = found.name
    table = db.table("supplier_assignments")
    table.insert({"disclosure_id": disclosure_id, "supplier_id": supplier_id or "", "part": name,
                  "at": store.now(), "author": principal.label})
    return table.last_pk


def stored_assignments(db: Database) -> dict[int, Assignment]:
    """Return the newest stored assignment of every disclosure that has one."""
    rows = db.execute("SELECT disclosure_id, supplier_id, part FROM supplier_assignments ORDER BY id").fetchall()
    return {r[0]: Assignment(disclosure_id=r[0], supplier_id=r[1] or None, part=r[2] or None, how=BY_USER)
            for r in rows}


def resolve_assignments(suppliers, stored, assigned: dict[int, Assignment]) -> dict[int, Assignment]:
    """Return every stored disclosure's assignment: the stored one, else the company-id match, else none.

    A match takes the part named at intake when the supplier lists it, else the supplier's only part. Pure.
    """
    result, matched = {}, {}  # matched: the suppliers of each company-id tuple, looked up once
    for item in stored:
        if item.id in assigned:
            result[item.id] = assigned[item.id]
            continue
        ids = tuple(item.disclosure.company_ids)
        found = matched[ids] if ids in matched else matched.setdefault(ids, [s for s in suppliers if s.matches(ids)])
        if len(found) != 1:
            result[item.id] = Assignment(disclosure_id=item.id)
            continue
        supplier = found[0]
        part = supplier.part(item.part) if item.part else None
        part = part or (supplier.parts[0] if len(supplier.parts) == 1 else None)
        result[item.id] = Assignment(disclosure_id=item.id, supplier_id=supplier.supplier_id,
                                     part=part.name if part else None, how=BY_COMPANY_ID)
    return result


def disclosure_assignments(db: Database, stored) -> dict[int, Assignment]:
    """Return the assignment of each of ``stored`` (``StoredDisclosure``) from the directory and the store."""
    return resolve_assignments(list_suppliers(db), stored, stored_assignments(db))
