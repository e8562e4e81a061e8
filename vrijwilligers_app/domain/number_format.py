"""Moved to domain/dutch_format.py (numbers, dates, months and days in one place); kept so
code written before the move still imports."""

from vrijwilligers_app.domain.dutch_format import (
    format_count,
    format_decimal,
    format_money,
    format_percent,
)

__all__ = ["format_count", "format_decimal", "format_money", "format_percent"]
