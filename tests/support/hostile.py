"""A workspace seeded with hostile text in every kind of record a page or card shows (#14.6).

Markdown links, images and autolinks are valid text for the core (they are not HTML), so they are
stored; every screen must show them literally.
"""

from __future__ import annotations

import json
from pathlib import Path

from cfp_core import store
from cfp_core.access import cli_principal
from cfp_core.io import parse_disclosure, save_supplier_disclosure
from cfp_core.publish import snapshots as pub

ADMIN = cli_principal("weisidemu", "tests")
SUPPLIERS = Path(__file__).resolve().parents[1] / "data" / "suppliers"
EVIL = "[evil link](http://evil.test/a) ![evil image](http://evil.test/i.png) www.evil.test"
MODEL, PERIOD = "WS-TPS-48-300A", "2025"


def seed_hostile(db_file) -> str:
    """Store hostile names, lines, notes, a supplier file and a withdrawn card; return the card's token."""
    db = store.open_db(db_file)
    try:
        product = store.load_product(db, MODEL)
        store.save_product(db, ADMIN, product.model_copy(update={"name_zh": EVIL, "name_en": EVIL}), comment=EVIL)
        org = store.load_organisation(db, product.org_id)
        store.save_organisation(db, ADMIN, org.model_copy(update={"name_zh": EVIL, "name_en": EVIL, "address": EVIL}))
        inventory = store.load_inventory(db, MODEL, PERIOD)
        lines = [line.model_copy(update={"activity": EVIL, "note": EVIL}) for line in inventory.lines]
        store.save_inventory(db, ADMIN, inventory.model_copy(update={"lines": tuple(lines)}), comment=EVIL)
        document = json.loads((SUPPLIERS / "supplier_a_v3.json").read_text(encoding="utf-8"))
        document.update(companyName=EVIL, productNameCompany=EVIL, productDescription=EVIL)
        raw = json.dumps(document, ensure_ascii=False).encode()
        save_supplier_disclosure(db, ADMIN, parse_disclosure(raw, "evil.json"), part=EVIL)
        snapshot = pub.publish(db, ADMIN, MODEL, PERIOD, audience="internal")
        pub.withdraw(db, ADMIN, snapshot.snapshot_id, EVIL)
        return snapshot.token
    finally:
        db.close()
