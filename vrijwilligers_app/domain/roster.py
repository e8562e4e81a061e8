"""Duty rosters and attendance: clashes, hours, availability and input checks. Pure Python.

- A clash: the same volunteer on two places whose times overlap (touching ends do not
  overlap: 19:00–21:00 and 21:00–22:00 is fine). Cancelled activities never clash.
- Hours of a place: the override when given, else the length of the place in hours;
  a no-show ('afwezig') is 0 whatever the override says.
- Availability: a place needs the day parts it spans (ochtend until 12:00, middag until
  18:00, avond after); a volunteer covers it fully, partly or not at all.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from vrijwilligers_app.domain import availability
from vrijwilligers_app.domain.validation import format_date_nl

STATUSES = {"gepland": "gepland", "aanwezig": "aanwezig", "afwezig": "niet gekomen"}
PART_ENDS = (12, 18, 24)  # ochtend < 12:00 <= middag < 18:00 <= avond
MAX_VISITORS = 100_000
MAX_HOURS = 24.0


@dataclass(frozen=True)
class Booking:
    """A volunteer on a place; `label` names it in Dutch ('Alzheimer Café 17-11-2026')."""

    shift_id: int | None
    volunteer_id: int
    starts_at: datetime
    ends_at: datetime
    label: str = ""


def overlaps(a_start: datetime, a_end: datetime, b_start: datetime, b_end: datetime) -> bool:
    return a_start < b_end and b_start < a_end


def clashes_with(new: Booking, others: Iterable[Booking]) -> list[Booking]:
    """The other bookings of the same volunteer that overlap `new` (not `new` itself)."""
    return [b for b in others
            if b.volunteer_id == new.volunteer_id
            and (new.shift_id is None or b.shift_id != new.shift_id)
            and overlaps(new.starts_at, new.ends_at, b.starts_at, b.ends_at)]


def all_clashes(bookings: Iterable[Booking]) -> list[tuple[Booking, Booking]]:
    """Every overlapping pair of bookings of one volunteer, each pair once, in time order."""
    per_volunteer: dict[int, list[Booking]] = {}
    for booking in bookings:
        per_volunteer.setdefault(booking.volunteer_id, []).append(booking)
    pairs: list[tuple[Booking, Booking]] = []
    for items in per_volunteer.values():
        items.sort(key=lambda b: (b.starts_at, b.ends_at))
        for i, first in enumerate(items):
            for second in items[i + 1:]:
                if second.starts_at >= first.ends_at:
                    break
                pairs.append((first, second))
    return pairs


def time_span(starts: datetime, ends: datetime) -> str:
    """'17-11-2026 18:30–21:45' (an end on a later day shows its date too)."""
    end = f"{ends:%H:%M}" if ends.date() == starts.date() else \
        f"{format_date_nl(ends.date())} {ends:%H:%M}"
    return f"{format_date_nl(starts.date())} {starts:%H:%M}–{end}"


def clash_message(name: str, clashes: list[Booking]) -> str | None:
    """Dutch warning for `name` rostered at overlapping times; None when there is no clash."""
    if not clashes:
        return None
    where = "; ".join(f"{b.label} ({time_span(b.starts_at, b.ends_at)})".strip()
                      for b in clashes)
    return f"{name} staat op dat moment al ingeroosterd: {where}."


def shift_hours(starts: datetime, ends: datetime, status: str,
                override: float | None = None) -> float:
    """Volunteer hours of one place: 0 for a no-show, else the override or the length."""
    if status == "afwezig":
        return 0.0
    if override is not None:
        return float(override)
    return max((ends - starts) / timedelta(hours=1), 0.0)


def check_times(starts: datetime | None, ends: datetime | None,
                what: str = "De activiteit") -> str | None:
    """A Dutch message when start or end is missing or the end is not after the start."""
    if starts is None or ends is None:
        return f"{what} heeft een begin- en eindtijd nodig (uu:mm)."
    if ends <= starts:
        return (f"{what} eindigt ({ends:%H:%M}) vóór of op het moment dat ze begint "
                f"({starts:%H:%M}); de eindtijd moet na de begintijd liggen.")
    return None


def check_counts(counts: Mapping[str, object], names: Mapping[str, str]) -> dict[str, str]:
    """Visitor counts per type: whole numbers from 0. Key -> Dutch message per bad count."""
    errors: dict[str, str] = {}
    for code, value in counts.items():
        name = names.get(code, code)
        if isinstance(value, bool) or not isinstance(value, int):
            errors[code] = f"{name}: vul een heel aantal in (0 of meer)."
        elif value < 0:
            errors[code] = f"{name}: een aantal kan niet negatief zijn ({value}); vul 0 of " \
                "meer in."
        elif value > MAX_VISITORS:
            errors[code] = f"{name}: {value} bezoekers is onwaarschijnlijk veel; klopt het?"
    return errors


def check_hours(hours: float | None, what: str) -> str | None:
    if hours is None:
        return None
    if hours < 0:
        return f"{what}: uren kunnen niet negatief zijn ({hours:g})."
    if hours > MAX_HOURS:
        return f"{what}: meer dan {MAX_HOURS:g} uur op één dienst kan niet ({hours:g})."
    return None


def needed_mask(starts: datetime, ends: datetime) -> int:
    """The availability slots (day parts) a place from `starts` to `ends` spans."""
    mask = 0
    moment = starts
    while moment < ends:
        part = next(i for i, end_hour in enumerate(PART_ENDS) if moment.hour < end_hour)
        mask |= availability.slot(moment.weekday(), part)
        next_hour = PART_ENDS[part]
        boundary = datetime(moment.year, moment.month, moment.day) + timedelta(hours=next_hour)
        moment = boundary
    return mask


def availability_fit(volunteer_mask: int, starts: datetime, ends: datetime) -> str:
    """'ja' (all day parts free), 'deels' (some) or 'nee' (none) for this place."""
    return fit_for(volunteer_mask, needed_mask(starts, ends))


def fit_for(volunteer_mask: int, needed: int) -> str:
    """As availability_fit, with the place's `needed_mask` computed once for many people."""
    shared = volunteer_mask & needed
    if shared == needed:
        return "ja"
    return "deels" if shared else "nee"

# How a place nobody fills yet reads, on screen and on paper.
FREE_PLACE = "— vrij —"
