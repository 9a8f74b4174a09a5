"""The SQLite store: append-only revisions, factor sets, snapshots (``store.db``), its schema
history (``store.migrations``), seeding with the shipped data (``store.seed``), the audit log
(``store.audit``) and the checked, audited writes (``store.writes``)."""

from cfp_core.store.audit import list_audit_events, record  # noqa: F401
from cfp_core.store.db import (  # noqa: F401
    DEFAULT_DB,
    bom_mappings,
    canonical_json,
    content_hash,
    db_path,
    inventory_revisions,
    known_factor_ids,
    latest_revision,
    list_factor_sets,
    list_inventories,
    list_organisations,
    list_periods,
    list_products,
    load_factor_set,
    load_inventory,
    load_organisation,
    load_product,
    load_settings,
    now,
    open_db,
    write_transaction,
)
from cfp_core.store.seed import is_seeded, load_portfolio_file, seed_database  # noqa: F401
from cfp_core.store.writes import (  # noqa: F401
    save_bom_mappings,
    save_factor_set,
    save_inventory,
    save_organisation,
    save_product,
    save_settings,
)
