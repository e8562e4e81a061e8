"""Reads and writes of a spreadsheet import (services/importing): each takes the import's
Session, so a preview reads one snapshot and an import or its undo is one transaction."""

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from sqlalchemy import Table, delete, insert, select
from sqlmodel import Session

from vrijwilligers_app.store.tables import Initiative, Volunteer, VolunteerRole

UNDO_CHUNK = 500  # ids per DELETE … IN (…), well under SQLite's bound-parameter limit


def people_for_duplicates(session: Session, table: Table) -> Iterator[Sequence[Any]]:
    """Every volunteer or resident (`table`) with the fields the duplicate rule looks at:
    id, first_name, name_prefix, last_name, birth_year, postcode, phone, email, archived_at."""
    c = table.c
    stmt = select(c.id, c.first_name, c.name_prefix, c.last_name, c.birth_year, c.postcode,
                  c.phone, c.email, c.archived_at)
    yield from session.connection().execute(stmt)


def volunteer_names(session: Session) -> Iterator[Sequence[Any]]:
    """(id, first_name, name_prefix, last_name, birth_year) of every volunteer."""
    yield from session.execute(select(  # type: ignore[call-overload]
        Volunteer.id, Volunteer.first_name, Volunteer.name_prefix,
        Volunteer.last_name, Volunteer.birth_year))


def initiative_names(session: Session) -> Iterator[Sequence[Any]]:
    """(id, name) of every initiative."""
    yield from session.execute(select(Initiative.id, Initiative.name))  # type: ignore[call-overload]


def open_roles(session: Session) -> set[tuple[int, int, str]]:
    """(volunteer_id, initiative_id, role_code) of every role without an end date."""
    return {tuple(r) for r in session.execute(select(  # type: ignore[misc]
        VolunteerRole.volunteer_id, VolunteerRole.initiative_id,  # type: ignore[call-overload]
        VolunteerRole.role_code).where(VolunteerRole.end_date.is_(None)))}  # type: ignore[union-attr]


def insert_roles(session: Session, data: Sequence[Mapping[str, Any]]) -> list[int]:
    """Insert volunteer_role rows in one executemany; their new ids, in the rows' order."""
    if not data:
        return []
    table = VolunteerRole.__table__  # type: ignore[attr-defined]
    statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    return [int(i) for i in session.execute(statement, data).scalars()]


def delete_ids(session: Session, table: Table, ids: Sequence[int]) -> None:
    """Delete the rows with these ids from `table`, in chunks of UNDO_CHUNK."""
    for start in range(0, len(ids), UNDO_CHUNK):
        chunk = ids[start:start + UNDO_CHUNK]
        session.execute(delete(table).where(table.c.id.in_(chunk)))
