"""cfp_core: the pure-Python core of the product carbon footprint (CFP) dashboard.

It turns per-unit activity data into a footprint under a versioned emission-factor set
(GB/T 24067-2024 / ISO 14067:2018). It never imports streamlit.
"""

from cfp_core.calculate import Footprint, LineResult, StageResult, calculate_footprint
from cfp_core.errors import CfpError
from cfp_core.factors import EmissionFactor, FactorSet, GwpSet
from cfp_core.models import (
    STAGES,
    ActivityLine,
    DataSourceType,
    Inventory,
    LifecycleStage,
    Organisation,
    ProductModel,
    ReportingPeriod,
)

__version__ = "0.1.0"

__all__ = [
    "STAGES", "ActivityLine", "CfpError", "DataSourceType", "EmissionFactor", "FactorSet",
    "Footprint", "GwpSet", "Inventory", "LifecycleStage", "LineResult", "Organisation",
    "ProductModel", "ReportingPeriod", "StageResult", "calculate_footprint",
]
