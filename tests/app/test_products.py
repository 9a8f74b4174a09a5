"""Products & data entry page: table edits recompute the footprint, validation, save, history, copy, new product."""

import pytest

from cfp_core import service, store

WS = "WS-TPS-48-900A"


def edit(at, edited_rows=None, added_rows=None, deleted_rows=None):
    """Inject a table edit the way the browser sends it (STACK.md §2.2) and rerun."""
    at.session_state["editor"] = {"edited_rows": edited_rows or {}, "added_rows": added_rows or [],
                                  "deleted_rows": deleted_rows or []}
    return at.run()


def metric(at, starts_with: str) -> str:
    return next(m.value for m in at.metric if m.label.startswith(starts_with))


def open_ws(page_app, lang="zh", **query):
    at = page_app("products", lang=lang, model=WS, **query).run()
    assert not at.exception
    return at


@pytest.mark.parametrize(("lang", "label"), [("zh", "每台碳足迹"), ("en", "Footprint per piece")])
def test_page_shows_the_stored_inventory_and_its_footprint(page_app, lang, label):
    at = open_ws(page_app, lang)
    assert at.title[0].value == ("产品与数据录入" if lang == "zh" else "Products & data entry")
    assert at.selectbox(key="model").value == WS and at.selectbox(key="period").value == "2025"
    assert metric(at, label) == "93.4346 kgCO₂e"
    editor = at.data_editor(key="editor")
    assert editor.editing_mode == "dynamic" and len(editor.value) == 6
    assert not at.error


def test_table_edit_changes_the_recomputed_total(page_app, seeded_db_path):
    at = open_ws(page_app)
    db = store.open_db(seeded_db_path)
    amount = store.load_inventory(db, WS, "2025").lines[0].amount
    before = service.stored_footprint(db, WS, "2025").total_kg_co2e
    edit(at, edited_rows={0: {"amount": 100.0}})
    assert not at.exception and not at.error
    expected = before + (100.0 - amount) * 0.5777
    assert metric(at, "每台碳足迹") == f"{expected:.4f} kgCO₂e"
    delta = next(m for m in at.metric if m.label.startswith("每台碳足迹")).proto.delta
    assert delta == f"{expected - before:+.4f}"


def test_deleting_and_adding_rows_recompute_the_total(page_app):
    at = open_ws(page_app, "en")
    edit(at, deleted_rows=[5], added_rows=[{
        "stage": "Use", "activity": "Standby power", "amount": 10.0, "unit": "kWh",
        "factor": "China national average electricity carbon-footprint factor 2024 · 0.5777 kgCO2e/kWh",
        "data_source": "Primary, measured"}])
    assert not at.error
    assert metric(at, "Footprint per piece") == f"{93.4346 - 15.6759 + 5.777:.4f} kgCO₂e"
    assert metric(at, "Rows counted") == "6"


@pytest.mark.parametrize(("lang", "expected"), [
    ("zh", ["第 1 行，“活动”列", "HTML", "第 3 行，“数量”列", "不小于 0", "第 4 行，“单位”列", "不匹配"]),
    ("en", ["Row 1, column 'Activity'", "HTML", "Row 3, column 'Amount'", "at least 0", "Row 4, column 'Unit'",
            "does not fit"]),
])
def test_bad_input_shows_row_level_errors_and_blocks_saving(page_app, lang, expected):
    at = open_ws(page_app, lang)
    edit(at, edited_rows={0: {"activity": "<script>alert(1)</script>"}, 2: {"amount": -5.0}, 3: {"unit": "kg"}})
    assert not at.exception
    message = at.error[0].value
    for text in expected:
        assert text in message
    assert "<script>alert(1)</script>" in message  # what the reader sees: the text itself
    assert "\\<script\\>alert\\(1\\)\\<\\/script\\>" in at.error[0].proto.body  # escaped: shown literally, never rendered
    assert at.button(key="save").disabled
    assert metric(at, "已计入行数" if lang == "zh" else "Rows counted") == "3"


def test_formula_in_a_new_row_is_rejected_in_both_languages(page_app):
    for lang, text in (("zh", "不能以 =、+、-、@ 开头"), ("en", "must not start with =")):
        at = open_ws(page_app, lang)
        edit(at, added_rows=[{"stage": "Production", "activity": "=cmd|' /C calc'!A0", "amount": 1.0, "unit": "kWh",
                              "factor": "electricity.cn.national", "data_source": "Proxy"}])
        assert text in at.error[0].value and ("第 7 行" in at.error[0].value or "Row 7" in at.error[0].value)


def test_save_creates_a_new_revision(page_app, seeded_db_path):
    at = open_ws(page_app)
    edit(at, edited_rows={0: {"amount": 100.0}})
    at.text_input(key="save_comment").input("新电表读数")
    at.button(key="save").click().run()
    assert not at.exception and not at.error
    assert "第 2 版" in at.success[0].value
    db = store.open_db(seeded_db_path)
    assert store.latest_revision(db, WS, "2025") == 2
    latest = store.inventory_revisions(db, WS, "2025")[0]
    assert (latest["author"], latest["comment"]) == ("local admin <local:admin>", "新电表读数")  # the acting principal
    assert store.load_inventory(db, WS, "2025").lines[0].amount == 100.0
    assert len(at.data_editor(key="editor").value) == 6  # the editor restarted from revision 2


def test_revision_history_and_diff_render(page_app, seeded_db_path):
    at = open_ws(page_app, "en")
    edit(at, edited_rows={1: {"amount": 5.0}}, deleted_rows=[5])
    at.button(key="save").click().run()
    assert "revision 2" in at.success[0].value
    assert at.selectbox(key=f"diff_from_{WS}_2025_2").value == 1 and at.selectbox(key=f"diff_to_{WS}_2025_2").value == 2
    tables = {tuple(d.value.columns): d.value for d in at.dataframe}
    history = tables[("revision", "created_at", "author", "comment", "line_count", "kg_co2e")]
    assert list(history["revision"]) == [2, 1]
    diff = tables[("change", "line", "field", "old", "new")]
    rows = list(zip(diff["change"], diff["field"], strict=True))
    assert rows[0][0] == "Changed" and rows[0][1].startswith("Amount")
    assert ("Changed", "Amount as printed in the source · 柴油（原材料运输） Diesel, inbound transport") in rows
    assert "Removed" in set(diff["change"])
    assert "Third-party verification" in list(diff["field"])  # the changed numbers dropped the verification


def test_copy_from_previous_period(page_app, seeded_db_path):
    at = open_ws(page_app, "en", period="2026")
    assert at.selectbox(key="period").value == "2026"
    assert any("No data for 2026" in i.value for i in at.info)
    at.button(key="copy_previous").click().run()
    assert not at.exception
    assert "Copied 2025 into 2026" in at.success[0].value
    assert metric(at, "Footprint per piece") == "93.4346 kgCO₂e"
    copy = store.load_inventory(store.open_db(seeded_db_path), WS, "2026")
    assert copy.verification is None and len(copy.lines) == 6


@pytest.mark.parametrize(("lang", "problem"), [("zh", "型号代码"), ("en", "Model code")])
def test_create_a_product_with_validation(page_app, seeded_db_path, lang, problem):
    at = page_app("products", lang=lang).run()
    at.selectbox(key="model").select("__new__").run()
    at.text_input(key="new_code").input("<b>bad")
    at.text_input(key="new_name_zh").input("测试产品")
    at.button(key="new_submit").click().run()
    assert problem in at.error[0].value
    at.text_input(key="new_code").input("TEST-1")
    at.number_input(key="new_mass").set_value(12.5)
    at.button(key="new_submit").click().run()
    assert not at.exception and "TEST-1" in at.success[0].value
    assert at.selectbox(key="model").value == "TEST-1" and at.query_params["model"] == "TEST-1"
    assert store.load_product(store.open_db(seeded_db_path), "TEST-1").product_mass_kg == 12.5


def test_demo_product_shows_the_illustrative_badge(page_app):
    at = page_app("products", lang="en", model="WS-TPS-48-300A").run()
    assert any("Illustrative data" in w.value for w in at.warning)
    assert not any("Illustrative data" in w.value for w in open_ws(page_app, "en").warning)


def test_import_tab_offers_templates(page_app):
    at = open_ws(page_app, "en")
    assert at.download_button(key="template_csv").label == "Download CSV template"
    assert at.download_button(key="template_xlsx").label == "Download Excel template"


def test_demo_period_of_a_real_product_shows_the_badge(page_app):
    at = open_ws(page_app, "zh", period="2024")  # the 2024 inventory is an illustrative back-cast
    assert any("示例数据" in w.value for w in at.warning)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_import_a_valid_file_creates_a_revision(page_app, seeded_db_path, lang):
    from cfp_core.io.templates import write_inventory_file

    db = store.open_db(seeded_db_path)
    inventory = store.load_inventory(db, WS, "2025")
    changed = inventory.model_copy(update={"lines": (inventory.lines[0].model_copy(update={"amount": 50.0}),
                                                     *inventory.lines[1:])})
    at = open_ws(page_app, lang)
    at.file_uploader(key="import_file").upload("ws.csv", write_inventory_file([changed], "csv"), "text/csv").run()
    assert not at.exception and not at.error
    assert "import_go" not in [b.key for b in at.button]  # asks "replace" or "append" first
    at.segmented_control(key="import_mode").set_value("replace").run()
    preview = next(w.value for w in at.warning if "WS-TPS-48-900A 2025" in w.value)
    assert ("修改 1 行" if lang == "zh" else "1 changed") in preview and "93.4346 →" in preview
    at.button(key="import_go").click().run()
    assert not at.exception
    assert ("已导入 1 份清单" if lang == "zh" else "Imported 1 inventory") in at.success[0].value
    assert store.load_inventory(db, WS, "2025").lines[0].amount == 50.0


@pytest.mark.parametrize(("lang", "head"), [("zh", "文件整体未导入"), ("en", "rejected as a whole")])
def test_import_of_a_bad_file_lists_row_problems(page_app, seeded_db_path, lang, head):
    from cfp_core.io.templates import write_inventory_file

    db = store.open_db(seeded_db_path)
    inventory = store.load_inventory(db, WS, "2025")
    data = write_inventory_file([inventory], "csv").replace(b"electricity.cn.national", b"no.such.factor", 1)
    at = open_ws(page_app, lang)
    at.file_uploader(key="import_file").upload("bad.csv", data, "text/csv").run()
    assert not at.exception
    assert head in at.error[0].value and ("第 2 行" in at.error[0].value or "Row 2" in at.error[0].value)
    assert store.latest_revision(db, WS, "2025") == 1


# ---- #11: the editor never drops, coerces or loses ---------------------------------------------

NEW_ROW = {"stage": "Production", "amount": "40", "unit": "kWh",
           "factor": "China national average electricity carbon-footprint factor 2024 · 0.5777 kgCO2e/kWh",
           "data_source": "Primary, measured"}


def draft(at) -> list[dict]:
    """The table as the session keeps it (AppTest shows a data editor's input, not its edited value)."""
    [kept] = at.session_state["drafts"].values()
    return kept["current"]


def test_a_row_without_an_activity_is_kept_and_named_not_dropped(page_app):
    at = open_ws(page_app, "en")
    edit(at, added_rows=[NEW_ROW])  # everything but the activity: 23.1 kgCO2e must not vanish silently
    message = at.error[0].value
    assert "Row 7, column 'Activity'" in message and "Name the activity" in message
    assert at.button(key="save").disabled
    assert len(draft(at)) == 7 and draft(at)[-1]["amount"] == "40"  # the row is still in the table


@pytest.mark.parametrize(("typed", "fix_en", "fix_zh"), [
    ("-5", "at least 0", "不小于 0"), ("abc", "Not a number", "不是数字"), ("5kg", "Not a number", "不是数字"),
    ("1,500", "no thousands separators", "千位分隔符"),
])
def test_a_bad_amount_is_kept_as_typed_and_explained_in_both_languages(page_app, typed, fix_en, fix_zh):
    for lang, fix, row_text in (("en", fix_en, "Row 1, column 'Amount'"), ("zh", fix_zh, "第 1 行，“数量”列")):
        at = open_ws(page_app, lang)
        edit(at, edited_rows={0: {"amount": typed}})
        message = at.error[0].value
        assert row_text in message and fix in message and typed in message  # the value as typed, never 5
        assert at.button(key="save").disabled
        assert draft(at)[0]["amount"] == typed


def test_a_new_row_has_no_default_data_source(page_app):
    at = open_ws(page_app, "en")
    edit(at, added_rows=[{**NEW_ROW, "activity": "Compressor", "data_source": None}])
    assert "Row 7, column 'Data source'" in at.error[0].value and "no default" in at.error[0].value


def test_any_pint_unit_is_accepted_in_the_table(page_app):
    at = open_ws(page_app, "en")
    kwh = float(at.data_editor(key="editor").value["amount"].iloc[3])
    before = metric(at, "Footprint per piece")
    edit(at, edited_rows={3: {"amount": repr(kwh / 1000), "unit": "MWh"}})
    assert not at.error and metric(at, "Footprint per piece") == before
    edit(at, edited_rows={3: {"unit": "furlongs"}})
    assert "Row 4, column 'Unit'" in at.error[0].value


def test_unsaved_edits_survive_a_language_switch(page_app):
    at = open_ws(page_app, "zh")
    edit(at, edited_rows={0: {"amount": "100"}}, added_rows=[{**NEW_ROW, "activity": "空压机"}])
    zh_total = metric(at, "每台碳足迹")
    assert any("未保存的修改" in i.value for i in at.info)
    at.session_state["ui_lang"] = "en"  # the sidebar language switch
    at.run()
    assert not at.exception
    table = next(d for d in at.data_editor if str(d.key).startswith("editor")).value
    assert table["amount"].iloc[0] == "100" and table["activity"].iloc[-1] == "空压机"
    assert table["stage"].iloc[-1] == "Production" and table["data_source"].iloc[-1] == "Primary, measured"
    assert metric(at, "Footprint per piece") == zh_total
    assert any("unsaved edits" in i.value for i in at.info)


def test_unsaved_edits_survive_a_visit_to_another_page_and_can_be_discarded(page_app):
    at = open_ws(page_app, "en")
    edit(at, edited_rows={0: {"amount": "100"}})
    edited_total = metric(at, "Footprint per piece")
    at.switch_page("pages/overview.py").run()
    at.switch_page("pages/products.py").run()
    assert not at.exception
    assert metric(at, "Footprint per piece") == edited_total
    at.button(key="discard_draft").click().run()
    assert metric(at, "Footprint per piece") == "93.4346 kgCO₂e"
    assert not any("unsaved edits" in i.value for i in at.info)


def test_import_preview_replace_vs_append(page_app, seeded_db_path):
    """A two-line file: replace shows 4 removed and the smaller total; append keeps all six and adds two."""
    from cfp_core.io.templates import write_inventory_file

    db = store.open_db(seeded_db_path)
    inventory = store.load_inventory(db, WS, "2025")
    two = inventory.model_copy(update={"lines": inventory.lines[:2]})
    at = open_ws(page_app, "en")
    at.file_uploader(key="import_file").upload("two.csv", write_inventory_file([two], "csv"), "text/csv").run()
    assert any("Choose Replace or Append" in i.value for i in at.info)
    at.segmented_control(key="import_mode").set_value("replace").run()
    replace = next(w.value for w in at.warning if "WS-TPS-48-900A 2025" in w.value)
    assert "−4 removed" in replace and "(6 → 2 lines)" in replace and "93.4346 → 38.2399" in replace  # 24.0450 + 14.1949 (diesel only)
    at.segmented_control(key="import_mode").set_value("append").run()
    append = next(i.value for i in at.info if "WS-TPS-48-900A 2025" in i.value)
    assert "+2 added" in append and "(6 → 8 lines)" in append
    at.button(key="import_go").click().run()
    assert len(store.load_inventory(db, WS, "2025").lines) == 8
    assert store.list_audit_events(db, action="import_inventories")[0]["target"].endswith("(append)")


def test_restore_an_earlier_revision_as_a_new_one(page_app, seeded_db_path):
    at = open_ws(page_app, "en")
    edit(at, deleted_rows=[5])
    at.button(key="save").click().run()
    assert metric(at, "Footprint per piece") != "93.4346 kgCO₂e"
    assert at.selectbox(key="restore_pick").value == 1
    at.button(key="restore_go").click().run()
    assert not at.exception and "Revision 1 restored as revision 3" in at.success[0].value
    assert metric(at, "Footprint per piece") == "93.4346 kgCO₂e"
    db = store.open_db(seeded_db_path)
    assert store.latest_revision(db, WS, "2025") == 3 and len(store.load_inventory(db, WS, "2025", 2).lines) == 5


def test_boundary_tab_shows_coverage_and_asks_a_reason_for_a_left_out_stage(page_app, seeded_db_path):
    at = open_ws(page_app, "en")
    coverage = next(d.value for d in at.dataframe if "status_label" in d.value.columns)
    assert dict(zip(coverage["stage"], coverage["status"], strict=True))["use"] == "excluded"
    included = at.multiselect(key="bd_included_en")
    included.set_value([s for s in included.value if s != "End of life"])
    at.button(key="bd_save").click().run()
    assert "Stage 'End of life' is left out: add a row below with the reason" in at.error[0].value
    assert store.latest_revision(store.open_db(seeded_db_path), WS, "2025") == 1  # nothing saved half
    at.session_state["bd_excluded"] = {"edited_rows": {}, "deleted_rows": [], "added_rows": [
        {"stage": "End of life", "process": "Recycling", "reason": "Customer takes the unit back"}]}
    at.button(key="bd_save").click().run()
    assert not at.exception and "Saved the boundary as revision 2" in at.success[0].value
    saved = store.load_inventory(store.open_db(seeded_db_path), WS, "2025")
    assert "end_of_life" not in saved.boundary.included_stages and len(saved.lines) == 6


def test_allocation_tab_writes_per_unit_lines(page_app, seeded_db_path):
    at = open_ws(page_app, "en", period="2026")
    at.text_input(key="alloc_activity").input("Workshop electricity")
    at.number_input(key="alloc_amount").set_value(12000.0)
    at.selectbox(key="alloc_factor").select_index(0)
    at.selectbox(key="alloc_source_en").select("Primary, measured")
    at.session_state["alloc_outputs"] = {"edited_rows": {0: {"units": 300.0}}, "deleted_rows": [],
                                         "added_rows": [{"model": "WS-TPS-48-600A", "units": 700.0}]}
    at.run()
    table = next(d.value for d in at.dataframe if "per_unit" in d.value.columns)
    assert list(table["per_unit"]) == [12.0, 12.0] and "12000 kWh × 300 / 1000 units" in table["explain"].iloc[0]
    at.button(key="alloc_write").click().run()
    assert not at.exception and "Wrote 2 per-unit line(s)" in at.success[0].value
    line = store.load_inventory(store.open_db(seeded_db_path), "WS-TPS-48-600A", "2026").lines[0]
    assert line.amount == 12.0 and line.data_source == "primary_measured"


def test_bom_import_maps_materials_remembers_the_mapping_and_appends_lines(page_app, seeded_db_path):
    from cfp_core.access import cli_principal

    db = store.open_db(seeded_db_path)
    stored = store.load_inventory(db, WS, "2025")
    store.save_inventory(db, cli_principal("weisidemu"), stored.model_copy(update={"factor_set_id": "cn-cfp-2024-cpcd"}))
    bom = (b"part,material,mass_per_unit,mass_unit,supplier,distance_km,transport_mode\n"
           b"Housing,steel sheet,2.4,kg,Mill,350,heavy truck\n")
    at = open_ws(page_app, "en")
    at.file_uploader(key="bom_file").upload("bom.csv", bom, "text/csv").run()
    assert not at.exception and not at.error
    steel = next(o for o in at.selectbox(key="bom_material_0_en").options if o.startswith("Cold-rolled steel sheet"))
    truck = next(o for o in at.selectbox(key="bom_mode_0_en").options if o.startswith("Heavy diesel truck transport 2024 ·"))
    at.selectbox(key="bom_material_0_en").select(steel)
    at.selectbox(key="bom_mode_0_en").select(truck)
    at.selectbox(key="bom_source_en").select("Supplier-specific").run()
    assert any("2 line(s) from 1 part(s)" in i.value for i in at.info)
    at.segmented_control(key="bom_mode").set_value("append").run()
    at.button(key="bom_go").click().run()
    assert not at.exception
    lines = store.load_inventory(db, WS, "2025").lines
    assert len(lines) == 8 and lines[-1].unit == "tkm" and lines[-1].amount == pytest.approx(0.84)
    assert store.bom_mappings(db, "weisidemu")[("material", "steel sheet")] == "cpcd.41265X036"
    again = open_ws(page_app, "en")  # the mapping is remembered for the next import
    again.file_uploader(key="bom_file").upload("bom.csv", bom, "text/csv").run()
    assert again.selectbox(key="bom_material_0_en").value == steel
