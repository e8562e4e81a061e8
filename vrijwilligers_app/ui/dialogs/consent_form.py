"""Print the toestemmingsformulier of a resident: built on the task runner, saved as PDF
where the user chooses (ReportsDialog.ask_save_path, which tests replace)."""

from datetime import date
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QWidget

from vrijwilligers_app.services.reports.consent_form import build_consent_form
from vrijwilligers_app.services.reports.document import render, write_pdf
from vrijwilligers_app.services.reports.errors import ReportError
from vrijwilligers_app.store.handle import Engine
from vrijwilligers_app.ui.dialogs.reports_dialog import ReportsDialog
from vrijwilligers_app.ui.tasks import TaskRunner


def _build(engine: Engine, resident_id: int, today: date,
           extra: tuple[int, ...]) -> bytes:
    return render(build_consent_form(engine, resident_id, today, extra))


def print_consent_form(parent: QWidget, engine: Engine, runner: TaskRunner, resident_id: int,
                       extra_destinations: tuple[int, ...] = ()) -> None:
    def done(data: bytes) -> None:
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        target = ReportsDialog.ask_save_path(parent, str(Path(documents) /
                                                         "toestemmingsformulier.pdf"))
        if target is None:
            return
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        try:
            write_pdf(data, target)
        except ReportError as exc:
            ReportsDialog.warn(parent, "Opslaan mislukt", str(exc))
            return
        status = getattr(parent, "status", None)
        if status is not None:
            status.emit(f"Toestemmingsformulier opgeslagen als {target.name}.")

    def failed(exc: BaseException) -> None:
        ReportsDialog.warn(parent, "Toestemmingsformulier", str(exc) if isinstance(
            exc, ReportError) else "Het formulier kon niet worden gemaakt.")

    runner.run(_build, engine, resident_id, date.today(), tuple(extra_destinations),
               on_done=done, on_error=failed)
