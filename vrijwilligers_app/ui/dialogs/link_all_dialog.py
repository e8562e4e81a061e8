"""Initiatieven koppelen aan de gemeentelijst… (issue 17): walk this laptop's initiatives that
are not linked yet. Left the initiatives, right the
suggestions for the current one or a search in the list; "Koppelen" links the chosen entry
and moves on, "Overslaan" moves on without linking. Nothing is linked without the user."""

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from vrijwilligers_app.services import initiative_links as links
from vrijwilligers_app.store.handle import Engine
from vrijwilligers_app.ui.dialogs.confirm import Confirm
from vrijwilligers_app.ui.widgets.canonical_picker import CanonicalPicker

ID_ROLE = Qt.ItemDataRole.UserRole


class LinkAllDialog(QDialog):
    linked = Signal(int)  # initiative id

    def __init__(self, engine: Engine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.setWindowTitle("Initiatieven koppelen aan de gemeentelijst")
        layout = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        splitter = QSplitter()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        own_label = QLabel("&Nog niet gekoppeld")
        self.own = QListWidget()
        self.own.setObjectName("unlinked_initiatives")
        self.own.setAccessibleName("Initiatieven van deze laptop die nog niet gekoppeld zijn")
        self.own.setWordWrap(True)  # long names wrap instead of being cut off at 200 %
        self.own.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        own_label.setBuddy(self.own)
        left_layout.addWidget(own_label)
        left_layout.addWidget(self.own, 1)
        self.picker = CanonicalPicker(engine)
        splitter.addWidget(left)
        splitter.addWidget(self.picker)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(0, 2)
        self.splitter = splitter
        layout.addWidget(splitter, 1)
        self.message = QLabel()
        self.message.setObjectName("link_all_result")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox()
        self.link_button = buttons.addButton("&Koppelen", QDialogButtonBox.ButtonRole.ActionRole)
        self.skip_button = buttons.addButton("&Overslaan", QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton("Sluiten", QDialogButtonBox.ButtonRole.RejectRole)
        self.link_button.clicked.connect(self.link_current)
        self.skip_button.clicked.connect(self.skip)
        close.clicked.connect(self.reject)
        # Enter in a list links once (itemActivated), without also pressing a default button.
        for button in (self.link_button, self.skip_button, close):
            button.setAutoDefault(False)
        layout.addWidget(buttons)
        self.own.currentItemChanged.connect(lambda *_a: self._show_current())
        self.picker.current_changed.connect(self._enable)
        self.picker.chosen.connect(lambda _id: self.link_current())
        chars = self.fontMetrics().averageCharWidth()
        screen = self.screen().availableGeometry()  # 200 % text: never past the screen
        self.resize(min(chars * 130, screen.width() - 40),
                    min(self.fontMetrics().height() * 28, int(screen.height() * 0.85)))
        self.splitter.setSizes([self.width() * 2 // 5, self.width() * 3 // 5])
        self.reload()

    def reload(self, keep_row: int = 0) -> None:
        unlinked = links.unlinked_initiatives(self.engine)
        size = links.list_size(self.engine)
        self.intro.setText(
            f"{len(unlinked)} initiatieven van deze laptop zijn nog niet gekoppeld aan de "
            "gemeentelijst. Kies per initiatief hetzelfde initiatief op de lijst (best passend "
            "voorstel eerst) of zoek het op; dan telt de gemeente het één keer."
            if size else "Er is nog geen gemeentelijst ontvangen. Die komt mee met de "
            "terugmelding van de gemeente (Synchroniseren).")
        self.own.clear()
        for entry in unlinked:
            item = QListWidgetItem(entry.name)
            item.setData(ID_ROLE, entry.initiative_id)
            self.own.addItem(item)
        if unlinked:
            self.own.setCurrentRow(min(keep_row, len(unlinked) - 1))
        self._show_current()

    def _current_initiative(self) -> int | None:
        item = self.own.currentItem()
        return int(item.data(ID_ROLE)) if item is not None else None

    def _show_current(self) -> None:
        initiative_id = self._current_initiative()
        if initiative_id is None:
            self.picker.show_suggestions([])
            self.picker.setEnabled(False)
        else:
            self.picker.setEnabled(True)
            self.picker.show_suggestions(links.link_state(self.engine,
                                                          initiative_id).suggestions)
        self._enable()

    def _enable(self) -> None:
        has_own = self._current_initiative() is not None
        self.link_button.setEnabled(has_own and self.picker.current_id() is not None)
        self.skip_button.setEnabled(has_own and self.own.currentRow() < self.own.count() - 1)

    def link_current(self) -> None:
        initiative_id, chosen = self._current_initiative(), self.picker.current_id()
        if initiative_id is None or chosen is None:
            return
        item = self.own.currentItem()
        name = item.text() if item else ""
        try:
            links.link(self.engine, initiative_id, chosen)
        except links.LinkError as exc:
            Confirm.inform(self, "Niet gekoppeld", str(exc))
            return
        self.message.setText(f"<b>{escape(name)}</b> is gekoppeld. De volgende export neemt "
                             "het mee.")
        self.linked.emit(initiative_id)
        self.reload(self.own.currentRow())
        self.own.setFocus()

    def skip(self) -> None:
        self.own.setCurrentRow(min(self.own.currentRow() + 1, self.own.count() - 1))
        self.picker.list.setFocus()
