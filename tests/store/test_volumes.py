"""Production volumes and reduction targets in the store (#13.5): append-only revisions, role and organisation
checks in the core, and the volume file import (CSV/xlsx through the tabular helpers' hostile-input checks)."""

from __future__ import annotations

import sqlite3

import pytest

from cfp_core import io as cfp_io
from cfp_core import store
from cfp_core.access import Principal, Role, cli_principal
from cfp_core.errors import ImportRejected, PermissionDenied
from cfp_core.store import ReductionTarget, VolumeEntry, VolumeRejected

ORG = "weisidemu"


def member(*roles: Role, org: str = ORG) -> Principal:
    return Principal(subject=f"sub-{'-'.join(r.value for r in roles) or 'none'}", org_id=org, roles=frozenset(roles))


def entry(model: str = "WS-TPS-48-900A", period: str = "2025", volume: float = 2000.0) -> VolumeEntry:
    return VolumeEntry(model_code=model, period=period, volume=volume)


def test_each_save_is_a_new_revision_and_the_newest_volume_wins(seeded_db):
    seeded = store.current_volumes(seeded_db)[("WS-TPS-48-900A", "2025")]
    assert seeded["volume"] == 1800.0 and seeded["illustrative"] and seeded["revision"] == 1
    first = store.save_volumes(seeded_db, member(Role.EDITOR), [entry(volume=2000.0)])
    second = store.save_volumes(seeded_db, member(Role.EDITOR), [entry(volume=2100.0)], comment="recount")
    assert (first, second) == (2, 3)
    current = store.current_volumes(seeded_db)
    assert current[("WS-TPS-48-900A", "2025")]["volume"] == 2100.0
    assert not current[("WS-TPS-48-900A", "2025")]["illustrative"]
    assert current[("WS-TPS-48-300A", "2025")]["volume"] == 5100.0  # untouched keys keep their revision-1 value
    kept = [r["volume"] for r in seeded_db.query(
        "select volume from production_volumes where model_code = 'WS-TPS-48-900A' and period = '2025' order by id")]
    assert kept == [1800.0, 2000.0, 2100.0]  # nothing overwritten
    assert [r["revision"] for r in store.volume_revisions(seeded_db)] == [3, 2, 1]


@pytest.mark.parametrize("sql", ["update production_volumes set volume = 1", "delete from production_volumes",
                                 "update reduction_targets set value = 1", "delete from reduction_targets"])
def test_volumes_and_targets_are_append_only(seeded_db, sql):
    with pytest.raises(sqlite3.DatabaseError, match="immutable"):
        seeded_db.execute(sql)


def test_a_viewer_cannot_save_volumes_and_nothing_is_written(seeded_db):
    changes = seeded_db.conn.total_changes
    with pytest.raises(PermissionDenied) as denied:
        store.save_volumes(seeded_db, member(Role.VIEWER), [entry()])
    assert seeded_db.conn.total_changes == changes
    assert "保存产量" in denied.value.message("zh") and "save production volumes" in denied.value.message("en")
    with pytest.raises(PermissionDenied):
        store.save_volumes(seeded_db, member(Role.EDITOR, org="other-company"), [entry()])
    with pytest.raises(PermissionDenied):
        store.save_target(seeded_db, member(Role.VIEWER), ReductionTarget(baseline_year=2023, target_year=2030, value=10))


def test_an_unknown_model_or_an_empty_save_is_refused_whole(seeded_db):
    before = len(list(seeded_db.query("select id from production_volumes")))
    with pytest.raises(VolumeRejected) as raised:
        store.save_volumes(seeded_db, member(Role.EDITOR), [entry(), entry(model="NO-SUCH-MODEL")])
    assert "NO-SUCH-MODEL" in raised.value.message("en") and "NO-SUCH-MODEL" in raised.value.message("zh")
    with pytest.raises(VolumeRejected):
        store.save_volumes(seeded_db, member(Role.EDITOR), [])
    assert len(list(seeded_db.query("select id from production_volumes"))) == before


def test_targets_are_revisions_per_scope(seeded_db):
    admin = member(Role.ADMIN)
    assert store.save_target(seeded_db, admin, ReductionTarget(baseline_year=2023, target_year=2035, value=40)) == 2
    targets = {t.model_code: t for t in store.current_targets(seeded_db)}
    assert targets[""].target_year == 2035 and not targets[""].illustrative
    assert targets["WS-TPS-48-900A"].value == 25.0 and targets["WS-TPS-48-900A"].illustrative  # the seeded demo


def test_a_volume_file_with_chinese_headers_imports(seeded_db):
    data = "产品型号,报告期,产量（声明单位）,备注\nWS-TPS-48-900A,2025,1900,复核\nWS-TPS-48-600A,2025,3600,\n"
    entries = cfp_io.read_volume_file(data.encode("utf-8-sig"), "volumes.csv")
    assert [(e.model_code, e.period, e.volume, e.note) for e in entries] == [
        ("WS-TPS-48-900A", "2025", 1900.0, "复核"), ("WS-TPS-48-600A", "2025", 3600.0, "")]
    store.save_volumes(seeded_db, cli_principal(ORG), entries, comment="volumes.csv")
    assert store.current_volumes(seeded_db)[("WS-TPS-48-600A", "2025")]["volume"] == 3600.0


def test_every_bad_cell_of_a_volume_file_is_named():
    data = ("product_model,period,volume,note\nWS-TPS-48-900A,2025,-5,\nWS-TPS-48-900A,2024,lots,\n"
            "WS-TPS-48-900A,2025,10,\nWS-TPS-48-600A,2025,10,=HYPERLINK(\"x\")\n,2025,3,\n")
    with pytest.raises(ImportRejected) as raised:
        cfp_io.read_volume_file(data.encode(), "v.csv")
    where = [(p.row, p.column) for p in raised.value.problems]
    assert where == [(2, "volume"), (3, "volume"), (5, "note"), (6, "product_model")]
    assert "第 2 行" in raised.value.message("zh") and "Row 2" in raised.value.message("en")


def test_a_duplicate_model_and_period_names_the_first_row():
    data = "product_model,period,volume\nWS-TPS-48-900A,2025,1\nWS-TPS-48-900A,2025,2\n"
    with pytest.raises(ImportRejected) as raised:
        cfp_io.read_volume_file(data.encode(), "v.csv")
    (problem,) = raised.value.problems
    assert (problem.row, problem.column) == (3, "period") and "row 2" in problem.message("en")


@pytest.mark.parametrize("data, name", [(b"", "v.csv"), (b"\x00\x01\x02", "v.xlsx"), (b"a,b", "v.txt"),
                                        (b"product_model,period,colour\nX,2025,red\n", "v.csv"),
                                        (b"product_model,volume\nX,3\n", "v.csv")])
def test_hostile_or_wrong_files_are_rejected_with_a_reason(data, name):
    with pytest.raises(ImportRejected) as raised:
        cfp_io.read_volume_file(data, name)
    assert raised.value.message("zh") and raised.value.message("en") != raised.value.message("zh")


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_template_reads_back(fmt, lang):
    rows = [{"product_model": "WS-TPS-48-900A", "period": "2025", "volume": 1800.0}]
    data = cfp_io.volume_template_bytes(fmt, lang, rows)
    (back,) = cfp_io.read_volume_file(data, f"t.{fmt}")
    assert (back.model_code, back.period, back.volume) == ("WS-TPS-48-900A", "2025", 1800.0)
