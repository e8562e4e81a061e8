"""Doorverwijzingen: creating, events in order, overdue follow-ups, figures from SQL."""

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from tests.helpers.db import rows
from tests.helpers.samples import SIGNALLED, TODAY, anonymous, destination
from vrijwilligers_app.domain.referral_rules import current_status, validate_history
from vrijwilligers_app.domain.validation import BSN_WARNING
from vrijwilligers_app.services.consents import record_consent
from vrijwilligers_app.services.editing import FormErrors
from vrijwilligers_app.services.referral_figures import referral_figures
from vrijwilligers_app.services.referrals import (
    ReferralNotFound,
    add_event,
    create_referral,
    overdue_referrals,
    referral_history,
)
from vrijwilligers_app.store.engine import write_session
from vrijwilligers_app.store.tables import Destination, Resident

BSN = "111222333"  # passes the 11-proof


def counts(engine) -> tuple[int, int, int]:
    return rows(engine, "SELECT (SELECT count(*) FROM referral), (SELECT count(*) FROM "
                "referral_event), (SELECT count(*) FROM referral_life_domain)")[0]


def refused(engine, values) -> dict[str, str]:
    before = counts(engine)
    with pytest.raises(FormErrors) as caught:
        create_referral(engine, values, TODAY)
    assert counts(engine) == before
    return caught.value.errors


def resident(engine, sharing: str | None = "huisarts") -> int:
    """A resident who consented to recording and (by default) to sharing with the huisarts."""
    with write_session(engine) as session:
        person = Resident(first_name="Riek", last_name="Swinkels", birth_year=1950,
                          district_code="WK079416")
        session.add(person)
        session.flush()
        assert person.id is not None
        person_id = person.id
    consent = {"given_on": date(2026, 1, 5), "how": "schriftelijk", "recorded_by": "M. Verhoeven"}
    record_consent(engine, person_id, {**consent, "purpose": "vastleggen"}, TODAY)
    if sharing:
        record_consent(engine, person_id, {**consent, "purpose": "delen",
                                           "destination_id": destination(engine, sharing)},
                       TODAY)
    return person_id


def test_anonymous_referral_with_signal_event(register_engine):
    rid = create_referral(register_engine, anonymous(register_engine), TODAY)
    (status, follow_up, band, district), = rows(
        register_engine, "SELECT status, follow_up_on, age_band, district_code FROM referral "
        "WHERE id = :i", i=rid)
    # normaal at the huisarts (agreed 7 days): follow-up a week after the signal.
    assert (status, follow_up) == ("gesignaleerd", "2026-10-08")
    assert (band, district) == ("65-74", "WK079412")
    assert [line.kind for line in referral_history(register_engine, rid)] == ["gesignaleerd"]
    assert rows(register_engine, "SELECT life_domain_code FROM referral_life_domain") == [
        ("gezondheid",)]


def test_resident_referral_needs_sharing_consent_for_that_organisation(register_engine):
    person = resident(register_engine)  # consented to the huisarts only
    values = anonymous(register_engine, resident_id=person, district_code=None, age_band="")
    errors = refused(register_engine, {**values,
                                       "destination_id": destination(register_engine, "ggz")})
    assert set(errors) == {"destination_id"}
    assert "geen geldige toestemming om gegevens te delen met GGZ Oost-Brabant" in errors[
        "destination_id"]
    rid = create_referral(register_engine, values, TODAY)
    # Wijk and age band come from the resident; the consent's date is kept on the referral.
    assert rows(register_engine, "SELECT district_code, age_band, resident_id, "
                "consent_pass_on, consent_pass_on_date FROM referral WHERE id = :i", i=rid) == [
        ("WK079416", "75-84", person, 1, "2026-01-05")]


def test_forwarding_a_named_referral_needs_consent_for_the_new_organisation(register_engine):
    person = resident(register_engine)
    rid = create_referral(register_engine, anonymous(
        register_engine, resident_id=person, district_code=None, age_band=""), TODAY)
    add_event(register_engine, rid, "aangemeld", date(2026, 10, 2), today=TODAY)
    with pytest.raises(FormErrors) as caught:
        add_event(register_engine, rid, "doorgestuurd", date(2026, 10, 3),
                  destination_id=destination(register_engine, "ggz"), today=TODAY)
    assert "GGZ Oost-Brabant" in caught.value.errors["destination_id"]
    assert [line.kind for line in referral_history(register_engine, rid)] == [
        "gesignaleerd", "aangemeld"]


def test_the_database_refuses_a_named_referral_without_consent(register_engine):
    """The trigger of migration 0007 guards every code path, not only the service."""
    person = resident(register_engine, sharing=None)
    ggz = destination(register_engine, "ggz")
    with pytest.raises(IntegrityError, match="zonder toestemming"), \
            register_engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO referral (uuid, created_at, updated_at, resident_id, destination_id, "
            "urgency, consent_pass_on, consent_pass_on_date, question, signalled_on, status, "
            "age_band, life_domain_key) VALUES ('x', '2026-10-01', '2026-10-01', :p, :d, "
            "'normaal', 1, '2026-10-01', '', '2026-10-01', 'gesignaleerd', '', '')"),
            {"p": person, "d": ggz})
    assert counts(register_engine)[0] == 0


@pytest.mark.parametrize("changes, key", [
    ({"district_code": None}, "district_code"),
    ({"age_band": ""}, "age_band"),
    ({"age_band": "oud"}, "age_band"),
    ({"district_code": "WK999999"}, "district_code"),
    ({"destination_id": 99999}, "destination_id"),
    ({"destination_id": None}, "destination_id"),
    ({"urgency": "laag"}, "urgency"),
    ({"question": f"BSN {BSN} bellen"}, "question"),
    ({"question": ""}, "question"),
    ({"life_domains": ["geluk"]}, "life_domains"),
    ({"life_domains": []}, "life_domains"),
    ({"signalled_on": TODAY + timedelta(days=1)}, "signalled_on"),
    ({"signalled_on": None}, "signalled_on"),
    ({"resident_id": 99999}, "resident_id"),
    ({"volunteer_id": 99999}, "volunteer_id"),
])
def test_bad_referrals_are_refused_whole(register_engine, changes, key):
    errors = refused(register_engine, anonymous(register_engine, **changes))
    assert key in errors
    assert all(message.endswith(".") for message in errors.values())
    if key == "question" and changes["question"]:
        assert errors[key] == BSN_WARNING


def test_inactive_destination_is_refused(register_engine):
    huisarts = destination(register_engine, "huisarts")
    with write_session(register_engine) as session:
        record = session.get(Destination, huisarts)
        assert record is not None
        record.active = False
        session.add(record)
    assert "niet meer actief" in refused(register_engine, anonymous(register_engine))[
        "destination_id"]


def test_events_update_status_and_follow_up(register_engine):
    rid = create_referral(register_engine, anonymous(register_engine, urgency="hoog"), TODAY)
    add_event(register_engine, rid, "aangemeld", date(2026, 10, 2), today=TODAY)
    add_event(register_engine, rid, "nagebeld", date(2026, 10, 9), outcome="Nog geen contact",
              today=TODAY)
    state = rows(register_engine, "SELECT status, follow_up_on FROM referral")
    assert state == [("nagebeld", "2026-10-16")]  # hoog: a week after the call
    add_event(register_engine, rid, "contact", date(2026, 10, 12), today=TODAY)
    add_event(register_engine, rid, "geholpen", date(2026, 10, 20), today=TODAY)
    add_event(register_engine, rid, "afgesloten", date(2026, 10, 21), note="Klaar",
              today=TODAY)
    assert rows(register_engine, "SELECT status, follow_up_on FROM referral") == [
        ("afgesloten", None)]
    history = referral_history(register_engine, rid)
    assert [line.label for line in history][-2:] == ["Geholpen", "Afgesloten"]
    assert history[-1].occurred_at == datetime(2026, 10, 21, 12, tzinfo=UTC)


def test_past_event_may_be_inserted_between_others(register_engine):
    rid = create_referral(register_engine, anonymous(register_engine), TODAY)
    add_event(register_engine, rid, "aangemeld", date(2026, 10, 2), today=TODAY)
    add_event(register_engine, rid, "geholpen", date(2026, 10, 20), today=TODAY)
    add_event(register_engine, rid, "contact", date(2026, 10, 5), today=TODAY)
    assert [e.kind for e in referral_history(register_engine, rid)] == [
        "gesignaleerd", "aangemeld", "contact", "geholpen"]
    assert rows(register_engine, "SELECT status FROM referral") == [("geholpen",)]


def refused_event(engine, rid, *args, **kwargs) -> dict[str, str]:
    before = counts(engine), rows(engine, "SELECT status, follow_up_on FROM referral")
    with pytest.raises(FormErrors) as caught:
        add_event(engine, rid, *args, today=TODAY, **kwargs)
    assert (counts(engine), rows(engine, "SELECT status, follow_up_on FROM referral")) == before
    return caught.value.errors


def test_bad_events_are_refused_and_nothing_changes(register_engine):
    rid = create_referral(register_engine, anonymous(register_engine), TODAY)
    errors = refused_event(register_engine, rid, "aangemeld", date(2026, 9, 30))
    assert errors == {"occurred_at": "'Aangemeld bij organisatie' op 30-09-2026 ligt vóór de "
                      "signaleringsdatum 01-10-2026."}
    errors = refused_event(register_engine, rid, "geholpen", date(2026, 10, 3))
    assert errors["occurred_at"] == ("'Geholpen' op 03-10-2026 kan pas na 'Aangemeld bij "
                                     "organisatie'.")
    assert "toekomst" in refused_event(register_engine, rid, "aangemeld",
                                       TODAY + timedelta(days=1))["occurred_at"]
    assert "kind" in refused_event(register_engine, rid, "gesignaleerd", date(2026, 10, 3))
    assert "kind" in refused_event(register_engine, rid, "opgebeld", date(2026, 10, 3))
    assert "outcome" in refused_event(register_engine, rid, "nagebeld", date(2026, 10, 3))
    assert refused_event(register_engine, rid, "nagebeld", date(2026, 10, 3),
                         outcome=BSN)["outcome"] == BSN_WARNING
    add_event(register_engine, rid, "aangemeld", date(2026, 10, 2), today=TODAY)
    assert "destination_id" in refused_event(register_engine, rid, "doorgestuurd",
                                             date(2026, 10, 3))
    assert "destination_id" in refused_event(
        register_engine, rid, "doorgestuurd", date(2026, 10, 3),
        destination_id=destination(register_engine, "huisarts"))
    assert "destination_id" in refused_event(
        register_engine, rid, "contact", date(2026, 10, 3),
        destination_id=destination(register_engine, "ggd"))
    with pytest.raises(ReferralNotFound, match="bestaat niet meer"):
        add_event(register_engine, 99999, "contact", date(2026, 10, 3), today=TODAY)


def test_forwarding_uses_the_new_destinations_agreed_time(register_engine):
    rid = create_referral(register_engine, anonymous(register_engine), TODAY)
    add_event(register_engine, rid, "aangemeld", date(2026, 10, 2), today=TODAY)
    add_event(register_engine, rid, "afgewezen", date(2026, 10, 6), today=TODAY)
    assert rows(register_engine, "SELECT status, follow_up_on FROM referral") == [
        ("afgewezen", None)]
    add_event(register_engine, rid, "doorgestuurd", date(2026, 10, 7),
              destination_id=destination(register_engine, "bijzondere_bijstand"), today=TODAY)
    # Bijzondere bijstand agreed 28 days.
    assert rows(register_engine, "SELECT status, follow_up_on FROM referral") == [
        ("doorgestuurd", "2026-11-04")]
    late = overdue_referrals(register_engine, TODAY)
    assert [(o.referral_id, o.days_late) for o in late] == [(rid, 19)]
    assert late[0].destination == "Gemeente Helmond – Bijzondere bijstand"


def test_overdue_sorted_by_lateness(register_engine):
    ids = {}
    for name, urgency, day in (("a", "normaal", date(2026, 11, 1)),
                               ("b", "spoed", date(2026, 11, 15)),
                               ("c", "hoog", date(2026, 10, 20)),
                               ("d", "spoed", date(2026, 11, 22))):
        ids[name] = create_referral(register_engine, anonymous(
            register_engine, urgency=urgency, signalled_on=day), TODAY)
    closed = create_referral(register_engine, anonymous(register_engine), TODAY)
    add_event(register_engine, closed, "aangemeld", SIGNALLED, today=TODAY)
    add_event(register_engine, closed, "afgesloten", SIGNALLED, today=TODAY)
    late = overdue_referrals(register_engine, TODAY)
    # c: 20-10 + 7 = 27-10 (27 days late); a: 01-11 + 7 (huisarts) = 08-11 (15);
    # b: 15-11 + 2 = 17-11 (6); d: 22-11 + 2 = 24-11, not yet late.
    assert [(o.referral_id, o.days_late) for o in late] == [
        (ids["c"], 27), (ids["a"], 15), (ids["b"], 6)]
    assert [o.referral_id for o in overdue_referrals(register_engine, TODAY, limit=1)] == [
        ids["c"]]


def test_figures_from_sql_match_a_hand_computation(register_engine):
    huisarts, ggd = destination(register_engine, "huisarts"), destination(register_engine,
                                                                          "ggd")
    first = create_referral(register_engine, anonymous(register_engine), TODAY)
    for kind, day in (("aangemeld", 2), ("contact", 5), ("geholpen", 12), ("afgesloten", 13)):
        add_event(register_engine, first, kind, date(2026, 10, day), today=TODAY)
    second = create_referral(register_engine, anonymous(
        register_engine, destination_id=ggd, urgency="spoed",
        life_domains=["gezondheid", "veiligheid"]), TODAY)
    add_event(register_engine, second, "aangemeld", date(2026, 10, 3), today=TODAY)
    # Reopened: helped, closed, aangemeld again and still open.
    reopened = create_referral(register_engine, anonymous(register_engine), TODAY)
    for kind, day in (("aangemeld", 1), ("contact", 2), ("geholpen", 4), ("afgesloten", 5),
                      ("aangemeld", 20)):
        add_event(register_engine, reopened, kind, date(2026, 10, day), today=TODAY)
    create_referral(register_engine, anonymous(register_engine, signalled_on=date(2026, 11, 1)),
                    TODAY)  # not yet aangemeld
    create_referral(register_engine, anonymous(register_engine, signalled_on=date(2025, 1, 1)),
                    TODAY)  # outside the period
    rows_ = referral_figures(register_engine, "destination", date(2026, 1, 1),
                             date(2026, 12, 31), TODAY)
    by_key = {row.key: row for row in rows_}
    assert [row.label for row in rows_] == [
        "GGD Brabant-Zuidoost – Publieke gezondheid",
        "Huisarts / praktijkondersteuner – Eerste lijn", "Totaal"]
    assert rows_[-1].key is None
    ha = by_key[str(huisarts)].figures
    assert (ha.referrals, ha.not_registered) == (3, 1)
    # Waiting: first 3 days, reopened 1 day -> median 1 (lower), p90 3, none open.
    assert (ha.waiting.median, ha.waiting.p90, ha.waiting.open) == (1, 3, 0)
    # Lead: first 10 days (aangemeld 2-10 -> geholpen 12-10); reopened open since 1-10 (53).
    assert (ha.lead.observed, ha.lead.open, ha.lead.oldest_open) == (1, 1, 53)
    assert (ha.lead.median, ha.lead.maximum, ha.lead.maximum_open) == (10, 53, True)
    assert (ha.on_time, ha.late) == (2, 0)  # agreed 7 days
    gg = by_key[str(ggd)].figures
    assert (gg.waiting.open, gg.waiting.oldest_open, gg.waiting.median) == (1, 51, None)
    assert (gg.on_time, gg.late) == (0, 1)  # agreed 14 days, waiting 51
    total = rows_[-1].figures
    assert (total.referrals, total.waiting.count, total.lead.open) == (4, 3, 2)
    domains = referral_figures(register_engine, "life_domain", date(2026, 1, 1),
                               date(2026, 12, 31), TODAY)
    assert [(r.label, r.figures.referrals) for r in domains] == [
        ("Veiligheid", 1), ("Gezondheid", 4), ("Totaal", 4)]
    urgencies = referral_figures(register_engine, "urgency", date(2026, 1, 1),
                                 date(2026, 12, 31), TODAY)
    assert [(r.label, r.figures.referrals) for r in urgencies] == [
        ("Normaal", 3), ("Spoed", 1), ("Totaal", 4)]
    districts = referral_figures(register_engine, "district", date(2026, 1, 1),
                                 date(2026, 12, 31), TODAY)
    assert [r.figures.referrals for r in districts] == [4, 4]
    with pytest.raises(ValueError):
        referral_figures(register_engine, "volunteer", date(2026, 1, 1), TODAY, TODAY)


@pytest.fixture(scope="module")
def demo_klein(demo_klein_engine):
    return demo_klein_engine


def test_demo_histories_follow_the_rules(demo_klein):
    from vrijwilligers_app.domain.referral_rules import Event

    referrals = {rid: (date.fromisoformat(day), status) for rid, day, status in rows(
        demo_klein, "SELECT id, signalled_on, status FROM referral")}
    events: dict[int, list[Event]] = {rid: [] for rid in referrals}
    for rid, kind, moment, target in rows(demo_klein, "SELECT referral_id, kind, occurred_at, "
                                          "destination_id FROM referral_event ORDER BY id"):
        events[rid].append(Event(kind, datetime.fromisoformat(moment), target))
    assert len(referrals) > 100
    for rid, (signalled, status) in referrals.items():
        assert validate_history(signalled, events[rid]) == [], rid
        assert current_status(events[rid]) == status, rid


def test_demo_figures_add_up(demo_klein):
    start, end = date(2000, 1, 1), TODAY
    total = rows(demo_klein, "SELECT count(*) FROM referral")[0][0]
    for group_by in ("destination", "urgency", "district"):
        figures = referral_figures(demo_klein, group_by, start, end, TODAY)
        assert figures[-1].figures.referrals == total
        assert sum(r.figures.referrals for r in figures[:-1]) == total
        assert sum(r.figures.waiting.open for r in figures[:-1]) == \
            figures[-1].figures.waiting.open
    per_domain = referral_figures(demo_klein, "life_domain", start, end, TODAY)
    totals = per_domain[-1].figures
    assert totals.referrals == total
    # each leefdomein counts exactly the referrals linked to it
    linked = dict(rows(demo_klein, "SELECT life_domain_code, count(*) FROM "
                       "referral_life_domain GROUP BY life_domain_code"))
    assert {r.key: r.figures.referrals for r in per_domain[:-1]} == linked
    waiting = totals.waiting
    assert waiting.median is not None and waiting.p90 is not None
    assert waiting.median <= waiting.p90 <= (waiting.maximum or 0)
    assert waiting.observed + waiting.open + waiting.stopped == waiting.count
    # The open ones: as many as the referrals aangemeld, not closed and without contact.
    still_waiting = rows(demo_klein, """
        SELECT count(*) FROM referral r WHERE r.status NOT IN ('afgesloten', 'teruggemeld',
        'afgewezen') AND EXISTS (SELECT 1 FROM referral_event e WHERE e.referral_id = r.id
        AND e.kind = 'aangemeld') AND NOT EXISTS (SELECT 1 FROM referral_event e
        WHERE e.referral_id = r.id AND e.kind IN ('contact', 'in_behandeling', 'geholpen'))""")
    assert waiting.open == still_waiting[0][0]


def test_an_impossible_typed_date_is_named_as_such(register_engine):
    errors = refused(register_engine, anonymous(register_engine, signalled_on="31-02-2026"))
    assert "31-02-2026" in errors["signalled_on"] and "bestaat niet" in errors["signalled_on"]
    rid = create_referral(register_engine, anonymous(register_engine,
                                                     signalled_on="01-10-2026"), TODAY)
    assert rows(register_engine, "SELECT signalled_on FROM referral WHERE id = :i",
                i=rid) == [("2026-10-01",)]


def test_two_use_cases_on_one_session_are_one_transaction(register_engine):
    """create_referral_in + add_event_in on one session: a refused second step leaves the
    first one unwritten too; both succeeding commit both."""
    from vrijwilligers_app.services.referrals import add_event_in, create_referral_in

    before = counts(register_engine)
    with pytest.raises(FormErrors), write_session(register_engine) as session:
        rid = create_referral_in(session, anonymous(register_engine), TODAY)
        add_event_in(session, rid, "aangemeld", TODAY + timedelta(days=3), today=TODAY)
    assert counts(register_engine) == before
    with write_session(register_engine) as session:
        rid = create_referral_in(session, anonymous(register_engine), TODAY)
        add_event_in(session, rid, "aangemeld", TODAY, today=TODAY)
    assert [line.kind for line in referral_history(register_engine, rid)] == [
        "gesignaleerd", "aangemeld"]
