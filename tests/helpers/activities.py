"""Small registers for activity tests: initiatives, volunteers, residents, activities."""

from datetime import datetime

from sqlalchemy import Engine

from vrijwilligers_app.store.engine import write_session
from vrijwilligers_app.store.tables import (
    Activity,
    Attendance,
    Initiative,
    InitiativeDistrict,
    Participation,
    Resident,
    Shift,
    Volunteer,
)


def add_initiative(engine: Engine, name: str = "Alzheimer Café Test",
                   districts: tuple[str, ...] = ()) -> int:
    with write_session(engine) as session:
        initiative = Initiative(name=name, type_code="alzheimercafe")
        session.add(initiative)
        session.flush()
        for code in districts:
            session.add(InitiativeDistrict(initiative_id=initiative.id, district_code=code))
        assert initiative.id is not None
        return initiative.id


def add_volunteer(engine: Engine, first: str, last: str, availability: int = 0) -> int:
    with write_session(engine) as session:
        volunteer = Volunteer(first_name=first, last_name=last, availability=availability)
        session.add(volunteer)
        session.flush()
        assert volunteer.id is not None
        return volunteer.id


def add_resident(engine: Engine, first: str, last: str) -> int:
    with write_session(engine) as session:
        resident = Resident(first_name=first, last_name=last)
        session.add(resident)
        session.flush()
        assert resident.id is not None
        return resident.id


def add_activity(engine: Engine, initiative_id: int, starts: datetime, ends: datetime,
                 title: str = "Café", cancelled: bool = False, district: str | None = None,
                 visitors: dict[str, int] | None = None,
                 shifts: tuple[tuple[int | None, datetime, datetime, str, float | None], ...] = (),
                 residents: tuple[int, ...] = (), role: str = "gastvrouw") -> int:
    """An activity with attendance counts, places (volunteer, start, end, status, hours)
    and named participants."""
    with write_session(engine) as session:
        activity = Activity(initiative_id=initiative_id, title=title, starts_at=starts,
                            ends_at=ends, cancelled=cancelled, district_code=district,
                            named_attendance=bool(residents))
        session.add(activity)
        session.flush()
        assert activity.id is not None
        for code, count in (visitors or {}).items():
            session.add(Attendance(activity_id=activity.id, visitor_type_code=code,
                                   visitors=count))
        for volunteer, s_start, s_end, status, hours in shifts:
            session.add(Shift(activity_id=activity.id, role_code=role, volunteer_id=volunteer,
                              starts_at=s_start, ends_at=s_end, status=status, hours=hours))
        for resident in residents:
            session.add(Participation(activity_id=activity.id, resident_id=resident))
        return activity.id
