"""Cell values as spreadsheets hold them -> the text or value a register form expects.

Spreadsheets turn phone numbers into numbers (612345678, 6.12345678E8), dates into serial
numbers, and people type dates in several Dutch ways. Every date format is explicit and day
first; nothing is guessed. Each function raises ValueError with a Dutch reason.
"""

import re
from datetime import date, datetime, timedelta

from vrijwilligers_app.domain.dutch_format import parse_decimal
from vrijwilligers_app.domain.validation import ValidationError, parse_date_nl
from vrijwilligers_app.services.importing.cells import CellError, Value

EXCEL_EPOCH = date(1899, 12, 30)  # serial 1 = 01-01-1900 (Excel's leap-year bug included)
SERIAL_RANGE = (1, 2958465)  # 01-01-1900 .. 31-12-9999
MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "maart": 3, "mrt": 3, "mar": 3,
    "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augustus": 8,
    "aug": 8, "september": 9, "sept": 9, "sep": 9, "oktober": 10, "okt": 10, "oct": 10,
    "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_TEXT_MONTH = re.compile(r"(\d{1,2})\s*[ .-]?\s*([a-z]+)\.?\s*[ .-]?\s*(\d{2}|\d{4})")
_SHORT_YEAR = re.compile(r"(\d{1,2})([-/.])(\d{1,2})\2(\d{2})")
_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?(?:[eE][+-]?\d+)?")


def is_empty(value: Value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def as_text(value: Value) -> str:
    """How a cell reads as text: whole numbers without '.0', dates as dd-mm-jjjj."""
    if value is None:
        return ""
    if isinstance(value, CellError):
        raise ValueError(f"de cel bevat een fout ({value})")
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return f"{value.day:02d}-{value.month:02d}-{value.year:04d}"
    return str(value).strip()


def as_phone(value: Value) -> str:
    """A number a spreadsheet made of a phone number gets its leading 0 back: 612345678 ->
    '0612345678', 492123456 -> '0492123456', 31612345678 -> '+31612345678'."""
    if isinstance(value, str) and _NUMBER.fullmatch(value.strip()) and (
            "e" in value.lower() or "," in value or "." in value):
        try:
            value = parse_decimal(value)
        except ValueError:
            return str(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if float(value) != int(value) or value <= 0:
            raise ValueError(f"'{as_text(value)}' is geen telefoonnummer")
        digits = str(int(value))
        if len(digits) == 9:
            return "0" + digits
        if len(digits) == 11 and digits.startswith("31"):
            return "+" + digits
        return digits
    return as_text(value)


def _serial(number: float) -> date:
    if not SERIAL_RANGE[0] <= number <= SERIAL_RANGE[1]:
        raise ValueError(f"'{as_text(number)}' is geen datum")
    return EXCEL_EPOCH + timedelta(days=int(number))


def as_date(value: Value, today: date, past: bool = False) -> date | None:
    """A real date, a serial number, or Dutch text: 05-03-2024, 5-3-2024, 5-3-24, 2024-03-05,
    '3 maart 2024', '3 mrt 24'. Two-digit years: the century that makes the date not
    later than today + 10 years (not later than today when `past`, e.g. a birth date)."""
    if is_empty(value):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _serial(float(value))
    text = as_text(value).lower()
    if text.isdigit() and len(text) == 5:  # a serial number that became text
        return _serial(float(text))
    if match := _SHORT_YEAR.fullmatch(text):
        day, _, month, year = match.groups()
        return _with_century(int(day), int(month), int(year), text, today, past)
    if match := _TEXT_MONTH.fullmatch(text):
        day, word, year = match.groups()
        if word not in MONTHS:
            raise ValueError(f"'{as_text(value)}': '{word}' is geen maand")
        if len(year) == 2:
            return _with_century(int(day), MONTHS[word], int(year), text, today, past)
        return _make(int(year), MONTHS[word], int(day), text)
    try:
        return parse_date_nl(text, "datum")
    except ValidationError as exc:
        raise ValueError(exc.message.rstrip(".")) from None


def _make(year: int, month: int, day: int, text: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(f"'{text}' bestaat niet; controleer dag en maand") from None


def _with_century(day: int, month: int, short: int, text: str, today: date,
                  past: bool) -> date:
    limit = today if past else today.replace(year=today.year + 10)
    value = _make(2000 + short, month, day, text)
    return value if value <= limit else _make(1900 + short, month, day, text)


def as_birth_year(value: Value, today: date) -> int | None:
    """A birth date (any form as_date reads) or a year -> the year only: the register keeps
    no birth date."""
    if is_empty(value):
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool) and \
            1900 <= value <= today.year:
        return int(value)
    text = as_text(value)
    if text.isdigit() and len(text) == 4:
        return int(text)
    found = as_date(value, today, past=True)
    return None if found is None else found.year


YES = frozenset({"ja", "j", "x", "waar", "true", "1", "yes", "y", "v", "✓"})
NO = frozenset({"nee", "n", "onwaar", "false", "0", "no", "-"})


def as_bool(value: Value) -> bool:
    if isinstance(value, bool):
        return value
    text = as_text(value).lower()
    if text in YES:
        return True
    if text in NO or not text:
        return False
    raise ValueError(f"'{as_text(value)}' kan niet; schrijf ja of nee")
