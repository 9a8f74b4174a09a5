"""The shareable footprint card: its view model (``view``), layouts (``layout``, ``html``, ``image``)
and every output format (``render``)."""

from cfp_core.publish.card.html import page_css, view_fragment  # noqa: F401
from cfp_core.publish.card.image import qr_png  # noqa: F401
from cfp_core.publish.card.render import (  # noqa: F401
    FORMATS,
    MEDIA_TYPES,
    card_bundle,
    card_bundle_zip,
    card_filename,
    card_json,
    render_card,
)
from cfp_core.publish.card.view import (  # noqa: F401
    VERIFY_COMMAND,
    CardView,
    StageRow,
    card_path,
    card_url,
    card_view,
    name_in,
    qr_code,
    stage_frame,
)
