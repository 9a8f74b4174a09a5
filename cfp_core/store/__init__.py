"""The SQLite store: append-only revisions, factor sets, snapshots (``store.db``), its schema
history (``store.migrations``) and append-only triggers (``store.immutability``), seeding with the shipped data (``store.seed``), the audit log
(``store.audit``), members and their roles (``store.members``), the checked, audited writes
(``store.writes``), the disclosure server's API clients (``store.api_clients``) and its own small
database of PCF requests and callbacks (``store.exchange``), production volumes and reduction targets
(``store.volumes``)."""

from cfp_core.store.api_clients import (  # noqa: F401
    ApiClient,
    authenticate_client,
    create_api_client,
    list_api_clients,
    load_api_client,
    revoke_api_client,
)
from cfp_core.store.audit import audit_subjects, list_audit_events, record  # noqa: F401
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
from cfp_core.store.exchange import (  # noqa: F401
    PcfRequest,
    exchange_path,
    list_pcf_requests,
    load_pcf_request,
    open_exchange,
    open_readonly,
)
from cfp_core.store.members import Member, bootstrap, has_members, list_members, newcomer, principal_for, set_member  # noqa: F401
from cfp_core.store.seed import is_seeded, load_portfolio_file, seed_database  # noqa: F401
from cfp_core.store.volumes import (  # noqa: F401
    PORTFOLIO,
    ReductionTarget,
    TargetRejected,
    VolumeEntry,
    VolumeRejected,
    current_targets,
    current_volumes,
    save_target,
    save_volumes,
    volume_revisions,
)
from cfp_core.store.writes import (  # noqa: F401
    save_bom_mappings,
    save_factor_set,
    save_inventory,
    save_organisation,
    save_product,
    save_settings,
)
