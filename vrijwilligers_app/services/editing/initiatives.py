"""Initiatives: wijken and leefdomeinen kept in link tables, and the initiative's own rules."""

from datetime import date

from sqlalchemy import delete, insert, select
from sqlmodel import Session

from vrijwilligers_app.services.editing.rules import Errors, Values, check_period
from vrijwilligers_app.store.tables import metadata

# form key -> (link table, column holding the code)
LINKS = {
    "districts": ("initiative_district", "district_code"),
    "life_domains": ("initiative_life_domain", "life_domain_code"),
}


def load_links(session: Session, initiative_id: int) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for key, (name, column) in LINKS.items():
        table = metadata.tables[name]
        code = table.c[column]
        stmt = select(code).where(table.c.initiative_id == initiative_id).order_by(code)
        out[key] = list(session.execute(stmt).scalars())
    return out


def save_links(session: Session, initiative_id: int, values: Values) -> None:
    """Replace the link rows with exactly the codes in the form."""
    for key, (name, column) in LINKS.items():
        table = metadata.tables[name]
        codes = values[key]
        assert isinstance(codes, list)
        session.execute(delete(table).where(table.c.initiative_id == initiative_id))
        if codes:
            session.execute(insert(table), [{"initiative_id": initiative_id, column: code}
                                            for code in codes])


def check(session: Session, values: Values, errors: Errors, today: date) -> None:
    del session, today  # same signature as the people rules
    check_period(values, errors)
