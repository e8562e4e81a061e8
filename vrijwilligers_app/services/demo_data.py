"""Demo data as a trial: the register remembers that it holds demo data (so the window can mark
it everywhere) and can be emptied again, back to a register with only the shipped code lists.

Settings go through store.settings (plain SQL): the window asks `is_demo` before its first
paint, which must not build the SQLModel tables."""

from sqlalchemy import Engine

from vrijwilligers_app.store.queries.demo import delete_setting, empty_tables
from vrijwilligers_app.store.settings import get_setting, set_setting

DEMO_SETTING = "demo_data"
ORGANISATION_SETTING = "organisation_name"


def is_demo(engine: Engine) -> bool:
    return get_setting(engine, DEMO_SETTING) == "1"


def try_with_demo(engine: Engine) -> dict[str, int]:
    """Fill an empty register with the small demo set and mark it as demo (DemoError, Dutch,
    when the register already holds data; nothing changes then)."""
    from vrijwilligers_app.services.demo import demo_size, fill_demo  # only when asked

    counts = fill_demo(engine, demo_size("klein"), seed=1)
    set_setting(engine, DEMO_SETTING, "1")
    return counts


def tables_to_empty() -> list[str]:
    """The demo's tables and every table that refers to one of them (a user may have added a
    note, a consent or an export record while trying), children first."""
    from vrijwilligers_app.services.demo import DEMO_TABLES
    from vrijwilligers_app.store.tables import metadata

    doomed = set(DEMO_TABLES)
    changed = True
    while changed:
        changed = False
        for table in metadata.sorted_tables:
            if table.name not in doomed and any(
                    fk.column.table.name in doomed for fk in table.foreign_keys):
                doomed.add(table.name)
                changed = True
    return [t.name for t in reversed(metadata.sorted_tables) if t.name in doomed]


def remove_demo(engine: Engine) -> int:
    """Empty the register of everything the demo (and trying it out) put in, in one
    transaction; code lists and settings stay, the demo mark goes. Returns rows removed."""
    names = tables_to_empty()
    with engine.execution_options(sqlite_begin="IMMEDIATE").begin() as connection:
        removed = empty_tables(connection, names)  # names come from our own table metadata
        delete_setting(connection, DEMO_SETTING)
    return removed


def organisation_name(engine: Engine) -> str:
    return get_setting(engine, ORGANISATION_SETTING)


def set_organisation_name(engine: Engine, name: str) -> None:
    """Store the organisation's name (spaces tidied, at most 120 characters)."""
    set_setting(engine, ORGANISATION_SETTING, " ".join(name.split())[:120])
