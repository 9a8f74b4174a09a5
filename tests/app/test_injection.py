"""Markdown injection (#14.6): user and supplier text never becomes a link, an image or an autolink on any page.

The workspace is seeded with hostile names (a product, a supplier's company and product, a withdrawal reason,
a factor set's name); every page is rendered in both languages and every string an element carries to the
browser (Markdown bodies, alerts, labels, captions, options, help) is searched for live Markdown: an
unescaped ``](``, ``![`` or ``://``. Escaped text (``\\]\\(``) shows literally, so it is fine.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path

import pytest
from google.protobuf.message import Message

from cfp_core import store
from cfp_core.access import cli_principal
from cfp_core.io import parse_disclosure, save_supplier_disclosure
from cfp_core.publish import snapshots as pub
from ui import nav

ADMIN = cli_principal("weisidemu", "tests")
DATA = Path(__file__).resolve().parents[1] / "data" / "suppliers"
EVIL = "[evil link](http://evil.test/a) ![evil image](http://evil.test/i.png) www.evil.test"
LIVE = re.compile(r"(?<!\\)\]\((?!\))|(?<!\\)!\[|(?<!\\)://|(?<!\\)www\.evil")
NOT_MARKDOWN = {"arrow_data_frame", "arrow_table", "vega_lite_chart", "json", "code", "download_button", "data"}
PLAIN = {"selectbox", "multiselect", "text_input", "text_area", "number_input"}  # options and values: plain text
PLAIN_FIELDS = {"options", "default", "value", "raw_value", "placeholder"}


@pytest.fixture
def hostile(seeded_db_path) -> str:
    """Store hostile text in every kind of record a page shows; return a token of a withdrawn card."""
    db = store.open_db(seeded_db_path)
    try:
        product = store.load_product(db, "WS-TPS-48-300A")
        store.save_product(db, ADMIN, product.model_copy(update={"name_zh": EVIL, "name_en": EVIL}), comment=EVIL)
        org = store.load_organisation(db, product.org_id)
        store.save_organisation(db, ADMIN, org.model_copy(update={"name_zh": EVIL, "name_en": EVIL, "address": EVIL}))
        inventory = store.load_inventory(db, "WS-TPS-48-300A", "2025")
        lines = [line.model_copy(update={"activity": EVIL, "note": EVIL}) for line in inventory.lines]
        store.save_inventory(db, ADMIN, inventory.model_copy(update={"lines": tuple(lines)}), comment=EVIL)
        document = json.loads((DATA / "supplier_a_v3.json").read_text(encoding="utf-8"))
        document.update(companyName=EVIL, productNameCompany=EVIL, productDescription=EVIL)
        raw = json.dumps(document, ensure_ascii=False).encode()
        save_supplier_disclosure(db, ADMIN, parse_disclosure(raw, "evil.json"), part=EVIL)
        snapshot = pub.publish(db, ADMIN, "WS-TPS-48-300A", "2025", audience="internal")
        pub.withdraw(db, ADMIN, snapshot.snapshot_id, EVIL)
        return snapshot.token
    finally:
        db.close()


def _strings(message: Message, field: str = "", plain: bool = False):
    """Every string a proto carries, except inside elements whose text is not rendered as Markdown."""
    for descriptor, value in message.ListFields():
        if descriptor.name in NOT_MARKDOWN or (plain and descriptor.name in PLAIN_FIELDS):
            continue
        values = value if isinstance(value, Sequence) and not isinstance(value, str) else [value]
        for item in values:
            if isinstance(item, Message):
                yield from _strings(item, descriptor.name, plain)
            elif isinstance(item, str):
                yield f"{field}.{descriptor.name}", item


def _live_markdown(at) -> list[tuple[str, str]]:
    found, stack = [], [at._tree]
    while stack:
        node = stack.pop()
        stack.extend(getattr(node, "children", {}).values())
        proto = getattr(node, "proto", None)
        if isinstance(proto, Message) and getattr(node, "type", "") not in NOT_MARKDOWN:
            found += [(f"{getattr(node, 'type', '')}{where}", text) for where, text in _strings(proto, plain=getattr(node, "type", "") in PLAIN) if "evil" in text and LIVE.search(text)]
    return found


PAGES = [row[1] for row in nav.TABLE]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_no_page_turns_user_text_into_a_link_or_an_image(page_app, hostile, page, lang):
    at = page_app(page, lang, model="WS-TPS-48-300A", period="2025").run()
    assert not at.exception
    assert _live_markdown(at) == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_card_shows_a_hostile_withdrawal_reason_and_name_literally(page_app, hostile, lang):
    at = page_app("card", lang, token=hostile).run()
    assert not at.exception
    assert _live_markdown(at) == []
    shown = "\n".join(e.value for kind in ("title", "error", "warning", "markdown", "caption") for e in getattr(at, kind))
    assert "[evil link](http://evil.test/a)" in shown  # what a reader sees: the text itself, not a link
