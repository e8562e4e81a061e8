"""Dutch display text for native values, by column kind: shared by the register pages (ui)
and the PDF reports, so a date or count reads the same on screen and on paper. The Dutch
formats themselves live in dutch_format.py."""

from datetime import date, datetime

from vrijwilligers_app.domain.dutch_format import (
    format_date_nl,
    format_datetime_nl,
    format_decimal,
    thousands,
)
from vrijwilligers_app.domain.validation import format_phone


def format_value(value: object, kind: str) -> str:
    if value is None or value == "":
        return ""
    if kind == "bool":
        return "Ja" if value else "Nee"
    if kind == "phone":
        return format_phone(str(value))
    if isinstance(value, datetime):
        return format_datetime_nl(value)
    if isinstance(value, date):
        return format_date_nl(value)
    if kind == "date" and isinstance(value, str):
        return _iso_text_to_nl(value)
    if isinstance(value, bool):
        return "Ja" if value else "Nee"
    if isinstance(value, int):  # years and codes plain, counts with a Dutch thousands dot
        return thousands(value) if kind == "count" else str(value)
    if isinstance(value, float):
        return format_decimal(value, 1)
    return str(value)


def _iso_text_to_nl(text: str) -> str:
    """SQLite hands back dates from raw SQL expressions as ISO text."""
    try:
        if len(text) >= 16 and text[10] in " T":
            moment = datetime.fromisoformat(text)
            return format_datetime_nl(moment)
        return format_date_nl(date.fromisoformat(text[:10]))
    except ValueError:
        return text
