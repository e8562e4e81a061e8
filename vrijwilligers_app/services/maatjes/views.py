"""The read side behind the Maatjes page: one request or match with what belongs to it, and
suggestions with volunteers' names. Plain frozen dataclasses, one short read each (by key).
"""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Engine
from sqlmodel import Session

from vrijwilligers_app.domain import matching
from vrijwilligers_app.domain.availability import describe as describe_availability
from vrijwilligers_app.services.maatjes.suggest import suggestions
from vrijwilligers_app.store.engine import read_session
from vrijwilligers_app.store.queries import maatjes as queries


@dataclass(frozen=True)
class RequestDetail:
    request_id: int
    resident: str
    district: str
    initiative: str
    status: str
    requested_on: date
    intake_on: date | None
    waiting_since: date | None
    closed_on: date | None
    close_reason: str
    wish: str
    interests: str
    languages: str
    preferred_gender: str
    preferred_availability: int
    open_match_id: int | None  # a proposal or running match of this request
    open_match_volunteer: str
    open_match_started: bool


@dataclass(frozen=True)
class SuggestionLine:
    volunteer_id: int
    name: str
    district: str
    total: int
    excluded: bool
    reasons: tuple[str, ...]

    @property
    def explanation(self) -> str:
        return ", ".join(self.reasons)


@dataclass(frozen=True)
class ContactLine:
    contact_id: int
    occurred_on: date
    kind: str
    minutes: int
    note: str


@dataclass(frozen=True)
class EvaluationLine:
    evaluation_id: int
    planned_on: date
    held_on: date | None
    outcome: str
    continue_match: bool | None


@dataclass(frozen=True)
class MatchDetail:
    match_id: int
    request_id: int
    resident: str
    volunteer: str
    initiative: str
    proposed_on: date
    started_on: date | None
    ended_on: date | None
    end_reason: str
    score: float | None
    contacts: tuple[ContactLine, ...]
    evaluations: tuple[EvaluationLine, ...]


def _day(value: object) -> date | None:
    return None if value is None else date.fromisoformat(str(value)[:10])


def request_detail(engine: Engine, request_id: int) -> RequestDetail | None:
    with read_session(engine) as session:
        return request_detail_in(session, request_id)


def request_detail_in(session: Session, request_id: int) -> RequestDetail | None:
    row = queries.request_row(session, request_id)
    if row is None:
        return None
    match = queries.open_match_of_request(session, request_id)
    return RequestDetail(
        row[0], row[1], row[2], row[3], row[4], _day(row[5]),  # type: ignore[arg-type]
        _day(row[6]), _day(row[7]), _day(row[8]), row[9], row[10] or "",
        ", ".join(matching.tags(row[11])), ", ".join(matching.tags(row[12])), row[13] or "",
        int(row[14] or 0), match[0] if match else None, match[1] if match else "",
        bool(match[2]) if match else False)


def describe_preferences(detail: RequestDetail) -> str:
    """'voorkeur vrouw; ma ochtend, di middag' or 'geen voorkeur'."""
    parts = []
    if detail.preferred_gender:
        parts.append("voorkeur " + matching.GENDER_WORDS.get(detail.preferred_gender,
                                                             detail.preferred_gender))
    if detail.preferred_availability:
        parts.append(describe_availability(detail.preferred_availability))
    return "; ".join(parts) or "geen voorkeur"


def volunteer_names(engine: Engine, ids: list[int]) -> dict[int, tuple[str, str]]:
    """id -> (full name, wijk name)."""
    if not ids:
        return {}
    with read_session(engine) as session:
        return {r[0]: (r[1], r[2]) for r in queries.volunteer_names(session, ids)}


def suggestion_lines(engine: Engine, request_id: int, today: date, limit: int = 15,
                     include_excluded: bool = False) -> list[SuggestionLine]:
    """The ranked suggestions with names; runs off the GUI thread."""
    found = suggestions(engine, request_id, today, limit, include_excluded)
    names = volunteer_names(engine, [s.volunteer_id for s in found])
    return [SuggestionLine(s.volunteer_id, *names.get(s.volunteer_id, ("?", "")), s.total,
                           s.excluded, tuple(s.explanation())) for s in found]


def match_detail(engine: Engine, match_id: int) -> MatchDetail | None:
    with read_session(engine) as session:
        return match_detail_in(session, match_id)


def match_detail_in(session: Session, match_id: int) -> MatchDetail | None:
    row = queries.match_row(session, match_id)
    if row is None:
        return None
    contacts = tuple(ContactLine(c[0], _day(c[1]), c[2], int(c[3]), c[4] or "")  # type: ignore[arg-type]
                     for c in queries.contacts_of_match(session, match_id))
    evaluations = tuple(EvaluationLine(e[0], _day(e[1]), _day(e[2]), e[3] or "",  # type: ignore[arg-type]
                                       None if e[4] is None else bool(e[4]))
                        for e in queries.evaluations_of_match(session, match_id))
    return MatchDetail(row[0], row[1], row[2], row[3], row[4], _day(row[5]),  # type: ignore[arg-type]
                       _day(row[6]), _day(row[7]), row[8], row[9], contacts, evaluations)


def match_of_request(engine: Engine, request_id: int) -> int | None:
    """The newest match (open or ended) of a request, for jumping to it from the list."""
    with read_session(engine) as session:
        return queries.newest_match_of_request(session, request_id)


def buddy_projects(engine: Engine) -> list[tuple[int, str]]:
    """Running maatjesprojecten (id, name), for a new aanmelding."""
    with read_session(engine) as session:
        return queries.running_buddy_projects(session)
