"""Scoring a volunteer for a maatjes request: every part, ties, missing data, the wijk table."""

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vrijwilligers_app.domain import matching
from vrijwilligers_app.domain.availability import from_slots
from vrijwilligers_app.domain.codelists import CodeListError
from vrijwilligers_app.domain.district_neighbours import (
    neighbours_from_pairs,
    parse_neighbours,
    read_neighbours,
)
from vrijwilligers_app.domain.matching import (
    MatchRules,
    RequestFacts,
    VolunteerFacts,
    best,
    rank,
    score,
)

TODAY = date(2026, 11, 23)
CODES = Path(__file__).resolve().parents[2] / "resources" / "codes"
CENTRUM, OOST, STIPHOUT = "WK079410", "WK079411", "WK079417"
NEIGHBOURS = neighbours_from_pairs([(CENTRUM, OOST)])
RULES = MatchRules(today=TODAY, vog_max_age_years=3, neighbours=NEIGHBOURS)
MA_O, MA_M, DI_A = from_slots([(0, 0)]), from_slots([(0, 1)]), from_slots([(1, 2)])

REQUEST = RequestFacts(request_id=1, district_code=CENTRUM, interests=("wandelen", "koken"),
                       languages=("nl", "tr"), preferred_gender="v",
                       availability=MA_O | MA_M | DI_A)


def volunteer(vid: int = 7, **changes: object) -> VolunteerFacts:
    base: dict[str, object] = dict(
        volunteer_id=vid, district_code=CENTRUM, interests=("koken", "wandelen", "lezen"),
        languages=("nl",), gender="v", availability=MA_O | MA_M, vog_date=date(2025, 1, 10),
        open_matches=0)
    base.update(changes)
    return VolunteerFacts(**base)  # type: ignore[arg-type]


def reason(suggestion: matching.Suggestion, part: str) -> matching.Reason:
    return next(r for r in suggestion.reasons if r.part == part)


def test_full_score_with_dutch_reasons():
    s = score(REQUEST, volunteer(), RULES)
    assert s.explanation() == [
        "zelfde wijk (+30)",
        "2 gedeelde interesses: wandelen, koken (+20)",
        "gedeelde taal: nl (+10)",
        "2 gezamenlijke dagdelen (+10)",
        "voorkeur vrouw: past (+10)",
        "nog geen lopende koppeling (+10)",
        "VOG gezien op 10-01-2025, geldig tot 10-01-2028 (voorwaarde, geen punten)",
    ]
    assert s.total == 90 and not s.excluded and s.volunteer_id == 7
    assert s.total == sum(r.points for r in s.reasons)


@pytest.mark.parametrize(("district", "points", "text"), [
    (CENTRUM, 30, "zelfde wijk (+30)"), (OOST, 15, "wijk ernaast (+15)"),
    (STIPHOUT, 0, "andere wijk (0)"), (None, 0, "wijk onbekend (0)"),
])
def test_wijk(district, points, text):
    r = reason(score(REQUEST, volunteer(district_code=district), RULES), "wijk")
    assert (r.points, r.text) == (points, text)


def test_neighbour_works_both_ways():
    request = RequestFacts(1, district_code=OOST)
    assert reason(score(request, volunteer(district_code=CENTRUM), RULES), "wijk").points == 15


def test_interests_capped_and_singular():
    many = RequestFacts(1, interests=("a", "b", "c", "d", "e"))
    r = reason(score(many, volunteer(interests=("e", "d", "c", "b", "a")), RULES), "interesses")
    assert r.points == matching.MAX_INTERESTS and r.text.startswith("5 gedeelde interesses: a,")
    one = reason(score(REQUEST, volunteer(interests=("koken",)), RULES), "interesses")
    assert one.text == "1 gedeelde interesse: koken (+10)"
    none = reason(score(REQUEST, volunteer(interests=("schaken",)), RULES), "interesses")
    assert none.text == "geen gedeelde interesses (0)"


def test_languages():
    two = reason(score(REQUEST, volunteer(languages=("tr", "nl")), RULES), "talen")
    assert two.text == "gedeelde talen: nl, tr (+20)"
    none = reason(score(REQUEST, volunteer(languages=("ar",)), RULES), "talen")
    assert none.text == "geen gedeelde taal (-20)" and none.points == -20


def test_availability_capped():
    everything = (1 << 21) - 1
    r = reason(score(RequestFacts(1, availability=everything),
                     volunteer(availability=everything), RULES), "beschikbaarheid")
    assert r.points == matching.MAX_SLOTS and r.text == "21 gezamenlijke dagdelen (+25)"
    one = reason(score(REQUEST, volunteer(availability=DI_A), RULES), "beschikbaarheid")
    assert one.text == "1 gezamenlijk dagdeel (+5)"
    apart = reason(score(RequestFacts(1, availability=MA_O), volunteer(availability=DI_A),
                         RULES), "beschikbaarheid")
    assert apart.text == "geen gezamenlijke dagdelen (0)"


@pytest.mark.parametrize(("wish", "gender", "points", "text"), [
    ("v", "v", 10, "voorkeur vrouw: past (+10)"),
    ("v", "m", -40, "voorkeur vrouw: past niet (-40)"),
    ("m", "", 0, "voorkeur man, geslacht vrijwilliger onbekend (0)"),
    ("", "m", 0, "geen voorkeur (0)"),
])
def test_gender_preference(wish, gender, points, text):
    request = RequestFacts(1, preferred_gender=wish)
    r = reason(score(request, volunteer(gender=gender), RULES), "voorkeur")
    assert (r.points, r.text) == (points, text)


@pytest.mark.parametrize(("count", "points", "excluded"), [
    (0, 10, False), (1, 5, False), (2, 0, False), (3, 0, True), (5, 0, True)])
def test_open_matches_and_cap(count, points, excluded):
    s = score(REQUEST, volunteer(open_matches=count), RULES)
    r = reason(s, "koppelingen")
    assert (r.points, r.excludes, s.excluded) == (points, excluded, excluded)
    if excluded:
        assert r.text == f"al {count} lopende koppelingen, maximum 3 (uitgesloten)"


def test_vog_rules():
    missing = score(REQUEST, volunteer(vog_date=None), RULES)
    assert missing.excluded and reason(missing, "vog").text == "geen VOG (uitgesloten)"
    old = score(REQUEST, volunteer(vog_date=date(2023, 11, 22)), RULES)
    assert old.excluded
    assert reason(old, "vog").text == "VOG van 22-11-2023 is ouder dan 3 jaar (uitgesloten)"
    exactly_three = score(REQUEST, volunteer(vog_date=date(2023, 11, 23)), RULES)
    assert not exactly_three.excluded
    no_rule = MatchRules(today=TODAY, vog_max_age_years=None)
    assert not score(REQUEST, volunteer(vog_date=date(2001, 1, 1)), no_rule).excluded
    # An excluded volunteer keeps its points: the UI can show why it ranks last.
    assert old.total == score(REQUEST, volunteer(), RULES).total


def test_vog_on_29_february():
    assert matching.vog_valid_until(date(2024, 2, 29), 3) == date(2027, 2, 28)
    assert matching.vog_valid_until(date(2024, 2, 29), None) is None
    assert matching.vog_oldest_valid(date(2028, 2, 29), 3) == date(2025, 3, 1)
    assert matching.vog_valid_until(date(2025, 2, 28), 3) < date(2028, 2, 29)
    assert matching.vog_oldest_valid(date(2027, 2, 28), 3) == date(2024, 2, 28)
    assert matching.vog_oldest_valid(date(2027, 2, 28), None) is None


@given(st.dates(date(2000, 1, 1), date(2040, 12, 31)), st.integers(1, 5),
       st.integers(-2000, 2000))
def test_oldest_valid_vog_agrees_with_valid_until(today, years, offset):
    from datetime import timedelta
    vog = today + timedelta(days=offset)
    oldest = matching.vog_oldest_valid(today, years)
    assert (vog >= oldest) == (matching.vog_valid_until(vog, years) >= today)


def test_missing_data_scores_zero_and_never_raises():
    empty_request = RequestFacts(request_id=1)
    bare = VolunteerFacts(volunteer_id=3, vog_date=date(2026, 1, 1))
    s = score(empty_request, bare, RULES)
    assert s.total == 10  # only "nog geen lopende koppeling"
    assert {r.part: r.points for r in s.reasons} == {
        "wijk": 0, "interesses": 0, "talen": 0, "beschikbaarheid": 0, "voorkeur": 0,
        "koppelingen": 10, "vog": 0}
    assert "wijk onbekend (0)" in s.explanation()
    assert "interesses onbekend (0)" in s.explanation()
    assert "beschikbaarheid onbekend (0)" in s.explanation()
    assert score(REQUEST, bare, RULES).total == 10


def test_ties_broken_by_open_matches_then_id():
    # Same total: 2 matches lose 10 points to 0 matches, so give the busy one 10 elsewhere.
    a = volunteer(30, open_matches=0, interests=())
    b = volunteer(20, open_matches=2, interests=("wandelen",))
    c = volunteer(10, open_matches=0, interests=())
    d = volunteer(40, open_matches=2, interests=("koken",))
    scores = [score(REQUEST, v, RULES) for v in (a, b, c, d)]
    assert len({s.total for s in scores}) == 1
    assert [s.volunteer_id for s in rank(scores)] == [10, 30, 20, 40]
    assert [s.volunteer_id for s in rank(reversed(scores))] == [10, 30, 20, 40]


def test_best_ranks_excluded_last_and_limits():
    volunteers = [volunteer(1, vog_date=None), volunteer(2, district_code=STIPHOUT),
                  volunteer(3), volunteer(4, open_matches=3)]
    assert [s.volunteer_id for s in best(REQUEST, volunteers, RULES)] == [3, 2]
    everyone = best(REQUEST, volunteers, RULES, limit=None, include_excluded=True)
    assert [s.volunteer_id for s in everyone] == [3, 2, 1, 4]
    assert [s.volunteer_id for s in best(REQUEST, volunteers, RULES, limit=1)] == [3]
    assert best(REQUEST, [], RULES) == []


def test_tags_from_stored_text():
    assert matching.tags("Wandelen;koken, wandelen") == ("wandelen", "koken")
    assert matching.tags("koken;wandelen") == ("koken", "wandelen")
    assert matching.tags("koken;koken") == ("koken",)
    assert matching.tags(None) == () and matching.tags("") == ()


@given(st.text(alphabet="abcÉé ;,\t1", max_size=20))
def test_fast_tags_equal_split_tags(value):
    from vrijwilligers_app.domain.validation import split_tags
    assert matching.tags(value) == tuple(split_tags(value))


WIJKEN = st.sampled_from([None, "", CENTRUM, OOST, STIPHOUT])
TAGS = st.lists(st.sampled_from(["wandelen", "koken", "nl", "tr", "lezen"]), max_size=4).map(tuple)
MASKS = st.integers(0, (1 << 21) - 1)
GENDERS = st.sampled_from(["", "v", "m", "x"])


@given(st.builds(RequestFacts, request_id=st.just(1), district_code=WIJKEN, interests=TAGS,
                 languages=TAGS, preferred_gender=GENDERS, availability=MASKS),
       st.builds(VolunteerFacts, volunteer_id=st.integers(1, 10**6), district_code=WIJKEN,
                 interests=TAGS, languages=TAGS, gender=GENDERS, availability=MASKS,
                 vog_date=st.none() | st.dates(date(2015, 1, 1), date(2030, 1, 1)),
                 open_matches=st.integers(-1, 6)),
       st.sampled_from([None, 1, 3]))
def test_quick_key_agrees_with_the_explained_score(request_facts, volunteer_facts, years):
    rules = MatchRules(today=TODAY, vog_max_age_years=years, neighbours=NEIGHBOURS)
    s = score(request_facts, volunteer_facts, rules)
    assert matching.quick_key(request_facts, volunteer_facts, rules) == matching.rank_key(s)


def test_best_matches_a_full_sort():
    import random
    rng = random.Random(3)
    volunteers = [VolunteerFacts(
        volunteer_id=n, district_code=rng.choice([CENTRUM, OOST, STIPHOUT, None]),
        interests=tuple(rng.sample(["wandelen", "koken", "lezen"], rng.randint(0, 3))),
        languages=("nl",), gender=rng.choice("vm"), availability=rng.getrandbits(21),
        vog_date=rng.choice([None, date(2025, 1, 1)]), open_matches=rng.randint(0, 3))
        for n in range(300)]
    for include in (False, True):
        full = rank(s for s in (score(REQUEST, v, RULES) for v in volunteers)
                    if include or not s.excluded)
        assert best(REQUEST, volunteers, RULES, 10, include) == full[:10]
        assert best(REQUEST, volunteers, RULES, None, include) == full


# --- wijk borders ---------------------------------------------------------------------

def test_shipped_wijk_table_covers_helmond_symmetrically():
    neighbours = read_neighbours(CODES / "wijk_buren.csv")
    wijken = {line.split(";")[0] for line in
              (CODES / "helmond_wijken.csv").read_text(encoding="utf-8").splitlines()[1:]}
    assert set(neighbours) == wijken and len(wijken) == 12
    for code, others in neighbours.items():
        assert code not in others and others <= wijken
        assert all(code in neighbours[other] for other in others)
    assert "WK079411" in neighbours["WK079410"]  # Binnenstad borders Helmond-Oost


@pytest.mark.parametrize(("text", "message"), [
    ("wijk;buur\nWK079410;WK079411\n", r"kolom\(men\) ontbreken"),
    ("wijkcode;buurwijkcode\nWK079410\n", "regel 2: verkeerd aantal velden"),
    ("wijkcode;buurwijkcode\nWK079410;Oost\n", "regel 2: 'Oost' is geen wijkcode"),
])
def test_bad_wijk_table(text, message):
    with pytest.raises(CodeListError, match=message):
        parse_neighbours(text)


def test_unreadable_wijk_table(tmp_path):
    with pytest.raises(CodeListError, match="kan het bestand niet lezen"):
        read_neighbours(tmp_path / "missing.csv")
