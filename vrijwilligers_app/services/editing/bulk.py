"""Many new records at once (an import): each checked exactly as save_record checks it, then
inserted with one Core statement per batch instead of an ORM object and a flush per row
(about 4 ms a row less on 10,000 volunteers)."""

from collections.abc import Mapping, Sequence
from datetime import date

from sqlalchemy import insert
from sqlmodel import Session

from vrijwilligers_app.services.editing import initiatives, people
from vrijwilligers_app.services.editing.codes import known_codes
from vrijwilligers_app.services.editing.convert import KnownCodes
from vrijwilligers_app.services.editing.fields import LINK_KEYS, TABLES, spec_map
from vrijwilligers_app.services.editing.records import FormErrors, _clean_all, empty_values
from vrijwilligers_app.store.tables.base import new_uuid, utcnow


class RowErrors(FormErrors):
    """FormErrors of one of the records given to insert_new; `index` says which."""

    def __init__(self, index: int, errors: FormErrors) -> None:
        super().__init__(errors.errors, errors.labels)
        self.index = index


def insert_new(session: Session, kind: str, records: Sequence[Mapping[str, object]],
               today: date | None = None, known: KnownCodes | None = None) -> list[int]:
    """Create every record (in the caller's transaction) and return their ids in order.
    Raises RowErrors for the first record the form rules refuse; nothing is inserted then
    (the checks all run before the insert)."""
    specs = spec_map(kind)
    today = today or date.today()
    known = known or known_codes(session)
    table = TABLES[kind].__table__  # type: ignore[attr-defined]
    rows, links = [], []
    now = utcnow()
    for index, values in enumerate(records):
        unknown = sorted(set(values) - set(specs))
        if unknown:
            raise ValueError(f"unknown fields for {kind}: {unknown}")
        cleaned, errors = _clean_all(session, kind, {**empty_values(kind), **values}, today,
                                     known)
        if errors:
            raise RowErrors(index, FormErrors(errors, {k: specs[k].label for k in errors}))
        row = {k: "" if v is None and not table.c[k].nullable else v
               for k, v in cleaned.items() if k not in LINK_KEYS}
        row.update(uuid=new_uuid(), created_at=now, updated_at=now)
        rows.append(row)
        links.append(cleaned)
    if not rows:
        return []
    statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    ids = [int(found) for found in session.execute(statement, rows).scalars()]
    for new_id, cleaned in zip(ids, links, strict=True):
        if kind == "initiatives":
            initiatives.save_links(session, new_id, cleaned)
        elif kind == "residents":
            people.save_recording_consent(session, new_id, cleaned)
    return ids
