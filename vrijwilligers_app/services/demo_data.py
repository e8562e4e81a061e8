"""Demo data as a trial: the register remembers that it holds demo data (so the window can mark
it everywhere) and can be emptied again, back to a register with only the shipped code lists."""

from sqlalchemy import Engine, delete
from sqlmodel import col

from vrijwilligers_app.services.demo import DEMO_TABLES, demo_size, fill_demo
from vrijwilligers_app.store.engine import write_session
from vrijwilligers_app.store.settings import get_setting
from vrijwilligers_app.store.tables import Setting, metadata

DEMO_SETTING = "demo_data"
ORGANISATION_SETTING = "organisation_name"


def is_demo(engine: Engine) -> bool:
    return get_setting(engine, DEMO_SETTING) == "1"


def try_with_demo(engine: Engine) -> dict[str, int]:
    """Fill an empty register with the small demo set and mark it as demo (DemoError, Dutch,
    when the register already holds data; nothing changes then)."""
    counts = fill_demo(engine, demo_size("klein"), seed=1)
    with write_session(engine) as session:
        session.merge(Setting(key=DEMO_SETTING, value="1"))
    return counts


def tables_to_empty() -> list[str]:
    """The demo's tables and every table that refers to one of them (a user may have added a
    note, a consent or an export record while trying), children first."""
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
    removed = 0
    with write_session(engine) as session:
        for name in tables_to_empty():
            result = session.execute(delete(metadata.tables[name]))
            removed += int(getattr(result, "rowcount", 0) or 0)
        session.execute(delete(Setting).where(col(Setting.key) == DEMO_SETTING))
    return removed


def organisation_name(engine: Engine) -> str:
    return get_setting(engine, ORGANISATION_SETTING)


def set_organisation_name(engine: Engine, name: str) -> None:
    """Store the organisation's name (trimmed, at most 120 characters)."""
    with write_session(engine) as session:
        session.merge(Setting(key=ORGANISATION_SETTING, value=" ".join(name.split())[:120]))


