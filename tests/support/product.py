"""Product data a PACT export needs beyond the seed report: the entered carbon content (#12.5).

The seed report states neither the product mass nor the carbon content; tests that export PACT enter
both, as a user would on the product form.
"""

CARBON = {"fossil_carbon_kg": 2.5, "biogenic_carbon_kg": 0.0}


def as_of_2024(disclosure):
    """The same disclosure with its reference period moved to 2024: PACT v2.3 refuses 2025-on periods
    without land-use-change and biogenic fields, which this tool does not record (#12.7)."""
    from datetime import date

    from cfp_core.models import ReportingPeriod

    period = ReportingPeriod(label="2024", start=date(2024, 1, 1), end=date(2024, 12, 31))
    return disclosure.model_copy(update={"period": period})
