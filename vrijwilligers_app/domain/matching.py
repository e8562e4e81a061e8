"""A transparent score of a volunteer for a maatjes request. Pure Python: no SQL, no Qt.

Every part returns its points and a Dutch reason that shows them, so a coordinator can see
why a volunteer ranks where it does:

| part            | points                                                            |
|-----------------|-------------------------------------------------------------------|
| wijk            | same +30, bordering wijk (wijk_buren.csv) +15, otherwise 0        |
| interesses      | +10 per shared interest, at most +30                              |
| talen           | +10 per shared language, at most +20; none shared -20             |
| beschikbaarheid | +5 per shared day part, at most +25                               |
| voorkeur        | gender as wished +10; not as wished -40 (a wish, not a veto)      |
| koppelingen     | no open match +10, one +5, more 0; at the cap: excluded           |
| VOG             | valid 0; missing or older than the project's rule: excluded       |

Missing data (no wijk, no interests, no availability, unknown gender) scores 0 for that part
and says so; nothing here raises on missing data. A missing or outdated VOG *excludes*: a
maatje visits a vulnerable resident alone at home, and DOMAIN notes every maatje needs one.
Excluded volunteers still get their score and reasons (the UI may show them greyed out), but
rank after everyone else. Ranking: not excluded first, then total (high first), then fewer
open matches, then volunteer id, so equal input always gives the same order.
"""

import heapq
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from operator import itemgetter

from vrijwilligers_app.domain.availability import overlap
from vrijwilligers_app.domain.validation import format_date_nl, split_tags

SAME_DISTRICT = 30
NEARBY_DISTRICT = 15
PER_INTEREST, MAX_INTERESTS = 10, 30
PER_LANGUAGE, MAX_LANGUAGES, NO_LANGUAGE = 10, 20, -20
PER_SLOT, MAX_SLOTS = 5, 25
GENDER_AS_WISHED, GENDER_NOT_AS_WISHED = 10, -40
OPEN_MATCH_POINTS = (10, 5)  # for 0 and 1 open matches; more: 0
DEFAULT_MAX_OPEN_MATCHES = 3
DEFAULT_VOG_MAX_AGE_YEARS = 3  # common advice when a project sets no rule

GENDER_WORDS = {"v": "vrouw", "m": "man", "x": "anders"}


@dataclass(frozen=True)
class RequestFacts:
    """What matching needs from a request (and its resident's wijk)."""
    request_id: int
    district_code: str | None = None
    interests: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    preferred_gender: str = ""
    availability: int = 0


@dataclass(frozen=True)
class VolunteerFacts:
    volunteer_id: int
    district_code: str | None = None
    interests: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    gender: str = ""
    availability: int = 0
    vog_date: date | None = None
    open_matches: int = 0


@dataclass(frozen=True)
class MatchRules:
    """`vog_max_age_years` None means a VOG of any age counts (the project sets no rule)."""
    today: date
    vog_max_age_years: int | None = DEFAULT_VOG_MAX_AGE_YEARS
    max_open_matches: int = DEFAULT_MAX_OPEN_MATCHES
    neighbours: Mapping[str, frozenset[str]] = field(default_factory=dict)


@dataclass(frozen=True)
class Reason:
    part: str  # wijk, interesses, talen, beschikbaarheid, voorkeur, koppelingen, vog
    points: int
    text: str  # Dutch, ends with the points: 'zelfde wijk (+30)'
    excludes: bool = False

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class Suggestion:
    volunteer_id: int
    total: int
    reasons: tuple[Reason, ...]
    open_matches: int = 0

    @property
    def excluded(self) -> bool:
        return any(r.excludes for r in self.reasons)

    def explanation(self) -> list[str]:
        return [r.text for r in self.reasons]


_CLEAN_TAGS = re.compile(r"[^\s,;]+(?:;[^\s,;]+)*")


def tags(text: str | None) -> tuple[str, ...]:
    """Stored ';' tags -> tuple (what the facts dataclasses hold); the same as split_tags,
    with a fast path for text that is already stored normalised ('koken;wandelen')."""
    if not text:
        return ()
    if _CLEAN_TAGS.fullmatch(text) and text == text.lower():
        parts = text.split(";")
        if len(set(parts)) == len(parts):
            return tuple(parts)
    return tuple(split_tags(text))


def _shown(points: int) -> str:
    return f"+{points}" if points > 0 else str(points)


def _reason(part: str, points: int, text: str) -> Reason:
    return Reason(part, points, f"{text} ({_shown(points)})")


def _excluded(part: str, text: str) -> Reason:
    return Reason(part, 0, f"{text} (uitgesloten)", excludes=True)


def _shared(wanted: Iterable[str], offered: Iterable[str]) -> list[str]:
    have = set(offered)
    return [t for t in dict.fromkeys(wanted) if t in have]  # in the request's order


def _district_points(request: RequestFacts, volunteer: VolunteerFacts,
                     neighbours: Mapping[str, frozenset[str]]) -> int:
    if not request.district_code or not volunteer.district_code:
        return 0
    if request.district_code == volunteer.district_code:
        return SAME_DISTRICT
    if volunteer.district_code in neighbours.get(request.district_code, frozenset()):
        return NEARBY_DISTRICT
    return 0


def district_reason(request: RequestFacts, volunteer: VolunteerFacts,
                    neighbours: Mapping[str, frozenset[str]]) -> Reason:
    points = _district_points(request, volunteer, neighbours)
    if not request.district_code or not volunteer.district_code:
        return _reason("wijk", points, "wijk onbekend")
    text = {SAME_DISTRICT: "zelfde wijk", NEARBY_DISTRICT: "wijk ernaast"}.get(points,
                                                                              "andere wijk")
    return _reason("wijk", points, text)


def _interest_points(shared: int) -> int:
    return min(MAX_INTERESTS, PER_INTEREST * shared)


def interests_reason(request: RequestFacts, volunteer: VolunteerFacts) -> Reason:
    if not request.interests or not volunteer.interests:
        return _reason("interesses", 0, "interesses onbekend")
    shared = _shared(request.interests, volunteer.interests)
    if not shared:
        return _reason("interesses", 0, "geen gedeelde interesses")
    noun = "gedeelde interesse" if len(shared) == 1 else "gedeelde interesses"
    return _reason("interesses", _interest_points(len(shared)),
                   f"{len(shared)} {noun}: {', '.join(shared)}")


def _language_points(shared: int) -> int:
    return min(MAX_LANGUAGES, PER_LANGUAGE * shared) if shared else NO_LANGUAGE


def languages_reason(request: RequestFacts, volunteer: VolunteerFacts) -> Reason:
    if not request.languages or not volunteer.languages:
        return _reason("talen", 0, "talen onbekend")
    shared = _shared(request.languages, volunteer.languages)
    if not shared:
        return _reason("talen", _language_points(0), "geen gedeelde taal")
    noun = "gedeelde taal" if len(shared) == 1 else "gedeelde talen"
    return _reason("talen", _language_points(len(shared)), f"{noun}: {', '.join(shared)}")


def _slot_points(slots: int) -> int:
    return min(MAX_SLOTS, PER_SLOT * slots)


def availability_reason(request: RequestFacts, volunteer: VolunteerFacts) -> Reason:
    if not request.availability or not volunteer.availability:
        return _reason("beschikbaarheid", 0, "beschikbaarheid onbekend")
    slots = overlap(request.availability, volunteer.availability)
    if not slots:
        return _reason("beschikbaarheid", 0, "geen gezamenlijke dagdelen")
    noun = "gezamenlijk dagdeel" if slots == 1 else "gezamenlijke dagdelen"
    return _reason("beschikbaarheid", _slot_points(slots), f"{slots} {noun}")


def _preference_points(request: RequestFacts, volunteer: VolunteerFacts) -> int:
    if not request.preferred_gender or not volunteer.gender:
        return 0
    return GENDER_AS_WISHED if volunteer.gender == request.preferred_gender \
        else GENDER_NOT_AS_WISHED


def preference_reason(request: RequestFacts, volunteer: VolunteerFacts) -> Reason:
    wish = request.preferred_gender
    points = _preference_points(request, volunteer)
    if not wish:
        return _reason("voorkeur", points, "geen voorkeur")
    word = GENDER_WORDS.get(wish, wish)
    if not volunteer.gender:
        return _reason("voorkeur", points, f"voorkeur {word}, geslacht vrijwilliger onbekend")
    return _reason("voorkeur", points,
                   f"voorkeur {word}: {'past' if points > 0 else 'past niet'}")


def _open_match_points(count: int) -> int:
    return OPEN_MATCH_POINTS[count] if count < len(OPEN_MATCH_POINTS) else 0


def open_matches_reason(volunteer: VolunteerFacts, max_open: int) -> Reason:
    count = max(0, volunteer.open_matches)
    if count >= max_open:
        return _excluded("koppelingen", f"al {count} lopende koppelingen, maximum {max_open}")
    if count == 0:
        return _reason("koppelingen", _open_match_points(0), "nog geen lopende koppeling")
    noun = "lopende koppeling" if count == 1 else "lopende koppelingen"
    return _reason("koppelingen", _open_match_points(count), f"{count} {noun}")


def vog_valid_until(vog_date: date, max_age_years: int | None) -> date | None:
    """The last day a VOG seen on `vog_date` counts; None when the project sets no age."""
    if max_age_years is None:
        return None
    try:
        return vog_date.replace(year=vog_date.year + max_age_years)
    except ValueError:  # 29 February
        return vog_date.replace(year=vog_date.year + max_age_years, day=28)


def vog_oldest_valid(today: date, max_age_years: int | None) -> date | None:
    """The oldest VOG date still valid today (None: any date): the first day whose
    vog_valid_until is on or after today."""
    if max_age_years is None:
        return None
    try:
        return today.replace(year=today.year - max_age_years)
    except ValueError:  # today is 29 February: 28 February would end on the 28th
        return date(today.year - max_age_years, 3, 1)


def _vog_ok(vog_date: date | None, rules: MatchRules) -> bool:
    if vog_date is None:
        return False
    until = vog_valid_until(vog_date, rules.vog_max_age_years)
    return until is None or until >= rules.today


def vog_reason(volunteer: VolunteerFacts, rules: MatchRules) -> Reason:
    if volunteer.vog_date is None:
        return _excluded("vog", "geen VOG")
    until = vog_valid_until(volunteer.vog_date, rules.vog_max_age_years)
    seen = format_date_nl(volunteer.vog_date)
    if until is not None and until < rules.today:
        return _excluded("vog", f"VOG van {seen} is ouder dan {rules.vog_max_age_years} jaar")
    # A condition, not a score: say so, instead of a bare "(0)".
    valid = f", geldig tot {format_date_nl(until)}" if until is not None else ""
    return Reason("vog", 0, f"VOG gezien op {seen}{valid} (voorwaarde, geen punten)")


def score(request: RequestFacts, volunteer: VolunteerFacts, rules: MatchRules) -> Suggestion:
    reasons = (
        district_reason(request, volunteer, rules.neighbours),
        interests_reason(request, volunteer),
        languages_reason(request, volunteer),
        availability_reason(request, volunteer),
        preference_reason(request, volunteer),
        open_matches_reason(volunteer, rules.max_open_matches),
        vog_reason(volunteer, rules),
    )
    return Suggestion(volunteer.volunteer_id, sum(r.points for r in reasons), reasons,
                      max(0, volunteer.open_matches))


RankKey = tuple[bool, int, int, int]


def quick_keyer(request: RequestFacts, rules: MatchRules) -> Callable[[VolunteerFacts],
                                                                       RankKey]:
    """rank_key(score(...)) without building the reasons: the same points from the same
    helpers, for ranking thousands of volunteers before explaining the best few."""
    interests, languages = set(request.interests), set(request.languages)
    wish, mask, cap = request.preferred_gender, request.availability, rules.max_open_matches
    oldest_valid = vog_oldest_valid(rules.today, rules.vog_max_age_years)

    def key(volunteer: VolunteerFacts) -> RankKey:
        count = max(0, volunteer.open_matches)
        total = _district_points(request, volunteer, rules.neighbours)
        if interests and volunteer.interests:
            total += _interest_points(len(interests.intersection(volunteer.interests)))
        if languages and volunteer.languages:
            total += _language_points(len(languages.intersection(volunteer.languages)))
        if mask and volunteer.availability:
            total += _slot_points((mask & volunteer.availability).bit_count())
        if wish and volunteer.gender:
            total += GENDER_AS_WISHED if volunteer.gender == wish else GENDER_NOT_AS_WISHED
        vog = volunteer.vog_date
        excluded = count >= cap or vog is None or (
            oldest_valid is not None and vog < oldest_valid)
        if count < cap:
            total += _open_match_points(count)
        return (excluded, -total, count, volunteer.volunteer_id)

    return key


def quick_key(request: RequestFacts, volunteer: VolunteerFacts, rules: MatchRules) -> RankKey:
    return quick_keyer(request, rules)(volunteer)


def rank_key(suggestion: Suggestion) -> tuple[bool, int, int, int]:
    return (suggestion.excluded, -suggestion.total, suggestion.open_matches,
            suggestion.volunteer_id)


def rank(suggestions: Iterable[Suggestion]) -> list[Suggestion]:
    """Best first; see the module notes for the tie-breaks."""
    return sorted(suggestions, key=rank_key)


def best(request: RequestFacts, volunteers: Iterable[VolunteerFacts], rules: MatchRules,
         limit: int | None = 10, include_excluded: bool = False) -> list[Suggestion]:
    """The best `limit` volunteers (all when None), fully explained. All are ranked by
    quick_key; only the chosen ones get their reasons built."""
    key = quick_keyer(request, rules)
    keyed = ((key(v), v) for v in volunteers)
    if not include_excluded:
        keyed = (kv for kv in keyed if not kv[0][0])
    if limit is None:
        chosen = sorted(keyed, key=itemgetter(0))
    else:
        chosen = heapq.nsmallest(max(0, limit), keyed, key=itemgetter(0))
    return [score(request, v, rules) for _, v in chosen]
