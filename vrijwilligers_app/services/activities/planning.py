"""Plan activities: a series in one go, a single activity, edit/move one date, cancel.

Values arrive as plain dicts from the dialogs (keys below, Dutch labels in LABELS). Every
check runs first; any problem raises `FormErrors` (key -> Dutch message) inside the IMMEDIATE
write transaction, which then rolls back: nothing is half-saved.

Keys: initiative_id, title, rule (RRULE, series only), first_on and until_on (series) or on
(one activity), start_time, end_time (datetime.time; an end before 06:00 that is not after
the start is the next day), location, district_code, theme, speaker, notes,
named_attendance, places ({role code: number of places}, optional: a roster per date).
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from vrijwilligers_app.domain import recurrence
from vrijwilligers_app.domain.roster import check_times
from vrijwilligers_app.domain.validation import BSN_WARNING, format_date_nl, looks_like_bsn
from vrijwilligers_app.services.editing.records import FormErrors
from vrijwilligers_app.store.engine import read_session, write_session
from vrijwilligers_app.store.tables import (
    Activity,
    ActivitySeries,
    District,
    DutyRole,
    Initiative,
    Shift,
)
from vrijwilligers_app.store.tables.base import utcnow

LABELS = {
    "initiative_id": "Initiatief", "title": "Titel", "rule": "Herhaling",
    "first_on": "Eerste datum", "until_on": "Tot en met", "on": "Datum",
    "start_time": "Begintijd", "end_time": "Eindtijd", "location": "Locatie",
    "district_code": "Wijk", "theme": "Thema", "speaker": "Spreker", "notes": "Notities",
    "places": "Rooster", "activity": "Activiteit",
}
TEXT_LIMITS = {"title": 150, "location": 150, "theme": 200, "speaker": 120, "notes": 2000}
MAX_PLACES_PER_ROLE = 20


class ActivityNotFound(LookupError):
    def __init__(self, activity_id: int) -> None:
        super().__init__(f"Activiteit (nummer {activity_id}) bestaat niet meer; misschien is "
                         "ze intussen verwijderd.")
        self.activity_id = activity_id


@dataclass(frozen=True)
class SeriesCreated:
    series_id: int
    activity_ids: list[int]
    first: date
    last: date


@dataclass(frozen=True)
class ActivityChange:
    """What an edit changed; `previous` holds the old values, so the UI can undo."""

    activity_id: int
    previous: dict[str, object]


def _texts(values: Mapping[str, object], errors: dict[str, str]) -> dict[str, str]:
    cleaned: dict[str, str] = {}
    for key, limit in TEXT_LIMITS.items():
        value = values.get(key) or ""
        if not isinstance(value, str):
            errors[key] = "Vul hier tekst in."
            continue
        value = value.strip()
        if len(value) > limit:
            errors[key] = f"Maximaal {limit} tekens; nu zijn het er {len(value)}. Maak het korter."
        elif looks_like_bsn(value):
            errors[key] = BSN_WARNING
        cleaned[key] = value
    if not cleaned.get("title") and "title" not in errors:
        errors["title"] = "Geef de activiteit een titel, bijvoorbeeld 'Alzheimer Café'."
    return cleaned


def _check_links(session: Session, values: Mapping[str, object],
                 errors: dict[str, str]) -> None:
    initiative_id = values.get("initiative_id")
    if initiative_id is None:
        errors["initiative_id"] = "Kies het initiatief dat de activiteit organiseert."
    elif session.get(Initiative, initiative_id) is None:
        errors["initiative_id"] = "Dit initiatief bestaat niet (meer); kies uit de lijst."
    district = values.get("district_code") or None
    if district is not None and session.get(District, district) is None:
        errors["district_code"] = f"Wijk '{district}' bestaat niet; kies uit de lijst."
    places = values.get("places") or {}
    if not isinstance(places, Mapping):
        errors["places"] = "Rooster: geef per rol een aantal plaatsen."
        return
    for role, count in places.items():
        if session.get(DutyRole, role) is None:
            errors["places"] = f"Rol '{role}' bestaat niet; kies uit de lijst."
        elif not isinstance(count, int) or not 0 <= count <= MAX_PLACES_PER_ROLE:
            errors["places"] = (f"Rooster: vul per rol 0 tot {MAX_PLACES_PER_ROLE} plaatsen in "
                                f"(nu {count}).")


def _times(values: Mapping[str, object], errors: dict[str, str],
           day: date) -> tuple[datetime, datetime] | None:
    start, end = values.get("start_time"), values.get("end_time")
    if not isinstance(start, time):
        errors["start_time"] = "Vul de begintijd in (uu:mm)."
    if not isinstance(end, time):
        errors["end_time"] = "Vul de eindtijd in (uu:mm)."
    if not isinstance(start, time) or not isinstance(end, time):
        return None
    starts, ends = recurrence.combine(day, start, end)
    problem = check_times(starts, ends)
    if problem:
        errors["end_time"] = problem
        return None
    for key, moment in (("start_time", starts), ("end_time", ends)):
        gap = recurrence.check_wall_time(moment)
        if gap:
            errors[key] = gap
            return None
    return starts, ends


def _date(values: Mapping[str, object], errors: dict[str, str], key: str,
          required: str) -> date | None:
    value = values.get(key)
    if value is None:
        errors[key] = required
        return None
    if not isinstance(value, date) or isinstance(value, datetime):
        errors[key] = "Vul een datum in (dd-mm-jjjj)."
        return None
    return value


def _new_activity(values: Mapping[str, object], texts: Mapping[str, str], starts: datetime,
                  ends: datetime, series_id: int | None) -> Activity:
    return Activity(
        initiative_id=int(str(values["initiative_id"])), series_id=series_id, title=texts["title"],
        starts_at=starts, ends_at=ends, location=texts["location"],
        district_code=str(values.get("district_code") or "") or None, theme=texts["theme"],
        speaker=texts["speaker"], notes=texts["notes"],
        named_attendance=bool(values.get("named_attendance")))


def _add_places(session: Session, activity: Activity, places: Mapping[str, int]) -> None:
    for role, count in places.items():
        for _ in range(count):
            session.add(Shift(activity_id=int(activity.id or 0), role_code=role,
                              starts_at=activity.starts_at, ends_at=activity.ends_at))


def create_series(engine: Engine, values: Mapping[str, object]) -> SeriesCreated:
    """A series and all its activities (with empty roster places) in one transaction."""
    errors: dict[str, str] = {}
    texts = _texts(values, errors)
    first_on = _date(values, errors, "first_on", "Vul de eerste datum in (dd-mm-jjjj).")
    until_on = _date(values, errors, "until_on",
                     "Vul in tot wanneer de reeks loopt (dd-mm-jjjj), bijvoorbeeld 31-12.")
    rule = str(values.get("rule") or "")
    days: list[date] = []
    if first_on and until_on:
        if until_on < first_on:
            errors["until_on"] = (f"{format_date_nl(until_on)} ligt vóór de eerste datum "
                                  f"{format_date_nl(first_on)}.")
        else:
            try:
                days = recurrence.occurrences(rule, first_on, until_on)
            except ValueError as exc:
                errors["rule"] = str(exc)
            else:
                if not days:
                    errors["rule"] = (f"Tussen {format_date_nl(first_on)} en "
                                      f"{format_date_nl(until_on)} valt geen enkele datum "
                                      f"{recurrence.describe_rule(rule)}.")
    moments = []
    for day in days:
        found = _times(values, errors, day)
        if found is None:
            break
        moments.append(found)
    with write_session(engine) as session:
        _check_links(session, values, errors)
        if errors:
            raise FormErrors(errors, LABELS)
        assert first_on is not None
        series = ActivitySeries(initiative_id=int(str(values["initiative_id"])),
                                title=texts["title"], rule=rule, first_on=first_on,
                                until_on=until_on)
        session.add(series)
        session.flush()
        places = dict(values.get("places") or {})  # type: ignore[call-overload]
        activities = []
        for starts, ends in moments:
            activity = _new_activity(values, texts, starts, ends, series.id)
            session.add(activity)
            activities.append(activity)
        session.flush()
        for activity in activities:
            _add_places(session, activity, places)
        assert series.id is not None
        return SeriesCreated(series.id, [int(a.id or 0) for a in activities], days[0], days[-1])


def create_activity(engine: Engine, values: Mapping[str, object]) -> int:
    """One activity on `on`, with empty roster places; returns its id."""
    errors: dict[str, str] = {}
    texts = _texts(values, errors)
    day = _date(values, errors, "on", "Vul de datum in (dd-mm-jjjj).")
    found = _times(values, errors, day) if day else None
    with write_session(engine) as session:
        _check_links(session, values, errors)
        if errors or found is None:
            raise FormErrors(errors or {"start_time": "Vul begin- en eindtijd in."}, LABELS)
        activity = _new_activity(values, texts, found[0], found[1], None)
        session.add(activity)
        session.flush()
        _add_places(session, activity, dict(values.get("places") or {}))  # type: ignore[call-overload]
        assert activity.id is not None
        return activity.id


EDITABLE = ("title", "location", "district_code", "theme", "speaker", "notes",
            "named_attendance")


def activity_values(engine: Engine, activity_id: int) -> dict[str, object]:
    """The activity as the edit dialog shows it (keys as for create_activity)."""
    with read_session(engine) as session:
        activity = session.get(Activity, activity_id)
        if activity is None:
            raise ActivityNotFound(activity_id)
        values: dict[str, object] = {key: getattr(activity, key) for key in EDITABLE}
        values.update(initiative_id=activity.initiative_id, on=activity.starts_at.date(),
                      start_time=activity.starts_at.time(), end_time=activity.ends_at.time(),
                      cancelled=activity.cancelled, series_id=activity.series_id)
        return values


def update_activity(engine: Engine, activity_id: int,
                    values: Mapping[str, object]) -> ActivityChange:
    """Edit or move one activity. Keys left out keep their value. Moving carries the roster
    places along (same offset to the start); their volunteers stay on."""
    current = activity_values(engine, activity_id)
    merged = {**current, **values, "places": {}}
    errors: dict[str, str] = {}
    texts = _texts(merged, errors)
    day = _date(merged, errors, "on", "Vul de datum in (dd-mm-jjjj).")
    found = _times(merged, errors, day) if day else None
    with write_session(engine) as session:
        _check_links(session, merged, errors)
        activity = session.get(Activity, activity_id)
        if activity is None:
            raise ActivityNotFound(activity_id)
        if errors or found is None:
            raise FormErrors(errors or {"start_time": "Vul begin- en eindtijd in."}, LABELS)
        delta = found[0] - activity.starts_at
        if delta:
            shifts = session.exec(select(Shift).where(col(Shift.activity_id) == activity_id))
            for shift in shifts:
                shift.starts_at += delta
                shift.ends_at += delta
                session.add(shift)
        activity.title = texts["title"]
        for key in ("location", "theme", "speaker", "notes"):
            setattr(activity, key, texts[key])
        activity.district_code = str(merged.get("district_code") or "") or None
        activity.named_attendance = bool(merged.get("named_attendance"))
        activity.starts_at, activity.ends_at = found
        activity.updated_at = utcnow()
        session.add(activity)
    previous = {key: current[key] for key in (*EDITABLE, "on", "start_time", "end_time")}
    return ActivityChange(activity_id, previous)


def set_cancelled(engine: Engine, activity_id: int, cancelled: bool) -> bool:
    """Cancel (or reinstate) one date; returns the previous state, for undo. Roster places
    and counts stay, so reinstating loses nothing."""
    with write_session(engine) as session:
        activity = session.get(Activity, activity_id)
        if activity is None:
            raise ActivityNotFound(activity_id)
        previous = activity.cancelled
        activity.cancelled = cancelled
        activity.updated_at = utcnow()
        session.add(activity)
        return previous

