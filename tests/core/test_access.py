"""Who may write what: every write function of the core × every role (allowed or PermissionDenied).

The control is in the core: a direct call with a viewer principal fails, whatever the pages show.
A write function added later without a row here fails ``test_every_write_function_is_in_the_table``.
"""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

import pytest

import cfp_core
from cfp_core import store
from cfp_core.access import (
    ALL_ROLES,
    Action,
    Principal,
    PrincipalKind,
    Role,
    cli_principal,
    local_admin,
    require,
    system_principal,
)
from cfp_core.analysis.declared import save_declared
from cfp_core.editor import (
    ModelOutput,
    PlantQuantity,
    adopt_supplier_update,
    allocate,
    create_supplier_factor,
    restore_revision,
    save_edited_inventory,
    write_allocation,
)
from cfp_core.errors import PermissionDenied
from cfp_core.io import (
    assign_disclosure,
    import_inventories,
    import_request_answers,
    mark_supplier_disclosure,
    parse_disclosure,
    save_connection,
    save_supplier,
    save_supplier_disclosure,
    supplier_from_form,
)
from cfp_core.io.pact_pull import record_fetch
from cfp_core.io.pact_requests import record_pcf_request, request_event
from cfp_core.library import reference_factor_sets
from cfp_core.models import Organisation, OrganisationSettings, ProductModel
from cfp_core.publish import (
    approve,
    fulfil_pcf_request,
    publish,
    reject,
    reject_pcf_request,
    request_publication,
    withdraw,
)

ROOT = Path(__file__).resolve().parents[2]
ORG = "weisidemu"
WS = ("WS-TPS-48-900A", "2025")
SUPPLIER = ROOT / "tests" / "data" / "suppliers" / "supplier_a_v3.json"


def member(*roles: Role, org: str = ORG) -> Principal:
    return Principal(subject=f"sub-{'-'.join(sorted(r.value for r in roles)) or 'none'}", org_id=org,
                     roles=frozenset(roles), email="user@example.test")


def _custom_set():
    base = reference_factor_sets()["cn-cfp-2024"]
    return base.with_factors("tests-custom", "测试集", [])


# (write function name, action, call(db, principal)) — every write the core performs
def _supplier_row(db, principal) -> int:
    """A stored disclosure to hide (stored only when the principal may hide it, so a refusal writes nothing)."""
    if principal is None or not principal.can(Action.WITHDRAW_SUPPLIER):
        return 1
    return save_supplier_disclosure(db, cli_principal("weisidemu", "tests"),
                                    parse_disclosure(SUPPLIER.read_bytes(), SUPPLIER.name))


WRITES = {
    "store.save_organisation": (Action.SAVE_ORGANISATION, lambda db, p: store.save_organisation(
        db, p, Organisation(org_id=ORG, name_zh="浙江威斯得姆电子有限公司", name_en="renamed"))),
    "store.save_settings": (Action.SAVE_ORGANISATION, lambda db, p: store.save_settings(
        db, p, OrganisationSettings(org_id=ORG, public_base_url="https://cfp.example.com"))),
    "store.save_product": (Action.SAVE_PRODUCT, lambda db, p: store.save_product(
        db, p, ProductModel(model_code="NEW-1", org_id=ORG, name_zh="新产品"))),
    "store.save_inventory": (Action.SAVE_INVENTORY, lambda db, p: store.save_inventory(
        db, p, store.load_inventory(db, *WS))),
    "store.save_factor_set": (Action.SAVE_FACTOR_SET, lambda db, p: store.save_factor_set(db, p, _custom_set())),
    "io.import_inventories": (Action.IMPORT_INVENTORIES, lambda db, p: import_inventories(
        db, p, [store.load_inventory(db, *WS)])),
    "io.save_supplier_disclosure": (Action.IMPORT_SUPPLIER, lambda db, p: save_supplier_disclosure(
        db, p, parse_disclosure(SUPPLIER.read_bytes(), SUPPLIER.name))),
    "io.mark_supplier_disclosure": (Action.WITHDRAW_SUPPLIER, lambda db, p: mark_supplier_disclosure(
        db, p, _supplier_row(db, p), "hidden", "typo")),
    "io.save_supplier": (Action.SAVE_SUPPLIER, lambda db, p: save_supplier(db, p, supplier_from_form(
        {"supplier_id": "sup-1", "name_zh": "华东电源", "company_ids": ["urn:uuid:4e278539-98cd-5191-9706-c1971c059924"],
         "parts": [{"name": "电池模组", "model_code": "WS-TPS-48-900A", "line_no": 1}]}))),
    "io.assign_disclosure": (Action.SAVE_SUPPLIER, lambda db, p: assign_disclosure(db, p, _supplier_row(db, p), None)),
    "editor.save_edited_inventory": (Action.SAVE_INVENTORY, lambda db, p: save_edited_inventory(
        db, p, store.load_inventory(db, *WS), WS[0], store.load_inventory(db, *WS).period,
        store.load_inventory(db, *WS).lines[:-1])),
    "editor.restore_revision": (Action.SAVE_INVENTORY, lambda db, p: restore_revision(
        db, p, *WS, _second_revision(db, p))),
    "editor.write_allocation": (Action.SAVE_INVENTORY, lambda db, p: write_allocation(db, p, allocate(
        PlantQuantity(stage="production", activity="电力", amount=100, unit="kWh", factor_ref="electricity.cn.national",
                      data_source="primary_measured"), [ModelOutput(model_code=WS[0], units=10)]),
        store.load_inventory(db, *WS).period)),
    "store.save_bom_mappings": (Action.SAVE_BOM_MAPPING, lambda db, p: store.save_bom_mappings(
        db, p, ORG, {("material", "钢"): "cpcd.41265X036"})),
    "io.save_connection": (Action.MANAGE_SUPPLIER_CONNECTIONS, lambda db, p: save_connection(
        db, p, "Supplier A", "https://pact.supplier.example", "buyer-1", secret="s3cret")),
    "io.record_fetch": (Action.FETCH_SUPPLIER, lambda db, p: record_fetch(db, p, "Supplier A", 0, [], [])),
    "io.record_pcf_request": (Action.FETCH_SUPPLIER, lambda db, p: record_pcf_request(db, p, "Supplier A", request_event(
        {"productId": ["urn:example:ws"]}, "", "https://cfp.example.com/3/events"))),
    "io.import_request_answers": (Action.FETCH_SUPPLIER, lambda db, p: import_request_answers(
        db, p, "/nonexistent/disclosure.db")),
    "store.save_volumes": (Action.SAVE_VOLUMES, lambda db, p: store.save_volumes(
        db, p, [store.VolumeEntry(model_code="WS-TPS-48-900A", period="2025", volume=1234.0)])),
    "store.save_target": (Action.SAVE_TARGET, lambda db, p: store.save_target(db, p, store.ReductionTarget(
        model_code="WS-TPS-48-900A", baseline_year=2023, target_year=2030, kind="percent", value=20.0))),
    "analysis.save_declared": (Action.SAVE_DECLARED, lambda db, p: save_declared(
        db, p, store.load_inventory(db, "WS-TPS-48-900A", "2025"), "scope,declared_kg_co2e\ntotal,93.4346\n")),
    "editor.create_supplier_factor": (Action.USE_SUPPLIER_FACTOR, lambda db, p: create_supplier_factor(
        db, p, _supplier_row(db, p), "per_unit", "cn-cfp-2024", "tests-supplier", "供应商因子")),
    "editor.adopt_supplier_update": (Action.USE_SUPPLIER_FACTOR, lambda db, p: adopt_supplier_update(
        db, p, *WS, _superseded_factor(db, p))),
    "publish.publish": (Action.PUBLISH, lambda db, p: publish(db, p, "WS-TPS-48-300A", "2025", audience="internal")),
    "publish.request_publication": (Action.REQUEST_PUBLICATION, lambda db, p: request_publication(
        db, p, "WS-TPS-48-300A", "2025", audience="internal", note="new meter")),
    "publish.approve": (Action.APPROVE_PUBLICATION, lambda db, p: approve(db, p, _review_request(db), "checked")),
    "publish.reject": (Action.REJECT_PUBLICATION, lambda db, p: reject(db, p, _review_request(db), "wrong period")),
    "store.set_member": (Action.MANAGE_MEMBERS, lambda db, p: store.set_member(
        db, p, email="new.colleague@example.test", roles=[Role.VIEWER])),
    "store.bootstrap": (Action.BOOTSTRAP, lambda db, p: store.bootstrap(
        db, p, Organisation(org_id=p.org_id if p else "x", name_zh="新公司"))),
    "publish.withdraw": (Action.WITHDRAW, lambda db, p: withdraw(db, p, _published(db), "wrong meter reading")),
    "store.create_api_client": (Action.MANAGE_API_CLIENTS, lambda db, p: store.create_api_client(
        db, p, "Telecom buyer", products=["WS-TPS-48-900A"])),
    "store.revoke_api_client": (Action.MANAGE_API_CLIENTS, lambda db, p: store.revoke_api_client(
        db, p, _client(db).client_id)),
    "publish.fulfil_pcf_request": (Action.ANSWER_PCF_REQUEST, lambda db, p: fulfil_pcf_request(
        db, p, _request(db), [_external(db)])),
    "publish.reject_pcf_request": (Action.ANSWER_PCF_REQUEST, lambda db, p: reject_pcf_request(
        db, p, _request(db), "no footprint for this product yet")),
}


def _superseded_factor(db, p) -> str:
    """A supplier factor in use whose disclosure a newer one supersedes (set up as the CLI when ``p`` may adopt)."""
    factor_id = "tests-supplier:supplier.0b9a4c1e-1111-4a1a-8a1a-000000000001.unit"
    if p is None or not p.can(Action.USE_SUPPLIER_FACTOR):
        return factor_id
    cli = cli_principal(ORG)
    old = parse_disclosure(SUPPLIER.read_bytes(), SUPPLIER.name)
    factor_id = create_supplier_factor(db, cli, save_supplier_disclosure(db, cli, old), "per_unit", "cn-cfp-2024",
                                       "tests-supplier", "供应商因子")
    inventory = store.load_inventory(db, *WS)
    line = inventory.lines[0].model_copy(update={"factor_ref": factor_id, "custom_factor": None,
                                                           "unit": "piece", "amount": 1.0})
    store.save_inventory(db, cli, inventory.model_copy(update={"lines": (*inventory.lines, line),
                                                               "factor_set_id": "tests-supplier"}))
    pf_id = "0b9a4c1e-2222-4a1a-8a1a-000000000002"
    save_supplier_disclosure(db, cli, old.model_copy(update={"pf_id": pf_id, "preceding_pf_ids": (old.pf_id,),
                                                             "raw": {**old.raw, "id": pf_id}}))
    return factor_id


def _review_request(db) -> int:
    """The open request the approve and reject cases decide (requested by someone else before the counted write)."""
    return next(iter(db.query("select max(request_id) as r from publication_requests")))["r"]


def _client(db) -> store.ApiClient:
    """The API client made before the counted write (by the command line, every role)."""
    return store.list_api_clients(db)[0]


def _external(db) -> str:
    return next(iter(db.query("select snapshot_id from published_snapshots where audience = 'customers'")))["snapshot_id"]


def _request(db) -> store.PcfRequest:
    return store.PcfRequest(request_id="req-1", event_id="evt-1", client_id=_client(db).client_id, org_id=ORG,
                            source="https://buyer.example.com", received="2026-01-05T08:00:00+00:00",
                            criteria={"productId": ["urn:example:ws"]})


def _second_revision(db, p) -> int:
    """Give the inventory a revision 2 (as the CLI) when ``p`` could restore revision 1; return 1."""
    if p is not None and p.can(Action.SAVE_INVENTORY) and p.org_id == ORG:
        inventory = store.load_inventory(db, *WS)
        store.save_inventory(db, cli_principal(ORG), inventory.model_copy(update={"lines": inventory.lines[:-1]}))
    return 1


def _published(db) -> str:
    """The snapshot the withdraw case withdraws (published before the counted write)."""
    return next(iter(db.query("select snapshot_id from published_snapshots order by created desc limit 1")))["snapshot_id"]


@pytest.fixture
def seeded_db(seeded_db, monkeypatch):
    monkeypatch.setenv("CFP_SECRET_KEY", "kpIqNuzz8S2UeW6ArPjVs7Lod9r1n5hr8PElkJlVZQo=")  # a Fernet key, tests only
    publish(seeded_db, cli_principal(ORG), "WS-TPS-48-600A", "2025", audience="internal")
    request_publication(seeded_db, cli_principal(ORG, "requester"), "WS-TPS-48-600A", "2025", audience="internal")
    store.db.put_settings(seeded_db, OrganisationSettings(org_id=ORG, four_eyes=False))  # single-step publish allowed
    publish(seeded_db, cli_principal(ORG), "WS-TPS-48-900A", "2025", audience="customers")
    store.create_api_client(seeded_db, cli_principal(ORG), "Existing buyer")
    return seeded_db
ROLE_CASES = [frozenset(), *({r} for r in Role), ALL_ROLES]


def _audit_count(db) -> int:
    return next(iter(db.query("select count(*) as n from audit_events")))["n"]


@pytest.mark.parametrize("roles", ROLE_CASES, ids=lambda r: "+".join(sorted(x.value for x in r)) or "no-role")
@pytest.mark.parametrize("name", list(WRITES))
def test_every_write_function_checks_the_role(seeded_db, name, roles):
    action, call = WRITES[name]
    principal = member(*roles)
    before = _audit_count(seeded_db)
    if principal.can(action):
        call(seeded_db, principal)
        events = store.list_audit_events(seeded_db, subject=principal.subject)
        assert events and events[0]["action"] == action.value  # audited with the real subject
    else:
        changes = seeded_db.conn.total_changes
        with pytest.raises(PermissionDenied) as denied:
            call(seeded_db, principal)
        assert seeded_db.conn.total_changes == changes and _audit_count(seeded_db) == before  # nothing written
        assert denied.value.message("zh") and denied.value.message("en") != denied.value.message("zh")


@pytest.mark.parametrize("name", list(WRITES))
def test_no_write_without_a_principal_and_none_for_another_organisation(seeded_db, name):
    _, call = WRITES[name]
    with pytest.raises(PermissionDenied):
        call(seeded_db, None)
    if name not in ("store.save_factor_set", "io.save_supplier_disclosure", "io.mark_supplier_disclosure",
                    "io.save_supplier", "io.assign_disclosure", "store.bootstrap", "store.set_member",
                    "io.save_connection", "io.record_fetch", "io.record_pcf_request", "io.import_request_answers",
                    "editor.create_supplier_factor"):
        # shared library (a supplier factor is a new set too), own intake and supplier directory; bootstrap,
        # set_member and the supplier connections write the principal's own organisation only
        with pytest.raises(PermissionDenied):
            call(seeded_db, member(*ALL_ROLES, org="other-company"))


def test_the_role_matrix():
    assert member(Role.VIEWER).can(Action.SAVE_INVENTORY) is False
    assert member(Role.EDITOR).can(Action.SAVE_INVENTORY) and not member(Role.EDITOR).can(Action.PUBLISH)
    assert member(Role.APPROVER).can(Action.WITHDRAW) and not member(Role.APPROVER).can(Action.IMPORT_INVENTORIES)
    assert member(Role.ADMIN).can(Action.MANAGE_MEMBERS) and not member(Role.ADMIN).can(Action.SAVE_PRODUCT)
    assert member(Role.EDITOR).can(Action.SAVE_VOLUMES) and not member(Role.VIEWER).can(Action.SAVE_VOLUMES)  # #13.5
    assert member(Role.ADMIN).can(Action.SAVE_TARGET) and not member(Role.ADMIN).can(Action.SAVE_VOLUMES)
    assert member(Role.EDITOR).can(Action.SAVE_TARGET) and not member(Role.APPROVER).can(Action.SAVE_TARGET)
    assert system_principal().can(Action.SEED) and not system_principal().can(Action.SAVE_INVENTORY)
    assert not any(member(r).can(Action.SEED) for r in Role)
    assert local_admin(ORG).kind == PrincipalKind.LOCAL and local_admin(ORG).roles == ALL_ROLES
    with pytest.raises(PermissionDenied, match="may not save an inventory revision"):
        require(member(Role.VIEWER), Action.SAVE_INVENTORY)


def _write_functions() -> set[str]:
    found = set()
    for info in pkgutil.walk_packages(cfp_core.__path__, "cfp_core."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if callable(value) and hasattr(value, "action") and getattr(value, "__module__", "") == info.name:
                found.add(f"{info.name}.{name}")
    return found


def test_every_write_function_is_in_the_table():
    wings = {name.rsplit(".", 1)[-1] for name in _write_functions()}
    assert wings <= {name.rsplit(".", 1)[-1] for name in WRITES}, "add the new write function to WRITES"
    assert len(_write_functions()) >= 8
