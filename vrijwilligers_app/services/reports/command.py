"""`vrijwilligers-app rapport SOORT ... -o FILE.pdf`: checks everything it can before the
register is opened, and writes the PDF all or nothing."""

import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

from vrijwilligers_app.domain.report_period import Period, parse_period, year_period
from vrijwilligers_app.domain.validation import ValidationError, parse_date_nl
from vrijwilligers_app.services.reports.catalogue import (
    log_report_use_on,
    make_report,
    report_kind,
)
from vrijwilligers_app.services.reports.document import render, write_pdf
from vrijwilligers_app.services.reports.errors import ReportError
from vrijwilligers_app.services.reports.request import ReportRequest


def run_report_command(data_dir: Path, kind: str, period_text: str | None,
                       initiative_id: int | None, series_id: int | None,
                       today_text: str | None, output: Path,
                       key: Callable[[], bytes | None] = lambda: None) -> int:
    """`key` gives the register's data key once the arguments are known to be good."""
    from vrijwilligers_app.store.register import open_register

    try:
        spec = report_kind(kind)
        today = (parse_date_nl(today_text, "Datum") if today_text else None) or date.today()
        period: Period = parse_period(period_text) if period_text else year_period(today.year)
        if spec.needs_initiative and initiative_id is None and not (
                spec.key == "rooster" and series_id is not None):
            raise ReportError(f"Voor '{kind}' is een initiatief nodig: --initiatief NUMMER.")
        if output.suffix.lower() != ".pdf":
            raise ReportError(f"{output}: geef een bestandsnaam die eindigt op .pdf.")
        if not output.parent.is_dir():
            raise ReportError(f"De map {output.parent} bestaat niet; kies een bestaande map.")
    except ValidationError as exc:
        print(f"Fout: {exc.field}: {exc.message}", file=sys.stderr)
        return 2
    except ReportError as exc:
        print(f"Fout: {exc}", file=sys.stderr)
        return 2
    request = ReportRequest(spec.key, period, today, initiative_id, series_id)
    # A plain kind reads through DB-API connections: no SQLAlchemy in this process.
    with open_register(data_dir, key=key(), daily_backup=False,
                       lazy_engine=spec.plain) as register:
        try:
            if spec.plain:
                with register.transaction() as connection:
                    report = spec.build(connection, request)
                data = render(report)
            else:
                data = make_report(register.engine, request)
            write_pdf(data, output)
            if spec.with_names:  # the privacy log's line, in a write transaction of its own
                with register.transaction(write=True) as connection:
                    log_report_use_on(connection, spec.key, "opgeslagen (opdrachtregel)")
        except ReportError as exc:
            print(f"Fout: {exc}", file=sys.stderr)
            return 1
    print(f"{spec.title} ({period.label}) geschreven naar {output}.")
    return 0
