"""Issue 17: the gemeente finds a laptop's referral by short number, source, organisation or
period, and adds a status that the next return package carries."""

from datetime import date

from tests.conftest import DEMO_DATE
from tests.services.exchange.conftest import export_to
from vrijwilligers_app.services.exchange.gemeente_returns import add_status_event, write_returns
from vrijwilligers_app.services.exchange.merge import import_packages
from vrijwilligers_app.services.exchange.referral_lookup import find_referrals
from vrijwilligers_app.store.settings import set_setting


def test_find_by_number_source_organisation_and_period(make_laptop, gemeente, tmp_path):
    a, b = make_laptop("a"), make_laptop("b")
    set_setting(a.engine, "organisation_name", "Buurthuis De Brug")
    import_packages(gemeente.engine, gemeente.data_dir,
                    [export_to(a, tmp_path / "a"), export_to(b, tmp_path / "b")])
    everything = find_referrals(gemeente.engine, limit=100_000)
    assert len({h.source_id for h in everything}) == 2
    one = everything[len(everything) // 2]
    by_number = find_referrals(gemeente.engine, number=one.short.upper())
    assert one.key in {h.key for h in by_number}
    assert all(h.key.startswith(one.short) for h in by_number)
    # filtered in SQL (issue 17): LIKE's wildcards typed by the user are plain characters
    assert find_referrals(gemeente.engine, number="%") == []
    assert find_referrals(gemeente.engine, organisation="x%y") == []
    assert len(find_referrals(gemeente.engine, limit=3)) == 3
    brug = find_referrals(gemeente.engine, source="de brug", limit=100_000)
    assert brug and {h.source_name for h in brug} == {"Buurthuis De Brug"}
    by_org = find_referrals(gemeente.engine, organisation=one.organisation_name[:6].lower(),
                            limit=100_000)
    assert by_org and all(one.organisation_name[:6].lower() in
                          f"{h.organisation} {h.organisation_name}".lower() for h in by_org)
    period = find_referrals(gemeente.engine, start=date(2026, 1, 1), end=date(2026, 3, 31),
                            limit=100_000)
    assert period and all(date(2026, 1, 1) <= h.signalled_on <= date(2026, 3, 31)
                          for h in period)
    assert [h.signalled_on for h in period] == sorted((h.signalled_on for h in period),
                                                      reverse=True)

    add_status_event(gemeente.engine, one.source_id, one.key, "nagebeld", DEMO_DATE,
                     today=DEMO_DATE)
    written = {w.source_id: w.events for w in
               write_returns(gemeente.engine, gemeente.data_dir, tmp_path / "terug",
                             gemeente.register)}
    assert written[one.source_id] == 1
