"""Dutch numbers, dates, months and days: one module, and nobody writes their own."""

from datetime import date, datetime
from pathlib import Path

from vrijwilligers_app.domain import dutch_format as nl

PACKAGE = Path(__file__).resolve().parents[2] / "vrijwilligers_app"


def test_numbers():
    assert nl.thousands(1234567) == "1.234.567" and nl.thousands(-1234) == "-1.234"
    assert nl.format_decimal(1234.56, 1) == "1.234,6"
    assert [nl.format_number(v) for v in (2.5, 2.0, 1.75, 0.333, 1234.5)] == [
        "2,5", "2", "1,75", "0,33", "1.234,5"]
    assert nl.format_amount(125000) == "1.250,00" and nl.format_amount(5) == "0,05"
    assert nl.format_money(-125050) == "-€ 1.250,50"
    assert nl.format_percent(0.834) == "83 %"


def test_dates_months_and_days():
    assert nl.format_date_nl(date(2026, 3, 5)) == "05-03-2026"
    assert nl.format_datetime_nl(datetime(2026, 3, 5, 19, 0)) == "05-03-2026 19:00"
    assert nl.month_name(3) == "maart" and nl.month_name(12) == "december"
    assert nl.day_name(date(2026, 11, 24)) == "dinsdag"
    assert nl.day_name(date(2026, 11, 29)) == "zondag"


def test_no_hand_written_dutch_number_or_name_list_elsewhere():
    """A thousands separator swapped by hand, or a list of month or day names, outside
    dutch_format.py is a second place to keep right."""
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if path.name == "dutch_format.py":
            continue
        source = path.read_text(encoding="utf-8")
        if '.replace(",", ".")' in source or '"januari", "februari"' in source \
                or '"maandag", "dinsdag"' in source:
            offenders.append(str(path.relative_to(PACKAGE)))
    assert offenders == []
