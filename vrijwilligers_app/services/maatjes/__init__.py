"""Maatjes: suggestions for a waiting request, the life cycle of a match, contact moments and
reminders. No Qt here: the UI calls these functions (writes from its write pool) and shows
FormErrors.errors beside the inputs. Scoring and life-cycle rules live in domain.matching and
domain.buddy_lifecycle.
"""

from vrijwilligers_app.services.maatjes.figures import (
    BuddyFigureRow,
    BuddyFigures,
    buddy_figures,
)
from vrijwilligers_app.services.maatjes.flow import (
    EVALUATION_DAYS,
    LABELS,
    add_contact,
    advance_request,
    create_request,
    end_match,
    hold_evaluation,
    propose_and_start,
    propose_match,
    start_match,
)
from vrijwilligers_app.services.maatjes.reminders import BuddyReminder, buddy_reminders
from vrijwilligers_app.services.maatjes.suggest import (
    RequestNotFound,
    district_neighbours,
    suggestions,
)

__all__ = [
    "EVALUATION_DAYS", "LABELS", "BuddyFigureRow", "BuddyFigures", "BuddyReminder",
    "RequestNotFound", "add_contact", "advance_request", "buddy_figures", "buddy_reminders",
    "create_request", "district_neighbours", "end_match", "hold_evaluation",
    "propose_and_start", "propose_match", "start_match", "suggestions",
]
