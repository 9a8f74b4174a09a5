"""Which pages each role sees in the navigation (a convenience: the core checks every write)."""

from __future__ import annotations

from cfp_core.access import Role

EVERYONE = frozenset(Role)

# group, page file, title key, icon, roles that see it (any of)
TABLE = (
    ("view", "overview", "nav.overview", ":material/dashboard:", EVERYONE),
    ("view", "compare_models", "nav.compare_models", ":material/compare:", EVERYONE),
    ("view", "compare_factors", "nav.compare_factors", ":material/difference:", EVERYONE),
    ("view", "trends", "nav.trends", ":material/trending_down:", EVERYONE),
    ("view", "management", "nav.management", ":material/flag:", EVERYONE),
    ("view", "explain", "nav.explain", ":material/account_tree:", EVERYONE),
    ("data", "products", "nav.products", ":material/edit_note:", {Role.EDITOR}),
    ("data", "suppliers", "nav.suppliers", ":material/local_shipping:", {Role.EDITOR}),
    ("data", "supplier_directory", "nav.supplier_directory", ":material/contacts:", {Role.EDITOR}),
    ("data", "supplier_connections", "nav.supplier_connections", ":material/cable:", {Role.EDITOR, Role.ADMIN}),
    ("data", "factors", "nav.factors", ":material/library_books:", {Role.EDITOR}),
    ("data", "publish", "nav.publish", ":material/ios_share:", {Role.EDITOR, Role.APPROVER}),
    ("admin", "members", "nav.members", ":material/group:", {Role.ADMIN}),
    ("admin", "settings", "nav.settings", ":material/settings:", {Role.ADMIN}),
    ("admin", "api_clients", "nav.api_clients", ":material/key:", {Role.ADMIN}),
    ("admin", "audit", "nav.audit", ":material/history:", {Role.ADMIN, Role.APPROVER}),
)


def visible(roles) -> list[tuple]:
    """The rows of ``TABLE`` a principal holding ``roles`` sees, in order."""
    held = set(roles)
    return [row for row in TABLE if held & set(row[4])]
