"""Hostile files (#14): every one is refused whole with a localized problem naming row/column or JSON path,
or accepted and read exactly; nothing else (no other exception, no hang, no store change).

The committed corpus is tests/data/hostile/ (regenerate with make_corpus.py); hypothesis adds random bytes.
"""

from __future__ import annotations

import re
import time
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cfp_core.access import cli_principal
from cfp_core.errors import ImportRejected
from cfp_core.io import parse_disclosure, read_inventory_file, save_supplier_disclosure
from cfp_core.io.pact_reader import json_depth
from cfp_core.io.templates import import_inventories
from cfp_core.validation import MAX_JSON_DEPTH, MAX_UPLOAD_MB

HOSTILE = Path(__file__).resolve().parents[1] / "data" / "hostile"
ROOT = Path(__file__).resolve().parents[2]
ADMIN = cli_principal("weisidemu", "tests")
CJK = re.compile(r"[\u4e00-\u9fff]")

# file → ("accept", lines read) or ("reject", the column / JSON path named, the problem key)
EXPECTED = {
    "stale_dimension.xlsx": ("accept", 6),
    "hidden_first_sheet.xlsx": ("accept", 6),
    "bom_utf8.csv": ("accept", 6),
    "gb18030.csv": ("accept", 1),
    "two_visible_sheets.xlsx": ("reject", "", "io.file.which_sheet"),
    "huge_number.xlsx": ("reject", "amount", "io.problem.number"),
    "zip_bomb.xlsx": ("reject", "", "io.file.bomb"),
    "not_a_zip.xlsx": ("reject", "", "io.file.malformed"),
    "unknown_column.csv": ("reject", "internal_note", "io.problem.unknown_column"),
    "duplicate_column.csv": ("reject", "amount", "io.problem.duplicate_column"),
    "extra_cells.csv": ("reject", "N", "io.problem.extra_cells"),
    "nul_bytes.csv": ("reject", "", "io.file.encoding"),
    "nul_in_cell.csv": ("reject", "", "io.file.nul"),
    "formula_activity.csv": ("reject", "activity", "io.problem.text"),
    "nan_amount.csv": ("reject", "amount", "io.problem.number"),
    "big_amount.csv": ("reject", "amount", "io.problem.number"),
    "many_digits.csv": ("reject", "amount", "io.problem.number"),
    "unclosed_quote.csv": ("reject", "", "io.file.malformed"),
    "empty.csv": ("reject", "", "io.file.empty"),
    "header_only.csv": ("reject", "", "io.file.empty"),
    "shift_jis.csv": ("reject", "", "io.file.encoding_other"),
    "big5.csv": ("reject", "", "io.file.encoding_other"),
    "euc_kr.csv": ("reject", "", "io.file.encoding_other"),
    "deep.json": ("reject", "deep.json", "suppliers.problem.too_deep"),
    "exponent_decimal.json": ("reject", "pcf.declaredUnitAmount", "suppliers.rule.sign+"),  # not > 0 as PACT reads it
    "nan_decimal.json": ("reject", "pcf.pcfExcludingBiogenicUptake", "suppliers.schema.decimal"),  # gate 1
    "script_product_id.json": ("reject", "productIds", "error.text_rejected"),
    "formula_standard.json": ("reject", "pcf.crossSectoralStandards", "error.text_rejected"),
    "fake_verification.json": ("reject", "pcf.verification", "suppliers.schema.type"),  # gate 1: not an object
    "huge_integer.json": ("reject", "huge_integer.json", "suppliers.problem.json"),
    "not_json.json": ("reject", "not_json.json", "suppliers.problem.json_encoding"),
}


def _read(name: str, data: bytes):
    return parse_disclosure(data, name) if name.endswith(".json") else read_inventory_file(data, name)


def test_the_corpus_and_the_table_agree():
    assert {p.name for p in HOSTILE.iterdir() if p.name != "make_corpus.py"} == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_hostile_file(name):
    expected = EXPECTED[name]
    data = (HOSTILE / name).read_bytes()
    started = time.monotonic()
    if expected[0] == "accept":
        inventories = _read(name, data)
        assert sum(len(i.lines) for i in inventories) == expected[1]
    else:
        with pytest.raises(ImportRejected) as caught:
            _read(name, data)
        problems = caught.value.problems
        assert problems, name
        first = problems[0]
        assert (first.problem_key, first.column) == (expected[2], expected[1]), name
        english, chinese = caught.value.message("en"), caught.value.message("zh")
        assert not CJK.search(english.replace(str(first.value), "")) and CJK.search(chinese)
        if first.row > 1:
            assert str(first.row) in english and str(first.row) in chinese
    assert time.monotonic() - started < 10


def test_accepted_files_read_back_exactly():
    csv = read_inventory_file((HOSTILE / "bom_utf8.csv").read_bytes(), "bom_utf8.csv")
    xlsx = read_inventory_file((HOSTILE / "stale_dimension.xlsx").read_bytes(), "stale_dimension.xlsx")
    assert [i.lines for i in csv] == [i.lines for i in xlsx]


def test_the_hidden_sheet_is_not_the_one_read():
    hidden = read_inventory_file((HOSTILE / "hidden_first_sheet.xlsx").read_bytes(), "x.xlsx")
    assert len(hidden[0].lines) == 6  # the visible sheet has 6 lines, the hidden one 1


def test_unknown_column_suggests_the_right_name():
    with pytest.raises(ImportRejected) as caught:
        read_inventory_file((HOSTILE / "unknown_column.csv").read_bytes(), "x.csv")
    assert "note_internal" in caught.value.message("en") and "note_internal" in caught.value.message("zh")


def _counts(db) -> dict[str, int]:
    tables = ("inventory_revisions", "supplier_disclosures", "audit_events", "product_revisions")
    return {t: db.execute(f"select count(*) from {t}").fetchone()[0] for t in tables}


@pytest.mark.parametrize("name", sorted(n for n, e in EXPECTED.items() if e[0] == "reject"))
def test_a_refusal_changes_nothing_in_the_store(seeded_db, name):
    before = _counts(seeded_db)
    with pytest.raises(ImportRejected):
        result = _read(name, (HOSTILE / name).read_bytes())
        if name.endswith(".json"):
            save_supplier_disclosure(seeded_db, ADMIN, result)
        else:
            import_inventories(seeded_db, ADMIN, result)
    assert _counts(seeded_db) == before


def test_json_depth_is_measured_without_parsing():
    assert json_depth(b'{"a": [1, {"b": "[[[[{{{{"}]}') == 3
    assert json_depth((HOSTILE / "deep.json").read_bytes()) > MAX_JSON_DEPTH


def test_the_app_upload_limit_is_the_core_limit():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["maxUploadSize"] == MAX_UPLOAD_MB
    assert config["client"]["showErrorDetails"] == "none"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=2000), suffix=st.sampled_from([".csv", ".xlsx", ".json"]))
def test_random_bytes_are_refused_or_read_never_crash(data, suffix):
    try:
        _read("random" + suffix, data)
    except ImportRejected as error:
        assert error.message("zh") and error.message("en")


@settings(max_examples=150, deadline=None)
@given(cells=st.lists(st.text(max_size=30), min_size=1, max_size=20))
def test_random_csv_rows_are_refused_or_read_never_crash(cells):
    header = "product_model,period_start,period_end,stage,activity,amount,unit,factor_id\n"
    body = ",".join('"' + c.replace('"', '""') + '"' for c in cells) + "\n"
    try:
        read_inventory_file((header + body).encode("utf-8"), "random.csv")
    except ImportRejected as error:
        assert error.message("zh") and error.message("en")


def test_an_xlsx_with_an_unknown_compression_method_is_refused():
    data = bytearray((HOSTILE / "stale_dimension.xlsx").read_bytes())
    at = data.find(b"PK\x01\x02")  # every central-directory entry: its compression method at offset 10
    while at != -1:
        data[at + 10:at + 12] = (99).to_bytes(2, "little")
        at = data.find(b"PK\x01\x02", at + 4)
    with pytest.raises(ImportRejected) as caught:
        read_inventory_file(bytes(data), "x.xlsx")
    assert caught.value.problems[0].problem_key == "io.file.malformed"
