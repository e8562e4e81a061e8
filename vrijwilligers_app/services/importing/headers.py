"""Where the header row is: lists often carry a title, a date or an empty line above it."""

from collections.abc import Sequence

from vrijwilligers_app.services.importing.cells import Value
from vrijwilligers_app.services.importing.mapping import ALL_WORDS, header_key
from vrijwilligers_app.services.importing.values import is_empty

SCAN_ROWS = 30


def header_score(row: Sequence[Value]) -> int:
    """How many cells of a row are header words we know."""
    return sum(1 for cell in row if isinstance(cell, str) and header_key(cell) in ALL_WORDS)


def find_header_row(rows: Sequence[Sequence[Value]]) -> int:
    """0-based index of the likeliest header row among the first rows: the most known header
    words; without any, the first row with at least two filled text cells (else 0)."""
    best, best_score = -1, 0
    for index, row in enumerate(rows[:SCAN_ROWS]):
        score = header_score(row)
        if score > best_score:
            best, best_score = index, score
    if best >= 0:
        return best
    for index, row in enumerate(rows[:SCAN_ROWS]):
        if sum(1 for cell in row if isinstance(cell, str) and not is_empty(cell)) >= 2:
            return index
    return 0
