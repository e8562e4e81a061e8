"""Over: version, licence, where the data and the log are, a button to open that folder."""

import platform
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from vrijwilligers_app import APP_NAME, __version__
from vrijwilligers_app.logsetup import log_path


def open_folder(parent: QWidget | None, folder: Path) -> bool:
    """Open the folder in the file manager; a Dutch message with the path when that fails."""
    if folder.is_dir() and QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
        return True
    box = QMessageBox(QMessageBox.Icon.Warning, "Map openen",
                      f"De map kon niet worden geopend. U vindt haar hier:\n{folder}",
                      parent=parent)
    copy = box.addButton("Kopieer het pad", QMessageBox.ButtonRole.ActionRole)
    copy.clicked.disconnect()
    copy.clicked.connect(lambda: QApplication.clipboard().setText(str(folder)))
    box.addButton("Sluiten", QMessageBox.ButtonRole.AcceptRole)
    box.exec()
    return False


class AboutDialog(QDialog):
    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("about_dialog")
        self.setWindowTitle(f"Over {APP_NAME}")
        self.data_dir = data_dir
        logs = log_path(data_dir).parent
        text = QLabel(
            f"<h2>{APP_NAME}</h2>"
            f"<p>Versie {__version__}</p>"
            "<p>Het register van de sociale basis in Helmond: initiatieven, vrijwilligers, "
            "maatjes, doorverwijzingen en activiteiten, op deze computer en zonder internet.</p>"
            "<p>Licentie: European Union Public Licence (EUPL) 1.2.</p>"
            f"<p><b>Uw gegevens</b> staan in:<br>{data_dir}</p>"
            f"<p><b>Logboek</b> (zonder namen of andere persoonsgegevens, voor de beheerder):"
            f"<br>{logs}</p>"
            f"<p><small>Python {platform.python_version()}, Qt for Python {pyside_version}"
            "</small></p>")
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        text.setObjectName("about_text")
        text.setTextInteractionFlags(text.textInteractionFlags()
                                     | text.textInteractionFlags().TextSelectableByMouse)
        icon = QLabel()
        icon.setPixmap(QApplication.windowIcon().pixmap(64, 64))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        body = QWidget()
        row = QHBoxLayout(body)
        row.addWidget(icon)
        row.addWidget(text, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.open_data = QPushButton("&Gegevensmap openen")
        self.open_data.clicked.connect(lambda: open_folder(self, self.data_dir))
        self.open_logs = QPushButton("&Logboekmap openen")
        self.open_logs.clicked.connect(lambda: open_folder(self, logs))
        buttons = QDialogButtonBox()
        buttons.addButton(self.open_data, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.open_logs, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton("Sluiten", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.resize(560, 420)
