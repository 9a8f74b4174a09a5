"""Files in and out: inventory templates (CSV/xlsx) and suppliers' PACT footprint files."""

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
    import_inventories,
    inventory_rows,
    read_inventory_file,
    read_inventory_rows,
    template_bytes,
    write_inventory_file,
)
