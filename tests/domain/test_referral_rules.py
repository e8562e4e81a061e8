"""Referral status rules: order of events, status, follow-up dates."""

from datetime import UTC, date, datetime

import pytest

from vrijwilligers_app.domain.referral_rules import (
    CLOSED_STATES,
    DEFAULT_FOLLOW_UP_DAYS,
    EVENT_KINDS,
    Event,
    current_destination,
    current_status,
    follow_up_days,
    follow_up_on,
    in_order,
    is_open,
    milestones,
    next_follow_up,
    validate_history,
)

SIGNALLED = date(2026, 3, 2)


def history(*steps: tuple[str, int] | tuple[str, int, int]) -> list[Event]:
    """('kind', day of March 2026[, destination id])."""
    return [Event(step[0], date(2026, 3, step[1]), step[2] if len(step) > 2 else None)
            for step in steps]


FULL = history(("gesignaleerd", 2), ("aangemeld", 3), ("nagebeld", 10), ("contact", 12),
               ("in_behandeling", 13), ("geholpen", 20), ("afgesloten", 21),
               ("teruggemeld", 22))


def test_every_kind_has_a_dutch_label():
    assert set(EVENT_KINDS) == {"gesignaleerd", "aangemeld", "contact", "in_behandeling",
                                "geholpen", "afgesloten", "teruggemeld", "afgewezen",
                                "doorgestuurd", "nagebeld"}
    assert EVENT_KINDS["aangemeld"] == "Aangemeld bij organisatie"


def test_a_full_history_is_valid_and_closed():
    assert validate_history(SIGNALLED, FULL) == []
    assert current_status(FULL) == "teruggemeld"
    assert not is_open(current_status(FULL))


@pytest.mark.parametrize("upto, status", [(1, "gesignaleerd"), (2, "aangemeld"),
                                          (3, "nagebeld"), (4, "contact"),
                                          (6, "geholpen"), (7, "afgesloten")])
def test_status_is_the_last_event(upto, status):
    assert current_status(FULL[:upto]) == status
    assert is_open(status) == (status not in CLOSED_STATES)


def test_no_events_means_gesignaleerd():
    assert current_status([]) == "gesignaleerd"


def test_event_before_the_signal_date_is_refused():
    events = history(("gesignaleerd", 2), ("aangemeld", 1))
    problems = validate_history(SIGNALLED, events)
    assert any("vóór de signaleringsdatum 02-03-2026" in p for p in problems)


@pytest.mark.parametrize("kind", ["contact", "in_behandeling", "geholpen", "afgesloten",
                                  "afgewezen", "doorgestuurd"])
def test_progress_before_aangemeld_is_refused(kind):
    problems = validate_history(SIGNALLED, history(("gesignaleerd", 2), (kind, 3),
                                                   ("aangemeld", 4)))
    assert problems == [f"'{EVENT_KINDS[kind]}' op 03-03-2026 kan pas na "
                        "'Aangemeld bij organisatie'."]


def test_order_comes_from_the_dates_not_the_list():
    shuffled = [FULL[3], FULL[0], FULL[1], FULL[2]]
    assert validate_history(SIGNALLED, shuffled) == []
    assert current_status(shuffled) == "contact"


def test_equal_moments_keep_the_order_of_entry():
    moment = datetime(2026, 3, 3, 12, tzinfo=UTC)
    events = [Event("gesignaleerd", moment), Event("aangemeld", moment),
              Event("contact", moment)]
    assert [e.kind for e in in_order(events)] == ["gesignaleerd", "aangemeld", "contact"]
    assert validate_history(date(2026, 3, 3), events) == []
    wrong = [events[0], events[2], events[1]]
    assert len(validate_history(date(2026, 3, 3), wrong)) == 1


def test_gesignaleerd_comes_first_and_once():
    problems = validate_history(SIGNALLED, history(("aangemeld", 2), ("gesignaleerd", 3)))
    assert any("eerste gebeurtenis moet 'Gesignaleerd'" in p for p in problems)
    assert any("maar één keer" in p for p in problems)
    twice = history(("gesignaleerd", 2), ("gesignaleerd", 3))
    assert len(validate_history(SIGNALLED, twice)) == 1


def test_unknown_kind():
    assert validate_history(SIGNALLED, history(("gesignaleerd", 2), ("gebeld", 3))) == [
        "Onbekende soort gebeurtenis 'gebeld'."]


def test_after_afgesloten_only_report_call_or_reopen():
    closed = history(("gesignaleerd", 2), ("aangemeld", 3), ("afgesloten", 5))
    for kind in ("contact", "geholpen", "in_behandeling", "afgewezen"):
        problems = validate_history(SIGNALLED, [*closed, *history((kind, 6))])
        assert problems == [f"'{EVENT_KINDS[kind]}' op 06-03-2026 komt na 'Afgesloten'; meld "
                            "de inwoner eerst opnieuw aan."]
    assert len(validate_history(SIGNALLED, [*closed, *history(("afgesloten", 6))])) == 1
    assert len(validate_history(SIGNALLED, [*closed, *history(("doorgestuurd", 6, 9))])) == 1
    fine = [*closed, *history(("teruggemeld", 6), ("nagebeld", 7))]
    assert validate_history(SIGNALLED, fine) == []
    # A call after closing does not reopen the referral.
    assert current_status(fine) == "teruggemeld"
    assert current_status([*closed, *history(("nagebeld", 6))]) == "afgesloten"


def test_a_new_aanmelding_reopens_a_closed_referral():
    events = history(("gesignaleerd", 2), ("aangemeld", 3), ("contact", 4), ("geholpen", 5),
                     ("afgesloten", 6), ("aangemeld", 20), ("contact", 22))
    assert validate_history(SIGNALLED, events) == []
    assert current_status(events) == "contact"
    assert is_open(current_status(events))


def test_aangemeld_twice_while_open_is_refused():
    events = history(("gesignaleerd", 2), ("aangemeld", 3), ("aangemeld", 4))
    assert validate_history(SIGNALLED, events) == [
        "'Aangemeld bij organisatie' op 04-03-2026: de inwoner is dan al aangemeld en nog "
        "niet afgesloten."]


def test_forwarding_after_refusal_or_while_open():
    refused = history(("gesignaleerd", 2), ("aangemeld", 3), ("afgewezen", 8),
                      ("doorgestuurd", 9, 7), ("aangemeld", 9), ("contact", 15))
    assert validate_history(SIGNALLED, refused) == []
    assert current_destination(3, refused) == 7
    forwarded = history(("gesignaleerd", 2), ("aangemeld", 3), ("contact", 8),
                        ("doorgestuurd", 9, 5), ("contact", 12))
    assert validate_history(SIGNALLED, forwarded) == []
    assert current_destination(3, forwarded) == 5
    assert current_destination(3, FULL) == 3


def test_refused_is_closed_and_can_be_closed_and_reported():
    events = history(("gesignaleerd", 2), ("aangemeld", 3), ("afgewezen", 8))
    assert current_status(events) == "afgewezen" and not is_open("afgewezen")
    later = [*events, *history(("teruggemeld", 9), ("afgesloten", 10))]
    assert validate_history(SIGNALLED, later) == []


def test_teruggemeld_needs_a_closing():
    events = history(("gesignaleerd", 2), ("aangemeld", 3), ("teruggemeld", 4))
    assert validate_history(SIGNALLED, events) == [
        "'Teruggemeld aan vrijwilliger' op 04-03-2026 kan pas na 'Afgesloten' of "
        "'Afgewezen'."]


def test_nagebeld_may_come_before_aanmelding():
    assert validate_history(SIGNALLED, history(("gesignaleerd", 2), ("nagebeld", 3))) == []


@pytest.mark.parametrize("urgency, agreed, days", [
    ("spoed", 28, 2), ("spoed", None, 2), ("hoog", 28, 7), ("hoog", None, 7),
    ("normaal", 10, 10), ("normaal", None, DEFAULT_FOLLOW_UP_DAYS), ("normaal", 0, 1),
])
def test_follow_up_interval(urgency, agreed, days):
    assert follow_up_days(urgency, agreed) == days
    assert next_follow_up(date(2026, 3, 2), urgency, agreed) == date(2026, 3, 2 + days)


def test_follow_up_counts_from_the_last_event_and_stops_when_closed():
    open_events = history(("gesignaleerd", 2), ("aangemeld", 3), ("nagebeld", 10))
    assert follow_up_on(SIGNALLED, open_events, "hoog", None) == date(2026, 3, 17)
    assert follow_up_on(SIGNALLED, [], "spoed", None) == date(2026, 3, 4)
    assert follow_up_on(SIGNALLED, FULL, "normaal", 14) is None


def march(day: int | None) -> date | None:
    return None if day is None else date(2026, 3, day)


@pytest.mark.parametrize(("steps", "expected"), [
    # signalled only: nothing to measure yet
    ((("gesignaleerd", 2),), (None, None, None, None)),
    # the full path: first contact is 'contact', done is 'geholpen', closed on 21
    (tuple((e.kind, e.occurred_at.day) for e in FULL), (3, 12, 20, 21)),
    # in behandeling counts as first contact when no contact was recorded
    ((("gesignaleerd", 2), ("aangemeld", 3), ("in_behandeling", 9)), (3, 9, None, None)),
    # refused and forwarded: closed by afgewezen, reopened by doorgestuurd -> open again
    ((("gesignaleerd", 2), ("aangemeld", 3), ("afgewezen", 5), ("doorgestuurd", 6, 7)),
     (3, None, None, None)),
    # refused and left there: closed on the day of the refusal
    ((("gesignaleerd", 2), ("aangemeld", 3), ("afgewezen", 5)), (3, None, None, 5)),
    # reopened: done must come after the LAST aanmelding; the first episode's done is not it
    ((("gesignaleerd", 2), ("aangemeld", 3), ("contact", 4), ("geholpen", 8),
      ("afgesloten", 9), ("aangemeld", 15), ("contact", 18)), (3, 4, None, None)),
    ((("gesignaleerd", 2), ("aangemeld", 3), ("geholpen", 8), ("afgesloten", 9),
      ("aangemeld", 15), ("geholpen", 25), ("afgesloten", 27), ("teruggemeld", 28)),
     (3, 8, 25, 27)),
    # closing events on the same day as the aanmelding keep the order entered
    ((("gesignaleerd", 2), ("aangemeld", 3), ("afgesloten", 3)), (3, None, 3, 3)),
    # a call after closing does not reopen it
    ((("gesignaleerd", 2), ("aangemeld", 3), ("afgesloten", 10), ("nagebeld", 12)),
     (3, None, 10, 10)),
])
def test_milestones_by_hand(steps, expected):
    marks = milestones(history(*steps))
    assert (marks.registered_on, marks.first_contact_on, marks.done_on, marks.closed_on) == \
        tuple(march(day) for day in expected)


def test_milestones_do_not_depend_on_the_order_given():
    events = list(FULL)
    assert milestones(reversed(events)) == milestones(events)
