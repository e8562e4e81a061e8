"""One name builder for SQL and one for Python, and they agree."""

from datetime import date

import pytest
from sqlalchemy import text

from tests.helpers.db import add
from vrijwilligers_app.domain.names import full_name
from vrijwilligers_app.services.activities.attendance import consenting_residents
from vrijwilligers_app.store.queries.names import full_name_sql, listed_name_sql
from vrijwilligers_app.store.tables import Resident

NAMES = [("Anna", "", "Jansen"), ("Piet", "de", "Vries"), ("Jan", "van der", "Heijden"),
         ("Doriën", "", "Çelik")]


@pytest.mark.parametrize(("first", "prefix", "last"), NAMES)
def test_sql_and_python_build_the_same_full_name(register_engine, first, prefix, last):
    with register_engine.connect() as connection:
        built, listed = connection.execute(
            text(f"SELECT {full_name_sql('p')}, {listed_name_sql('p')} FROM "
                 "(SELECT :first AS first_name, :prefix AS name_prefix, :last AS last_name) p"),
            {"first": first, "prefix": prefix, "last": last}).one()
    assert built == full_name(first, prefix, last)
    assert "  " not in built
    assert listed == f"{last}, {first}" + (f" {prefix}" if prefix else "")


def test_python_builder_skips_missing_and_blank_parts():
    assert full_name("Anna", None, "Jansen") == "Anna Jansen"
    assert full_name(" Piet ", " de ", " Vries ") == "Piet de Vries"


def test_the_participant_picker_finds_names_with_and_without_tussenvoegsel(register_engine):
    """'Anna Jansen' used to find nothing: the SQL had two spaces where no tussenvoegsel was."""
    add(register_engine, *(Resident(first_name=f, name_prefix=p, last_name=last,
                                    consent_recording=True, consent_recording_on=date(2026, 1, 5))
                             for f, p, last in NAMES))
    assert [n for _, n in consenting_residents(register_engine, "Anna Jansen")] == ["Anna Jansen"]
    assert [n for _, n in consenting_residents(register_engine, "Piet de Vries")] == [
        "Piet de Vries"]
    assert [n for _, n in consenting_residents(register_engine, "van der Heij")] == [
        "Jan van der Heijden"]
