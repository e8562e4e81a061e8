"""The write side behind the register forms: initiatives, volunteers and residents.

Kinds: "initiatives", "volunteers", "residents". FORMS describes every input (key, Dutch
label, field kind, code list, hint, group); values travel as plain dicts keyed by FieldSpec
key. No Qt here: the UI builds its widgets from FORMS and calls these functions (from its
write pool), showing FormErrors.errors beside the inputs.
"""

from vrijwilligers_app.services.editing.codes import code_options
from vrijwilligers_app.services.editing.deletion import (
    DeletedRecord,
    InUseError,
    RestoreError,
    delete_record,
    restore_deleted,
)
from vrijwilligers_app.services.editing.duplicates import DuplicateHit, find_duplicates
from vrijwilligers_app.services.editing.fields import (
    BUILT_IN_CODES,
    FIELD_KINDS,
    FORMS,
    GENDER_OPTIONS,
    FieldSpec,
)
from vrijwilligers_app.services.editing.money import parse_money
from vrijwilligers_app.services.editing.records import (
    FormErrors,
    RecordNotFound,
    archive_record,
    check_values,
    empty_values,
    load_record,
    record_label,
    save_in_session,
    save_record,
    unarchive_record,
)

KINDS: tuple[str, ...] = tuple(FORMS)

__all__ = [
    "BUILT_IN_CODES", "FIELD_KINDS", "FORMS", "GENDER_OPTIONS", "KINDS", "DeletedRecord",
    "DuplicateHit", "FieldSpec", "FormErrors", "InUseError", "RecordNotFound", "RestoreError",
    "archive_record", "check_values", "code_options", "delete_record", "empty_values",
    "find_duplicates", "load_record", "parse_money", "record_label", "restore_deleted",
    "save_in_session", "save_record", "unarchive_record",
]
