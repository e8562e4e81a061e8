"""Display text for Qt. Values are formatted in domain.display_format (the PDF reports
format cells the same way); here only what is Qt's concern: text direction."""

import unicodedata

from vrijwilligers_app.domain.display_format import format_value

LRM = "\u200e"  # left-to-right mark
_RTL = frozenset({"R", "AL"})

__all__ = ["format_value", "ltr"]


def ltr(text: str) -> str:
    """Text with an Arabic or Hebrew part, shown in a Dutch (left-to-right) interface: a
    leading LRM keeps the line left-to-right, so 'العلي, Şükrü' keeps its comma after the
    Arabic name and stays left-aligned, instead of Qt treating the whole line as Arabic."""
    if text.isascii():  # most cells: no per-character look-up on every repaint
        return text
    if any(unicodedata.bidirectional(ch) in _RTL for ch in text):
        return LRM + text
    return text
