"""Residents in the export to the gemeente: only with consent, never rarer than 5, and no
package without a key unless on purpose, and then never into a sync folder."""

from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.helpers.exchange import export_to
from tests.helpers.samples import DEMO_DATE
from vrijwilligers_app.domain.k_anonymity import K, Row, generalise, generalise_counts
from vrijwilligers_app.services.consents import withdraw_consent
from vrijwilligers_app.services.exchange.errors import ExchangeError
from vrijwilligers_app.services.exchange.export import export
from vrijwilligers_app.services.exchange.keys import gemeente_keys, laptop_keys
from vrijwilligers_app.services.exchange.package_read import read_package
from vrijwilligers_app.services.exchange.projection import keyer


def package(laptop, gemeente, folder):
    path = export_to(laptop, folder, gemeente)
    return read_package(path.read_bytes(), box_key=gemeente_keys(gemeente.data_dir).box_key)


def test_every_combination_in_the_demo_package_holds_at_least_five(laptop, gemeente,
                                                                   tmp_path):
    tables = package(laptop, gemeente, tmp_path / "usb").tables
    rows = tables["inwoners"]
    combinations = Counter((r["leeftijdsgroep"], r["pc4"], r["wijk"]) for r in rows)
    assert len(rows) > 100 and len(combinations) > 5
    assert min(combinations.values()) >= K, sorted(combinations.items(),
                                                   key=lambda kv: kv[1])[:5]
    # generalising happened (some PC4 dropped, some bands widened), not just dropping rows
    assert any(r["pc4"] is None for r in rows) and any(r["pc4"] for r in rows)
    assert {"65+", "18-44"} & {r["leeftijdsgroep"] for r in rows}
    # everyone exported is counted once: as a row or in the counts per wijk
    exported = laptop.rows("SELECT count(*) FROM resident WHERE archived_at IS NULL OR id IN "
                           "(SELECT resident_id FROM buddy_request) OR id IN (SELECT "
                           "resident_id FROM referral WHERE resident_id IS NOT NULL)")[0][0]
    assert len(rows) + sum(r["aantal"] for r in tables["inwoners_geteld"]) == exported


def test_only_residents_who_consented_to_be_counted_go_as_a_row(laptop, gemeente, tmp_path):
    key = keyer(laptop_keys(laptop.data_dir).pseudonym_secret)
    consenting = {key("inwoner", uuid) for uuid, in laptop.rows(
        "SELECT r.uuid FROM resident r JOIN consent c ON c.resident_id = r.id WHERE "
        "c.purpose = 'gemeente' AND c.withdrawn_on IS NULL")}
    withdrawn = laptop.rows("SELECT r.uuid FROM resident r JOIN consent c ON c.resident_id = "
                            "r.id WHERE c.purpose = 'gemeente' AND c.withdrawn_on IS NOT NULL")
    assert withdrawn  # the demo has residents who objected later
    tables = package(laptop, gemeente, tmp_path / "first").tables
    sent = {r["pseudoniem"] for r in tables["inwoners"]}
    assert sent <= consenting
    assert not sent & {key("inwoner", uuid) for uuid, in withdrawn}
    # requests and referrals of residents not sent as a row carry no pseudonym
    linked = {r["inwoner"] for t in ("maatjes_aanvragen", "doorverwijzingen")
              for r in tables[t] if r["inwoner"]}
    assert linked <= sent
    assert any(r["inwoner"] is None for r in tables["maatjes_aanvragen"])
    # withdrawing takes a resident out of the next export
    (resident_id, uuid), = laptop.rows(
        "SELECT r.id, r.uuid FROM resident r JOIN consent c ON c.resident_id = r.id WHERE "
        "c.purpose = 'gemeente' AND c.withdrawn_on IS NULL ORDER BY r.id LIMIT 1")
    withdraw_consent(laptop.engine, resident_id, "gemeente", None, DEMO_DATE, DEMO_DATE)
    later = package(laptop, gemeente, tmp_path / "second").tables
    assert key("inwoner", uuid) not in {r["pseudoniem"] for r in later["inwoners"]}


def test_without_a_gemeente_key_nothing_is_written_unless_on_purpose(laptop, tmp_path):
    sync = tmp_path / "OneDrive - Gemeente Helmond" / "uitwisseling"
    with pytest.raises(ExchangeError, match="niets geschreven"):
        export(laptop.engine, laptop.data_dir, sync, today=DEMO_DATE)
    with pytest.raises(ExchangeError, match="synchronisatiemap"):
        export(laptop.engine, laptop.data_dir, sync, today=DEMO_DATE, allow_unencrypted=True)
    assert not sync.exists()
    usb = tmp_path / "usb"
    result = export(laptop.engine, laptop.data_dir, usb, today=DEMO_DATE,
                    allow_unencrypted=True)
    assert not result.encrypted and result.path.parent == usb


ROWS = st.lists(st.builds(
    Row, key=st.uuids().map(str),
    band=st.sampled_from(["0-17", "18-26", "27-44", "45-64", "65-74", "75-84", "85+"]),
    pc4=st.sampled_from([None, "5701", "5702", "5703"]),
    wijk=st.sampled_from([None, "WK079410", "WK079411"])), max_size=80)


@given(ROWS)
def test_generalise_keeps_every_combination_at_k_or_counts_the_row(rows):
    sent, counted = generalise(rows)
    assert sorted(r.key for r in sent + counted) == sorted(r.key for r in rows)
    combinations = Counter((r.band, r.pc4, r.wijk) for r in sent)
    assert all(n >= K for n in combinations.values())
    original = {r.key: r for r in rows}
    for row in sent:  # only ever coarser: the PC4 kept or dropped, the wijk kept
        assert row.wijk == original[row.key].wijk
        assert row.pc4 in (None, original[row.key].pc4)


@given(ROWS)
def test_generalising_the_counts_decides_as_generalising_the_rows(rows):
    """The streaming export holds only the counts per combination (generalise_counts): it
    must send and count exactly the rows generalise() would."""
    sent, counted = generalise(rows)
    outcome = generalise_counts(Counter((r.band, r.pc4, r.wijk) for r in rows))
    original = {r.key: (r.band, r.pc4, r.wijk) for r in rows}
    assert {r.key: (r.band, r.pc4, r.wijk) for r in sent} == {
        key: outcome[combination] for key, combination in original.items()
        if outcome[combination] is not None}
    assert {r.key for r in counted} == {key for key, combination in original.items()
                                        if outcome[combination] is None}
