"""The "Gemeentelijst" part of an initiative's details (issue 17): the entry of the gemeente's
list this initiative is linked to, or suggestions to link it to; "Koppelen…" lets the user
choose (never automatic), "Ontkoppelen…" removes the link after a question."""

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vrijwilligers_app.domain.dutch_format import thousands
from vrijwilligers_app.services import initiative_links as links
from vrijwilligers_app.store.handle import Engine
from vrijwilligers_app.ui.dialogs.confirm import Confirm
from vrijwilligers_app.ui.dialogs.link_dialog import LinkDialog

ID_ROLE = Qt.ItemDataRole.UserRole
NO_LIST = ("Er is nog geen gemeentelijst ontvangen. Die komt mee met de terugmelding van de "
           "gemeente (Uitwisseling → Synchroniseren).")


class CanonicalPanel(QWidget):
    status = Signal(str)

    def __init__(self, engine: Engine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.initiative_id: int | None = None
        self.name = ""
        self.state: links.LinkState | None = None
        self._stale = True
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setObjectName("canonical_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # At the top also when there are no suggestions below it (linked: the list is hidden).
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.summary)
        self.suggestions = QListWidget()
        self.suggestions.setObjectName("canonical_suggestions")
        self.suggestions.setAccessibleName("Voorstellen van de gemeentelijst")
        self.suggestions.setWordWrap(True)
        self.suggestions.itemActivated.connect(lambda _item: self.choose())
        layout.addWidget(self.suggestions, 1)
        row = QHBoxLayout()
        self.link_button = QPushButton("&Koppelen…")
        self.link_button.setObjectName("canonical_link")
        self.unlink_button = QPushButton("O&ntkoppelen…")
        self.unlink_button.setObjectName("canonical_unlink")
        self.link_button.clicked.connect(self.choose)
        self.unlink_button.clicked.connect(self.unlink)
        row.addWidget(self.link_button)
        row.addWidget(self.unlink_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.show_owner(None)
        self.refresh()

    def show_owner(self, initiative_id: int | None, name: str = "") -> None:
        """Show this initiative; ranking the list (long for a region) waits until the tab is
        seen, so moving through the initiatives stays quick."""
        self.initiative_id = initiative_id
        self.name = name
        self.state = None
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        self._stale = False
        initiative_id = self.initiative_id
        self.state = None if initiative_id is None else links.link_state(self.engine,
                                                                         initiative_id)
        self.suggestions.clear()
        state = self.state
        if state is None:
            self.summary.setText("Sla het initiatief eerst op; daarna kunt u het koppelen aan "
                                 "de gemeentelijst.")
        elif state.linked_id is not None:
            shown = state.linked.label if state.linked else (
                f"nummer {state.linked_id[:8]} (staat niet meer op de laatste gemeentelijst)")
            self.summary.setText(f"Gekoppeld aan de gemeentelijst: <b>{escape(shown)}</b>. "
                                 "De gemeente telt dit initiatief één keer.")
        elif state.list_size == 0:
            self.summary.setText(NO_LIST)
        else:
            self.summary.setText(
                f"Niet gekoppeld. De gemeentelijst telt {thousands(state.list_size)} "
                "initiatieven; " + ("kies een voorstel en druk op Koppelen…" if
                                    state.suggestions else "geen voorstellen: zoek met "
                                    "Koppelen…"))
            for entry in state.suggestions:
                item = QListWidgetItem(entry.label)
                item.setData(ID_ROLE, entry.canonical_id)
                self.suggestions.addItem(item)
            if state.suggestions:
                self.suggestions.setCurrentRow(0)
        self.suggestions.setVisible(self.suggestions.count() > 0)
        linked = state is not None and state.linked_id is not None
        self.link_button.setEnabled(state is not None and state.list_size > 0 and not linked)
        self.unlink_button.setEnabled(linked)

    def choose(self) -> None:
        state, initiative_id = self.state, self.initiative_id
        if state is None or initiative_id is None or not self.link_button.isEnabled():
            return
        item = self.suggestions.currentItem()
        dialog = LinkDialog(self.engine, self.name, state.suggestions,
                            str(item.data(ID_ROLE)) if item else None, self)
        if dialog.exec() != LinkDialog.DialogCode.Accepted:
            return
        chosen = dialog.chosen_id()
        if chosen is None:
            return
        try:
            links.link(self.engine, initiative_id, chosen)
        except links.LinkError as exc:
            Confirm.inform(self, "Niet gekoppeld", str(exc))
            return
        self.refresh()
        self.status.emit("Gekoppeld aan de gemeentelijst; de volgende export neemt het mee.")

    def unlink(self) -> None:
        initiative_id = self.initiative_id
        if initiative_id is None or not self.unlink_button.isEnabled():
            return
        if not Confirm.ask(self, "Ontkoppelen?", "De koppeling met de gemeentelijst "
                           "weghalen? De volgende export neemt hem dan niet meer mee (wat de "
                           "gemeente al samenvoegde, blijft daar staan).",
                           "Ontkoppelen"):
            return
        links.unlink(self.engine, initiative_id)
        self.refresh()
        self.status.emit("Koppeling met de gemeentelijst weggehaald.")
