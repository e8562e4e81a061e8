"""insert_new: the form rules of save_record for many records, one insert."""

from datetime import date

import pytest
from sqlalchemy import Engine, func, select

from vrijwilligers_app.services.editing import load_record, save_record
from vrijwilligers_app.services.editing.bulk import RowErrors, insert_new
from vrijwilligers_app.store.engine import read_session, write_session
from vrijwilligers_app.store.tables import Initiative, Volunteer

TODAY = date(2026, 12, 6)


def test_same_stored_values_as_save_record(register_engine: Engine) -> None:
    values = {"first_name": " Doriën ", "last_name": "de  Vries", "phone": "06-12345678",
              "postcode": "5701ab", "skills": "koken, Fietsen", "vog_date": "01-02-2024",
              "vog_checked_by": "Els"}
    one = save_record(register_engine, "volunteers", values, today=TODAY)
    with write_session(register_engine) as session:
        [two] = insert_new(session, "volunteers", [values], TODAY)
    assert load_record(register_engine, "volunteers", one) == \
        load_record(register_engine, "volunteers", two)
    with read_session(register_engine) as session:
        first, second = session.get(Volunteer, one), session.get(Volunteer, two)
        assert first is not None and second is not None
        assert second.uuid != first.uuid and len(second.uuid) == 36
        assert second.created_at.tzinfo is not None


def test_a_refused_record_stops_the_batch(register_engine: Engine) -> None:
    with pytest.raises(RowErrors) as caught, write_session(register_engine) as session:
        insert_new(session, "initiatives", [
            {"name": "Eetpunt", "type_code": "eetpunt"},
            {"name": "", "type_code": "eetpunt"}], TODAY)
    assert caught.value.index == 1 and "name" in caught.value.errors
    with read_session(register_engine) as session:
        assert session.execute(select(func.count()).select_from(Initiative)).scalar_one() == 0


def test_initiative_links_are_saved(register_engine: Engine) -> None:
    with write_session(register_engine) as session:
        [new_id] = insert_new(session, "initiatives", [
            {"name": "Taalhulp", "type_code": "eetpunt", "districts": ["WK079410"]}], TODAY)
    assert load_record(register_engine, "initiatives", new_id)["districts"] == ["WK079410"]
