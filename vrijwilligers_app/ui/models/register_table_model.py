"""A register table that stays fast at 100,000 rows (the pattern of Anki's browser).

The model holds only the ordered list of ids from SQL (sorting and filtering are done by the
database, in the background) and loads the rows it is asked to show in pages of PAGE_ROWS
into a bounded cache. No ORM objects, no proxy model.

A (re)load asks twice at once: the first screenful (a LIMITed read along the sort index, with
its rows) and the whole ordered id list. The first answer is shown as soon as it comes, so
the time to the first rows does not grow with the register; the full list then extends it
(rows inserted after the first page, nothing reset while the user looks) or, if the data
changed in between, replaces it.
"""

from collections import OrderedDict
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from vrijwilligers_app.store.handle import Engine
from vrijwilligers_app.store.queries.registers import REGISTERS, fetch_rows, first_rows, list_ids
from vrijwilligers_app.ui.models.formatting import format_value, ltr
from vrijwilligers_app.ui.tasks import TaskRunner

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
PAGE_ROWS = 200
MAX_PAGES = 50

AnyIndex = QModelIndex | QPersistentModelIndex


class RegisterTableModel(QAbstractTableModel):
    loading_started = Signal()
    loaded = Signal(int)  # number of rows after a (re)load

    def __init__(self, engine: Engine, kind: str, runner: TaskRunner) -> None:
        super().__init__()
        self.engine = engine
        self.kind = kind
        self.spec = REGISTERS[kind]
        self.runner = runner
        self.filters: dict[str, str] = {}
        self.text = ""
        self.sort_key = self.spec.default_sort
        self.descending = False
        self._ids: list[int] = []
        self._pages: OrderedDict[int, list[tuple[Any, ...] | None]] = OrderedDict()
        self._generation = 0
        self._complete = 0  # the generation whose full id list is in _ids
        self._partial = 0  # the generation whose first page alone is in _ids
        self.loading = False

    # --- loading -----------------------------------------------------------------------
    def reload(self, filters: Mapping[str, str] | None = None, text: str | None = None) -> None:
        """Ask the database for the ordered ids; stale answers (user typed on) are dropped."""
        if filters is not None:
            self.filters = {k: v for k, v in filters.items() if v}
        if text is not None:
            self.text = text
        self._generation += 1
        generation = self._generation
        self.loading = True
        self.loading_started.emit()
        query = (self.engine, self.kind, dict(self.filters), self.sort_key, self.descending,
                 self.text)
        self.runner.run(first_rows, *query, PAGE_ROWS,
                        on_done=lambda first: self._first_arrived(generation, first))
        self.runner.run(list_ids, *query,
                        on_done=lambda ids: self._ids_arrived(generation, ids))

    def _first_arrived(self, generation: int,
                       first: tuple[list[int], dict[int, tuple[object, ...]]]) -> None:
        if generation != self._generation or self._complete == generation:
            return  # stale, or the full list was quicker
        ids, rows = first
        self.beginResetModel()
        self._ids = ids
        self._pages.clear()
        self._pages[0] = [rows.get(record_id) for record_id in ids]
        self._partial = generation
        self.endResetModel()

    def _ids_arrived(self, generation: int, ids: list[int]) -> None:
        if generation != self._generation:
            return
        shown = len(self._ids)
        if self._partial == generation and shown <= len(ids) and self._ids == ids[:shown]:
            if len(ids) > shown:  # the first page stays as it is; the rest is added below it
                self.beginInsertRows(QModelIndex(), shown, len(ids) - 1)
                self._ids = ids
                self.endInsertRows()
        else:
            self.beginResetModel()
            self._ids = ids
            self._pages.clear()
            self.endResetModel()
        self._complete = generation
        self.loading = False
        self.loaded.emit(len(ids))

    def refresh_rows(self) -> None:
        """Forget cached rows (after an edit) without changing the order."""
        self._pages.clear()
        if self._ids:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._ids) - 1, self.columnCount() - 1))

    def _row(self, row: int) -> tuple[Any, ...] | None:
        page_no = row // PAGE_ROWS
        page = self._pages.get(page_no)
        if page is None:
            start = page_no * PAGE_ROWS
            ids = self._ids[start:start + PAGE_ROWS]
            fetched = fetch_rows(self.engine, self.kind, ids)
            page = [fetched.get(record_id) for record_id in ids]
            self._pages[page_no] = page
            if len(self._pages) > MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_no)
        return page[row - page_no * PAGE_ROWS]

    # --- lookups -------------------------------------------------------------------------
    def ids(self) -> list[int]:
        """Every id the list shows, in its order (the current filter and sort)."""
        return list(self._ids)

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, record_id: int) -> int:
        try:
            return self._ids.index(record_id)
        except ValueError:
            return -1

    def column_key(self, column: int) -> str:
        return self.spec.columns[column].key

    # --- Qt model API ----------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.spec.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and (
                0 <= section < len(self.spec.columns)):
            return self.spec.columns[section].header
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not (0 <= index.row() < len(self._ids)):
            return None
        if role == ID_ROLE:
            return self._ids[index.row()]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, SORT_ROLE,
                        Qt.ItemDataRole.TextAlignmentRole):
            return None
        column = self.spec.columns[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = (Qt.AlignmentFlag.AlignRight if column.align == "right"
                          else Qt.AlignmentFlag.AlignLeft)
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        row = self._row(index.row())
        if row is None:
            return "(verwijderd)" if role == Qt.ItemDataRole.DisplayRole else None
        value = row[index.column()]
        if role == SORT_ROLE:
            return value
        return ltr(format_value(value, column.kind))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.spec.columns):
            return
        self.sort_key = self.spec.columns[column].key
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.reload()
