"""Maatjes: requests in every status, matches, contact moments and evaluations.

Each request's history is built forward in day offsets (intake, waiting list, proposal,
koppelingsgesprek, end) and then placed so that its latest step lies a believable time before
the reference date; every date therefore follows the one before it.
"""

from datetime import date, timedelta

from vrijwilligers_app.services.demo import people, texts
from vrijwilligers_app.services.demo.context import Context, code_or, cumulative
from vrijwilligers_app.services.demo.initiatives import InitiativeInfo, RoleInfo
from vrijwilligers_app.services.demo.people import ResidentInfo

LABEL = "Maatjes koppelen"
STATUSES = ("aanmelding", "intake", "wachtend", "voorgesteld", "gekoppeld", "afgesloten")
STATUS_CUM = cumulative((8, 8, 17, 7, 35, 25))
# How long ago the latest step happened, per status (days).
ANCHOR_AGE = {"aanmelding": (0, 20), "intake": (0, 14), "wachtend": (0, 150),
              "voorgesteld": (0, 14), "gekoppeld": (0, 600), "afgesloten": (0, 365)}
END_REASONS = (("doel_bereikt", 35), ("verhuisd", 10), ("overleden", 8),
               ("vrijwilliger_gestopt", 15), ("geen_klik", 12), ("zorg_nodig", 12),
               ("inwoner_gestopt", 8))
UNMATCHED_REASONS = (("geen_match", 40), ("inwoner_gestopt", 35), ("verhuisd", 15),
                     ("zorg_nodig", 10))
CONTACT_KINDS = (("bezoek", 50, 60, 180), ("wandeling", 20, 45, 150), ("telefoon", 20, 10, 40),
                 ("beeldbellen", 3, 15, 45), ("bericht", 7, 0, 5))
EVALUATION_DAYS = (42, 91, 365)  # ~6 weeks, ~3 months, a year

Match = tuple[int, int | None, int | None, str | None]  # offsets: proposed, started, ended


class _Matcher:
    def __init__(self, ctx: Context, genders: dict[int, str]) -> None:
        self.ctx, self.genders = ctx, genders
        self.maatje = code_or(ctx.codes.roles, "maatje", "vrijwilliger")
        self.busy: set[int] = set()  # volunteers in an open match (membership tests only)

    def volunteer(self, project: InitiativeInfo, start: date, end: date | None,
                  gender: str, open_match: bool) -> int | None:
        def fits(r: RoleInfo) -> bool:
            return (r.role == self.maatje and r.start <= start
                    and (r.end is None or r.end >= (end or self.ctx.today))
                    and not (open_match and r.volunteer_id in self.busy))

        roles = project.roles
        if not roles:
            return None
        for attempt in range(30):
            role = self.ctx.rng.choice(roles)
            if fits(role) and (not gender or attempt >= 15
                               or self.genders.get(role.volunteer_id) == gender):
                return role.volunteer_id
        candidates = [r for r in roles if fits(r)]
        return self.ctx.rng.choice(candidates).volunteer_id if candidates else None


def _chain(ctx: Context, project: InitiativeInfo, status: str) -> tuple[dict[str, int],
                                                                       list[Match]]:
    rng = ctx.rng
    days: dict[str, int] = {"requested": 0}
    matches: list[Match] = []
    t = 0
    if status != "aanmelding":
        t += ctx.randint(5, 21)
        days["intake"] = t
    if status not in ("aanmelding", "intake"):
        t += ctx.randint(0, 3)
        days["waiting"] = t
    if status in ("voorgesteld", "gekoppeld") or (status == "afgesloten" and rng.random() < 0.8):
        weeks = project.waiting_weeks * 7
        t += round(rng.triangular(10, weeks * 2.5, weeks))
        if status != "voorgesteld" and rng.random() < 0.1:  # a first try that did not click
            started = t + ctx.randint(5, 14)
            ended = started + ctx.randint(20, 80)
            matches.append((t, started, ended, "geen_klik"))
            t = ended + ctx.randint(10, 45)
        proposed = t
        if status == "voorgesteld":
            matches.append((proposed, None, None, None))
        else:
            t = started = proposed + ctx.randint(5, 20)
            if status == "gekoppeld":
                matches.append((proposed, started, None, None))
            else:
                t = ended = started + ctx.randint(60, 600)
                reason = ctx.pick(END_REASONS, _END_CUM)[0]
                matches.append((proposed, started, ended, reason))
                days["closed"] = ended
    elif status == "afgesloten":
        t += ctx.randint(30, 200)
        days["closed"] = t
    days["anchor"] = t
    return days, matches


_END_CUM = cumulative([w for _, w in END_REASONS])
_UNMATCHED_CUM = cumulative([w for _, w in UNMATCHED_REASONS])
_KIND_CUM = cumulative([w for _, w, _, _ in CONTACT_KINDS])


def add_buddy_requests(ctx: Context, count: int, residents: list[ResidentInfo],
                       initiatives: list[InitiativeInfo], genders: dict[int, str]) -> None:
    rng, codes = ctx.rng, ctx.codes
    projects = [i for i in initiatives if i.kind == "maatjesproject" and i.end is None]
    if not projects or not residents:
        ctx.progress.advance(LABEL, count)
        return
    project_cum = cumulative([1 if p.plan.wijken else 3 for p in projects])
    matcher = _Matcher(ctx, genders)
    used: set[int] = set()  # residents with a request (membership tests only)
    for _ in range(count):
        project = ctx.pick(projects, project_cum)
        status = ctx.pick(STATUSES, STATUS_CUM)
        days, offsets = _chain(ctx, project, status)
        base = ctx.today - timedelta(days=ctx.randint(*ANCHOR_AGE[status]) + days["anchor"])

        def on(offset: int | None, base: date = base) -> date | None:
            return None if offset is None else base + timedelta(days=offset)

        requested = on(0)
        assert requested is not None
        resident = _resident(ctx, residents, requested, used)
        wanted_gender = ctx.pick(("", "v", "m"), (60, 90, 100))
        matches: list[tuple[int, Match]] = []
        for match in offsets:
            proposed, _, ended, reason = match
            start_on = on(proposed)
            assert start_on is not None
            volunteer = matcher.volunteer(project, start_on, on(ended), wanted_gender,
                                          open_match=ended is None)
            if volunteer is not None:
                matches.append((volunteer, match))
            elif reason != "geen_klik":  # nobody available after all: still on the list
                status, matches = "wachtend", []
                days = {k: v for k, v in days.items() if k in ("requested", "intake", "waiting")}
                break
        close_reason = None
        if status == "afgesloten":
            wanted = matches[-1][1][3] if matches else None
            close_reason = code_or(codes.end_reasons,
                                   wanted or ctx.pick(UNMATCHED_REASONS, _UNMATCHED_CUM)[0],
                                   "overig")
        latest = max(d for d in (on(days.get(k)) for k in ("requested", "intake", "waiting",
                                                           "closed")) if d is not None)
        row = ctx.record("buddy_request", requested, latest)
        row.update(
            resident_id=resident.id, initiative_id=project.id, status=status,
            requested_on=requested, intake_on=on(days.get("intake")),
            waiting_since=on(days.get("waiting")), wish=rng.choice(texts.WISHES),
            interests=people.tags(ctx, texts.INTERESTS, 1, 3), languages=resident.languages,
            preferred_gender=wanted_gender,
            preferred_availability=people.availability(ctx, retired=rng.random() < 0.6),
            closed_on=on(days.get("closed")), close_reason_code=close_reason,
        )
        ctx.writer.add("buddy_request", row)
        for volunteer, match in matches:
            if match[2] is None:
                matcher.busy.add(volunteer)
            _add_match(ctx, project, row["id"], volunteer, [on(d) for d in match[:3]],
                       match[3])
        ctx.progress.advance(LABEL)


def _resident(ctx: Context, residents: list[ResidentInfo], requested: date,
              used: set[int]) -> ResidentInfo:
    """A resident known before the request, preferably without another request."""
    resident = ctx.rng.choice(residents)
    for _ in range(20):
        if resident.registered_on <= requested and resident.id not in used:
            break
        resident = ctx.rng.choice(residents)
    used.add(resident.id)
    return resident


def _add_match(ctx: Context, project: InitiativeInfo, request_id: int, volunteer_id: int,
               dates: list[date | None], reason: str | None) -> None:
    rng, codes = ctx.rng, ctx.codes
    proposed, started, ended = dates
    assert proposed is not None
    row = ctx.record("buddy_match", proposed, ended or started)
    row.update(request_id=request_id, volunteer_id=volunteer_id, proposed_on=proposed,
               started_on=started, ended_on=ended,
               end_reason_code=code_or(codes.end_reasons, reason, "overig") if reason else None,
               score=float(rng.randint(30, 75)), notes="")  # points, as the app proposes
    ctx.writer.add("buddy_match", row)
    if started is None:
        return
    last = min(ended or ctx.today, ctx.today)
    interval = project.contact_weeks * 7
    day = started + timedelta(days=ctx.randint(2, 7))
    while day <= last:
        kind, _, low, high = ctx.pick(CONTACT_KINDS, _KIND_CUM)
        contact = ctx.record("contact_moment", day)
        contact.update(match_id=row["id"], occurred_on=day,
                       kind_code=code_or(codes.contact_kinds, kind),
                       duration_minutes=ctx.randint(low, high),
                       note=rng.choice(texts.CONTACT_NOTES.get(kind, ("",))))
        ctx.writer.add("contact_moment", contact)
        day += timedelta(days=ctx.randint(max(5, interval - 5), interval + 7))
    for offset in EVALUATION_DAYS:
        planned = started + timedelta(days=offset)
        if (ended is not None and planned >= ended) or planned > ctx.today + timedelta(days=60):
            continue
        held = None
        if planned <= ctx.today - timedelta(days=3) and rng.random() < 0.9:
            held = max(started, min(planned + timedelta(days=ctx.randint(-5, 10)), last))
        stopping = ended is not None and held is not None and (ended - held).days < 60
        evaluation = ctx.record("evaluation", min(planned, ctx.today) - timedelta(days=14),
                                held)
        evaluation.update(
            match_id=row["id"], planned_on=planned, held_on=held,
            outcome=("Koppeling wordt afgerond." if stopping
                     else rng.choice(texts.EVALUATION_OUTCOMES)) if held else "",
            continue_match=(not stopping) if held else None)
        ctx.writer.add("evaluation", evaluation)
