"""The reports by name, and building one: data, layout, PDF bytes."""

from collections.abc import Callable, Generator
from dataclasses import dataclass

from sqlalchemy import Engine

from vrijwilligers_app.services.reports.annual import build_annual
from vrijwilligers_app.services.reports.buddies import build_buddies
from vrijwilligers_app.services.reports.city import build_city
from vrijwilligers_app.services.reports.document import Report, ReportError, render
from vrijwilligers_app.services.reports.referrals import build_referrals
from vrijwilligers_app.services.reports.request import ReportRequest
from vrijwilligers_app.services.reports.roster import build_roster
from vrijwilligers_app.services.reports.social_map import build_social_map
from vrijwilligers_app.services.reports.volunteer_list import build_volunteer_list
from vrijwilligers_app.services.steps import run_steps


@dataclass(frozen=True)
class ReportKind:
    key: str  # the name on the command line
    title: str  # Dutch, for the dialog
    build: Callable[[Engine, ReportRequest], Report]
    needs_initiative: bool = False
    optional_initiative: bool = False  # e.g. one maatjesproject or all of them
    uses_period: bool = True
    description: str = ""
    with_names: bool = False  # names people: printing or saving it goes in the audit log


REPORTS: dict[str, ReportKind] = {kind.key: kind for kind in (
    ReportKind("sociale-kaart", "Sociale kaart", build_social_map, uses_period=False,
               description="initiatieven per wijk en leefdomein, organisaties met contact"),
    ReportKind("vrijwilligers", "Vrijwilligerslijst / adreslijst (vertrouwelijk)",
               build_volunteer_list, needs_initiative=True, with_names=True,
               description="vrijwilligers van een initiatief met adres en telefoon"),
    ReportKind("rooster", "Rooster van activiteiten", build_roster, needs_initiative=True,
               with_names=True,
               description="wie wat doet per activiteit van een initiatief of reeks (--reeks)"),
    ReportKind("maatjes", "Maatjesoverzicht (vertrouwelijk)", build_buddies,
               optional_initiative=True, with_names=True,
               description="wachtlijst, lopende en beëindigde koppelingen, per project of "
                           "alle projecten"),
    ReportKind("doorverwijzingen", "Doorverwijzingen: wachttijden", build_referrals,
               description="wachttijden en doorlooptijden per organisatie en leefdomein"),
    ReportKind("jaarverslag", "Jaarverslag van een initiatief", build_annual,
               needs_initiative=True,
               description="activiteiten, bezoekers, vrijwilligers en uren, maatjes en "
                           "doorverwijzingen per kwartaal"),
    ReportKind("gemeente", "Sociaal domein in beeld (gemeente)", build_city,
               description="stadsbreed overzicht uit de ingelezen exportbestanden, kleine "
                           "aantallen onderdrukt"),
)}


def report_kind(key: str) -> ReportKind:
    try:
        return REPORTS[key]
    except KeyError:
        raise ReportError(f"Onbekend soort rapport '{key}'. Kies uit: "
                          f"{', '.join(REPORTS)}.") from None


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


def kinds_help() -> str:
    return "; ".join(f"{k.key} ({k.description})" for k in REPORTS.values())
