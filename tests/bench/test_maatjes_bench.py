"""The Maatjes page on demo groot (3,000 requests, 10,000 volunteers) beside raw sqlite3.

Run: python -m pytest -m bench tests/bench/test_maatjes_bench.py -s
Nothing here asserts on time; numbers and ratios are printed and written to bench-results/.
"""

import sqlite3
from datetime import date
from functools import partial

import pytest

from tests.bench import common
from tests.bench.common import Recorder
from vrijwilligers_app.paths import DATABASE_NAME
from vrijwilligers_app.services.maatjes.figures import buddy_figures
from vrijwilligers_app.services.maatjes.views import request_detail, suggestion_lines
from vrijwilligers_app.store.queries.buddy_figures import matches_sql, requests_sql
from vrijwilligers_app.store.queries.registers import fetch_rows, list_ids
from vrijwilligers_app.store.register import open_register

pytestmark = pytest.mark.bench
record = Recorder("maatjes.json", unit="ms")
median_seconds = partial(common.median_seconds, repeat=5)
TODAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def groot(groot_dir):
    """The raw connection is opened first and kept, so both sides read the same WAL state
    (a freshly built register still has a large WAL; each new pooled connection pays for
    it otherwise, which measured the fixture, not the code)."""
    with open_register(groot_dir, daily_backup=False) as register:
        raw = sqlite3.connect(groot_dir / DATABASE_NAME)
        raw.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
        yield register.engine, raw
        raw.close()


@pytest.mark.parametrize("group_by", ["initiative", "district"])
def test_buddy_figures_beside_the_same_statements(groot, group_by):
    engine, raw = groot
    assert buddy_figures(engine, group_by, TODAY)[-1].figures.waiting > 0
    measured = median_seconds(lambda: buddy_figures(engine, group_by, TODAY))
    baseline = median_seconds(lambda: (raw.execute(requests_sql(group_by)).fetchall(),
                                       raw.execute(matches_sql(group_by)).fetchall()))
    record(f"buddy_figures({group_by})", measured, baseline,
           "raw sqlite3, the same two statements")


def test_requests_list_and_first_page(groot):
    engine, raw = groot
    ids = list_ids(engine, "requests")
    assert len(ids) == 3000
    measured = median_seconds(lambda: fetch_rows(engine, "requests", list_ids(
        engine, "requests")[:200]))
    baseline = median_seconds(lambda: raw.execute(
        "SELECT id, status, requested_on FROM buddy_request ORDER BY status, requested_on "
        "LIMIT 200").fetchall())
    record("requests list: ordered ids + first 200 rows", measured, baseline,
           "raw sqlite3, 200 requests by status and date")


def test_suggestions_for_a_waiting_request_with_names(groot):
    engine, raw = groot
    waiting = list_ids(engine, "requests", {"status": "wachtend"})
    request_id = waiting[0]
    assert request_detail(engine, request_id).status == "wachtend"
    measured = median_seconds(lambda: suggestion_lines(engine, request_id, TODAY))
    baseline = median_seconds(lambda: raw.execute(
        "SELECT v.id, v.district_code, v.interests, v.languages FROM volunteer v "
        "JOIN volunteer_role r ON r.volunteer_id = v.id JOIN buddy_request q "
        "ON q.initiative_id = r.initiative_id WHERE q.id = ?", (request_id,)).fetchall())
    record("suggestion_lines (panel: 15 best with names)", measured, baseline,
           "raw sqlite3, the project's volunteers")
