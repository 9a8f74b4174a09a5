"""The management view's inputs from the store's materialised results (#13): no inventory is loaded.

``service.trend_inputs`` loads and recalculates every inventory (111 s for the page at 10,000 models × 3
periods); ``management_inputs`` reads ``service.portfolio_rows`` (each inventory's latest revision under
its own factor set, the numbers equal to ``calculate_footprint``'s bit for bit) and one payload per
distinct period label for the year a target speaks of.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import NamedTuple

from sqlite_utils import Database

from cfp_core import service
from cfp_core.models import STAGES, LifecycleStage
from cfp_core.store import memo


class StageValue(NamedTuple):  # 210,000 of them at 10,000 models: a frozen dataclass took 0.7 s to build
    """One stage's kgCO2e per declared unit."""

    stage: LifecycleStage
    kg_co2e: float


class PortfolioPoint(NamedTuple):
    """What ``management.weighted_frame`` reads of a footprint: model, total and every stage in report order."""

    model_code: str
    total_kg_co2e: float
    stages: tuple[StageValue, ...]


@dataclass(frozen=True)
class ManagementInputs:
    """``points`` [(period, PortfolioPoint)], ``years`` {period label: start year}, any demo inventory."""

    points: list[tuple[str, PortfolioPoint]]
    years: dict[str, int]
    illustrative: bool


@memo.by_version(copy=lambda found: ManagementInputs(list(found.points), dict(found.years), found.illustrative))
def management_inputs(db: Database) -> ManagementInputs:
    """Return every stored model and period's footprint (latest revision, own set), the period years and
    whether any inventory is demo data. Raises the first inventory's calculation error, as the single path.
    Memoised by the store's version (``store.memo``)."""
    rows = service.portfolio_rows(db)
    problem = next((row["problem"] for row in rows if row["problem"] is not None), None)
    if problem is not None:
        raise problem
    points = [(row["period"], PortfolioPoint(row["model_code"], row["total_kg_co2e"], tuple(
        StageValue(stage, row[column]) for stage, column in _STAGE_COLUMNS))) for row in rows]
    return ManagementInputs(points=points, years=period_years(db, {row["period"] for row in rows}),
                            illustrative=any(row["illustrative"] for row in rows))


_STAGE_COLUMNS = tuple((s, f"kg_{s.value}") for s in STAGES)


def period_years(db: Database, labels) -> dict[str, int]:
    """``{period label: year of its start}``, from one stored revision per label."""
    years = {}
    for label in sorted(labels):
        payload = db.execute("select payload from inventory_revisions where period = ? limit 1", [label]).fetchone()
        years[label] = int(json.loads(payload[0])["period"]["start"][:4])
    return years
