"""The consent ledger: record, withdraw, list, and what a consent allows (see domain.consent).

Writes run in one IMMEDIATE transaction; bad input raises FormErrors (key -> Dutch message
naming the field) and changes nothing. Every write refreshes the resident's consent cache.
"""

from vrijwilligers_app.services.consents.ledger import (
    LABELS,
    ConsentRow,
    SharedReferral,
    Withdrawal,
    ledger,
    record_consent,
    remove_consent,
    restore_consent,
    sharing_consent,
    withdraw_consent,
)

__all__ = ["LABELS", "ConsentRow", "SharedReferral", "Withdrawal", "ledger", "record_consent",
           "remove_consent", "restore_consent", "sharing_consent", "withdraw_consent"]
