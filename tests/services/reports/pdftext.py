"""Moved to tests/helpers/pdftext.py; kept so branches written before the move still import."""

from tests.helpers.pdftext import dutch, pages, squeezed, text

__all__ = ["dutch", "pages", "squeezed", "text"]
