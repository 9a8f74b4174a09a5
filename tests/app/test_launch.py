"""scripts/launch.py: the workspace's start-up loads what the pages import before the server listens (#13.4)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

_SPEC = importlib.util.spec_from_file_location("launch", Path(__file__).resolve().parents[2] / "scripts" / "launch.py")
launch = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(launch)


def test_imported_modules_reads_top_level_imports_only(tmp_path):
    page = tmp_path / "page.py"
    page.write_text(
        "from __future__ import annotations\nimport pandas as pd\nfrom cfp_core import numbers, store\n"
        "from .local import x\n\ndef later():\n    import openpyxl\n", encoding="utf-8")
    names = launch.imported_modules([page])
    assert names == ["__future__", "__future__.annotations", "pandas", "cfp_core", "cfp_core.numbers",
                     "cfp_core.store"]
    assert "openpyxl" not in names  # a lazy import stays lazy


def test_warm_imports_every_page_dependency_then_delegates_to_streamlit_run(monkeypatch, tmp_path):
    monkeypatch.setenv("CFP_DB_PATH", str(tmp_path / "none.db"))  # no store: nothing to warm
    calls = []
    from streamlit.web import cli

    monkeypatch.setattr(cli, "main", lambda: calls.append(list(sys.argv)))
    monkeypatch.setattr(sys, "argv", ["launch"])
    launch.main(["app.py", "--server.port", "8599"])
    assert calls == [["streamlit", "run", "app.py", "--server.port", "8599"]]
    pages = launch.imported_modules(sorted((launch.ROOT / "pages").glob("*.py")))
    modules = [name for name in pages if name.startswith(("cfp_core", "ui")) and name.count(".") <= 2]
    assert {"cfp_core.analysis.overview", "ui.management", "altair"} <= set(sys.modules)
    missing = [name for name in modules if name not in sys.modules and name.rsplit(".", 1)[0] not in sys.modules]
    assert missing == []


def test_warm_portfolio_fills_the_memos_of_an_existing_store_only(monkeypatch, tmp_path, seeded_db_path):
    from cfp_core import service, store
    from cfp_core.store import memo

    monkeypatch.setenv("CFP_DB_PATH", str(tmp_path / "missing.db"))
    assert launch.warm_portfolio() is None and not (tmp_path / "missing.db").exists()  # never creates a store
    monkeypatch.setenv("CFP_DB_PATH", str(seeded_db_path))
    memo.forget()
    launch.warm_portfolio().join(60)
    assert sum(len(m) for m in memo._MEMOS) >= 5  # rows, products, inventories, two overviews, management
    db = store.open_db(seeded_db_path)
    calls = []
    monkeypatch.setattr(service, "_portfolio_rows", lambda *a: calls.append(a) or [])
    assert service.portfolio_rows(db) and calls == []  # the first page reads the warmed memo
    db.close()
