"""Clause-7 method items of the study report: value choices, product and process, data collection,
fuel conversion parameters and electricity treatment (ISO 14067:2018 clause 7, #12.9). Pure.

Everything comes from the disclosure or from the factor library's record of a factor the disclosure
names (NCV, carbon content, oxidation rate, provenance note). What neither holds is a named gap
("Not provided: …"), never a guessed value. Numbers are formatted here with ``cfp_core.numbers``.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from cfp_core import units
from cfp_core.analysis.sensitivity import electricity_factors
from cfp_core.errors import CfpError
from cfp_core.factors import CO2_PER_C, EmissionFactor, FactorFamily
from cfp_core.i18n import has, t
from cfp_core.library import publisher_label, reference_factors, source_document_title
from cfp_core.models import STAGES
from cfp_core.numbers import factor_number, fmt_number, plain
from cfp_core.publish.disclosure import DisclosedLine, Disclosure

ENERGY_UNITS = frozenset({"MJ", "GJ", "TJ"})
GENERATION_KEYS = frozenset({"coal", "gas", "hydro", "nuclear", "wind", "pv", "csp", "biomass"})
TD_KEYS = {"electricity.cn.td_incl_loss": "incl", "electricity.cn.td_excl_loss": "excl"}


def _gap(item: str, lang: str) -> str:
    return t("report.gap", lang, what=t(f"report.study.item.{item}", lang))


def fmt_date(day: date | None, lang: str) -> str:
    """Return a date as 2026年06月18日 (zh) or 2026-06-18 (en); "" for None."""
    if day is None:
        return ""
    return f"{day.year}年{day.month:02d}月{day.day:02d}日" if lang == "zh" else day.isoformat()


def sentence_sep(lang: str) -> str:
    """What joins two sentences: a space in English, nothing in Chinese (full-width stops)."""
    return "" if lang == "zh" else " "


def _sep(lang: str) -> str:
    return t("report.list_sep", lang)


def _numbers(numbers) -> str:
    return ", ".join(str(n) for n in numbers)


def value_choices(d: Disclosure, lang: str) -> list[tuple[str, str]]:
    """The study's value choices as stated in its data: GWP set and horizon, cut-off, allocation, electricity,
    boundary and factor set. A choice the data do not state is a named gap."""
    b = d.boundary
    left_out = [stage.value for stage in STAGES if stage not in b.included_stages]
    boundary = t("report.study.choice.boundary_text", lang, boundary=t(f"boundary.{b.boundary.value}", lang),
                 stages=_sep(lang).join(t(f"stage.{s}", lang) for s in left_out) or t("report.study.none", lang),
                 excluded=len(b.excluded))
    cutoff = b.cutoff_rule or _gap("cutoff", lang)
    return [
        (t("report.study.choice.gwp", lang), t("report.study.choice.gwp_text", lang, gwp=d.gwp_set)),
        (t("report.study.choice.cutoff", lang),
         cutoff + sentence_sep(lang)
         + t("report.study.choice.exempted", lang, percent=plain(b.exempted_percent))),
        (t("report.study.choice.allocation", lang), b.allocation_rule or _gap("allocation", lang)),
        (t("report.study.choice.electricity", lang), electricity_approach(d, lang)),
        (t("report.study.choice.boundary", lang), boundary),
        (t("report.study.choice.factor_set", lang),
         t("report.study.choice.factor_set_text", lang, set_id=d.factor_set_id, version=d.factor_set_version or "—")),
    ]


def product_and_process(d: Disclosure, lang: str) -> dict:
    """The product description as entered (or a named gap) and the unit processes per stage (the lines)."""
    stages = []
    for stage in d.boundary.included_stages:
        lines = [x for x in d.lines if x.stage == stage]
        if lines:
            stages.append(t("report.study.process.stage", lang, stage=t(f"stage.{stage.value}", lang),
                            lines=_sep(lang).join(t("report.study.line_ref", lang, no=x.line_no, activity=x.activity)
                                                  for x in lines)))
    return {"product": d.product.description or _gap("product_description", lang), "stages": stages,
            "process_gap": _gap("process_flow", lang)}


def data_collection(d: Disclosure, lang: str) -> list[str]:
    """What the data say about their collection: period, line counts per data-source type, transcribed
    amounts, pedigree scores; and the named gap for the procedure itself."""
    counts = Counter(x.data_source for x in d.lines)
    kinds = t("report.study.collection.sep", lang).join(t("report.study.collection.kind", lang, kind=t(f"source.{source}", lang), count=n)
                            for source, n in counts.items())
    period = t("report.period_range", lang, start=fmt_date(d.period.start, lang), end=fmt_date(d.period.end, lang))
    items = [t("report.study.collection.lines", lang, period=period, count=len(d.lines), kinds=kinds or "—")]
    printed = [x.line_no for x in d.lines if x.printed_amount is not None]
    if printed:
        items.append(t("report.study.collection.printed", lang, lines=_numbers(printed)))
    scored = [x.line_no for x in d.lines if x.pedigree is not None]
    items.append(t("report.study.collection.scored", lang, lines=_numbers(scored)) if scored
                 else t("report.study.collection.unscored", lang))
    items.append(_gap("collection_procedure", lang))
    return items


def _denominator(unit: str) -> str:
    return unit.rsplit("/", 1)[-1]


def _library() -> dict[str, EmissionFactor]:
    return reference_factors()


def fuel_lines(d: Disclosure) -> list[tuple[DisclosedLine, EmissionFactor | None]]:
    """The fuel lines: a fuel-combustion factor of the library, or a line's own per-energy factor."""
    library = _library()
    found = []
    for line in d.lines:
        factor = library.get(line.factor_id)
        if factor is not None and factor.family == FactorFamily.FUEL_COMBUSTION:
            found.append((line, factor))
        elif factor is None and (line.factor_ncv is not None or _denominator(line.factor_unit) in ENERGY_UNITS):
            found.append((line, None))
    return found


def fuel_parameters(d: Disclosure, lang: str) -> list[dict]:
    """Per fuel line: NCV, carbon content per unit energy, oxidation rate and the chain that gives its result."""
    rows = []
    for line, factor in fuel_lines(d):
        if factor is not None and factor.ncv and factor.carbon_content_tc_per_tj and factor.oxidation_rate:
            chain = _library_chain(line, factor, lang)
            rows.append(_fuel_row(line, plain(factor.ncv, 3) + f" {factor.ncv_unit}",
                                  plain(factor.carbon_content_tc_per_tj, 2), plain(factor.oxidation_rate), chain,
                                  _provenance(factor, lang), lang))
        elif factor is None and line.factor_ncv is not None:
            ncv_unit = f"{_denominator(line.factor_unit)}/{line.unit}"
            chain = t("report.study.fuel.own_chain", lang, amount=f"{plain(line.amount)} {line.unit}", ncv=plain(line.factor_ncv), ncv_unit=ncv_unit,
                      ef=factor_number(line.factor_value), unit=line.factor_unit,
                      kg=fmt_number(line.amount * line.factor_ncv * line.factor_value, 4), gas=_gas(line))
            row = _fuel_row(line, f"{plain(line.factor_ncv)} {ncv_unit}", "", "", chain,
                            t("report.study.fuel.own_factor", lang), lang)
            rows.append(row | {"cc_of_gap": _gap("carbon_oxidation", lang)})
        else:
            rows.append(_combined_row(line, factor, lang))
    return rows


def _combined_row(line: DisclosedLine, factor: EmissionFactor | None, lang: str) -> dict:
    """A fuel factor published as one combined value (no carbon content or oxidation rate): its NCV if any."""
    ncv = f"{plain(factor.ncv, 3)} {factor.ncv_unit}" if factor is not None and factor.ncv else _gap("ncv", lang)
    chain = ""
    if factor is not None:
        try:
            converted = line.amount * units.conversion_path(
                line.unit, factor.unit, factor.ncv, factor.ncv_unit, factor.density, factor.density_unit).coefficient
            chain = t("report.study.fuel.value_chain", lang, amount=f"{plain(line.amount)} {line.unit}",
                      converted=f"{plain(converted)} {factor.unit}", ef=factor_number(line.factor_value),
                      unit=line.factor_unit, kg=fmt_number(converted * line.factor_value, 4), gas=_gas(line))
        except CfpError:
            chain = t("report.study.fuel.no_chain", lang)
    source = _provenance(factor, lang) if factor else t("report.study.fuel.own_factor", lang)
    row = _fuel_row(line, ncv, "", "", chain, source, lang)
    return row | {"cc_of_gap": _gap("combined_value", lang)}


def _library_chain(line: DisclosedLine, factor: EmissionFactor, lang: str) -> str:
    """amount × NCV × CC ÷ 1000 × OF × 44/12 = result, with the amount in the NCV's unit (or in MJ)."""
    cc, of = plain(factor.carbon_content_tc_per_tj, 2), plain(factor.oxidation_rate)
    per_mj = factor.carbon_content_tc_per_tj / 1000 * factor.oxidation_rate * CO2_PER_C
    try:
        if units.dimension_of(line.unit) == "energy":
            mj = units.convert(line.amount, line.unit, "MJ")
            return t("report.study.fuel.energy_chain", lang, amount=f"{plain(mj)} MJ", cc=cc, of=of,
                     kg=fmt_number(mj * per_mj, 4), gas=_gas(line))
        denominator = _denominator(factor.ncv_unit)
        amount = line.amount * units.conversion_path(line.unit, denominator, density=factor.density,
                                                     density_unit=factor.density_unit).coefficient
    except CfpError:
        return t("report.study.fuel.no_chain", lang)
    return t("report.study.fuel.chain", lang, amount=f"{plain(amount)} {denominator}", ncv=plain(factor.ncv, 3),
             ncv_unit=factor.ncv_unit, cc=cc, of=of, kg=fmt_number(amount * factor.ncv * per_mj, 4), gas=_gas(line))


def _gas(line: DisclosedLine) -> str:
    return line.factor_unit.split("/")[0]


def _fuel_row(line: DisclosedLine, ncv: str, cc: str, of: str, chain: str, source: str, lang: str) -> dict:
    return {"no": line.line_no, "activity": line.activity, "ncv": ncv, "cc": cc, "of": of, "chain": chain,
            "factor": f"{factor_number(line.factor_value)} {line.factor_unit}", "kg": fmt_number(line.kg_co2e, 4),
            "source": source, "cc_of_gap": ""}


def _provenance(factor: EmissionFactor, lang: str) -> str:
    confidence = f"report.confidence.{factor.confidence}"
    return t("report.study.fuel.provenance", lang, publisher=publisher_label(factor.publisher, lang) or "—",
             document=source_document_title(factor.source_document, lang) or factor.source_document or "—",
             factor_id=factor.factor_id, confidence=t(confidence, lang) if has(confidence) else factor.confidence)


def electricity_rows(d: Disclosure, lang: str) -> list[dict]:
    """Per electricity line: grid average or other supply, the data-source type, T&D losses and the vintage."""
    library = _library()
    electric, outside = electricity_factors(d.lines, library)
    td = {TD_KEYS[f.key]: no for no, f in electric.items() if f.key in TD_KEYS}
    rows = []
    for line in d.lines:
        factor = electric.get(line.line_no)
        if factor is None and line.line_no not in outside:
            continue
        rows.append({
            "no": line.line_no, "activity": line.activity, "amount": f"{plain(line.amount)} {line.unit}",
            "approach": _approach(factor, lang), "source": t(f"source.{line.data_source}", lang),
            "td": _td(factor, td, lang),
            "vintage": t("report.study.elec.vintage", lang, vintage=factor.vintage, period=d.period.label)
            if factor is not None and factor.vintage else _gap("vintage", lang),
        })
    return rows


def _approach(factor: EmissionFactor | None, lang: str) -> str:
    if factor is None:
        return t("report.study.elec.own_factor", lang)
    life = t(f"report.study.elec.family.{factor.family.value}", lang)
    tail = factor.key.removeprefix("electricity.cn.")
    if factor.key in TD_KEYS:
        kind = t("report.study.elec.td_line", lang)
    elif tail in ("national", "national_excl_market", "fossil_only"):
        kind = t("report.study.elec.national", lang)
    elif tail.startswith(("province.", "region.")):
        kind = t("report.study.elec.regional", lang)
    elif tail in GENERATION_KEYS:
        kind = t("report.study.elec.generation", lang)
        return f"{t('report.study.elec.kind_family', lang, kind=kind, family=life)} {_gap('green_power', lang)}"
    else:
        kind = t("report.study.elec.other", lang)
    return t("report.study.elec.kind_family", lang, kind=kind, family=life)


def _td(factor: EmissionFactor | None, td: dict[str, int], lang: str) -> str:
    if "incl" in td:
        return t("report.study.elec.td_separate_incl", lang, no=td["incl"])
    if factor is not None and factor.key in TD_KEYS:
        return t(f"report.study.elec.td_is_{TD_KEYS[factor.key]}", lang)
    if "excl" in td:
        return t("report.study.elec.td_separate_excl", lang, no=td["excl"])
    if factor is not None and "T&D" in factor.derivation_note and factor.family == FactorFamily.ELECTRICITY_CFP:
        return t("report.study.elec.td_in_factor", lang)
    return _gap("td_losses", lang)


def electricity_approach(d: Disclosure, lang: str) -> str:
    """One sentence for the value choices: how electricity is accounted, from the electricity lines."""
    rows = electricity_rows(d, lang)
    if not rows:
        return t("report.study.elec.no_lines", lang)
    groups: dict[str, list[int]] = {}
    for row in rows:
        groups.setdefault(row["approach"], []).append(row["no"])
    return _sep(lang).join(t("report.study.elec.approach_lines", lang, approach=approach, lines=_numbers(lines))
                           for approach, lines in groups.items())
