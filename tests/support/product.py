"""Product data a PACT export needs beyond the seed report: the entered carbon content (#12.5).

The seed report states neither the product mass nor the carbon content; tests that export PACT enter
both, as a user would on the product form.
"""

CARBON = {"fossil_carbon_kg": 2.5, "biogenic_carbon_kg": 0.0}
