"""Who may do what: roles per organisation, the write actions, and the acting principal.

Every write function of the core takes the acting ``Principal`` right after the database and calls
``require(principal, Action.…)`` before it writes (``store.audit.writes`` does both and records the
write in the audit log, in the same transaction). Hiding a button is never the control.

Roles are held per organisation and combine: a one-person team holds all four.

* viewer — dashboards and cards (reads only)
* editor — data entry, imports, factor sets, supplier intake (also fetching from a supplier's PACT API and
  sending it a PCF request), requesting publication
* approver — approving or rejecting publication, withdrawing a published card, answering PCF requests
* admin — users and roles, organisation settings, API clients of the disclosure server, and the supplier
  connections (another company's credentials, like API clients: an administrator's business)
"""

from __future__ import annotations

import ipaddress
from enum import StrEnum

from pydantic import Field

from cfp_core.errors import ExposedWithoutSignIn, PermissionDenied
from cfp_core.i18n import Msg, t
from cfp_core.models import Frozen
from cfp_core.text import Identifier, ShortText


class Role(StrEnum):
    """A role a user holds in one organisation."""

    VIEWER = "viewer"
    EDITOR = "editor"
    APPROVER = "approver"
    ADMIN = "admin"


class Action(StrEnum):
    """Every kind of write the core performs (the audit log's ``action``)."""

    SAVE_PRODUCT = "save_product"
    SAVE_INVENTORY = "save_inventory"
    IMPORT_INVENTORIES = "import_inventories"
    SAVE_FACTOR_SET = "save_factor_set"
    IMPORT_SUPPLIER = "import_supplier"
    WITHDRAW_SUPPLIER = "withdraw_supplier"  # hide, retract or restore a supplier disclosure (an event)
    REQUEST_PUBLICATION = "request_publication"
    APPROVE_PUBLICATION = "approve_publication"
    REJECT_PUBLICATION = "reject_publication"
    PUBLISH = "publish"
    WITHDRAW = "withdraw"
    SAVE_ORGANISATION = "save_organisation"
    MANAGE_MEMBERS = "manage_members"
    MANAGE_API_CLIENTS = "manage_api_clients"
    ANSWER_PCF_REQUEST = "answer_pcf_request"
    SEED = "seed"
    BOOTSTRAP = "bootstrap"  # the first user of an empty workspace sets up the organisation (becomes admin)
    SAVE_BOM_MAPPING = "save_bom_mapping"  # #11: which factor a BOM material or freight mode means
    SAVE_SUPPLIER = "save_supplier"  # #10: a supplier directory entry, or which supplier and part a disclosure is
    MANAGE_SUPPLIER_CONNECTIONS = "manage_supplier_connections"  # #10.5: suppliers' PACT API credentials
    FETCH_SUPPLIER = "fetch_supplier"  # #10.5: pull footprints from a supplier, send it a PCF request
    SAVE_VOLUMES = "save_volumes"  # #13.5: production volumes per model and period (a new revision per save)
    SAVE_TARGET = "save_target"  # #13.5: a reduction target of a model or the portfolio
    SAVE_DECLARED = "save_declared"  # #12.3: a report's declared figures kept for reconciliation
    USE_SUPPLIER_FACTOR = "use_supplier_factor"  # #10.6: a supplier's footprint as a factor, adopt its newer version


PERMISSIONS: dict[Role, frozenset[Action]] = {
    Role.VIEWER: frozenset(),
    Role.EDITOR: frozenset({Action.SAVE_PRODUCT, Action.SAVE_INVENTORY, Action.IMPORT_INVENTORIES,
                            Action.SAVE_FACTOR_SET, Action.IMPORT_SUPPLIER, Action.WITHDRAW_SUPPLIER,
                            Action.REQUEST_PUBLICATION, Action.SAVE_BOM_MAPPING, Action.SAVE_SUPPLIER,
                            Action.FETCH_SUPPLIER, Action.SAVE_VOLUMES, Action.SAVE_TARGET, Action.SAVE_DECLARED,
                            Action.USE_SUPPLIER_FACTOR}),
    Role.APPROVER: frozenset({Action.APPROVE_PUBLICATION, Action.REJECT_PUBLICATION, Action.PUBLISH,
                              Action.WITHDRAW, Action.ANSWER_PCF_REQUEST}),
    Role.ADMIN: frozenset({Action.SAVE_ORGANISATION, Action.MANAGE_MEMBERS, Action.MANAGE_API_CLIENTS,
                           Action.MANAGE_SUPPLIER_CONNECTIONS, Action.SAVE_TARGET}),
}


class PrincipalKind(StrEnum):
    """How the principal was authenticated."""

    USER = "user"  # signed in through the OIDC provider
    LOCAL = "local"  # the one local admin of single-user local mode (loopback only)
    CLI = "cli"  # a named local principal running python -m cfp_core
    SYSTEM = "system"  # the shipped-data seeder


class Principal(Frozen):
    """The authenticated actor of a write: subject, organisation and the roles held there."""

    subject: ShortText = Field(min_length=1)  # OIDC ``sub`` (or "local:admin", "cli:<name>", "system")
    org_id: Identifier
    roles: frozenset[Role] = frozenset()
    kind: PrincipalKind = PrincipalKind.USER
    email: ShortText = ""
    name: ShortText = ""

    @property
    def label(self) -> str:
        """What the audit log and revision history show: name or email, and the subject."""
        shown = self.name or self.email
        return f"{shown} <{self.subject}>" if shown and shown != self.subject else self.subject

    def can(self, action: Action) -> bool:
        """Return True if one of the principal's roles allows ``action`` (the seeder may only seed)."""
        if self.kind == PrincipalKind.SYSTEM:
            return action == Action.SEED
        if action == Action.BOOTSTRAP:  # only a signed-in user, and only while nobody holds a role (checked in store)
            return self.kind == PrincipalKind.USER
        return any(action in PERMISSIONS[role] for role in self.roles)


def require(principal: Principal | None, action: Action) -> Principal:
    """Return ``principal`` if it may perform ``action``; raise ``PermissionDenied`` (localized) otherwise."""
    if not isinstance(principal, Principal):
        raise PermissionDenied(action=Msg(f"action.{action.value}"), who="—", roles="—")
    if not principal.can(action):
        raise PermissionDenied(action=Msg(f"action.{action.value}"), who=principal.label,
                               roles=RoleList(principal.roles))
    return principal


class RoleList(Msg):
    """The localized names of a set of roles ("Editor, Viewer"), or "—"."""

    def __init__(self, roles) -> None:
        super().__init__("role.viewer")
        self.roles = sorted(roles)

    def render(self, lang: str = "zh") -> str:
        return ", ".join(t(f"role.{r.value}", lang) for r in self.roles) or "—"


def require_member(principal: Principal, org_id: str) -> Principal:
    """Raise ``PermissionDenied`` unless ``principal`` acts for organisation ``org_id``.

    Roles are held per organisation: a principal writes only its own organisation's data. The
    command line (whoever runs it owns the database file) acts for every organisation.
    """
    if principal.kind != PrincipalKind.CLI and principal.org_id != org_id:
        raise PermissionDenied(action=Msg("action.other_org", org=org_id), who=principal.label,
                               roles=RoleList(principal.roles))
    return principal


ALL_ROLES = frozenset(Role)


def system_principal(org_id: str = "system") -> Principal:
    """The seeder of shipped reference and demo data (may only seed)."""
    return Principal(subject="system", org_id=org_id, kind=PrincipalKind.SYSTEM, name="seed")


def local_admin(org_id: str) -> Principal:
    """The one user of local mode (no sign-in configured, loopback only): every role."""
    return Principal(subject="local:admin", org_id=org_id, roles=ALL_ROLES, kind=PrincipalKind.LOCAL,
                     name="local admin")


def cli_principal(org_id: str, name: str = "") -> Principal:
    """The named local principal the command line acts as (every role: whoever runs it owns the database)."""
    who = name or "cli"
    return Principal(subject=f"cli:{who}", org_id=org_id, roles=ALL_ROLES, kind=PrincipalKind.CLI, name=who)


def is_loopback(address: str) -> bool:
    """Return True if a listening address is reachable only from this machine (127.0.0.0/8, ::1, localhost)."""
    host = (address or "").strip().strip("[]")
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_exposure(address: str, sign_in_configured: bool, insecure_override: bool = False) -> None:
    """Refuse to serve the workspace beyond this machine without sign-in. Raises ``ExposedWithoutSignIn``.

    ``insecure_override`` (``CFP_INSECURE_PUBLIC_DEMO=1``) is the loudly named escape for throw-away demos.
    """
    if not sign_in_configured and not insecure_override and not is_loopback(address):
        raise ExposedWithoutSignIn(address=address or "0.0.0.0")
