"""Pick a resident or volunteer by typing: a search line above a short list of hits.

With `nobody` the first list item is the "nobody" choice (anonymous, not recorded); typing
selects the first hit, arrow keys move, and clearing the line goes back to "nobody" (or to no
choice at all when someone must be chosen). Hits come from the
global search index (store.queries.search); archived people are left out.
"""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from vrijwilligers_app.store.handle import Engine
from vrijwilligers_app.store.queries.search import search
from vrijwilligers_app.ui.models.formatting import ltr

LIMIT = 30


class PersonPicker(QWidget):
    def __init__(self, engine: Engine, kind: str, nobody: str | None, placeholder: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.kind = kind  # "residents" | "volunteers"
        self.search = QLineEdit()
        self.search.setPlaceholderText(placeholder)
        self.search.textChanged.connect(self._find)
        self.hits = QListWidget()
        self.hits.setMaximumHeight(self.fontMetrics().height() * 5)
        self.hits.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.hits.setWordWrap(True)
        self.fixed = 0
        if nobody is not None:
            self.hits.addItem(QListWidgetItem(nobody))
            self.hits.setCurrentRow(0)
            self.fixed = 1
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.hits)
        self.setFocusProxy(self.search)
        self.search.installEventFilter(self)

    def eventFilter(self, watched, event):  # type: ignore[no-untyped-def]
        """Up/Down in the search line move through the hits (keyboard only use)."""
        from PySide6.QtCore import QEvent

        if watched is self.search and event.type() == QEvent.Type.KeyPress and \
                event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            step = -1 if event.key() == Qt.Key.Key_Up else 1
            row = min(max(self.hits.currentRow() + step, 0), self.hits.count() - 1)
            self.hits.setCurrentRow(row)
            return True
        return super().eventFilter(watched, event)

    def _find(self, text: str) -> None:
        while self.hits.count() > self.fixed:
            self.hits.takeItem(self.fixed)
        if not text.strip():
            self.hits.setCurrentRow(0 if self.fixed else -1)
            return
        for hit in search(self.engine, text, limit=LIMIT, kind=self.kind):
            if not hit.archived:
                item = QListWidgetItem(ltr(f"{hit.title} · {hit.subtitle}"))
                item.setData(Qt.ItemDataRole.UserRole, hit.record_id)
                self.hits.addItem(item)
        if self.hits.count() > self.fixed:
            self.hits.setCurrentRow(self.fixed)
        else:
            self.hits.setCurrentRow(0 if self.fixed else -1)

    def selected_id(self) -> int | None:
        item = self.hits.currentItem()
        value = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return None if value is None else int(value)

    def clear(self) -> None:
        self.search.clear()
