"""Initiatives with wijken, leefdomeinen, contact and subsidy facts, and volunteers' roles."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from vrijwilligers_app.domain.slug import ascii_slug
from vrijwilligers_app.services.demo import people
from vrijwilligers_app.services.demo.catalogue import DESCRIPTIONS, Plan, catalogue
from vrijwilligers_app.services.demo.context import Context, code_or, cumulative
from vrijwilligers_app.services.demo.people import VolunteerInfo

LABEL = "Initiatieven en rollen aanmaken"

# Share of the volunteers an initiative of this kind attracts.
KIND_WEIGHT = {"maatjesproject": 6, "alzheimercafe": 4, "eetpunt": 3, "taalhulp": 3,
               "ontmoeting": 2, "buurtnetwerk": 2, "vervoer": 2, "thuisadministratie": 2}
# Roles volunteers take in an initiative of this kind, with weights.
ROLE_MIX = {
    "alzheimercafe": (("gastvrouw", 4), ("koffie", 2), ("opbouw", 2), ("gespreksleider", 2)),
    "eetpunt": (("kok", 3), ("gastvrouw", 4), ("opbouw", 2)),
    "maatjesproject": (("maatje", 1),),
    "taalhulp": (("taalvrijwilliger", 5), ("gastvrouw", 1)),
    "lotgenoten": (("gespreksleider", 2), ("koffie", 1)),
    "ontmoeting": (("gastvrouw", 3), ("koffie", 2)),
    "vervoer": (("chauffeur", 1),),
}
DEFAULT_MIX = (("vrijwilliger", 1),)
SUBSIDY_EUROS = (1_500, 2_500, 4_000, 5_000, 7_500, 12_000, 18_000, 25_000)


@dataclass
class RoleInfo:
    volunteer_id: int
    role: str
    start: date
    end: date | None

    def active_on(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(eq=False)
class InitiativeInfo:
    id: int
    plan: Plan
    start: date
    end: date | None
    district_code: str | None
    address: str
    contact_weeks: int
    waiting_weeks: int
    roles: list[RoleInfo] = field(default_factory=list)
    holders: set[tuple[int, str]] = field(default_factory=set)  # membership tests only

    @property
    def kind(self) -> str:
        return self.plan.kind


def add_initiatives(ctx: Context, count: int) -> list[InitiativeInfo]:
    rng, codes = ctx.rng, ctx.codes
    plans = catalogue(codes.buurt_names)[:count]
    by_name = {name: code for code, name in codes.districts}
    ended_candidates = [i for i, p in enumerate(plans) if not p.core and p.kind in
                        ("buurtnetwerk", "ontmoeting", "overig", "lotgenoten")]
    ended = set(rng.sample(ended_candidates, min(len(ended_candidates),
                                                 max(1, round(len(plans) * 0.06)))))
    out = []
    for index, plan in enumerate(plans):
        district_codes = [by_name[w] for w in plan.wijken if w in by_name] or (
            [] if plan.wijken else [c for c, _ in codes.districts])
        home = plan.wijken[0] if plan.wijken else "Binnenstad"
        if plan.kind == "maatjesproject":  # older than any request history (< 4 years)
            start = ctx.days_ago(4 * 365, 20 * 365)
        elif plan.core or rng.random() < 0.85:
            start = ctx.days_ago(3 * 365, 20 * 365)
        else:  # a new initiative, started within the year
            start = ctx.days_ago(60, 330)
        end = max(start, ctx.days_ago(60, 330)) if index in ended else None
        kind = plan.kind
        subsidised = rng.random() < 0.6
        row = ctx.record("initiative", start, end)
        contact = people.person_name(ctx)
        slug = ascii_slug(plan.name, "-")
        row.update(
            name=plan.name, type_code=code_or(codes.initiative_types, kind, "overig"),
            description=DESCRIPTIONS.get(kind, DESCRIPTIONS["overig"]),
            contact_name=" ".join(p for p in contact[1:] if p),
            phone=people.landline(ctx) if rng.random() < 0.5 else people.mobile(ctx),
            email=f"info@{slug}.example", website=f"https://{slug}.example"
            if rng.random() < 0.6 else "",
            address=people.street_address(ctx, home), postcode=people.postcode(ctx, home),
            subsidised=subsidised,
            subsidy_reference=f"HLM-SUB-{(end or ctx.today).year}-{ctx.randint(1, 9999):04d}"
            if subsidised else "",
            subsidy_amount_cents=rng.choice(SUBSIDY_EUROS) * 100 if subsidised else None,
            subsidy_year=(end or ctx.today).year if subsidised else None,
            start_date=start, end_date=end,
            buddy_contact_weeks=rng.choice((1, 2, 2, 3)) if kind == "maatjesproject" else None,
            buddy_waiting_weeks=rng.choice((6, 8, 12)) if kind == "maatjesproject" else None,
            vog_max_age_years=3 if kind in ("maatjesproject", "vervoer") else None,
            archived_at=None,
        )
        ctx.writer.add("initiative", row)
        for district in district_codes:
            ctx.writer.add("initiative_district",
                           {"initiative_id": row["id"], "district_code": district})
        domains = [d for d in plan.domains if d in codes.life_domains] or codes.life_domains[:1]
        for domain in domains:
            ctx.writer.add("initiative_life_domain",
                           {"initiative_id": row["id"], "life_domain_code": domain})
        out.append(InitiativeInfo(
            row["id"], plan, start, end, district_codes[0] if plan.wijken and district_codes
            else None, row["address"], row["buddy_contact_weeks"] or 2,
            row["buddy_waiting_weeks"] or 8))
        ctx.progress.advance(LABEL)
    return out


def _add_role(ctx: Context, volunteer: VolunteerInfo, initiative: InitiativeInfo,
              role: str) -> bool:
    if (volunteer.id, role) in initiative.holders:
        return False
    limits = [d for d in (volunteer.end, initiative.end) if d is not None]
    end = min(limits) if limits else None
    begin = max(volunteer.start, initiative.start)
    if end is not None and end < begin:
        return False  # they were never active at the same time
    start = min(begin + timedelta(days=ctx.randint(0, 60)), end or ctx.today, ctx.today)
    if end is None and ctx.rng.random() < 0.06 and start < ctx.today - timedelta(days=30):
        end = start + timedelta(days=ctx.randint(30, (ctx.today - start).days))
    row = ctx.record("volunteer_role", start, end)
    # The reason follows from the id, not the generator: the rest of the demo stays the same.
    reasons = ctx.codes.exit_reasons
    reason = reasons[row["id"] % len(reasons)] if end is not None and reasons else None
    row.update(volunteer_id=volunteer.id, initiative_id=initiative.id, role_code=role,
               start_date=start, end_date=end, exit_reason_code=reason)
    ctx.writer.add("volunteer_role", row)
    initiative.roles.append(RoleInfo(volunteer.id, role, start, end))
    initiative.holders.add((volunteer.id, role))
    return True


def add_roles(ctx: Context, volunteers: list[VolunteerInfo],
              initiatives: list[InitiativeInfo], minimum: dict[str, dict[str, int]]) -> None:
    """Every volunteer gets 1-3 roles; every initiative a coordinator and enough people for
    the places on its roster (`minimum`: kind -> role -> people needed)."""
    rng, roles = ctx.rng, ctx.codes.roles
    if not initiatives or not volunteers:
        ctx.progress.advance(LABEL, len(initiatives))
        return
    cum = cumulative([KIND_WEIGHT.get(i.kind, 1) * (1 if i.plan.wijken else 2)
                      for i in initiatives])
    mixes = {kind: ([code_or(roles, r, "vrijwilliger") for r, _ in mix],
                    cumulative([w for _, w in mix]))
             for kind, mix in (*ROLE_MIX.items(), ("", DEFAULT_MIX))}
    for volunteer in volunteers:
        chosen: list[int] = []
        for _ in range(ctx.pick((1, 2, 3), (75, 95, 100))):
            initiative = ctx.pick(initiatives, cum)
            if initiative.id in chosen:
                continue
            chosen.append(initiative.id)
            codes, weights = mixes.get(initiative.kind, mixes[""])
            _add_role(ctx, volunteer, initiative, ctx.pick(codes, weights))
    current = [v for v in volunteers if v.end is None]
    coordinator = code_or(roles, "coordinator", "vrijwilliger")
    for initiative in initiatives:
        for _ in range(20):
            if _add_role(ctx, rng.choice(current or volunteers), initiative, coordinator):
                break
        for role, needed in minimum.get(initiative.kind, {}).items():
            code = code_or(roles, role, "vrijwilliger")
            have = sum(1 for r in initiative.roles if r.role == code and r.end is None)
            for _ in range(max(0, needed + 1 - have) * 3):
                if have > needed:
                    break
                have += _add_role(ctx, rng.choice(current or volunteers), initiative, code)
        ctx.progress.advance(LABEL)
