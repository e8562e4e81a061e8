"""Maatjes suggestions for one request among 10,000 volunteers of one project, beside plain
SQL baselines in the same run.

Run: python -m pytest -m bench tests/bench/test_suggestions_bench.py -s
Nothing here asserts on time; results are printed and written to
bench-results/suggestions.json. The issue's target for suggestions is < 100 ms per call.
The register is built directly with Core inserts (faster than demo groot, and every volunteer
is a candidate, which is the worst case): 10,000 volunteers with a maatje role in one project,
1,500 of them with an open match elsewhere, varied wijk, interests, languages, gender,
availability and VOG dates. A second case runs on demo groot (the realistic project size).
"""

import random
import sqlite3
import uuid
from datetime import UTC, date, datetime, timedelta
from functools import partial
from pathlib import Path

import pytest
from sqlalchemy import insert

from tests.bench import common
from tests.bench.common import Recorder
from vrijwilligers_app.paths import DATABASE_NAME
from vrijwilligers_app.services.maatjes import suggestions
from vrijwilligers_app.services.maatjes.suggest import NOT_A_BUDDY_ROLES
from vrijwilligers_app.store.engine import create_register_engine
from vrijwilligers_app.store.migrate import upgrade_to_head
from vrijwilligers_app.store.queries.buddy_candidates import CANDIDATES_SQL, role_list
from vrijwilligers_app.store.seed import load_code_lists
from vrijwilligers_app.store.tables import (
    BuddyMatch,
    BuddyRequest,
    Initiative,
    Resident,
    Volunteer,
    VolunteerRole,
)

pytestmark = pytest.mark.bench
record = Recorder("suggestions.json", unit="ms")
REPEAT = 30
median_seconds = partial(common.median_seconds, repeat=REPEAT)
TODAY = date(2026, 11, 23)
VOLUNTEERS = 10_000
BUSY = 1_500
WIJKEN = [f"WK0794{n}" for n in (10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 29)]
INTERESTS = ["wandelen", "koken", "lezen", "fietsen", "tuinieren", "muziek", "schaken",
             "handwerken", "voetbal", "kaarten", "fotografie", "geschiedenis"]
LANGUAGES = ["nl", "en", "tr", "ar", "pl", "de"]






def _stamp(row: dict[str, object]) -> dict[str, object]:
    now = datetime(2026, 1, 1, tzinfo=UTC)
    return {"uuid": str(uuid.uuid4()), "created_at": now, "updated_at": now, **row}


def _volunteer(rng: random.Random, n: int) -> dict[str, object]:
    return _stamp(dict(
        id=n, first_name=f"Vrijwilliger{n}", name_prefix="", last_name="Bench",
        gender=rng.choice("vvmx"), birth_year=1950 + n % 50, phone="", email="", street="",
        postcode="", city="Helmond",
        district_code=rng.choice(WIJKEN) if rng.random() < 0.9 else None,
        skills="", interests=";".join(rng.sample(INTERESTS, rng.randint(0, 4))),
        languages=";".join(["nl"] + rng.sample(LANGUAGES[1:], rng.randint(0, 2))),
        availability=rng.getrandbits(21) if rng.random() < 0.85 else 0,
        vog_date=TODAY - timedelta(days=rng.randint(0, 5 * 365)) if rng.random() < 0.9
        else None,
        vog_checked_by="", start_date=date(2020, 1, 1), end_date=None, listed_consent=False,
        notes="", archived_at=None))


@pytest.fixture(scope="module")
def register(tmp_path_factory):
    path = tmp_path_factory.mktemp("suggestions") / "register.sqlite"
    engine = create_register_engine(path)
    upgrade_to_head(engine)
    load_code_lists(engine)
    rng = random.Random(4)
    with engine.begin() as conn:
        for iid, name in ((1, "Maatjes Helmond"), (2, "Maatjes elders")):
            conn.execute(insert(Initiative), [_stamp(dict(
                id=iid, name=name, type_code="maatjesproject", buddy_contact_weeks=2,
                buddy_waiting_weeks=8, vog_max_age_years=3))])
        conn.execute(insert(Volunteer), [_volunteer(rng, n) for n in range(1, VOLUNTEERS + 1)])
        conn.execute(insert(VolunteerRole), [_stamp(dict(
            volunteer_id=n, initiative_id=1, role_code="maatje", start_date=date(2021, 1, 1)))
            for n in range(1, VOLUNTEERS + 1)])
        conn.execute(insert(Resident), [_stamp(dict(
            id=n, first_name=f"Inwoner{n}", last_name="Bench",
            district_code=rng.choice(WIJKEN))) for n in range(1, BUSY + 2)])
        conn.execute(insert(BuddyRequest), [_stamp(dict(
            id=n, resident_id=n, initiative_id=1 if n == 1 else 2,
            status="wachtend" if n == 1 else "gekoppeld", requested_on=date(2026, 6, 1),
            intake_on=date(2026, 6, 8), waiting_since=date(2026, 6, 9),
            interests="wandelen;koken;lezen", languages="nl;tr", preferred_gender="v",
            preferred_availability=rng.getrandbits(21))) for n in range(1, BUSY + 2)])
        conn.execute(insert(BuddyMatch), [_stamp(dict(
            request_id=n + 1, volunteer_id=rng.randint(1, VOLUNTEERS),
            proposed_on=date(2026, 7, 1), started_on=date(2026, 7, 8)))
            for n in range(1, BUSY + 1)])
    yield engine, path
    engine.dispose()


def _raw_fetch(path: Path) -> float:
    """Baseline 1: the same candidate rows through plain sqlite3, fetched, nothing scored."""
    sql = (CANDIDATES_SQL.format(roles=role_list(NOT_A_BUDDY_ROLES), only="")
           .replace(":today", "?1").replace(":initiative", "?2").replace(":request", "?3"))
    connection = sqlite3.connect(path)
    try:
        return median_seconds(
            lambda: connection.execute(sql, (TODAY.isoformat(), 1, 1)).fetchall())
    finally:
        connection.close()


RANK_SQL = """
    WITH q AS (SELECT q.preferred_availability AS avail, q.preferred_gender AS gender,
                      res.district_code AS wijk
               FROM buddy_request q JOIN resident res ON res.id = q.resident_id WHERE q.id = 1)
    SELECT v.id,
           (CASE WHEN v.district_code = q.wijk THEN 30 ELSE 0 END)
           + (CASE WHEN v.gender = q.gender THEN 10 WHEN q.gender <> '' AND v.gender <> ''
                   THEN -40 ELSE 0 END)
           + min(25, 5 * ({overlap})) AS score
    FROM volunteer v CROSS JOIN q
    WHERE v.archived_at IS NULL AND v.vog_date >= ?1
      AND EXISTS (SELECT 1 FROM volunteer_role r WHERE r.volunteer_id = v.id
                  AND r.initiative_id = 1 AND r.end_date IS NULL)
    ORDER BY score DESC, v.id LIMIT 10
""".format(overlap=" + ".join(f"((v.availability & q.avail) >> {i} & 1)" for i in range(21)))


def _raw_rank(path: Path) -> float:
    """Baseline 2: a plain SQL ranking (wijk, gender, shared day parts, VOG) ordered and
    limited in SQLite; no interests, languages, nearby wijken or reasons."""
    connection = sqlite3.connect(path)
    limit = TODAY.replace(year=TODAY.year - 3).isoformat()
    try:
        assert len(connection.execute(RANK_SQL, (limit,)).fetchall()) == 10
        return median_seconds(lambda: connection.execute(RANK_SQL, (limit,)).fetchall())
    finally:
        connection.close()


def test_suggestions_among_10000_volunteers(register):
    engine, path = register
    result = suggestions(engine, 1, TODAY)
    assert len(result) == 10 and all(not s.excluded for s in result)
    measured = median_seconds(lambda: suggestions(engine, 1, TODAY))
    record(f"suggestions, 1 request, {VOLUNTEERS} candidates (median of {REPEAT})",
           measured, _raw_fetch(path), "raw sqlite3 fetch of the same candidate rows")
    record(f"suggestions, 1 request, {VOLUNTEERS} candidates (median of {REPEAT})",
           measured, _raw_rank(path), "plain SQL ranking query (ORDER BY score LIMIT 10)")


def test_suggestions_on_demo_groot(groot_dir):
    """The realistic case: demo groot (10,000 volunteers over 80 initiatives), a waiting
    request in the project with the most maatjes."""
    path = groot_dir / DATABASE_NAME
    connection = sqlite3.connect(path)
    request_id, members = connection.execute("""
        SELECT q.id, (SELECT count(*) FROM volunteer_role r WHERE r.initiative_id =
                      q.initiative_id AND r.role_code <> 'coordinator') AS n
        FROM buddy_request q WHERE q.status = 'wachtend' ORDER BY n DESC, q.id LIMIT 1
        """).fetchone()
    connection.close()
    engine = create_register_engine(path)
    try:
        assert suggestions(engine, request_id, TODAY)
        measured = median_seconds(lambda: suggestions(engine, request_id, TODAY))
    finally:
        engine.dispose()
    sql = (CANDIDATES_SQL.format(roles=role_list(NOT_A_BUDDY_ROLES), only="")
           .replace(":today", "?1").replace(":initiative", "?2").replace(":request", "?3"))
    connection = sqlite3.connect(path)
    initiative = connection.execute("SELECT initiative_id FROM buddy_request WHERE id = ?",
                                    (request_id,)).fetchone()[0]
    try:
        baseline = median_seconds(lambda: connection.execute(
            sql, (TODAY.isoformat(), initiative, request_id)).fetchall())
    finally:
        connection.close()
    record(f"suggestions on demo groot, project with {members} maatje roles "
           f"(median of {REPEAT})", measured, baseline,
           "raw sqlite3 fetch of the same candidate rows")
