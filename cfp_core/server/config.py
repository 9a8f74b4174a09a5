"""The disclosure server's settings: where the store and its own database are, its public address, TLS."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from cfp_core.store import db_path, exchange_path


@dataclass(frozen=True)
class ServerConfig:
    """Everything ``create_app`` needs. Paths default to the workspace store and ``disclosure.db`` beside it."""

    store_path: Path = field(default_factory=db_path)
    exchange_path: Path | None = None
    public_url: str = ""  # overrides the organisation setting for card links and QR codes
    https_only_api: bool = True  # refuse /auth/token and /3/* unless the request came over HTTPS
    token_ttl: int = 3600  # seconds an access token lives
    refresh_interval: float = 1.0  # seconds between checks of the store for new publications
    callback_poll: float = 2.0  # seconds between runs of the callback sender
    callback_credentials: dict[str, tuple[str, str]] = field(default_factory=dict)  # requester base -> (id, secret)
    default_lang: str = "zh"

    @property
    def exchange(self) -> Path:
        """The server's own writable database."""
        return Path(self.exchange_path) if self.exchange_path else exchange_path(self.store_path)


def load_callback_credentials(value: str | None = None) -> dict[str, tuple[str, str]]:
    """Parse requester credentials for callbacks: JSON ``{"https://buyer/": {"client_id", "client_secret"}}``.

    ``value`` is the JSON itself or a file holding it; default ``$CFP_CALLBACK_CREDENTIALS``.
    """
    text = value if value is not None else os.environ.get("CFP_CALLBACK_CREDENTIALS", "")
    if not text:
        return {}
    if not text.lstrip().startswith("{"):
        text = Path(text).read_text(encoding="utf-8")
    return {base.rstrip("/"): (entry["client_id"], entry["client_secret"]) for base, entry in json.loads(text).items()}
