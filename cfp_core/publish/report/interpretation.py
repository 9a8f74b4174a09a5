"""The report's sensitivity analysis and interpretation sections (ISO 14067:2018 6.6 and clause 7, #12.9). Pure.

The numbers come from ``analysis.sensitivity`` (the core computes; this module only words and formats
them with ``cfp_core.numbers``); the interpretation reads the hotspots, the sensitivity, the
uncertainty and the data quality in plain language.
"""

from __future__ import annotations

import math

from cfp_core.analysis.sensitivity import Sensitivity, sensitivity
from cfp_core.i18n import t
from cfp_core.numbers import fmt_delta, fmt_number, fmt_percent, plain, signed_percent
from cfp_core.publish.disclosure import Disclosure
from cfp_core.publish.report.analysis import assumptions_and_limitations, hotspots, share_of_total
from cfp_core.publish.report.clause7 import sentence_sep
from cfp_core.publish.report.uncertainty import uncertainty

TORNADO_LINES = 5


def study_sensitivity(d: Disclosure) -> Sensitivity:
    """Return the core's sensitivity analysis of the disclosed footprint (factor ±10 %, vintage, allocation)."""
    return sensitivity(d.lines, d.total_kg_co2e, d.boundary.allocation_rule)


def _step(s: Sensitivity) -> str:
    return fmt_percent(s.step, 0)


def sensitivity_section(d: Disclosure, lang: str, s: Sensitivity | None = None) -> dict:
    """Tornado rows of the top lines, the range with every factor at ±x %, the vintage cases and allocation."""
    s = s or study_sensitivity(d)
    widest = s.swings[0].swing if s.swings and s.swings[0].swing else 1.0
    tornado = [{"no": x.line_no, "bar": fmt_number(100 * x.swing / widest, 1), "activity": x.activity, "kg": fmt_number(x.kg_co2e, 4),
                "low": fmt_number(x.low_total, 4), "high": fmt_number(x.high_total, 4),
                "swing": fmt_number(x.swing, 4), "share": fmt_percent(x.share)} for x in s.swings[:TORNADO_LINES]]
    return {
        "intro": t("report.study.sens.intro", lang, step=_step(s), shown=min(TORNADO_LINES, len(s.swings)),
                   count=len(s.swings)),
        "step": _step(s), "tornado": tornado,
        "range": t("report.study.sens.range", lang, step=_step(s), low=fmt_number(s.low_total, 4),
                   high=fmt_number(s.high_total, 4), total=fmt_number(s.total_kg_co2e, 4)),
        "vintage": _vintage_rows(s, lang), "vintage_text": _vintage_text(s, lang),
        "allocation": _allocation_text(s, lang),
    }


def _vintage_rows(s: Sensitivity, lang: str) -> list[dict]:
    rows = [{"vintage": _join(s.vintage_base), "total": fmt_number(s.total_kg_co2e, 4), "delta": "—", "change": "—",
             "note": t("report.study.sens.vintage_study", lang)}] if s.vintages else []
    for case in s.vintages:
        factors = ", ".join(dict.fromkeys(f"{fid} ({plain(value)})" for _, fid, value in case.replaced))
        note = t("report.study.sens.vintage_used", lang, factors=factors, lines=_join(n for n, _, _ in case.replaced))
        if case.kept:
            note += " " + t("report.study.sens.vintage_kept", lang, lines=_join(case.kept))
        rows.append({"vintage": str(case.vintage), "total": fmt_number(case.total_kg_co2e, 4),
                     "delta": fmt_delta(case.delta), "change": signed_percent(case.change), "note": note})
    return rows


def _vintage_text(s: Sensitivity, lang: str) -> str:
    if not s.electricity_lines and not s.electricity_outside_library:
        return t("report.study.sens.vintage_no_lines", lang)
    if not s.electricity_lines:
        return t("report.study.sens.vintage_outside", lang, lines=_join(s.electricity_outside_library))
    if not s.vintages:
        return t("report.study.sens.vintage_none", lang, lines=_join(s.electricity_lines), vintage=_join(s.vintage_base))
    return t("report.study.sens.vintage_text", lang, lines=_join(s.electricity_lines), vintage=_join(s.vintage_base))


def _allocation_text(s: Sensitivity, lang: str) -> str:
    a = s.allocation
    if a.status == "not_applicable":
        return t("report.study.sens.allocation_na", lang)
    lines = t("report.study.sens.allocation_lines", lang, lines=_join(a.lines)) if a.lines else ""
    return sentence_sep(lang).join(filter(None, [t("report.study.sens.allocation_stated", lang), lines,
                                  t("report.gap", lang, what=t("report.study.item.allocation_data", lang))]))


def _join(numbers) -> str:
    return ", ".join(str(n) for n in numbers)


def interpretation(d: Disclosure, lang: str, s: Sensitivity | None = None) -> list[tuple[str, str]]:
    """Plain-language reading of the result: hotspots, sensitivity, uncertainty, data quality, limitations."""
    s = s or study_sensitivity(d)
    return [
        (t("report.study.interp.hotspots", lang), _hotspot_text(d, lang)),
        (t("report.study.interp.sensitivity", lang), _sensitivity_text(s, lang)),
        (t("report.study.interp.uncertainty", lang), _uncertainty_text(d, lang)),
        (t("report.study.interp.quality", lang), _quality_text(d, lang)),
        (t("report.study.interp.limitations", lang),
         t("report.study.interp.limitations_text", lang, count=len(assumptions_and_limitations(d)), gwp=d.gwp_set)),
    ]


def _hotspot_text(d: Disclosure, lang: str) -> str:
    top = hotspots(d)
    if not top or not d.total_kg_co2e:
        return t("report.study.interp.no_result", lang)
    biggest = max(d.stages, key=lambda x: x.kg_co2e)
    lines = t("report.list_sep", lang).join(
        t("report.study.interp.hotspot_line", lang, no=x.line_no, activity=x.activity,
          share=share_of_total(d, x.kg_co2e)) for x in top)
    return t("report.study.interp.hotspots_text", lang, lines=lines, count=len(top),
             share=share_of_total(d, math.fsum(x.kg_co2e for x in top)),
             stage=t(f"stage.{biggest.stage.value}", lang), stage_share=fmt_percent(biggest.share))


def _sensitivity_text(s: Sensitivity, lang: str) -> str:
    if not s.swings or not s.total_kg_co2e:
        return t("report.study.interp.no_result", lang)
    top = s.swings[0]
    parts = [t("report.study.interp.sens_top", lang, step=_step(s), no=top.line_no,
               low=fmt_number(top.low_total, 4), high=fmt_number(top.high_total, 4),
               change=fmt_percent(top.share / 2)),
             t("report.study.interp.sens_all", lang, step=_step(s), low=fmt_number(s.low_total, 4),
               high=fmt_number(s.high_total, 4))]
    for case in s.vintages:
        parts.append(t("report.study.interp.sens_vintage", lang, vintage=case.vintage,
                       total=fmt_number(case.total_kg_co2e, 4), change=signed_percent(case.change)))
    if not s.vintages:
        parts.append(_vintage_text(s, lang))
    parts.append(t(f"report.study.interp.allocation_{s.allocation.status}", lang))
    return sentence_sep(lang).join(parts)


def _uncertainty_text(d: Disclosure, lang: str) -> str:
    u = uncertainty(d)
    if u.method == "none":
        return t("report.study.interp.uncertainty_none", lang)
    return t("report.study.interp.uncertainty_text", lang, low=fmt_number(u.low, 4), high=fmt_number(u.high, 4),
             coverage=fmt_percent(u.coverage))


def _quality_text(d: Disclosure, lang: str) -> str:
    q = d.data_quality
    text = t("report.study.interp.primary", lang, share=fmt_percent(q.primary_data_share))
    sep = sentence_sep(lang)
    names = ("reliability", "completeness", "temporal", "geographical", "technological")
    if q.technological_dqr is None:
        return text + sep + t("report.gap", lang, what=t("report.item.pedigree", lang))
    scores = t("report.list_sep", lang).join(f"{t(f'report.dqr.{n}', lang)} {fmt_number(getattr(q, f'{n}_dqr'), 2)}"
                                              for n in names)
    worst = max(names, key=lambda n: getattr(q, f"{n}_dqr"))
    return text + sep + t("report.study.interp.dqr", lang, scores=scores, coverage=fmt_percent(q.dqr_coverage),
                          worst=t(f"report.dqr.{worst}", lang))
