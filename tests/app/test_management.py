"""Management page (#13.5): volume-weighted portfolio totals, targets against the path, volume and target entry."""

from __future__ import annotations

import json

import pytest

from cfp_core import store
from cfp_core.i18n import t


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_seeded_demo_shows_totals_targets_and_charts(page_app, lang):
    at = page_app("management", lang=lang).run()
    assert not at.exception
    assert at.title[0].value == t("nav.management", lang)
    assert [s.value for s in at.subheader] == [t("mgmt.totals_title", lang), t("mgmt.targets_title", lang),
                                               t("mgmt.volumes_title", lang)]
    assert t("label.illustrative", lang) in at.warning[0].value  # demo volumes and targets are illustrative
    totals = at.dataframe[0].value
    assert list(totals[t("label.period", lang)]) == ["2023", "2024", "2025"]
    assert list(totals[t("mgmt.col.with_volume", lang)]) == ["3 / 3"] * 3
    targets = at.dataframe[1].value
    assert list(targets[t("mgmt.col.scope", lang)]) == [t("mgmt.portfolio", lang), "WS-TPS-48-900A"]
    assert list(targets[t("mgmt.col.status", lang)]) == [t("mgmt.status.behind", lang), t("mgmt.status.on_track", lang)]
    specs = [json.loads(c.proto.spec) for c in at.get("vega_lite_chart")]
    assert len(specs) == 2
    marks = [layer["mark"]["type"] if isinstance(layer["mark"], dict) else layer["mark"] for layer in specs[0]["layer"]]
    assert marks == ["bar", "point", "line", "point", "text", "text"]  # bars, totals, path, goal, labels (halo, text)
    assert t("mgmt.totals_help", lang) in at.caption[0].value


def test_a_model_without_a_volume_is_named(page_app, seeded_db_path):
    db = store.open_db(seeded_db_path)
    try:
        # a new period of the 600A without a volume
        inventory = store.load_inventory(db, "WS-TPS-48-600A", "2025")
        store.db.put_inventory(db, inventory.model_copy(update={"period": inventory.period.model_copy(
            update={"label": "2026", "start": inventory.period.start.replace(year=2026),
                    "end": inventory.period.end.replace(year=2026)})}))
    finally:
        db.close()
    at = page_app("management", lang="en").run()
    assert not at.exception
    assert t("mgmt.missing", "en", period="2026", models="WS-TPS-48-600A") in [w.value for w in at.warning]


def test_saving_a_target_from_the_form(page_app, seeded_db_path):
    at = page_app("management", lang="en").run()
    at.selectbox(key="mg_t_scope").set_value("WS-TPS-48-600A")
    at.number_input(key="mg_t_baseline").set_value(2024)
    at.number_input(key="mg_t_year").set_value(2028)
    at.number_input(key="mg_t_value").set_value(15.0)
    at.button(key="FormSubmitter:mg_target_form-Save target").click().run()
    assert not at.exception and not at.error
    assert at.success[0].value == t("mgmt.saved_target", "en", revision=1)
    scopes = list(at.dataframe[1].value["Scope"])
    assert scopes == ["Portfolio", "WS-TPS-48-600A", "WS-TPS-48-900A"]
    db = store.open_db(seeded_db_path)
    try:
        saved = {x.model_code: x for x in store.current_targets(db)}["WS-TPS-48-600A"]
        assert (saved.baseline_year, saved.target_year, saved.value) == (2024, 2028, 15.0)
    finally:
        db.close()


def test_saving_a_volume_from_the_form_and_a_bad_target_is_explained(page_app, seeded_db_path):
    at = page_app("management", lang="zh").run()
    at.selectbox(key="mg_v_model").set_value("WS-TPS-48-300A")
    at.selectbox(key="mg_v_period").set_value("2025")
    at.number_input(key="mg_v_volume").set_value(6000.0)
    at.button(key="FormSubmitter:mg_volume_form-保存产量").click().run()
    assert not at.exception and at.success[0].value == t("mgmt.saved_volumes", "zh", revision=2)
    assert list(at.dataframe[0].value[t("mgmt.col.volume", "zh")])[-1] == "11,300"  # 3500 + 1800 + 6000 units
    at.number_input(key="mg_t_baseline").set_value(2030)
    at.number_input(key="mg_t_value").set_value(10.0)
    at.button(key="FormSubmitter:mg_target_form-保存目标").click().run()
    assert "目标年份（2030）必须晚于基准年份（2030）" in at.error[0].value
