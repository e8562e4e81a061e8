"""Report periods as people write them: a year, a quarter, or two Dutch dates. Pure Python.

    2026                      -> 01-01-2026 .. 31-12-2026
    2026-K3 (or K3-2026)      -> 01-07-2026 .. 30-09-2026
    01-01-2026..30-06-2026    -> those two days, both included
"""

import re
from datetime import date, timedelta
from typing import NamedTuple

from vrijwilligers_app.domain.validation import ValidationError, format_date_nl, parse_date_nl

PERIOD_HINT = ("schrijf een jaar (2026), een kwartaal (2026-K3) of twee datums "
               "(01-01-2026..30-06-2026)")
# Compiled (and cached by `re`) when a period is parsed: a report without --periode never is.
_YEAR = r"([0-9]{4})"
_QUARTER = r"([0-9]{4})\s*-?\s*[Kk]([1-4])|[Kk]([1-4])\s*-?\s*([0-9]{4})"
FIELD = "Periode"


class Period(NamedTuple):
    """An immutable value: a NamedTuple rather than a frozen dataclass, which takes five
    times as long to create at import (issue 18: the `rapport` process)."""

    start: date
    end: date  # included

    @property
    def label(self) -> str:
        if self.start.month == 1 and self.start.day == 1 and self.end == date(
                self.start.year, 12, 31):
            return str(self.start.year)
        quarter = (self.start.month - 1) // 3 + 1
        if self.start.day == 1 and self.start.month % 3 == 1 and self.end == quarter_end(
                self.start.year, quarter):
            return f"{quarter}e kwartaal {self.start.year}"
        return f"{format_date_nl(self.start)} t/m {format_date_nl(self.end)}"

    def quarters(self) -> list["Period"]:
        """The calendar quarters this period touches, each cut to the period."""
        result: list[Period] = []
        year, quarter = self.start.year, (self.start.month - 1) // 3 + 1
        while True:
            start = max(date(year, 3 * quarter - 2, 1), self.start)
            if start > self.end:
                return result
            result.append(Period(start, min(quarter_end(year, quarter), self.end)))
            year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)


def quarter_end(year: int, quarter: int) -> date:
    if quarter == 4:
        return date(year, 12, 31)
    return date(year, 3 * quarter + 1, 1) - timedelta(days=1)


def quarter_name(period: Period) -> str:
    return f"K{(period.start.month - 1) // 3 + 1}"


def year_period(year: int) -> Period:
    return Period(date(year, 1, 1), date(year, 12, 31))


def parse_period(text: str) -> Period:
    """Raises ValidationError (field 'Periode') with a Dutch message on anything else."""
    stripped = text.strip()
    if not stripped:
        raise ValidationError(FIELD, f"geen periode opgegeven; {PERIOD_HINT}.")
    if re.fullmatch(_YEAR, stripped):
        return _checked_year(int(stripped), stripped)
    if match := re.fullmatch(_QUARTER, stripped):
        year = int(match.group(1) or match.group(4))
        quarter = int(match.group(2) or match.group(3))
        _checked_year(year, stripped)
        return Period(date(year, 3 * quarter - 2, 1), quarter_end(year, quarter))
    if ".." in stripped:
        first, _, last = stripped.partition("..")
        start = parse_date_nl(first, FIELD)
        end = parse_date_nl(last, FIELD)
        if start is None or end is None:
            raise ValidationError(FIELD, f"'{stripped}': begin- of einddatum ontbreekt; "
                                         f"{PERIOD_HINT}.")
        if end < start:
            raise ValidationError(FIELD, f"'{stripped}': de einddatum ligt vóór de begindatum.")
        return Period(start, end)
    raise ValidationError(FIELD, f"'{stripped}' is geen periode; {PERIOD_HINT}.")


def _checked_year(year: int, text: str) -> Period:
    if not 1900 <= year <= 2100:
        raise ValidationError(FIELD, f"'{text}': jaar buiten 1900–2100; {PERIOD_HINT}.")
    return year_period(year)
