"""Moved to domain.display_format (the PDF reports format cells the same way)."""

from vrijwilligers_app.domain.display_format import format_value

__all__ = ["format_value"]
