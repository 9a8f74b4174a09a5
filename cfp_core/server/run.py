"""Run the disclosure server under uvicorn (TLS when given a certificate)."""

from __future__ import annotations

import uvicorn

from cfp_core.server.app import create_app
from cfp_core.server.config import ServerConfig


def serve(config: ServerConfig, host: str = "127.0.0.1", port: int = 8443, certfile: str | None = None,
          keyfile: str | None = None, log_level: str = "info") -> None:
    """Serve until interrupted. With ``certfile``/``keyfile`` the port speaks TLS only (plain HTTP is dropped).

    Without them, put a TLS-terminating reverse proxy in front: uvicorn trusts its ``X-Forwarded-Proto``
    from 127.0.0.1, and the API refuses requests that did not arrive over HTTPS.
    """
    app = create_app(config)
    uvicorn.run(app, host=host, port=port, ssl_certfile=certfile, ssl_keyfile=keyfile, log_level=log_level,
                proxy_headers=True, forwarded_allow_ips="127.0.0.1", server_header=False)
