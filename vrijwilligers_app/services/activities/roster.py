"""The duty roster of one activity: places per role, who could fill a place, filling it
(with a clash check), emptying it, and marking a no-show.

Candidates for a place are the volunteers active on the day (not archived, started, not
ended), ranked: a role in this initiative first (the same role before another), then whose
weekly availability covers the place's day parts ('ja', 'deels', 'nee'), then without a
clash, then by name. A clash (the volunteer already on an overlapping place of a
non-cancelled activity) is refused by `assign` unless the caller passes `allow_clash=True`
after asking the user; the refusal is a `RosterClash` with a Dutch message.
Read side for display and printing: store.queries.roster.
"""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine
from sqlmodel import Session, col, func, select

from vrijwilligers_app.domain.names import full_name
from vrijwilligers_app.domain.roster import (
    STATUSES,
    Booking,
    clash_message,
    clashes_with,
    fit_for,
    needed_mask,
)
from vrijwilligers_app.domain.validation import format_date_nl
from vrijwilligers_app.services.activities.planning import MAX_PLACES_PER_ROLE, ActivityNotFound
from vrijwilligers_app.services.editing.records import FormErrors
from vrijwilligers_app.store.engine import read_session, write_session
from vrijwilligers_app.store.queries import roster_candidates as queries
from vrijwilligers_app.store.tables import Activity, DutyRole, Shift, Volunteer
from vrijwilligers_app.store.tables.base import utcnow

FIT_RANK = {"ja": 0, "deels": 1, "nee": 2}


class PlaceNotFound(LookupError):
    def __init__(self, shift_id: int) -> None:
        super().__init__(f"Deze plaats op het rooster (nummer {shift_id}) bestaat niet meer; "
                         "vernieuw het rooster.")


class RosterClash(ValueError):
    """The volunteer is already rostered at an overlapping time; `message` is Dutch."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Candidate:
    volunteer_id: int
    name: str
    fit: str  # ja / deels / nee: weekly availability against the place's day parts
    roles: str  # Dutch names of the volunteer's roles in this initiative, '' when none
    same_role: bool
    clash: str | None  # Dutch warning when already rostered at that time

    @property
    def label(self) -> str:
        parts = [self.name, {"ja": "beschikbaar", "deels": "deels beschikbaar",
                             "nee": "niet beschikbaar volgens opgave"}[self.fit]]
        if self.roles:
            parts.append(self.roles)
        if self.clash:
            parts.append("al ingeroosterd op dat moment")
        return " · ".join(parts)


def _as_dt(value: object) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


def _bookings_between(session: Session, starts: datetime, ends: datetime,
                      volunteer_id: int | None = None) -> list[Booking]:
    """Places with a volunteer that overlap [starts, ends) on non-cancelled activities."""
    return [Booking(int(r[0]), int(r[1]), _as_dt(r[2]), _as_dt(r[3]),
                    f"{r[4]} {format_date_nl(_as_dt(r[5]).date())}")
            for r in queries.booking_rows(session, starts, ends, volunteer_id)]


def _place(session: Session, shift_id: int) -> tuple[Shift, Activity]:
    shift = session.get(Shift, shift_id)
    if shift is None:
        raise PlaceNotFound(shift_id)
    activity = session.get(Activity, shift.activity_id)
    if activity is None:
        raise ActivityNotFound(shift.activity_id)
    return shift, activity


def candidates(engine: Engine, shift_id: int) -> list[Candidate]:
    """Who could fill this place, best first (see the module docstring)."""
    with read_session(engine) as session:
        shift, activity = _place(session, shift_id)
        day = shift.starts_at.date()
        # Roles in this initiative first (a few rows), then all active volunteers: two plain
        # queries instead of two correlated subqueries per volunteer.
        roles = queries.roles_in_initiative(session, activity.initiative_id, shift.role_code,
                                            day)
        rows = queries.active_volunteers(session, day)
        busy: dict[int, list[Booking]] = {}
        for booking in _bookings_between(session, shift.starts_at, shift.ends_at):
            if booking.shift_id != shift_id:
                busy.setdefault(booking.volunteer_id, []).append(booking)
    found = []
    needed = needed_mask(shift.starts_at, shift.ends_at)
    for volunteer_id, name, mask in rows:
        clash = clash_message(str(name), busy.get(int(volunteer_id), []))
        role_names, same_role = roles.get(int(volunteer_id), ("", False))
        found.append(Candidate(int(volunteer_id), str(name), fit_for(int(mask), needed),
                               role_names, same_role, clash))
    found.sort(key=lambda c: (not c.same_role, not c.roles, FIT_RANK[c.fit], c.clash is not None,
                              c.name.casefold(), c.volunteer_id))
    return found


def assign(engine: Engine, shift_id: int, volunteer_id: int,
           allow_clash: bool = False) -> int | None:
    """Put a volunteer on a place; returns who was there before (None: it was free)."""
    with write_session(engine) as session:
        shift, activity = _place(session, shift_id)
        volunteer = session.get(Volunteer, volunteer_id)
        if volunteer is None or volunteer.archived_at is not None:
            raise FormErrors({"volunteer_id": "Deze vrijwilliger bestaat niet (meer) of is "
                              "gearchiveerd; kies een ander."}, {"volunteer_id": "Vrijwilliger"})
        if activity.cancelled:
            raise FormErrors({"activity": "Deze activiteit is afgelast; zet haar eerst weer "
                              "door voordat u het rooster invult."}, {"activity": "Activiteit"})
        if not allow_clash:
            new = Booking(shift_id, volunteer_id, shift.starts_at, shift.ends_at)
            others = _bookings_between(session, shift.starts_at, shift.ends_at, volunteer_id)
            name = full_name(volunteer.first_name, volunteer.name_prefix, volunteer.last_name)
            message = clash_message(name, clashes_with(new, others))
            if message:
                raise RosterClash(message)
        previous = shift.volunteer_id
        shift.volunteer_id = volunteer_id
        shift.updated_at = utcnow()
        session.add(shift)
        return previous


def unassign(engine: Engine, shift_id: int) -> int | None:
    """Make a place free again; returns who was on it (for undo)."""
    with write_session(engine) as session:
        shift, _activity = _place(session, shift_id)
        previous = shift.volunteer_id
        shift.volunteer_id = None
        shift.status = "gepland"
        shift.hours = None
        shift.updated_at = utcnow()
        session.add(shift)
        return previous


def set_status(engine: Engine, shift_id: int, status: str) -> str:
    """gepland / aanwezig / afwezig (no-show); returns the previous status."""
    if status not in STATUSES:
        raise ValueError(f"onbekende status: {status}")
    with write_session(engine) as session:
        shift, _activity = _place(session, shift_id)
        if shift.volunteer_id is None and status != "gepland":
            raise FormErrors({"status": "Op deze plaats staat niemand; vul eerst een "
                              "vrijwilliger in."}, {"status": "Status"})
        previous = shift.status
        shift.status = status
        shift.updated_at = utcnow()
        session.add(shift)
        return previous


def add_places(engine: Engine, activity_id: int, role_code: str, count: int = 1) -> list[int]:
    """Add free places for a role, at the activity's times; returns their ids."""
    with write_session(engine) as session:
        activity = session.get(Activity, activity_id)
        if activity is None:
            raise ActivityNotFound(activity_id)
        if session.get(DutyRole, role_code) is None:
            raise FormErrors({"role_code": f"Rol '{role_code}' bestaat niet; kies uit de "
                              "lijst."}, {"role_code": "Rol"})
        existing = session.exec(select(func.count()).select_from(Shift).where(
            col(Shift.activity_id) == activity_id, col(Shift.role_code) == role_code)).one()
        if count < 1 or existing + count > MAX_PLACES_PER_ROLE:
            raise FormErrors({"count": f"Per rol kunnen er 1 tot {MAX_PLACES_PER_ROLE} plaatsen "
                              f"op het rooster (nu al {existing})."}, {"count": "Aantal"})
        shifts = [Shift(activity_id=activity_id, role_code=role_code,
                        starts_at=activity.starts_at, ends_at=activity.ends_at)
                  for _ in range(count)]
        session.add_all(shifts)
        session.flush()
        return [int(s.id or 0) for s in shifts]


def remove_place(engine: Engine, shift_id: int) -> None:
    """Remove a free place; a place with a volunteer is emptied first (by the user)."""
    with write_session(engine) as session:
        shift, _activity = _place(session, shift_id)
        if shift.volunteer_id is not None:
            raise FormErrors({"shift": "Op deze plaats staat een vrijwilliger; maak haar eerst "
                              "leeg."}, {"shift": "Plaats"})
        session.delete(shift)
