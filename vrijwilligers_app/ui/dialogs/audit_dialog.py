"""Logboek: the audit log for the coordinator, filtered by period and kind, printable as a
PDF (services.reports.audit_log)."""

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QStandardPaths
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vrijwilligers_app.domain.validation import format_date_nl
from vrijwilligers_app.services.audit import KINDS, AuditLine, entries
from vrijwilligers_app.services.reports.audit_log import audit_log_pdf, moment_text, subject_text
from vrijwilligers_app.services.reports.document import write_pdf
from vrijwilligers_app.services.reports.errors import ReportError
from vrijwilligers_app.services.reports.request import organisation_name
from vrijwilligers_app.store.handle import Engine
from vrijwilligers_app.ui.tasks import TaskRunner
from vrijwilligers_app.ui.widgets.form_rows import add_row

HEADERS = ("Moment", "Wat", "Betreft", "Toelichting", "Door")


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class AuditDialog(QDialog):
    def __init__(self, engine: Engine, runner: TaskRunner, parent: QWidget | None = None,
                 today: date | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.runner = runner
        self.today = today or date.today()
        self.lines: list[AuditLine] = []
        self.setWindowTitle("Logboek")
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.start = QDateEdit(_qdate(self.today - timedelta(days=90)))
        self.end = QDateEdit(_qdate(self.today))
        for edit in (self.start, self.end):
            edit.setDisplayFormat("dd-MM-yyyy")
            edit.setCalendarPopup(True)
            edit.dateChanged.connect(self.refresh)
        self.kind = QComboBox()
        self.kind.addItem("Alles", "")
        for key, label in KINDS.items():
            self.kind.addItem(label, key)
        self.kind.currentIndexChanged.connect(self.refresh)
        add_row(form, "&Van", self.start)
        add_row(form, "&Tot en met", self.end)
        add_row(form, "&Soort", self.kind)
        layout.addLayout(form)
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setObjectName("audit_table")
        self.table.setAccessibleName("Logboek")
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        buttons = QDialogButtonBox()
        self.pdf_button = buttons.addButton("Opslaan als PDF…",
                                            QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton("Sluiten", QDialogButtonBox.ButtonRole.RejectRole)
        self.pdf_button.clicked.connect(self.save_pdf)
        close.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(900, 560)
        self.refresh()

    def period_text(self) -> str:
        return (f"Periode: {format_date_nl(_day(self.start.date()))} t/m "
                f"{format_date_nl(_day(self.end.date()))}")

    def refresh(self) -> None:
        start, end = _day(self.start.date()), _day(self.end.date())
        if end < start:
            self.status.setText("Tot en met: de einddatum ligt vóór de begindatum; kies een "
                                "latere datum.")
            return
        kinds = [self.kind.currentData()] if self.kind.currentData() else []
        self.runner.run(entries, self.engine, start, end, kinds, on_done=self._show)

    def _show(self, lines: list[AuditLine]) -> None:
        self.lines = lines
        self.table.setRowCount(len(lines))
        for r, line in enumerate(lines):
            cells = (moment_text(line), line.label, subject_text(line), line.detail,
                     line.actor or "—")
            for c, value in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self.status.setText(f"{len(lines)} regel{'' if len(lines) == 1 else 's'}.")

    @classmethod
    def ask_save_path(cls, parent: QWidget, suggested: str) -> Path | None:
        """Tests replace this classmethod."""
        name, _filter = QFileDialog.getSaveFileName(parent, "Logboek opslaan als PDF",
                                                    suggested, "PDF-bestanden (*.pdf)")
        return Path(name) if name else None

    def save_pdf(self) -> Path | None:
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        target = self.ask_save_path(self, str(Path(folder) / "logboek.pdf"))
        if target is None:
            return None
        try:
            write_pdf(audit_log_pdf(self.lines, organisation_name(self.engine),
                                    self.period_text(), self.today), target)
        except ReportError as exc:
            self.status.setText(f"Niet opgeslagen: {exc}")
            return None
        self.status.setText(f"Opgeslagen als {target}.")
        return target
