"""Analysis: compare models, factor versions and periods; hotspots; charts. The pages' explain,
reconcile, overview, supplier, audit-log and management views are the submodules ``explain``, ``reconcile``,
``overview``, ``suppliers`` (with ``supplier_groups``: by part, and ``supplier_export``: CSV/xlsx, and
``supplier_service``: the one door of the page and the CLI), ``audit``
and ``management``."""

from cfp_core.analysis import (  # noqa: F401
    audit,
    declared,
    explain,
    management,
    overview,
    reconcile,
    supplier_export,
    supplier_groups,
    supplier_service,
    suppliers,
)
from cfp_core.analysis.charts import (  # noqa: F401
    chart_pdf,
    chart_png,
    decomposition_chart,
    limit_models,
    model_stage_chart,
    trend_chart,
    waterfall_chart,
    waterfall_domain,
)
from cfp_core.analysis.compare import (  # noqa: F401
    TOTAL,
    WIDE_TABLE_MODELS,
    compare_models,
    compare_models_csv,
    compare_models_long,
    compare_models_rows,
    comparison_table,
    decomposition_headlines,
    factor_headlines,
    frame_csv,
    headline_metrics,
    per_unit_values,
)
from cfp_core.analysis.factor_compare import (  # noqa: F401
    FactorComparison,
    attribution_frame,
    attribution_table,
    biggest_mover,
    compare_factor_sets,
    factor_comparison_of,
    factor_set_label,
    factor_stage_frame,
    waterfall_frame,
)
from cfp_core.analysis.hotspots import hotspot_table, suggestions  # noqa: F401
from cfp_core.analysis.management_charts import actual_vs_target_chart  # noqa: F401
from cfp_core.analysis.management_inputs import management_inputs  # noqa: F401
from cfp_core.analysis.trend_story import (  # noqa: F401
    change_sentence,
    export_pdf,
    export_png,
    trends_csv,
    trends_export_frame,
)
from cfp_core.analysis.trends import (  # noqa: F401
    Decomposition,
    any_illustrative_inventory,
    decompose_change,
    decomposition_long,
    decomposition_table,
    leading_models,
    model_label,
    trend_frame,
)
from cfp_core.analysis.views import (  # noqa: F401
    OPENING_MODELS,
    PERCENT_PREFIX,
    PICKER_LIMIT,
    any_illustrative,
    column_formats,
    comparison_unit,
    index_factor_sets,
    index_products,
    models_in_period,
    models_with_data,
    narrow_options,
    periods_of,
    pick,
    pick_many,
)
