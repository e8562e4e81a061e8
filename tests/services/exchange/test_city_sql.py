"""Issue 17: the city figures are GROUP BYs in the database now; they equal, number for
number, what loading every row into Python gave (tests/helpers/city_reference.py), with
shared records on several laptops, merged initiatives and a newer snapshot."""

import uuid
from datetime import date

from sqlalchemy import text

from tests.helpers.city_reference import city_overview as reference_overview
from tests.helpers.exchange import export_to
from tests.helpers.samples import DEMO_DATE
from vrijwilligers_app.services.exchange.gemeente_figures import city_overview
from vrijwilligers_app.services.exchange.initiative_merge import (
    merge_initiatives,
    possible_duplicates,
)
from vrijwilligers_app.services.exchange.keys import laptop_keys
from vrijwilligers_app.services.exchange.merge import import_packages
from vrijwilligers_app.services.referrals import add_event
from vrijwilligers_app.store.engine import write_session

PERIODS = [(DEMO_DATE.replace(year=DEMO_DATE.year - 3), DEMO_DATE),
           (DEMO_DATE.replace(day=1), DEMO_DATE), (date(2001, 1, 1), date(2001, 12, 31))]


def test_sql_figures_equal_the_row_by_row_figures(make_laptop, gemeente, tmp_path):
    a, b, c = make_laptop("a"), make_laptop("b"), make_laptop("c")
    with write_session(b.engine) as session:  # entered anew on laptop b: other ids
        for (initiative_id,) in session.execute(text("SELECT id FROM initiative")).all():
            session.execute(text("UPDATE initiative SET uuid = :u WHERE id = :i"),
                            {"u": str(uuid.uuid4()), "i": initiative_id})
        session.execute(text("UPDATE initiative SET archived_at = '2026-10-01' WHERE id < 4"))
    with write_session(c.engine) as session:  # same activities, some cancelled here only
        session.execute(text("UPDATE activity SET cancelled = 1 WHERE id % 3 = 0"))
    for (rid,) in c.rows("SELECT id FROM referral WHERE status = 'afgesloten' LIMIT 6"):
        add_event(c.engine, int(str(rid)), "aangemeld", DEMO_DATE, today=DEMO_DATE)  # reopened
    import_packages(gemeente.engine, gemeente.data_dir,
                    [export_to(side, tmp_path / name) for name, side in
                     (("a", a), ("b", b), ("c", c))])
    for group in possible_duplicates(gemeente.engine)[::2]:  # half of them merged
        merge_initiatives(gemeente.engine, group[0].initiative_id,
                          [copy.initiative_id for copy in group[1:]])
    with write_session(a.engine) as session:  # a newer snapshot of a: it wins city-wide
        session.execute(text("UPDATE initiative SET archived_at = '2026-11-01' WHERE id IN "
                             "(SELECT id FROM initiative ORDER BY id DESC LIMIT 2)"))
    assert import_packages(gemeente.engine, gemeente.data_dir,
                           [export_to(a, tmp_path / "a2")]).refused == []
    with write_session(gemeente.engine) as session:  # exported on different days: c, b, a
        for day, side in ((3, c), (4, b), (5, a)):
            session.execute(text("UPDATE gemeente_source SET snapshot_at = :t WHERE "
                                 "source_id = :s"), {"t": f"2026-11-0{day} 10:00:00.000000",
                                                     "s": laptop_keys(side.data_dir).source_id})

    for start, end in PERIODS:
        new = city_overview(gemeente.engine, start, end, DEMO_DATE)
        old = reference_overview(gemeente.engine, start, end, DEMO_DATE)
        assert new.sources == old.sources, (start, end)
        assert new.total == old.total, (start, end)
    busy = city_overview(gemeente.engine, *PERIODS[0], DEMO_DATE)
    assert busy.total.referrals.referrals > 100 and busy.total.activities > 10
    assert sum(busy.total.visitors_by_type.values()) > 0
    assert busy.total.initiatives_active < sum(s.initiatives_active for s in busy.sources)
