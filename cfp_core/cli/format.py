"""Text, JSON and CSV renderings of results for the command line (no click, no I/O).

Tables are labelled in the reader's language and show 4 decimals; JSON and CSV keep
unrounded floats and stable keys.
"""

from __future__ import annotations

import unicodedata

from cfp_core.calculate import Footprint
from cfp_core.i18n import t
from cfp_core.numbers import fmt_number, fmt_percent


def text_width(text: str) -> int:
    """Return the display width of ``text`` (CJK characters count double)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def text_table(rows: list[list[str]], right: set[int] = frozenset()) -> str:
    """Return rows as aligned text columns (CJK characters count double)."""
    widths = [max(text_width(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for row in rows:
        cells = [(" " * (w - text_width(c)) + c) if i in right else (c + " " * (w - text_width(c)))
                 for i, (c, w) in enumerate(zip(row, widths, strict=True))]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def footprint_payload(footprint: Footprint, unit: str, lang: str) -> dict:
    """Return the footprint as JSON-ready data with stable keys and unrounded floats."""
    return {
        "model": footprint.model_code, "period": footprint.period, "factor_set": footprint.factor_set_id,
        "gwp_set": footprint.gwp_set, "unit": f"kgCO2e per {unit}", "stages": footprint.stage_totals(),
        "total_kg_co2e": footprint.total_kg_co2e, "cradle_to_gate_kg_co2e": footprint.cradle_to_gate_kg_co2e,
        "lines": [line.model_dump(mode="json") for line in footprint.lines],
        "warnings": [{"key": key, "params": params, "message": t(key, lang, **params)}
                     for key, params in footprint.warnings],
    }


def footprint_table(footprint: Footprint, unit: str, lang: str) -> str:
    """Return the six stages, the cradle-to-gate subtotal and the total as text (4 decimals)."""
    rows = [[t("cli.col.stage", lang), t("cli.col.kg_co2e", lang), t("cli.col.share", lang)]]
    # a stage without lines is outside the boundary or not quantified: "—", as the report's "/"
    rows += [[t(f"stage.{s.stage.value}", lang), fmt_number(s.kg_co2e if s.line_count else None, 4),
              fmt_percent(s.share if s.line_count else None)] for s in footprint.stages]
    rows.append([t("label.cradle_to_gate", lang), fmt_number(footprint.cradle_to_gate_kg_co2e, 4), ""])
    rows.append([t("label.total", lang), fmt_number(footprint.total_kg_co2e, 4),
                 fmt_percent(1.0 if footprint.total_kg_co2e else 0.0)])
    head = t("cli.footprint.title", lang, model=footprint.model_code, period=footprint.period,
             factor_set=footprint.factor_set_id, gwp_set=footprint.gwp_set)
    notes = [t(key, lang, **params) for key, params in footprint.warnings]
    body = [head, text_table(rows, right={1, 2}), t("cli.footprint.unit", lang, unit=t(f"unit.{unit}", lang))]
    if notes:
        body += [t("label.warnings", lang) + ("：" if lang == "zh" else ":"), *(f"- {n}" for n in notes)]
    return "\n".join(body)


def footprint_csv(footprint: Footprint) -> str:
    """Return stage rows plus cradle_to_gate and total as CSV (floats with ``repr``)."""
    lines = ["stage,kg_co2e,share"]
    lines += [f"{s.stage.value},{s.kg_co2e!r},{s.share!r}" for s in footprint.stages]
    lines.append(f"cradle_to_gate,{footprint.cradle_to_gate_kg_co2e!r},")
    lines.append(f"total,{footprint.total_kg_co2e!r},{1.0 if footprint.total_kg_co2e else 0.0!r}")
    return "\n".join(lines)


PORTFOLIO_FIELDS = ("model_code", "period", "revision", "factor_set_id", "gwp_set", "total_kg_co2e",
                    "cradle_to_gate_kg_co2e", "primary_data_share")


def portfolio_records(rows: list[dict], lang: str) -> list[dict]:
    """Return one JSON-ready record per ``service.portfolio_rows`` row: stages, totals, the problem (or None).

    A row without a result has null numbers (never "NaN" in JSON).
    """
    records = []
    for row in rows:
        problem = row["problem"]
        records.append({**{k: row[k] for k in PORTFOLIO_FIELDS},
                        "stages": {c.removeprefix("kg_"): row[c] for c in row if c.startswith("kg_")},
                        "problem": None if problem is None else problem.message(lang)})
    return records


def portfolio_table(records: list[dict], lang: str) -> str:
    """Return the records as text: model, period, set, total and cradle-to-gate (4 decimals), problem."""
    if not records:
        return t("cli.footprint.all_none", lang)
    head = [t(f"cli.col.{c}", lang) for c in ("model", "period", "set", "total", "cradle_to_gate", "problem")]
    rows = [[r["model_code"], r["period"], r["factor_set_id"], fmt_number(r["total_kg_co2e"], 4),
             fmt_number(r["cradle_to_gate_kg_co2e"], 4), r["problem"] or ""] for r in records]
    title = t("cli.footprint.all_title", lang, count=len(records))
    return "\n".join([title, text_table([head, *rows], right={3, 4})])


def portfolio_csv(records: list[dict]) -> str:
    """Return the records as CSV (floats with ``repr``; stage columns by stage id)."""
    stages = list(records[0]["stages"]) if records else []
    lines = [",".join([*PORTFOLIO_FIELDS, *stages, "problem"])]
    for r in records:
        values = [*(r[k] for k in PORTFOLIO_FIELDS), *(r["stages"][s] for s in stages)]
        cells = [repr(v) if isinstance(v, float) else ("" if v is None else str(v)) for v in values]
        problem = (r["problem"] or "").replace('"', '""')
        lines.append(",".join([*cells, f'"{problem}"' if problem else ""]))
    return "\n".join(lines)
