"""The report's content, section by section, as plain strings and rows for the HTML template. Pure.

Numbers are formatted here (4 decimals in tables); the template only lays them out and escapes
every value. Anything missing becomes a named gap ("未提供：产品质量 / Not provided: product mass").
"""

from __future__ import annotations

from datetime import date

from cfp_core.charts import STAGE_COLORS
from cfp_core.i18n import has, t
from cfp_core.models import STAGES
from cfp_core.numbers import fmt_number, fmt_percent, kg, plain
from cfp_core.publish.disclosure import Disclosure, product_rule
from cfp_core.publish.report.analysis import (
    assumptions_and_limitations,
    data_actions,
    hotspots,
    improvement_suggestions,
    share_of_total,
    source_breakdown,
)
from cfp_core.publish.report.clause7 import (
    data_collection,
    electricity_rows,
    fmt_date,
    fuel_parameters,
    product_and_process,
    value_choices,
)
from cfp_core.publish.report.interpretation import interpretation, sensitivity_section, study_sensitivity
from cfp_core.publish.report.uncertainty import uncertainty


def gap(item: str, lang: str) -> str:
    """Return the named-gap text for a missing item ("Not provided: product mass")."""
    return t("report.gap", lang, what=t(f"report.item.{item}", lang))


def unit_label(unit: str, lang: str) -> str:
    """Return the localized unit label (台, 千瓦时 …), or the symbol if there is none."""
    return t(f"unit.{unit}", lang) if has(f"unit.{unit}") else unit


def _name(zh: str, en: str, lang: str) -> str:
    return zh if lang == "zh" or not en else en


def _stage(stage: str, lang: str) -> str:
    return t(f"stage.{stage}", lang)


def cover(d: Disclosure, lang: str, generated_on: date) -> dict:
    """Cover page facts: product, model, producer, report number, verifier, date, basis."""
    v = d.verification
    return {
        "product": _name(d.product.name_zh, d.product.name_en, lang), "model": d.product.model_code,
        "producer": _name(d.organisation.name_zh, d.organisation.name_en, lang),
        "address": d.organisation.address or gap("address", lang),
        "report_number": (v.report_number if v and v.report_number else gap("report_number", lang)),
        "verifier": v.verifier if v else (t("report.cover.recalculated", lang) if d.recalculated
                                          else gap("verification", lang)),
        "date_label": t("report.cover.verified_on" if v and v.verified_on else "report.cover.generated_on", lang),
        "date": fmt_date(v.verified_on if v and v.verified_on else generated_on, lang),
        "generated_on": fmt_date(generated_on, lang),
        "period": t("report.period_range", lang, start=fmt_date(d.period.start, lang),
                    end=fmt_date(d.period.end, lang)),
        "standards": " / ".join(d.standards) or gap("standards", lang),
        "pcr": product_rule(d.product) or t("report.cover.pcr_none", lang),
        "factor_set": f"{_name(d.factor_set_name_zh, d.factor_set_name_en, lang)} ({d.factor_set_id})",
        "gwp": d.gwp_set, "revision": d.inventory_revision, "hash": d.inventory_hash[:16] or "—",
        "declared_unit": declared_unit(d, lang), "illustrative": d.illustrative,
    }


def declared_unit(d: Disclosure, lang: str) -> str:
    """Return "1 台" / "1 piece" for the declared unit."""
    return f"{d.product.declared_unit_amount:g} {unit_label(d.product.declared_unit, lang)}"


def stage_rows(d: Disclosure, lang: str) -> list[dict]:
    """One row per quantified stage: label, kgCO2e (4 decimals), share, colour."""
    return [{"label": _stage(s.stage.value, lang), "kg": fmt_number(s.kg_co2e, 4), "share": fmt_percent(s.share),
             "color": STAGE_COLORS[s.stage.value]} for s in d.stages]


def summary(d: Disclosure, lang: str) -> dict:
    """Summary: stage table, total, functional unit and boundary statements."""
    product = _name(d.product.name_zh, d.product.name_en, lang)
    stages = t("report.list_sep", lang).join(_stage(s.value, lang) for s in d.boundary.included_stages)
    return {
        "rows": stage_rows(d, lang), "total": fmt_number(d.total_kg_co2e, 4),
        "unit": t("unit.per_declared_unit", lang, unit=unit_label(d.product.declared_unit, lang)),
        "statements": [
            t("report.summary.unit", lang, product=product, model=d.product.model_code, unit=declared_unit(d, lang)),
            t("report.summary.boundary", lang, boundary=t(f"boundary.{d.boundary.boundary.value}", lang),
              stages=stages),
            t("report.summary.result", lang, product=product, model=d.product.model_code,
              total=fmt_number(d.total_kg_co2e, 4), unit=unit_label(d.product.declared_unit, lang)),
        ],
    }


def scope(d: Disclosure, lang: str) -> dict:
    """Goal and scope: goal, declared unit, boundary table, allocation, cut-off, limitations, method."""
    product = _name(d.product.name_zh, d.product.name_en, lang)
    mass = d.product.product_mass_kg
    b = d.boundary
    return {
        "goal": t("report.scope.goal", lang, product=product, model=d.product.model_code,
                  standards=" / ".join(d.standards)),
        "unit": t("report.scope.unit", lang, unit=declared_unit(d, lang), product=product, model=d.product.model_code),
        "mass": t("report.scope.mass", lang, mass=fmt_number(mass, 4)) if mass else gap("product_mass", lang),
        "boundary": t(f"boundary.{b.boundary.value}", lang),
        "boundary_rows": boundary_rows(d, lang),
        "allocation": b.allocation_rule or gap("allocation", lang),
        "cutoff": b.cutoff_rule or gap("cutoff", lang),
        "exempted": t("report.scope.exempted", lang, percent=fmt_number(b.exempted_percent, 2)),
        "limitations": [m.render(lang) for m in assumptions_and_limitations(d)],
        "method": t("report.scope.method", lang, gwp=d.gwp_set),
        "formula": t("report.scope.formula", lang, gwp=d.gwp_set),  # clause 7: how every line recomputes (#12.9)
        "gases": _gases(d, lang),
        "carbon": _carbon(d, lang),
    }


def _carbon(d: Disclosure, lang: str) -> str:
    """The product's carbon content per declared unit, or the named gap (never a 0 nobody assessed)."""
    fossil, biogenic = d.product.fossil_carbon_kg, d.product.biogenic_carbon_kg
    if fossil is None:
        return gap("carbon_content", lang)
    return t("report.scope.carbon", lang, fossil=fmt_number(fossil, 4),
             biogenic=gap("biogenic_carbon", lang) if biogenic is None else f"{fmt_number(biogenic, 4)} kg C")


def _gases(d: Disclosure, lang: str) -> str:
    """The GHG list: gases characterised here, and a note for factors published already in CO2e."""
    found = {f.unit_label.split("/")[0].removeprefix("kg") for f in d.factor_sources}
    text = t("report.scope.gases", lang, gases=", ".join(sorted(found - {"CO2e"})) or "—")
    return text + (" " + t("report.scope.gases_co2e", lang) if "CO2e" in found else "")


def boundary_rows(d: Disclosure, lang: str) -> list[dict]:
    """Per stage: included or not, the processes included (activity lines) and those excluded, with reasons."""
    rows = []
    for stage in STAGES:
        included = [line.activity for line in d.lines if line.stage == stage]
        excluded = [
            t("report.boundary.reason", lang, process=_name(e.process_zh, e.process_en, lang),
              reason=_name(e.reason_zh, e.reason_en, lang)) if e.reason_zh or e.reason_en
            else _name(e.process_zh, e.process_en, lang)
            for e in d.boundary.excluded if e.stage == stage]
        status = ("report.boundary.included" if stage in d.boundary.included_stages and included
                  else "report.boundary.not_quantified" if stage in d.boundary.included_stages
                  else "report.boundary.excluded")
        rows.append({"stage": _stage(stage.value, lang), "status": t(status, lang),
                     "included": included or ["—"], "excluded": excluded or ["—"],
                     "color": STAGE_COLORS[stage.value]})
    return rows


def quality(d: Disclosure, lang: str) -> dict:
    """Data quality: primary-data share, source breakdown, pedigree DQRs (or a named gap), data sources."""
    q = d.data_quality
    dqrs = [(t(f"report.dqr.{name}", lang), getattr(q, f"{name}_dqr"))
            for name in ("reliability", "completeness", "temporal", "geographical", "technological")]
    return {
        "primary": fmt_percent(q.primary_data_share),
        "breakdown": [{"source": t(f"source.{s}", lang), "kg": fmt_number(kg, 4), "share": fmt_percent(share)}
                      for s, kg, share in source_breakdown(d)],
        "dqrs": [{"label": label, "value": fmt_number(v, 2)} for label, v in dqrs if v is not None],
        "dqr_gap": None if q.technological_dqr is not None else gap("pedigree", lang),
        "coverage": fmt_percent(q.dqr_coverage),
        "sources": t("report.quality.sources", lang, set_name=_name(d.factor_set_name_zh, d.factor_set_name_en, lang),
                     version=d.factor_set_version, count=len(d.factor_sources)),
    }


def _amount(line) -> str:
    """The amount as the source document printed it (as written), else the entered amount (4 decimals)."""
    return plain(line.printed_amount) if line.printed_amount is not None else fmt_number(line.amount, 4)


def unrounded_notes(d: Disclosure, lang: str) -> list[str]:
    """One sentence per line whose result is calculated from another amount than the one printed."""
    return [t("report.inventory.unrounded", lang, no=line.line_no, printed=plain(line.printed_amount),
              amount=plain(line.amount), unit=unit_label(line.unit, lang),
              at_printed=kg(line.kg_co2e * line.printed_amount / line.amount), kg=kg(line.kg_co2e))
            for line in d.lines if line.printed_amount is not None and line.printed_amount != line.amount and line.amount]


def inventory(d: Disclosure, lang: str) -> dict:
    """Activity data: one row per line (amounts as the source printed them) and the public notes."""
    rows = [{
        "no": line.line_no, "stage": _stage(line.stage.value, lang), "activity": line.activity,
        "amount": _amount(line), "unit": unit_label(line.unit, lang),
        "factor": fmt_number(line.factor_value, 4), "factor_unit": line.factor_unit,
        "source": t(f"source.{line.data_source}", lang), "kg": fmt_number(line.kg_co2e, 4),
        "color": STAGE_COLORS[line.stage.value],
    } for line in d.lines]
    notes = [(line.line_no, line.note) for line in d.lines if line.note]
    return {"rows": rows, "notes": notes, "total": fmt_number(d.total_kg_co2e, 4), "unrounded": unrounded_notes(d, lang)}


def results(d: Disclosure, lang: str) -> dict:
    """Results per stage plus the separately reported quantities (ISO 14067 7.2)."""
    unit = t("unit.per_declared_unit", lang, unit=unit_label(d.product.declared_unit, lang))
    separate = [
        (t("report.results.cradle_to_gate", lang), f"{fmt_number(d.cradle_to_gate_kg_co2e, 4)} {unit}"),
        (t("report.results.fossil", lang), f"{fmt_number(d.fossil_kg_co2e, 4)} {unit}"),
        (t("report.results.biogenic", lang), f"{fmt_number(d.biogenic_kg_co2e, 4)} {unit}"),
        (t("report.results.dluc", lang), t("report.not_assessed", lang)),
        (t("report.results.aircraft", lang), t("report.not_assessed", lang)),
    ]
    return {"rows": stage_rows(d, lang), "total": fmt_number(d.total_kg_co2e, 4), "unit": unit,
            "separate": separate}


def uncertainty_section(d: Disclosure, lang: str) -> dict:
    """Pedigree-based uncertainty (GSD, 95 % range) or a qualitative statement that scores are missing."""
    u = uncertainty(d)
    if u.method == "none":
        return {"quantified": False, "text": t("report.uncertainty.none", lang), "gap": gap("pedigree", lang)}
    activity = {line.line_no: line.activity for line in d.lines}
    return {
        "quantified": True,
        "text": t(f"report.uncertainty.{u.method}", lang, coverage=fmt_percent(u.coverage), runs=f"{u.runs:,}",
                  seed=u.seed, factors=u.factor_draws),
        "facts": [
            (t("report.uncertainty.range", lang), f"{fmt_number(u.low, 4)} – {fmt_number(u.high, 4)}"),
            (t("report.uncertainty.median", lang), fmt_number(u.median, 4)),
            (t("report.uncertainty.mean", lang), fmt_number(u.mean, 4)),
            (t("report.uncertainty.gsd", lang), f"{fmt_number(u.gsd, 3)} (GSD² = {fmt_number(u.gsd95, 3)})"),
        ],
        "lines": [{"no": x.line_no, "activity": activity[x.line_no], "kg": fmt_number(x.kg_co2e, 4),
                   "basic": fmt_number(x.basic_u, 2), "sigma": fmt_number(x.sigma, 4),
                   "gsd": fmt_number(x.gsd, 3)} for x in u.lines],
    }


def factor_sources(d: Disclosure, lang: str) -> list[dict]:
    """One row per factor used: name, publisher, document, version/vintage, date, URL, value (gaps named)."""
    return [{
        "name": _name(f.name_zh, f.name_en, lang), "id": f.factor_id,
        "publisher": f.publisher_name(lang) or gap("publisher", lang),
        "document": f.document(lang) or gap("document", lang),
        "version": str(f.vintage) if f.vintage else gap("vintage", lang),
        "date": f.publication_date or gap("publication_date", lang),
        "url": f.source_url, "url_gap": "" if f.source_url else gap("url", lang),
        "value": f"{fmt_number(f.value, 6)} {f.unit_label}",
        "confidence": t(f"report.confidence.{f.confidence}", lang) if has(f"report.confidence.{f.confidence}")
        else f.confidence,
    } for f in d.factor_sources]


def verification(d: Disclosure, lang: str) -> dict:
    """Third-party verification facts, or a named gap."""
    v = d.verification
    if v is None and d.recalculated is not None:
        r = d.recalculated
        return {"rows": [], "gap": t("report.verification.recalculated", lang, verifier=r.verifier,
                                     report=r.report_number or "—", total=kg(r.verified_total_kg_co2e),
                                     factor_set=r.verified_factor_set_id, gwp=r.verified_gwp_set,
                                     now_set=d.factor_set_id, now_gwp=d.gwp_set, now_total=kg(d.total_kg_co2e))}
    if v is None:
        return {"rows": [], "gap": gap("verification", lang)}
    rows = [(t("report.verification.verifier", lang), v.verifier),
            (t("report.verification.number", lang), v.report_number or gap("report_number", lang)),
            (t("report.verification.date", lang), fmt_date(v.verified_on, lang) or gap("verified_on", lang)),
            (t("report.verification.standard", lang), v.standard)]
    rows += [(t("report.verification.reviewer", lang), reviewer) for reviewer in v.reviewers]
    return {"rows": rows, "gap": ""}


def report_context(d: Disclosure, lang: str, generated_on: date) -> dict:
    """Return everything the template renders, in the reader's language."""
    sensitivity = study_sensitivity(d)
    return {
        "choices": value_choices(d, lang), "product": product_and_process(d, lang),
        "collection": data_collection(d, lang), "fuels": fuel_parameters(d, lang),
        "electricity": electricity_rows(d, lang), "sensitivity": sensitivity_section(d, lang, sensitivity),
        "interpretation": interpretation(d, lang, sensitivity),
        "lang": lang, "cover": cover(d, lang, generated_on), "summary": summary(d, lang), "scope": scope(d, lang),
        "quality": quality(d, lang), "inventory": inventory(d, lang), "results": results(d, lang),
        "uncertainty": uncertainty_section(d, lang),
        "hotspots": [{"no": x.line_no, "activity": x.activity, "stage": _stage(x.stage.value, lang),
                      "kg": fmt_number(x.kg_co2e, 4), "share": share_of_total(d, x.kg_co2e)} for x in hotspots(d)],
        "suggestions": [m.render(lang) for m in improvement_suggestions(d)],
        "data_actions": [m.render(lang) for m in data_actions(d)],
        "sources": factor_sources(d, lang), "verification": verification(d, lang),
    }
