"""Bestand → Importeren…: file → sheet and header row → columns → preview → result.

Reading, the preview and the write all run on the TaskRunner; the write is one transaction
after a backup, cancelled cleanly (nothing half imported) by Annuleren or by closing, and
undone as one step with "Ongedaan maken" or Ctrl+Z while the main window is open.
`open_import_wizard` is the seam for other windows (the welcome wizard) to start it.
"""

import threading
from functools import partial
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from vrijwilligers_app.services import importing
from vrijwilligers_app.services.importing import (
    ImportCancelled,
    ImportRefused,
    ImportResult,
    Preview,
    Source,
)
from vrijwilligers_app.store.register import Register
from vrijwilligers_app.ui.dialogs.confirm import Confirm
from vrijwilligers_app.ui.dialogs.import_pages import HeaderPage, MappingPage, SourcePage
from vrijwilligers_app.ui.dialogs.import_preview_page import PreviewPage, ResultPage
from vrijwilligers_app.ui.tasks import TaskRunner

FILE_FILTER = "Lijsten (*.xlsx *.xls *.ods *.csv *.txt);;Alle bestanden (*)"
SOURCE, HEADER, MAPPING, PREVIEW, RESULT = range(5)


class _ImportCommand(QUndoCommand):
    """An import already written; undo removes it (once: redo means importing again)."""

    def __init__(self, wizard: "ImportWizard", result: ImportResult) -> None:
        super().__init__(f"Inlezen uit {result.file_name}")
        self.wizard, self.outcome, self._first = wizard, result, True

    def undo(self) -> None:
        self.wizard.undo_import(self.outcome)
        self.setObsolete(True)

    def redo(self) -> None:
        self._first = False


class ImportWizard(QDialog):
    changed = Signal(str)  # register kind whose records were added, filled or removed

    def __init__(self, register: Register, runner: TaskRunner,
                 undo_stack: QUndoStack | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.register, self.runner, self.undo_stack = register, runner, undo_stack
        self.setWindowTitle("Lijst inlezen")
        self.source: Source | None = None
        self.preview: Preview | None = None
        self.outcome: ImportResult | None = None
        self._task: int | None = None
        self._stop = threading.Event()  # asks a running write to roll back
        self._writing = False  # from the click on Inlezen until its result or error
        self._mapping: dict[int, str] = {}
        self.source_page, self.header_page = SourcePage(), HeaderPage()
        self.mapping_page, self.preview_page = MappingPage(), PreviewPage()
        self.result_page = ResultPage()
        self.stack = QStackedWidget()
        for page in (self.source_page, self.header_page, self.mapping_page, self.preview_page,
                     self.result_page):
            self.stack.addWidget(page)
        self.back = QPushButton("&Terug")
        self.next = QPushButton("&Volgende")
        self.close_button = QPushButton("Annuleren")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.back, self.next, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)
        self.back.clicked.connect(self.go_back)
        self.next.clicked.connect(self.go_next)
        self.close_button.clicked.connect(self.reject)
        self.source_page.choose.clicked.connect(self.choose_file)
        self.header_page.sheet.currentIndexChanged.connect(lambda _i: self._sheet_changed())
        self.header_page.header_row.valueChanged.connect(lambda _v: self._show_sheet())
        self.result_page.undo.clicked.connect(self._undo_clicked)
        screen = self.screen().availableGeometry()
        self.resize(min(900, int(screen.width() * 0.95)), min(640, int(screen.height() * 0.9)))
        self._update()

    # --- seams for tests -----------------------------------------------------------------
    @classmethod
    def ask_path(cls, parent: QWidget) -> Path | None:
        name, _filter = QFileDialog.getOpenFileName(parent, "Lijst kiezen", "", FILE_FILTER)
        return Path(name) if name else None

    # --- state -----------------------------------------------------------------------------
    @property
    def kind(self) -> str:
        return str(self.source_page.kind.currentData())

    def _update(self) -> None:
        step = self.stack.currentIndex()
        busy = self._task is not None
        self.back.setEnabled(not busy and SOURCE < step < RESULT)
        self.next.setVisible(step < RESULT)
        self.next.setEnabled(not busy and (step != SOURCE or self.source is not None))
        self.next.setText("&Inlezen" if step == PREVIEW else "&Volgende")
        self.close_button.setText("Sluiten" if step == RESULT and not busy else "Annuleren")
        self.source_page.kind.setEnabled(step == SOURCE)

    def _run(self, fn: Any, *args: Any, done: Any, write: bool = False,
             progress: Any = None) -> None:
        ended: list[bool] = []  # a synchronous runner (tests) ends before run() returns

        def finish(result: Any) -> None:
            ended.append(True)
            if not shiboken6.isValid(self):
                return  # the wizard is gone (its window closed); nothing to show
            self._task = None
            done(result)
            self._update()

        def fail(exc: BaseException) -> None:
            ended.append(True)
            if shiboken6.isValid(self):
                self._failed(exc)

        task = self.runner.run(fn, *args, write=write, on_done=finish, on_error=fail,
                               on_progress=progress)
        if not ended:
            self._task = task
        self._update()

    def _failed(self, exc: BaseException) -> None:
        self._task = None
        self._writing = False
        if isinstance(exc, ImportCancelled):
            return  # rolled back, as asked
        if isinstance(exc, ImportRefused):
            text = str(exc)
        else:
            text = f"Inlezen mislukt: {exc}. Er is niets veranderd."
        if self.stack.currentIndex() == SOURCE:
            self.source_page.message.setText(text)
        else:
            QMessageBox.warning(self, "Inlezen niet gelukt", text)
            if self.stack.currentIndex() == RESULT:
                self.stack.setCurrentIndex(PREVIEW)
        self._update()

    # --- step 1: the file ------------------------------------------------------------------
    def choose_file(self) -> None:
        path = self.ask_path(self)
        if path is not None:
            self.load_file(path)

    def load_file(self, path: Path) -> None:
        self.source = None
        self.source_page.message.clear()
        self.source_page.file_label.setText(f"{path.name} wordt gelezen…")
        self._run(importing.read_source, path, done=self._source_read)

    def _source_read(self, source: Source) -> None:
        self.source = source
        extra = f" ({len(source.sheets)} werkbladen)" if len(source.sheets) > 1 else ""
        self.source_page.file_label.setText(f"{source.file_name}{extra}")
        box = self.header_page.sheet
        box.blockSignals(True)
        box.clear()
        for sheet in source.sheets:
            box.addItem(sheet.name)
        box.blockSignals(False)
        self._sheet_changed()

    # --- step 2: sheet and header row ------------------------------------------------------
    def _sheet(self) -> importing.Sheet:
        assert self.source is not None
        return self.source.sheets[max(0, self.header_page.sheet.currentIndex())]

    def _sheet_changed(self) -> None:
        spin = self.header_page.header_row
        spin.blockSignals(True)
        spin.setMaximum(max(1, len(self._sheet().rows)))
        spin.setValue(importing.find_header_row(self._sheet().rows) + 1)
        spin.blockSignals(False)
        self._show_sheet()

    def _show_sheet(self) -> None:
        if self.source is not None:
            self.header_page.show_sheet(self._sheet(), self.header_page.header_row.value() - 1)

    def _header(self) -> int:
        return self.header_page.header_row.value() - 1

    # --- navigation ------------------------------------------------------------------------
    def go_back(self) -> None:
        self.stack.setCurrentIndex(max(SOURCE, self.stack.currentIndex() - 1))
        self._update()

    def go_next(self) -> None:
        step = self.stack.currentIndex()
        if step == SOURCE:
            self.stack.setCurrentIndex(HEADER)
        elif step == HEADER:
            headers = self._sheet().rows[self._header()] if self._sheet().rows else []
            self._run(importing.recall_mapping, self.register.engine, self.kind, headers,
                      done=lambda found: self._show_mapping(headers, found))
            return
        elif step == MAPPING:
            self._make_preview()
            return
        elif step == PREVIEW:
            self._write()
            return
        self._update()

    def _show_mapping(self, headers: list[Any], remembered: dict[int, str] | None) -> None:
        hidden = self._sheet().hidden_columns
        mapping = remembered or importing.suggest_mapping(self.kind, headers, hidden)
        header = self._header()
        samples = self._sheet().rows[header + 1:header + 8]
        self.mapping_page.show_columns(self.kind, headers, samples, mapping, hidden)
        self.stack.setCurrentIndex(MAPPING)

    def _make_preview(self) -> None:
        self._mapping = self.mapping_page.mapping()
        if not self._mapping:
            QMessageBox.information(self, "Geen kolommen gekozen",
                                    "Kies voor minstens één kolom welk gegeven erin staat.")
            return
        assert self.source is not None
        self._run(importing.build_preview, self.register.engine, self.kind, self._sheet(),
                  self._header(), self._mapping, self.source.file_name, done=self._show_preview)

    def _show_preview(self, preview: Preview) -> None:
        self.preview = preview
        self.preview_page.show_preview(preview)
        self.stack.setCurrentIndex(PREVIEW)

    # --- step 5: writing -------------------------------------------------------------------
    def _write(self) -> None:
        assert self.preview is not None
        preview, choices = self.preview, self.preview_page.choices()
        headers = self._sheet().rows[self._header()]
        importing.remember_mapping(self.register.engine, self.kind, headers, self._mapping)
        self.stack.setCurrentIndex(RESULT)
        self.result_page.label.setText("Back-up maken en inlezen…")
        self.result_page.progress.setRange(0, 0)
        self._stop.clear()
        self._writing = True
        self._run(partial(importing.apply_import, key=self.register.key),
                  self.register.engine, self.register.db_path, self.register.data_dir, preview,
                  choices, None, self._stop, write=True, done=self._written,
                  progress=self._progress)

    def _progress(self, done: int, total: int, label: str) -> None:
        self.result_page.progress.setRange(0, max(total, 1))
        self.result_page.progress.setValue(done)
        self.result_page.label.setText(f"{label}: {done} van {total}")

    def _written(self, result: ImportResult) -> None:
        self._writing = False
        self.outcome = result
        self.result_page.progress.setRange(0, 1)
        self.result_page.progress.setValue(1)
        self.result_page.label.setText(
            f"Klaar: {result.summary()}.\nVooraf is een back-up gemaakt: {result.backup}.")
        self.result_page.undo.show()
        self.result_page.undo.setEnabled(bool(result.created or result.filled))
        if self.undo_stack is not None and (result.created or result.filled):
            self.undo_stack.push(_ImportCommand(self, result))
        self.changed.emit(result.kind)

    def _undo_clicked(self) -> None:
        if self.outcome is None:
            return
        own = f"Inlezen uit {self.outcome.file_name}"
        if self.undo_stack is not None and self.undo_stack.canUndo() and \
                self.undo_stack.undoText() == own:
            self.undo_stack.undo()  # keeps Ctrl+Z and the button in step
        else:
            self.undo_import(self.outcome)

    def undo_import(self, result: ImportResult) -> None:
        self.result_page.undo.setEnabled(False)
        self.runner.run(importing.undo_import, self.register.engine, result, write=True,
                        on_done=lambda _r: self._undone(result), on_error=self._failed)

    def _undone(self, result: ImportResult) -> None:
        self.result_page.label.setText(f"Het inlezen uit {result.file_name} is ongedaan "
                                       "gemaakt.")
        self.changed.emit(result.kind)

    # --- closing ---------------------------------------------------------------------------
    def reject(self) -> None:
        """Annuleren, Esc and the window's close button all come here (QDialog's closeEvent
        calls reject): a running write is cancelled, and then nothing was imported."""
        if self._writing:
            if not Confirm.ask(self, "Inlezen afbreken?", "Er is dan niets ingelezen; het "
                               "register blijft zoals het was.", "Afbreken", "Doorgaan"):
                return
            # Not runner.cancel: the result of a write that committed just before this
            # moment must still arrive, so it lands on the undo stack.
            self._stop.set()
        elif self._task is not None:
            self.runner.cancel(self._task)
            self._task = None
        super().reject()

    def writing(self) -> bool:
        return self._writing


def open_import_wizard(register: Register, runner: TaskRunner, parent: QWidget | None = None,
                       undo_stack: QUndoStack | None = None, kind: str | None = None
                       ) -> ImportWizard:
    """Show the import wizard (not modal); `kind` preselects what the list holds."""
    wizard = ImportWizard(register, runner, undo_stack, parent)
    if kind is not None:
        wizard.source_page.kind.setCurrentIndex(max(0, wizard.source_page.kind.findData(kind)))
    wizard.show()
    return wizard
