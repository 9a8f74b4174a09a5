"""Every page, in each language, shows no text of ours in the other language's script (#12.14).

Each page of the navigation renders through the router in zh and in en; every string of the element tree
(labels, options, captions, Markdown, tables, help texts) is read. In en no Chinese may appear; in zh no
English phrase (three or more English words in a row) may appear. Text a user entered (product names and
descriptions, activity names, notes, boundary rules, custom factors, organisation names, the verifier) is
shown as typed and taken out before the check, as are the factor library's notes quoted from the source
data (labelled "from the source data"). Everything else is allow-listed by name below.
"""

from __future__ import annotations

import json
import re

import pytest
from google.protobuf.json_format import MessageToDict

from cfp_core import store
from cfp_core.text import md_unescape
from ui.nav import TABLE

CJK = re.compile(r"[\u3400-\u9fff\u3001-\u3011\uff01-\uff5e]")
ENGLISH_PHRASE = re.compile(r"\b[A-Za-z][a-z]+(?:[ -][A-Za-z][a-z]+){2,}\b")
# Proper names and codes that are the same in both languages.
ALLOWED = ("中文", "English")
IANA_ZONE = re.compile(r"^[A-Z][A-Za-z_]+(?:/[A-Za-z_+-]+)+$")  # time-zone options: Asia/Shanghai
SKIP_KEYS = {"data", "arrowData", "spec", "id", "formId", "key", "url", "src", "pageScriptHash", "pageName"}


def _strings(obj, out: list[str]) -> None:
    if isinstance(obj, dict):
        for key, value in obj.items():
            if key not in SKIP_KEYS:
                _strings(value, out)
    elif isinstance(obj, list):
        for value in obj:
            _strings(value, out)
    elif isinstance(obj, str) and obj.startswith("{"):  # a table's column configuration, as JSON
        try:
            _strings(json.loads(obj), out)
        except ValueError:
            out.append(obj)
    elif isinstance(obj, str):
        out.append(obj)


def shown_text(at) -> list[str]:
    """Every string the page's element tree carries, tables' columns and cells included."""
    out: list[str] = []

    def walk(node) -> None:
        proto = getattr(node, "proto", None)
        if proto is not None and node.type != "block":
            _strings(MessageToDict(proto), out)
        if node.type in ("arrow_data_frame", "dataframe", "table"):
            frame = node.value
            out.extend(map(str, frame.columns))
            out.extend(str(v) for v in frame.astype(str).to_numpy().ravel())
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    return [md_unescape(s) for s in out]


def entered_text(db_path) -> list[str]:
    """What users entered (and the source data's own notes), longest first: shown as typed, not checked."""
    db = store.open_db(db_path)
    found: set[str] = set()
    try:
        for table in ("organisations", "organisation_revisions", "organisation_settings", "product_revisions",
                      "inventory_revisions", "supplier_disclosures"):
            for row in db[table].rows:
                _collect(json.loads(row["payload"]), found)
        for row in db["factor_sets"].rows:
            for factor in json.loads(row["payload"]).get("factors", []):
                found.add(factor.get("derivation_note") or "")
    finally:
        db.close()
    return sorted((s for s in found if len(s) > 1), key=len, reverse=True)


def _collect(obj, found: set[str]) -> None:
    if isinstance(obj, dict):
        for value in obj.values():
            _collect(value, found)
    elif isinstance(obj, list):
        for value in obj:
            _collect(value, found)
    elif isinstance(obj, str):
        found.add(obj)


def leaks(texts: list[str], entered: list[str], lang: str) -> set[str]:
    found = set()
    for text in texts:
        rest = text
        for typed in entered:
            if typed in rest:
                rest = rest.replace(typed, " ")
        for name in ALLOWED:
            rest = rest.replace(name, " ")
        if IANA_ZONE.match(rest.strip()):
            continue
        if lang == "en" and CJK.search(rest):
            found.add(text[:160])
        if lang == "zh" and ENGLISH_PHRASE.search(rest):
            found.add(text[:160])
    return found


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("page", [row[1] for row in TABLE])
def test_page_shows_no_text_in_the_other_script(page_app, seeded_db_path, page, lang):
    at = page_app(page, lang=lang)
    at.run()
    assert not at.exception, at.exception
    found = leaks(shown_text(at), entered_text(seeded_db_path), lang)
    assert not found, f"{page} ({lang}) shows text in the other language's script:\n" + "\n".join(sorted(found))


def test_the_check_sees_a_leak():
    assert leaks(["Source document: 《关于发布》"], [], "en")
    assert leaks(["来源文件：(number not confirmed)"], [], "zh")
    assert not leaks(["Line 1 (电力): 41.62 kWh"], ["电力"], "en")
    assert not leaks(["Asia/Shanghai", "America/Port-au-Prince", "kgCO₂e/台 GB/T 24067-2024"], [], "zh")


def test_every_multiselect_has_a_placeholder_in_the_user_language():
    """Streamlit's own "Choose options" is English: every multiselect passes ``placeholder=``."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    missing = []
    for path in [*root.glob("pages/*.py"), *root.glob("ui/*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "multiselect"
                    and not any(k.arg == "placeholder" for k in node.keywords)):
                missing.append(f"{path.name}:{node.lineno}")
    assert not missing
