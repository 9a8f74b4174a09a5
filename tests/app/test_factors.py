"""Factor library page (AppTest), in Chinese and English."""

from __future__ import annotations

import pytest

from cfp_core import store
from cfp_core.i18n import t


def texts(elements) -> str:
    return "\n".join(str(e.value) for e in elements)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_page_renders_the_2024_set_with_provenance(page_app, lang):
    at = page_app("factors", lang=lang).run()
    assert not at.exception
    assert at.title[0].value == t("nav.factors", lang)
    assert at.selectbox(key="factors_set").value == "cn-cfp-2024"
    table = at.dataframe[0].value
    assert 0.5777 in set(table["value"]) and len(table) == 17
    provenance = texts(at.markdown)
    assert t("factors.prov.source_document", lang) in provenance and "0.5777 kgCO2e/kWh" in provenance
    assert "[https://github.com/leo21468/CarbonCalculator/" in provenance  # the source URL is a link


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_changelog_shows_the_2023_to_2024_electricity_change(page_app, lang):
    at = page_app("factors", lang=lang).run()
    assert at.selectbox(key="factors_compare").value == "cn-cfp-2023"
    assert "0.6205 → 0.5777 (−6.90%)" in texts(at.markdown)
    diff = at.dataframe[1].value.set_index("key")
    assert (diff.loc["electricity.cn.national", "old_value"], diff.loc["electricity.cn.national", "new_value"]) == (
        0.6205, 0.5777)
    assert t("factors.diff.status.changed", lang) in set(diff["status_label"])


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_chosen_factor_shows_its_derivation(page_app, lang):
    at = page_app("factors", lang=lang, factor="fuel_diesel_cn_default").run()
    assert at.selectbox(key="factors_factor").value == "fuel_diesel_cn_default"
    provenance = texts(at.markdown)
    assert "42.652 MJ/kg" in provenance and "0.072585" in provenance and "3.0959 kgCO2/kg" in provenance


def test_filters_narrow_the_table_and_follow_the_url(page_app):
    at = page_app("factors", lang="en", set="cn-co2-org-2023").run()
    at.selectbox(key="factors_region").select("CN-ZJ").run()
    table = at.dataframe[0].value
    assert list(table["factor_id"]) == ["cn_elec_co2_prov_zhejiang_2023"]
    assert at.query_params["factor"] == "cn_elec_co2_prov_zhejiang_2023"
    at.text_input(key="factors_search").input("no such factor").run()
    assert at.dataframe[0].value.empty and not at.exception


@pytest.mark.parametrize(("lang", "words"), [("zh", "不得用于产品碳足迹"), ("en", "not for product footprints")])
def test_organisation_set_is_flagged(page_app, lang, words):
    at = page_app("factors", lang=lang, set="cn-co2-org-2023").run()
    assert words in texts(at.error)
    assert "cn-co2-org" not in at.selectbox(key="factors_set").format_func("cn-co2-org-2023")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_custom_set_is_saved_as_a_new_immutable_set(page_app, seeded_db_path, lang):
    at = page_app("factors", lang=lang).run()
    at.text_input(key="factors_new_id").input(f"acme-{lang}").run()
    at.text_input(key="factors_new_name_zh").input("供应商绿电").run()
    at.session_state["factors_editor_cn-cfp-2024"] = {
        "edited_rows": {0: {"value": 0.3}}, "added_rows": [], "deleted_rows": []}
    at.run()
    at.button(key="factors_save").click().run()
    assert not at.exception and not at.error
    assert t("factors.custom.saved", lang, name="供应商绿电", count=1) in texts(at.success)
    db = store.open_db(seeded_db_path)
    try:
        saved = store.load_factor_set(db, f"acme-{lang}")
        base = store.load_factor_set(db, "cn-cfp-2024")
    finally:
        db.close()
    assert (saved.parent_id, saved.by_key()["electricity.cn.national"].value) == ("cn-cfp-2024", 0.3)
    assert base.by_key()["electricity.cn.national"].value == 0.5777


@pytest.mark.parametrize(("lang", "words"), [("zh", "已被使用"), ("en", "already used")])
def test_custom_set_with_a_taken_id_is_refused(page_app, lang, words):
    at = page_app("factors", lang=lang).run()
    at.text_input(key="factors_new_id").input("cn-cfp-2023").run()
    at.text_input(key="factors_new_name_zh").input("重复").run()
    at.button(key="factors_save").click().run()
    assert words in texts(at.error) and not at.success


def test_import_tab_offers_a_template(page_app):
    at = page_app("factors", lang="en").run()
    assert at.button(key="factors_import").disabled  # nothing uploaded yet
    assert at.get("download_button")[0].proto.label == t("factors.import.template", "en")


def _fill_one_factor(at, **fields):
    for name, value in fields.items():
        at.text_input(key=f"factors_one_{name}").input(value)
    return at


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_one_factor_is_added_to_a_new_set_as_typed(page_app, seeded_db_path, lang):
    at = page_app("factors", lang=lang).run()
    _fill_one_factor(at, key="steel.supplier.hrc", name_zh="供应商热轧卷板", value="1.923456789", unit="t",
                     source_document="Supplier EPD 2025", vintage="2025", set_id=f"acme-steel-{lang}",
                     set_zh="钢材因子")
    at.selectbox(key="factors_one_confidence").select_index(0)
    at.selectbox(key="factors_one_boundary").select(t("factor_boundary.cradle_to_gate", lang))
    at.button(key="factors_one_save").click().run()
    assert not at.exception and not at.error
    assert t("factors.one.saved", lang, name="钢材因子", factor="供应商热轧卷板") in texts(at.success)
    db = store.open_db(seeded_db_path)
    try:
        factor = store.load_factor_set(db, f"acme-steel-{lang}").by_key()["steel.supplier.hrc"]
        base = store.load_factor_set(db, "cn-cfp-2024")
    finally:
        db.close()
    assert (factor.value, factor.unit, factor.confidence, factor.boundary, factor.verified) == (
        1.923456789, "t", "P", "cradle_to_gate", False)
    assert "steel.supplier.hrc" not in base.by_key()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_one_factor_with_bad_fields_names_each_and_saves_nothing(page_app, seeded_db_path, lang):
    at = page_app("factors", lang=lang).run()
    _fill_one_factor(at, key="electricity.cn.national", name_zh="=cmd|' /C calc'!A0", value="-5", unit="bananas",
                     set_id="acme-bad", set_zh="坏")
    at.button(key="factors_one_save").click().run()
    shown = texts(at.error)
    assert not at.exception and not at.success
    for field in ("key", "name_zh", "value", "unit", "source_document", "confidence"):
        assert t(f"factors.one.field.{field}", lang) in shown, field
    assert at.text_input(key="factors_one_value").value == "-5"  # what was typed stays in the form
    db = store.open_db(seeded_db_path)
    try:
        assert "acme-bad" not in {s.set_id for s in store.list_factor_sets(db)}
    finally:
        db.close()
