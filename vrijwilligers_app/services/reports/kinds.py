"""The reports by name: what the command line and the Rapporten dialog list.

Only names and flags live here; each builder is imported when a report of its kind is made,
so `vrijwilligers-app --help` and the dialog's list do not import reportlab, SQLAlchemy and
every report module (about 1.3 s on an ordinary laptop).
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import TYPE_CHECKING, Any, NamedTuple

from vrijwilligers_app.services.reports.errors import ReportError

if TYPE_CHECKING:
    from vrijwilligers_app.services.reports.document import Report
    from vrijwilligers_app.services.reports.request import ReportRequest


class ReportKind(NamedTuple):  # immutable; not a frozen dataclass (see report_period.Period)
    key: str  # the name on the command line
    title: str  # Dutch, for the dialog
    builder: str  # "module:function" below vrijwilligers_app.services.reports
    needs_initiative: bool = False
    optional_initiative: bool = False  # e.g. one maatjesproject or all of them
    uses_period: bool = True
    description: str = ""
    with_names: bool = False  # names people: printing or saving it goes in the audit log
    # The builder reads on a DB-API connection (store.direct) instead of an Engine, so the
    # command line makes it without SQLAlchemy (catalogue.build_report gives either).
    plain: bool = False

    @property
    def build(self) -> Callable[[Any, ReportRequest], Report]:
        """(engine, request), or (DB-API connection, request) for a `plain` kind."""
        module, function = self.builder.split(":")
        built: Callable[[Any, ReportRequest], Report] = getattr(
            import_module(f"vrijwilligers_app.services.reports.{module}"), function)
        return built


REPORTS: dict[str, ReportKind] = {kind.key: kind for kind in (
    ReportKind("sociale-kaart", "Sociale kaart", "social_map:build_social_map",
               uses_period=False,
               description="initiatieven per wijk en leefdomein, organisaties met contact"),
    ReportKind("vrijwilligers", "Vrijwilligerslijst / adreslijst (vertrouwelijk)",
               "volunteer_list:build_volunteer_list", needs_initiative=True, with_names=True,
               plain=True,
               description="vrijwilligers van een initiatief met adres en telefoon"),
    ReportKind("vrijwilligersstroom", "Vrijwilligers per initiatief: in-, door- en uitstroom",
               "volunteer_figures:build_volunteer_figures",
               description="vrijwilligers per initiatief aan begin en eind, instroom, "
                           "doorstroom en uitstroom met redenen"),
    ReportKind("rooster", "Rooster van activiteiten", "roster:build_roster",
               needs_initiative=True, with_names=True,
               description="wie wat doet per activiteit van een initiatief of reeks (--reeks)"),
    ReportKind("maatjes", "Maatjesoverzicht (vertrouwelijk)", "buddies:build_buddies",
               optional_initiative=True, with_names=True,
               description="wachtlijst, lopende en beëindigde koppelingen, per project of "
                           "alle projecten"),
    ReportKind("doorverwijzingen", "Doorverwijzingen: wachttijden",
               "referrals:build_referrals",
               description="wachttijden en doorlooptijden per organisatie en leefdomein"),
    ReportKind("jaarverslag", "Jaarverslag van een initiatief", "annual:build_annual",
               needs_initiative=True,
               description="activiteiten, bezoekers, vrijwilligers en uren, maatjes en "
                           "doorverwijzingen per kwartaal"),
    ReportKind("gemeente", "Sociaal domein in beeld (gemeente)", "city:build_city",
               description="stadsbreed overzicht uit de ingelezen exportbestanden, kleine "
                           "aantallen onderdrukt"),
)}


def report_kind(key: str) -> ReportKind:
    try:
        return REPORTS[key]
    except KeyError:
        raise ReportError(f"Onbekend soort rapport '{key}'. Kies uit: "
                          f"{', '.join(REPORTS)}.") from None


def kinds_help() -> str:
    return "; ".join(f"{k.key} ({k.description})" for k in REPORTS.values())
