"""Audit page: every write listed with who and when (viewer's time zone), filters, CSV export."""

import re

from cfp_core import store
from cfp_core.access import cli_principal
from cfp_core.models import OrganisationSettings


def test_writes_are_listed_and_filtered(page_app, seeded_db_path):
    db = store.open_db(seeded_db_path)
    store.save_settings(db, cli_principal("weisidemu", "auditor-test"), OrganisationSettings(org_id="weisidemu"))
    db.close()
    at = page_app("audit", "en").run()
    assert not at.exception and at.title[0].value == "Audit log"
    frame = at.dataframe[0].value
    assert "cli:auditor-test" in "".join(frame["principal"]) and "change organisation settings" in set(frame["action"])
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \(UTC[+−]\d+(:\d\d)?\)", frame["at"].iloc[0])  # local, with its zone
    at.selectbox(key="audit_who").set_value("cli:auditor-test").run()
    assert set(at.dataframe[0].value["principal"]) == {"auditor-test <cli:auditor-test>"}
    assert at.get("download_button")


def test_labels_in_chinese_and_an_empty_log_says_so(page_app):
    at = page_app("audit", "zh").run()
    assert not at.exception and at.title[0].value == "审计日志"
    assert at.info[0].value == "没有符合筛选条件的记录。" and not at.dataframe  # the seed is the system's, not the org's
