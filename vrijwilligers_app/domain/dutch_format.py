"""Dutch text for numbers, dates, months and days: the one place, shared by the screen
(ui/models, ui/widgets), the PDF reports, exports and messages. Pure Python.

1.234 and 12,5 and 83 % and € 1.250,00; 05-03-2026; "maart", "dinsdag". Our own small
module rather than Babel: five functions and two name lists for one locale (nl_NL) do not
warrant a dependency and its CLDR data in the Windows installer.
"""

import re
from datetime import date, datetime

MONTH_NAMES = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
               "september", "oktober", "november", "december")
DAY_NAMES = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
MISSING = "—"  # a number that is not there, in a report table


def month_name(month: int) -> str:
    """1 -> 'januari'."""
    return MONTH_NAMES[month - 1]


def day_name(day: date) -> str:
    """The Dutch name of the weekday: date(2026, 11, 24) -> 'dinsdag'."""
    return DAY_NAMES[day.weekday()]


def format_date_nl(d: date | None) -> str:
    """date -> '05-03-2026'; None -> ''. Not strftime: that drops zeros of years < 1000."""
    if d is None:
        return ""
    return f"{d.day:02d}-{d.month:02d}-{d.year:04d}"


def format_datetime_nl(moment: datetime) -> str:
    """'05-03-2026 19:00'."""
    return f"{format_date_nl(moment.date())} {moment:%H:%M}"


def thousands(value: int) -> str:
    """12345 -> '12.345' (a Dutch thousands dot; no placeholder for None)."""
    return f"{value:,}".replace(",", ".")


def format_count(value: int | None) -> str:
    """12345 -> '12.345'; None -> '—'."""
    return MISSING if value is None else thousands(value)


def format_decimal(value: float | None, places: int = 1) -> str:
    """1234.5 -> '1.234,5' (thousands dot, decimal comma); None -> '—'."""
    if value is None:
        return MISSING
    text = f"{value:,.{places}f}"
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


def format_number(value: float, max_places: int = 2) -> str:
    """2.5 -> '2,5', 2.0 -> '2', 1.75 -> '1,75': at most `max_places`, no trailing zeros."""
    text = format_decimal(value, max_places)
    return text.rstrip("0").rstrip(",") if "," in text else text


def format_percent(share: float | None) -> str:
    """0.834 -> '83 %' (Dutch style: a space before the sign); None -> '—'."""
    if share is None:
        return MISSING
    return f"{round(share * 100)} %"


def format_amount(cents: int) -> str:
    """125000 -> '1.250,00': an amount of euros as typed in a form (no sign)."""
    euros, rest = divmod(abs(cents), 100)
    return f"{'-' if cents < 0 else ''}{thousands(euros)},{rest:02d}"


def format_money(cents: int | None) -> str:
    """125000 -> '€ 1.250,00'; None -> '—'."""
    if cents is None:
        return MISSING
    sign = "-" if cents < 0 else ""
    return f"{sign}€ {format_amount(abs(cents))}"


_DUTCH_NUMBER = r"-?\d{1,3}(\.\d{3})*(,\d+)?|-?\d+(,\d+)?"  # compiled when first parsed


def parse_number_nl(text: str) -> int | float | None:
    """'1.234' -> 1234, '12,5' -> 12.5 (how this module writes them); None for anything that
    is not such a number (a name, '—', '12 %')."""
    stripped = text.strip()
    if not re.fullmatch(_DUTCH_NUMBER, stripped):
        return None
    value = float(stripped.replace(".", "").replace(",", "."))
    return value if "," in stripped else int(value)


def parse_decimal(text: str) -> float:
    """A number with a decimal comma or point, also in E notation ('6,12345678E8'), as a
    float; ValueError when it is none."""
    return float(text.strip().replace(",", "."))
