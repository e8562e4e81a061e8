"""Recurring activities: an iCalendar RRULE, chosen in plain Dutch, expanded by dateutil.

Times are local wall-clock times in Europe/Amsterdam: "every third Tuesday at 19:00" stays
19:00 across the change to and from summer time (the UTC offset changes, the clock does
not). A local time in the spring gap (02:00–03:00 on the last Sunday of March) does not
exist; `check_wall_time` says so in Dutch. Pure Python: no Qt, no SQL.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr

from vrijwilligers_app.domain.dutch_format import DAY_NAMES
from vrijwilligers_app.domain.validation import format_date_nl

TIMEZONE_NAME = "Europe/Amsterdam"
TIMEZONE = ZoneInfo(TIMEZONE_NAME)
BYDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
WEEKDAY_NAMES = DAY_NAMES  # 0 = maandag, as date.weekday()
ORDINALS = {1: "1e", 2: "2e", 3: "3e", 4: "4e", 5: "5e", -1: "laatste"}
# Kinds of rule offered in the UI, in plain Dutch.
KINDS = {"weekly": "elke week", "biweekly": "om de week", "monthly": "elke maand"}
MAX_OCCURRENCES = 400  # a series longer than this is a typing error (e.g. a wrong year)


@dataclass(frozen=True)
class RuleChoice:
    """What the user picks: kind, weekday (0 = maandag) and, monthly, which one (1..5, -1)."""

    kind: str
    weekday: int
    nth: int = 0

    def to_rule(self) -> str:
        if self.kind not in KINDS:
            raise ValueError(f"onbekende herhaling: {self.kind}")
        if not 0 <= self.weekday < 7:
            raise ValueError(f"onbekende weekdag: {self.weekday}")
        day = BYDAY_CODES[self.weekday]
        if self.kind == "weekly":
            return f"FREQ=WEEKLY;BYDAY={day}"
        if self.kind == "biweekly":
            return f"FREQ=WEEKLY;INTERVAL=2;BYDAY={day}"
        if self.nth not in ORDINALS:
            raise ValueError(f"onbekende week van de maand: {self.nth}")
        return f"FREQ=MONTHLY;BYDAY={self.nth}{day}"

    def describe(self) -> str:
        weekday = WEEKDAY_NAMES[self.weekday]
        if self.kind == "weekly":
            return f"elke {weekday}"
        if self.kind == "biweekly":
            return f"om de week op {weekday}"
        return f"elke {ORDINALS[self.nth]} {weekday} van de maand"


def parse_rule(rule: str) -> RuleChoice | None:
    """The choice behind a rule made by `RuleChoice.to_rule` (or the demo); None otherwise."""
    parts = dict(p.split("=", 1) for p in rule.upper().split(";") if "=" in p)
    byday = parts.get("BYDAY", "")
    if not byday or "," in byday or byday[-2:] not in BYDAY_CODES:
        return None
    weekday = BYDAY_CODES.index(byday[-2:])
    prefix = byday[:-2]
    freq, interval = parts.get("FREQ"), parts.get("INTERVAL", "1")
    if freq == "WEEKLY" and not prefix and interval in ("1", "2"):
        return RuleChoice("weekly" if interval == "1" else "biweekly", weekday)
    if freq == "MONTHLY" and interval == "1" and prefix.lstrip("+-").isdigit() \
            and int(prefix) in ORDINALS:
        return RuleChoice("monthly", weekday, int(prefix))
    return None


def describe_rule(rule: str) -> str:
    """Plain Dutch for a rule: 'elke 3e dinsdag van de maand'; the raw rule when unknown."""
    choice = parse_rule(rule)
    return choice.describe() if choice else f"herhaling {rule}"


def occurrences(rule: str, first_on: date, until_on: date,
                limit: int = MAX_OCCURRENCES) -> list[date]:
    """The dates of the rule from `first_on` up to and including `until_on`.

    `first_on` itself only counts when it fits the rule (dateutil, unlike RFC 5545, does
    not make DTSTART an occurrence). Raises ValueError (Dutch) when there are more than
    `limit` dates or the rule cannot be read."""
    try:
        expanded = rrulestr(rule, dtstart=datetime.combine(first_on, time()))
    except (ValueError, TypeError) as exc:
        raise ValueError(f"De herhaling '{rule}' is onleesbaar.") from exc
    until = datetime.combine(until_on, time(23, 59, 59))
    days: list[date] = []
    for moment in expanded.xafter(datetime.combine(first_on, time()), inc=True):
        if moment > until:
            break
        days.append(moment.date())
        if len(days) > limit:
            raise ValueError(f"Meer dan {limit} datums tussen {format_date_nl(first_on)} en "
                             f"{format_date_nl(until_on)}; kies een kortere periode.")
    return days


def to_utc(local: datetime) -> datetime:
    """A naive local wall-clock time in Helmond as an aware UTC moment."""
    return local.replace(tzinfo=TIMEZONE).astimezone(UTC)


def check_wall_time(local: datetime) -> str | None:
    """A Dutch message when the local time does not exist (the spring clock change)."""
    there_and_back = to_utc(local).astimezone(TIMEZONE).replace(tzinfo=None)
    if there_and_back != local:
        return (f"Op {format_date_nl(local.date())} bestaat {local:%H:%M} niet: de klok gaat "
                "dan van 02:00 naar 03:00 (zomertijd). Kies een andere tijd.")
    return None


def combine(day: date, start: time, end: time) -> tuple[datetime, datetime]:
    """Start and end on `day`; an end at or before the start means past midnight (next day)
    only when the end is before 06:00, otherwise the times are returned as given (and the
    caller's check refuses them)."""
    starts = datetime.combine(day, start)
    ends = datetime.combine(day, end)
    if ends <= starts and end < time(6):
        ends += timedelta(days=1)
    return starts, ends
