"""Bewaartermijnen: when a resident's data is due for anonymisation. Pure rules, no SQL.

A resident is due when nothing of theirs is open (no waiting request, running match or open
referral) and every kind of record they have passed its own term after its end:
- maatjes: `matches` months after the match ended (or the request closed without a match);
- doorverwijzingen: `referrals` months after the referral was closed;
- everything else (a resident only known from activities, or with nothing linked):
  `residents` months after the last activity they took part in or the last change to the
  record.
The defaults and their reasons are in docs/DESIGN.md ("Bewaartermijnen").
"""

from dataclasses import dataclass
from datetime import date

from dateutil.relativedelta import relativedelta

# setting key -> (Dutch label, default months)
TERM_SETTINGS: dict[str, tuple[str, int]] = {
    "retention_months_matches": ("Maatjes: na het einde van de koppeling", 24),
    "retention_months_referrals": ("Doorverwijzingen: na het afsluiten", 24),
    "retention_months_residents": ("Overige inwoners: na de laatste activiteit of wijziging",
                                   24),
}
MIN_MONTHS, MAX_MONTHS = 1, 120


@dataclass(frozen=True)
class Terms:
    matches: int = TERM_SETTINGS["retention_months_matches"][1]
    referrals: int = TERM_SETTINGS["retention_months_referrals"][1]
    residents: int = TERM_SETTINGS["retention_months_residents"][1]


@dataclass(frozen=True)
class ResidentFacts:
    """What the rule needs to know of one resident (None: no such record)."""

    has_open: bool
    last_match_end: date | None
    last_referral_end: date | None
    last_activity: date | None
    last_change: date


def due_on(facts: ResidentFacts, terms: Terms) -> date | None:
    """The first day the resident may be anonymised; None while something is open."""
    if facts.has_open:
        return None
    candidates = [facts.last_change + relativedelta(months=terms.residents)]
    if facts.last_match_end is not None:
        candidates.append(facts.last_match_end + relativedelta(months=terms.matches))
    if facts.last_referral_end is not None:
        candidates.append(facts.last_referral_end + relativedelta(months=terms.referrals))
    if facts.last_activity is not None:
        candidates.append(facts.last_activity + relativedelta(months=terms.residents))
    return max(candidates)


def is_due(facts: ResidentFacts, terms: Terms, today: date) -> bool:
    day = due_on(facts, terms)
    return day is not None and day <= today
