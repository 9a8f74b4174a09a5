"""Analysis charts, checked through their Vega-Lite specs (mark, encodings, sort order, colours)."""

from __future__ import annotations

import pandas as pd
import pytest

from cfp_core import analysis, calculate_footprint
from cfp_core.analysis import charts as charts_analysis
from cfp_core.charts import STAGE_COLORS
from cfp_core.frames import stage_order
from cfp_core.library import gwp_sets
from cfp_core.models import STAGES, ProductModel

AR5 = gwp_sets()["AR5"]


def spec(chart) -> dict:
    return chart.to_dict()


def data_of(chart_spec: dict) -> list[dict]:
    return next(iter(chart_spec["datasets"].values()))


@pytest.fixture(scope="module")
def comparison(ws_inventory, set_2023, set_2024):
    return analysis.compare_factor_sets(ws_inventory, [set_2023, set_2024], AR5)


@pytest.fixture(scope="module")
def footprint(ws_inventory, set_2024):
    return calculate_footprint(ws_inventory, set_2024, AR5)


def long_frame(n_models: int) -> pd.DataFrame:
    rows = [{"model": f"M{i:03d}", "model_label": f"M{i:03d}", "stage": s, "kg_co2e": 1.0 + i}
            for i in range(n_models) for s in ("production", "raw_material_acquisition")]
    return pd.DataFrame(rows)


def test_model_stage_chart_stacks_stages_in_report_order():
    result = spec(charts_analysis.model_stage_chart(long_frame(3), "en", title="T"))
    enc = result["encoding"]
    assert result["mark"]["type"] == "bar"
    assert enc["y"]["field"] == "model_label" and enc["x"]["stack"] == "zero"
    assert enc["color"]["scale"]["domain"] == stage_order("en")
    assert enc["color"]["scale"]["range"] == [STAGE_COLORS[s.value] for s in STAGES]
    assert enc["order"]["field"] == "stage_rank"
    ranks = {row["stage"]: row["stage_rank"] for row in data_of(result)}
    assert ranks == {"raw_material_acquisition": 0, "production": 2}


def test_model_stage_chart_caps_the_number_of_bars():
    frame = long_frame(charts_analysis.MAX_CHART_MODELS + 5)
    shown, count_shown, count = charts_analysis.limit_models(frame)
    assert (count_shown, count) == (charts_analysis.MAX_CHART_MODELS, charts_analysis.MAX_CHART_MODELS + 5)
    assert len(shown) == 2 * charts_analysis.MAX_CHART_MODELS
    rows = data_of(spec(charts_analysis.model_stage_chart(frame, "zh")))
    assert len({row["model"] for row in rows}) == charts_analysis.MAX_CHART_MODELS


def test_model_stage_chart_from_real_comparison(footprint):
    product = ProductModel(model_code="WS-TPS-48-900A", org_id="weisidemu", name_zh="x")
    long = analysis.compare_models_long([footprint], {"WS-TPS-48-900A": product}, "zh")
    rows = data_of(spec(charts_analysis.model_stage_chart(long, "zh")))
    assert [row["stage_label"] for row in rows] == ["原材料获取", "原材料运输", "生产", "成品运输", "产品处置"]


def test_waterfall_chart_colours_and_order(comparison):
    frame = analysis.waterfall_frame(comparison, "cn-cfp-2023", "cn-cfp-2024", "zh")
    result = spec(charts_analysis.waterfall_chart(frame, "zh", title="W"))
    enc = result["encoding"]
    assert result["mark"]["type"] == "bar"
    assert (enc["x"]["field"], enc["x2"]["field"]) == ("start", "end")
    assert enc["y"]["sort"] == list(frame["label"])
    assert enc["y"]["sort"][0] == "中国电力碳足迹因子2023 + 燃料缺省值"
    assert enc["color"]["scale"]["domain"] == ["合计", "增加", "减少"]
    assert enc["color"]["scale"]["range"] == ["#9E9E9E", "#D55E00", "#009E73"]
    assert [row["kind"] for row in data_of(result)] == ["total", "decrease", "decrease", "decrease", "total"]


def test_trend_chart_lines_with_points(footprint):
    trend = analysis.trend_frame([("2025", footprint)], {}, "en")
    result = spec(charts_analysis.trend_chart(trend, "en", title="Trend"))
    lines, values, changes = result["layer"]  # the line, then value and % change labels (#13.5)
    assert lines["mark"] == {"type": "line", "point": True}
    assert lines["encoding"]["x"]["field"] == "period" and lines["encoding"]["x"]["type"] == "ordinal"
    assert lines["encoding"]["y"]["field"] == "total_kg_co2e"
    assert lines["encoding"]["color"]["field"] == "model_label"
    assert (values["encoding"]["text"]["field"], changes["encoding"]["text"]["field"]) == ("value_label", "change_label")
    assert result["title"] == "Trend"


def test_decomposition_chart_groups_effects_per_stage(ws_inventory, set_2023, set_2024, footprint):
    before = calculate_footprint(ws_inventory, set_2023, AR5)
    long = analysis.decomposition_long(analysis.decompose_change(ws_inventory, before, ws_inventory, footprint), "zh")
    result = spec(charts_analysis.decomposition_chart(long, "zh"))
    enc = result["encoding"]
    assert result["mark"]["type"] == "bar"
    assert enc["y"]["sort"] == stage_order("zh") and enc["yOffset"]["field"] == "effect_label"
    assert enc["color"]["scale"]["domain"] == ["活动水平效应", "排放因子效应"]
    assert enc["color"]["scale"]["range"] == ["#5D3A9B", "#E66100"]
    assert not set(enc["color"]["scale"]["range"]) & set(STAGE_COLORS.values())
    factor_rows = [row for row in data_of(result) if row["effect"] == "factor"]
    assert sum(row["kg_co2e"] for row in factor_rows) == pytest.approx(footprint.total_kg_co2e - before.total_kg_co2e)


def test_chart_png_renders_a_png():
    png = charts_analysis.chart_png(charts_analysis.model_stage_chart(long_frame(2), "zh", title="各阶段"), scale=1)
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 1000
