"""The card's view model: one localized view of a snapshot that every renderer lays out.

``card_view`` turns a ``Snapshot`` into display strings (numbers formatted by the
card rule of ``cfp_core.numbers``: 4 decimals for kgCO₂e as the verified report prints them, 1 for
shares); the renderers (``html``: HTML/PDF, ``image``: PNG/SVG)
only lay that view out, and ``render`` dispatches by format.
"""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass

import pandas as pd
import segno

from cfp_core.charts import STAGE_COLORS
from cfp_core.i18n import CATALOGUE, normalise_lang, t
from cfp_core.models import BoundaryType
from cfp_core.numbers import CARD_SHARE_DECIMALS, fmt_number, kg, share
from cfp_core.publish.disclosure import Disclosure, product_rule
from cfp_core.publish.links import card_url
from cfp_core.publish.snapshots import Snapshot, verify_snapshot


@dataclass(frozen=True)
class StageRow:
    """One stage on the card: colour, label and rounded texts (the float stays unrounded)."""

    stage: str
    label: str
    color: str
    kg_co2e: float
    share: float
    value_text: str
    share_text: str


@dataclass(frozen=True)
class CardView:
    """Everything a card shows, already localized. Renderers escape every string they output."""

    lang: str
    heading: str
    company: str
    product: str
    model_line: str
    total_text: str
    unit_text: str
    total_caption: str
    gate_text: str
    stages_title: str
    stages: tuple[StageRow, ...]
    facts: tuple[tuple[str, tuple[str, ...]], ...]
    version: int
    status: str
    status_text: str
    snapshot_line: str
    hash_line: str
    language_line: str
    banner: tuple[str, str] | None  # ("superseded" | "withdrawn", text)
    illustrative: tuple[str, str] | None  # (mark, explanation)
    link: str
    scan_text: str
    integrity_text: str
    intact: bool  # the content hashed to its recorded SHA-256 when this view was made
    content_hash: str
    verify_title: str
    verify_steps: tuple[str, ...]


def card_path(token: str, lang: str | None = None) -> str:
    """Return the card link relative to the dashboard (``card?token=…&lang=…``), for links inside the workspace."""
    query = urllib.parse.urlencode({"token": token, **({"lang": normalise_lang(lang)} if lang else {})})
    return f"card?{query}"


def qr_code(url: str) -> segno.QRCode:
    """Return the QR code of an ASCII URL (error correction M)."""
    return segno.make(url, error="m", micro=False)


def name_in(lang: str, zh: str, en: str) -> str:
    """Return the English name when asked for English and one exists, else the Chinese name."""
    return en if normalise_lang(lang) == "en" and en else zh


def card_view(snapshot: Snapshot, lang: str = "zh", base_url: str | None = None) -> CardView:
    """Return the localized content of the card for ``snapshot`` (pure; no rounding of stored data)."""
    lang = normalise_lang(lang)
    d = snapshot.disclosure
    unit = t(f"unit.{d.product.declared_unit}", lang)
    boundary = t(f"boundary.{d.boundary.boundary.value}", lang)
    status_text = t(f"publish.status.{snapshot.status}", lang)
    intact = verify_snapshot(snapshot)  # every rendering checks the hash again (#14)
    return CardView(
        lang=lang, heading=t("card.heading", lang),
        company=name_in(lang, d.organisation.name_zh, d.organisation.name_en),
        product=name_in(lang, d.product.name_zh, d.product.name_en),
        model_line=" · ".join([t("card.model", lang, model=d.product.model_code),
                               t("card.declared_unit", lang, amount=_amount(d.product.declared_unit_amount), unit=unit)]),
        total_text=kg(d.total_kg_co2e), unit_text=t("card.per_unit", lang, unit=unit),
        total_caption=t("card.total_caption", lang, unit=unit, boundary=boundary),
        gate_text="" if d.boundary.boundary == BoundaryType.CRADLE_TO_GATE
        else t("card.cradle_to_gate", lang, value=kg(d.cradle_to_gate_kg_co2e)),
        stages_title=t("card.stages", lang), stages=stage_rows(d, lang), facts=card_facts(d, lang),
        version=snapshot.version, status=snapshot.status, status_text=status_text,
        snapshot_line=t("card.snapshot", lang, version=snapshot.version, status=status_text,
                        created=snapshot.created.replace("T", " ")[:16]),
        hash_line=t("card.hash" if intact else "card.hash_failed", lang, hash=snapshot.content_hash[:16]),
        language_line=t("card.language", lang),
        banner=_banner(snapshot, lang) if intact else ("tampered", t("card.tampered", lang)),
        illustrative=(t("card.illustrative", lang), t("card.illustrative_help", lang))
        if d.illustrative or d.product.illustrative else None,
        link=card_url(snapshot.token, base_url, lang), scan_text=t("card.scan", lang),
        integrity_text=t("card.integrity" if intact else "card.integrity_failed", lang),
        intact=intact, content_hash=snapshot.content_hash, verify_title=t("card.verify.title", lang),
        verify_steps=verify_steps(snapshot, lang),
    )


VERIFY_COMMAND = ("python3 -c \"import hashlib, json, rfc8785; d = json.load(open('card.json', encoding='utf-8')); "
                  "print(hashlib.sha256(rfc8785.dumps(d['content'])).hexdigest() == d['content_hash'])\"")


def verify_steps(snapshot: Snapshot, lang: str) -> tuple[str, ...]:
    """Return the steps by which anyone checks the card's hash without our code (by its schema)."""
    schema = snapshot.card_schema if f"card.verify.step2.{snapshot.card_schema}" in CATALOGUE else "cfp-card/2"
    return (t("card.verify.step1", lang), t(f"card.verify.step2.{schema}", lang),
            t("card.verify.step3", lang, hash=snapshot.content_hash))


def _amount(value: float) -> str:
    return fmt_number(value, 0) if value == int(value) else f"{value:g}"


def stage_rows(d: Disclosure, lang: str) -> tuple[StageRow, ...]:
    """Return the card's stage rows in report order (only stages with results)."""
    return tuple(
        StageRow(stage=s.stage.value, label=t(f"stage.{s.stage.value}", lang), color=STAGE_COLORS[s.stage.value],
                 kg_co2e=s.kg_co2e, share=s.share, value_text=kg(s.kg_co2e),
                 share_text=share(s.share, CARD_SHARE_DECIMALS))
        for s in d.stages
    )


def stage_frame(snapshot: Snapshot, lang: str = "zh") -> pd.DataFrame:
    """Return ``stage``, ``stage_label``, ``kg_co2e``, ``share``, ``share_text`` rows (for ``charts.stage_bar_chart``).

    ``share_text`` is the share as printed on the card image (one decimal), so page and image agree.
    """
    rows = [{"stage": r.stage, "stage_label": r.label, "kg_co2e": r.kg_co2e, "share": r.share,
             "share_text": r.share_text}
            for r in stage_rows(snapshot.disclosure, normalise_lang(lang))]
    return pd.DataFrame(rows, columns=["stage", "stage_label", "kg_co2e", "share", "share_text"])


def card_facts(d: Disclosure, lang: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Return (label, lines) pairs: boundary, period, standards, factor sources, GWP, data quality, verification."""
    sep = "、" if lang == "zh" else ", "
    excluded = [name_in(lang, e.process_zh, e.process_en) for e in d.boundary.excluded]
    boundary = [t(f"boundary.{d.boundary.boundary.value}", lang)]
    if excluded:
        boundary.append(t("card.excluded", lang, names=sep.join(excluded)))
    if d.missing_stages:  # never a silent 0 (#11)
        boundary.append(t("card.missing", lang, stages=sep.join(t(f"stage.{s.value}", lang) for s in d.missing_stages)))
    quality = d.data_quality
    dqr = (t("card.dqr", lang, tech=fmt_number(quality.technological_dqr, 1),
             temporal=fmt_number(quality.temporal_dqr, 1), geo=fmt_number(quality.geographical_dqr, 1))
           if quality.technological_dqr is not None else t("card.dqr_none", lang))
    rule = product_rule(d.product)  # the PCR followed, shown only where one is (#12.11)
    return (
        (t("card.boundary", lang), tuple(boundary)),
        (t("card.period", lang), (f"{d.period.start.isoformat()} – {d.period.end.isoformat()}",)),
        (t("card.standards", lang), (" · ".join(s.replace(" ", "\u00a0") for s in d.standards),
                                     *((t("card.pcr", lang, rule=rule),) if rule else ()))),
        (t("card.factor_sources", lang), _factor_lines(d, lang)),
        (t("card.gwp", lang), (t("card.gwp_value", lang, gwp=d.gwp_set),)),
        (t("card.data_quality", lang), (t("card.primary_share", lang, share=share(quality.primary_data_share, CARD_SHARE_DECIMALS)),
                                        dqr)),
        (t("card.verification", lang), (_verification_line(d, lang),)),
    )


def _factor_lines(d: Disclosure, lang: str) -> tuple[str, ...]:
    groups: dict[tuple[str, str], list[str]] = {}
    for f in d.factor_sources:
        # the year in brackets says what it is: the factor's data year, else the year it was published
        version = (t("card.factor_data_year", lang, year=f.vintage) if f.vintage else
                   t("card.factor_published", lang, year=f.publication_date[:4]) if f.publication_date else "")
        groups.setdefault((f.publisher_name(lang), version), []).append(name_in(lang, f.name_zh, f.name_en))
    colon, sep = ("：", "、") if lang == "zh" else (": ", "; ")
    bracket = "（{}）" if lang == "zh" else " ({})"
    lines = [f"{publisher}{bracket.format(version) if version else ''}{colon}{sep.join(dict.fromkeys(names))}"
             for (publisher, version), names in groups.items()]
    set_name = name_in(lang, d.factor_set_name_zh, d.factor_set_name_en)
    version = t("card.version", lang, version=d.factor_set_version)
    lines.append(f"{t('card.factor_set', lang)}{colon}{set_name}" + (f"（{version}）" if lang == "zh" else f" ({version})"))
    return tuple(lines)


def _verification_line(d: Disclosure, lang: str) -> str:
    v = d.verification
    if d.recalculated is not None:
        r = d.recalculated
        return t("card.recalculated", lang, verifier=r.verifier, report=r.report_number or "—",
                 total=kg(r.verified_total_kg_co2e))
    if v is None or not v.verifier:
        return t("card.not_verified", lang)
    return t("card.verified", lang, verifier=v.verifier, report=v.report_number or "—",
             date=v.verified_on.isoformat() if v.verified_on else "—")


def _banner(snapshot: Snapshot, lang: str) -> tuple[str, str] | None:
    if snapshot.status == "Withdrawn":
        return "withdrawn", t("card.withdrawn", lang, reason=snapshot.status_reason)
    if snapshot.successor_version:
        return "superseded", t("card.superseded", lang, version=snapshot.successor_version)
    return None
