"""Rapporten afdrukken: choose a report, period and initiative; the PDF is built in the
background (TaskRunner, with progress) and previewed here with QtPdf; then save it, open it
in the system's PDF reader, or print it through QPrintDialog.

The PDF stays in memory (a QBuffer) for the preview and printing: a confidential address
list only reaches the disk when the user saves it or opens it in a PDF reader (then as a
temporary file in the system's temp folder).
"""

import logging
import re
import tempfile
from datetime import date
from functools import partial
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vrijwilligers_app.domain.report_period import parse_period
from vrijwilligers_app.domain.validation import ValidationError
from vrijwilligers_app.services.reports import (
    REPORTS,
    ReportError,
    ReportRequest,
    report_steps,
    write_pdf,
)
from vrijwilligers_app.services.reports.catalogue import log_report_use
from vrijwilligers_app.store.handle import Engine
from vrijwilligers_app.store.queries.choices import (
    InitiativeFilter,
    initiative_choices,
    series_choices,
)
from vrijwilligers_app.store.settings import get_setting, set_setting
from vrijwilligers_app.ui.pdf_print import PrintError, a4_printer, print_report_pdf
from vrijwilligers_app.ui.tasks import TaskRunner

log = logging.getLogger(__name__)
NO_INITIATIVE = "— geen —"
REPORT_FOLDER_SETTING = "report_folder"  # where the last PDF was saved
ALL_SERIES = "— alle activiteiten —"


def period_suggestions(today: date) -> list[str]:
    quarter = (today.month - 1) // 3 + 1
    previous = f"{today.year}-K{quarter - 1}" if quarter > 1 else f"{today.year - 1}-K4"
    return [str(today.year), f"{today.year}-K{quarter}", previous, str(today.year - 1)]


class ReportsDialog(QDialog):
    def __init__(self, engine: Engine, runner: TaskRunner, parent: QWidget | None = None,
                 today: date | None = None, temp_dir: Path | None = None) -> None:
        """`temp_dir`: the app's private temp folder (copies handed to a PDF reader)."""
        super().__init__(parent)
        self.temp_dir = temp_dir
        self.engine = engine
        self.runner = runner
        self.today = today or date.today()
        self.pdf_bytes: bytes = b""
        self.file_stem = "rapport"
        self.built_kind = ""
        self._buffer: QBuffer | None = None
        self._task: int | None = None
        self._temporary: set[Path] = set()
        self.setWindowTitle("Rapporten afdrukken")
        self.kind = QComboBox()
        for spec in REPORTS.values():
            self.kind.addItem(spec.title, spec.key)
        self.period = QComboBox()
        self.period.setEditable(True)
        self.period.addItems(period_suggestions(self.today))
        self.period.setToolTip("Een jaar (2026), een kwartaal (2026-K3) of twee datums "
                               "(01-01-2026..30-06-2026)")
        self.initiative = QComboBox()
        self.initiative.addItem(NO_INITIATIVE, None)
        self.series = QComboBox()
        self.series.addItem(ALL_SERIES, None)
        self.build_button = QPushButton("&Maken")
        self.build_button.setDefault(True)
        self.build_button.clicked.connect(self.build)
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.message = QLabel()
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        for caption, widget in (("&Soort rapport", self.kind), ("&Periode", self.period),
                                ("&Initiatief", self.initiative),
                                ("&Reeks (rooster)", self.series)):
            label = QLabel(caption)
            label.setBuddy(widget)
            widget.setAccessibleName(caption.replace("&", ""))
            form.addRow(label, widget)
        side = QVBoxLayout()
        side.addLayout(form)
        side.addWidget(self.build_button)
        side.addWidget(self.progress)
        side.addWidget(self.message)
        side.addStretch(1)
        self.save_button = QPushButton("&Opslaan als PDF…")
        self.open_button = QPushButton("Openen in &PDF-lezer")
        self.print_button = QPushButton("&Afdrukken…")
        close = QPushButton("Sluiten")
        for button, slot in ((self.save_button, self.save_as), (self.open_button,
                             self.open_external), (self.print_button, self.print_report),
                             (close, self.reject)):
            button.clicked.connect(slot)
            side.addWidget(button)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setAccessibleName("Voorbeeld")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        layout = QHBoxLayout(self)
        panel = QWidget()
        panel.setLayout(side)
        panel.setMaximumWidth(max(260, self.fontMetrics().averageCharWidth() * 40))
        layout.addWidget(panel)
        layout.addWidget(self.view, 1)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_report)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save_as)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.initiative.currentIndexChanged.connect(self._load_series)
        self._kind_changed()
        self._set_ready(False)
        screen = self.screen().availableGeometry()
        self.resize(min(1100, int(screen.width() * 0.95)), min(740, int(screen.height() * 0.9)))
        self.runner.run(initiative_choices, engine, InitiativeFilter.NOT_ARCHIVED,
                        on_done=self._fill_initiatives)

    # --- choosing ----------------------------------------------------------------------------
    def _fill_initiatives(self, choices: list[tuple[int, str]]) -> None:
        for initiative_id, name in choices:
            self.initiative.addItem(name, initiative_id)

    def _kind_changed(self) -> None:
        spec = REPORTS[self.kind.currentData()]
        self.period.setEnabled(spec.uses_period)
        self.initiative.setEnabled(spec.needs_initiative or spec.optional_initiative)
        self.series.setEnabled(spec.key == "rooster")

    def _load_series(self) -> None:
        self.series.clear()
        self.series.addItem(ALL_SERIES, None)
        initiative_id = self.initiative.currentData()
        if initiative_id is not None:
            self.runner.run(series_choices, self.engine, initiative_id,
                            on_done=partial(self._fill_series, initiative_id))

    def _fill_series(self, initiative_id: int, rows: list[tuple[int, str]]) -> None:
        if initiative_id != self.initiative.currentData():
            return  # the user chose another initiative meanwhile
        for series_id, label in rows:
            self.series.addItem(label, series_id)

    def select(self, kind: str, period: str = "", initiative_id: int | None = None,
               series_id: int | None = None) -> None:
        """Set the choices (tests and callers that open the dialog for one report)."""
        self.kind.setCurrentIndex(self.kind.findData(kind))
        if period:
            self.period.setCurrentText(period)
        if initiative_id is not None:
            self.initiative.setCurrentIndex(self.initiative.findData(initiative_id))
        if series_id is not None:
            self.series.setCurrentIndex(self.series.findData(series_id))

    # --- building ----------------------------------------------------------------------------
    def build(self) -> None:
        spec = REPORTS[self.kind.currentData()]
        try:
            period = parse_period(self.period.currentText())
        except ValidationError as exc:
            self._forget_preview()  # what is shown no longer matches what was asked for
            self._show_error(f"{exc.field}: {exc.message}")
            return
        initiative_id = self.initiative.currentData() if self.initiative.isEnabled() else None
        if spec.needs_initiative and initiative_id is None:
            self._forget_preview()
            self._show_error("Kies eerst een initiatief voor dit rapport.")
            return
        series_id = self.series.currentData() if self.series.isEnabled() else None
        request = ReportRequest(spec.key, period, self.today, initiative_id, series_id)
        self.built_kind = spec.key
        self.file_stem = _file_stem(spec.key, period.label, self.initiative.currentText()
                                    if initiative_id is not None else "")
        self._set_ready(False)
        self.build_button.setEnabled(False)
        self.message.setText("Bezig met maken…")
        self.message.setStyleSheet("")
        self.progress.setRange(0, 0)
        self.progress.show()
        self._task = self.runner.run(report_steps, self.engine, request, on_done=self._built,
                                     on_error=self._failed, on_progress=self._progressed)

    def _progressed(self, done: int, total: int, label: str) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress.setFormat(label)

    def _built(self, data: bytes) -> None:
        self.build_button.setEnabled(True)
        self.progress.hide()
        self.pdf_bytes = data
        self.document.close()
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(data))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        if self.document.status() != QPdfDocument.Status.Ready:
            self._show_error("Het voorbeeld kan niet worden getoond; opslaan kan wel.")
        pages = self.document.pageCount()
        self.message.setText(f"Klaar: {pages} pagina{'' if pages == 1 else '’s'}.")
        self._set_ready(True)

    def _failed(self, exc: BaseException) -> None:
        self.build_button.setEnabled(True)
        self.progress.hide()
        if isinstance(exc, ReportError):
            self._show_error(str(exc))
        else:
            log.error("Rapport maken mislukt", exc_info=exc)
            self._show_error(f"Het rapport kon niet worden gemaakt: {exc}")

    def _forget_preview(self) -> None:
        self.pdf_bytes = b""
        self.document.close()
        self._set_ready(False)

    def _show_error(self, text_: str) -> None:
        self.message.setText(text_)
        self.message.setStyleSheet("color: #a11d1d;")

    def _set_ready(self, ready: bool) -> None:
        for button in (self.save_button, self.open_button, self.print_button):
            button.setEnabled(ready)

    # --- using the PDF -----------------------------------------------------------------------
    @classmethod
    def ask_save_path(cls, parent: QWidget, suggested: str) -> Path | None:
        """Tests replace this classmethod."""
        name, _filter = QFileDialog.getSaveFileName(parent, "Opslaan als PDF", suggested,
                                                    "PDF-bestanden (*.pdf)")
        return Path(name) if name else None

    @classmethod
    def ask_printer(cls, parent: QWidget, page_count: int) -> QPrinter | None:
        """QPrintDialog on an A4 printer; None when cancelled. Tests replace this."""
        printer = a4_printer()
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle("Afdrukken")
        dialog.setMinMax(1, page_count)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return printer

    @classmethod
    def warn(cls, parent: QWidget, title: str, message: str) -> None:
        """A Dutch warning the user must read; tests replace this classmethod."""
        QMessageBox.warning(parent, title, message)

    def save_as(self) -> Path | None:
        if not self.pdf_bytes:
            return None
        # The folder chosen last time, else Documenten (never the program's own folder).
        remembered = get_setting(self.engine, REPORT_FOLDER_SETTING)
        documents = (remembered if remembered and Path(remembered).is_dir() else
                     QStandardPaths.writableLocation(
                         QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home()))
        target = self.ask_save_path(self, str(Path(documents) / f"{self.file_stem}.pdf"))
        if target is None:
            return None
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        try:
            write_pdf(self.pdf_bytes, target)
        except ReportError as exc:
            self._show_error(f"Niet opgeslagen: {exc}")
            self.warn(self, "Opslaan mislukt", str(exc))
            return None
        set_setting(self.engine, REPORT_FOLDER_SETTING, str(target.parent))
        log_report_use(self.engine, self.built_kind, "opgeslagen")
        self.message.setText(f"Opgeslagen als {target}.")
        self.message.setStyleSheet("")
        return target

    def open_external(self) -> Path | None:
        if not self.pdf_bytes:
            return None
        try:
            folder = self._temp_folder()
            folder.mkdir(exist_ok=True)
            target = write_pdf(self.pdf_bytes, folder / f"{self.file_stem}.pdf")
            self._temporary.add(target)
        except (OSError, ReportError) as exc:
            self.warn(self, "Openen mislukt", str(exc))
            return None
        log_report_use(self.engine, self.built_kind, "geopend in een PDF-lezer")
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(target))):
            self.warn(self, "Geen PDF-lezer",
                      f"Er is geen PDF-lezer gevonden. Het bestand staat in {target}.")
        return target

    def _temp_folder(self) -> Path:
        """Private: the data dir's own temp folder, or a fresh 0700 folder of mkdtemp."""
        return self.temp_dir or Path(tempfile.mkdtemp(prefix="vrijwilligersregister-"))

    def print_report(self) -> int:
        if not self.pdf_bytes or self.document.pageCount() == 0:
            return 0
        printer = self.ask_printer(self, self.document.pageCount())
        if printer is None:
            return 0
        self.message.setStyleSheet("")
        try:
            printed, how = print_report_pdf(self.pdf_bytes, self.document, printer,
                                            self._temp_folder(), self._print_progress)
        except PrintError as exc:
            self.warn(self, "Afdrukken mislukt", str(exc))
            return 0
        finally:
            self.progress.hide()
        log_report_use(self.engine, self.built_kind, "afgedrukt")
        self.message.setText(f"{printed} pagina{'' if printed == 1 else '’s'} naar de printer "
                             "gestuurd" + (" (als afbeeldingen)." if how == "afbeeldingen"
                                           else "."))
        return printed

    def _print_progress(self, done: int, total: int) -> bool:
        self._progressed(done, total, f"Afdrukken: pagina {done} van {total}")
        self.progress.show()
        QApplication.processEvents()  # keep the window painted between pages
        return True

    def reject(self) -> None:
        if self._task is not None:
            self.runner.cancel(self._task)
        self.remove_temporary_files()
        super().reject()

    def remove_temporary_files(self) -> None:
        """Copies made for the PDF reader go when the dialog closes (they may hold addresses);
        one still open in a reader on Windows cannot be removed and stays in the temp folder."""
        for path in list(self._temporary):
            try:
                path.unlink(missing_ok=True)
                self._temporary.discard(path)
            except OSError:
                pass


def _file_stem(kind: str, period: str, initiative: str) -> str:
    parts = [kind, initiative, period]
    stem = "-".join(p for p in parts if p)
    return re.sub(r"[^\w.-]+", "-", stem).strip("-").lower() or "rapport"
