"""The option lists of the dialogs: one initiative query, the filter said out loud."""

from datetime import date

import pytest

from tests.helpers.db import add
from vrijwilligers_app.store.queries.choices import (
    InitiativeFilter,
    destination_choices,
    initiative_choices,
    resident_district,
)
from vrijwilligers_app.store.tables import Initiative, Resident

TODAY = date(2026, 11, 23)


@pytest.fixture
def initiatives(register_engine):
    add(register_engine,
        Initiative(name="loopt", type_code="eetpunt"),
        Initiative(name="Eindigt later", type_code="eetpunt", end_date=date(2027, 1, 1)),
        Initiative(name="Gestopt", type_code="eetpunt", end_date=date(2026, 1, 1)),
        Initiative(name="Gearchiveerd", type_code="eetpunt",
                   archived_at=date(2026, 2, 1)))
    return register_engine


@pytest.mark.parametrize(("which", "names"), [
    (InitiativeFilter.NOT_ARCHIVED, ["Eindigt later", "Gestopt", "loopt"]),
    (InitiativeFilter.NOT_ENDED, ["loopt"]),
    (InitiativeFilter.RUNNING_ON, ["Eindigt later", "loopt"]),
])
def test_each_filter_chooses_its_initiatives_sorted_without_case(initiatives, which, names):
    assert [n for _, n in initiative_choices(initiatives, which, TODAY)] == names


def test_running_on_needs_a_date(register_engine):
    with pytest.raises(ValueError):
        initiative_choices(register_engine, InitiativeFilter.RUNNING_ON)


def test_destinations_and_a_residents_wijk(register_engine):
    names = [n for _, n in destination_choices(register_engine)]
    assert any(n.startswith("Stichting Sociale Teams Helmond") for n in names)
    known, unknown = add(register_engine,
                         Resident(first_name="A", last_name="B", district_code="WK079410"),
                         Resident(first_name="C", last_name="D"))
    assert resident_district(register_engine, known) != ""
    assert resident_district(register_engine, unknown) == ""
