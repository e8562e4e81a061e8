"""Ctrl+C on a list: the selected rows as tab-separated text, which pastes into Excel."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QTableView

from vrijwilligers_app.services.exchange.cells import neutralise

MAX_COPY_ROWS = 10_000


def visible_columns(view: QTableView) -> list[int]:
    """Model columns in the order the header shows them, hidden ones left out."""
    header = view.horizontalHeader()
    return [header.logicalIndex(v) for v in range(header.count())
            if not header.isSectionHidden(header.logicalIndex(v))]


def copy_text(view: QTableView) -> str:
    """Header line plus the selected rows, tab-separated, as the list shows them. A cell that
    a spreadsheet would read as a formula gets a leading apostrophe (Excel hides it)."""
    model = view.model()
    columns = visible_columns(view)
    rows = sorted({index.row() for index in view.selectionModel().selectedRows()})
    if not rows and view.currentIndex().isValid():
        rows = [view.currentIndex().row()]
    rows = rows[:MAX_COPY_ROWS]

    def clean(value: object) -> str:
        text = " ".join(str(value or "").replace("\u200e", "").split())
        return neutralise(text)

    lines = ["\t".join(clean(model.headerData(c, Qt.Orientation.Horizontal)) for c in columns)]
    for row in rows:
        lines.append("\t".join(clean(model.index(row, c).data()) for c in columns))
    return "\r\n".join(lines) + "\r\n"


def install_copy(view: QTableView) -> QShortcut:
    """Ctrl+C on the list copies its selected rows."""
    shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Copy), view,
                         lambda: QGuiApplication.clipboard().setText(copy_text(view)))
    shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
    return shortcut


