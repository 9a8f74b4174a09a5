"""Charts of the management view (altair, no streamlit): actual footprints stacked by stage per year, the
straight-line target path from baseline to target year, and the actual totals as labelled points.

Stage colours are ``charts.STAGE_COLORS`` (as on every other page); the path is a dashed dark line and its
goal a diamond, colours no stage uses.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from cfp_core.analysis.management import TargetView
from cfp_core.charts import FONT, stage_color_scale
from cfp_core.i18n import t
from cfp_core.models import STAGES
from cfp_core.numbers import kg

PATH_COLOR = "#222222"


def actual_vs_target_chart(stages: pd.DataFrame, view: TargetView | None, unit: str, lang: str = "zh",
                           title: str | None = None) -> alt.LayerChart:
    """Stacked stage bars of the actuals per year (``management.stage_frame``), the total of each year as a
    labelled point and, with ``view``, the target path (dashed) ending in the goal (diamond)."""
    order = [s.value for s in STAGES]
    bars_data = stages.assign(year=stages["year"].astype(int), stage_rank=stages["stage"].map(order.index))
    totals = (bars_data.groupby("year", as_index=False)["value"].sum()
              .assign(label=lambda f: f["value"].map(kg)))
    path = view.path.assign(year=view.path["year"].astype(int)) if view is not None else pd.DataFrame(
        columns=["year", "value"])
    years = sorted(set(bars_data["year"]) | set(path["year"]))
    x = alt.X("year:O", title=t("mgmt.year", lang), scale=alt.Scale(domain=years), axis=alt.Axis(labelAngle=0))
    bars = alt.Chart(bars_data).mark_bar(opacity=0.85).encode(
        x=x, y=alt.Y("value:Q", title=unit, stack="zero"),
        color=alt.Color("stage_label:N", scale=stage_color_scale(lang), title=t("label.stage", lang),
                        legend=alt.Legend(labelLimit=320)),
        order=alt.Order("stage_rank:Q"),
        tooltip=[alt.Tooltip("year:O", title=t("mgmt.year", lang)),
                 alt.Tooltip("stage_label:N", title=t("label.stage", lang)),
                 alt.Tooltip("value:Q", title=unit, format=",.4f")])
    points = alt.Chart(totals).mark_point(filled=True, color=PATH_COLOR, size=60).encode(
        x=x, y="value:Q", tooltip=[alt.Tooltip("year:O", title=t("mgmt.year", lang)),
                                    alt.Tooltip("value:Q", title=t("mgmt.actual", lang), format=",.4f")])
    text = alt.Chart(totals).encode(x=x, y="value:Q", text="label:N")
    labels = [text.mark_text(dy=-14, fontSize=11, stroke="white", strokeWidth=4, strokeJoin="round"),  # a halo
              text.mark_text(dy=-14, fontSize=11, color=PATH_COLOR)]
    layers = [bars, points]
    if view is not None and not path.empty:
        path_data = path.assign(label=t("mgmt.target_path", lang))
        layers.append(alt.Chart(path_data).mark_line(strokeDash=[6, 4], color=PATH_COLOR).encode(
            x=x, y="value:Q", tooltip=[alt.Tooltip("year:O", title=t("mgmt.year", lang)),
                                       alt.Tooltip("value:Q", title=t("mgmt.target_path", lang), format=",.4f")]))
        goal = path_data.tail(1)
        layers.append(alt.Chart(goal).mark_point(shape="diamond", filled=True, size=120, color=PATH_COLOR).encode(
            x=x, y="value:Q", tooltip=[alt.Tooltip("value:Q", title=t("mgmt.goal", lang), format=",.4f")]))
    layers += labels  # over the path line: the halo keeps the total readable where the line crosses it
    return alt.layer(*layers, title=title or "").properties(width="container").configure(font=FONT)
