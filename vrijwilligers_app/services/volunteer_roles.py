"""Volunteers in initiatives: which role, since when, until when and why they left.

The link table (volunteer_role) feeds the roster ("eerst wie deze rol heeft"), the maatjes
suggestions, the Initiatief filter and the gemeente export; this module is the one place that
writes it from the window. Every check runs before anything is written and names the field.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, text

from vrijwilligers_app.domain.report_period import Period
from vrijwilligers_app.domain.validation import format_date_nl
from vrijwilligers_app.domain.volunteer_flow import Flow, RoleSpan, volunteer_flow
from vrijwilligers_app.store.engine import write_session
from vrijwilligers_app.store.queries.names import full_name_sql
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


_ROWS = f"""
SELECT r.id, r.volunteer_id, {full_name_sql("v")}, r.initiative_id, i.name, r.role_code,
       coalesce(d.name, r.role_code), r.start_date, r.end_date, r.exit_reason_code,
       coalesce(x.name, '')
FROM volunteer_role r JOIN volunteer v ON v.id = r.volunteer_id
JOIN initiative i ON i.id = r.initiative_id
LEFT JOIN duty_role d ON d.code = r.role_code
LEFT JOIN volunteer_exit_reason x ON x.code = r.exit_reason_code
"""
# Current roles first, then the most recent; within that by name.
_ORDER = " ORDER BY (r.end_date IS NULL) DESC, r.end_date DESC, {0}, r.start_date"


def _day(value: object) -> date | None:
    return date.fromisoformat(str(value)) if value else None


def _query(engine: Engine, where: str, **params: object) -> list[RoleRow]:
    with engine.connect() as connection:
        rows = connection.execute(text(_ROWS + where), params).all()
    return [RoleRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], _day(r[7]), _day(r[8]), r[9],
                    r[10]) for r in rows]


def roles_of_volunteer(engine: Engine, volunteer_id: int) -> list[RoleRow]:
    return _query(engine, "WHERE r.volunteer_id = :v" + _ORDER.format("i.name"), v=volunteer_id)


def roles_in_initiative(engine: Engine, initiative_id: int) -> list[RoleRow]:
    return _query(engine, "WHERE r.initiative_id = :i" + _ORDER.format("v.last_name, v.first_name"),
                  i=initiative_id)


def role(engine: Engine, role_id: int) -> RoleRow:
    rows = _query(engine, "WHERE r.id = :r", r=role_id)
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
    with engine.connect() as connection:
        rows = connection.execute(text("""
            SELECT s.id, s.starts_at, a.title FROM shift s JOIN activity a ON a.id = s.activity_id
            WHERE s.volunteer_id = :v AND a.initiative_id = :i AND a.cancelled = 0
              AND s.status = 'gepland' AND s.starts_at >= :after ORDER BY s.starts_at"""),
            {"v": volunteer_id, "i": initiative_id,
             "after": (after + timedelta(days=1)).isoformat()}).all()
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
        session.execute(text("UPDATE shift SET volunteer_id = NULL WHERE id IN ("
                             + ",".join(str(int(i)) for i in shift_ids) + ")"))


def restore_places(engine: Engine, shift_ids: list[int], volunteer_id: int) -> None:
    with write_session(engine) as session:
        session.execute(text("UPDATE shift SET volunteer_id = :v WHERE id IN ("
                             + ",".join(str(int(i)) for i in shift_ids) + ")"),
                        {"v": volunteer_id})


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
    with engine.connect() as connection:
        rows = connection.execute(text("""
            SELECT r.volunteer_id, r.initiative_id, r.start_date, r.end_date, coalesce(x.name, '')
            FROM volunteer_role r
            LEFT JOIN volunteer_exit_reason x ON x.code = r.exit_reason_code""")).all()
    return [RoleSpan(r[0], r[1], _day(r[2]), _day(r[3]), r[4]) for r in rows]


def flow(engine: Engine, period: Period, initiative_id: int | None = None) -> Flow:
    return volunteer_flow(role_spans(engine), period, initiative_id)


def volunteer_name(engine: Engine, volunteer_id: int) -> str:
    """'Yasmina van de Ven', for a question that must name the person."""
    with engine.connect() as connection:
        name = connection.execute(text(f"SELECT {full_name_sql('v')} FROM volunteer v "
                                       "WHERE v.id = :v"), {"v": volunteer_id}).scalar()
    return str(name) if name is not None else f"vrijwilliger nummer {volunteer_id}"
