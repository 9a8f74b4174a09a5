"""Trends in plain words and as files: the activity-vs-factor split as one sentence, and the trends export.

The sentence states the change of the total in % of the earlier period and how many percentage points of it
came from changed activity data and from changed emission factors (the two effects of
``trends.decompose_change``, each divided by the earlier total). The method is named by the page in a
footnote (``trends.method``), never in the sentence.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from cfp_core.analysis.charts import chart_pdf, chart_png
from cfp_core.analysis.compare import frame_csv
from cfp_core.analysis.trends import Decomposition
from cfp_core.i18n import t
from cfp_core.numbers import fmt_number

TINY = 1e-12
EXPORT_SIZE = {"width": 720, "height": 400}  # a file has no page to stretch to
EXPORT_COLUMNS = {"model_label": "label.model", "period": "label.period", "total_kg_co2e": "trends.export.total",
                  "change_kg_co2e": "trends.change", "change_pct": "trends.change_pct",
                  "factor_set_id": "label.factor_set", "illustrative": "label.illustrative"}


def _points(value: float) -> str:
    return fmt_number(abs(value), 2)


def change_shares(decomposition: Decomposition) -> tuple[float, float, float] | None:
    """Return (change %, activity points, factor points) relative to the earlier total; None if it is zero."""
    base = decomposition.total_a
    if abs(base) < TINY:
        return None
    return (decomposition.change / base * 100, decomposition.activity_effect / base * 100,
            decomposition.factor_effect / base * 100)


def change_sentence(decomposition: Decomposition, lang: str = "zh") -> str:
    """Return the split as a sentence, e.g. "Of the 6.27 % fall from 2023 to 2025, 4.10 points came from changed
    activity data and 2.17 from changed emission factors." (points of the earlier period's total)."""
    a, b = decomposition.period_a, decomposition.period_b
    shares = change_shares(decomposition)
    if shares is None:
        return t("trends.sentence.no_base", lang, a=a, b=b)
    change, activity, factor = shares
    if abs(decomposition.change) < TINY:
        return t("trends.sentence.flat", lang, a=a, b=b)
    direction = "fall" if change < 0 else "rise"
    same = all(x * change >= 0 or abs(x) < TINY for x in (activity, factor))
    if same:
        return t(f"trends.sentence.{direction}", lang, a=a, b=b, pct=_points(change), activity=_points(activity),
                 factor=_points(factor))
    return t(f"trends.sentence.{direction}_mixed", lang, a=a, b=b, pct=_points(change), activity=_points(activity),
             factor=_points(factor),
             activity_way=t(f"trends.sentence.way.{'down' if activity < 0 else 'up'}", lang),
             factor_way=t(f"trends.sentence.way.{'down' if factor < 0 else 'up'}", lang))


def trends_export_frame(trend: pd.DataFrame, lang: str = "zh") -> pd.DataFrame:
    """Return ``trend_frame`` as the export shows it: localized headers, change in % of the previous period."""
    frame = trend[list(EXPORT_COLUMNS)].assign(
        illustrative=trend["illustrative"].map(lambda v: t("label.yes" if v else "label.no", lang)))
    return frame.rename(columns={c: t(k, lang) for c, k in EXPORT_COLUMNS.items()})


def trends_csv(trend: pd.DataFrame, lang: str = "zh") -> bytes:
    """Return the trends export as CSV (UTF-8 with BOM; every text cell neutralised against formulas)."""
    return frame_csv(trends_export_frame(trend, lang))


def export_png(chart: alt.TopLevelMixin) -> bytes:
    """Return a chart as a PNG file of a readable fixed size (``EXPORT_SIZE``)."""
    return chart_png(chart.properties(**EXPORT_SIZE))


def export_pdf(chart: alt.TopLevelMixin) -> bytes:
    """Return a chart as a one-page PDF of a readable fixed size (``EXPORT_SIZE``)."""
    return chart_pdf(chart.properties(**EXPORT_SIZE))
