"""The SQLite store: append-only revisions, factor sets, snapshots (``store.db``), its schema
history (``store.migrations``) and seeding with the shipped data (``store.seed``)."""

from cfp_core.store.db import (  # noqa: F401
    DEFAULT_DB,
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
    now,
    open_db,
    save_factor_set,
    save_inventory,
    save_organisation,
    save_product,
    write_transaction,
)
from cfp_core.store.seed import is_seeded, load_portfolio_file, seed_database  # noqa: F401
