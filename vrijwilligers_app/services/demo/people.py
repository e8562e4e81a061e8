"""Residents and volunteers: names, contact data, wijk, consent, VOG and availability."""

from dataclasses import dataclass
from datetime import date, timedelta

from vrijwilligers_app.domain.slug import ascii_slug
from vrijwilligers_app.services.demo import consents, names, texts
from vrijwilligers_app.services.demo.context import Context, cumulative
from vrijwilligers_app.services.demo.writer import Row

RESIDENT_LABEL = "Inwoners aanmaken"
VOLUNTEER_LABEL = "Vrijwilligers aanmaken"

# Residents are often older; (lowest age, highest age, weight)
RESIDENT_AGES = ((18, 26, 5), (27, 44, 12), (45, 64, 20), (65, 74, 20), (75, 84, 28),
                 (85, 99, 15))
VOLUNTEER_AGES = ((18, 26, 8), (27, 44, 14), (45, 64, 30), (65, 74, 32), (75, 84, 16))
COORDINATORS = ("M. Verhoeven", "A. van Bussel", "J. Şahin", "R. Swinkels", "D. van der Heijden")


@dataclass(frozen=True)
class ResidentInfo:
    id: int
    birth_year: int
    district_code: str
    registered_on: date
    sharing_on: date | None  # consent to pass data on, if given
    languages: str
    shared_with: frozenset[int]  # organisations consented to up front


@dataclass(frozen=True)
class VolunteerInfo:
    id: int
    gender: str
    start: date
    end: date | None


def _age(ctx: Context, bands: tuple[tuple[int, int, int], ...], cum: list[int]) -> int:
    low, high, _ = ctx.pick(bands, cum)
    return ctx.randint(low, high)


def person_name(ctx: Context) -> tuple[str, str, str, str]:
    """(gender, first name, tussenvoegsel, last name)."""
    rng = ctx.rng
    roll = rng.random()
    if roll < 0.52:
        gender, first = "v", rng.choice(names.FEMALE_FIRST_NAMES)
    elif roll < 0.97:
        gender, first = "m", rng.choice(names.MALE_FIRST_NAMES)
    else:
        gender, first = rng.choice(("x", "")), rng.choice(names.NEUTRAL_FIRST_NAMES)
    prefix, last = ctx.pick(names.SURNAMES, _SURNAME_CUM)
    return gender, first, prefix, last


_SURNAME_CUM = cumulative(names.SURNAME_WEIGHTS)
_RESIDENT_AGE_CUM = cumulative([w for _, _, w in RESIDENT_AGES])
_VOLUNTEER_AGE_CUM = cumulative([w for _, _, w in VOLUNTEER_AGES])


# Mobile numbers are 06-1…5 and 06-8…; 066 is a pager range and 067/069 are not issued, so
# a demo number there would fail the app's own phone check the first time it is edited.
_MOBILE_SECOND_DIGITS = "123458"


def mobile(ctx: Context) -> str:
    number = ctx.randint(0, 6 * 10_000_000 - 1)
    second, rest = divmod(number, 10_000_000)
    return f"+316{_MOBILE_SECOND_DIGITS[second]}{rest:07d}"


def landline(ctx: Context) -> str:
    return f"+31492{ctx.randint(300_000, 699_999)}"


def postcode(ctx: Context, district_name: str, full: bool = True) -> str:
    pc4 = ctx.rng.choice(names.PC4_BY_DISTRICT.get(district_name, (5701, 5702, 5703)))
    return f"{pc4} {ctx.rng.choice(names.POSTCODE_LETTERS)}" if full else str(pc4)


def street_address(ctx: Context, district_name: str) -> str:
    streets = names.STREETS_BY_DISTRICT.get(district_name, names.ALL_STREETS)
    return f"{ctx.rng.choice(streets)} {ctx.randint(1, 180)}"


def email(ctx: Context, first: str, prefix: str, last: str) -> str:
    local = ascii_slug(f"{first} {prefix} {last}") or "inwoner"
    return f"{local}{ctx.randint(1, 99)}@{ctx.rng.choice(names.EMAIL_DOMAINS)}"


def languages_for(ctx: Context, last: str) -> str:
    home = names.LANGUAGE_BY_SURNAME.get(last)
    if home and ctx.rng.random() < 0.7:
        return ";".join(sorted({"nl", home}))
    return "nl;en" if ctx.rng.random() < 0.1 else "nl"


def tags(ctx: Context, choices: tuple[str, ...], low: int, high: int) -> str:
    return ";".join(sorted(ctx.rng.sample(choices, ctx.randint(low, high))))


def availability(ctx: Context, retired: bool) -> int:
    """21-bit mask, bit = day * 3 + part (ma..zo; ochtend, middag, avond)."""
    mask = 0
    for day in range(7):
        weekend = day >= 5
        for part in range(3):
            if retired:
                chance = 0.1 if weekend or part == 2 else 0.45
            else:
                chance = 0.4 if weekend or part == 2 else 0.08
            if ctx.rng.random() < chance:
                mask |= 1 << (day * 3 + part)
    return mask or 1 << (ctx.randint(0, 4) * 3 + 1)  # at least one weekday afternoon


def add_residents(ctx: Context, count: int) -> list[ResidentInfo]:
    rng, today, out = ctx.rng, ctx.today, []
    for _ in range(count):
        gender, first, prefix, last = person_name(ctx)
        district_code, district_name = ctx.pick_district()
        buurten = ctx.codes.neighbourhoods.get(district_code)
        birth_year = today.year - _age(ctx, RESIDENT_AGES, _RESIDENT_AGE_CUM)
        registered = ctx.days_ago(30, 5 * 365)
        written = rng.random() < 0.92  # consent to be recorded given in writing
        sharing_on = (min(today, registered + timedelta(days=rng.choice((0, 0, 0, 7, 30))))
                      if rng.random() < 0.55 else None)
        row: Row = ctx.record("resident", registered, sharing_on)
        row.update(
            first_name=first, name_prefix=prefix, last_name=last, gender=gender,
            birth_year=birth_year,
            phone=ctx.pick(("mobile", "landline", ""), (70, 85, 100)),
            email="", postcode=postcode(ctx, district_name, full=rng.random() < 0.85),
            district_code=district_code,
            neighbourhood_code=rng.choice(buurten) if buurten and rng.random() < 0.9 else None,
            languages=languages_for(ctx, last),
            consent_recording=True, consent_recording_on=registered,
            consent_sharing=False, consent_sharing_on=None,  # the ledger's cache, see below
            archived_at=None, anonymised_on=None, age_band="",
        )
        up_front = rng.choice(consents.UP_FRONT) if sharing_on else ()
        if up_front:  # the cache as the ledger will have it (referrals add the same date)
            row.update(consent_sharing=True, consent_sharing_on=sharing_on)
        if row["phone"]:
            row["phone"] = mobile(ctx) if row["phone"] == "mobile" else landline(ctx)
        if rng.random() < 0.35:
            row["email"] = email(ctx, first, prefix, last)
        ctx.writer.add("resident", row)
        shared = consents.add_for_resident(ctx, row["id"], registered, written, sharing_on,
                                           up_front)
        out.append(ResidentInfo(row["id"], birth_year, district_code, registered, sharing_on,
                                row["languages"], frozenset(shared)))
        ctx.progress.advance(RESIDENT_LABEL)
    return out


def add_volunteers(ctx: Context, count: int) -> list[VolunteerInfo]:
    rng, today, out = ctx.rng, ctx.today, []
    for _ in range(count):
        gender, first, prefix, last = person_name(ctx)
        district_code, district_name = ctx.pick_district()
        age = _age(ctx, VOLUNTEER_AGES, _VOLUNTEER_AGE_CUM)
        roll = rng.random()
        start = ctx.days_ago(0, 365) if roll < 0.15 else (
            ctx.days_ago(365, 5 * 365) if roll < 0.6 else ctx.days_ago(5 * 365, 15 * 365))
        end = None
        if rng.random() < 0.08:
            end = max(start, ctx.days_ago(7, 2 * 365))
        vog_roll = rng.random()
        if vog_roll < 0.65:  # recent VOG
            vog = max(start - timedelta(days=30), ctx.days_ago(0, 3 * 365 - 30))
        elif vog_roll < 0.85:  # older than three years: due for renewal
            vog = ctx.days_ago(3 * 365 + 20, 8 * 365)
        else:
            vog = None
        row = ctx.record("volunteer", start, end or vog)
        row.update(
            first_name=first, name_prefix=prefix, last_name=last, gender=gender,
            birth_year=today.year - age, phone=mobile(ctx) if rng.random() < 0.9 else landline(ctx),
            email=email(ctx, first, prefix, last) if rng.random() < 0.85 else "",
            street=street_address(ctx, district_name), postcode=postcode(ctx, district_name),
            city="Helmond", district_code=district_code,
            skills=tags(ctx, texts.SKILLS, 1, 4), interests=tags(ctx, texts.INTERESTS, 1, 4),
            languages=languages_for(ctx, last) if rng.random() < 0.8 else
            ";".join(sorted({"nl", rng.choice(texts.LANGUAGES)})),
            availability=availability(ctx, retired=age >= 65),
            vog_date=vog, vog_checked_by=rng.choice(COORDINATORS) if vog else "",
            start_date=start, end_date=end, listed_consent=rng.random() < 0.6, notes="",
            archived_at=None,
        )
        ctx.writer.add("volunteer", row)
        out.append(VolunteerInfo(row["id"], gender, start, end))
        ctx.progress.advance(VOLUNTEER_LABEL)
    return out
