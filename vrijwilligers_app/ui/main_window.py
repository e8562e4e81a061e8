"""The main window: a sidebar of register pages beside a stack of pages.

Until the register pages land (issue 3) each page says what it will hold; the Overzicht page
already shows the register's figures.
"""

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from vrijwilligers_app import APP_NAME, __version__
from vrijwilligers_app.services.overview import register_counts
from vrijwilligers_app.store.register import Register

PAGES = (
    ("overzicht", "Overzicht", ""),
    ("initiatieven", "Initiatieven", "Initiatieven met hun wijken en leefdomeinen."),
    ("vrijwilligers", "Vrijwilligers", "Vrijwilligers, hun rollen, beschikbaarheid en VOG."),
    ("inwoners", "Inwoners", "Deelnemers met de toestemmingen die zij gaven."),
    ("maatjes", "Maatjes", "Aanmeldingen, koppelingen, contactmomenten en evaluaties."),
    ("doorverwijzingen", "Doorverwijzingen", "Doorverwijzingen met hun statusgeschiedenis."),
    ("activiteiten", "Activiteiten", "Activiteiten, roosters en bezoekersaantallen."),
    ("instellingen", "Instellingen", "Instellingen van dit register."),
)


class MainWindow(QMainWindow):
    def __init__(self, register: Register) -> None:
        super().__init__()
        self.register = register
        self.settings = QSettings(str(register.data_dir / "venster.ini"),
                                  QSettings.Format.IniFormat)
        self.setWindowTitle(f"{APP_NAME} {__version__}")
        self.sidebar = QListWidget()
        self.sidebar.setAccessibleName("Onderdelen")
        self.sidebar.setFixedWidth(190)
        self.sidebar.setStyleSheet("QListWidget::item { padding: 6px 8px; }")
        self.stack = QStackedWidget()
        for key, title, description in PAGES:
            self.sidebar.addItem(title)
            page = self._overview_page() if key == "overzicht" else _planned_page(title,
                                                                                  description)
            page.setObjectName(f"page_{key}")
            self.stack.addWidget(page)
        self.sidebar.currentRowChanged.connect(self.stack.setCurrentIndex)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.statusBar().showMessage(f"Register: {register.db_path}")
        for index in range(min(len(PAGES), 9)):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{index + 1}"), self)
            shortcut.activated.connect(lambda i=index: self.sidebar.setCurrentRow(i))
        self._restore_state()

    def _overview_page(self) -> QWidget:
        counts = register_counts(self.register.engine)
        page = QWidget()
        outer = QVBoxLayout(page)
        heading = QLabel("Overzicht")
        heading.setProperty("role", "heading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        heading.setFont(font)
        outer.addWidget(heading)
        grid = QGridLayout()
        cards = (
            ("Actieve initiatieven", counts.initiatives_active),
            ("Actieve vrijwilligers", counts.volunteers_active),
            ("Inwoners", counts.residents),
            ("Lopende maatjeskoppelingen", counts.matches_active),
            ("Open doorverwijzingen", counts.referrals_open),
            ("Activiteiten", counts.activities),
        )
        for i, (label, value) in enumerate(cards):
            grid.addWidget(_card(label, value), i // 3, i % 3)
        outer.addLayout(grid)
        if counts.is_empty():
            hint = QLabel("Het register is nog leeg. Start met 'vrijwilligers-app --demo' om "
                          "het met verzonnen voorbeeldgegevens te vullen.")
            hint.setWordWrap(True)
            outer.addWidget(hint)
        outer.addStretch(1)
        return page

    def _restore_state(self) -> None:
        geometry = self.settings.value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            screen = self.screen().availableGeometry()
            self.resize(min(1200, int(screen.width() * 0.9)),
                        min(720, int(screen.height() * 0.9)))
        row = int(self.settings.value("last_page", 0) or 0)
        self.sidebar.setCurrentRow(row if 0 <= row < len(PAGES) else 0)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("last_page", self.sidebar.currentRow())
        self.settings.sync()
        super().closeEvent(event)


def _card(label: str, value: int) -> QWidget:
    frame = QFrame()
    frame.setFrameShape(QFrame.Shape.StyledPanel)
    layout = QVBoxLayout(frame)
    number = QLabel(f"{value:,}".replace(",", "."))
    font = number.font()
    font.setPointSizeF(font.pointSizeF() * 2.2)
    font.setBold(True)
    number.setFont(font)
    number.setAccessibleName(label)
    caption = QLabel(label)
    caption.setWordWrap(True)
    layout.addWidget(number)
    layout.addWidget(caption)
    return frame


def _planned_page(title: str, description: str) -> QWidget:
    page = QWidget()
    layout = QVBoxLayout(page)
    heading = QLabel(title)
    font = heading.font()
    font.setPointSizeF(font.pointSizeF() * 1.6)
    font.setBold(True)
    heading.setFont(font)
    text = QLabel(f"{description}\nDeze pagina komt in een volgende versie van de app.")
    text.setWordWrap(True)
    text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    layout.addWidget(heading)
    layout.addWidget(text)
    layout.addStretch(1)
    return page
