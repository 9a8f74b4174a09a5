"""DataFrames -> altair charts. One colour per stage across the whole app. No streamlit.

Chart builders take the frames of ``cfp_core.frames``/``analysis`` and a language.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from cfp_core.frames import stage_label, stage_order
from cfp_core.i18n import t
from cfp_core.models import STAGES

# One colour per stage, everywhere (colour-blind-safe Okabe–Ito palette).
STAGE_COLORS: dict[str, str] = {
    "raw_material_acquisition": "#0072B2",
    "raw_material_transport": "#56B4E9",
    "production": "#E69F00",
    "distribution": "#009E73",
    "use": "#CC79A7",
    "end_of_life": "#7F7F7F",
}
FONT = "Noto Sans CJK SC, WenQuanYi Micro Hei, sans-serif"


def stage_color_scale(lang: str) -> alt.Scale:
    """Return the ordinal colour scale mapping localized stage labels to stage colours."""
    return alt.Scale(domain=stage_order(lang), range=[STAGE_COLORS[s.value] for s in STAGES])


def stage_bar_chart(stage_frame: pd.DataFrame, lang: str = "zh", title: str | None = None) -> alt.Chart:
    """Horizontal bar of ``kg_co2e`` by stage in report order, with share tooltips."""
    unit = t("unit.kgco2e", lang)
    return (
        alt.Chart(stage_frame, title=title or "")
        .mark_bar()
        .encode(
            y=alt.Y("stage_label:N", sort=stage_order(lang), title=None, axis=alt.Axis(labelLimit=320)),  # whole en labels
            x=alt.X("kg_co2e:Q", title=unit),
            color=alt.Color("stage_label:N", scale=stage_color_scale(lang), legend=None),
            tooltip=[alt.Tooltip("stage_label:N", title=t("label.stage", lang)),
                     alt.Tooltip("kg_co2e:Q", title=unit, format=",.4f"),
                     alt.Tooltip("share:Q", title=t("label.share", lang), format=".2%")],
        )
        .configure(font=FONT)
    )


def stacked_stage_chart(frame: pd.DataFrame, category: str, category_title: str, lang: str = "zh",
                        title: str | None = None, value: str = "kg_co2e") -> alt.Chart:
    """Stacked horizontal bars: one bar per ``category`` value, stacked by stage colour.

    ``frame`` needs columns ``category``, ``stage`` and ``value``.
    """
    data = frame.assign(stage_label=[stage_label(s, lang) for s in frame["stage"]],
                        stage_rank=[[x.value for x in STAGES].index(s) for s in frame["stage"]])
    unit = t("unit.kgco2e", lang)
    return (
        alt.Chart(data, title=title or "")
        .mark_bar()
        .encode(
            y=alt.Y(f"{category}:N", title=category_title, sort=None, axis=alt.Axis(labelLimit=320)),  # whole codes
            x=alt.X(f"{value}:Q", title=unit, stack="zero"),
            # below the bars: a side legend taller than two bars was clipped (usability walk)
            color=alt.Color("stage_label:N", scale=stage_color_scale(lang), title=t("label.stage", lang),
                            legend=alt.Legend(orient="bottom", direction="horizontal", columns=3, labelLimit=320)),
            order=alt.Order("stage_rank:Q"),
            tooltip=[alt.Tooltip(f"{category}:N", title=category_title),
                     alt.Tooltip("stage_label:N", title=t("label.stage", lang)),
                     alt.Tooltip(f"{value}:Q", title=unit, format=",.4f")],
        )
        .configure(font=FONT)
    )
