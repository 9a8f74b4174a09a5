"""The card's hash anyone can check (RFC 8785, card schema cfp-card/2), old cards checked the old way, and a
card that notices when its stored content was changed (#12 item 13, #14 item 5)."""

from __future__ import annotations

import hashlib
import json
import sqlite3

import pytest
import rfc8785
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from cfp_core import store
from cfp_core.access import cli_principal
from cfp_core.cli import cli
from cfp_core.publish import card, integrity
from cfp_core.publish import snapshots as pub
from cfp_core.publish.card import html as card_html
from cfp_core.server.catalogue import Catalogue
from tests.support.product import CARBON

WS = ("WS-TPS-48-900A", "2025")
ADMIN = cli_principal("weisidemu")
PROOF = {"zh": "可证明内容自发布以来未被改动", "en": "proves the content has not changed"}
FAILED = {"zh": "完整性校验未通过", "en": "Integrity check failed"}


@pytest.fixture
def published(seeded_db):
    return pub.publish(seeded_db, ADMIN, *WS)


def _tamper(path, snapshot_id: str, old: str, new: str) -> None:
    """Change a stored snapshot behind the store's back (as someone with the file would), then reopen."""
    raw = sqlite3.connect(path)
    raw.execute("drop trigger published_snapshots_no_update")
    raw.execute("update published_snapshots set payload = replace(payload, ?, ?) where snapshot_id = ?",
                [old, new, snapshot_id])
    raw.commit()
    raw.close()


def test_the_hash_is_rfc_8785_and_differs_from_the_old_form_where_it_should():
    content = {"schema": "cfp-card/2", "b": 0.0, "a": [1e-7, 93.4346, "中"]}
    assert integrity.canonical_text(content) == '{"a":[1e-7,93.4346,"中"],"b":0,"schema":"cfp-card/2"}'
    old = {**content, "schema": "cfp-card/1"}
    assert integrity.canonical_text(old) == '{"a":[1e-07,93.4346,"中"],"b":0.0,"schema":"cfp-card/1"}'
    with pytest.raises(integrity.CardUnreadable) as caught:
        integrity.content_hash({**content, "schema": "cfp-card/9"})
    assert "cfp-card/9" in caught.value.message("zh") and "cfp-card/2" in caught.value.message("en")


def test_a_new_card_is_checked_by_anyone_with_rfc_8785(published, seeded_db, tmp_path):
    loaded = pub.load_snapshot(seeded_db, published.snapshot_id)
    assert loaded.card_schema == "cfp-card/2" and pub.verify_snapshot(loaded)
    document = json.loads(card.card_json(loaded))
    assert hashlib.sha256(rfc8785.dumps(document["content"])).hexdigest() == document["content_hash"]
    assert document["integrity_check"] == "passed"
    assert integrity.check_card_document(card.card_json(loaded)).ok
    for lang in ("zh", "en"):
        view = card.card_view(loaded, lang)
        assert view.intact and view.banner is None and PROOF[lang] in view.integrity_text
        assert loaded.content_hash in view.verify_steps[-1] and "RFC 8785" in view.verify_steps[1]
        page = card_html.card_html(loaded, lang)
        assert PROOF[lang] in page and "rfc8785.dumps" in page and FAILED[lang] not in page


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(st.text(max_size=8), st.recursive(
    st.none() | st.booleans() | st.integers(-(2**53) + 1, 2**53 - 1) | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12), lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner,
                                                                                        max_size=4), max_leaves=12)))
def test_the_hash_survives_any_reserialisation(extra):
    """What a reader's tools do to a JSON file (indent, reorder keys, escape non-ASCII) leaves the hash as it was."""
    content = {**extra, "schema": "cfp-card/2"}
    stated = integrity.content_hash(content)
    reordered = dict(reversed(list(content.items())))
    retyped = json.loads(json.dumps(reordered, indent=2, ensure_ascii=True))
    assert integrity.content_hash(retyped) == stated
    document = json.dumps({"content": retyped, "content_hash": stated, "hash_algorithm": "sha256"}, indent=1)
    assert integrity.check_card_document(document).ok


def test_a_card_published_before_rfc_8785_still_checks_the_old_way(published, seeded_db):
    """A cfp-card/1 snapshot (written by an older release) is never rewritten and still verifies."""
    content = json.loads(published.stored_payload)
    content["schema"] = "cfp-card/1"
    old_text = store.canonical_json(content)
    row = dict(next(iter(seeded_db.query("select * from published_snapshots where snapshot_id = ?",
                                         [published.snapshot_id]))))
    row.update(snapshot_id="old-" + row["snapshot_id"][4:], token="old-token-" + "x" * 40, version=row["version"] + 1,
               payload=old_text, content_hash=hashlib.sha256(old_text.encode()).hexdigest())
    seeded_db.table("published_snapshots").insert(row)
    old = pub.load_snapshot(seeded_db, row["snapshot_id"])
    assert old.card_schema == "cfp-card/1" and pub.verify_snapshot(old)
    document = json.loads(card.card_json(old))
    assert document["content"]["schema"] == "cfp-card/1" and "before RFC 8785" in document["hash_of"]
    assert integrity.check_card_document(card.card_json(old)).ok
    assert "json.dumps" in card.card_view(old, "en").verify_steps[1]


def test_a_changed_snapshot_says_integrity_check_failed_everywhere(published, seeded_db, seeded_db_path):
    _tamper(seeded_db_path, published.snapshot_id, "93.43", "83.43")
    db = store.open_db(seeded_db_path)  # the trigger comes back; the changed row stays changed
    try:
        tampered = pub.load_snapshot(db, published.snapshot_id)
    finally:
        db.close()
    assert not pub.verify_snapshot(tampered)
    for lang in ("zh", "en"):
        view = card.card_view(tampered, lang)
        assert not view.intact and view.banner[0] == "tampered" and FAILED[lang] in view.banner[1]
        assert PROOF[lang] not in view.integrity_text and FAILED[lang] in view.integrity_text
        page = card_html.card_html(tampered, lang)
        assert FAILED[lang] in page and PROOF[lang] not in page and "cfp-banner--tampered" in page
        assert card.render_card(tampered, "png", lang).startswith(b"\x89PNG")
    document = json.loads(card.card_json(tampered))
    assert document["integrity_check"] == "failed"
    assert not integrity.check_card_document(card.card_json(tampered)).ok


def test_the_disclosure_server_never_serves_a_changed_snapshot_over_pact(seeded_db, seeded_db_path):
    product = store.load_product(seeded_db, WS[0])
    store.save_product(seeded_db, ADMIN, product.model_copy(update={"product_mass_kg": 120.0, **CARBON}))  # PACT needs it
    published = pub.publish(seeded_db, ADMIN, *WS)
    before = Catalogue(seeded_db_path)
    assert published.snapshot_id in before.view.pact_by_id
    before.close()
    _tamper(seeded_db_path, published.snapshot_id, "93.43", "83.43")
    after = Catalogue(seeded_db_path)
    try:
        assert published.snapshot_id not in after.view.pact_by_id
        assert not card.card_view(after.view.by_id[published.snapshot_id], "en").intact  # the card says so
    finally:
        after.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_card_verify_command(published, tmp_path, lang):
    good = tmp_path / "card.json"
    good.write_text(card.card_json(published), encoding="utf-8")
    runner = CliRunner()
    ok = runner.invoke(cli, ["--lang", lang, "card-verify", str(good)])
    assert ok.exit_code == 0 and published.content_hash in ok.output and "cfp-card/2" in ok.output
    changed = tmp_path / "changed.json"
    changed.write_text(good.read_text(encoding="utf-8").replace("93.43", "83.43"), encoding="utf-8")
    bad = runner.invoke(cli, ["--lang", lang, "card-verify", str(changed)])
    assert bad.exit_code == 1 and FAILED[lang] in bad.output and "Traceback" not in bad.output
    for text, key in (("not json", "card.verify.error.json"), ('{"content": 1}', "card.verify.error.shape")):
        other = tmp_path / "other.json"
        other.write_text(text, encoding="utf-8")
        refused = runner.invoke(cli, ["--lang", lang, "card-verify", str(other)])
        assert refused.exit_code == 1 and "Traceback" not in refused.output
        assert integrity.CardUnreadable(key).message(lang) in refused.output
