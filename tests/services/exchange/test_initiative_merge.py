"""Issue 17: the same initiative entered on two laptops (different ids) counts once city-wide
after the gemeente merged the suggested duplicates."""

import uuid

from sqlalchemy import text

from tests.conftest import DEMO_DATE
from tests.services.exchange.conftest import export_to
from vrijwilligers_app.services.exchange.gemeente_figures import city_overview
from vrijwilligers_app.services.exchange.initiative_merge import (
    merge_initiatives,
    normalised_name,
    possible_duplicates,
)
from vrijwilligers_app.services.exchange.merge import import_packages
from vrijwilligers_app.store.engine import write_session

PERIOD = (DEMO_DATE.replace(month=1, day=1), DEMO_DATE)


def test_two_laptops_with_the_same_23_initiatives_count_23_after_merging(make_laptop, gemeente,
                                                                         tmp_path):
    a, b = make_laptop("a"), make_laptop("b")
    with write_session(b.engine) as session:  # entered anew on laptop b: other ids
        for (initiative_id,) in session.execute(text("SELECT id FROM initiative")).all():
            session.execute(text("UPDATE initiative SET uuid = :u WHERE id = :i"),
                            {"u": str(uuid.uuid4()), "i": initiative_id})
        session.execute(text("UPDATE initiative SET name = upper(name) WHERE id = 1"))
    import_packages(gemeente.engine, gemeente.data_dir,
                    [export_to(a, tmp_path / "a"), export_to(b, tmp_path / "b")])
    active = city_overview(gemeente.engine, *PERIOD, DEMO_DATE)
    per_laptop = active.sources[0].initiatives_active
    assert per_laptop == 23
    assert active.total.initiatives_active == 2 * per_laptop  # the defect: 46

    groups = possible_duplicates(gemeente.engine)
    assert len(groups) == a.rows("SELECT count(*) FROM initiative")[0][0]
    assert all(len({c.source_id for c in group}) == 2 for group in groups)
    for group in groups:
        merge_initiatives(gemeente.engine, group[0].initiative_id,
                          [c.initiative_id for c in group[1:]])
    merged = city_overview(gemeente.engine, *PERIOD, DEMO_DATE)
    assert merged.total.initiatives_active == 23
    assert [s.initiatives_active for s in merged.sources] == [23, 23]  # per laptop as before
    assert possible_duplicates(gemeente.engine) == []


def test_names_compare_without_case_accents_or_punctuation():
    assert normalised_name("Alzheimer Café  Helmond!") == normalised_name("alzheimer cafe helmond")
    assert normalised_name("Buurthuis 't Hofke") != normalised_name("Buurthuis De Brug")
