"""Return packages: the gemeente's status events reach the laptop's referral history, only
from the pinned gemeente key, once; sociale kaart and code lists are brought up to date."""

import shutil
from datetime import date

import pytest
from nacl.signing import SigningKey
from sqlalchemy import text

from tests.helpers.exchange import export_to, repack, resign, unpack
from tests.helpers.samples import DEMO_DATE
from vrijwilligers_app.services.exchange.errors import ExchangeError
from vrijwilligers_app.services.exchange.gemeente_returns import add_status_event, write_returns
from vrijwilligers_app.services.exchange.keys import (
    GemeentePublicKey,
    gemeente_keys,
    pin_gemeente_key,
    pinned_gemeente_key,
)
from vrijwilligers_app.services.exchange.laptop_returns import read_returns
from vrijwilligers_app.services.exchange.merge import import_packages, snapshot_rows
from vrijwilligers_app.services.exchange.scan import IGNORED, IMPORTED, REFUSED
from vrijwilligers_app.services.exchange.sync import sync
from vrijwilligers_app.store.engine import write_session


@pytest.fixture
def connected(laptop, gemeente, tmp_path):
    """The laptop pinned the gemeente key and its first export was merged."""
    folder = tmp_path / "sync"
    export_to(laptop, folder, gemeente_side=gemeente)
    assert import_packages(gemeente.engine, gemeente.data_dir, [folder]).refused == []
    return folder


def _open_referral(gemeente):
    """A referral in the snapshot that is aangemeld and waits for contact."""
    return next(row for _, row in snapshot_rows(gemeente.engine, "doorverwijzingen")
                if row["status"] == "aangemeld")


def test_status_event_from_the_gemeente_lands_in_the_history_once(laptop, gemeente, connected):
    referral = _open_referral(gemeente)
    source_id = snapshot_rows(gemeente.engine, "doorverwijzingen")[0][0]
    add_status_event(gemeente.engine, source_id, referral["id"], "contact", DEMO_DATE,
                     today=DEMO_DATE)
    written = write_returns(gemeente.engine, gemeente.data_dir, connected, gemeente.register)
    assert [w.events for w in written] == [1]
    events_before = laptop.rows("SELECT count(*) FROM referral_event")[0][0]

    first = read_returns(laptop.engine, laptop.data_dir, [connected])
    assert [o.status for o in first.outcomes] == [IMPORTED]
    assert "1 statusmoment(en) toegevoegd" in first.outcomes[0].note
    rows = laptop.rows("""SELECT r.status, e.kind, e.source, r.first_contact_on
                          FROM referral_event e JOIN referral r ON r.id = e.referral_id
                          WHERE e.source = 'gemeente'""")
    # the cached status and milestones follow: the waiting time ends on the gemeente's day
    assert rows == [("contact", "contact", "gemeente", DEMO_DATE.isoformat())]
    after_first = laptop.rows("SELECT * FROM referral_event ORDER BY id")
    assert len(after_first) == events_before + 1

    # Again, and as a renamed copy: nothing changes (quietly in a folder, reported by name).
    copy = connected / "terugmelding (kopie).zip"
    shutil.copy(written[0].path, copy)
    again = read_returns(laptop.engine, laptop.data_dir, [connected])
    assert again.outcomes == []
    named = read_returns(laptop.engine, laptop.data_dir, [copy])
    assert [o.status for o in named.outcomes] == [IGNORED]
    assert laptop.rows("SELECT * FROM referral_event ORDER BY id") == after_first

    # The next export carries the gemeente's event with its own id: the gemeente sees it.
    export_to(laptop, connected)
    import_packages(gemeente.engine, gemeente.data_dir, [connected])
    ids = {row["id"] for _, row in snapshot_rows(gemeente.engine, "statusmomenten")}
    assert gemeente.rows("SELECT uuid FROM gemeente_status_event")[0][0] in ids


def test_return_signed_by_another_key_is_refused_and_changes_nothing(laptop, gemeente,
                                                                     connected, tmp_path):
    [written] = write_returns(gemeente.engine, gemeente.data_dir, tmp_path / "terug",
                              gemeente.register)
    forged = tmp_path / "vervalst.zip"
    forged.write_bytes(repack(resign(unpack(written.path.read_bytes()), SigningKey.generate())))
    before = laptop.rows("SELECT * FROM referral_event ORDER BY id")
    report = read_returns(laptop.engine, laptop.data_dir, [forged])
    assert [o.status for o in report.outcomes] == [REFUSED]
    assert "niet ondertekend met de vastgelegde gemeentesleutel" in report.outcomes[0].reason
    assert laptop.rows("SELECT * FROM referral_event ORDER BY id") == before
    assert laptop.rows("SELECT count(*) FROM exchange_package") == [(0,)]


def test_return_without_a_pinned_gemeente_key_is_refused(laptop, gemeente, tmp_path):
    import_packages(gemeente.engine, gemeente.data_dir, [export_to(laptop, tmp_path / "s")])
    [written] = write_returns(gemeente.engine, gemeente.data_dir, tmp_path / "terug",
                              gemeente.register)
    report = read_returns(laptop.engine, laptop.data_dir, [written.path])
    assert report.outcomes[0].status == REFUSED
    assert "nog geen gemeentesleutel" in report.outcomes[0].reason


def test_return_updates_the_sociale_kaart_and_code_lists(laptop, gemeente, connected):
    with write_session(gemeente.register) as session:
        session.execute(text("UPDATE destination SET phone = '+31492587587', "
                             "agreed_response_days = 5 WHERE code = 'sth'"))
        session.execute(text("INSERT INTO visitor_type (code, name, sort_order, active) "
                             "VALUES ('buurtbewoner', 'Buurtbewoners', 9, 1)"))
    write_returns(gemeente.engine, gemeente.data_dir, connected, gemeente.register)
    report = read_returns(laptop.engine, laptop.data_dir, [connected])
    assert "1 organisaties en 1 codes bijgewerkt" in report.outcomes[0].note
    assert laptop.rows("SELECT phone, agreed_response_days FROM destination "
                       "WHERE code = 'sth'") == [("+31492587587", 5)]
    assert laptop.rows("SELECT name FROM visitor_type WHERE code = 'buurtbewoner'") == \
        [("Buurtbewoners",)]


def test_older_return_is_ignored(laptop, gemeente, connected, tmp_path):
    [older] = write_returns(gemeente.engine, gemeente.data_dir, tmp_path / "1", gemeente.register)
    [newer] = write_returns(gemeente.engine, gemeente.data_dir, tmp_path / "2", gemeente.register)
    assert read_returns(laptop.engine, laptop.data_dir, [newer.path]).outcomes[0].status == \
        IMPORTED
    report = read_returns(laptop.engine, laptop.data_dir, [older.path])
    assert report.outcomes[0].status == IGNORED
    assert "ouder of herhaald volgnummer" in report.outcomes[0].reason


def test_gemeente_status_event_is_checked(gemeente, connected):
    referral = _open_referral(gemeente)
    source_id = snapshot_rows(gemeente.engine, "doorverwijzingen")[0][0]
    with pytest.raises(ExchangeError, match="toekomst"):
        add_status_event(gemeente.engine, source_id, referral["id"], "contact",
                         date(2030, 1, 1), today=DEMO_DATE)
    with pytest.raises(ExchangeError, match="Onbekende status"):
        add_status_event(gemeente.engine, source_id, referral["id"], "opgelost", DEMO_DATE,
                         today=DEMO_DATE)
    with pytest.raises(ExchangeError, match="niet bekend"):
        add_status_event(gemeente.engine, source_id, "0" * 32, "contact", DEMO_DATE,
                         today=DEMO_DATE)
    with pytest.raises(ExchangeError, match="onbekend"):
        add_status_event(gemeente.engine, "ffffffff", referral["id"], "contact", DEMO_DATE,
                         today=DEMO_DATE)
    with pytest.raises(ExchangeError, match="onbekend"):  # too short to be sure
        add_status_event(gemeente.engine, source_id[:4], referral["id"], "contact",
                         DEMO_DATE, today=DEMO_DATE)
    assert gemeente.rows("SELECT count(*) FROM gemeente_status_event") == [(0,)]
    # the short id the app shows (bronnen, overzicht, file names) is enough
    add_status_event(gemeente.engine, source_id[:8].upper(), referral["id"], "contact",
                     DEMO_DATE, today=DEMO_DATE)
    assert gemeente.rows("SELECT source_id FROM gemeente_status_event") == [(source_id,)]


def test_pinning_another_gemeente_key_needs_replace(laptop, gemeente):
    original = gemeente_keys(gemeente.data_dir).public
    pin_gemeente_key(laptop.engine, original)
    other = GemeentePublicKey("Nep", SigningKey.generate().verify_key.encode().hex(),
                              original.box_hex)
    with pytest.raises(ExchangeError, match="andere gemeentesleutel"):
        pin_gemeente_key(laptop.engine, other)
    assert pinned_gemeente_key(laptop.engine) == original
    pin_gemeente_key(laptop.engine, other, replace=True)
    assert pinned_gemeente_key(laptop.engine) == other


def test_sync_exports_and_reads_returns(laptop, gemeente, connected):
    write_returns(gemeente.engine, gemeente.data_dir, connected, gemeente.register)
    result = sync(laptop.engine, laptop.data_dir, connected, today=DEMO_DATE)
    assert result.exported.sequence == 2 and result.exported.encrypted
    assert [o.status for o in result.returns.outcomes] == [IMPORTED]
    assert "versleuteld" in result.as_text()


def test_a_replaced_gemeente_key_counts_its_sequence_numbers_afresh(laptop, gemeente,
                                                                    connected, tmp_path,
                                                                    template_database):
    from tests.services.exchange.conftest import _side, enrol
    from vrijwilligers_app.services.exchange.keys import create_gemeente_keys

    for number in range(3):
        write_returns(gemeente.engine, gemeente.data_dir, tmp_path / f"oud{number}",
                      gemeente.register)
        read_returns(laptop.engine, laptop.data_dir, [tmp_path / f"oud{number}"])
    new = _side(template_database, tmp_path / "nieuwe-gemeente")
    pin_gemeente_key(laptop.engine, create_gemeente_keys(new.data_dir, "Nieuw").public,
                     replace=True)
    export_to(laptop, tmp_path / "naar-nieuw")
    enrol(new, laptop)  # issue 17: the new gemeente accepts the laptop's key first
    import_packages(new.engine, new.data_dir, [tmp_path / "naar-nieuw"])
    [written] = write_returns(new.engine, new.data_dir, tmp_path / "nieuw", new.register)
    report = read_returns(laptop.engine, laptop.data_dir, [written.path])
    assert [o.status for o in report.outcomes] == [IMPORTED], report.as_text()
    new.engine.dispose()


def test_frictionless_validate_passes_on_a_return_package(gemeente, connected, tmp_path):
    import io
    import zipfile

    from frictionless import validate

    source_id = snapshot_rows(gemeente.engine, "doorverwijzingen")[0][0]
    add_status_event(gemeente.engine, source_id, _open_referral(gemeente)["id"], "contact",
                     DEMO_DATE, today=DEMO_DATE)
    [written] = write_returns(gemeente.engine, gemeente.data_dir, tmp_path / "terug",
                              gemeente.register)
    folder = tmp_path / "uitgepakt"
    with zipfile.ZipFile(io.BytesIO(written.path.read_bytes())) as archive:
        archive.extractall(folder)  # our own package, in a test
    report = validate(str(folder / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]
