"""Matching suggestions for one maatjes request: two SQL queries, scoring in Python.

Candidates are the volunteers with a role in the request's own project (initiative) that is
active today, other than coordinator: a match is only possible within one project, so
volunteers of other projects are never suggested (they first get a role there). Archived
volunteers, volunteers whose period has ended and volunteers who already had a match on this
request (open, or ended, e.g. geen klik) are left out. Open matches are counted over all
projects: a volunteer's time is not per project.
"""

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from sqlalchemy import Connection, Engine, text

from vrijwilligers_app.domain import matching
from vrijwilligers_app.domain.district_neighbours import FILE_NAME, read_neighbours
from vrijwilligers_app.paths import resource

NOT_A_BUDDY_ROLES = ("coordinator",)


class RequestNotFound(LookupError):
    def __init__(self, request_id: int) -> None:
        super().__init__(f"De aanvraag (nummer {request_id}) bestaat niet meer; misschien is "
                         "ze intussen verwijderd.")
        self.request_id = request_id


@lru_cache(maxsize=1)
def district_neighbours() -> dict[str, frozenset[str]]:
    """Shipped wijk borders (resources/codes/wijk_buren.csv), read once per process."""
    return read_neighbours(resource("codes", FILE_NAME))


@dataclass(frozen=True)
class RequestContext:
    facts: matching.RequestFacts
    initiative_id: int
    initiative_name: str
    resident_id: int
    status: str
    vog_max_age_years: int | None


def load_request(connection: Connection, request_id: int) -> RequestContext:
    row = connection.execute(text("""
        SELECT q.id, q.initiative_id, i.name, q.resident_id, q.status, q.interests,
               q.languages, q.preferred_gender, q.preferred_availability, res.district_code,
               i.vog_max_age_years
        FROM buddy_request q JOIN resident res ON res.id = q.resident_id
        JOIN initiative i ON i.id = q.initiative_id WHERE q.id = :id"""),
        {"id": request_id}).one_or_none()
    if row is None:
        raise RequestNotFound(request_id)
    facts = matching.RequestFacts(
        request_id=row[0], district_code=row[9], interests=matching.tags(row[5]),
        languages=matching.tags(row[6]), preferred_gender=row[7] or "",
        availability=row[8] or 0)
    return RequestContext(facts, row[1], row[2], row[3], row[4], row[10])


def rules_for(context: RequestContext, today: date) -> matching.MatchRules:
    """The project's VOG rule; a project without one uses the common 3 years."""
    years = context.vog_max_age_years or matching.DEFAULT_VOG_MAX_AGE_YEARS
    return matching.MatchRules(today=today, vog_max_age_years=years,
                               neighbours=district_neighbours())


# Driven by the project's roles (indexed by initiative), so a project of 200 among 10,000
# volunteers reads 200 rows; open matches counted per volunteer through its index.
CANDIDATES_SQL = """
    SELECT v.id, v.district_code, v.interests, v.languages, v.gender, v.availability,
           v.vog_date,
           (SELECT count(*) FROM buddy_match b WHERE b.volunteer_id = v.id
              AND b.ended_on IS NULL)
    FROM volunteer v
    WHERE v.archived_at IS NULL
      AND (v.end_date IS NULL OR v.end_date >= :today)
      AND v.id IN (SELECT r.volunteer_id FROM volunteer_role r
                   WHERE r.initiative_id = :initiative
                     AND r.role_code NOT IN ({roles})
                     AND (r.start_date IS NULL OR r.start_date <= :today)
                     AND (r.end_date IS NULL OR r.end_date >= :today))
      AND NOT EXISTS (SELECT 1 FROM buddy_match x
                      WHERE x.request_id = :request AND x.volunteer_id = v.id)
    {only}
"""


def _role_list() -> str:
    return ", ".join(f"'{code}'" for code in NOT_A_BUDDY_ROLES)  # constants, not user input


def load_candidates(connection: Connection, context: RequestContext, today: date,
                    volunteer_id: int | None = None) -> list[matching.VolunteerFacts]:
    sql = CANDIDATES_SQL.format(roles=_role_list(),
                                only="AND v.id = :volunteer" if volunteer_id else "")
    params: dict[str, object] = {"today": today.isoformat(), "initiative": context.initiative_id,
                                 "request": context.facts.request_id}
    if volunteer_id:
        params["volunteer"] = volunteer_id
    seen: dict[str, tuple[str, ...]] = {}  # the same tag lists recur: split each once

    def tags(value: str | None) -> tuple[str, ...]:
        if not value:
            return ()
        found = seen.get(value)
        if found is None:
            found = seen[value] = matching.tags(value)
        return found

    rows = connection.execute(text(sql), params).all()
    return [matching.VolunteerFacts(
        volunteer_id=vid, district_code=district, interests=tags(interests),
        languages=tags(languages), gender=gender or "", availability=availability or 0,
        vog_date=date.fromisoformat(vog) if vog else None, open_matches=open_count)
        for vid, district, interests, languages, gender, availability, vog, open_count
        in rows]


def suggestions(engine: Engine, request_id: int, today: date, limit: int | None = 10,
                include_excluded: bool = False) -> list[matching.Suggestion]:
    """The best `limit` volunteers for a request, best first, each with its reasons.
    Volunteers excluded by a rule (VOG, too many matches) only with include_excluded."""
    with engine.connect() as connection:
        context = load_request(connection, request_id)
        candidates = load_candidates(connection, context, today)
    return matching.best(context.facts, candidates, rules_for(context, today), limit,
                         include_excluded)
