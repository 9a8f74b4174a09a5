"""PACT v3.0 / v2.3 export, validated against the vendored official WBCSD schemas (tests/data/pact)."""

from __future__ import annotations

import json
import math
import re
import uuid
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator, FormatChecker

from cfp_core import store
from cfp_core.access import cli_principal  # noqa: E402
from cfp_core.errors import PactNotRepresentable, ProductMassMissing
from cfp_core.publish import snapshots as pub
from cfp_core.publish.disclosure import build_disclosure
from cfp_core.publish.pact import decimal_string, pact_v2, pact_v3, pf_id_for, v3_gaps
from cfp_core.publish.pact_fields import cross_sectoral_standards
from tests.support.product import CARBON, as_of_2024

ADMIN = cli_principal("weisidemu", "tests")  # the acting principal of every write in these tests

SCHEMAS = Path(__file__).resolve().parents[1] / "data" / "pact"
DECIMAL = re.compile(r"^[+-]?\d+(\.\d+)?$")
CREATED = "2026-11-24T08:00:00Z"
PF_ID = "2f3c6a0e-9d1b-4c55-8a37-1e2d3c4b5a69"


def _validator(filename: str) -> Draft202012Validator:
    document = yaml.safe_load((SCHEMAS / filename).read_text(encoding="utf-8"))
    schema = {**document, "$ref": "#/components/schemas/ProductFootprint"}
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FormatChecker())


V3 = _validator("pact-v3.0.1-schemas.yaml")
V2 = _validator("pact-v2.3.1-schemas.yaml")


def _errors(validator, document) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(document)]


@pytest.fixture
def ws(seeded_db):
    return build_disclosure(seeded_db, "WS-TPS-48-900A", "2025")


@pytest.fixture
def ws_with_mass(ws):
    return ws.model_copy(update={"product": ws.product.model_copy(update={"product_mass_kg": 120.0, **CARBON})})


def _demo_disclosures(db):
    for product in store.list_products(db):
        if product.illustrative and product.product_mass_kg:
            for period in store.list_periods(db, product.model_code):
                yield build_disclosure(db, product.model_code, period)


def test_ws_with_mass_validates_against_v3(ws_with_mass):
    document = pact_v3(ws_with_mass, pf_id=PF_ID, created=CREATED)
    assert _errors(V3, document) == []
    pcf = document["pcf"]
    assert float(pcf["pcfExcludingBiogenicUptake"]) == pytest.approx(69.534, abs=0.005)
    assert pcf["pcfIncludingBiogenicUptake"] == pcf["fossilGhgEmissions"] == pcf["pcfExcludingBiogenicUptake"]
    assert float(pcf["outboundLogisticsGhgEmissions"]) == pytest.approx(8.2246, abs=0.005)
    assert pcf["declaredUnitOfMeasurement"] == "piece" and pcf["declaredUnitAmount"] == "1"
    assert pcf["productMassPerDeclaredUnit"] == "120"
    assert pcf["referencePeriodStart"] == "2025-01-01T00:00:00Z"
    assert pcf["referencePeriodEnd"] == "2026-01-01T00:00:00Z"
    assert pcf["geographyCountrySubdivision"] == "CN-ZJ" and "geographyCountry" not in pcf
    assert pcf["ipccCharacterizationFactors"] == ["AR5"]
    assert pcf["crossSectoralStandards"] == ["ISO14067", "PAS2050"]
    assert pcf["verification"]["providerName"] == "三信国际检测认证有限公司"
    assert pcf["verification"]["completedAt"] == "2026-06-18T00:00:00Z"
    assert "End of life" in pcf["boundaryProcessesDescription"]
    assert document["specVersion"] == "3.0.0" and "version" not in document


def test_pcf_excludes_use_end_of_life_and_distribution(ws_with_mass):
    pcf = pact_v3(ws_with_mass, pf_id=PF_ID, created=CREATED)["pcf"]
    stages = {s.stage.value: s.kg_co2e for s in ws_with_mass.stages}
    c2g = math.fsum(stages[s] for s in ("raw_material_acquisition", "raw_material_transport", "production"))
    assert float(pcf["pcfExcludingBiogenicUptake"]) == pytest.approx(c2g, abs=5e-7)
    assert float(pcf["pcfExcludingBiogenicUptake"]) < ws_with_mass.total_kg_co2e - 15


def test_decimals_are_strings_with_six_decimals_at_most(ws_with_mass):
    pcf = pact_v3(ws_with_mass, pf_id=PF_ID, created=CREATED)["pcf"]
    for field in ("pcfExcludingBiogenicUptake", "fossilGhgEmissions", "outboundLogisticsGhgEmissions",
                  "primaryDataShare", "exemptedEmissionsPercent", "productMassPerDeclaredUnit"):
        assert isinstance(pcf[field], str) and DECIMAL.match(pcf[field]), field
    assert pcf["pcfExcludingBiogenicUptake"] == f"{ws_with_mass.cradle_to_gate_kg_co2e:.6f}".rstrip("0").rstrip(".")
    document = pact_v3(ws_with_mass, pf_id=PF_ID, created=CREATED)
    noisy = re.findall(r"\d+\.\d{7,}", json.dumps(document))  # no float noise anywhere, comments included
    assert noisy == []


def test_ws_without_mass_raises_clear_error(ws):
    with pytest.raises(ProductMassMissing) as caught:
        pact_v3(ws, pf_id=PF_ID, created=CREATED)
    assert "WS-TPS-48-900A" in caught.value.message("en")
    assert "productMassPerDeclaredUnit" in caught.value.message("en")
    assert "产品质量" in caught.value.message("zh")
    assert [m.key for m in v3_gaps(ws)] == ["pact.error.mass_missing", "pact.reason.fossil_carbon"]


def _with(disclosure, **product):
    return disclosure.model_copy(update={"product": disclosure.product.model_copy(update=product)})


def test_carbon_content_not_assessed_blocks_instead_of_a_zero(ws_with_mass):
    """#12.5: fossilCarbonContent is mandatory; a value nobody entered is never exported as "0"."""
    unassessed = _with(ws_with_mass, fossil_carbon_kg=None, biogenic_carbon_kg=None)
    with pytest.raises(PactNotRepresentable) as caught:
        pact_v3(unassessed, pf_id=PF_ID, created=CREATED)
    assert "fossilCarbonContent" in caught.value.message("en") and "化石碳含量" in caught.value.message("zh")
    assert [m.key for m in v3_gaps(unassessed)] == ["pact.reason.fossil_carbon"]
    fossil_only = _with(ws_with_mass, biogenic_carbon_kg=None)
    pcf = pact_v3(fossil_only, pf_id=PF_ID, created=CREATED)["pcf"]
    assert pcf["fossilCarbonContent"] == "2.5" and "biogenicCarbonContent" not in pcf  # v3: BIO rule
    V3.validate(pact_v3(fossil_only, pf_id=PF_ID, created=CREATED))
    with pytest.raises(PactNotRepresentable) as caught:  # v2.3 requires the biogenic content too
        pact_v2(as_of_2024(fossil_only), pf_id=PF_ID, created=CREATED, product_category_cpc="46")
    assert "biogenic carbon content" in caught.value.message("en") and "生物源碳含量" in caught.value.message("zh")
    v2 = pact_v2(as_of_2024(_with(ws_with_mass, biogenic_carbon_kg=0.6)), pf_id=PF_ID, created=CREATED,
                 product_category_cpc="46")["pcf"]
    assert (v2["fossilCarbonContent"], v2["biogenicCarbonContent"]) == ("0.020833", "0.005")  # per kg of 120 kg
    assert "reported as 0" not in pact_v3(fossil_only, pf_id=PF_ID, created=CREATED)["comment"]


def test_v2_without_mass_is_not_representable(ws):
    with pytest.raises(PactNotRepresentable) as caught:
        pact_v2(ws, pf_id=PF_ID, created=CREATED, product_category_cpc="46")
    assert '"piece"' in caught.value.message("en") and "mass" in caught.value.message("en")
    assert "件" in caught.value.message("zh")


def test_v2_needs_a_cpc_code(ws_with_mass):
    with pytest.raises(PactNotRepresentable) as caught:
        pact_v2(ws_with_mass, pf_id=PF_ID, created=CREATED)
    assert "productCategoryCpc" in caught.value.message("en")
    cpc_id = "urn:pact:productclassification:un-cpc:46"
    product = ws_with_mass.product.model_copy(update={"product_ids": (cpc_id,)})
    document = pact_v2(as_of_2024(ws_with_mass.model_copy(update={"product": product})), pf_id=PF_ID, created=CREATED)
    assert document["productCategoryCpc"] == "46"
    assert document["productClassifications"] == [cpc_id]
    assert _errors(V2, document) == []


def test_v2_is_per_kilogram_of_product(ws_with_mass):
    document = pact_v2(as_of_2024(ws_with_mass), pf_id=PF_ID, created=CREATED, product_category_cpc="46")
    assert _errors(V2, document) == []
    pcf = document["pcf"]
    assert pcf["declaredUnit"] == "kilogram" and pcf["unitaryProductAmount"] == "120"
    assert float(pcf["pCfExcludingBiogenic"]) == pytest.approx(69.534 / 120, abs=1e-4)
    assert pcf["crossSectoralStandards"] == ["ISO14067"]  # PAS2050 is not in the 2.3.1 enumeration
    assert pcf["assurance"]["assurance"] is True and document["version"] == 1


def test_demo_models_validate_against_v3_and_v2(seeded_db):
    checked = 0
    for disclosure in _demo_disclosures(seeded_db):
        pf_id = pf_id_for(disclosure.product.model_code, disclosure.period.label, disclosure.factor_set_id, 1)
        v3 = pact_v3(disclosure, pf_id=pf_id, created=CREATED)
        if disclosure.period.end.year >= 2025:  # v2.3's 2025 fields are not recorded: refused, never 0 (#12.7)
            with pytest.raises(PactNotRepresentable, match="dLucGhgEmissions"):
                pact_v2(disclosure, pf_id=pf_id, created=CREATED, product_category_cpc="46")
            disclosure = as_of_2024(disclosure)
        v2 = pact_v2(disclosure, pf_id=pf_id, created=CREATED, product_category_cpc="46")
        assert _errors(V3, v3) == [], disclosure.product.model_code
        assert _errors(V2, v2) == [], disclosure.product.model_code
        assert "ILLUSTRATIVE" in v3["comment"]
        assert "dqi" in v3["pcf"] and 1 <= float(v3["pcf"]["dqi"]["technologicalDQR"]) <= 5
        assert 1 <= v2["pcf"]["dqi"]["technologicalDQR"] <= 3
        json.dumps(v3, allow_nan=False)
        checked += 1
    assert checked >= 2


def test_dqi_is_weighted_over_the_pcf_scope_not_the_whole_study(seeded_db):
    """WS-TPS-48-300A 2025: over its cradle-to-gate lines, not use and end of life as well (#12 item 4)."""
    disclosure = next(d for d in _demo_disclosures(seeded_db) if d.product.model_code == "WS-TPS-48-300A"
                      and d.period.label == "2025")
    dqi = pact_v3(disclosure, pf_id=str(uuid.uuid4()), created=CREATED)["pcf"]["dqi"]
    assert [round(float(dqi[k]), 4) for k in ("technologicalDQR", "geographicalDQR", "temporalDQR")] == \
        [2.1959, 1.8680, 1.3278]
    whole = disclosure.data_quality  # the study's own figures stay as they are (the report, the card)
    assert [round(x, 4) for x in (whole.technological_dqr, whole.geographical_dqr, whole.temporal_dqr)] == \
        [2.4027, 1.9020, 1.5007]
    v2 = pact_v2(as_of_2024(disclosure), pf_id=str(uuid.uuid4()), created=CREATED,
                 product_category_cpc="46")["pcf"]["dqi"]
    assert v2["technologicalDQR"] == 1.597932  # 1 + (2.1958636 - 1) / 2, six decimals


def test_schema_rejects_broken_documents(ws_with_mass):
    document = pact_v3(ws_with_mass, pf_id=PF_ID, created=CREATED)
    broken = json.loads(json.dumps(document))
    del broken["pcf"]["productMassPerDeclaredUnit"]
    broken["pcf"]["fossilGhgEmissions"] = 69.5
    broken["pcf"]["geographyCountry"] = "CN"  # two geography fields
    messages = " ".join(_errors(V3, broken))
    assert "productMassPerDeclaredUnit" in messages and "69.5" in messages
    assert len(_errors(V3, broken)) >= 3


def test_preceding_ids_and_stable_ids(ws_with_mass):
    old = pf_id_for("WS-TPS-48-900A", "2025", "cn-cfp-2024", 1)
    assert old == pf_id_for("WS-TPS-48-900A", "2025", "cn-cfp-2024", 1)
    assert old != pf_id_for("WS-TPS-48-900A", "2025", "cn-cfp-2024", 2)
    document = pact_v3(ws_with_mass, pf_id=PF_ID, created=CREATED, preceding_ids=[old, old],
                       status="Deprecated")
    assert document["precedingPfIds"] == [old] and document["status"] == "Deprecated"
    assert _errors(V3, document) == []
    again = pact_v3(ws_with_mass, pf_id=PF_ID, created=CREATED)
    assert again["companyIds"] == document["companyIds"] and again["productIds"] == document["productIds"]
    assert uuid.UUID(again["productIds"][0].removeprefix("urn:uuid:")).version == 5


@pytest.mark.parametrize("value,expected", [  # PACT_DECIMAL_PLACES = 6, half to even, no exponent (#12 item 8)
    (69.5340335510918, "69.534034"), (36.300122756949996, "36.300123"), (1.0, "1"), (0.0, "0"), (-0.0, "0"),
    (120.0, "120"), (1e-7, "0"), (-1e-7, "0"), (2.5e-6, "0.000002"), (1e20, "100000000000000000000"),
    (0.1 + 0.2, "0.3"), (93.4346, "93.4346"), (-8.2246, "-8.2246"),
])
def test_decimal_string(value, expected):
    assert decimal_string(value) == expected and DECIMAL.match(expected)


def test_decimal_string_rejects_nan():
    with pytest.raises(ValueError):
        decimal_string(float("nan"))


@pytest.mark.parametrize("standards,expected", [
    (("GB/T 24067-2024", "ISO 14067:2018", "PAS 2050:2011"), ["ISO14067", "PAS2050"]),
    (("ISO 14044:2006", "GHG Protocol Product Standard"), ["ISO14040-44", "GHGP-Product"]),
    (("企业标准",), []),
])
def test_cross_sectoral_standards(standards, expected):
    assert cross_sectoral_standards(standards) == expected


def test_unknown_standard_is_not_representable(ws_with_mass):
    odd = ws_with_mass.model_copy(update={"standards": ("企业内部方法",)})
    with pytest.raises(PactNotRepresentable) as caught:
        pact_v3(odd, pf_id=PF_ID, created=CREATED)
    assert "ISO 14067" in caught.value.message("en") and "企业内部方法" in caught.value.message("zh")


def _run(db_path, *args):
    from click.testing import CliRunner

    from cfp_core.cli import cli

    return CliRunner().invoke(cli, ["--db", str(db_path), *args])


def test_cli_pact_v3_and_v2(seeded_db_path):
    result = _run(seeded_db_path, "pact", "--model", "WS-TPS-48-300A", "--period", "2025")
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    assert _errors(V3, document) == []
    assert document["id"] == pf_id_for("WS-TPS-48-300A", "2025", "cn-cfp-2024", 1)
    again = json.loads(_run(seeded_db_path, "pact", "--model", "WS-TPS-48-300A", "--period", "2025").output)
    assert again["id"] == document["id"]
    v2 = _run(seeded_db_path, "pact", "--model", "WS-TPS-48-300A", "--period", "2024", "--spec", "2.3", "--cpc", "46")
    assert v2.exit_code == 0, v2.output
    assert _errors(V2, json.loads(v2.output)) == []
    assert "outboundLogisticsGhgEmissions" not in json.loads(v2.output)["pcf"]["boundaryProcessesDescription"]
    refused = _run(seeded_db_path, "pact", "--model", "WS-TPS-48-300A", "--period", "2025", "--spec", "2.3",
                   "--cpc", "46")
    assert refused.exit_code == 1 and "dLucGhgEmissions" in refused.output and "PACT v3" in refused.output


@pytest.mark.parametrize("lang,text", [("en", "productMassPerDeclaredUnit"), ("zh", "缺少产品质量")])
def test_cli_pact_not_representable_exits_1(seeded_db_path, lang, text):
    result = _run(seeded_db_path, "--lang", lang, "pact", "--model", "WS-TPS-48-900A", "--period", "2025")
    assert result.exit_code == 1 and text in result.output
    v2 = _run(seeded_db_path, "pact", "--model", "WS-TPS-48-300A", "--period", "2025", "--spec", "2.3")
    assert v2.exit_code == 1 and "productCategoryCpc" in v2.output


def test_cli_pact_uses_the_published_snapshot_id(seeded_db_path):
    db = store.open_db(seeded_db_path)
    try:
        snapshot = pub.publish(db, ADMIN, "WS-TPS-48-300A", "2025", audience="internal")
    finally:
        db.close()
    document = json.loads(_run(seeded_db_path, "pact", "--model", "WS-TPS-48-300A", "--period", "2025").output)
    assert document["id"] == snapshot.snapshot_id and document["created"] == snapshot.created
    assert _errors(V3, document) == []


def test_cli_and_ui_give_the_same_pact_identity_for_a_snapshot(seeded_db_path):
    """One identity rule (publish.pact): the CLI export of published content and the publish page's download agree."""
    from ui import publish as ui_publish

    db = store.open_db(seeded_db_path)
    try:
        first = pub.publish(db, ADMIN, "WS-TPS-48-300A", "2025", audience="internal")
        second = pub.publish(db, ADMIN, "WS-TPS-48-300A", "2025", audience="internal")
        current = pub.load_snapshot(db, second.snapshot_id)
    finally:
        db.close()
    from_cli = json.loads(_run(seeded_db_path, "pact", "--model", "WS-TPS-48-300A", "--period", "2025").output)
    from_ui = json.loads(ui_publish._pact_json(current, "en"))
    keys = ("id", "created", "status", "precedingPfIds")
    assert [from_cli.get(k) for k in keys] == [from_ui.get(k) for k in keys]
    assert from_ui["id"] == second.snapshot_id and from_ui["precedingPfIds"] == [first.snapshot_id]


def test_factor_source_versions_are_provenance_dates_never_invented(ws_with_mass, seeded_db):
    """Each version is the source's publication date; an undated source says so, never a year (#12.6)."""
    disclosures = [ws_with_mass, *_demo_disclosures(seeded_db)]
    undated = 0
    for disclosure in disclosures:
        by_name = {" — ".join(p for p in (f.publisher, f.name_en or f.name_zh) if p): f
                   for f in disclosure.factor_sources if f.family != "custom"}
        sources = pact_v3(disclosure, pf_id=PF_ID, created=CREATED)["pcf"]["secondaryEmissionFactorSources"]
        for source in sources:
            f = by_name[source["name"]]
            if f.publication_date:
                assert source["version"] == f.publication_date
            else:
                undated += 1
                assert source["version"].startswith("undated"), source
                assert source["version"] != disclosure.factor_set_version
            assert not re.fullmatch(r"\d{4}", source["version"]), source
    cfp = [s for s in pact_v3(ws_with_mass, pf_id=PF_ID, created=CREATED)["pcf"]["secondaryEmissionFactorSources"]
           if s["name"].startswith("MEE/NBS/NEA")]
    assert cfp and {s["version"] for s in cfp} == {"2025-09-28"}  # the 2024 CFP factors' signing date
    assert undated  # the GB/T 32151 fuel defaults have no date in the provenance
