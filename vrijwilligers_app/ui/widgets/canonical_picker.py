"""Choosing an initiative on the gemeente's list (issue 17): the suggestions for one of this
laptop's initiatives first; typing searches the whole list. Enter or a double click chooses."""

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from vrijwilligers_app.services.initiative_links import Listed, search_list
from vrijwilligers_app.store.handle import Engine

ID_ROLE = Qt.ItemDataRole.UserRole
SEARCH_DELAY_MS = 200


class CanonicalPicker(QWidget):
    chosen = Signal(str)  # canonical id (Enter or double click)
    current_changed = Signal()

    def __init__(self, engine: Engine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.suggestions: list[Listed] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        label = QLabel("&Zoeken in de gemeentelijst")
        self.search = QLineEdit()
        self.search.setObjectName("canonical_search")
        self.search.setAccessibleName("Zoeken in de gemeentelijst")
        self.search.setPlaceholderText("naam, adres of postcode")
        self.search.setClearButtonEnabled(True)
        label.setBuddy(self.search)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("canonical_list")
        self.list.setAccessibleName("Initiatieven op de gemeentelijst")
        self.list.setWordWrap(True)
        for widget in (label, self.search, self.heading):
            layout.addWidget(widget)
        layout.addWidget(self.list, 1)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._fill)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.search.returnPressed.connect(self._enter_in_search)
        self.list.itemActivated.connect(self._activated)
        self.list.currentItemChanged.connect(lambda *_a: self.current_changed.emit())

    def show_suggestions(self, suggestions: list[Listed]) -> None:
        self.suggestions = suggestions
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self._fill()

    def _fill(self) -> None:
        typed = self.search.text().strip()
        if typed:
            entries = search_list(self.engine, typed)
            self.heading.setText(f"{len(entries)} gevonden op de gemeentelijst"
                                 if entries else "Niets gevonden op de gemeentelijst.")
        else:
            entries = self.suggestions
            self.heading.setText("Voorstellen (best passend eerst):" if entries else
                                 "Geen voorstellen; zoek in de gemeentelijst.")
        self.list.clear()
        for entry in entries:
            item = QListWidgetItem(entry.label)
            item.setData(ID_ROLE, entry.canonical_id)
            self.list.addItem(item)
        if entries:
            self.list.setCurrentRow(0)
        self.current_changed.emit()

    def current_id(self) -> str | None:
        item = self.list.currentItem()
        return str(item.data(ID_ROLE)) if item is not None else None

    def select(self, canonical_id: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(ID_ROLE) == canonical_id:
                self.list.setCurrentRow(row)

    def _enter_in_search(self) -> None:
        if self._timer.isActive():  # typed and pressed Enter at once: search first
            self._timer.stop()
            self._fill()
        self.list.setFocus()

    def _activated(self, item: QListWidgetItem) -> None:
        self.chosen.emit(str(item.data(ID_ROLE)))
