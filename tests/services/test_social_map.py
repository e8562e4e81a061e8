"""De sociale kaart: listing, adding, changing and switching off destinations."""

import pytest
from sqlalchemy import text

from tests.helpers.samples import TODAY, anonymous
from vrijwilligers_app.services.editing import FormErrors
from vrijwilligers_app.services.referrals import create_referral
from vrijwilligers_app.services.social_map import list_destinations, save_destination

NEW = {"organisation": "Buurtteam Rijpelberg", "service": "Spreekuur",
       "phone": "0492-123456", "email": "Spreekuur@Buurtteam.NL", "website": "buurtteam.nl",
       "agreed_response_days": "5", "life_domains": ["samenleven", "wonen"]}


def snapshot(engine):
    with engine.connect() as connection:
        return (connection.execute(text("SELECT * FROM destination ORDER BY id")).all(),
                connection.execute(text("SELECT * FROM destination_life_domain "
                                        "ORDER BY 1, 2")).all())


def refused(engine, values, destination_id=None) -> dict[str, str]:
    before = snapshot(engine)
    with pytest.raises(FormErrors) as caught:
        save_destination(engine, values, destination_id)
    assert snapshot(engine) == before
    return caught.value.errors


def test_the_shipped_list_is_there_with_usage(register_engine):
    rows = list_destinations(register_engine)
    assert len(rows) >= 10 and all(r.active for r in rows)
    sth = next(r for r in rows if r.code == "sth")
    assert sth.organisation == "Stichting Sociale Teams Helmond" and sth.agreed_response_days == 14
    assert "wonen" in sth.life_domains and sth.referrals == 0
    create_referral(register_engine, anonymous(register_engine, destination_id=sth.id), TODAY)
    assert next(r for r in list_destinations(register_engine) if r.id == sth.id).referrals == 1


def test_add_normalises_and_offers_it_for_referrals(register_engine):
    new_id = save_destination(register_engine, NEW)
    row = next(r for r in list_destinations(register_engine) if r.id == new_id)
    assert (row.code, row.phone, row.email, row.website, row.agreed_response_days) == (
        "buurtteam_rijpelberg_spreekuur", "+31492123456", "Spreekuur@buurtteam.nl",
        "https://buurtteam.nl", 5)
    assert row.life_domains == ("samenleven", "wonen")
    assert row.name == "Buurtteam Rijpelberg – Spreekuur"
    rid = create_referral(register_engine, anonymous(register_engine, destination_id=new_id),
                          TODAY)
    assert rid > 0
    # the same name again gets its own code; the same organisation + service is refused
    errors = refused(register_engine, NEW)
    assert "al op de sociale kaart" in errors["service"]
    other = save_destination(register_engine, {**NEW, "service": "Spreekuur!"})
    codes = {r.id: r.code for r in list_destinations(register_engine)}
    assert codes[other] == "buurtteam_rijpelberg_spreekuur_2"


def test_change_and_switch_off(register_engine):
    sth = next(r for r in list_destinations(register_engine) if r.code == "sth")
    save_destination(register_engine, {
        "organisation": sth.organisation, "service": sth.service, "phone": "",
        "email": "", "website": sth.website, "agreed_response_days": "",
        "life_domains": ["wonen"], "active": False}, sth.id)
    row = next(r for r in list_destinations(register_engine) if r.id == sth.id)
    assert (row.active, row.agreed_response_days, row.life_domains, row.code) == (
        False, None, ("wonen",), "sth")
    assert list_destinations(register_engine)[-1].id == sth.id  # inactive ones last
    errors = {}
    with pytest.raises(FormErrors) as caught:
        create_referral(register_engine, anonymous(register_engine, destination_id=sth.id),
                        TODAY)
    errors = caught.value.errors
    assert "niet meer actief" in errors["destination_id"]


@pytest.mark.parametrize(("changes", "key", "words"), [
    ({"organisation": "  "}, "organisation", "naam van de organisatie"),
    ({"organisation": "x" * 121}, "organisation", "Maximaal 120"),
    ({"phone": "bel maar"}, "phone", "geen geldig telefoonnummer"),
    ({"email": "info@@x.nl"}, "email", "geen geldig e-mailadres"),
    ({"website": "niet een adres"}, "website", "geen webadres"),
    ({"agreed_response_days": "twee weken"}, "agreed_response_days", "heel getal"),
    ({"agreed_response_days": "-3"}, "agreed_response_days", "0 tot en met 365"),
    ({"life_domains": []}, "life_domains", "minstens één"),
    ({"life_domains": ["geluk"]}, "life_domains", "Onbekend leefdomein: geluk"),
])
def test_bad_input_is_refused_and_changes_nothing(register_engine, changes, key, words):
    errors = refused(register_engine, {**NEW, **changes})
    assert words in errors[key]


def test_a_vanished_destination_is_reported(register_engine):
    errors = refused(register_engine, NEW, destination_id=99_999)
    assert "bestaat niet meer" in errors["organisation"]
