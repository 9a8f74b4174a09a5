"""Published worked examples, fed through the CSV template with their own factors, reproduce their results.

Sources and the exact quotations are in tests/data/worked_examples/README.md. Tolerances are half
a unit of the last digit each source printed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from cfp_core import calculate_footprint
from cfp_core.cli import cli
from cfp_core.io import templates
from cfp_core.library import gwp_sets, reference_factor_sets

EXAMPLES = Path(__file__).resolve().parents[1] / "data" / "worked_examples"
PUBLISHED = {  # file: (published total, tolerance, the line as published)
    "carbon_trust_petrol_2016.csv": (466.2, 0.05, (200.0, "L", 2.331, "CO2e")),
    "carbon_trust_natural_gas_2008.csv": (185.0, 0.5, (1000.0, "kWh", 0.185, "CO2")),
}


def test_every_example_file_is_checked_and_documented():
    files = {p.name for p in EXAMPLES.glob("*.csv")}
    assert files == set(PUBLISHED)
    readme = (EXAMPLES / "README.md").read_text(encoding="utf-8")
    assert all(name in readme for name in files)


@pytest.mark.parametrize("name", sorted(PUBLISHED))
def test_template_carries_the_published_activity_and_factor(name):
    [inventory] = templates.read_inventory_file((EXAMPLES / name).read_bytes(), name)
    [line] = inventory.lines
    amount, unit, value, gas = PUBLISHED[name][2]
    assert (line.amount, line.unit, line.custom_factor.value, line.custom_factor.gas) == (amount, unit, value, gas)
    assert line.factor_ref is None and line.custom_factor.source


@pytest.mark.parametrize("gwp", ["AR4", "AR5", "AR6"])
@pytest.mark.parametrize("name", sorted(PUBLISHED))
def test_core_reproduces_the_published_total(name, gwp):
    [inventory] = templates.read_inventory_file((EXAMPLES / name).read_bytes(), name)
    footprint = calculate_footprint(inventory, reference_factor_sets()["cn-cfp-2024"], gwp_sets()[gwp])
    total, tolerance, _ = PUBLISHED[name]
    assert footprint.total_kg_co2e == pytest.approx(total, abs=tolerance)
    assert footprint.stage("production").kg_co2e == footprint.total_kg_co2e


@pytest.mark.parametrize("name", sorted(PUBLISHED))
def test_cli_reproduces_the_published_total(name, tmp_path, monkeypatch):
    monkeypatch.setenv("CFP_DB_PATH", str(tmp_path / "none.db"))
    result = CliRunner().invoke(cli, ["footprint", str(EXAMPLES / name), "--format", "json"])
    assert result.exit_code == 0, result.output
    total, tolerance, _ = PUBLISHED[name]
    assert json.loads(result.output)["total_kg_co2e"] == pytest.approx(total, abs=tolerance)
