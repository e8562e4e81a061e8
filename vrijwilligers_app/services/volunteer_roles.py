"""Volunteers in initiatives: which role, since when, until when and why they left.

The link table (volunteer_role) feeds the roster ("eerst wie deze rol heeft"), the maatjes
suggestions, the Initiatief filter and the gemeente export; this module is the one place that
writes it from the window. Every check runs before anything is written and names the field.
"""

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Engine

from vrijwilligers_app.domain.report_period import Period
from vrijwilligers_app.domain.validation import format_date_nl
from vrijwilligers_app.domain.volunteer_flow import Flow, RoleSpan, volunteer_flow
from vrijwilligers_app.store.engine import read_session, write_session
from vrijwilligers_app.store.queries import volunteer_roles as queries
from vrijwilligers_app.store.tables import Volunteer, VolunteerRole


class RoleError(ValueError):
    """Bad input for a role; `field` is the form field the message belongs under."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


@dataclass(frozen=True)
class RoleRow:
    role_id: int
    volunteer_id: int
    volunteer_name: str
    initiative_id: int
    initiative_name: str
    role_code: str
    role_name: str
    start: date | None
    end: date | None
    exit_reason_code: str | None
    exit_reason_name: str

    def active_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or self.end >= day)


@dataclass(frozen=True)
class RosterPlace:
    shift_id: int
    starts_at: datetime
    activity: str


def _day(value: object) -> date | None:
    return date.fromisoformat(str(value)) if value else None


def _query(engine: Engine, by: str, key: int) -> list[RoleRow]:
    with read_session(engine) as session:
        rows = queries.role_rows(session, by, key)
    return [RoleRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], _day(r[7]), _day(r[8]), r[9],
                    r[10]) for r in rows]


def roles_of_volunteer(engine: Engine, volunteer_id: int) -> list[RoleRow]:
    return _query(engine, "volunteer", volunteer_id)


def roles_in_initiative(engine: Engine, initiative_id: int) -> list[RoleRow]:
    return _query(engine, "initiative", initiative_id)


def role(engine: Engine, role_id: int) -> RoleRow:
    rows = _query(engine, "role", role_id)
    if not rows:
        raise RoleError("", "Deze rol bestaat niet meer (verwijderd?).")
    return rows[0]


def _overlaps(a_start: date | None, a_end: date | None, b_start: date | None,
              b_end: date | None) -> bool:
    low, high = date.min, date.max
    return (a_start or low) <= (b_end or high) and (b_start or low) <= (a_end or high)


def check_role(engine: Engine, volunteer_id: int, initiative_id: int, role_code: str,
               start: date | None, end: date | None, role_id: int | None = None) -> None:
    """Refuse a role that ends before it starts, or the same role twice at the same time."""
    if not role_code:
        raise RoleError("role", "Rol: kies een rol.")
    if start is not None and end is not None and end < start:
        raise RoleError("end", f"Tot ({format_date_nl(end)}) ligt vóór Sinds "
                               f"({format_date_nl(start)}): een rol kan niet eindigen voordat "
                               "hij begint.")
    for other in roles_of_volunteer(engine, volunteer_id):
        if other.role_id == role_id or other.initiative_id != initiative_id \
                or other.role_code != role_code:
            continue
        if _overlaps(start, end, other.start, other.end):
            since = format_date_nl(other.start) or "het begin"
            until = format_date_nl(other.end) or "nu"
            raise RoleError("role", f"Rol: {other.volunteer_name} is al {other.role_name.lower()} "
                                    f"bij {other.initiative_name} (van {since} tot {until}); "
                                    "dezelfde rol twee keer tegelijk kan niet.")


def add_role(engine: Engine, volunteer_id: int, initiative_id: int, role_code: str,
             start: date | None, end: date | None = None) -> int:
    check_role(engine, volunteer_id, initiative_id, role_code, start, end)
    with write_session(engine) as session:
        row = VolunteerRole(volunteer_id=volunteer_id, initiative_id=initiative_id,
                            role_code=role_code, start_date=start, end_date=end)
        session.add(row)
        session.flush()
        assert row.id is not None  # given by the flush
        return row.id


def future_roster_places(engine: Engine, volunteer_id: int, initiative_id: int,
                         after: date) -> list[RosterPlace]:
    """Places on the initiative's roster the volunteer holds after `after` (not cancelled)."""
    with read_session(engine) as session:
        rows = queries.future_places(session, volunteer_id, initiative_id, after)
    return [RosterPlace(r[0], datetime.fromisoformat(str(r[1])), r[2]) for r in rows]


def places_lost_by_ending(engine: Engine, role_id: int, end: date) -> list[RosterPlace]:
    """Future roster places that would be left without a role in the initiative when this
    role ends on `end` (another role there that stays active keeps them)."""
    this = role(engine, role_id)
    others = [r for r in roles_of_volunteer(engine, this.volunteer_id)
              if r.role_id != role_id and r.initiative_id == this.initiative_id
              and (r.end is None or r.end > end)]
    if others:
        return []
    return future_roster_places(engine, this.volunteer_id, this.initiative_id, end)


def free_places(engine: Engine, shift_ids: list[int]) -> None:
    """Make roster places free again (the volunteer no longer works there)."""
    with write_session(engine) as session:
        queries.set_place_volunteer(session, shift_ids, None)


def restore_places(engine: Engine, shift_ids: list[int], volunteer_id: int) -> None:
    with write_session(engine) as session:
        queries.set_place_volunteer(session, shift_ids, volunteer_id)


def set_role_end(engine: Engine, role_id: int, end: date | None,
                 reason_code: str | None) -> tuple[date | None, str | None]:
    """End a role (or reopen it with end None); returns the previous end and reason (undo)."""
    this = role(engine, role_id)
    if end is not None and not reason_code:
        raise RoleError("reason", "Uitstroomreden: kies waarom de rol stopt.")
    check_role(engine, this.volunteer_id, this.initiative_id, this.role_code, this.start, end,
               role_id)
    with write_session(engine) as session:
        row = session.get(VolunteerRole, role_id)
        assert row is not None  # read just above
        row.end_date = end
        row.exit_reason_code = reason_code if end is not None else None
    return this.end, this.exit_reason_code


def is_last_active_role(engine: Engine, role_id: int, end: date) -> bool:
    """True when, after `end`, the volunteer has no role anywhere any more."""
    this = role(engine, role_id)
    return not any(r.role_id != role_id and (r.end is None or r.end > end)
                   for r in roles_of_volunteer(engine, this.volunteer_id))


def set_volunteer_end(engine: Engine, volunteer_id: int, end: date | None) -> date | None:
    """The volunteer stops altogether (or, on undo, again not); returns the previous end."""
    with write_session(engine) as session:
        volunteer = session.get(Volunteer, volunteer_id)
        if volunteer is None:
            raise RoleError("", "Deze vrijwilliger bestaat niet meer.")
        previous = volunteer.end_date
        volunteer.end_date = end
        return previous


def delete_role(engine: Engine, role_id: int) -> dict[str, Any]:
    """Remove a role entered by mistake; returns what restore_role needs (undo)."""
    with write_session(engine) as session:
        row = session.get(VolunteerRole, role_id)
        if row is None:
            raise RoleError("", "Deze rol bestaat niet meer (verwijderd?).")
        snapshot = row.model_dump()
        session.delete(row)
        return snapshot


def restore_role(engine: Engine, snapshot: dict[str, Any]) -> None:
    with write_session(engine) as session:
        session.add(VolunteerRole(**snapshot))


def role_spans(engine: Engine) -> list[RoleSpan]:
    """Every role as a span (volunteer, initiative, since, until, reason) for the flow
    figures; archived volunteers count too: they did volunteer in the period."""
    with read_session(engine) as session:
        rows = queries.role_span_rows(session)
    return [RoleSpan(r[0], r[1], _day(r[2]), _day(r[3]), r[4]) for r in rows]


def flow(engine: Engine, period: Period, initiative_id: int | None = None) -> Flow:
    return volunteer_flow(role_spans(engine), period, initiative_id)


def volunteer_name(engine: Engine, volunteer_id: int) -> str:
    """'Yasmina van de Ven', for a question that must name the person."""
    with read_session(engine) as session:
        name = queries.volunteer_name(session, volunteer_id)
    return name if name is not None else f"vrijwilliger nummer {volunteer_id}"
