"""Drafts of the table editor: an edited table in a language-neutral form, so nothing typed is lost.

A draft record holds what a row says without the reader's language: the stage and data-source ids
(or the text as typed if it matches none), the factor key (or ``custom:N`` for the N-th custom factor
of the stored lines, or the text as typed), and the amount and unit as typed. The page keeps the
draft in its session and rebuilds the table from it in the current language after a language
switch or a visit to another page (``draft_frame``), so an unsaved edit survives both.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import pandas as pd

from cfp_core.editor.cells import amount_text
from cfp_core.editor.options import factor_choices
from cfp_core.editor.table import EDITOR_COLUMNS, ORIGIN
from cfp_core.factors import FactorSet
from cfp_core.i18n import LANGS, t
from cfp_core.models import STAGES, ActivityLine, CustomFactor, DataSourceType

Record = dict[str, object]


def _blank(value) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)) or (
        isinstance(value, str) and not value.strip())


def _customs(base_lines: Sequence[ActivityLine]) -> list[CustomFactor]:
    found: list[CustomFactor] = []
    for line in base_lines:
        if line.custom_factor is not None and line.custom_factor not in found:
            found.append(line.custom_factor)
    return found


class _Words:
    """Label ↔ id maps of both languages for one factor set and base lines."""

    def __init__(self, factor_set: FactorSet, base_lines: Sequence[ActivityLine]) -> None:
        self.customs = _customs(base_lines)
        self.stage_ids = {t(f"stage.{s.value}", code): s.value for code in LANGS for s in STAGES}
        self.source_ids = {t(f"source.{s.value}", code): s.value for code in LANGS for s in DataSourceType}
        self.factor_ids: dict[str, str] = {}
        self.factor_labels: dict[str, dict[str, str]] = {code: {} for code in LANGS}
        for code in LANGS:
            for label, ref in factor_choices(factor_set, code, base_lines).items():
                token = f"custom:{self.customs.index(ref)}" if isinstance(ref, CustomFactor) else ref
                self.factor_ids[label] = token
                self.factor_labels[code].setdefault(token, label)


def draft_records(frame: pd.DataFrame, factor_set: FactorSet, base_lines: Sequence[ActivityLine] = ()) -> list[Record]:
    """Return the rows of an edited editor frame as language-neutral records (text kept as typed)."""
    words = _Words(factor_set, base_lines)
    records = []
    for row in frame.to_dict("records"):
        record: Record = {}
        for column in EDITOR_COLUMNS:
            value = row.get(column)
            if column == "note_internal":
                record[column] = bool(value) if not _blank(value) else False
                continue
            text = "" if _blank(value) else (amount_text(value) if isinstance(value, float) else str(value))
            if column == "stage":
                text = words.stage_ids.get(text.strip(), text)
            elif column == "data_source":
                text = words.source_ids.get(text.strip(), text)
            elif column == "factor":
                text = words.factor_ids.get(text.strip(), text)
            record[column] = text
        origin = row.get(ORIGIN)
        record[ORIGIN] = None if _blank(origin) else int(origin)
        records.append(record)
    return records


def draft_frame(records: Sequence[Record], lang: str, factor_set: FactorSet,
                base_lines: Sequence[ActivityLine] = ()) -> pd.DataFrame:
    """Return the editor frame of draft records in ``lang`` (ids become labels; unmatched text stays as typed)."""
    words = _Words(factor_set, base_lines)
    stages = {s.value: t(f"stage.{s.value}", lang) for s in STAGES}
    sources = {s.value: t(f"source.{s.value}", lang) for s in DataSourceType}
    rows = []
    for record in records:
        row = dict(record)
        row["stage"] = stages.get(str(record.get("stage", "")), record.get("stage", ""))
        row["data_source"] = sources.get(str(record.get("data_source", "")), record.get("data_source", ""))
        factor = str(record.get("factor", ""))
        row["factor"] = words.factor_labels[lang].get(factor, factor)
        rows.append(row)
    frame = pd.DataFrame(rows, columns=[*EDITOR_COLUMNS, ORIGIN])
    return frame.astype({"amount": "str", "note_internal": "boolean", ORIGIN: "Int64"})


def meaningful(records: Sequence[Record]) -> list[Record]:
    """Return the records with any content (wholly empty rows carry nothing to keep)."""
    return [r for r in records if any(not _blank(r.get(c)) and r.get(c) is not False for c in EDITOR_COLUMNS)]
