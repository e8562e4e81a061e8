"""Residents' consent on import: the ONE place that decides it (the consent ledger of the
privacy work will replace the body of `imported_consent`; the preview and the writer only
call it)."""

from datetime import date

CONSENT_NOTE = (
    "Toestemming: ingelezen inwoners hebben géén vastgelegde toestemming, tenzij een kolom "
    "die met een datum aangeeft. Zonder toestemming worden ze niet met naam doorverwezen of "
    "doorgegeven; vraag de toestemming bij het volgende contact en leg die vast met datum.")


def imported_consent(consent_on: date | None) -> dict[str, object]:
    """The consent fields of an imported resident: recording consent only with its date
    (the date is the evidence); never consent to pass data on (that names an organisation,
    which a list does not)."""
    if consent_on is None:
        return {"consent_recording": False, "consent_recording_on": None}
    return {"consent_recording": True, "consent_recording_on": consent_on}
