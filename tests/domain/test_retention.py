from datetime import date

from vrijwilligers_app.domain.retention import ResidentFacts, Terms, due_on, is_due

TERMS = Terms(matches=24, referrals=12, residents=6)


def facts(**changes: object) -> ResidentFacts:
    base: dict[str, object] = dict(has_open=False, last_match_end=None, last_referral_end=None,
                                   last_activity=None, last_change=date(2020, 1, 31))
    base.update(changes)
    return ResidentFacts(**base)  # type: ignore[arg-type]


def test_nothing_linked_counts_from_the_last_change_with_month_ends_clamped():
    assert due_on(facts(), TERMS) == date(2020, 7, 31)
    assert due_on(facts(last_change=date(2020, 8, 31)), TERMS) == date(2021, 2, 28)


def test_each_kind_has_its_own_term_and_the_latest_wins():
    f = facts(last_match_end=date(2022, 3, 1), last_referral_end=date(2023, 6, 15))
    assert due_on(f, TERMS) == date(2024, 6, 15)  # referral 12 months > match 24 months
    f = facts(last_match_end=date(2023, 3, 1), last_referral_end=date(2023, 6, 15))
    assert due_on(f, TERMS) == date(2025, 3, 1)
    f = facts(last_activity=date(2026, 1, 10))
    assert due_on(f, TERMS) == date(2026, 7, 10)


def test_an_open_record_is_never_due():
    f = facts(has_open=True, last_match_end=date(2000, 1, 1))
    assert due_on(f, TERMS) is None
    assert not is_due(f, TERMS, date(2030, 1, 1))


def test_due_on_the_day_itself_not_before():
    f = facts(last_referral_end=date(2024, 5, 1), last_change=date(2023, 1, 1))
    assert not is_due(f, TERMS, date(2025, 4, 30))
    assert is_due(f, TERMS, date(2025, 5, 1))
