from datetime import date

import pytest

from vrijwilligers_app.domain.dutch_format import (
    format_count,
    format_decimal,
    format_money,
    format_percent,
)
from vrijwilligers_app.domain.report_period import Period, parse_period
from vrijwilligers_app.domain.validation import ValidationError


@pytest.mark.parametrize(("text", "start", "end", "label"), [
    ("2026", date(2026, 1, 1), date(2026, 12, 31), "2026"),
    ("2026-K1", date(2026, 1, 1), date(2026, 3, 31), "1e kwartaal 2026"),
    ("2026-k3", date(2026, 7, 1), date(2026, 9, 30), "3e kwartaal 2026"),
    ("K4-2025", date(2025, 10, 1), date(2025, 12, 31), "4e kwartaal 2025"),
    (" 01-01-2026..30-06-2026 ", date(2026, 1, 1), date(2026, 6, 30),
     "01-01-2026 t/m 30-06-2026"),
    ("5-3-2026..5-3-2026", date(2026, 3, 5), date(2026, 3, 5), "05-03-2026 t/m 05-03-2026"),
])
def test_periods_people_write(text, start, end, label):
    period = parse_period(text)
    assert (period.start, period.end, period.label) == (start, end, label)


@pytest.mark.parametrize(("text", "words"), [
    ("", "geen periode"), ("2026-K5", "geen periode"), ("vorig jaar", "geen periode"),
    ("1850", "1900"), ("30-06-2026..01-01-2026", "vóór de begindatum"),
    ("31-02-2026..01-03-2026", "bestaat niet"), ("01-01-2026..", "ontbreekt"),
])
def test_bad_periods_get_a_dutch_message(text, words):
    with pytest.raises(ValidationError) as info:
        parse_period(text)
    assert info.value.field == "Periode"
    assert words in info.value.message


def test_quarters_are_cut_to_the_period():
    quarters = Period(date(2026, 2, 15), date(2026, 8, 10)).quarters()
    assert [(q.start, q.end) for q in quarters] == [
        (date(2026, 2, 15), date(2026, 3, 31)), (date(2026, 4, 1), date(2026, 6, 30)),
        (date(2026, 7, 1), date(2026, 8, 10))]
    assert len(parse_period("2025").quarters()) == 4


def test_dutch_numbers():
    assert format_count(1234567) == "1.234.567"
    assert format_decimal(1234.56, 1) == "1.234,6"
    assert format_percent(0.834) == "83 %"
    assert format_money(125000) == "€ 1.250,00"
    assert format_count(None) == format_percent(None) == "—"
