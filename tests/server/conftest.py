"""A seeded store with published cards and PACT footprints, an API client, and the server app over it."""

from __future__ import annotations

import base64
import os
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from cfp_core import store
from cfp_core.access import cli_principal
from cfp_core.publish import publish
from cfp_core.server import ServerConfig, create_app
from tests.support.product import CARBON

ROOT = Path(__file__).resolve().parents[2]
ORG = "weisidemu"
ADMIN = cli_principal(ORG, "tests")
WS = "WS-TPS-48-900A"
PUBLIC = "https://cards.example.com"


def shared(relative: str, env: str | None = None) -> Path | None:
    """Find ``shared/<relative>`` (read-only reference material beside the repository): ``$env``, else the
    nearest ``../shared`` above the repository (``../shared`` in CI, ``../../shared`` from a worktree)."""
    if env and os.environ.get(env):
        return Path(os.environ[env])
    for parent in ROOT.parents:
        if (parent / "shared" / relative).exists():
            return parent / "shared" / relative
    return None


def seed_publications(db) -> dict:
    """Give WS-TPS-48-900A a product mass (PACT needs it), publish it twice (v1 superseded), and an internal card."""
    product = store.load_product(db, WS)
    store.save_product(db, ADMIN, product.model_copy(update={"product_mass_kg": 120.0, **CARBON}))
    first = publish(db, ADMIN, WS, "2025", audience="customers")
    second = publish(db, ADMIN, WS, "2025", audience="customers")
    internal = publish(db, ADMIN, "WS-TPS-48-600A", "2025", audience="internal")
    client, secret = store.create_api_client(db, ADMIN, "Telecom buyer")
    return {"first": first, "second": second, "internal": internal, "client": client,
            "secret": secret}


@pytest.fixture
def published(seeded_db):
    return seed_publications(seeded_db)


@pytest.fixture
def server_config(seeded_db_path, published, tmp_path) -> ServerConfig:
    return ServerConfig(store_path=seeded_db_path, exchange_path=tmp_path / "disclosure.db", public_url=PUBLIC,
                        refresh_interval=0)


@pytest.fixture
def app(server_config):
    return create_app(server_config, send_callbacks=False)


@pytest.fixture
def client(app):
    return TestClient(app, base_url="https://testserver")


def basic(client_id: str, secret: str) -> dict:
    return {"Authorization": "Basic " + base64.b64encode(f"{client_id}:{secret}".encode()).decode()}


@pytest.fixture
def token(client, published) -> str:
    reply = client.post("/auth/token", data={"grant_type": "client_credentials"},
                        headers=basic(published["client"].client_id, published["secret"]))
    assert reply.status_code == 200, reply.text
    return reply.json()["access_token"]


@pytest.fixture
def bearer(token) -> dict:
    return {"Authorization": f"Bearer {token}"}


