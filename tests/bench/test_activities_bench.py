"""Activity figures, roster reads and place candidates over demo groot, beside raw sqlite3.

Run: python -m pytest -m bench tests/bench/test_activities_bench.py -s
Nothing here asserts on time; numbers and ratios are printed and written to bench-results/.
"""

import sqlite3
from datetime import date
from functools import partial

import pytest

from tests.bench import common
from tests.bench.common import Recorder
from vrijwilligers_app.services.activities.figures import activity_figures
from vrijwilligers_app.services.activities.roster import candidates
from vrijwilligers_app.store.queries.roster import roster_for_period

pytestmark = pytest.mark.bench
record = Recorder("activities.json", unit="ms")
median_seconds = partial(common.median_seconds, repeat=5)
TODAY = date(2026, 11, 23)
ALL = (date(2000, 1, 1), date(2030, 12, 31))
# The least the figures read: every activity, attendance, filled place and participation.
RAW_READ = ("SELECT (SELECT count(*) FROM activity), (SELECT sum(visitors) FROM attendance), "
            "(SELECT sum(julianday(ends_at) - julianday(starts_at)) FROM shift "
            "WHERE volunteer_id IS NOT NULL), (SELECT count(DISTINCT resident_id) "
            "FROM participation)")

RAW_ROWS = ("SELECT id, initiative_id, district_code, starts_at, cancelled FROM activity",
            "SELECT activity_id, visitor_type_code, visitors FROM attendance",
            "SELECT activity_id, volunteer_id, starts_at, ends_at, status, hours FROM shift "
            "WHERE volunteer_id IS NOT NULL",
            "SELECT activity_id, resident_id FROM participation")




@pytest.mark.parametrize("grouping", ["initiative", "district", "month"])
def test_activity_figures(groot, grouping):
    engine, path = groot
    total = activity_figures(engine, *ALL, grouping, today=TODAY).total
    measured = median_seconds(lambda: activity_figures(engine, *ALL, grouping, today=TODAY))
    raw = sqlite3.connect(path)
    baseline = median_seconds(lambda: raw.execute(RAW_READ).fetchall())
    rows = median_seconds(lambda: [raw.execute(sql).fetchall() for sql in RAW_ROWS])
    raw.close()
    record(f"activity_figures({grouping}), {total.activities} activities", measured, baseline,
           "raw sqlite3, totals of the same tables in one statement")
    record(f"activity_figures({grouping}), {total.activities} activities", measured, rows,
           "raw sqlite3, fetching the rows it aggregates")


def test_roster_for_six_weeks(groot):
    engine, path = groot
    count = len(roster_for_period(engine, TODAY, date(2027, 1, 4)))
    measured = median_seconds(lambda: roster_for_period(engine, TODAY, date(2027, 1, 4)))
    raw = sqlite3.connect(path)
    baseline = median_seconds(lambda: raw.execute(
        "SELECT s.* FROM shift s JOIN activity t ON t.id = s.activity_id "
        "WHERE substr(t.starts_at, 1, 10) BETWEEN ? AND ?", ("2026-11-23", "2027-01-04"))
        .fetchall())
    raw.close()
    record(f"roster_for_period(6 weeks, {count} activities)", measured, baseline,
           "raw sqlite3, the places of those activities")


def test_candidates_for_a_place(groot):
    engine, path = groot
    raw = sqlite3.connect(path)
    (shift_id,) = raw.execute("SELECT id FROM shift WHERE volunteer_id IS NULL "
                              "ORDER BY starts_at DESC LIMIT 1").fetchone()
    count = len(candidates(engine, shift_id))
    measured = median_seconds(lambda: candidates(engine, shift_id))
    baseline = median_seconds(lambda: raw.execute(
        "SELECT id, first_name, last_name, availability FROM volunteer "
        "WHERE archived_at IS NULL").fetchall())
    raw.close()
    record(f"candidates(one place, {count} volunteers)", measured, baseline,
           "raw sqlite3, all active volunteers' names and availability")
