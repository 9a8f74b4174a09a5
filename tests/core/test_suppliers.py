"""Suppliers' PACT disclosures: parsing v3/v2 exactly, rejections in both languages, append-only store, fair comparison."""

from __future__ import annotations

import json
import re
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from cfp_core.access import cli_principal  # noqa: E402
from cfp_core.analysis.suppliers import (
    BLOCKING,
    CAUTION,
    INFO,
    compare_suppliers,
    comparison_chart,
    comparison_table,
    stored_label,
    stored_table,
)
from cfp_core.errors import ImportRejected
from cfp_core.io import list_supplier_disclosures, mean_dqr, parse_disclosure, save_supplier_disclosure

ADMIN = cli_principal("weisidemu", "tests")  # the acting principal of every write in these tests

DATA = Path(__file__).resolve().parents[1] / "data" / "suppliers"
TODAY = date(2026, 11, 24)
NAMES = ("supplier_a_v3", "supplier_b_v3", "supplier_c_ar6", "supplier_d_old", "supplier_e_v2_kg")


def load(name: str):
    return parse_disclosure((DATA / f"{name}.json").read_bytes(), f"{name}.json")


def edited(name: str, change) -> bytes:
    document = json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))
    change(document)
    return json.dumps(document).encode("utf-8")


def rejected(data: bytes) -> ImportRejected:
    with pytest.raises(ImportRejected) as caught:
        parse_disclosure(data, "x.json")
    return caught.value


@pytest.fixture
def all_five():
    return [load(name) for name in NAMES]


def test_parse_v3_values_are_exact():
    d = load("supplier_a_v3")
    assert d.spec_version == "3.0.0" and d.supplier == "华东电源科技有限公司" and d.status == "Active"
    assert d.pcf_excluding_biogenic == 26.962826674016668 == d.pcf_including_biogenic == d.fossil_emissions
    assert d.declared_unit == "piece" and d.declared_amount == 1.0 and d.mass_kg_per_unit == 95.0
    assert d.per_kg == 26.962826674016668 / 95.0
    assert (d.period_start, d.period_end, d.geography) == ("2025-01-01", "2026-01-01", "CN-ZJ")
    assert d.gwp_sets == ("AR5",) and d.standards == ("ISO14067",)
    assert d.primary_data_share == 67.21853347624818 and d.verified is True
    assert dict(d.dqr)["temporalDQR"] == 1.500717482544969
    assert mean_dqr(d) == pytest.approx((2.4027075152296704 + 1.9019900326847015 + 1.500717482544969) / 3)
    assert d.product_ids == ("urn:uuid:895c3c7f-6d90-5c06-b3a2-986431065819",)


def test_parse_v2_per_kilogram():
    d = load("supplier_e_v2_kg")
    assert d.spec_version == "2.3.0" and d.declared_unit == "kilogram" and d.declared_amount == 160.0
    assert d.pcf_excluding_biogenic == 0.26931404440466666 and d.mass_kg_per_unit == 1.0
    assert d.per_kg == 0.26931404440466666 and d.gwp_sets == ("AR5",) and d.standards == ("ISO14067",)
    assert d.primary_data_share == 63.80178567534417 and not d.verified
    assert [name for name, _ in d.dqr] == ["technologicalDQR", "temporalDQR", "geographicalDQR"]


def test_decimal_strings_parse_exactly_through_decimal():
    data = edited("supplier_a_v3", lambda d: d["pcf"].update(pcfExcludingBiogenicUptake="0.1000000000000000055511"))
    assert parse_disclosure(data, "x.json").pcf_excluding_biogenic == 0.1


def test_invalid_sample_names_every_field_in_both_languages():
    error = rejected((DATA / "invalid.json").read_bytes())
    assert [p.column for p in error.problems] == [
        "companyName", "pcf.pcfExcludingBiogenicUptake", "pcf.referencePeriodEnd"]
    english, chinese = error.message("en"), error.message("zh")
    assert "markup" in english and "decimal string" in english and "required PACT field" in english
    assert "HTML" in chinese and "十进制" in chinese and "必填字段" in chinese
    assert "pcf.referencePeriodEnd" in english and "pcf.referencePeriodEnd" in chinese


@pytest.mark.parametrize(("change", "column", "en", "zh"), [
    (lambda d: d["pcf"].update(fossilGhgEmissions="-3"), "pcf.fossilGhgEmissions", "0 or more", "大于或等于 0"),
    (lambda d: d["pcf"].update(fossilGhgEmissions="NaN"), "pcf.fossilGhgEmissions", "0 or more", "大于或等于 0"),
    (lambda d: d["pcf"].update(pcfIncludingBiogenicUptake="1e999"), "pcf.pcfIncludingBiogenicUptake",
     "decimal string", "十进制字符串"),
    (lambda d: d["pcf"].update(declaredUnitAmount="0"), "pcf.declaredUnitAmount", "greater than 0", "大于 0"),
    (lambda d: d["pcf"].update(referencePeriodStart="last year"), "pcf.referencePeriodStart", "ISO 8601", "ISO 8601"),
    (lambda d: d["pcf"].update(ipccCharacterizationFactors=[]), "pcf.ipccCharacterizationFactors", "list", "列表"),
    (lambda d: d.update(specVersion="1.0.0"), "specVersion", "unsupported specVersion", "不支持"),
    (lambda d: d.update(productNameCompany="=HYPERLINK(1)"), "productNameCompany", "formula", "公式"),
    (lambda d: d.update(companyName='<img src=x onerror="alert(1)">'), "companyName", "markup", "标记"),
])
def test_each_rejection_names_the_field_and_the_fix(change, column, en, zh):
    error = rejected(edited("supplier_a_v3", change))
    assert [p.column for p in error.problems] == [column]
    assert en in error.message("en") and zh in error.message("zh")


def test_malformed_json_and_non_pact_documents_are_rejected():
    broken = rejected(b'{\n  "id": not json')
    assert broken.problems[0].problem_key == "suppliers.problem.json_at"
    assert "第 2 行第 9 列" in broken.message("zh") and "line 2, column 9" in broken.message("en")
    for error in (broken, rejected(b"\xff\xfe{}"), rejected(b'{"a": NaN}')):  # no Python English (#12.14)
        assert "Expecting" not in error.message("zh") and "codec" not in error.message("zh")
        assert not re.search(r"[A-Za-z]{5,}", error.message("zh").replace("ProductFootprint", "").replace(
            "PACT", "").replace("JSON", "").replace("Infinity", "").replace("x.json", ""))
    assert rejected(b"\xff\xfe{}").problems[0].problem_key == "suppliers.problem.json_encoding"
    error = rejected(b'{"id": "1"}')
    assert error.problems[0].column == "pcf" and "ProductFootprint" in error.message("en")


def test_store_appends_and_is_immutable(fresh_db):
    first = save_supplier_disclosure(fresh_db, ADMIN, load("supplier_a_v3"), part="48V rectifier")
    second = save_supplier_disclosure(fresh_db, ADMIN, load("supplier_b_v3"))
    assert second == first + 1
    stored = list_supplier_disclosures(fresh_db)
    assert [s.id for s in stored] == [first, second] and stored[0].part == "48V rectifier"
    assert stored[1].part == stored[1].disclosure.product
    assert stored[0].disclosure == load("supplier_a_v3")
    with pytest.raises(sqlite3.DatabaseError, match="immutable"):
        fresh_db.execute("UPDATE supplier_disclosures SET supplier = 'x'")
    with pytest.raises(sqlite3.DatabaseError, match="immutable"):
        fresh_db.execute("DELETE FROM supplier_disclosures")
    assert stored_label(stored[0]).startswith(f"#{first} 华东电源科技有限公司")
    assert list(stored_table(stored, "en").columns)[:2] == ["No.", "Supplier"]
    received = stored_table(stored, "en", "Asia/Shanghai").iloc[0, 5]
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d \(UTC\+8\)", received)  # local, with its zone, not ISO


def keys(comparison, index) -> dict[str, str]:
    return {f.key: f.severity for f in comparison.findings_of(index)}


def test_findings_for_each_variant(all_five):
    c = compare_suppliers(all_five, "en", baseline=0, today=TODAY)
    assert c.basis == "per_kg"
    assert keys(c, 0) == {}
    assert keys(c, 1) == {}
    assert keys(c, 2) == {"suppliers.finding.gwp": BLOCKING, "suppliers.finding.unverified": CAUTION}
    assert keys(c, 3) == {
        "suppliers.finding.period_gap": CAUTION, "suppliers.finding.standards": INFO,
        "suppliers.finding.deprecated": BLOCKING, "suppliers.finding.expired": CAUTION,
        "suppliers.finding.unverified": CAUTION, "suppliers.finding.primary_low": CAUTION}
    assert keys(c, 4) == {"suppliers.finding.unit_per_kg": CAUTION, "suppliers.finding.unverified": CAUTION}
    gwp = c.findings_of(2)[0]
    assert "28" in gwp.message("en") and "29.8" in gwp.message("zh") and "AR6" in gwp.message("zh")


def test_primary_share_prints_as_a_percentage_with_the_share_rule(all_five):
    from cfp_core.analysis.suppliers import COLUMN_FORMATS
    from cfp_core.numbers import SHARE_FORMAT
    low = compare_suppliers(all_five, "en", baseline=0, today=TODAY).findings_of(3)[-1]
    assert low.key == "suppliers.finding.primary_low"
    for lang in ("en", "zh"):
        assert "20%" in low.message(lang) and "%." not in low.message(lang) and " %" not in low.message(lang)
    assert COLUMN_FORMATS["primary"] == SHARE_FORMAT and SHARE_FORMAT % 67.21853347624818 == "67.22%"


def test_ranking_excludes_non_comparable_ones(all_five):
    c = compare_suppliers(all_five, "zh", today=TODAY)
    assert c.excluded == (2, 3)
    assert c.ranking == (1, 4, 0)  # per kg: 0.269314… (tie broken by order), 0.269314…, 0.283819…
    assert [c.value(i) for i in c.ranking] == sorted(c.value(i) for i in c.ranking)
    assert any("弃用" in reason for reason in c.reasons(3, "zh"))


def test_per_unit_basis_when_all_share_a_unit(all_five):
    c = compare_suppliers(all_five[:3], "en", baseline=1, today=TODAY)
    assert c.basis == "per_unit" and c.ranking == (0, 1) and c.excluded == (2,)


def test_different_unit_without_mass_blocks(all_five):
    no_mass = all_five[4].model_copy(update={"mass_kg_per_unit": None})
    c = compare_suppliers([all_five[0], no_mass, all_five[1]], "en", today=TODAY)
    assert c.basis == "per_unit" and keys(c, 1)["suppliers.finding.unit"] == BLOCKING
    assert c.ranking == (0, 2) and c.excluded == (1,)
    assert "product mass" in c.reasons(1, "en")[0]
    assert "（千克，基准为 件）" in c.reasons(1, "zh")[0]


def test_table_and_chart_are_localized(all_five):
    c = compare_suppliers(all_five, "zh", today=TODAY)
    table = comparison_table(c, "zh")
    assert list(table.columns)[:3] == ["供应商", "产品", "碳足迹（kgCO2e/声明单位）"]
    assert table.iloc[0, 2] == 26.962826674016668 and table.iloc[4, 4] == "千克"
    assert list(table["排名"].astype("object").where(table["排名"].notna(), None)) == [3, 1, None, None, 2]
    assert comparison_table(c, "en").columns[-1] == "Rank"
    spec = comparison_chart(c, "en").to_dict()
    assert spec["mark"]["type"] == "bar" and spec["encoding"]["color"]["scale"]["range"][1] == "#B0B0B0"


def test_cradle_to_grave_label_blocks(all_five):
    grave = load("supplier_f_grave")
    assert grave.labelled_cradle_to_grave and grave.pcf_excluding_biogenic == 61.5
    assert not any(d.labelled_cradle_to_grave for d in all_five)  # our exports say "Cradle-to-gate processes"
    c = compare_suppliers([all_five[0], grave], "zh", today=TODAY)
    assert keys(c, 1) == {"suppliers.finding.boundary": BLOCKING}
    assert c.ranking == (0,) and c.excluded == (1,)
    assert "摇篮到大门" in c.reasons(1, "zh")[0] and "cradle-to-gate" in c.reasons(1, "en")[0]


def test_valid_samples_follow_the_official_pact_schemas():
    import yaml
    from jsonschema import Draft202012Validator, FormatChecker

    for schema_file, names in (("pact-v3.0.1-schemas.yaml", NAMES[:4] + ("supplier_f_grave",)),
                               ("pact-v2.3.1-schemas.yaml", ("supplier_e_v2_kg",))):
        document = yaml.safe_load((DATA.parent / "pact" / schema_file).read_text(encoding="utf-8"))
        validator = Draft202012Validator({**document, "$ref": "#/components/schemas/ProductFootprint"},
                                         format_checker=FormatChecker())
        for name in names:
            sample = json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))
            assert [e.message for e in validator.iter_errors(sample)] == [], name


def test_the_period_reads_with_its_last_day_not_pacts_exclusive_end():
    from cfp_core.io.suppliers import _last_day_of, last_day

    assert _last_day_of("2026-01-01T00:00:00Z") == "2025-12-31"  # midnight: the day before is the last day
    assert _last_day_of("2025-12-31T23:59:59Z") == "2025-12-31"
    assert _last_day_of(None) is None and _last_day_of("not a date") is None
    assert last_day("2026-01-01", midnight=True) == "2025-12-31"  # a record stored before the field existed
