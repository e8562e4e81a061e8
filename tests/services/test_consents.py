"""The consent ledger: recording, withdrawing, what was shared before, bad input."""

from datetime import date

import pytest

from tests.helpers.db import rows
from tests.helpers.samples import destination
from vrijwilligers_app.domain import consent as rules
from vrijwilligers_app.services.consents import ledger, record_consent, withdraw_consent
from vrijwilligers_app.services.consents.ledger import remove_consent, restore_consent
from vrijwilligers_app.services.editing import FormErrors
from vrijwilligers_app.services.referrals import create_referral
from vrijwilligers_app.store.engine import write_session
from vrijwilligers_app.store.tables import Resident

TODAY = date(2026, 11, 23)
GIVEN = {"given_on": date(2026, 3, 2), "how": "schriftelijk", "recorded_by": "A. van Bussel"}


def snapshot(engine):
    return (rows(engine, "SELECT * FROM consent ORDER BY id"),
            rows(engine, "SELECT consent_recording, consent_recording_on, consent_sharing, "
                         "consent_sharing_on FROM resident ORDER BY id"))


@pytest.fixture
def person(register_engine) -> int:
    with write_session(register_engine) as session:
        resident = Resident(first_name="Riek", last_name="Swinkels", birth_year=1950,
                            district_code="WK079416")
        session.add(resident)
        session.flush()
        assert resident.id is not None
        resident_id = resident.id
    record_consent(register_engine, resident_id, {**GIVEN, "purpose": "vastleggen"}, TODAY)
    return resident_id


def test_ledger_lists_consents_and_the_cache_follows(register_engine, person):
    senzer = destination(register_engine, "senzer")
    record_consent(register_engine, person, {**GIVEN, "purpose": "delen",
                                             "destination_id": senzer,
                                             "given_on": "05-03-2026"}, TODAY)
    record_consent(register_engine, person, {**GIVEN, "purpose": "gemeente",
                                             "how": "mondeling"}, TODAY)
    listed = ledger(register_engine, person)
    assert [(r.purpose, r.organisation, r.given_on, r.how, r.recorded_by, r.withdrawn_on)
            for r in listed] == [
        ("delen", "Senzer – Werk en inkomen", date(2026, 3, 5), "Schriftelijk", "A. van Bussel",
         None),
        ("gemeente", "", date(2026, 3, 2), "Mondeling", "A. van Bussel", None),
        ("vastleggen", "", date(2026, 3, 2), "Schriftelijk", "A. van Bussel", None)]
    assert listed[0].what == "Gegevens delen met Senzer – Werk en inkomen"
    assert listed[0].short == "Delen met Senzer – Werk en inkomen"
    assert rows(register_engine, "SELECT consent_recording, consent_sharing, consent_sharing_on "
                "FROM resident") == [(1, 1, "2026-03-05")]


@pytest.mark.parametrize("changes, key, fragment", [
    ({"given_on": date(2026, 11, 24)}, "given_on", "ligt in de toekomst"),
    ({"given_on": "01-01-1949"}, "given_on", "vóór het geboortejaar van de inwoner (1950)"),
    ({"given_on": "31-02-2026"}, "given_on", "Gegeven op"),
    ({"given_on": None}, "given_on", "Vul de datum in"),
    ({"how": "per sms"}, "how", "mondeling of schriftelijk"),
    ({"recorded_by": ""}, "recorded_by", "wie de toestemming vastlegt"),
    ({"recorded_by": "BSN 111-222-333"}, "recorded_by", "burgerservicenummer"),
    ({"purpose": "alles"}, "purpose", "waarvoor"),
    ({"destination_id": None}, "destination_id", "organisatie van de sociale kaart"),
    ({"destination_id": 99999}, "destination_id", "organisatie van de sociale kaart"),
])
def test_bad_consents_are_refused_and_change_nothing(register_engine, person, changes, key,
                                                     fragment):
    before = snapshot(register_engine)
    values = {**GIVEN, "purpose": "delen",
              "destination_id": destination(register_engine, "ggz"), **changes}
    with pytest.raises(FormErrors) as caught:
        record_consent(register_engine, person, values, TODAY)
    assert key in caught.value.errors
    assert fragment in str(caught.value)
    assert snapshot(register_engine) == before


def test_the_same_current_consent_twice_is_refused(register_engine, person):
    with pytest.raises(FormErrors) as caught:
        record_consent(register_engine, person, {**GIVEN, "purpose": "vastleggen"}, TODAY)
    assert "al toestemming vastgelegd" in caught.value.errors["purpose"]


def test_withdrawing_stops_future_sharing_and_names_what_was_shared(register_engine, person):
    ggz, senzer = destination(register_engine, "ggz"), destination(register_engine, "senzer")
    for target in (ggz, senzer):
        record_consent(register_engine, person, {**GIVEN, "purpose": "delen",
                                                 "destination_id": target}, TODAY)
    referral = {"resident_id": person, "destination_id": ggz, "urgency": "normaal",
                "question": "Somber.", "signalled_on": date(2026, 4, 1),
                "life_domains": ["gezondheid"]}
    first = create_referral(register_engine, referral, TODAY)
    create_referral(register_engine, {**referral, "destination_id": senzer}, TODAY)
    result = withdraw_consent(register_engine, person, "delen", ggz, "01-05-2026", TODAY)
    assert [(s.referral_id, s.organisation, s.signalled_on) for s in result.shared_before] == [
        (first, "GGZ Oost-Brabant", date(2026, 4, 1))]
    assert "geen gegevens meer gedeeld met GGZ Oost-Brabant" in result.summary
    assert "01-04-2026: GGZ Oost-Brabant" in result.summary
    with pytest.raises(FormErrors) as caught:  # no new named referral to the GGZ
        create_referral(register_engine, referral, TODAY)
    assert "GGZ Oost-Brabant" in caught.value.errors["destination_id"]
    # ... while Senzer still may, and the cache still shows sharing
    create_referral(register_engine, {**referral, "destination_id": senzer}, TODAY)
    assert rows(register_engine, "SELECT consent_sharing FROM resident") == [(1,)]
    # undo of the withdrawal
    restore_consent(register_engine, result.consent_id)
    create_referral(register_engine, referral, TODAY)


def test_withdrawing_a_consent_never_given_is_refused(register_engine, person):
    before = snapshot(register_engine)
    ggz = destination(register_engine, "ggz")
    for purpose, target in (("delen", ggz), ("gemeente", None)):
        with pytest.raises(FormErrors) as caught:
            withdraw_consent(register_engine, person, purpose, target, TODAY, TODAY)
        assert "nooit gegeven of al ingetrokken" in caught.value.errors["purpose"]
    with pytest.raises(FormErrors) as caught:
        withdraw_consent(register_engine, person, "vastleggen", None, "01-01-2026", TODAY)
    assert "vóór de datum waarop de toestemming werd gegeven" in caught.value.errors[
        "withdrawn_on"]
    with pytest.raises(FormErrors) as caught:
        withdraw_consent(register_engine, person, "vastleggen", None, "24-11-2026", TODAY)
    assert "toekomst" in caught.value.errors["withdrawn_on"]
    assert snapshot(register_engine) == before


def test_withdrawn_recording_consent_clears_the_cache_and_undo_of_a_new_one(register_engine,
                                                                          person):
    result = withdraw_consent(register_engine, person, "vastleggen", None, TODAY, TODAY)
    assert "Vergeten" in result.summary
    assert rows(register_engine, "SELECT consent_recording, consent_recording_on FROM "
                "resident") == [(0, None)]
    new = record_consent(register_engine, person, {**GIVEN, "purpose": "gemeente"}, TODAY)
    remove_consent(register_engine, new)
    assert [r.purpose for r in ledger(register_engine, person)] == ["vastleggen"]


def test_domain_current_for_picks_the_earliest_current_consent():
    entries = [rules.Entry(1, "delen", 7, date(2026, 1, 1), date(2026, 2, 1)),
               rules.Entry(2, "delen", 7, date(2026, 3, 1), None),
               rules.Entry(3, "delen", 8, date(2025, 3, 1), None)]
    assert rules.current_for(entries, "delen", 7) == entries[1]
    assert rules.current_for(entries, "gemeente") is None


def test_consent_form_names_the_resident_organisations_and_signature_lines(register_engine,
                                                                           person):
    import io

    from pypdf import PdfReader

    from vrijwilligers_app.services.reports.consent_form import build_consent_form
    from vrijwilligers_app.services.reports.document import render

    senzer, ggz = destination(register_engine, "senzer"), destination(register_engine, "ggz")
    record_consent(register_engine, person, {**GIVEN, "purpose": "delen",
                                             "destination_id": senzer}, TODAY)
    data = render(build_consent_form(register_engine, person, TODAY, [ggz]))
    reader = PdfReader(io.BytesIO(data))
    words = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert len(reader.pages) == 1  # one A4 to sign
    for expected in ("Toestemmingsformulier", "Riek Swinkels", "Senzer (Werk en inkomen)",
                     "GGZ Oost-Brabant", "meetellen in de cijfers voor de gemeente",
                     "Handtekening inwoner", "Naam en handtekening vrijwilliger",
                     "gegeven op 02-03-2026 (schriftelijk)", "intrekken"):
        assert expected in words, expected
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert (round(float(width)), round(float(height))) == (595, 842)  # A4 in points


def test_demo_cache_is_the_ledger(demo_klein_engine):
    """The demo writes the resident's consent columns itself (one pass); they must say what
    the ledger says, as services.consents would have written them."""
    cache = rows(demo_klein_engine, "SELECT id, consent_recording, consent_recording_on, "
                 "consent_sharing, consent_sharing_on FROM resident ORDER BY id")
    truth = rows(demo_klein_engine, """
        SELECT r.id, rec IS NOT NULL, rec, sha IS NOT NULL, sha FROM resident r LEFT JOIN (
            SELECT resident_id,
                   min(CASE WHEN purpose = 'vastleggen' THEN given_on END) AS rec,
                   min(CASE WHEN purpose = 'delen' THEN given_on END) AS sha
            FROM consent WHERE withdrawn_on IS NULL GROUP BY resident_id) a
          ON a.resident_id = r.id ORDER BY r.id""")
    assert cache == truth
    assert {row[3] for row in cache} == {0, 1}  # some share, some do not
    purposes = dict(rows(demo_klein_engine, "SELECT purpose, count(*) FROM consent "
                         "GROUP BY purpose"))
    assert purposes["vastleggen"] == len(cache) and purposes["delen"] > purposes["gemeente"] > 0
    assert rows(demo_klein_engine, "SELECT count(*) FROM consent WHERE withdrawn_on IS NOT "
                "NULL")[0][0] > 0
    assert {how for how, in rows(demo_klein_engine, "SELECT DISTINCT how FROM consent")} == {
        "mondeling", "schriftelijk"}
