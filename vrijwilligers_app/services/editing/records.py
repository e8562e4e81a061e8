"""Load, validate and save one record of a kind; archive and label it."""

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from pydantic_core import PydanticUndefined
from sqlalchemy import Engine
from sqlmodel import Session, SQLModel

from vrijwilligers_app.domain.names import full_name
from vrijwilligers_app.domain.validation import ValidationError
from vrijwilligers_app.services.editing import initiatives, people
from vrijwilligers_app.services.editing.codes import known_codes
from vrijwilligers_app.services.editing.convert import KnownCodes, clean_value, form_value
from vrijwilligers_app.services.editing.fields import (
    LINK_KEYS,
    NOUNS,
    SUBJECTS,
    TABLES,
    FieldSpec,
    form,
    spec_map,
)
from vrijwilligers_app.services.editing.rules import REQUIRED_CHOICE, REQUIRED_TEXT
from vrijwilligers_app.store.engine import read_session, write_session
from vrijwilligers_app.store.tables.base import utcnow

Rule = Callable[[Session, dict[str, object], dict[str, str], date], None]
RULES: dict[str, Rule] = {
    "initiatives": initiatives.check,
    "volunteers": people.check_volunteer,
    "residents": people.check_resident,
}


class FormErrors(Exception):
    """Everything wrong with a form at once; nothing was saved. `errors` maps field key to
    a Dutch message; str() lists them as 'Label: message', one per line."""

    def __init__(self, errors: Mapping[str, str], labels: Mapping[str, str] | None = None):
        self.errors = dict(errors)
        self.labels = dict(labels or {})
        super().__init__(str(self))

    def __str__(self) -> str:
        return "\n".join(f"{self.labels.get(key, key)}: {message}"
                         for key, message in self.errors.items())


class RecordNotFound(LookupError):
    """The record is gone (deleted meanwhile); the message is Dutch."""

    def __init__(self, kind: str, record_id: int) -> None:
        super().__init__(f"{SUBJECTS[kind]} (nummer {record_id}) bestaat niet meer; misschien "
                         "is het intussen verwijderd.")
        self.kind, self.record_id = kind, record_id


def _empty(spec: FieldSpec, model: type[SQLModel]) -> object:
    if spec.kind == "codes":
        return []
    field = model.model_fields.get(spec.key)
    default = None if field is None or field.default is PydanticUndefined else field.default
    if default is None and spec.kind in ("bool", "availability"):
        default = False if spec.kind == "bool" else 0
    return form_value(spec, default)


_EMPTY: dict[str, dict[str, object]] = {}


def empty_values(kind: str) -> dict[str, object]:
    """A new record's form: '' for text, None for dates/numbers/codes, the table's defaults
    otherwise (woonplaats 'Helmond', talen ['nl']). A fresh dict (and lists) every call."""
    template = _EMPTY.get(kind)
    if template is None:
        specs = form(kind)
        template = _EMPTY[kind] = {spec.key: _empty(spec, TABLES[kind]) for spec in specs}
    return {key: list(value) if isinstance(value, list) else value
            for key, value in template.items()}


def _get(session: Session, kind: str, record_id: int) -> SQLModel:
    record = session.get(TABLES[kind], record_id)
    if record is None:
        raise RecordNotFound(kind, record_id)
    return record


def _values(session: Session, kind: str, record: SQLModel) -> dict[str, object]:
    values = {spec.key: form_value(spec, getattr(record, spec.key))
              for spec in form(kind) if spec.key not in LINK_KEYS}
    if kind == "initiatives":
        values.update(initiatives.load_links(session, record.id))  # type: ignore[attr-defined]
    if kind == "residents":
        values.update(people.load_recording_consent(session, record.id))  # type: ignore[attr-defined]
    return {spec.key: values[spec.key] for spec in form(kind)}  # in form order


def load_record(engine: Engine, kind: str, record_id: int) -> dict[str, object]:
    """The form values of a stored record (see empty_values for the shapes)."""
    form(kind)
    with read_session(engine) as session:
        return _values(session, kind, _get(session, kind, record_id))


def _clean_all(session: Session, kind: str, merged: Mapping[str, object],
               today: date, known: KnownCodes | None = None) -> tuple[
                   dict[str, object], dict[str, str]]:
    known = known or known_codes(session)
    cleaned: dict[str, object] = {}
    errors: dict[str, str] = {}
    for spec in form(kind):
        try:
            value = clean_value(spec, merged.get(spec.key), today, known)
        except ValidationError as exc:
            errors[spec.key] = exc.message
            continue
        if spec.required and value in ("", None, []):
            errors[spec.key] = REQUIRED_CHOICE if spec.kind == "code" else REQUIRED_TEXT
            continue
        cleaned[spec.key] = value
    RULES[kind](session, cleaned, errors, today)
    return cleaned, errors


def check_values(session: Session, kind: str, values: Mapping[str, object],
                 today: date, known: KnownCodes | None = None) -> tuple[
                     dict[str, object], dict[str, str]]:
    """(cleaned values, errors) of a new record's values, exactly as save_record judges
    them, without writing; for previews such as an import (`known` reused across rows)."""
    return _clean_all(session, kind, {**empty_values(kind), **values}, today, known)


def save_in_session(session: Session, kind: str, values: Mapping[str, object],
                    record_id: int | None = None, today: date | None = None,
                    known: KnownCodes | None = None) -> int:
    """save_record inside the caller's write transaction (an import writes many records
    in one): the same checks, the same FormErrors, nothing committed here."""
    specs = spec_map(kind)
    unknown = sorted(set(values) - set(specs))
    if unknown:
        raise ValueError(f"unknown fields for {kind}: {unknown}")
    today = today or date.today()
    record = None if record_id is None else _get(session, kind, record_id)
    base = empty_values(kind) if record is None else _values(session, kind, record)
    cleaned, errors = _clean_all(session, kind, {**base, **values}, today, known)
    if errors:
        raise FormErrors(errors, {key: specs[key].label for key in errors})
    table = TABLES[kind].__table__  # type: ignore[attr-defined]
    # An empty choice is NULL, or '' where the column takes no NULL (geslacht).
    columns = {k: "" if v is None and not table.c[k].nullable else v
               for k, v in cleaned.items() if k not in LINK_KEYS}
    if record is None:
        record = TABLES[kind](**columns)
        session.add(record)
    else:
        for key, value in columns.items():
            setattr(record, key, value)
        record.updated_at = utcnow()  # type: ignore[attr-defined]
    session.flush()
    new_id: int = record.id  # type: ignore[attr-defined]
    if kind == "initiatives":
        initiatives.save_links(session, new_id, cleaned)
    if kind == "residents":
        people.save_recording_consent(session, new_id, cleaned)
    return new_id


def save_record(engine: Engine, kind: str, values: Mapping[str, object],
                record_id: int | None = None, today: date | None = None) -> int:
    """Validate every field, then create (record_id None) or update the record in one
    transaction; returns its id. Keys left out keep their stored value (or the empty value
    for a new record). Raises FormErrors with all problems at once; nothing is saved then."""
    form(kind)
    with write_session(engine) as session:
        return save_in_session(session, kind, values, record_id, today)


def _set_archived(engine: Engine, kind: str, record_id: int, value: date | None) -> None:
    form(kind)
    with write_session(engine) as session:
        record = _get(session, kind, record_id)
        if value is not None and record.archived_at is not None:  # type: ignore[attr-defined]
            return  # keep the first archiving date
        record.archived_at = value  # type: ignore[attr-defined]
        record.updated_at = utcnow()  # type: ignore[attr-defined]


def archive_record(engine: Engine, kind: str, record_id: int, today: date) -> None:
    """Hide a record from the daily lists, keeping it and its history."""
    _set_archived(engine, kind, record_id, today)


def unarchive_record(engine: Engine, kind: str, record_id: int) -> None:
    _set_archived(engine, kind, record_id, None)


def record_label(engine: Engine, kind: str, record_id: int) -> str:
    """'Initiatief Alzheimer Café Helmond', 'Vrijwilliger Doriën de Vries', 'Inwoner ...'."""
    form(kind)
    with read_session(engine) as session:
        record: Any = _get(session, kind, record_id)
        if kind == "initiatives":
            return f"{NOUNS[kind]} {record.name}"
        name = full_name(record.first_name, record.name_prefix, record.last_name)
        return f"{NOUNS[kind]} {name}"
