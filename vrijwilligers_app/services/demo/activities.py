"""Recurring activities with a duty roster and visitor counts, up to a few weeks ahead.

The Alzheimer café meets on the third Tuesday (summer break in August), eetpunten, taalcafés
and inlopen weekly (two summer weeks off), lotgenotengroepen on the second Thursday.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from vrijwilligers_app.services.demo import people, texts
from vrijwilligers_app.services.demo.context import Context, code_or
from vrijwilligers_app.services.demo.initiatives import InitiativeInfo

LABEL = "Activiteiten en roosters plannen"
DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
FUTURE_DAYS = 42


@dataclass(frozen=True)
class Schedule:
    title: str
    nth: int  # 0 = weekly, else the nth weekday of the month
    weekdays: tuple[int, ...]  # one is chosen per initiative (0 = maandag)
    times: tuple[tuple[int, int, int, int], ...]  # (start h, m, end h, m); one is chosen
    shifts: tuple[tuple[str, int, int, int], ...]  # role, places, minutes before, after
    visitors: tuple[tuple[str, int, int], ...]  # visitor type, low, high
    break_months: tuple[int, ...] = ()
    break_weeks: tuple[int, ...] = ()


SCHEDULES = {
    "alzheimercafe": Schedule(
        "Alzheimer Café", 3, (1,), ((19, 0, 21, 30),),
        (("gastvrouw", 2, 30, 15), ("koffie", 1, 45, 30), ("opbouw", 1, 60, 45),
         ("gespreksleider", 1, 15, 0)),
        (("dementie", 6, 18), ("mantelzorger", 10, 28), ("professional", 1, 6),
         ("overig", 0, 8)), break_months=(8,)),
    "eetpunt": Schedule(
        "Samen eten", 0, (1, 2, 3, 4), ((17, 0, 19, 30), (12, 0, 14, 0)),
        (("kok", 2, 150, 0), ("gastvrouw", 2, 15, 15), ("opbouw", 1, 30, 30)),
        (("overig", 12, 38),), break_weeks=(30, 31)),
    "taalhulp": Schedule(
        "Taalcafé", 0, (0, 2, 3), ((10, 0, 12, 0), (19, 0, 21, 0)),
        (("taalvrijwilliger", 3, 10, 0), ("gastvrouw", 1, 30, 15)),
        (("overig", 6, 25),), break_weeks=(30, 31)),
    "ontmoeting": Schedule(
        "Inloop met koffie", 0, (0, 1, 2, 3, 4), ((9, 30, 12, 0),),
        (("gastvrouw", 1, 15, 15), ("koffie", 1, 30, 15)),
        (("overig", 8, 30),), break_weeks=(30, 31)),
    "lotgenoten": Schedule(
        "Lotgenotenbijeenkomst", 2, (3,), ((19, 30, 21, 30),),
        (("gespreksleider", 1, 15, 0), ("koffie", 1, 30, 15)), (("overig", 5, 15),),
        break_months=(7, 8)),
}
# Per kind: role -> people needed on one activity (the roles step staffs for this).
MINIMUM_ROLES = {kind: {role: places for role, places, _, _ in s.shifts}
                 for kind, s in SCHEDULES.items()}


def _dates(schedule: Schedule, weekday: int, first: date, last: date) -> list[date]:
    if schedule.nth:
        out, month = [], date(first.year, first.month, 1)
        while month <= last:
            day = month + timedelta(days=(weekday - month.weekday()) % 7 + 7 * (schedule.nth - 1))
            if first <= day <= last and month.month not in schedule.break_months:
                out.append(day)
            month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
        return out
    day = first + timedelta(days=(weekday - first.weekday()) % 7)
    out = []
    while day <= last:
        christmas = (day.month, day.day) >= (12, 24) or (day.month, day.day) <= (1, 1)
        if day.isocalendar().week not in schedule.break_weeks and not christmas:
            out.append(day)
        day += timedelta(days=7)
    return out


def add_activities(ctx: Context, months: int, initiatives: list[InitiativeInfo]) -> None:
    today = ctx.today
    month_index = today.year * 12 + today.month - 1 - months
    back = date(month_index // 12, month_index % 12 + 1, 1)
    horizon = today + timedelta(days=FUTURE_DAYS)
    for initiative in initiatives:
        schedule = SCHEDULES.get(initiative.kind)
        if schedule is not None:
            first = max(back, initiative.start)
            last = min(horizon, initiative.end or horizon)
            if first <= last:
                _add_series(ctx, initiative, schedule, first, last)
        ctx.progress.advance(LABEL)


def _add_series(ctx: Context, initiative: InitiativeInfo, schedule: Schedule, first: date,
                last: date) -> None:
    rng, codes, today = ctx.rng, ctx.codes, ctx.today
    weekday = rng.choice(schedule.weekdays)
    start_h, start_m, end_h, end_m = rng.choice(schedule.times)
    days = _dates(schedule, weekday, first, last)
    if not days:
        return
    nth = str(schedule.nth) if schedule.nth else ""
    freq = "MONTHLY" if schedule.nth else "WEEKLY"
    series = ctx.record("activity_series", min(days[0], today))
    series.update(initiative_id=initiative.id, title=schedule.title,
                  rule=f"FREQ={freq};BYDAY={nth}{DAYS[weekday]}", first_on=days[0],
                  until_on=initiative.end)
    ctx.writer.add("activity_series", series)
    visitors = [(code, low, high) for code, low, high in schedule.visitors
                if code in codes.visitor_types] or [(code_or(codes.visitor_types, "overig"),
                                                     *schedule.visitors[-1][1:])]
    shifts = [(code_or(codes.roles, role, "vrijwilliger"), places, before, after)
              for role, places, before, after in schedule.shifts]
    is_cafe = initiative.kind == "alzheimercafe"
    for day in days:
        past = day <= today
        cancelled = past and rng.random() < 0.02
        starts = datetime(day.year, day.month, day.day, start_h, start_m)
        ends = datetime(day.year, day.month, day.day, end_h, end_m)
        row = ctx.record("activity", min(day - timedelta(days=21), today), min(day, today))
        row.update(
            initiative_id=initiative.id, series_id=series["id"], title=schedule.title,
            starts_at=starts, ends_at=ends, location=f"{initiative.address}, Helmond",
            district_code=initiative.district_code,
            theme=rng.choice(texts.CAFE_THEMES) if is_cafe else "",
            speaker=_speaker(ctx) if is_cafe else "",
            notes="Afgelast." if cancelled else "", cancelled=cancelled,
            named_attendance=False,
        )
        ctx.writer.add("activity", row)
        if cancelled:
            continue
        if past:
            for code, low, high in visitors:
                ctx.writer.add("attendance", {"activity_id": row["id"],
                                              "visitor_type_code": code,
                                              "visitors": ctx.randint(low, high)})
        _add_shifts(ctx, initiative, row, day, starts, ends, shifts, past)


def _speaker(ctx: Context) -> str:
    _, first, prefix, last = people.person_name(ctx)
    name = " ".join(p for p in (first, prefix, last) if p)
    return f"{name} ({ctx.rng.choice(texts.SPEAKER_ROLES)})"


def _add_shifts(ctx: Context, initiative: InitiativeInfo, activity: dict[str, object],
                day: date, starts: datetime, ends: datetime,
                shifts: list[tuple[str, int, int, int]], past: bool) -> None:
    rng = ctx.rng
    taken: list[int] = []
    active = [r for r in initiative.roles if r.active_on(day)]
    for role, places, before, after in shifts:
        candidates = [r.volunteer_id for r in active
                      if r.role == role and r.volunteer_id not in taken]
        for _ in range(places):
            volunteer = rng.choice(candidates) if candidates else None
            if past and volunteer is None:
                continue  # nobody was rostered
            if not past and rng.random() < 0.25:
                volunteer = None  # a free place still to fill
            if volunteer is not None:
                taken.append(volunteer)
                candidates.remove(volunteer)
            status = "gepland"
            if past:
                status = "afwezig" if rng.random() < 0.07 else "aanwezig"
            row = ctx.record("shift", min(day - timedelta(days=21), ctx.today), min(day, ctx.today))
            row.update(activity_id=activity["id"], role_code=role, volunteer_id=volunteer,
                       starts_at=starts - timedelta(minutes=before),
                       ends_at=ends + timedelta(minutes=after), status=status, hours=None)
            ctx.writer.add("shift", row)
