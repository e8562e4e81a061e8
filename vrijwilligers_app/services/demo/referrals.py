"""Referrals (doorverwijzingen) with leefdomeinen and a dated status history.

Waiting times differ per destination: the Sociale Teams and GGZ keep people waiting weeks to
months, the huisarts answers within days. A referral is only linked to a resident who
consented to passing data on; otherwise it carries just wijk and age band.
"""

from datetime import UTC, date, datetime, timedelta

from vrijwilligers_app.domain import referral_rules as rules
from vrijwilligers_app.services.demo import consents, texts
from vrijwilligers_app.services.demo.context import AGE_BANDS, Context, age_band, cumulative
from vrijwilligers_app.services.demo.initiatives import InitiativeInfo
from vrijwilligers_app.services.demo.people import ResidentInfo, VolunteerInfo
from vrijwilligers_app.services.referrals import life_domain_key

LABEL = "Doorverwijzingen aanmaken"
# Median days from aanmelding to first contact; the spread is log-normal (long tail).
CONTACT_DAYS = {"sth": 42, "lev_welzijn": 10, "senzer": 21, "schuldhulp": 14,
                "bijzondere_bijstand": 28, "mantelzorg": 7, "ggd": 14, "huisarts": 3,
                "woonpartners": 21, "volksbelang": 18, "compaen": 25, "veilig_thuis": 1,
                "clientondersteuning": 10, "novadic": 21, "ggz": 60}
URGENCY_FACTOR = {"normaal": 1.0, "hoog": 0.4, "spoed": 0.1}
FOLLOW_UP_DAYS = {"normaal": 14, "hoog": 7, "spoed": 2}
URGENCIES = ("normaal", "hoog", "spoed")
CLOSED = ("afgesloten", "teruggemeld")
AGE_BAND_CUM = cumulative((3, 8, 18, 22, 18, 20, 11))
# Per age band: the questions that fit it, each with cumulative urgency weights.
QUESTIONS_BY_BAND = {
    band: [(q, d, w, cumulative(u)) for q, d, w, u in texts.QUESTIONS
           if band in texts.AGE_HINTS.get(q, (band,))]
    for _, _, band in AGE_BANDS
}

Event = tuple[str, datetime, int | None, str]  # kind, moment, new destination, outcome


class _Timeline:
    """Builds one referral's events; moments only move forward."""

    def __init__(self, ctx: Context, signalled: date) -> None:
        self.ctx = ctx
        self.events: list[Event] = []
        self.moment = self._office(signalled)

    def _office(self, day: date) -> datetime:
        minutes = self.ctx.randint(7 * 60, 17 * 60 - 1)  # UTC, Dutch office hours
        return datetime(day.year, day.month, day.day, tzinfo=UTC) + timedelta(minutes=minutes)

    def add(self, kind: str, after_days: int, destination: int | None = None,
            outcome: str = "") -> None:
        if self.events:
            if after_days <= 0:
                moment = self.moment + timedelta(minutes=self.ctx.randint(10, 240))
            else:
                moment = self._office(self.moment.date() + timedelta(days=after_days))
            self.moment = max(moment, self.moment + timedelta(minutes=1))
        self.events.append((kind, self.moment, destination, outcome))


def _wait(ctx: Context, code: str, urgency: str) -> int:
    median = CONTACT_DAYS.get(code, 14) * URGENCY_FACTOR[urgency]
    return round(median * ctx.rng.lognormvariate(0, 0.7))


def _timeline(ctx: Context, signalled: date, destinations: list[tuple[str, int]],
              urgency: str) -> tuple[list[Event], bool]:
    """Events up to the reference date and whether the referral is closed."""
    rng = ctx.rng
    line = _Timeline(ctx, signalled)
    line.add("gesignaleerd", 0)
    line.add("aangemeld", 0 if urgency == "spoed" else ctx.randint(0, 3))
    code, _ = destinations[0]
    for hop in range(2):
        wait = _wait(ctx, code, urgency)
        roll = rng.random()
        next_destination = destinations[1] if len(destinations) > 1 and hop == 0 else None
        if roll < 0.05 and next_destination:
            line.add("afgewezen", ctx.randint(3, 20))
            if rng.random() < 0.5:
                break
            code, target = next_destination
            line.add("doorgestuurd", ctx.randint(1, 5), target)
            continue
        waited = 0
        if wait > 14 and rng.random() < 0.7:
            call = ctx.randint(14, 21)
            while call < wait:  # the volunteer calls to ask how things stand
                line.add("nagebeld", call - waited, outcome=rng.choice(texts.CALLBACK_OUTCOMES))
                waited, call = call, call + ctx.randint(14, 28)
        line.add("contact", wait - waited)
        if roll < 0.12 and next_destination:
            code, target = next_destination
            line.add("doorgestuurd", ctx.randint(1, 10), target)
            continue
        line.add("in_behandeling", ctx.randint(0, 21))
        line.add("geholpen", ctx.randint(14, 120))
        line.add("afgesloten", ctx.randint(0, 14))
        if rng.random() < 0.65:
            line.add("teruggemeld", ctx.randint(0, 10))
        break
    complete = line.events
    end = datetime(ctx.today.year, ctx.today.month, ctx.today.day, tzinfo=UTC) + timedelta(days=1)
    events = [e for e in complete if e[1] < end]
    closed = events[-1][0] in CLOSED or (len(events) == len(complete)
                                         and events[-1][0] == "afgewezen")
    return events, closed


def _destinations(ctx: Context, wanted: tuple[str, ...]) -> list[tuple[str, int]]:
    """The first destination and one to forward to, both known in the register."""
    known = ctx.codes.destinations
    options = [(code, known[code]) for code in wanted if code in known]
    if options:
        first = ctx.pick(options, cumulative(
            [len(options) - i for i in range(len(options))]))
    else:
        first = ctx.rng.choice(sorted(known.items()))
    others = [o for o in options if o != first] or [
        o for o in sorted(known.items()) if o != first]
    return [first, ctx.rng.choice(others)] if others else [first]


def _referrer(ctx: Context, day: date, volunteers: list[VolunteerInfo],
              initiatives_of: dict[int, list[InitiativeInfo]],
              initiatives: list[InitiativeInfo]) -> tuple[int | None, int | None]:
    """(volunteer id, initiative id) of whoever signalled the question."""
    rng = ctx.rng
    roll = rng.random()
    if roll < 0.9 and volunteers:
        for _ in range(10):
            volunteer = rng.choice(volunteers)
            if volunteer.start <= day and (volunteer.end is None or volunteer.end >= day):
                mine = [i for i in initiatives_of.get(volunteer.id, ())
                        if i.start <= day and (i.end is None or i.end >= day)]
                if roll < 0.78 and mine:
                    return volunteer.id, rng.choice(mine).id
                return volunteer.id, None
    for _ in range(10):
        initiative = rng.choice(initiatives) if initiatives else None
        if initiative and initiative.start <= day and (initiative.end is None
                                                       or initiative.end >= day):
            return None, initiative.id
    return None, None


def _milestones(events: list[Event]) -> dict[str, date | None]:
    """The cached milestone dates, by the same rule the service keeps them with."""
    marks = rules.milestones(rules.Event(kind, moment, destination)
                             for kind, moment, destination, _ in events)
    return {"registered_on": marks.registered_on, "first_contact_on": marks.first_contact_on,
            "done_on": marks.done_on, "closed_on": marks.closed_on}


def _follow_up(today: date, last: date, urgency: str) -> date:
    """Next call-back: a set interval after the last step, rolled forward so that it is at
    most two weeks overdue (a volunteer who misses one plans the next)."""
    step = timedelta(days=FOLLOW_UP_DAYS[urgency])
    follow_up = last + step
    while follow_up < today - timedelta(days=14):
        follow_up += step
    return follow_up


def _ensure_consent(ctx: Context, shared: set[tuple[int, int]], resident_id: int,
                    destination_id: int, day: date) -> None:
    if (resident_id, destination_id) not in shared:
        shared.add((resident_id, destination_id))
        consents.add(ctx, resident_id, "delen", min(day, ctx.today), destination_id)


def add_referrals(ctx: Context, count: int, months: int, residents: list[ResidentInfo],
                  volunteers: list[VolunteerInfo], initiatives: list[InitiativeInfo]) -> None:
    rng, today, codes = ctx.rng, ctx.today, ctx.codes
    window = round(months * 30.4)
    consenting = [r for r in residents if r.sharing_on is not None]
    initiatives_of: dict[int, list[InitiativeInfo]] = {}
    for initiative in initiatives:
        for role in initiative.roles:
            mine = initiatives_of.setdefault(role.volunteer_id, [])
            if not mine or mine[-1] is not initiative:
                mine.append(initiative)
    earliest = today - timedelta(days=window)
    shared = {(r.id, d) for r in consenting for d in r.shared_with}
    for _ in range(count):
        resident = rng.choice(consenting) if consenting and rng.random() < 0.5 else None
        if resident is not None:
            assert resident.sharing_on is not None
            first = max(resident.sharing_on, earliest)
            signalled = first + timedelta(days=ctx.randint(0, (today - first).days))
            district = resident.district_code
            band = age_band(signalled.year - resident.birth_year)
        else:
            signalled = today - timedelta(days=round(rng.triangular(0, window, window * 0.25)))
            district = ctx.pick_district()[0]
            band = ctx.pick(AGE_BANDS, AGE_BAND_CUM)[2]
        question, domains, wanted, urgency_cum = rng.choice(QUESTIONS_BY_BAND.get(
            band, QUESTIONS_BY_BAND["45-64"]))
        urgency = ctx.pick(URGENCIES, urgency_cum)
        destinations = _destinations(ctx, wanted)
        events, closed = _timeline(ctx, signalled, destinations, urgency)
        volunteer_id, initiative_id = _referrer(ctx, signalled, volunteers, initiatives_of,
                                                initiatives)
        last_kind, last_moment = events[-1][0], events[-1][1]
        referral_id = ctx.new_id("referral")
        referral_uuid = ctx.uuid()  # drawn before the leefdomeinen: the same demo as before
        linked = [d for d in domains if d in codes.life_domains] or codes.life_domains[:1]
        if rng.random() < 0.15:
            extra = rng.choice(codes.life_domains)
            if extra not in linked:
                linked.append(extra)
        if resident is not None:  # a named referral: consent for each organisation first
            # given when the resident agreed to sharing (referrals come in no date order)
            assert resident.sharing_on is not None
            _ensure_consent(ctx, shared, resident.id, destinations[0][1], resident.sharing_on)
            for kind, _, target, _ in events:
                if kind == "doorgestuurd" and target is not None:
                    _ensure_consent(ctx, shared, resident.id, target, resident.sharing_on)
        ctx.writer.add("referral", {
            "id": referral_id, "uuid": referral_uuid, "created_at": events[0][1],
            "updated_at": last_moment, "resident_id": resident.id if resident else None,
            "district_code": district, "age_band": band, "volunteer_id": volunteer_id,
            "initiative_id": initiative_id, "destination_id": destinations[0][1],
            "urgency": urgency, "consent_pass_on": resident is not None,
            "consent_pass_on_date": signalled if resident else None, "question": question,
            "signalled_on": signalled, "status": last_kind,
            "follow_up_on": None if closed else _follow_up(today, last_moment.date(), urgency),
            "life_domain_key": life_domain_key(linked),
            **_milestones(events),
        })
        for domain in linked:
            ctx.writer.add("referral_life_domain",
                           {"referral_id": referral_id, "life_domain_code": domain})
        for kind, moment, destination, outcome in events:
            ctx.writer.add("referral_event", {
                "id": ctx.new_id("referral_event"), "uuid": ctx.uuid(), "created_at": moment,
                "updated_at": moment, "referral_id": referral_id, "kind": kind,
                "occurred_at": moment, "destination_id": destination, "outcome": outcome,
                "note": "", "source": "laptop",
            })
        ctx.progress.advance(LABEL)
