"""A resident's rights from their record: "Inzage (PDF)…" and "Vergeten…", and the audit
entry for opening the record. Attached to the residents' RecordEditor."""

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QMessageBox, QPushButton, QWidget

from vrijwilligers_app.services import audit
from vrijwilligers_app.services.privacy.forget import forget_preview
from vrijwilligers_app.services.reports.errors import ReportError
from vrijwilligers_app.store.engine import write_session
from vrijwilligers_app.store.handle import Engine

if TYPE_CHECKING:
    from vrijwilligers_app.ui.pages.record_editor import RecordEditor


def make_inzage(engine: Engine, resident_id: int, data_dir: Path, today: date) -> bytes:
    """Collect, render and log the inzage in one go (runs on the TaskRunner). reportlab is
    imported here, on the worker, not with the page."""
    from vrijwilligers_app.services.privacy.inzage import collect
    from vrijwilligers_app.services.reports.inzage import inzage_pdf
    from vrijwilligers_app.services.reports.request import organisation_name

    pdf = inzage_pdf(collect(engine, resident_id, data_dir), organisation_name(engine), today)
    with write_session(engine) as session:
        audit.record(session, "inzage", "resident", resident_id)
    return pdf


class ResidentRights:
    def __init__(self, editor: "RecordEditor", buttons: QHBoxLayout) -> None:
        self.editor = editor
        self.engine = editor.engine
        self.inzage_button = QPushButton("Inzage (PDF)…")
        self.inzage_button.setObjectName("inzage_button")
        self.forget_button = QPushButton("Vergeten…")
        self.forget_button.setObjectName("forget_button")
        self.inzage_button.clicked.connect(self.inzage)
        self.forget_button.clicked.connect(self.forget)
        buttons.addWidget(self.inzage_button)
        buttons.addWidget(self.forget_button)
        self.update(None)

    @property
    def data_dir(self) -> Path:
        return Path(str(self.engine.url.database)).parent

    def update(self, record_id: int | None) -> None:
        self.inzage_button.setEnabled(record_id is not None)
        self.forget_button.setEnabled(record_id is not None)

    def opened(self, record_id: int) -> None:
        self.update(record_id)
        self.editor.runner.run(audit.record_now, self.engine, "record_opened",
                               "resident", record_id, write=True)

    # --- inzage ----------------------------------------------------------------------------
    @classmethod
    def ask_save_path(cls, parent: QWidget, suggested: str) -> Path | None:
        """Tests replace this classmethod."""
        name, _filter = QFileDialog.getSaveFileName(parent, "Inzage opslaan als PDF",
                                                    suggested, "PDF-bestanden (*.pdf)")
        return Path(name) if name else None

    def inzage(self) -> None:
        rid = self.editor.current_id
        if rid is None:
            return
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        target = self.ask_save_path(self.editor,
                                    str(Path(folder) / f"inzage-dossier-{rid}.pdf"))
        if target is None:
            return
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        self.editor.status.emit("Inzage wordt gemaakt…")

        def done(pdf: bytes) -> None:
            from vrijwilligers_app.services.reports.document import write_pdf

            try:
                write_pdf(pdf, target)
            except ReportError as exc:
                self.editor.status.emit(f"Niet opgeslagen: {exc}")
                return
            self.editor.status.emit(f"Inzage opgeslagen als {target}.")

        self.editor.runner.run(make_inzage, self.engine, rid, self.data_dir, date.today(),
                               write=True, on_done=done,
                               on_error=lambda exc: self.editor.status.emit(
                                   f"Inzage mislukt: {exc}"))

    # --- vergeten --------------------------------------------------------------------------
    def forget(self) -> None:
        rid = self.editor.current_id
        if rid is None or not self.editor.may_leave():
            return
        preview = forget_preview(self.engine, rid)
        if preview.anonymised_on is not None:
            QMessageBox.information(self.editor, "Al vergeten",
                                    "Deze inwoner is al geanonimiseerd; er valt niets meer te "
                                    "wissen.")
            return
        # the dialog prints a receipt (reportlab): imported when it is needed, not with the page
        from vrijwilligers_app.ui.dialogs.forget_dialog import ForgetDialog

        dialog = ForgetDialog(self.engine, self.editor.runner, preview, self.editor)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.forgotten.connect(self._forgotten)
        dialog.open()

    def _forgotten(self, resident_id: int) -> None:
        if self.editor.current_id == resident_id:
            self.editor.form.dirty = False
            self.editor.open(resident_id)
        self.editor.list_changed.emit()
