"""Data entry: the inventory table editor, its options, the editing session and revisions."""

from cfp_core.editor.allocation import (  # noqa: F401
    Allocation,
    ModelOutput,
    PlantQuantity,
    allocate,
    explain,
    write_allocation,
)
from cfp_core.editor.boundary import coverage_frame, edited_boundary, excluded_frame, save_boundary  # noqa: F401
from cfp_core.editor.cells import amount_text, parse_amount  # noqa: F401
from cfp_core.editor.diff import DIFF_COLUMNS, diff_revisions  # noqa: F401
from cfp_core.editor.importing import (  # noqa: F401
    PREVIEW_COLUMNS,
    ImportChange,
    import_preview,
    preview_frame,
    restore_revision,
)
from cfp_core.editor.options import (  # noqa: F401
    custom_factor_label,
    data_source_options,
    factor_choices,
    factor_label,
    factor_options,
    stage_options,
    unit_label,
    unit_options,
)
from cfp_core.editor.revisions import (  # noqa: F401
    PeriodChoice,
    copy_from_previous_period,
    default_model_code,
    default_org_id,
    drops_verification,
    edited_inventory,
    known_factor_refs,
    new_product,
    period_choices,
    previous_period,
    revision_history_frame,
    save_edited_inventory,
)
from cfp_core.editor.session import (  # noqa: F401
    EditorState,
    Review,
    draft_of,
    draft_table,
    editor_frame,
    editor_state,
    has_unsaved_edits,
    review_edits,
)
from cfp_core.editor.supplier_factor import (  # noqa: F401
    FactorUpdate,
    SupplierFactorRefused,
    adopt_supplier_update,
    create_supplier_factor,
    supplier_factor_fields,
    supplier_factor_set,
    supplier_factor_updates,
)
from cfp_core.editor.table import (  # noqa: F401
    COLUMN_LABELS,
    EDITOR_COLUMNS,
    ORIGIN,
    Preview,
    RowIssue,
    column_label,
    frame_to_lines,
    lines_to_frame,
    numbered_lines,
    preview_footprint,
    row_issue,
)
