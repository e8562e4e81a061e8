"""Questions that guard against losing data. Tests replace `Confirm.ask`/`Confirm.unsaved`."""

from enum import Enum

from PySide6.QtWidgets import QMessageBox, QWidget


class Unsaved(Enum):
    SAVE = "opslaan"
    DISCARD = "niet opslaan"
    CANCEL = "annuleren"


class Confirm:
    @classmethod
    def ask(cls, parent: QWidget | None, title: str, text: str, yes: str = "Ja",
            no: str = "Annuleren") -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
        yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
        no_button = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(no_button)
        box.setEscapeButton(no_button)
        box.exec()
        return box.clickedButton() is yes_button

    @classmethod
    def inform(cls, parent: QWidget | None, title: str, text: str) -> None:
        """A refusal or fact the user must read; one "OK" button."""
        box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=parent)
        box.addButton("OK", QMessageBox.ButtonRole.AcceptRole)
        box.exec()

    @classmethod
    def unsaved(cls, parent: QWidget | None, what: str) -> Unsaved:
        box = QMessageBox(QMessageBox.Icon.Warning, "Niet opgeslagen wijzigingen",
                          f"{what} heeft wijzigingen die nog niet zijn opgeslagen.", parent=parent)
        save = box.addButton("Opslaan", QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton("Niet opslaan", QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton("Annuleren", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save)
        box.setEscapeButton(cancel)
        box.exec()
        clicked = box.clickedButton()
        if clicked is save:
            return Unsaved.SAVE
        if clicked is discard:
            return Unsaved.DISCARD
        return Unsaved.CANCEL

    @classmethod
    def duplicate(cls, parent: QWidget | None, hits_text: str) -> str:
        """'open' the existing record, 'save' anyway, or 'cancel'."""
        box = QMessageBox(QMessageBox.Icon.Warning, "Bestaat deze persoon al?",
                          "Deze persoon lijkt op iemand die al in het register staat:\n\n"
                          f"{hits_text}\n\nEen register met dubbele personen klopt niet meer.",
                          parent=parent)
        open_button = box.addButton("Bestaande openen", QMessageBox.ButtonRole.AcceptRole)
        save = box.addButton("Toch opslaan", QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton("Annuleren", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(open_button)
        box.setEscapeButton(cancel)
        box.exec()
        clicked = box.clickedButton()
        return "open" if clicked is open_button else "save" if clicked is save else "cancel"
