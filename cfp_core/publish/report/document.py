"""CFP study report (GB/T 24067-2024 / ISO 14067:2018) from a ``Disclosure``: HTML and A4 PDF, zh and en.

The structure follows the WS-TPS-48-900A third-party report: cover, summary, goal and scope
(declared unit, boundary, allocation, cut-off, assumptions), data quality, inventory, results with
a stage chart, uncertainty, improvement suggestions, factor sources and verification. Content
comes from ``report_sections``; the Jinja2 template autoescapes every value.
"""

from __future__ import annotations

import base64
from datetime import date
from functools import cache
from pathlib import Path

import altair as alt
import jinja2
import pandas as pd
from markupsafe import Markup

from cfp_core.charts import FONT, stage_color_scale
from cfp_core.frames import stage_label, stage_order
from cfp_core.i18n import normalise_lang, t
from cfp_core.numbers import fmt_percent
from cfp_core.publish.disclosure import Disclosure
from cfp_core.publish.report.sections import report_context, unit_label
from cfp_core.publish.report.uncertainty import Uncertainty, uncertainty

TEMPLATES = Path(__file__).resolve().parent / "templates"
PDF_FONT = "Noto Sans CJK SC"

__all__ = ["Uncertainty", "report_html", "report_pdf", "stage_chart", "stage_chart_png", "uncertainty"]


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True,
    )


def stage_chart(disclosure: Disclosure, lang: str = "zh") -> alt.Chart:
    """Horizontal bars of kgCO2e per stage in report order, labelled with value and share."""
    frame = pd.DataFrame([
        {"stage_label": stage_label(s.stage.value, lang), "kg_co2e": s.kg_co2e,
         "label": f"{s.kg_co2e:,.4f}  ({fmt_percent(s.share)})"}
        for s in disclosure.stages
    ], columns=["stage_label", "kg_co2e", "label"])
    order = [label for label in stage_order(lang) if label in set(frame["stage_label"])]
    base = alt.Chart(frame, title=t("report.chart.title", lang)).encode(
        y=alt.Y("stage_label:N", sort=order, title=None, axis=alt.Axis(labelLimit=220)),
        x=alt.X("kg_co2e:Q", title=t("report.chart.axis", lang, unit=unit_label(disclosure.product.declared_unit, lang))),
    )
    bars = base.mark_bar(cornerRadiusEnd=2).encode(
        color=alt.Color("stage_label:N", scale=stage_color_scale(lang), legend=None))
    labels = base.mark_text(align="left", dx=4, fontSize=11, color="#1f2933").encode(text="label:N")
    height = 34 * max(len(frame), 1)
    return ((bars + labels).properties(width=430, height=height)
            .configure(font=FONT).configure_view(stroke=None)
            .configure_axis(labelFontSize=12, titleFontSize=11, grid=False)
            .configure_title(fontSize=13, anchor="start", color="#0b3d5c"))


def stage_chart_png(disclosure: Disclosure, lang: str = "zh") -> bytes:
    """Return the stage chart as PNG bytes (vl-convert, 2× scale, CJK-capable system font)."""
    import vl_convert

    return vl_convert.vegalite_to_png(stage_chart(disclosure, lang).to_dict(), scale=2)


def report_html(disclosure: Disclosure, lang: str = "zh", *, generated_on: date | None = None) -> str:
    """Return the full report as a standalone HTML document (stylesheet and chart embedded).

    Every value from the disclosure is HTML-escaped by the template.
    """
    lang = normalise_lang(lang)
    context = report_context(disclosure, lang, generated_on or date.today())
    template = _environment().get_template("report.html")
    return template.render(
        **context, tr=lambda key, **params: t(key, lang, **params),
        gap_prefix=t("report.gap", lang, what=""),
        css=Markup((TEMPLATES / "report.css").read_text(encoding="utf-8")),
        chart=base64.b64encode(stage_chart_png(disclosure, lang)).decode("ascii"),
    )


def report_pdf(disclosure: Disclosure, lang: str = "zh", *, generated_on: date | None = None) -> bytes:
    """Return the report as an A4 PDF (weasyprint) with the CJK font "Noto Sans CJK SC" embedded."""
    from weasyprint import HTML

    html = report_html(disclosure, lang, generated_on=generated_on)
    return HTML(string=html, base_url=str(TEMPLATES)).write_pdf()
