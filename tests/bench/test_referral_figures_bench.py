"""Referral figures over demo groot (100,000 referrals) beside raw sqlite3 baselines.

Run: python -m pytest -m bench tests/bench/test_referral_figures_bench.py -s
Nothing here asserts on time; numbers and ratios are printed and written to bench-results/.
Target (issue 5): figures under 300 ms.
"""

import sqlite3
from datetime import date
from functools import partial

import pytest

from tests.bench import common
from tests.bench.common import Recorder
from vrijwilligers_app.services.referral_figures import referral_figures
from vrijwilligers_app.services.referrals import overdue_referrals
from vrijwilligers_app.store.queries.referral_figures import figures_sql as _sql

pytestmark = pytest.mark.bench
record = Recorder("referral_figures.json", unit="ms")
REPEAT = 5
median_seconds = partial(common.median_seconds, repeat=REPEAT)
TODAY = date(2026, 11, 23)
PERIOD = (date(2000, 1, 1), TODAY)
# The least any figure needs: read each referral's aanmelding and first contact (cached).
MINIMAL_SQL = """
SELECT count(*), sum(julianday(first_contact_on) - julianday(registered_on))
FROM referral WHERE signalled_on BETWEEN :start AND :end"""








@pytest.mark.parametrize("group_by", ["destination", "life_domain", "urgency", "district"])
def test_referral_figures_beside_raw_sql(groot, group_by):
    engine, path = groot
    rows = referral_figures(engine, group_by, *PERIOD, TODAY)
    assert rows[-1].figures.referrals == 100_000
    measured = median_seconds(lambda: referral_figures(engine, group_by, *PERIOD, TODAY))
    raw = sqlite3.connect(path)
    params = {"start": PERIOD[0].isoformat(), "end": PERIOD[1].isoformat(),
              "today": TODAY.isoformat()}
    same_sql = median_seconds(lambda: raw.execute(_sql(group_by), params).fetchall())
    minimal = median_seconds(lambda: raw.execute(MINIMAL_SQL, params).fetchall())
    raw.close()
    record(f"referral_figures({group_by})", measured, same_sql,
           "raw sqlite3, the same statement")
    record(f"referral_figures({group_by})", measured, minimal,
           "raw sqlite3, read aanmelding + first contact of every referral")


def test_overdue_referrals(groot):
    engine, path = groot
    measured = median_seconds(lambda: overdue_referrals(engine, TODAY))
    raw = sqlite3.connect(path)
    baseline = median_seconds(lambda: raw.execute(
        "SELECT id, follow_up_on FROM referral WHERE follow_up_on < ? AND status NOT IN "
        "('afgesloten', 'teruggemeld', 'afgewezen') ORDER BY follow_up_on",
        (TODAY.isoformat(),)).fetchall())
    raw.close()
    record("overdue_referrals", measured, baseline, "raw sqlite3, overdue ids by date")


@pytest.mark.parametrize("days", [91, 365])
def test_referral_figures_of_a_quarter_and_a_year(groot, days):
    """The usual question: the last quarter or year, not all referrals ever."""
    engine, path = groot
    period = (date.fromordinal(TODAY.toordinal() - days + 1), TODAY)
    count = referral_figures(engine, "destination", *period, TODAY)[-1].figures.referrals
    measured = median_seconds(lambda: referral_figures(engine, "destination", *period, TODAY))
    raw = sqlite3.connect(path)
    params = {"start": period[0].isoformat(), "end": period[1].isoformat(),
              "today": TODAY.isoformat()}
    same_sql = median_seconds(lambda: raw.execute(_sql("destination"), params).fetchall())
    raw.close()
    record(f"referral_figures(destination), last {days} days ({count} referrals)", measured,
           same_sql, "raw sqlite3, the same statement")
