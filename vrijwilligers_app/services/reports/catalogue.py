"""Building one report: data, layout, PDF bytes (the names live in kinds.py)."""

from collections.abc import Generator

from sqlalchemy import Engine

from vrijwilligers_app.services.reports.document import render
from vrijwilligers_app.services.reports.kinds import REPORTS, ReportKind, report_kind
from vrijwilligers_app.services.reports.request import ReportRequest
from vrijwilligers_app.services.steps import run_steps

__all__ = ["REPORTS", "ReportKind", "log_report_use", "make_report", "report_kind",
           "report_steps"]


def report_steps(engine: Engine, request: ReportRequest
                 ) -> Generator[tuple[int, int, str], None, bytes]:
    """For the background runner: yields (done, total, label), returns the PDF bytes."""
    kind = report_kind(request.kind)
    yield 0, 3, "Gegevens ophalen"
    report = kind.build(engine, request)
    yield 1, 3, "Opmaken"
    data = render(report)
    yield 3, 3, "Klaar"
    return data


def make_report(engine: Engine, request: ReportRequest) -> bytes:
    return bytes(run_steps(report_steps(engine, request)))


def log_report_use(engine: Engine, key: str, action: str) -> None:
    """Audit a report with names that was printed, saved or opened (`action`, Dutch)."""
    if key in REPORTS and REPORTS[key].with_names:
        from vrijwilligers_app.services.audit import record_now

        record_now(engine, "report_with_names", "report", detail=f"{key}: {action}")
