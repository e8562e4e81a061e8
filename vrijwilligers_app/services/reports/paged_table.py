"""A long table that is cut into page-sized tables while the document is laid out.

Reportlab splits a Table page by page by building a new Table of all remaining rows each
time, so a list of n rows costs O(n²): a 15,000-row overdue list took minutes. This
flowable only keeps the rows; when the frame asks it to split, it takes as many rows as fit
(each a plain string of known line count, so its height is known) and builds one small Table
of them with the header in front, which is exactly what a repeated header looks like.
"""

from collections.abc import Callable, Sequence
from typing import Any

from reportlab.platypus import Flowable, Table

from vrijwilligers_app.services.reports import styles

MakeTable = Callable[[Sequence[Sequence[str]], bool], Table]  # (rows, holds the last row)
CELL_PADDING = 4.0  # top + bottom padding of a body row (see tables.data_table)


def row_height(row: Sequence[str]) -> float:
    lines = max((cell.count("\n") + 1 for cell in row), default=1)
    return lines * styles.CELL_SIZE * 1.2 + CELL_PADDING


class PagedTable(Flowable):  # type: ignore[misc]
    def __init__(self, make: MakeTable, rows: Sequence[Sequence[str]], header_height: float,
                 width: float, last: bool = True, heights: list[float] | None = None) -> None:
        super().__init__()
        self._make, self._rows, self._last = make, list(rows), last
        self._header_height = header_height
        self._heights = heights if heights is not None else [row_height(r) for r in rows]
        self.width = width
        self.height = header_height + sum(self._heights)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def _fitting(self, available_height: float) -> int:
        room, count = available_height - self._header_height, 0
        for height in self._heights:
            if height > room:
                break
            room -= height
            count += 1
        return count

    def split(self, available_width: float, available_height: float) -> list[Any]:
        count = self._fitting(available_height)
        if count == 0:
            return []  # not even one row here: the frame moves on to the next page
        if count >= len(self._rows):
            return [self._make(self._rows, self._last)]
        first = self._make(self._rows[:count], False)
        _, height = first.wrap(available_width, available_height)
        while height > available_height and count > 1:  # our estimate was too low
            count -= 1
            first = self._make(self._rows[:count], False)
            _, height = first.wrap(available_width, available_height)
        rest = PagedTable(self._make, self._rows[count:], self._header_height, self.width,
                          self._last, self._heights[count:])
        return [first, rest]

    def draw(self) -> None:
        table = self._make(self._rows, self._last)
        table.wrapOn(self.canv, self.width, self.height)
        table.drawOn(self.canv, 0, 0)
