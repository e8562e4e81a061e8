"""Residents' consent on import: the ONE place that decides it, on top of the consent ledger
(services.editing.people): an imported resident gets the 'vastleggen' consent only from a
column that gives its date (with how and by whom from their columns); never consent to pass
data on. The register's rule then applies as when typing: a named resident without that
consent is not stored (that row is an error in the preview)."""

from datetime import date

CONSENT_NOTE = (
    "Toestemming: een inwoner met naam kan alleen worden ingelezen met de toestemming om "
    "gegevens vast te leggen: de datum, hoe die gegeven is (mondeling of schriftelijk) en "
    "wie die vastlegt, elk in een eigen kolom. Rijen zonder die toestemming worden niet "
    "ingelezen; leg de hulp dan anoniem vast of vraag eerst de toestemming. Toestemming om "
    "gegevens door te geven wordt nooit uit een lijst overgenomen.")
KEYS = ("recording_given_on", "recording_how", "recording_by")


def imported_consent(consent_on: date | None) -> dict[str, object]:
    """The ledger's 'vastleggen' date of an imported resident (None: no consent)."""
    return {"recording_given_on": consent_on}
