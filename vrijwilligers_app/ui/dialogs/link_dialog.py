"""Koppelen…: link one of this laptop's initiatives to an entry of the gemeente's list
(issue 17). The user chooses from the suggestions or searches; nothing is linked unless the
user presses "Koppelen"."""

from collections.abc import Sequence
from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from vrijwilligers_app.services.initiative_links import Listed
from vrijwilligers_app.store.handle import Engine
from vrijwilligers_app.ui.widgets.canonical_picker import CanonicalPicker


class LinkDialog(QDialog):
    def __init__(self, engine: Engine, initiative_name: str,
                 suggestions: Sequence[Listed] = (), selected: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Koppelen aan de gemeentelijst")
        layout = QVBoxLayout(self)
        intro = QLabel(f"Welk initiatief op de gemeentelijst is <b>{escape(initiative_name)}"
                       "</b>? Na het koppelen telt de gemeente het één keer, ook als een "
                       "andere laptop het ook heeft.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.picker = CanonicalPicker(engine)
        layout.addWidget(self.picker, 1)
        buttons = QDialogButtonBox()
        self.link_button = buttons.addButton("&Koppelen", QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton("Annuleren", QDialogButtonBox.ButtonRole.RejectRole)
        for button in (self.link_button, cancel):  # Enter in the search goes to the list;
            button.setAutoDefault(False)  # Enter in the list chooses (no default button)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.picker.current_changed.connect(self._enable)
        self.picker.chosen.connect(lambda _id: self.accept())
        self.picker.show_suggestions(list(suggestions))
        if selected:
            self.picker.select(selected)
        self.picker.list.setFocus()
        chars = self.fontMetrics().averageCharWidth()
        screen = self.screen().availableGeometry()  # 200 % text: never past the screen
        self.resize(min(chars * 90, screen.width() - 40),
                    min(self.fontMetrics().height() * 24, int(screen.height() * 0.85)))

    def _enable(self) -> None:
        self.link_button.setEnabled(self.picker.current_id() is not None)

    def chosen_id(self) -> str | None:
        return self.picker.current_id()
