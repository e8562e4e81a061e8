"""What a report is asked for, and the name printed at the top of its pages."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from vrijwilligers_app.domain.report_period import Period
from vrijwilligers_app.services.reports.errors import ReportError
from vrijwilligers_app.store.settings import get_setting

if TYPE_CHECKING:  # a plain report (kinds) is made without SQLAlchemy
    from sqlalchemy import Engine

DEFAULT_OWNER = "Sociale basis Helmond"
ORGANISATION_SETTING = "organisation_name"


class ReportRequest(NamedTuple):  # immutable; not a frozen dataclass (see report_period.Period)
    kind: str
    period: Period
    today: date  # the printing date; figures are measured up to it
    initiative_id: int | None = None
    series_id: int | None = None

    @property
    def period_text(self) -> str:
        return f"Periode: {self.period.label}"


def organisation_name(engine: Engine) -> str:
    return get_setting(engine, ORGANISATION_SETTING).strip() or DEFAULT_OWNER


def initiative_name(engine: Engine, initiative_id: int) -> str:
    from vrijwilligers_app.store.queries import reports as queries

    with engine.connect() as connection:
        name = queries.initiative_name(connection, initiative_id)
    if name is None:
        raise unknown_initiative(initiative_id)
    return str(name)


def unknown_initiative(initiative_id: int) -> ReportError:
    return ReportError(f"Initiatief nummer {initiative_id} bestaat niet. "
                       "Kies een initiatief uit de lijst Initiatieven.")


def require_initiative(request: ReportRequest, what: str) -> int:
    if request.initiative_id is None:
        raise ReportError(f"Voor {what} is een initiatief nodig (--initiatief NUMMER).")
    return request.initiative_id
