"""The dashboard's follow-up rules when a project sets none of its own.

Shared by the general aandachtspunten (services/attention.py) and the maatjes reminders
(services/maatjes/reminders.py); they are rules of the field, so they live here and
neither service imports the other for them.
"""

VOG_RENEW_YEARS = 3  # a volunteer's VOG older than this asks for renewal
DEFAULT_CONTACT_WEEKS = 3  # a running match without contact for longer needs a call
DEFAULT_WAITING_WEEKS = 6  # a request waiting longer than this needs attention
