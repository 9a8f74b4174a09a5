"""Publishing: the publishable view of a footprint (``disclosure``), readiness checklists, immutable
snapshots, review before publishing (``review``), and every output made from them: the card (``card``),
PACT JSON (``pact``), the study report (``report``) and the Excel workbook (``excel``); public card links
(``links``) and the answers to customers' PCF requests (``requests``)."""

from cfp_core.publish.disclosure import Disclosure, build_disclosure  # noqa: F401
from cfp_core.publish.links import (  # noqa: F401
    card_url,
    public_base_url,
    public_card_url,
    require_public_base_url,
    why_not_public,
)
from cfp_core.publish.pact import pact_identity, snapshot_identity, snapshot_pact_v3  # noqa: F401
from cfp_core.publish.readiness import AUDIENCES, EXTERNAL_AUDIENCES, TARGETS, Check, readiness  # noqa: F401
from cfp_core.publish.requests import (  # noqa: F401
    Decision,
    decision_for,
    fulfil_pcf_request,
    list_decisions,
    pcf_requests,
    reject_pcf_request,
)
from cfp_core.publish.review import (  # noqa: F401
    Request,
    ReviewSummary,
    approve,
    list_requests,
    reject,
    request_publication,
    request_table,
    review_summary,
    stage_table,
)
from cfp_core.publish.snapshots import (  # noqa: F401
    Snapshot,
    current_status,
    latest_snapshot,
    list_snapshots,
    load_snapshot,
    publish,
    snapshot_table,
    verify_snapshot,
    withdraw,
)
