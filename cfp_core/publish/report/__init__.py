"""The GB/T 24067 / ISO 14067 study report (HTML and PDF) and its sections, reading and uncertainty."""

from cfp_core.publish.report.document import report_html, report_pdf, stage_chart, stage_chart_png  # noqa: F401
from cfp_core.publish.report.uncertainty import Uncertainty, uncertainty  # noqa: F401
