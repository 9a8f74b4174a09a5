"""Files in and out: inventory templates (CSV/xlsx), bills of materials, suppliers' PACT footprint files, the
supplier directory they are filed under, suppliers' PACT APIs (connections: fetch now, PCF requests and their
answers) and production volumes (``io.volumes``)."""

from cfp_core.io.bom import BomPart, BomResult, bom_lines, bom_rows, bom_template_bytes, read_bom  # noqa: F401
from cfp_core.io.connections import (  # noqa: F401
    SECRET_ENV,
    SupplierConnection,
    connection_history,
    list_connections,
    save_connection,
)
from cfp_core.io.directory import (  # noqa: F401
    Assignment,
    DirectoryProblem,
    DirectoryRejected,
    DirectorySupplier,
    SupplierPart,
    assign_disclosure,
    disclosure_assignments,
    list_suppliers,
    load_supplier,
    new_supplier_id,
    part_key,
    resolve_assignments,
    save_supplier,
    stored_assignments,
    supplier_from_form,
    supplier_history,
)
from cfp_core.io.pact_client import PullFailed  # noqa: F401
from cfp_core.io.pact_pull import FetchResult, list_fetches, pull_connection  # noqa: F401
from cfp_core.io.pact_requests import (  # noqa: F401
    SentRequest,
    import_request_answers,
    list_sent_requests,
    send_pcf_request,
    waiting_answers,
)
from cfp_core.io.supplier_store import (  # noqa: F401
    EVENT_KINDS,
    StoredDisclosure,
    disclosure_history,
    import_supplier_file,
    list_supplier_disclosures,
    mark_supplier_disclosure,
    save_supplier_disclosure,
)
from cfp_core.io.suppliers import (  # noqa: F401
    SupplierDisclosure,
    mean_dqr,
    parse_disclosure,
    read_footprints,
)
from cfp_core.io.templates import (  # noqa: F401
    IMPORT_MODES,
    import_inventories,
    inventory_rows,
    merged_inventory,
    read_inventory_file,
    read_inventory_rows,
    template_bytes,
    write_inventory_file,
)
from cfp_core.io.volumes import read_volume_file, volume_entries, volume_template_bytes  # noqa: F401
