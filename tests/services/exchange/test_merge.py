"""Gemeente merge: idempotent, per-source snapshots, two laptops whose data overlap, sealed
packages, and figures that agree with the laptop's own."""


import pytest
from sqlalchemy import text

from tests.helpers.exchange import export_to
from tests.helpers.samples import DEMO_DATE
from vrijwilligers_app.services.exchange.gemeente_figures import city_overview, published
from vrijwilligers_app.services.exchange.keys import laptop_keys
from vrijwilligers_app.services.exchange.merge import import_packages
from vrijwilligers_app.services.exchange.package_read import is_sealed
from vrijwilligers_app.services.exchange.scan import IGNORED, IMPORTED
from vrijwilligers_app.services.referral_figures import referral_figures
from vrijwilligers_app.services.referrals import add_event
from vrijwilligers_app.store.engine import write_session

PERIOD = (DEMO_DATE.replace(year=DEMO_DATE.year - 3), DEMO_DATE)


def test_importing_the_same_packages_twice_changes_nothing(make_laptop, gemeente, tmp_path):
    folder = tmp_path / "sync"
    export_to(make_laptop("a"), folder)
    export_to(make_laptop("b"), folder)
    first = import_packages(gemeente.engine, gemeente.data_dir, [folder])
    assert [o.status for o in first.outcomes] == [IMPORTED, IMPORTED]
    after_first = gemeente.dump()
    second = import_packages(gemeente.engine, gemeente.data_dir, [folder])
    assert [o.status for o in second.outcomes] == [IGNORED, IGNORED]
    assert gemeente.dump() == after_first


def test_two_laptops_with_overlapping_data_are_kept_apart_and_counted_once_where_shared(
        make_laptop, gemeente, tmp_path):
    """Both laptops hold the same demo register: the same initiatives and sociale kaart
    (public, shared) and the same people (pseudonymised with each laptop's own secret)."""
    a, b = make_laptop("a"), make_laptop("b")
    folder = tmp_path / "sync"
    export_to(a, folder)
    export_to(b, folder)
    import_packages(gemeente.engine, gemeente.data_dir, [folder])
    per_source = {sid: gemeente.snapshot_count(sid) for sid in
                  (laptop_keys(a.data_dir).source_id, laptop_keys(b.data_dir).source_id)}
    assert len(set(per_source.values())) == 1 and 0 not in per_source.values()
    pseudonyms = gemeente.rows("SELECT count(DISTINCT pseudoniem) FROM gemeente_inwoners")
    # Only residents who consented go as a row (test_k_anonymity); the rows of the two
    # laptops never share a pseudonym: no link between the two laptops' residents.
    rows = gemeente.rows("SELECT count(*) FROM gemeente_inwoners")[0][0]
    assert rows > 100 and pseudonyms == [(rows,)]

    overview = city_overview(gemeente.engine, *PERIOD, DEMO_DATE)
    one = overview.sources[0]
    assert overview.total.initiatives_active == one.initiatives_active  # shared: once
    assert overview.total.residents == 2 * one.residents
    assert overview.total.referrals.referrals == 2 * one.referrals.referrals
    # The same activity records (same ids) from two laptops: counted once, with visitors.
    assert overview.total.activities == one.activities
    assert overview.total.visitors_by_type == one.visitors_by_type

    # Laptop a sends a newer snapshot: only a's rows change.
    b_rows = gemeente.snapshot(laptop_keys(b.data_dir).source_id)
    with write_session(a.engine) as session:
        session.execute(text("UPDATE initiative SET archived_at = '2026-11-01' WHERE id IN "
                             "(SELECT id FROM initiative ORDER BY id LIMIT 3)"))
    newer = export_to(a, tmp_path / "nieuw")
    assert import_packages(gemeente.engine, gemeente.data_dir, [newer]).refused == []
    after = city_overview(gemeente.engine, *PERIOD, DEMO_DATE)
    a_id = laptop_keys(a.data_dir).source_id
    a_figures = next(s for s in after.sources if s.source_id == a_id)
    assert a_figures.initiatives_active == one.initiatives_active - 3
    assert gemeente.snapshot(laptop_keys(b.data_dir).source_id) == b_rows
    assert gemeente.rows("SELECT last_sequence FROM gemeente_source WHERE source_id = :s",
                         s=a_id) == [(2,)]


def test_sealed_package_needs_the_gemeente_key_and_then_merges(laptop, gemeente, tmp_path):
    package = export_to(laptop, tmp_path / "sync", gemeente_side=gemeente)
    content = package.read_bytes()
    assert is_sealed(content) and b"datapackage.json" not in content
    report = import_packages(gemeente.engine, gemeente.data_dir, [package])
    assert [o.status for o in report.outcomes] == [IMPORTED]
    # issue 17: keys are no longer pinned on first contact (test_quarantine); this laptop
    # was enrolled, so its sealed snapshot is merged
    assert gemeente.rows("SELECT last_sequence FROM gemeente_source") == [(1,)]


@pytest.mark.parametrize("group_by", ["destination", None])
def test_gemeente_waiting_times_equal_the_laptops_own(laptop, gemeente, tmp_path, group_by):
    """The same Kaplan–Meier figures from the snapshot as services.referral_figures gives
    on the laptop (total, and per destination), including a reopened referral."""
    rid = laptop.rows("SELECT id FROM referral WHERE status = 'afgesloten' LIMIT 1")[0][0]
    add_event(laptop.engine, rid, "aangemeld", DEMO_DATE, today=DEMO_DATE)  # reopened
    import_packages(gemeente.engine, gemeente.data_dir, [export_to(laptop, tmp_path / "s")])
    source = city_overview(gemeente.engine, *PERIOD, DEMO_DATE).sources[0]
    own = referral_figures(laptop.engine, "destination", *PERIOD, DEMO_DATE)
    if group_by is None:
        assert source.referrals == own[-1].figures
    else:
        codes = dict(laptop.rows("SELECT CAST(id AS TEXT), code FROM destination"))
        mine = {codes[row.key]: row.figures for row in own[:-1]}
        assert source.referrals_by_destination == mine


def test_published_figures_suppress_counts_below_five(laptop, gemeente, tmp_path):
    with write_session(laptop.engine) as session:  # leave 3 referrals in the period
        session.execute(text("UPDATE referral SET signalled_on = '2020-01-01' WHERE id > 3"))
    import_packages(gemeente.engine, gemeente.data_dir, [export_to(laptop, tmp_path / "s")])
    overview = city_overview(gemeente.engine, DEMO_DATE.replace(year=2021), DEMO_DATE,
                             DEMO_DATE)
    assert overview.total.referrals.referrals == 3  # exact, inside the gemeente view
    shown = published(overview)
    assert shown["stad"]["doorverwijzingen"] == {"doorverwijzingen": None}
    assert shown["stad"]["inwoners"] == overview.total.residents  # 400: shown
    small = {k: v for k, v in overview.total.visitors_by_type.items() if 0 < v < 5}
    for kind in small:
        assert shown["stad"]["bezoekers_per_soort"][kind] is None


def test_a_new_export_replaces_the_laptops_older_files_in_the_folder(make_laptop, tmp_path):
    a, b = make_laptop("a"), make_laptop("b")
    folder = tmp_path / "sync"
    first_a = export_to(a, folder)
    renamed = folder / "kopie van export.zip"
    renamed.write_bytes(first_a.read_bytes())
    only_b = export_to(b, folder)
    newest_a = export_to(a, folder)
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [renamed.name, only_b.name, newest_a.name])


def test_gemeente_waiting_list_and_active_matches_equal_the_laptops_own(laptop, gemeente,
                                                                         tmp_path):
    """The gemeente's 'maatjes: wachtend' is the laptop's waiting list (not the proposed)."""
    from vrijwilligers_app.services.maatjes.figures import buddy_figures

    import_packages(gemeente.engine, gemeente.data_dir, [export_to(laptop, tmp_path / "s")])
    source = city_overview(gemeente.engine, *PERIOD, DEMO_DATE).sources[0]
    own = buddy_figures(laptop.engine, "initiative", DEMO_DATE)[-1].figures
    assert own.proposed > 0  # the demo has proposals: they must not count as waiting
    assert source.requests_waiting == own.waiting
    assert source.matches_active == own.active
