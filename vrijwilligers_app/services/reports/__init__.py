"""PDF reports (reportlab, A4, Dutch). No Qt: the CLI and the GUI both call `make_report`.

Each report is one module with a `build_*(engine, request) -> Report`; `catalogue` lists
them under the names the command line and the Rapporten dialog use.
"""

from vrijwilligers_app.services.reports.catalogue import (
    REPORTS,
    ReportKind,
    make_report,
    report_steps,
)
from vrijwilligers_app.services.reports.document import ReportError, write_pdf
from vrijwilligers_app.services.reports.request import ReportRequest

__all__ = ["REPORTS", "ReportError", "ReportKind", "ReportRequest", "make_report",
           "report_steps", "write_pdf"]
