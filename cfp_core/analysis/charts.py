"""Charts of the analysis pages (altair, no streamlit): model stacks, waterfall, trends, decomposition.

Stage colours come from ``charts.STAGE_COLORS``; the waterfall colours increases vermillion,
decreases green and totals grey; the decomposition uses a purple/orange pair that no stage uses.
"""

from __future__ import annotations

import math

import altair as alt
import pandas as pd
import vl_convert

from cfp_core.analysis.trends import EFFECTS
from cfp_core.charts import FONT, stacked_stage_chart
from cfp_core.frames import stage_order
from cfp_core.i18n import t
from cfp_core.numbers import kg, signed_percent

MAX_CHART_MODELS = 40  # more bars than this are unreadable; the table keeps every model
MAX_LABELLED_MODELS = 6  # data labels on the trend chart up to this many lines
WATERFALL_COLORS = {"total": "#9E9E9E", "increase": "#D55E00", "decrease": "#009E73"}
EFFECT_COLORS = {"activity": "#5D3A9B", "factor": "#E66100"}


def limit_models(long_frame: pd.DataFrame, limit: int = MAX_CHART_MODELS) -> tuple[pd.DataFrame, int, int]:
    """Return the rows of the first ``limit`` models of a long comparison frame, and (shown, total) counts."""
    models = list(dict.fromkeys(long_frame["model"]))
    kept = set(models[:limit])
    return long_frame[long_frame["model"].isin(kept)], len(kept), len(models)


def model_stage_chart(long_frame: pd.DataFrame, lang: str = "zh", title: str | None = None) -> alt.Chart:
    """Stacked horizontal bars: one bar per model (in frame order), stacked by stage in report order.

    ``long_frame`` comes from ``analysis.compare_models_long``; models beyond ``MAX_CHART_MODELS``
    are left out (see ``limit_models``).
    """
    shown, _, _ = limit_models(long_frame)
    return stacked_stage_chart(shown, "model_label", t("label.model", lang), lang, title=title)


def waterfall_domain(frame: pd.DataFrame) -> tuple[float, float]:
    """The x range of a waterfall: the running total's range with a margin, so changes of 1–2 kg on a
    ~100 kg total are wide enough to see. Starts at zero when the changes are large against the totals."""
    steps = frame[frame["kind"] != "total"]
    values = [*frame.loc[frame["kind"] == "total", "end"], *steps["start"], *steps["end"]]
    low, high = min(values), max(values)
    margin = max(high - low, abs(high) * 0.01) * 0.25
    step = 10 ** math.floor(math.log10(margin * 4)) if margin > 0 else 1.0  # a round number to start from
    start = math.floor((low - margin) / step) * step
    return (0.0 if start <= 0 or start < 0.5 * high else float(start), high + margin)


def waterfall_chart(frame: pd.DataFrame, lang: str = "zh", title: str | None = None) -> alt.Chart:
    """Horizontal waterfall from ``analysis.waterfall_frame``: totals grey, increases vermillion, decreases green.

    The x axis spans ``waterfall_domain`` (not always from zero; the page says so); bars are clipped to it.
    """
    unit = t("unit.kgco2e", lang)
    kinds = list(WATERFALL_COLORS)
    return (
        alt.Chart(frame, title=title or "")
        .mark_bar(clip=True)
        .encode(
            y=alt.Y("label:N", sort=list(frame.sort_values("order")["label"]), title=None,
                    axis=alt.Axis(labelLimit=320)),
            x=alt.X("start:Q", title=unit, scale=alt.Scale(domain=list(waterfall_domain(frame)), zero=False)),
            x2="end:Q",
            color=alt.Color("kind_label:N", title=None,
                            scale=alt.Scale(domain=[t(f"analysis.waterfall.{k}", lang) for k in kinds],
                                            range=[WATERFALL_COLORS[k] for k in kinds])),
            tooltip=[alt.Tooltip("label:N", title=t("label.factor", lang)),
                     alt.Tooltip("amount:Q", title=unit, format="+,.4f"),
                     alt.Tooltip("end:Q", title=t("label.total", lang), format=",.4f")],
        )
        .configure(font=FONT)
    )


def trend_chart(trend: pd.DataFrame, lang: str = "zh", title: str | None = None) -> alt.LayerChart:
    """Lines with points: total footprint per model over periods (from ``analysis.trend_frame``).

    With at most ``MAX_LABELLED_MODELS`` models each point carries its value above it and its % change
    against the model's previous period below it (none for a model's first period). Real data take the
    first colours and solid lines; demo data are dashed.
    """
    unit = t("unit.kgco2e", lang)
    data = trend.assign(value_label=trend["total_kg_co2e"].map(kg),
                        change_label=trend["change_pct"].map(lambda p: signed_percent(p / 100) if p == p else ""))
    base = alt.Chart(data)
    x = alt.X("period:O", title=t("label.period", lang), sort="ascending", axis=alt.Axis(labelAngle=0))
    order = list(dict.fromkeys(data.sort_values(["illustrative", "model"])["model_label"]))  # real data first
    color = alt.Color("model_label:N", title=t("label.model", lang), sort=order, scale=alt.Scale(domain=order),
                      legend=alt.Legend(labelLimit=320))
    dash = alt.StrokeDash("illustrative:N", legend=None,  # demo data dashed, real data solid
                          scale=alt.Scale(domain=[False, True], range=[[1, 0], [5, 3]]))
    lines = base.mark_line(point=True).encode(
        x=x, y=alt.Y("total_kg_co2e:Q", title=unit), color=color, strokeDash=dash,
        tooltip=[alt.Tooltip("model_label:N", title=t("label.model", lang)),
                 alt.Tooltip("period:O", title=t("label.period", lang)),
                 alt.Tooltip("total_kg_co2e:Q", title=unit, format=",.4f"),
                 alt.Tooltip("change_label:N", title=t("trends.change_pct", lang))],
    )
    layers = [lines]
    if trend["model"].nunique() <= MAX_LABELLED_MODELS:
        layers += [base.mark_text(dy=-12, fontSize=11).encode(x=x, y="total_kg_co2e:Q", text="value_label:N",
                                                              color=color),
                   base.mark_text(dy=14, fontSize=10, fontStyle="italic").encode(
                       x=x, y="total_kg_co2e:Q", text="change_label:N", color=color)]
    return alt.layer(*layers, title=title or "").configure(font=FONT)


def decomposition_chart(long_frame: pd.DataFrame, lang: str = "zh", title: str | None = None) -> alt.Chart:
    """Grouped horizontal bars per stage: activity effect vs factor effect (from ``trends.decomposition_long``)."""
    unit = t("unit.kgco2e", lang)
    labels = [t(f"trends.effect.{e}", lang) for e in EFFECTS]
    return (
        alt.Chart(long_frame, title=title or "")
        .mark_bar()
        .encode(
            y=alt.Y("stage_label:N", sort=stage_order(lang), title=None, axis=alt.Axis(labelLimit=320)),
            yOffset=alt.YOffset("effect_label:N", sort=labels),
            x=alt.X("kg_co2e:Q", title=unit),
            color=alt.Color("effect_label:N", title=None,
                            scale=alt.Scale(domain=labels, range=[EFFECT_COLORS[e] for e in EFFECTS])),
            tooltip=[alt.Tooltip("stage_label:N", title=t("label.stage", lang)),
                     alt.Tooltip("effect_label:N", title=t("trends.method", lang)),
                     alt.Tooltip("kg_co2e:Q", title=unit, format="+,.4f")],
        )
        .configure(font=FONT)
    )


def chart_png(chart: alt.Chart, scale: float = 2) -> bytes:
    """Return the chart rendered as PNG bytes (vl-convert; needs a CJK font for Chinese labels)."""
    return vl_convert.vegalite_to_png(chart.to_dict(), scale=scale)


def chart_pdf(chart: alt.Chart) -> bytes:
    """Return the chart rendered as a one-page PDF (vl-convert; vector text, needs a CJK font for Chinese)."""
    return vl_convert.vegalite_to_pdf(chart.to_dict())
