"""Gemeente: initiatives that look the same on several laptops, to merge (issue 17).

Each group is an initiative that seems entered on more than one laptop (same name and kind);
merged, it counts once in the city figures. The first copy of the group is kept as the
canonical one. Merging asks for confirmation first.
"""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from vrijwilligers_app.services.exchange.initiative_merge import (
    InitiativeCopy,
    merge_initiatives,
    possible_duplicates,
)
from vrijwilligers_app.store.register import Register
from vrijwilligers_app.ui.dialogs.confirm import Confirm
from vrijwilligers_app.ui.dialogs.gemeente_list_dialog import GemeenteListDialog
from vrijwilligers_app.ui.tasks import TaskRunner

COLUMNS = ("Initiatief", "Laptop", "Soort", "Adres")


class DuplicatesDialog(GemeenteListDialog):
    merged = Signal()

    def __init__(self, register: Register, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        tree = QTreeWidget()
        tree.setObjectName("duplicate_initiatives")
        tree.setAccessibleName("Mogelijk dubbele initiatieven")
        tree.setHeaderLabels(list(COLUMNS))
        super().__init__(
            register, runner, parent, title="Dubbele initiatieven",
            intro="Deze initiatieven lijken op meer dan één laptop ingevoerd (zelfde naam en "
                  "soort). Samengevoegd tellen ze in de stadscijfers één keer; op de laptops "
                  "verandert niets.",
            view=tree, message_name="duplicates_message", actions=("&Samenvoegen…",),
            lines=26)
        self.tree = tree
        self.groups: list[list[InitiativeCopy]] = []
        self.merge_button = self.action_buttons[0]
        self.merge_button.clicked.connect(self.merge_selected)
        self.tree.itemSelectionChanged.connect(self._enable)
        self.reload()

    def reload(self) -> None:
        self.load(possible_duplicates, self._show)

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
        self.shown(first is not None, "Geen dubbele initiatieven gevonden.")
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
        self.act(merge_initiatives, group[0].initiative_id,
                 [c.initiative_id for c in group[1:]], on_done=lambda _count: self._merged(group))

    def _merged(self, group: list[InitiativeCopy]) -> None:
        self.message.setText(f"'{group[0].name}' samengevoegd ({len(group)} laptops).")
        self.merged.emit()
        self.reload()
