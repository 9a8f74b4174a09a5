"""The factor library: shipped reference data (``reference``), tools to browse, compare and derive
factor sets (``tools``), one factor entered by hand (``one_factor``), their words (``labels``) and
factor-set CSV import (``csv_import``)."""

from cfp_core.library.csv_import import (  # noqa: F401
    CONFIDENCES,
    check_new_set,
    factor_csv_template,
    known_gases,
    read_factor_set_csv,
)
from cfp_core.library.labels import (  # noqa: F401
    confidence_label,
    diff_rows,
    factor_name,
    factor_provenance,
    option_label,
    product_label,
    provenance_link,
    publisher_label,
    region_label,
    safe_url,
    set_description,
    set_label,
    summary_line,
)
from cfp_core.library.one_factor import BOUNDARIES, FACTOR_FIELDS, FactorRejected, add_factor  # noqa: F401
from cfp_core.library.reference import (  # noqa: F401
    DATA_DIR,
    FACTOR_DIR,
    factor_from_row,
    gwp_sets,
    read_csv_rows,
    reference_factor_sets,
    reference_factors,
    source_document_title,
)
from cfp_core.library.tools import (  # noqa: F401
    FRAME_COLUMNS,
    PROVISIONAL,
    SHOWN_COLUMNS,
    create_custom_set,
    diff_factor_sets,
    diff_summary,
    editable_values,
    factor_columns,
    factor_filter_options,
    factor_frame,
    factor_set_families_warning,
    values_from_frame,
)
