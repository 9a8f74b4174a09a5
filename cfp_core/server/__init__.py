"""The disclosure server: public cards and the PACT v3.0 API, outside the workspace (``python -m cfp_core serve``).

``app`` (routes, security headers), ``cards`` and ``pages`` (the audience), ``pact_api`` and ``filters``
(customers' systems), ``callbacks`` (PCF requests and the answers sent back), ``catalogue`` (the
read-only view of the store), ``config`` and ``run`` (uvicorn).
"""

from cfp_core.server.app import create_app, routes  # noqa: F401
from cfp_core.server.config import ServerConfig, load_callback_credentials  # noqa: F401
from cfp_core.server.pages import card_href, card_page, css, css_version, not_found_page, withdrawn_page  # noqa: F401
from cfp_core.server.run import serve  # noqa: F401
