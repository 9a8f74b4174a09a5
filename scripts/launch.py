"""Start the workspace with its imports loaded before the server listens (#13.4).

``python scripts/launch.py app.py [streamlit flags]`` is ``streamlit run app.py [flags]`` after importing every
module the pages import (found by reading ``pages/*.py``, ``ui/*.py`` and ``app.py``, so it follows the
pages as they change) and loading altair's chart schema once. Streamlit runs a page's script per view; the
first view after a start used to pay for pandas, altair, pydantic and the core (≈ 6 s on our machines), now
the server pays it before ``/_stcore/health`` answers. ``scripts/run.sh`` and the browser tests start the
workspace this way; ``bench/bench_startup.py`` measures it.
"""

from __future__ import annotations

import ast
import importlib
import logging
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def imported_modules(files) -> list[str]:
    """The absolute module names imported at the top level of ``files``, in first-seen order."""
    names: dict[str, None] = {}
    for file in files:
        tree = ast.parse(Path(file).read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.Import):
                names.update(dict.fromkeys(alias.name for alias in node.names))
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names[node.module] = None
                names.update(dict.fromkeys(f"{node.module}.{alias.name}" for alias in node.names))
    return list(names)


def warm() -> int:
    """Import what the pages import and load altair's schema; return how many modules were imported."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    files = [ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py")), *sorted((ROOT / "ui").glob("*.py"))]
    count = 0
    from streamlit.runtime.caching import cache_data_api

    quiet = logging.getLogger(cache_data_api.__name__)
    level = quiet.level
    quiet.setLevel(logging.ERROR)  # "No runtime found": harmless here, each cache is made at its first call
    for name in imported_modules(files):
        if name.startswith("__future__"):
            continue
        try:
            importlib.import_module(name)
            count += 1
        except ImportError:
            continue  # "from x import function" names a function, not a module
    quiet.setLevel(level)
    import altair as alt

    alt.Chart({"values": [{"x": 1}]}).mark_bar().encode(x="x:Q").to_dict()  # loads and validates the schema
    return count


def warm_portfolio() -> threading.Thread | None:
    """Fill the store-version memos (``store.memo``) in the background, so the first Overview, Trends or
    Management view after a start reads them instead of building 30,000 rows (2–3.5 s at 10,000 models).

    Only an existing database is read (a new one is made and seeded by the app); a failure here is logged
    and the pages compute as usual. Returns the started thread, or None.
    """
    from cfp_core import service, store
    from cfp_core.analysis import management_inputs, overview

    path = store.db_path()
    if not path.exists():
        return None

    def fill() -> None:
        try:
            db = store.open_db(path)
            try:
                service.portfolio_rows(db)
                for lang in ("zh", "en"):
                    overview.portfolio_overview(db, lang)
                store.list_inventories(db)
                management_inputs(db)
            finally:
                db.close()
        except Exception:  # noqa: BLE001 - a warm-up never stops the server
            logging.getLogger(__name__).warning("warming the portfolio memos failed", exc_info=True)

    thread = threading.Thread(target=fill, name="cfp-warm-portfolio", daemon=True)
    thread.start()
    return thread


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    warm()
    warm_portfolio()
    from streamlit.web import cli

    sys.argv = ["streamlit", "run", *args]
    cli.main()


if __name__ == "__main__":
    main()
