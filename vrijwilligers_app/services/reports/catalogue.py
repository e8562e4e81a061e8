"""Building one report: data, layout, PDF bytes (the names live in kinds.py)."""

from __future__ import annotations

from collections.abc import Generator
from typing import TYPE_CHECKING, Any

from vrijwilligers_app.services.reports.document import Report, render
from vrijwilligers_app.services.reports.kinds import REPORTS, ReportKind, report_kind
from vrijwilligers_app.services.reports.request import ReportRequest
from vrijwilligers_app.services.steps import run_steps

if TYPE_CHECKING:  # a plain kind is made and logged without SQLAlchemy (command.py)
    from sqlalchemy import Engine

__all__ = ["REPORTS", "ReportKind", "build_report", "log_report_use", "log_report_use_on",
           "make_report", "report_kind", "report_steps"]


def build_report(engine: Engine, kind: ReportKind, request: ReportRequest) -> Report:
    """The report's data and story; a plain kind reads in one transaction of `engine`."""
    if kind.plain:
        from vrijwilligers_app.store.direct import engine_transaction

        with engine_transaction(engine) as connection:
            return kind.build(connection, request)
    return kind.build(engine, request)


def report_steps(engine: Engine, request: ReportRequest
                 ) -> Generator[tuple[int, int, str], None, bytes]:
    """For the background runner: yields (done, total, label), returns the PDF bytes."""
    kind = report_kind(request.kind)
    yield 0, 3, "Gegevens ophalen"
    report = build_report(engine, kind, request)
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


def log_report_use_on(connection: Any, key: str, action: str) -> None:
    """The same in a write transaction on a DB-API connection (store.direct)."""
    if key in REPORTS and REPORTS[key].with_names:
        from vrijwilligers_app.services.audit import record_on

        record_on(connection, "report_with_names", "report", detail=f"{key}: {action}")
