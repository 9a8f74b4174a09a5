"""Shared fixtures: in-memory and seeded databases, the reference inventory and factor sets."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cfp_core import store
from cfp_core.library import gwp_sets, reference_factor_sets
from cfp_core.store.seed import load_portfolio_file, seed_database

ROOT = Path(__file__).resolve().parents[1]
# Shared cards need a public address customers reach (publish.links); tests publish as if one were set.
# Set before any server or browser fixture starts, so subprocesses inherit it. Tests of the refusal unset it.
os.environ.setdefault("CFP_PUBLIC_URL", "https://cfp.example.com")
WS_FILE = ROOT / "data" / "reference" / "ws_tps_48_900a.json"


@pytest.fixture
def fresh_db():
    """An empty in-memory database with the schema applied."""
    return store.open_db(memory=True)


@pytest.fixture(scope="session")
def seeded_db_file(tmp_path_factory) -> Path:
    """A database file seeded with reference and demo data, built once per test session."""
    path = tmp_path_factory.mktemp("seeded") / "cfp.db"
    db = store.open_db(path)
    seed_database(db)
    db.close()
    return path


@pytest.fixture
def seeded_db_path(seeded_db_file, tmp_path, monkeypatch) -> Path:
    """A private copy of the seeded database, with ``CFP_DB_PATH`` pointing at it."""
    path = tmp_path / "cfp.db"
    source = store.open_db(seeded_db_file)
    source.conn.execute("VACUUM INTO ?", [str(path)])
    source.close()
    monkeypatch.setenv("CFP_DB_PATH", str(path))
    return path


@pytest.fixture
def seeded_db(seeded_db_path):
    """An open sqlite-utils Database on a private seeded copy."""
    db = store.open_db(seeded_db_path)
    yield db
    db.close()


@pytest.fixture(scope="session")
def ws_inventory():
    """The WS-TPS-48-900A 2025 inventory from the report."""
    _, _, inventories = load_portfolio_file(WS_FILE)
    return inventories[0]


@pytest.fixture(scope="session")
def ws_product():
    _, products, _ = load_portfolio_file(WS_FILE)
    return products[0]


@pytest.fixture(scope="session")
def factor_sets():
    return reference_factor_sets()


@pytest.fixture(scope="session")
def set_2024(factor_sets):
    return factor_sets["cn-cfp-2024"]


@pytest.fixture(scope="session")
def set_2023(factor_sets):
    return factor_sets["cn-cfp-2023"]


@pytest.fixture(scope="session")
def ar5():
    return gwp_sets()["AR5"]


def _disclosure_2025(db_file, model_code: str):
    from cfp_core.publish.disclosure import build_disclosure

    db = store.open_db(db_file)
    try:
        return build_disclosure(db, model_code, "2025")
    finally:
        db.close()


@pytest.fixture(scope="session")
def demo_300a(seeded_db_file):
    """The disclosure of demo model WS-TPS-48-300A in 2025 (read-only: built once per session)."""
    return _disclosure_2025(seeded_db_file, "WS-TPS-48-300A")


@pytest.fixture(scope="session")
def ws_2025(seeded_db_file):
    """The disclosure of the reference case WS-TPS-48-900A in 2025 (read-only: built once per session)."""
    return _disclosure_2025(seeded_db_file, "WS-TPS-48-900A")
