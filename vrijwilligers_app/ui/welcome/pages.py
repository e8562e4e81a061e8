"""The welcome wizard's own pages: the organisation, how to start, the gemeente's key file.
Every field may stay empty: each step can be done later from the menus."""

from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWizardPage,
)

from vrijwilligers_app import APP_NAME
from vrijwilligers_app.services.exchange import keys as exchange_keys
from vrijwilligers_app.services.exchange.errors import ExchangeError
from vrijwilligers_app.store.register import Register

START_EMPTY, START_DEMO, START_IMPORT = "leeg", "demo", "importeren"


def _text(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


class OrganisationPage(QWizardPage):
    def __init__(self, current: str) -> None:
        super().__init__()
        self.setTitle(f"Welkom bij {APP_NAME}")
        self.setSubTitle("Een paar vragen om te beginnen. Alles kunt u overslaan en later "
                         "regelen.")
        layout = QVBoxLayout(self)
        layout.addWidget(_text(
            "Het register bewaart initiatieven, vrijwilligers, maatjes, doorverwijzingen en "
            "activiteiten op deze computer, zonder internet."))
        label = QLabel("&Naam van uw organisatie of initiatief (komt boven rapporten):")
        label.setWordWrap(True)
        self.name = QLineEdit(current)
        self.name.setMaxLength(120)
        self.name.setPlaceholderText("bijvoorbeeld Buurtnetwerk Brouwhuis")
        self.name.setAccessibleName("Naam van de organisatie")
        label.setBuddy(self.name)
        layout.addWidget(label)
        layout.addWidget(self.name)
        layout.addWidget(_text("Later te wijzigen onder Instellingen."))
        layout.addStretch(1)


class StartChoicePage(QWizardPage):
    def __init__(self, can_import: bool) -> None:
        super().__init__()
        self.setTitle("Hoe wilt u beginnen?")
        self.setSubTitle("Niets hiervan ligt vast: u kunt later altijd anders kiezen.")
        layout = QVBoxLayout(self)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        choices = [
            (START_IMPORT, "Bestaande &lijsten importeren (Excel of CSV)",
             "Uw huidige lijsten van vrijwilligers, inwoners of initiatieven inlezen."),
            (START_DEMO, "Proberen met &demogegevens",
             "Verzonnen, realistische gegevens om mee te oefenen. Zolang ze er staan, toont "
             "het venster bovenaan 'Demogegevens'; met Bestand → Demogegevens verwijderen… "
             "is het register daarna weer leeg."),
            (START_EMPTY, "&Leeg beginnen", "U voert zelf de eerste gegevens in."),
        ]
        for key, title, explanation in choices:
            if key == START_IMPORT and not can_import:
                continue
            button = QRadioButton(title)
            button.setAccessibleDescription(explanation)
            self.group.addButton(button)
            self.buttons[key] = button
            layout.addWidget(button)
            note = _text(explanation)
            note.setContentsMargins(24, 0, 0, 8)
            layout.addWidget(note)
        self.buttons[START_EMPTY].setChecked(True)
        layout.addStretch(1)

    def choice(self) -> str:
        return next(key for key, button in self.buttons.items() if button.isChecked())


class KeyFilePage(QWizardPage):
    """Optional: pin the gemeente's public key (also in Bestand → Exporteren naar de gemeente)."""

    def __init__(self, register: Register) -> None:
        super().__init__()
        self.register = register
        self.key: exchange_keys.GemeentePublicKey | None = None
        self.setTitle("Sleutel van de gemeente")
        self.setSubTitle("Deze stap mag u overslaan; kies dan Voltooien.")
        layout = QVBoxLayout(self)
        layout.addWidget(_text(
            "Hebt u van de gemeente een sleutelbestand gekregen (gemeente-sleutel.json)? Dan "
            "worden uw exportbestanden versleuteld, zodat alleen de gemeente ze kan lezen. "
            "Geen bestand? Sla deze stap over; het kan later onder Bestand → Exporteren naar "
            "de gemeente."))
        self.choose = QPushButton("Sleutel&bestand kiezen…")
        self.choose.clicked.connect(self._choose)
        layout.addWidget(self.choose)
        self.result = _text("")
        self.result.setObjectName("key_result")
        layout.addWidget(self.result)
        layout.addStretch(1)

    def _choose(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Sleutelbestand van de gemeente", "",
                                              "Sleutelbestand (*.json);;Alle bestanden (*)")
        if name:
            self.load(Path(name))

    def load(self, path: Path) -> bool:
        try:
            self.key = exchange_keys.read_public_key_file(path)
        except ExchangeError as exc:
            self.key = None
            self.result.setText(f"Niet gebruikt: {exc}")
            return False
        self.result.setText(
            f"Sleutel van {self.key.name or 'de gemeente'}. Vingerafdruk:\n"
            f"{self.key.fingerprint}\nKlopt die met wat de gemeente opgaf? Dan legt 'Voltooien' "
            "de sleutel vast.")
        return True
