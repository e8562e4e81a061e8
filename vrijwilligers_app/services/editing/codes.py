"""Code lists for the forms: options for combo boxes and the set of valid codes."""

from collections.abc import Iterable
from functools import cache

from sqlalchemy import Engine, Table, or_, select
from sqlmodel import Session

from vrijwilligers_app.services.editing.convert import KnownCodes
from vrijwilligers_app.services.editing.fields import BUILT_IN_CODES
from vrijwilligers_app.store.engine import read_session
from vrijwilligers_app.store.tables import metadata


def _code_table(name: str) -> Table:
    table = metadata.tables.get(name)
    if table is None or "code" not in table.c or "name" not in table.c:
        raise ValueError(f"{name!r} is not a code table")
    return table


def code_options(engine: Engine, code_table: str, keep: Iterable[str] = ()) -> list[
        tuple[str, str]]:
    """(code, name) of the active entries, in the list's own order (sort_order, then name;
    wijken and buurten by name). Codes in `keep` are included even when inactive, so a
    form can still show the value a record already has."""
    if code_table in BUILT_IN_CODES:
        return list(BUILT_IN_CODES[code_table])
    table = _code_table(code_table)
    stmt = select(table.c.code, table.c.name)
    if "active" in table.c:
        kept = [code for code in keep if code]
        stmt = stmt.where(or_(table.c.active.is_(True), table.c.code.in_(kept)))
    order = [table.c.sort_order] if "sort_order" in table.c else []
    stmt = stmt.order_by(*order, table.c.name, table.c.code)
    with read_session(engine) as session:
        return [(code, name) for code, name in session.execute(stmt)]


def code_names(session: Session, code_table: str) -> dict[str, str]:
    """Every code of a list (active or not) with its name."""
    if code_table in BUILT_IN_CODES:
        return dict(BUILT_IN_CODES[code_table])
    table = _code_table(code_table)
    return {code: name for code, name in session.execute(select(table.c.code, table.c.name))}


def known_codes(session: Session) -> KnownCodes:
    """A lookup of the valid codes per list, reading each list once per session."""

    @cache
    def lookup(code_table: str) -> frozenset[str]:
        return frozenset(code_names(session, code_table))

    return lookup
