"""Gemeente: initiatives that look the same on several laptops, to merge (issue 17).

Each group is an initiative that seems entered on more than one laptop (same name and kind);
merged, it counts once in the city figures. The first copy of the group is kept as the
canonical one. Merging asks for confirmation first.
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vrijwilligers_app.services.exchange.errors import ExchangeError
from vrijwilligers_app.services.exchange.gemeente_access import on_gemeente_store
from vrijwilligers_app.services.exchange.initiative_merge import (
    InitiativeCopy,
    merge_initiatives,
    possible_duplicates,
)
from vrijwilligers_app.store.errors import GemeenteDatabaseError
from vrijwilligers_app.store.register import Register
from vrijwilligers_app.store.sqlite_text import dutch_reason
from vrijwilligers_app.ui.dialogs.confirm import Confirm
from vrijwilligers_app.ui.tasks import TaskRunner

COLUMNS = ("Initiatief", "Laptop", "Soort", "Adres")


class DuplicatesDialog(QDialog):
    merged = Signal()

    def __init__(self, register: Register, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.register = register
        self.runner = runner
        self.groups: list[list[InitiativeCopy]] = []
        self.setWindowTitle("Dubbele initiatieven")
        layout = QVBoxLayout(self)
        intro = QLabel("Deze initiatieven lijken op meer dan één laptop ingevoerd (zelfde naam "
                       "en soort). Samengevoegd tellen ze in de stadscijfers één keer; op de "
                       "laptops verandert niets.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.tree = QTreeWidget()
        self.tree.setObjectName("duplicate_initiatives")
        self.tree.setAccessibleName("Mogelijk dubbele initiatieven")
        self.tree.setHeaderLabels(list(COLUMNS))
        self.tree.itemSelectionChanged.connect(self._enable)
        layout.addWidget(self.tree, 1)
        self.message = QLabel()
        self.message.setObjectName("duplicates_message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox()
        self.merge_button = buttons.addButton("&Samenvoegen…",
                                              QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton("Sluiten", QDialogButtonBox.ButtonRole.RejectRole)
        self.merge_button.clicked.connect(self.merge_selected)
        close.clicked.connect(self.reject)
        layout.addWidget(buttons)
        screen = self.screen().availableGeometry()  # 200 % text: never past the screen
        self.resize(min(self.fontMetrics().averageCharWidth() * 120, screen.width() - 40),
                    min(self.fontMetrics().height() * 26, int(screen.height() * 0.9)))
        self.reload()

    def reload(self) -> None:
        self.runner.run(on_gemeente_store, self.register.engine, possible_duplicates,
                        on_done=self._show,
                        on_error=self._failed)

    def _show(self, groups: list[list[InitiativeCopy]]) -> None:
        self.groups = groups
        self.tree.clear()
        for group in groups:
            versions = len({c.initiative_id for c in group})
            top = QTreeWidgetItem([group[0].name, f"{versions} versies op {len(group)} laptops",
                                   group[0].kind, ""])
            for copy in group:
                top.addChild(QTreeWidgetItem([copy.name, copy.source_name, copy.kind,
                                              copy.address]))
            self.tree.addTopLevelItem(top)
            top.setExpanded(True)
        for column in range(len(COLUMNS)):
            self.tree.resizeColumnToContents(column)
        first = self.tree.topLevelItem(0)
        if first is not None:
            self.tree.setCurrentItem(first)
        elif not self.message.text():
            self.message.setText("Geen dubbele initiatieven gevonden.")
        self._enable()

    def selected(self) -> list[InitiativeCopy] | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        top = item.parent() or item
        return self.groups[self.tree.indexOfTopLevelItem(top)]

    def _enable(self) -> None:
        self.merge_button.setEnabled(self.selected() is not None)

    def merge_selected(self) -> None:
        group = self.selected()
        if group is None:
            return
        where = "\n".join(f"- {c.name} ({c.source_name})" for c in group)
        if not Confirm.ask(self, "Initiatieven samenvoegen",
                           f"Deze {len(group)} initiatieven samenvoegen tot één?\n\n{where}\n\n"
                           "In de stadscijfers tellen ze daarna één keer.",
                           yes="Samenvoegen"):
            return
        self.runner.run(on_gemeente_store, self.register.engine, merge_initiatives,
                        group[0].initiative_id,
                        [c.initiative_id for c in group[1:]], write=True,
                        on_done=lambda _count: self._merged(group), on_error=self._failed)

    def _merged(self, group: list[InitiativeCopy]) -> None:
        self.message.setText(f"'{group[0].name}' samengevoegd ({len(group)} laptops).")
        self.merged.emit()
        self.reload()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ExchangeError | GemeenteDatabaseError):  # Dutch already
            self.message.setText(f"Niet gelukt: {exc}")
        else:  # never SQLite's or Python's English text
            self.message.setText(f"Niet gelukt: {dutch_reason(exc)}.")
