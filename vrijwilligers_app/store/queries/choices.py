"""Option lists for the dialogs' choosers: small read-only queries, run on the TaskRunner.

One function for "the initiatives to choose from", with the filter said out loud, instead of
a copy per dialog with its own WHERE clause.
"""

from datetime import date
from enum import Enum

from sqlalchemy import Engine, text

from vrijwilligers_app.domain.dutch_format import format_date_nl

Choices = list[tuple[int, str]]


class InitiativeFilter(Enum):
    NOT_ARCHIVED = "not_archived"  # reports: also initiatives that ended (their history)
    NOT_ENDED = "not_ended"  # new referral: no end date at all
    RUNNING_ON = "running_on"  # planning activities: not ended before `today`


_WHERE = {
    InitiativeFilter.NOT_ARCHIVED: "archived_at IS NULL",
    InitiativeFilter.NOT_ENDED: "archived_at IS NULL AND end_date IS NULL",
    InitiativeFilter.RUNNING_ON: "archived_at IS NULL AND (end_date IS NULL OR end_date >= :today)",
}


def initiative_choices(engine: Engine, which: InitiativeFilter,
                       today: date | None = None) -> Choices:
    """(id, name) of the initiatives `which` allows, by name; RUNNING_ON needs `today`."""
    if which is InitiativeFilter.RUNNING_ON and today is None:
        raise ValueError("RUNNING_ON needs today")
    with engine.connect() as connection:
        rows = connection.execute(text(
            f"SELECT id, name FROM initiative WHERE {_WHERE[which]} "
            "ORDER BY name COLLATE NOCASE, id"), {"today": today})
        return [(int(r[0]), str(r[1])) for r in rows]


def series_choices(engine: Engine, initiative_id: int) -> Choices:
    """(id, 'title (vanaf dd-mm-jjjj)') of an initiative's activity series."""
    with engine.connect() as connection:
        return [(int(i), f"{title} (vanaf {format_date_nl(_day(first))})")
                for i, title, first in connection.execute(text(
                    "SELECT id, title, first_on FROM activity_series WHERE initiative_id = :i "
                    "ORDER BY title COLLATE NOCASE, first_on"), {"i": initiative_id})]


def destination_choices(engine: Engine) -> Choices:
    """(id, 'Organisatie – dienst') of the active organisations of the sociale kaart."""
    with engine.connect() as connection:
        rows = connection.execute(text(
            "SELECT id, organisation || CASE WHEN service <> '' THEN ' – ' || service "
            "ELSE '' END FROM destination WHERE active ORDER BY organisation, service"))
        return [(int(r[0]), str(r[1])) for r in rows]


def resident_district(engine: Engine, resident_id: int) -> str:
    """The name of a resident's wijk, or '' when it is not known."""
    with engine.connect() as connection:
        name = connection.execute(text(
            "SELECT d.name FROM resident r LEFT JOIN district d ON d.code = r.district_code "
            "WHERE r.id = :id"), {"id": resident_id}).scalar()
    return str(name) if name else ""


def _day(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
