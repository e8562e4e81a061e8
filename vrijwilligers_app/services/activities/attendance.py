"""Quick attendance entry after an activity: visitors per type, named participants where
the activity needs them, and per rostered volunteer: came or not, hours.

`save_attendance` checks everything first (no negative counts, known visitor types, an
activity that is not cancelled and not in the future, residents who exist and consented to
being recorded, hours from 0 to 24) and replaces the activity's counts, participants and
place statuses in one transaction; on any problem it raises `FormErrors` and saves nothing.
Counts of 0 are stored too, so "nobody came" differs from "not entered yet".
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Engine, delete
from sqlmodel import col, select

from vrijwilligers_app.domain.names import full_name
from vrijwilligers_app.domain.roster import STATUSES, check_counts, check_hours
from vrijwilligers_app.domain.validation import format_date_nl
from vrijwilligers_app.services.activities.planning import ActivityNotFound
from vrijwilligers_app.services.editing.records import FormErrors
from vrijwilligers_app.store.engine import read_session, write_session
from vrijwilligers_app.store.queries import attendance as queries
from vrijwilligers_app.store.queries.roster import RosterActivity, roster
from vrijwilligers_app.store.tables import Activity, Attendance, Participation, Resident, Shift
from vrijwilligers_app.store.tables.base import utcnow

LABELS = {"activity": "Activiteit", "participants": "Deelnemers met naam", "places": "Rooster"}


@dataclass(frozen=True)
class AttendanceSheet:
    activity: RosterActivity
    counts: list[tuple[str, str, int | None]]  # code, Dutch name, count (None: not entered)
    participants: list[tuple[int, str]]  # resident id, display name


@dataclass(frozen=True)
class PlaceOutcome:
    status: str  # aanwezig / afwezig / gepland
    hours: float | None = None  # None: derived from the times


def attendance_sheet(engine: Engine, activity_id: int) -> AttendanceSheet:
    found = roster(engine, [activity_id])
    if not found:
        raise ActivityNotFound(activity_id)
    with read_session(engine) as session:
        return AttendanceSheet(found[0], queries.visitor_counts(session, activity_id),
                               queries.participants(session, activity_id))


def save_attendance(engine: Engine, activity_id: int, counts: Mapping[str, object],
                    participant_ids: Sequence[int] | None,
                    places: Mapping[int, PlaceOutcome], today: date) -> None:
    """Replace counts, participants (None: leave as they are) and place outcomes."""
    errors: dict[str, str] = {}
    with write_session(engine) as session:
        activity = session.get(Activity, activity_id)
        if activity is None:
            raise ActivityNotFound(activity_id)
        if activity.cancelled:
            errors["activity"] = ("Deze activiteit is afgelast; bezoekers tellen kan pas als ze "
                                  "weer doorgaat.")
        elif activity.starts_at.date() > today:
            day = format_date_nl(activity.starts_at.date())
            errors["activity"] = f"De activiteit is pas op {day}; vul de bezoekers in na afloop."

        names = queries.visitor_type_names(session)
        for code in counts:
            if code not in names:
                errors[code] = f"Bezoekerstype '{code}' bestaat niet; vernieuw het scherm."
        errors.update(check_counts({c: v for c, v in counts.items() if c in names}, names))
        residents: list[int] = []
        if participant_ids:
            if not activity.named_attendance:
                errors["participants"] = ("Bij deze activiteit worden bezoekers alleen geteld, "
                                          "niet met naam vastgelegd.")
            for resident_id in dict.fromkeys(participant_ids):
                resident = session.get(Resident, resident_id)
                if resident is None:
                    errors["participants"] = "Een gekozen deelnemer bestaat niet meer."
                elif not resident.consent_recording:
                    who = full_name(resident.first_name, resident.name_prefix,
                                    resident.last_name)
                    errors["participants"] = (
                        f"{who} gaf geen toestemming om "
                        "gegevens vast te leggen; tel deze deelnemer mee zonder naam.")
                else:
                    residents.append(resident_id)
        shifts = {s.id: s for s in session.exec(
            select(Shift).where(col(Shift.activity_id) == activity_id))}
        for shift_id, outcome in places.items():
            shift = shifts.get(shift_id)
            if shift is None:
                errors["places"] = "Het rooster is intussen gewijzigd; vernieuw het scherm."
                continue
            if outcome.status not in STATUSES:
                errors["places"] = f"Onbekende status '{outcome.status}'."
            problem = check_hours(outcome.hours, "Uren")
            if problem:
                errors["places"] = problem
        if errors:
            raise FormErrors(errors, {**LABELS, **names})
        session.exec(delete(Attendance).where(  # type: ignore[call-overload]
            col(Attendance.activity_id) == activity_id))
        for code, value in counts.items():
            session.add(Attendance(activity_id=activity_id, visitor_type_code=code,
                                   visitors=int(str(value))))
        if participant_ids is not None:
            session.exec(delete(Participation).where(  # type: ignore[call-overload]
                col(Participation.activity_id) == activity_id))
            for resident_id in residents:
                session.add(Participation(activity_id=activity_id, resident_id=resident_id))
        for shift_id, outcome in places.items():
            shift = shifts[shift_id]
            if shift.volunteer_id is None:
                continue
            shift.status = outcome.status
            shift.hours = None if outcome.status == "afwezig" else outcome.hours
            shift.updated_at = utcnow()
            session.add(shift)


def consenting_residents(engine: Engine, text_filter: str, limit: int = 30) -> list[
        tuple[int, str]]:
    """Residents who may be recorded by name, matching a name fragment (for the picker)."""
    with read_session(engine) as session:
        return queries.consenting_residents(session, text_filter, limit)
