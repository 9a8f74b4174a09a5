"""Files in and out: inventory templates (CSV/xlsx), bills of materials, suppliers' PACT footprint files and
production volumes (``io.volumes``)."""

from cfp_core.io.bom import BomPart, BomResult, bom_lines, bom_rows, bom_template_bytes, read_bom  # noqa: F401
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
