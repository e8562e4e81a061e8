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

from sqlalchemy import Connection, Engine

from vrijwilligers_app.domain import matching
from vrijwilligers_app.domain.district_neighbours import FILE_NAME, read_neighbours
from vrijwilligers_app.paths import resource
from vrijwilligers_app.store.queries import buddy_candidates as queries

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
    row = queries.request_facts(connection, request_id)
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


def load_candidates(connection: Connection, context: RequestContext, today: date,
                    volunteer_id: int | None = None) -> list[matching.VolunteerFacts]:
    seen: dict[str, tuple[str, ...]] = {}  # the same tag lists recur: split each once

    def tags(value: str | None) -> tuple[str, ...]:
        if not value:
            return ()
        found = seen.get(value)
        if found is None:
            found = seen[value] = matching.tags(value)
        return found

    rows = queries.candidate_rows(connection, context.initiative_id, context.facts.request_id,
                                  today, NOT_A_BUDDY_ROLES, volunteer_id)
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
