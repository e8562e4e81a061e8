"""What anonymising a resident means, as data: pure rules, no SQL.

Removed: names, contact data (phone, e-mail), the street part of the postcode, and every free
text about them (wishes, interests, notes of matches and contacts, evaluations, referral
questions, notes and outcomes). Coarsened: the birth year becomes the age band it gave on the
day of anonymising; a full postcode becomes its four digits (PC4), as in exports. Kept: dates,
codes (wijk, buurt, gender, languages, reasons, leefdomeinen), statuses and the links between
records, so every count, waiting time and export aggregate stays exactly the same. The
consent ledger stays (purposes, organisations and dates; `recorded_by` names the volunteer,
not the resident), so it still shows what was allowed when; only the free text that older
registers carried over into `legacy_scope` ("doorgeven aan zijn dochter …") is replaced by
LEGACY_SCOPE_CLEARED.
"""

from datetime import date

from vrijwilligers_app.domain.person_fields import UNKNOWN_AGE, age_band

ANONYMOUS_FIRST_NAME = "Inwoner"

# table -> {column: value written}; a value of None means "the column's empty text".
# Rows are those of the resident (resident), their requests (buddy_request), the matches of
# those requests (buddy_match) with their contacts and evaluations, and their referrals
# with their events.
LEGACY_SCOPE_CLEARED = "(tekst verwijderd bij anonimiseren)"
CLEARED_TEXT: dict[str, tuple[str, ...]] = {
    "resident": ("name_prefix", "phone", "email"),
    "buddy_request": ("wish", "interests"),
    "buddy_match": ("notes",),
    "contact_moment": ("note",),
    "evaluation": ("outcome",),
    "referral": ("question",),
    "referral_event": ("note", "outcome"),
}


def anonymous_last_name(resident_id: int) -> str:
    """'12 (geanonimiseerd)': shown as 'Inwoner 12 (geanonimiseerd)'; the number is the
    register's own id, which only points back into this (now anonymous) register."""
    return f"{resident_id} (geanonimiseerd)"


def anonymous_name(resident_id: int) -> str:
    return f"{ANONYMOUS_FIRST_NAME} {anonymous_last_name(resident_id)}"


def coarse_postcode(postcode: str) -> str:
    """'5701 AB' -> '5701'; a PC4 or an empty postcode stays as it is."""
    digits = postcode.strip()[:4]
    return digits if len(digits) == 4 and digits.isdigit() else ""


def frozen_age_band(birth_year: int | None, stored_band: str, on: date) -> str:
    """The band stored in place of the birth year: the one it gives on `on` (the day the
    figures were last made with it), or the band already stored."""
    if birth_year is None:
        return stored_band or ""
    band = age_band(birth_year, on)
    return "" if band == UNKNOWN_AGE else band
