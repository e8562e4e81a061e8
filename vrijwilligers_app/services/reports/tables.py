"""Tables that break across pages with their header repeated, and never cut a long name.

Cells are plain strings wrapped to their column by `wrapping.wrap_text` (a long name goes
over more lines; only a word wider than the column is split), not a Paragraph each: a
1,000-row list must take well under two seconds.
"""

from collections.abc import Sequence
from typing import NamedTuple

from reportlab.platypus import Flowable, Table, TableStyle

from vrijwilligers_app.services.reports import styles
from vrijwilligers_app.services.reports.cell_table import CellTable, HeaderCell
from vrijwilligers_app.services.reports.document import FRAME_WIDTH
from vrijwilligers_app.services.reports.paged_table import PagedTable
from vrijwilligers_app.services.reports.styles import escape
from vrijwilligers_app.services.reports.wrapping import text_width, wrap_text

PADDING = 3.0
SHORT_LINE = 14  # characters; a line this short is kept whole if the columns allow
PAGED_FROM = 60  # rows; longer tables are cut per page by PagedTable (linear, not quadratic)


class Column(NamedTuple):  # immutable; not a frozen dataclass (see report_period.Period)
    header: str
    width: float  # share of the frame width; the shares of one table add up to at most 1
    right: bool = False  # numbers and dates-as-numbers are right aligned


def data_table(columns: Sequence[Column], rows: Sequence[Sequence[object]],
               total_row: bool = False, width: float = FRAME_WIDTH,
               groups: Sequence[tuple[str, int]] = ()) -> Flowable:
    """A striped table with a repeated header; `total_row`: the last row is printed bold;
    `groups`: an extra header row above, (label, number of columns) from the left, e.g.
    ("", 2), ("Wachttijd (dagen)", 3) so short column headers never split a word."""
    widths = _fitted([c.width * width for c in columns], [c.header for c in columns], rows)
    header = [HeaderCell(escape(c.header), styles.HEADER_CELL_RIGHT if c.right
                         else styles.HEADER_CELL) for c in columns]
    top: list[list[object]] = []
    spans: list[tuple[object, ...]] = []
    if groups:
        row: list[object] = []
        for label, span in groups:
            spans.append(("SPAN", (len(row), 0), (len(row) + span - 1, 0)))
            row.extend([HeaderCell(escape(label), styles.GROUP_CELL)] + [""] * (span - 1))
            if label:
                spans.append(("LINEBELOW", (len(row) - span, 0), (len(row) - 1, 0), 0.4,
                              styles.GRID))
        top = [row]
    body = [[_cell(value, widths[i]) for i, value in enumerate(row)] for row in rows]
    heads = len(top) + 1
    rights = [i for i, column in enumerate(columns) if column.right]

    def make(part: Sequence[Sequence[str]], last: bool) -> Table:
        table = CellTable([*top, header, *part], colWidths=widths, repeatRows=heads,
                          hAlign="LEFT")
        table.setStyle(_style(heads, spans, rights, total_row and last and bool(part)))
        return table

    if len(body) <= PAGED_FROM:
        return make(body, True)
    header_height = make([], False).wrap(width, 10_000)[1]
    return PagedTable(make, body, header_height, sum(widths))


def _style(heads: int, spans: list[tuple[object, ...]], rights: list[int],
           bold_last: bool) -> TableStyle:
    commands: list[tuple[object, ...]] = [
        ("FONT", (0, 0), (-1, -1), styles.FONT, styles.CELL_SIZE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (0, 0), (-1, heads - 1), "BOTTOM"),
        ("BACKGROUND", (0, 0), (-1, heads - 1), styles.LIGHT),
        ("LINEBELOW", (0, heads - 1), (-1, heads - 1), 0.8, styles.ACCENT),
        ("LINEBELOW", (0, -1), (-1, -1), 0.4, styles.GRID),
        ("ROWBACKGROUNDS", (0, heads), (-1, -1), [None, styles.STRIPE]),
        *spans,
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    commands += [("ALIGN", (i, heads), (i, -1), "RIGHT") for i in rights]
    if bold_last:
        commands.append(("LINEABOVE", (0, -1), (-1, -1), 0.8, styles.ACCENT))
        commands.append(("FONT", (0, -1), (-1, -1), styles.FONT_BOLD, styles.CELL_SIZE))
    return TableStyle(commands)


def _longest_word(text: str, font: str) -> float:
    return max((text_width(w, font) for w in text.split()), default=0.0)


def _unbroken(text: str) -> float:
    """Room a cell wants on one line: a short line whole (a phone number, a date, 'Ja'),
    otherwise its longest word."""
    return max((text_width(line) if len(line) <= SHORT_LINE else
                _longest_word(line, styles.FONT) for line in text.split("\n")), default=0.0)


def _fitted(widths: list[float], titles: Sequence[str], rows: Sequence[Sequence[object]],
            sample: int = 60) -> list[float]:
    """Widen a column whose header, or a word in its first rows (a date, a phone number),
    is longer than the column, taking the room from the column with the most to spare.
    A header word always fits; for cell words a column grows to at most 1.25 times its
    planned width and a donor keeps 4/5 of its own, so one long e-mail address cannot
    squeeze the names: beyond that the word is split over lines (never cut)."""
    planned = list(widths)
    header_need = [_longest_word(t, styles.FONT_BOLD) + 2 * PADDING + 1 for t in titles]
    needed = [0.0] * len(planned)
    for row in rows[:sample]:
        for i, value in enumerate(row[:len(needed)]):
            needed[i] = max(needed[i], _unbroken(str(value or "")))
    needed = [max(h, min(n + 2 * PADDING + 1, 1.25 * p))
              for h, n, p in zip(header_need, needed, planned, strict=True)]
    floor = [max(n, 0.8 * p) for n, p in zip(needed, planned, strict=True)]
    widths = list(planned)
    for i, need in enumerate(needed):
        short = need - widths[i]
        while short > 0.01:  # from the column with most to spare, then the next
            donor = max((j for j in range(len(widths)) if j != i),
                        key=lambda j: widths[j] - floor[j], default=None)
            if donor is None or widths[donor] - floor[donor] <= 0.01:
                break
            give = min(short, widths[donor] - floor[donor])
            widths[donor] -= give
            widths[i] += give
            short -= give
    return widths


def _cell(value: object, width: float, font: str = styles.FONT) -> str:
    return wrap_text("" if value is None else str(value), width - 2 * PADDING, font)


def key_value_table(pairs: Sequence[tuple[str, str]], width: float = FRAME_WIDTH * 0.7,
                    label_share: float = 0.62, numbers: bool = True) -> Table:
    """Two columns of label and value, for summaries at the top of a report; `numbers`:
    values right aligned."""
    widths = [width * label_share, width * (1 - label_share)]
    rows = [[_cell(label, widths[0]), _cell(value, widths[1])]
            for label, value in pairs]
    table = CellTable(rows, colWidths=widths, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), styles.FONT, styles.CELL_SIZE),
        ("ALIGN", (1, 0), (1, -1), "RIGHT" if numbers else "LEFT"),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, styles.GRID),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]))
    return table
