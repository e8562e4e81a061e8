from datetime import date

import pytest

from vrijwilligers_app.services.importing.cells import CellError
from vrijwilligers_app.services.importing.names import split_name
from vrijwilligers_app.services.importing.values import (
    as_birth_year,
    as_date,
    as_phone,
    as_text,
)

TODAY = date(2026, 12, 6)


@pytest.mark.parametrize(("full", "parts"), [
    ("Jan van der Heijden", ("Jan", "van der", "Heijden")),
    ("Jansen, Anna", ("Anna", "", "Jansen")),
    ("Heijden, Jan van der", ("Jan", "van der", "Heijden")),
    ("Anna Maria Jansen", ("Anna Maria", "", "Jansen")),
    ("Kees 't Hart", ("Kees", "'t", "Hart")),
    ("Els ter Horst", ("Els", "ter", "Horst")),
    ("Jan de Vries-van Dam", ("Jan", "de", "Vries-van Dam")),
    ("Mohamed El Amrani", ("Mohamed", "El", "Amrani")),
    ("  Piet   Bos ", ("Piet", "", "Bos")),
    ("Bos", ("", "", "Bos")),
])
def test_full_name_is_split_the_dutch_way(full: str, parts: tuple[str, str, str]) -> None:
    assert split_name(full) == parts


@pytest.mark.parametrize(("cell", "text"), [
    (612345678, "0612345678"), (612345678.0, "0612345678"), ("6.12345678E8", "0612345678"),
    ("6,12345678E8", "0612345678"), (492123456, "0492123456"), (31612345678, "+31612345678"),
    ("06-12345678", "06-12345678"),
])
def test_phone_numbers_made_numbers_are_recovered(cell: object, text: str) -> None:
    assert as_phone(cell) == text  # type: ignore[arg-type]


@pytest.mark.parametrize(("cell", "expected"), [
    (date(2024, 3, 3), date(2024, 3, 3)),
    (45354, date(2024, 3, 3)), (45354.0, date(2024, 3, 3)), ("45354", date(2024, 3, 3)),
    ("03-03-2024", date(2024, 3, 3)), ("3-3-2024", date(2024, 3, 3)),
    ("3-3-24", date(2024, 3, 3)), ("2024-03-03", date(2024, 3, 3)),
    ("3 maart 2024", date(2024, 3, 3)), ("3 mrt 2024", date(2024, 3, 3)),
    ("03.03.2024", date(2024, 3, 3)), ("12-1-2024", date(2024, 1, 12)),  # day first, always
    ("", None),
])
def test_dates_in_every_form_read_day_first(cell: object, expected: date | None) -> None:
    assert as_date(cell, TODAY) == expected  # type: ignore[arg-type]


def test_two_digit_birth_years_never_land_in_the_future() -> None:
    assert as_birth_year("4-7-55", TODAY) == 1955
    assert as_birth_year("4-7-12", TODAY) == 2012
    assert as_birth_year(date(1950, 3, 4), TODAY) == 1950
    assert as_birth_year(1971, TODAY) == 1971
    assert as_birth_year(18000, TODAY) == 1949  # a serial number: 13-04-1949


@pytest.mark.parametrize("bad", ["31-02-2024", "3 blub 2024", "morgen"])
def test_impossible_dates_get_a_dutch_reason(bad: str) -> None:
    with pytest.raises(ValueError, match="bestaat niet|geen maand|geen datum"):
        as_date(bad, TODAY)


def test_error_cells_never_become_text() -> None:
    with pytest.raises(ValueError, match="#N/B"):
        as_text(CellError("#N/A"))
