"""A referral's dates from its status events, as services.referral_figures defines them on
the laptop; the gemeente computes them once per referral when it reads a package (issue 17)
and keeps them, so its city figures need no event of any referral at overview time."""

from collections.abc import Iterable
from datetime import date

from vrijwilligers_app.domain import referral_rules as rules
from vrijwilligers_app.domain.waiting_times import ReferralDates


def referral_dates(signal_kinds: Iterable[tuple[str, str]], agreed_days: int | None
                   ) -> ReferralDates:
    """A referral's dates from its (kind, ISO moment) events, defined as in
    services.referral_figures: first aanmelding, first contact, first done after the last
    aanmelding, and the closing day when the last opening/closing event closes it."""
    events = sorted(signal_kinds, key=lambda e: e[1])
    registered = [m for k, m in events if k == "aangemeld"]
    contact = next((m for k, m in events if k in rules.FIRST_CONTACT), None)
    after = registered[-1] if registered else ""
    done = next((m for k, m in events if k in rules.DONE and m >= after), None)
    state = [(m, k) for k, m in events if k in rules.OPENING | rules.CLOSING]
    closed = max(state)[0] if state and max(state)[1] in rules.CLOSING else None

    def day(moment: str | None) -> date | None:
        return date.fromisoformat(moment[:10]) if moment else None

    return ReferralDates(day(registered[0] if registered else None), day(contact), day(done),
                         day(closed), agreed_days)
