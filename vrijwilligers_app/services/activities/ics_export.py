"""A volunteer's duties as an iCalendar (.ics) file, to import into a phone or mail calendar.

- One VEVENT per place of the volunteer on activities from `start` on (no-shows left out);
  a cancelled activity is STATUS:CANCELLED, so importing the file again takes it out of the
  calendar. The UID is the place's UUID, so a moved date updates the same event.
- Times carry TZID=Europe/Amsterdam with its VTIMEZONE (the stored times are local
  wall-clock times), so 19:00 stays 19:00 across the clock change on every device.
- Only the volunteer's own duties go in: no names of other volunteers or of visitors.
- Files are written next to their final name as `<name>.deel` and renamed when all are
  written; a folder that cannot be written gives an `IcsExportError` with a Dutch message
  and leaves no file behind.
"""

import contextlib
import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from icalendar import Calendar, Event
from sqlalchemy import Engine

from vrijwilligers_app.domain.recurrence import TIMEZONE
from vrijwilligers_app.domain.roster import time_span
from vrijwilligers_app.domain.slug import ascii_slug
from vrijwilligers_app.services.files import os_reason
from vrijwilligers_app.store.engine import read_session
from vrijwilligers_app.store.queries import duties as queries

PRODID = "-//Vrijwilligersregister Helmond//Rooster//NL"
UID_DOMAIN = "vrijwilligersregister-helmond"


class IcsExportError(OSError):
    """The export failed; the message is Dutch and says nothing was written."""


@dataclass(frozen=True)
class Duty:
    uid: str
    role: str
    title: str
    initiative: str
    starts_at: datetime
    ends_at: datetime
    activity_starts: datetime
    activity_ends: datetime
    location: str
    theme: str
    speaker: str
    cancelled: bool
    modified: datetime


def _as_dt(value: object) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


def duties(engine: Engine, volunteer_id: int, start: date) -> tuple[str, list[Duty]]:
    """The volunteer's display name and places from `start` on, in time order."""
    with read_session(engine) as session:
        name = queries.volunteer_name(session, volunteer_id)
        if name is None:
            raise LookupError(f"Vrijwilliger (nummer {volunteer_id}) bestaat niet meer.")
        rows = queries.duty_rows(session, volunteer_id, start)
    found = [Duty(str(r[0]), str(r[1]), str(r[2]), str(r[3]), _as_dt(r[4]), _as_dt(r[5]),
                  _as_dt(r[6]), _as_dt(r[7]), str(r[8]), str(r[9]), str(r[10]), bool(r[11]),
                  _as_dt(r[12]).replace(tzinfo=UTC)) for r in rows]
    return name, found


def calendar_for(name: str, found: Sequence[Duty], now: datetime | None = None) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", f"Rooster {name}")
    calendar.add("x-wr-timezone", TIMEZONE.key)
    stamp = now or datetime.now(UTC)
    for duty in found:
        event = Event()
        event.add("uid", f"{duty.uid}@{UID_DOMAIN}")
        event.add("dtstamp", stamp)
        event.add("last-modified", duty.modified)
        event.add("dtstart", duty.starts_at.replace(tzinfo=TIMEZONE))
        event.add("dtend", duty.ends_at.replace(tzinfo=TIMEZONE))
        event.add("summary", f"{duty.role}: {duty.title}")
        if duty.location:
            event.add("location", duty.location)
        lines = [duty.initiative,
                 f"Activiteit: {time_span(duty.activity_starts, duty.activity_ends)}"]
        if duty.theme:
            lines.append(f"Thema: {duty.theme}")
        if duty.speaker:
            lines.append(f"Spreker: {duty.speaker}")
        if duty.cancelled:
            lines.insert(0, "AFGELAST")
        event.add("description", "\n".join(lines))
        event.add("status", "CANCELLED" if duty.cancelled else "CONFIRMED")
        event.add("transp", "OPAQUE")
        calendar.add_component(event)
    if found:  # the VTIMEZONE covers the years of the duties, not 1970-2038
        calendar.add_missing_timezones(
            first_date=date(found[0].starts_at.year, 1, 1),
            last_date=date(max(d.ends_at for d in found).year + 1, 1, 1))
    else:
        calendar.add_missing_timezones()
    return calendar


def file_name(name: str, volunteer_id: int) -> str:
    return f"rooster-{ascii_slug(name, '-') or 'vrijwilliger'}-{volunteer_id}.ics"


def export_rosters(engine: Engine, volunteer_ids: Sequence[int], folder: Path,
                   start: date) -> list[Path]:
    """One .ics per volunteer in `folder`; all files or none. Returns the written paths."""
    calendars = []
    for volunteer_id in dict.fromkeys(volunteer_ids):
        name, found = duties(engine, volunteer_id, start)
        calendars.append((folder / file_name(name, volunteer_id),
                          calendar_for(name, found).to_ical()))
    partials: list[Path] = []
    try:
        if not folder.is_dir():
            raise FileNotFoundError(f"de map {folder} bestaat niet")
        for final, payload in calendars:
            partial = final.with_name(final.name + ".deel")
            partials.append(partial)
            with open(partial, "wb") as handle:
                handle.write(payload)
                handle.flush()
                os.fsync(handle.fileno())
        for final, _payload in calendars:
            os.replace(final.with_name(final.name + ".deel"), final)
    except OSError as exc:
        for partial in partials:
            with contextlib.suppress(OSError):
                partial.unlink(missing_ok=True)
        raise IcsExportError(
            f"Het rooster kon niet worden opgeslagen in {folder}: {os_reason(exc)}. Er is "
            "niets weggeschreven; kies een andere map (bijvoorbeeld Documenten of een "
            "USB-stick).") from exc
    return [final for final, _payload in calendars]




def rostered_volunteers(engine: Engine, initiative_id: int | None, start: date) -> list[
        tuple[int, str, int]]:
    """(volunteer id, name, number of duties) of volunteers with duties from `start` on,
    optionally only in one initiative; by name."""
    with read_session(engine) as session:
        return queries.rostered_volunteers(session, initiative_id, start)
