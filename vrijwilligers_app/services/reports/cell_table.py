"""reportlab's Table, with each plain-text cell drawn as one PDF text object.

Table draws every line of a string cell with its own `canvas.drawString`: a text object
begun, placed, filled and ended per line, about a third of laying out a long list. Here a
left- and top-aligned string cell (every body cell of `tables.data_table` but the numbers)
is one text object whose lines step down by the cell's leading, as Table steps them one by
one: the same glyphs at the same places (tests/services/reports/test_cell_table.py compares
the rendered pages pixel for pixel). Every other cell is left to reportlab.

`HeaderCell`: the Paragraph of a column header, which heads the table on every page.
"""

from typing import Any

from reportlab.platypus import Paragraph, Table


class HeaderCell(Paragraph):  # type: ignore[misc]
    """A Paragraph that breaks its lines once per width. The same header cells head every
    page's table of a long list (paged_table.PagedTable), and reportlab wraps every cell of a
    table again each time it measures the table: a tenth of laying out the list went into
    breaking "VOG gezien" over the same two lines. Wrapping depends on the width alone (the
    text and style do not change), so a second wrap at the width of the last one gives the
    last answer; any other width is wrapped by Paragraph as before."""

    _last: tuple[float, tuple[float, float]] | None = None  # (width, Paragraph.wrap's answer)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        last = self._last
        if last is not None and last[0] == availWidth and "blPara" in self.__dict__:
            return last[1]
        answer: tuple[float, float] = super().wrap(availWidth, availHeight)
        self._last = (availWidth, answer)
        return answer


class CellTable(Table):  # type: ignore[misc]
    _curcellstyle: Any  # Table's: the style of the cell drawn last (None before the first)

    def _drawCell(self, cellval: Any, cellstyle: Any, pos: tuple[float, float],  # noqa: N802
                  size: tuple[float, float]) -> None:
        if not (type(cellval) is str and cellstyle.alignment == "LEFT"
                and cellstyle.valign == "TOP" and not cellstyle.direction
                and not cellstyle.shaping and not cellstyle.href and not cellstyle.destination):
            super()._drawCell(cellval, cellstyle, pos, size)
            return
        canvas = self.canv
        current = self._curcellstyle
        if current is not cellstyle:  # the font and colour switches of Table._drawCell
            if current is None or cellstyle.color != current.color:
                canvas.setFillColor(cellstyle.color)
            if current is None or (cellstyle.leading, cellstyle.fontname, cellstyle.fontsize) \
                    != (current.leading, current.fontname, current.fontsize):
                canvas.setFont(cellstyle.fontname, cellstyle.fontsize, cellstyle.leading)
            self._curcellstyle = cellstyle
        column, row = pos
        text = canvas.beginText(column + cellstyle.leftPadding,
                                row + size[1] - cellstyle.topPadding - cellstyle.fontsize)
        for line in cellval.split("\n"):
            text.textLine(line)  # the next line one leading (the font's TL) lower
        canvas.drawText(text)
