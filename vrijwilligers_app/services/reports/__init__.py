"""PDF reports (reportlab, A4, Dutch). No Qt: the CLI and the GUI both call `make_report`.

Each report is one module with a `build_*(engine, request) -> Report`; `kinds` lists them
under the names the command line and the Rapporten dialog use. The names below are loaded
on first use (PEP 562), so importing `reports.kinds` for a help text stays cheap.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from vrijwilligers_app.services.reports.catalogue import make_report, report_steps
    from vrijwilligers_app.services.reports.document import write_pdf
    from vrijwilligers_app.services.reports.errors import ReportError
    from vrijwilligers_app.services.reports.kinds import REPORTS, ReportKind
    from vrijwilligers_app.services.reports.request import ReportRequest

_WHERE = {
    "REPORTS": "kinds", "ReportKind": "kinds", "ReportError": "errors",
    "make_report": "catalogue", "report_steps": "catalogue",
    "write_pdf": "document", "ReportRequest": "request",
}

__all__ = ["REPORTS", "ReportError", "ReportKind", "ReportRequest", "make_report",
           "report_steps", "write_pdf"]


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{_WHERE[name]}"), name)
