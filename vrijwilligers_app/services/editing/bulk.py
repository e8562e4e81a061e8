"""Many new records at once (an import): each checked exactly as save_record checks it, then
inserted with one multi-row Core INSERT per batch instead of an ORM object and a flush per row.

Values that already went through `check_values` (an import's preview, in the same process)
can be passed with `precleaned=True`: the field conversions are idempotent, so only what the
register can change in between is checked again: the code lists and the record rules."""

from collections.abc import Mapping, Sequence
from datetime import date

from sqlalchemy import Table, insert
from sqlmodel import Session

from vrijwilligers_app.domain.validation import ValidationError
from vrijwilligers_app.services.editing import initiatives, people
from vrijwilligers_app.services.editing.codes import known_codes
from vrijwilligers_app.services.editing.convert import KnownCodes, clean_value
from vrijwilligers_app.services.editing.fields import LINK_KEYS, TABLES, FieldSpec, spec_map
from vrijwilligers_app.services.editing.records import RULES, FormErrors, _clean_all, empty_values
from vrijwilligers_app.store.tables.base import new_uuid, utcnow


class RowErrors(FormErrors):
    """FormErrors of one of the records given to insert_new; `index` says which."""

    def __init__(self, index: int, errors: FormErrors) -> None:
        super().__init__(errors.errors, errors.labels)
        self.index = index



def insert_new(session: Session, kind: str, records: Sequence[Mapping[str, object]],
               today: date | None = None, known: KnownCodes | None = None,
               precleaned: bool = False) -> list[int]:
    """Create every record (in the caller's transaction) and return their ids in order.
    Raises RowErrors for the first record the form rules refuse; nothing is inserted then
    (the checks all run before the insert)."""
    specs = spec_map(kind)
    code_specs = [spec for spec in specs.values() if spec.kind in ("code", "codes")]
    today = today or date.today()
    known = known or known_codes(session)
    table = TABLES[kind].__table__  # type: ignore[attr-defined]
    rows, links = [], []
    now = utcnow()
    for index, values in enumerate(records):
        unknown = sorted(set(values) - set(specs))
        if unknown:
            raise ValueError(f"unknown fields for {kind}: {unknown}")
        if precleaned:
            cleaned, errors = _recheck(session, kind, values, code_specs, today, known)
        else:
            cleaned, errors = _clean_all(session, kind, {**empty_values(kind), **values},
                                         today, known)
        if errors:
            raise RowErrors(index, FormErrors(errors, {k: specs[k].label for k in errors}))
        row = {k: "" if v is None and not table.c[k].nullable else v
               for k, v in cleaned.items() if k not in LINK_KEYS}
        row.update(uuid=new_uuid(), created_at=now, updated_at=now)
        rows.append(row)
        links.append(cleaned)
    if not rows:
        return []
    ids = _insert_rows(session, table, rows)
    for new_id, cleaned in zip(ids, links, strict=True):
        if kind == "initiatives":
            initiatives.save_links(session, new_id, cleaned)
        elif kind == "residents":
            people.save_recording_consent(session, new_id, cleaned)
    return ids


def _recheck(session: Session, kind: str, values: Mapping[str, object],
             code_specs: Sequence[FieldSpec], today: date, known: KnownCodes
             ) -> tuple[dict[str, object], dict[str, str]]:
    """Cleaned values checked again where the register may have changed since: codes that
    are still in their lists, and the record rules."""
    cleaned = {**empty_values(kind), **values}
    errors: dict[str, str] = {}
    for spec in code_specs:
        try:
            cleaned[spec.key] = clean_value(spec, cleaned.get(spec.key), today, known)
        except ValidationError as exc:
            errors[spec.key] = exc.message
    RULES[kind](session, cleaned, errors, today)
    return cleaned, errors


def _insert_rows(session: Session, table: Table, rows: list[dict[str, object]]) -> list[int]:
    """One executemany INSERT ... RETURNING (SQLAlchemy sends it as multi-row batches); the
    ids are matched back by the uuid each row got, since RETURNING order is not guaranteed
    (asking SQLAlchemy to keep the order without a sentinel column makes it insert row by
    row)."""
    statement = insert(table).returning(table.c.uuid, table.c.id)
    ids = {str(u): int(i) for u, i in session.execute(statement, rows)}
    return [ids[str(row["uuid"])] for row in rows]
