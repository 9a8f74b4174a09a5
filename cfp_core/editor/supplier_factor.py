"""A supplier's footprint as an emission factor, and adopting the supplier's newer version of it (#10.6).

``supplier_factor_fields`` turns a stored PACT disclosure into the fields of one factor (kgCO2e per declared
unit, or per kg when the mass is known), with the disclosure as its source; ``create_supplier_factor`` puts it
into a new custom set through ``library.add_factor`` (sets are immutable) and records, append-only, which
disclosure the factor came from (``supplier_factors``). When the supplier publishes a newer version (a later
disclosure that supersedes it, ``io.supplier_store``), ``supplier_factor_updates`` lists every inventory line
that still uses the old factor, and ``adopt_supplier_update`` builds the factor from the newer disclosure and
saves one new revision whose affected lines point to it.
"""

from __future__ import annotations

from sqlite_utils import Database

from cfp_core import store
from cfp_core.access import Action, Principal, require_member
from cfp_core.editor.revisions import save_edited_inventory
from cfp_core.errors import CfpError, NotFound
from cfp_core.factors import FactorBoundary, FactorSet
from cfp_core.i18n import Msg
from cfp_core.io import StoredDisclosure, list_supplier_disclosures, mean_dqr
from cfp_core.library import add_factor
from cfp_core.library.tools import custom_factor_id
from cfp_core.models import Frozen
from cfp_core.store.audit import writes

BASES = ("per_unit", "per_kg")
PACT_UNITS = {"liter": "L", "kilogram": "kg", "cubic meter": "m3", "kilowatt hour": "kWh", "megajoule": "MJ",
              "ton kilometer": "tkm", "square meter": "m2", "piece": "piece"}
TABLE = "supplier_factors"


class SupplierFactorRefused(CfpError, ValueError):
    """A factor cannot be made from this disclosure (no mass for per-kg, withdrawn, unknown basis)."""

    key = "supfactor.error.generic"


class FactorUpdate(Frozen):
    """One inventory line whose supplier factor came from a disclosure that a newer one supersedes."""

    model_code: str
    period: str
    line_no: int  # 1-based, entry order
    activity: str
    factor_id: str  # the factor the line uses now
    basis: str
    disclosure_id: int  # the disclosure that factor came from
    old_version: str
    newer_id: int  # the newest disclosure that supersedes it
    newer_version: str


def _version(stored: StoredDisclosure) -> str:
    version = stored.disclosure.raw.get("version")
    return f"{stored.disclosure.pf_id}" + (f" v{version}" if version not in (None, "") else "")


def factor_key(stored: StoredDisclosure, basis: str) -> str:
    """The key of the factor made from a disclosure: ``supplier.<pf_id>[.v<version>].<unit|kg>``."""
    version = stored.disclosure.raw.get("version")
    middle = f"{stored.disclosure.pf_id}" + (f".v{version}" if version not in (None, "") else "")
    return f"supplier.{middle}.{'kg' if basis == 'per_kg' else 'unit'}"


def supplier_factor_fields(stored: StoredDisclosure, basis: str = "per_unit") -> dict[str, str]:
    """Return the add-a-factor fields (``library.FACTOR_FIELDS``) of the factor a disclosure gives.

    ``basis`` is "per_unit" (kgCO2e per 1 declared unit: ``per_unit``) or "per_kg" (``per_kg``). The value is the
    disclosure's own number, written exactly (``repr`` of the float). Raises ``SupplierFactorRefused`` for a
    hidden or retracted disclosure, an unknown basis, or per kg when the mass per declared unit is unknown.
    """
    d = stored.disclosure
    if basis not in BASES:
        raise SupplierFactorRefused("supfactor.error.basis", basis=basis, choices=", ".join(BASES))
    if not stored.visible:
        raise SupplierFactorRefused("supfactor.error.withdrawn", id=stored.id, state=Msg(f"suppliers.state.{stored.state}"))
    value = d.per_kg if basis == "per_kg" else d.per_unit
    if value is None:
        raise SupplierFactorRefused("supfactor.error.no_mass", id=stored.id, supplier=d.supplier)
    unit = "kg" if basis == "per_kg" else PACT_UNITS.get(d.declared_unit, d.declared_unit)
    dqr = ", ".join(f"{name} {score!r}" for name, score in d.dqr) or "-"
    mean = mean_dqr(d)
    gwp = "/".join(d.gwp_sets) or "-"
    source = (f"PACT ProductFootprint {d.pf_id} (version {d.raw.get('version', '-')}, spec {d.spec_version}, "
              f"created {d.created or '-'}) by {d.supplier}; period {d.period_label}; GWP {gwp}; "
              f"DQR {dqr}" + (f" (mean {mean!r})" if mean is not None else "")
              + (f"; boundary: {d.boundary}" if d.boundary else ""))
    note = (f"由供应商碳足迹披露 #{stored.id}（{d.pf_id}）生成，{'每千克' if basis == 'per_kg' else '每声明单位'}。 "
            f"Made from supplier disclosure #{stored.id} ({d.pf_id}), "
            f"{'per kg' if basis == 'per_kg' else 'per declared unit'}.")
    return {
        "key": factor_key(stored, basis), "name_zh": f"{d.supplier} {d.product}"[:200],
        "name_en": f"{d.supplier} {d.product}"[:200], "value": repr(value), "unit": unit, "gas": "CO2e",
        "boundary": (FactorBoundary.CRADLE_TO_GRAVE if d.labelled_cradle_to_grave else FactorBoundary.CRADLE_TO_GATE).value,
        "region": d.geography or "", "publisher": d.supplier[:200], "source_document": source[:4000],
        "vintage": d.period_start[:4], "confidence": "P", "derivation_note": note,
    }


def supplier_factor_set(stored: StoredDisclosure, basis: str, base: FactorSet, set_id: str, name_zh: str,
                        name_en: str = "", taken=()) -> FactorSet:
    """Return the new set ``set_id``: ``base`` plus the disclosure's factor (``add_factor``), GWP basis carried.

    Raises ``SupplierFactorRefused`` (see ``supplier_factor_fields``), ``FactorRejected`` (a value the library
    refuses, e.g. a negative footprint or an unknown unit) and ``FactorSetInvalid`` (bad or taken set id).
    """
    fields = supplier_factor_fields(stored, basis)
    made = add_factor(base, fields, set_id, name_zh, name_en, taken=taken, replace=True)
    # add_factor words its notes for a hand-entered factor; this one came from a disclosure: say so, and carry
    # the GWP basis (a provenance field the form does not have)
    note = (f"{fields['derivation_note']} 因子集 {set_id} 复制自 {base.set_id}。 Set {set_id} copied from "
            f"{base.set_id}.")
    factor = made.by_key()[fields["key"]].model_copy(update={"gwp_basis": "/".join(stored.disclosure.gwp_sets),
                                                             "derivation_note": note})
    return made.model_copy(update={
        "factors": tuple(factor if f.key == factor.key else f for f in made.factors),
        "description_zh": f"复制自 {base.set_id}，加入供应商碳足迹因子 {factor.key}。",
        "description_en": f"Copied from {base.set_id} with the supplier footprint factor {factor.key}."})


def _record(db: Database, principal: Principal, stored: StoredDisclosure, basis: str, made: FactorSet) -> str:
    key = factor_key(stored, basis)
    factor_id = custom_factor_id(made.set_id, key)
    db.table(TABLE).insert({"factor_id": factor_id, "set_id": made.set_id, "key": key, "disclosure_id": stored.id,
                            "pf_id": stored.disclosure.pf_id, "version": str(stored.disclosure.raw.get("version", "")),
                            "basis": basis, "created_at": store.now(), "author": principal.label})
    return factor_id


def _stored(db: Database, disclosure_id: int) -> StoredDisclosure:
    found = {s.id: s for s in list_supplier_disclosures(db)}
    if disclosure_id not in found:
        raise NotFound(what=Msg("suppliers.what"), ident=f"#{disclosure_id}")
    return found[disclosure_id]


@writes(Action.USE_SUPPLIER_FACTOR, target=lambda disclosure_id, basis, base_set_id, set_id, name_zh, name_en="",
        result=None: f"#{disclosure_id} {basis} -> {result}")
def create_supplier_factor(db: Database, principal: Principal, disclosure_id: int, basis: str, base_set_id: str,
                           set_id: str, name_zh: str, name_en: str = "") -> str:
    """Make a factor from a stored disclosure in a new custom set copied from ``base_set_id``; return its id.

    Editor role; one transaction (the set, the record of its source, the audit events). Raises ``NotFound``
    (disclosure or base set), ``SupplierFactorRefused``, ``FactorRejected`` and ``FactorSetInvalid``.
    """
    stored = _stored(db, disclosure_id)
    base = store.load_factor_set(db, base_set_id)
    made = supplier_factor_set(stored, basis, base, set_id, name_zh, name_en,
                               taken=[s.set_id for s in store.list_factor_sets(db)])
    store.save_factor_set(db, principal, made)
    return _record(db, principal, stored, basis, made)


def supplier_factor_sources(db: Database) -> dict[str, dict]:
    """Return ``{factor id or key: record}`` of every factor made from a supplier disclosure (newest record wins)."""
    rows = db.execute(f"SELECT factor_id, key, disclosure_id, basis FROM {TABLE} ORDER BY id").fetchall()
    found: dict[str, dict] = {}
    for factor_id, key, disclosure_id, basis in rows:
        record = {"factor_id": factor_id, "key": key, "disclosure_id": disclosure_id, "basis": basis}
        found[factor_id] = found[key] = record
    return found


def _newest(by_id: dict[int, StoredDisclosure], disclosure_id: int) -> StoredDisclosure | None:
    """The newest disclosure along the supersession chain from ``disclosure_id`` (None if not superseded)."""
    seen, current = {disclosure_id}, by_id.get(disclosure_id)
    newest = None
    while current is not None and current.superseded_by is not None and current.superseded_by not in seen:
        seen.add(current.superseded_by)
        current = by_id.get(current.superseded_by)
        newest = current if current is not None and current.visible else newest
    return newest


def supplier_factor_updates(db: Database, model_code: str | None = None) -> list[FactorUpdate]:
    """Return every line of every latest inventory (or one model's) whose supplier factor has a newer version."""
    sources = supplier_factor_sources(db)
    if not sources:
        return []
    by_id = {s.id: s for s in list_supplier_disclosures(db)}
    updates = []
    for row in store.list_inventories(db):
        if model_code is not None and row["model_code"] != model_code:
            continue
        inventory = store.load_inventory(db, row["model_code"], row["period"])
        for line_no, line in enumerate(inventory.lines, start=1):
            source = sources.get(line.factor_ref or "")
            newer = _newest(by_id, source["disclosure_id"]) if source else None
            if newer is None:
                continue
            old = by_id[source["disclosure_id"]]
            updates.append(FactorUpdate(
                model_code=row["model_code"], period=row["period"], line_no=line_no, activity=line.activity,
                factor_id=source["factor_id"], basis=source["basis"], disclosure_id=old.id,
                old_version=_version(old), newer_id=newer.id, newer_version=_version(newer)))
    return updates


def _adopt_target(model_code, period, factor_id, set_id="", lang="en", result=None) -> str:
    return f"{model_code} {period} {factor_id} r{result}"


@writes(Action.USE_SUPPLIER_FACTOR, target=_adopt_target)
def adopt_supplier_update(db: Database, principal: Principal, model_code: str, period: str, factor_id: str,
                          set_id: str = "", lang: str = "en") -> int:
    """Adopt the newer version of the supplier factor ``factor_id`` in one inventory; return the new revision.

    Builds the factor from the newest superseding disclosure (same basis) in a new set copied from the
    inventory's set (``set_id``, or ``<set>-s<disclosure id>``), and saves one revision through
    ``save_edited_inventory`` whose lines that used ``factor_id`` point to the new factor and whose factor set is
    the new one; nothing else changes. The comment names both disclosure versions. One transaction; editor
    role. Raises ``PermissionDenied`` for another organisation's inventory, ``NotFound`` if no line of that inventory has an update for ``factor_id``.
    """
    require_member(principal, store.load_product(db, model_code).org_id)
    updates = [u for u in supplier_factor_updates(db, model_code) if u.period == period and u.factor_id == factor_id]
    if not updates:
        raise NotFound(what=Msg("supfactor.what"), ident=f"{model_code} {period} {factor_id}")
    first = updates[0]
    inventory = store.load_inventory(db, model_code, period)
    newer = _stored(db, first.newer_id)
    taken = [s.set_id for s in store.list_factor_sets(db)]
    set_id = set_id or _free_id(f"{inventory.factor_set_id}"[:60] + f"-s{newer.id}", taken)
    base = store.load_factor_set(db, inventory.factor_set_id)
    made = supplier_factor_set(newer, first.basis, base, set_id, f"{base.name_zh}（供应商更新 #{newer.id}）",
                               f"{base.name_en or base.set_id} (supplier update #{newer.id})", taken=taken)
    store.save_factor_set(db, principal, made)
    new_id = _record(db, principal, newer, first.basis, made)
    affected = {u.line_no for u in updates}
    lines = [line.model_copy(update={"factor_ref": new_id}) if n in affected else line
             for n, line in enumerate(inventory.lines, start=1)]
    comment = (f"采用供应商新版碳足迹：{first.old_version} → {first.newer_version}（第 "
               f"{', '.join(map(str, sorted(affected)))} 行）。 Adopted the supplier's newer footprint: "
               f"{first.old_version} -> {first.newer_version} (lines {', '.join(map(str, sorted(affected)))}).")
    return save_edited_inventory(db, principal, inventory.model_copy(update={"factor_set_id": made.set_id}),
                                 model_code, inventory.period, lines, comment=comment, lang=lang)


def _free_id(stem: str, taken) -> str:
    taken, candidate, n = set(taken), stem, 1
    while candidate in taken:
        n += 1
        candidate = f"{stem}-{n}"
    return candidate
