"""Gemeente: the merged picture (per source and city-wide), reading export files and writing
return packages. Shown in the menu only in a data dir with the gemeente's key.

The figures here are exact: this is the gemeente's own view. Whatever leaves it (the CLI's
`gemeente overzicht`, reports) goes through gemeente_figures.published(), which suppresses
counts below 5.
"""

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vrijwilligers_app.services.exchange.gemeente_access import on_gemeente_store
from vrijwilligers_app.services.exchange.gemeente_figures import (
    CityOverview,
    SourceFigures,
    city_overview,
)
from vrijwilligers_app.services.exchange.gemeente_returns import write_returns
from vrijwilligers_app.services.exchange.merge import import_packages
from vrijwilligers_app.services.exchange.scan import QUARANTINED, Report
from vrijwilligers_app.store.register import Register
from vrijwilligers_app.ui.dialogs.duplicates_dialog import DuplicatesDialog
from vrijwilligers_app.ui.dialogs.gemeente_list_dialog import failure_text
from vrijwilligers_app.ui.dialogs.quarantine_dialog import QuarantineDialog
from vrijwilligers_app.ui.dialogs.status_dialog import StatusDialog
from vrijwilligers_app.ui.models.formatting import format_value
from vrijwilligers_app.ui.tasks import TaskRunner
from vrijwilligers_app.ui.widgets.fit import cap_height, fit_to_screen


def _days(value: int | None) -> str:
    return "niet bereikt" if value is None else f"{value} d"


def _count(value: int) -> str:
    return format_value(value, "count")


def _share(figures: SourceFigures) -> str:
    share = figures.referrals.share_on_time
    return "–" if share is None else f"{share:.0%}"


MEASURES: tuple[tuple[str, Callable[[Any], str]], ...] = (
    ("Initiatieven (actief)", lambda f: _count(f.initiatives_active)),
    ("Vrijwilligers per initiatief, opgeteld", lambda f: _count(f.volunteer_places)),
    ("Inwoners", lambda f: _count(f.residents)),
    ("Maatjes: wachtend", lambda f: _count(f.requests_waiting)),
    ("Maatjes: lopende koppelingen", lambda f: _count(f.matches_active)),
    ("Activiteiten in de periode", lambda f: _count(f.activities)),
    ("Bezoekers in de periode", lambda f: _count(sum(f.visitors_by_type.values()))),
    ("Vrijwilligersuren", lambda f: format_value(float(f.volunteer_hours), "number")),
    ("Doorverwijzingen (gesignaleerd in de periode)", lambda f: _count(f.referrals.referrals)),
    ("Wachttijd: mediaan", lambda f: _days(f.referrals.waiting.median)),
    ("Wachttijd: 90 %", lambda f: _days(f.referrals.waiting.p90)),
    ("Nog wachtend op eerste contact", lambda f: _count(f.referrals.waiting.open)),
    ("Doorlooptijd: mediaan", lambda f: _days(f.referrals.lead.median)),
    ("Binnen de afgesproken termijn", _share),
)


class GemeenteDialog(QDialog):
    def __init__(self, register: Register, runner: TaskRunner,
                 parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.register = register
        self.runner = runner
        self.today = today or date.today()
        self.setWindowTitle("Gemeente: sociaal domein in beeld")
        layout = QVBoxLayout(self)
        intro = QLabel("Cijfers per laptop (bron) en voor de hele stad, uit de ingelezen "
                       "exportbestanden. Exact, alleen voor de gemeente: wat naar buiten gaat "
                       "onderdrukt aantallen onder 5.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        year_row = QHBoxLayout()
        year_label = QLabel("&Jaar")
        self.year = QSpinBox()
        self.year.setRange(2000, self.today.year)
        self.year.setValue(self.today.year)
        self.year.setAccessibleName("Jaar")
        year_label.setBuddy(self.year)
        self.year.valueChanged.connect(lambda _value: self.refresh())
        year_row.addWidget(year_label)
        year_row.addWidget(self.year)
        year_row.addStretch(1)
        layout.addLayout(year_row)  # the tool buttons are added to it below
        self.table = QTableWidget(len(MEASURES), 1)
        self.table.setObjectName("gemeente_figures")
        self.table.setAccessibleName("Cijfers per bron en voor de stad")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setVerticalHeaderLabels([label for label, _ in MEASURES])
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setMinimumHeight(cap_height(  # at text size 200 % the table scrolls
            self.table.verticalHeader().defaultSectionSize() * (len(MEASURES) + 1) + 6,
            self, 0.45))
        layout.addWidget(self.table, 1)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        layout.addWidget(self.progress)
        self.result_label = QLabel()
        self.result_label.setObjectName("gemeente_result")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.result_label)
        # Beside the year, not in the bottom row: six buttons in one row would not fit 1366 px
        # at 200 % text size, and another row would push the dialog past 768 px.
        tools = QDialogButtonBox()
        buttons = QDialogButtonBox()
        self.import_button = buttons.addButton("Exportbestanden &inlezen…",
                                               QDialogButtonBox.ButtonRole.ActionRole)
        self.return_button = buttons.addButton("&Terugmeldingen schrijven…",
                                               QDialogButtonBox.ButtonRole.ActionRole)
        self.quarantine_button = tools.addButton("Bronnen in &quarantaine…",
                                                 QDialogButtonBox.ButtonRole.ActionRole)
        self.quarantine_button.clicked.connect(self.open_quarantine)
        self.status_button = tools.addButton("&Status doorgeven…",
                                             QDialogButtonBox.ButtonRole.ActionRole)
        self.status_button.clicked.connect(self.open_status)
        self.duplicates_button = tools.addButton("&Dubbele initiatieven…",
                                                 QDialogButtonBox.ButtonRole.ActionRole)
        self.duplicates_button.clicked.connect(self.open_duplicates)
        close = buttons.addButton("Sluiten", QDialogButtonBox.ButtonRole.RejectRole)
        self.import_button.clicked.connect(self._import)
        self.return_button.clicked.connect(self._return)
        close.clicked.connect(self.reject)
        year_row.addWidget(tools)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 130,
                    self.fontMetrics().height() * 34)
        self.refresh()

    # --- figures --------------------------------------------------------------------------
    def refresh(self) -> None:
        year = self.year.value()
        end = min(date(year, 12, 31), self.today)
        self.runner.run(on_gemeente_store, self.register.engine, city_overview,
                        date(year, 1, 1), end, self.today,
                        on_done=self._show, on_error=self._failed)

    def _show(self, overview: CityOverview) -> None:
        columns = [overview.total, *overview.sources]
        self.table.setColumnCount(len(columns))
        self.table.setHorizontalHeaderLabels([f.name for f in columns])
        for column, figures in enumerate(columns):
            for row, (_label, value) in enumerate(MEASURES):
                item = QTableWidgetItem(value(figures))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self._fit_width()
        if not overview.sources and not self.result_label.text():
            self.result_label.setText("Nog geen exportbestanden ingelezen.")

    def _fit_width(self) -> None:
        """Grow to show every column when the screen allows (a few laptops fit)."""
        needed = (self.table.verticalHeader().width() + 40 + sum(
            self.table.columnWidth(c) for c in range(self.table.columnCount())))
        screen = self.screen().availableGeometry().width() if self.screen() else needed
        width = min(max(needed, self.width()), screen - 40)
        self.resize(width, max(self.height(), self.sizeHint().height()))
        if self.screen() is not None:  # grown to the right: keep the buttons on the screen
            area = self.screen().availableGeometry()
            if self.frameGeometry().right() > area.right():
                self.move(max(area.left(), area.right() - self.frameGeometry().width()),
                          self.y())
        fit_to_screen(self)  # and never taller than the screen (text size 200 %)

    # --- import / return ------------------------------------------------------------------
    def choose_folder(self, title: str) -> Path | None:
        folder = QFileDialog.getExistingDirectory(self, title)
        return Path(folder) if folder else None

    def _import(self) -> None:
        folder = self.choose_folder("Map met exportbestanden")
        if folder is None:
            return
        self._busy(True)
        self.runner.run(on_gemeente_store, self.register.engine, import_packages,
                        self.register.data_dir,
                        [folder], write=True, on_done=self._imported, on_error=self._failed)

    def _imported(self, report: Report) -> None:
        self._busy(False)
        text = report.as_text()
        if report.count(QUARANTINED):
            text += "\nKijk bij 'Bronnen in quarantaine…' om ze te accepteren of te weigeren."
        self.result_label.setText(text)
        self.refresh()

    def open_quarantine(self) -> QuarantineDialog:
        dialog = QuarantineDialog(self.register, self.runner, self)
        dialog.changed.connect(self.refresh)
        dialog.open()
        return dialog

    def open_duplicates(self) -> DuplicatesDialog:
        dialog = DuplicatesDialog(self.register, self.runner, self)
        dialog.merged.connect(self.refresh)
        dialog.open()
        return dialog

    def open_status(self) -> StatusDialog:
        dialog = StatusDialog(self.register, self.runner, self, self.today)
        dialog.open()
        return dialog

    def _return(self) -> None:
        folder = self.choose_folder("Map voor de terugmeldingen")
        if folder is None:
            return
        self._busy(True)
        self.runner.run(on_gemeente_store, self.register.engine, write_returns,
                        self.register.data_dir, folder, self.register.engine,
                        on_done=self._returned, on_error=self._failed)

    def _returned(self, written: list) -> None:  # type: ignore[type-arg]
        self._busy(False)
        self.result_label.setText(f"{len(written)} terugmelding(en) geschreven: "
                            + ", ".join(item.path.name for item in written))

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        self.result_label.setText(failure_text(exc))

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.progress.setRange(0, 0)
        self.import_button.setEnabled(not busy)
        self.return_button.setEnabled(not busy)
