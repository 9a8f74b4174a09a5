"""Rules as tests: layering, one test file per page, size budgets, docstrings, reference data, test hygiene."""

from __future__ import annotations

import ast
import csv
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORE = ROOT / "cfp_core"
PAGES = sorted((ROOT / "pages").glob("*.py"))
CORE_FILES = sorted(CORE.rglob("*.py"))
TEST_FILES = sorted((ROOT / "tests").rglob("*.py"))
FACTOR_DIR = ROOT / "data" / "factors"


def rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def line_count(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def read_rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(line for line in handle if not line.lstrip().startswith("#")))


# (a) layering --------------------------------------------------------------------------

def test_core_does_not_import_streamlit():
    code = (
        "import pkgutil, sys, cfp_core\n"
        "for info in pkgutil.walk_packages(cfp_core.__path__, 'cfp_core.'):\n"
        "    if not info.name.endswith('__main__'):  # importing it would run the CLI\n"
        "        __import__(info.name)\n"
        "loaded = sorted(m for m in sys.modules if m.startswith('cfp_core'))\n"
        "assert 'streamlit' not in sys.modules, 'streamlit imported'\n"
        "print(len(loaded))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout.strip()) >= len([p for p in CORE_FILES if p.name != "__main__.py"])


# (b), (c) pages ------------------------------------------------------------------------

@pytest.mark.parametrize("page", PAGES, ids=rel)
def test_every_page_has_a_test_file(page):
    assert (ROOT / "tests" / "app" / f"test_{page.stem}.py").is_file(), f"write tests/app/test_{page.stem}.py"


def _app_strings() -> set[str]:
    """String constants of the router and its page table (``ui/nav.py``)."""
    strings = set()
    for source in (ROOT / "app.py", ROOT / "ui" / "nav.py"):
        tree = ast.parse(source.read_text(encoding="utf-8"))
        strings |= {node.value for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)}
    return strings


@pytest.mark.parametrize("page", PAGES, ids=rel)
def test_every_page_is_registered_in_app(page):
    strings = _app_strings()
    assert page.stem in strings or f"pages/{page.name}" in strings, f"register {rel(page)} in app.py"


# (d) size budgets ----------------------------------------------------------------------

def _budget(path: Path) -> int:
    if path.is_relative_to(CORE / "i18n"):
        return 400  # catalogues
    if path.is_relative_to(CORE):
        return 300
    if path.parent.name == "pages":
        return 120
    return 60 if path.name == "app.py" else 200  # app.py; ui/


BUDGETED = CORE_FILES + PAGES + [ROOT / "app.py"] + sorted((ROOT / "ui").glob("*.py"))


@pytest.mark.parametrize("path", BUDGETED, ids=rel)
def test_file_size_budget(path):
    assert line_count(path) <= _budget(path), f"{rel(path)} has {line_count(path)} lines; split it by responsibility"


# (e) docstrings ------------------------------------------------------------------------

def _is_migration_step(node: ast.FunctionDef) -> bool:
    # Schema steps registered with @migrations(name=...) are run by sqlite-utils, not called as API.
    return any(isinstance(d, ast.Call) and getattr(d.func, "id", "") == "migrations" for d in node.decorator_list)


def _undocumented(path: Path, kinds: tuple[type, ...]) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        node.name for node in tree.body
        if isinstance(node, kinds) and not node.name.startswith("_") and not ast.get_docstring(node)
        and not (isinstance(node, ast.FunctionDef) and _is_migration_step(node))
    ]


@pytest.mark.parametrize("path", CORE_FILES, ids=rel)
def test_public_core_functions_have_docstrings(path):
    assert _undocumented(path, (ast.FunctionDef, ast.AsyncFunctionDef)) == []


@pytest.mark.parametrize("path", CORE_FILES, ids=rel)
def test_public_core_classes_have_docstrings(path):
    # STYLE.md §3.4: everything public in cfp_core has a docstring.
    assert _undocumented(path, (ast.ClassDef,)) == []


# (f) reference data --------------------------------------------------------------------

def test_emission_factor_ids_are_unique():
    ids = Counter(row["id"] for row in read_rows(FACTOR_DIR / "emission_factors.csv"))
    assert [factor_id for factor_id, n in ids.items() if n > 1] == []


def test_emission_factor_natural_key_is_unique():
    rows = read_rows(FACTOR_DIR / "emission_factors.csv")
    keys = Counter((r["key"], r["region"], r["publisher"], r["vintage"], r["unit"]) for r in rows)
    assert [key for key, n in keys.items() if n > 1] == []


def test_every_factor_set_has_at_most_one_factor_per_key():
    key_of = {row["id"]: row["key"] for row in read_rows(FACTOR_DIR / "emission_factors.csv")}
    members = [m for m in read_rows(FACTOR_DIR / "factor_set_members.csv") if m["factor_id"] != "cpcd:*"]  # all CPCD
    assert {m["factor_id"] for m in members} <= set(key_of)
    per_set = Counter((m["set_id"], key_of[m["factor_id"]]) for m in members)
    assert [pair for pair, n in per_set.items() if n > 1] == []
    assert {m["set_id"] for m in members} <= {row["id"] for row in read_rows(FACTOR_DIR / "factor_sets.csv")}


# (g) pages only render -----------------------------------------------------------------

def _imported_modules(tree: ast.AST) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("page", PAGES, ids=rel)
def test_pages_do_not_touch_sql(page):
    assert _imported_modules(ast.parse(page.read_text(encoding="utf-8"))) & {"sqlite3", "sqlite_utils"} == set()


@pytest.mark.parametrize("page", PAGES, ids=rel)
def test_pages_do_not_reshape_data(page):
    text = page.read_text(encoding="utf-8")
    assert [call for call in (".groupby(", ".merge(", ".melt(") if call in text] == []


# (h) test hygiene ----------------------------------------------------------------------

def _test_functions(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name.startswith("test"):
            yield node


def _is_placeholder(node: ast.FunctionDef) -> bool:
    body = node.body[1:] if ast.get_docstring(node) else node.body
    return all(isinstance(stmt, ast.Pass) or (isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant))
               for stmt in body)


@pytest.mark.parametrize("path", TEST_FILES, ids=rel)
def test_no_placeholder_tests(path):
    assert [node.name for node in _test_functions(path) if _is_placeholder(node)] == []


@pytest.mark.parametrize("path", TEST_FILES, ids=rel)
def test_tests_do_not_print(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    calls = [node.lineno for node in ast.walk(tree)
             if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "print"]
    assert calls == [], f"print() at lines {calls}"


def test_meta_rules_see_the_project():
    assert len(PAGES) >= 8 and len(CORE_FILES) >= 15 and (ROOT / "app.py").is_file()
    assert ROOT / "tests" / "test_meta.py" in TEST_FILES
