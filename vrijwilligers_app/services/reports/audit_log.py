"""The audit log as a PDF for the coordinator: who opened, printed, exported, looked up or
erased what, in a period. Entries name records by number only (no personal data)."""

from collections.abc import Sequence
from datetime import date

from vrijwilligers_app.domain.validation import format_date_nl
from vrijwilligers_app.services.audit import AuditLine
from vrijwilligers_app.services.reports.document import Report, render
from vrijwilligers_app.services.reports.tables import Column, data_table

SUBJECTS = {"resident": "inwoner", "report": "rapport", "package": "exportbestand"}
COLUMNS = (Column("Moment", 0.17), Column("Wat", 0.3), Column("Betreft", 0.15),
           Column("Toelichting", 0.23), Column("Door", 0.15))


def subject_text(line: AuditLine) -> str:
    kind = SUBJECTS.get(line.subject_kind, line.subject_kind)
    return f"{kind} {line.subject_id}" if line.subject_id is not None else kind


def moment_text(line: AuditLine) -> str:
    local = line.at.astimezone()
    return f"{format_date_nl(local.date())} {local:%H:%M}"


def build_audit_log(lines: Sequence[AuditLine], owner: str, period_text: str,
                    today: date) -> Report:
    report = Report(title="Logboek van het register", owner=owner, period_text=period_text,
                    printed_on=today, subject="Logboek (AVG)")
    report.note("Elke regel is een handeling in het register: een dossier geopend, een rapport "
                "met namen afgedrukt of bewaard, een export, een inzage, vergeten, een "
                "bewaartermijn-ronde, een toestemming gewijzigd of het register ontgrendeld. "
                "Het logboek kan niet worden gewijzigd; inwoners staan er alleen met hun "
                "dossiernummer in.")
    if not lines:
        report.no_data("Er is in deze periode niets vastgelegd.")
        return report
    report.add(data_table(COLUMNS, [(moment_text(e), e.label, subject_text(e), e.detail,
                                     e.actor or "—") for e in lines]))
    return report


def audit_log_pdf(lines: Sequence[AuditLine], owner: str, period_text: str,
                  today: date) -> bytes:
    return render(build_audit_log(lines, owner, period_text, today))
