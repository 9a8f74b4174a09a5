"""The bilingual catalogue: complete, consistent placeholders, and strict about unknown keys."""

from __future__ import annotations

import string

import pytest

from cfp_core import units
from cfp_core.factors import FactorFamily
from cfp_core.i18n import CATALOGUE, Msg, has, normalise_lang, t
from cfp_core.models import BoundaryType, DataSourceType, LifecycleStage
from cfp_core.numbers import fmt_delta, fmt_number, fmt_percent

KEYS = sorted(CATALOGUE)


def placeholders(text: str) -> set[str]:
    """Return the field names of a str.format template ("{where}" -> "where", "{n:.2f}" -> "n")."""
    return {field.split(".")[0].split("[")[0]
            for _, field, _, _ in string.Formatter().parse(text) if field is not None}


@pytest.mark.parametrize("key", KEYS)
def test_every_key_has_english_and_chinese(key):
    english, chinese = CATALOGUE[key]
    assert isinstance(english, str) and english.strip()
    assert isinstance(chinese, str) and chinese.strip()


@pytest.mark.parametrize("key", KEYS)
def test_placeholders_match_between_languages(key):
    english, chinese = CATALOGUE[key]
    assert placeholders(english) == placeholders(chinese)


@pytest.mark.parametrize(
    "key",
    [f"stage.{s.value}" for s in LifecycleStage]
    + [f"source.{s.value}" for s in DataSourceType]
    + [f"boundary.{b.value}" for b in BoundaryType]
    + [f"family.{f.value}" for f in FactorFamily]
    + [f"unit.{u}" for u in units.UNITS],
)
def test_every_enum_value_and_unit_has_a_label(key):
    assert has(key)
    assert t(key, "zh") and t(key, "en")


def test_chinese_stage_labels_follow_the_reference_report():
    assert [t(f"stage.{s.value}", "zh") for s in LifecycleStage] == [
        "原材料获取", "原材料运输", "生产", "成品运输", "使用", "产品处置"]


def test_unknown_key_raises_key_error():
    with pytest.raises(KeyError):
        t("no.such.key", "en")
    assert not has("no.such.key")


def test_language_defaults_to_chinese_and_accepts_locales():
    assert [normalise_lang(x) for x in (None, "", "zh-CN", "zh_Hans", "en", "en-US", "EN", "fr")] == [
        "zh", "zh", "zh", "zh", "en", "en", "en", "zh"]
    assert t("stage.production") == "生产"


def test_parameters_are_formatted_and_nested_messages_follow_the_language():
    where = Msg("where.line", line=3, stage=Msg("stage.production"), activity="柴油")
    assert where.render("en") == "Line 3 (Production, 柴油): "
    assert where.render("zh") == "第 3 行（生产，柴油）："
    assert t("error.unknown_unit", "en", unit="x", where="", choices="kWh").startswith("Unknown unit 'x'. Closest known units: kWh.")


def test_number_formatting_keeps_requested_decimals():
    assert fmt_number(93.4345706607279) == "93.4346"
    assert fmt_number(12345.5, 2) == "12,345.50"
    assert fmt_number(None) == fmt_number(float("nan")) == "—"
    assert fmt_percent(0.25734) == "25.73%"
    assert (fmt_delta(1.23456), fmt_delta(-0.5), fmt_delta(0.0)) == ("+1.2346", "−0.5000", "±0.0000")
