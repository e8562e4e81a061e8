"""Global search (Ctrl+K / Ctrl+F): people, initiatives and referrals as you type.

The query runs in the background; an answer to an older keystroke is dropped.
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout

from vrijwilligers_app.store.handle import Engine
from vrijwilligers_app.store.queries.search import search
from vrijwilligers_app.ui.models.formatting import ltr
from vrijwilligers_app.ui.tasks import TaskRunner

KIND_NAMES = {"initiatives": "Initiatief", "volunteers": "Vrijwilliger", "residents": "Inwoner",
              "referrals": "Doorverwijzing"}


class SearchDialog(QDialog):
    chosen = Signal(str, int)
    results_shown = Signal(int)

    def __init__(self, engine: Engine, runner: TaskRunner, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.engine = engine
        self.runner = runner
        self._generation = 0
        self.setWindowTitle("Zoeken in het register")
        self.resize(620, 420)
        self.input = QLineEdit()
        self.input.setObjectName("global_search")
        self.input.setPlaceholderText("Naam, telefoon, postcode, organisatie…")
        self.input.setClearButtonEnabled(True)
        label = QLabel("Zoek")
        label.setBuddy(self.input)
        self.input.setAccessibleName("Zoek in het register")
        self.results = QListWidget()
        self.results.setAccessibleName("Zoekresultaten")
        self.hint = QLabel("Typ om te zoeken. Enter opent, pijltjes kiezen, Esc sluit.")
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.input)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.hint)
        self.input.textChanged.connect(self._query)
        self.input.returnPressed.connect(self._open_current)
        self.results.itemActivated.connect(lambda _item: self._open_current())
        self.input.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # type: ignore[no-untyped-def]  # noqa: N802
        if watched is self.input and isinstance(event, QKeyEvent) and event.type() == \
                QKeyEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            row = self.results.currentRow() + (1 if event.key() == Qt.Key.Key_Down else -1)
            self.results.setCurrentRow(max(0, min(row, self.results.count() - 1)))
            return True
        return super().eventFilter(watched, event)

    def _query(self, text: str) -> None:
        self._generation += 1
        generation = self._generation
        self.runner.run(search, self.engine, text,
                        on_done=lambda hits: self._show(generation, hits))

    def _show(self, generation: int, hits) -> None:  # type: ignore[no-untyped-def]
        if generation != self._generation:
            return
        self.results.clear()
        for hit in hits:
            kind = KIND_NAMES.get(hit.kind, hit.kind)
            archived = " (archief)" if hit.archived else ""
            item = QListWidgetItem(ltr(f"{hit.title}{archived}\n{kind} · {hit.subtitle}"))
            item.setData(Qt.ItemDataRole.UserRole, (hit.kind, hit.record_id))
            self.results.addItem(item)
        if hits:
            self.results.setCurrentRow(0)
        self.hint.setText(f"{len(hits)} gevonden." if self.input.text().strip() else
                          "Typ om te zoeken. Enter opent, pijltjes kiezen, Esc sluit.")
        self.results_shown.emit(len(hits))

    def _open_current(self) -> None:
        item = self.results.currentItem()
        if item is None:
            return
        kind, record_id = item.data(Qt.ItemDataRole.UserRole)
        self.accept()
        self.chosen.emit(kind, record_id)

    def start(self) -> None:
        self.input.selectAll()
        self.input.setFocus()
        self.show()
        self.raise_()
        self.activateWindow()
