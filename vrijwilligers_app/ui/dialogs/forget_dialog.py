"""Vergeten…: says what happens before it happens (and what happens to open referrals),
asks for an explicit tick when something is still open, runs on the TaskRunner, and then
offers the receipt (Bewijs van verwijdering) as a PDF."""

from datetime import UTC, date, datetime
from html import escape
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from vrijwilligers_app.services.privacy.anonymise import AnonymiseResult
from vrijwilligers_app.services.privacy.forget import ForgetPreview, actor, forget_steps
from vrijwilligers_app.services.reports.document import write_pdf
from vrijwilligers_app.services.reports.errors import ReportError
from vrijwilligers_app.services.reports.receipt import receipt_pdf
from vrijwilligers_app.services.reports.request import organisation_name
from vrijwilligers_app.store import backup
from vrijwilligers_app.store.handle import Engine
from vrijwilligers_app.store.settings import get_int_setting
from vrijwilligers_app.ui.tasks import TaskRunner


def explanation(preview: ForgetPreview) -> str:
    counted = [f"{n} {label}" for label, n in preview.counts.items() if n]
    lines = [
        f"<p><b>{escape(preview.name)}</b> wordt nu vergeten (artikel 17 AVG). "
        "Dit kan niet ongedaan "
        "worden gemaakt.</p>",
        "<p>Gewist worden: naam, telefoon, e-mail, het straatdeel van de postcode en alle "
        "vrije tekst (vragen, wensen, notities, evaluaties"
        + (f"; het gaat om {', '.join(counted)}" if counted else "") + "). Het geboortejaar "
        "wordt een leeftijdsgroep. Datums, wijk, codes en statussen blijven zonder naam "
        "bewaard, zodat de cijfers gelijk blijven.</p>",
    ]
    if preview.has_open:
        items = "".join(f"<li>{escape(line)}</li>" for line in
                        preview.open_referrals + preview.open_buddy)
        lines.append(
            f"<p><b>Er loopt nog iets:</b></p><ul>{items}</ul><p>Dit wordt vandaag "
            "afgesloten (een maatjesaanvraag of koppeling met de reden \"inwoner wil niet "
            "meer\") en daarna geanonimiseerd. <b>De organisatie krijgt hier geen bericht van "
            "de app</b>: laat het haar zelf weten als de hulp moet stoppen. In de cijfers telt "
            "het vanaf vandaag als afgesloten.</p>")
    lines.append("<p>Automatische back-ups bevatten de gegevens nog tot ze worden opgeruimd "
                 "(zie Instellingen). Daarna kunt u een bewijs van verwijdering opslaan.</p>")
    return "".join(lines)


class ForgetDialog(QDialog):
    forgotten = Signal(int)  # resident id

    def __init__(self, engine: Engine, runner: TaskRunner, preview: ForgetPreview,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.runner = runner
        self.preview = preview
        self.receipt: bytes = b""
        self.setWindowTitle("Inwoner vergeten")
        layout = QVBoxLayout(self)
        self.text = QLabel(explanation(preview))
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        scroll = QScrollArea()  # long at 200 % text: scrolls, buttons stay visible
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.text)
        layout.addWidget(scroll, 1)
        self.understood = QCheckBox("Ik begrijp dat wat nog loopt nu wordt afgesloten en "
                                    "dat de organisatie geen bericht krijgt")
        self.understood.setObjectName("understood")
        self.understood.setVisible(preview.has_open)
        self.understood.toggled.connect(self._update)
        layout.addWidget(self.understood)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.buttons = QDialogButtonBox()
        self.forget_button = self.buttons.addButton("Vergeten",
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.receipt_button = self.buttons.addButton(
            "Bewijs opslaan als PDF…", QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton("Annuleren",
                                                   QDialogButtonBox.ButtonRole.RejectRole)
        self.forget_button.clicked.connect(self.forget)
        self.receipt_button.clicked.connect(self.save_receipt)
        self.close_button.clicked.connect(self.reject)
        self.receipt_button.hide()
        self.close_button.setDefault(True)
        layout.addWidget(self.buttons)
        self.resize(680, 480)
        self._update()

    def _update(self) -> None:
        self.forget_button.setEnabled(not self.preview.has_open or self.understood.isChecked())

    def forget(self) -> None:
        self.forget_button.setEnabled(False)
        self.understood.setEnabled(False)
        self.status.setText("Bezig met wissen…")
        self.runner.run(forget_steps, self.engine, self.preview.resident_id, date.today(),
                        self.preview.has_open, write=True, on_done=self._done,
                        on_error=self._failed)

    def _done(self, _result: AnonymiseResult) -> None:
        keep = get_int_setting(self.engine, "backup_keep_days", backup.DEFAULT_KEEP_DAYS)
        self.receipt = receipt_pdf(self.preview, datetime.now(UTC).astimezone(),
                                   actor(self.engine), organisation_name(self.engine),
                                   self.preview.open_referrals + self.preview.open_buddy, keep)
        self.status.setText(f"Vergeten. Het dossier heet nu Inwoner {self.preview.resident_id} "
                            "(geanonimiseerd).")
        self.forget_button.hide()
        self.receipt_button.show()
        self.close_button.setText("Sluiten")
        self.forgotten.emit(self.preview.resident_id)

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(f"Niet vergeten: {exc}" if str(exc) else
                            "Niet vergeten; er is niets veranderd. Probeer het opnieuw.")
        self.understood.setEnabled(True)
        self._update()

    @classmethod
    def ask_save_path(cls, parent: QWidget, suggested: str) -> Path | None:
        """Tests replace this classmethod."""
        name, _filter = QFileDialog.getSaveFileName(parent, "Bewijs opslaan als PDF",
                                                    suggested, "PDF-bestanden (*.pdf)")
        return Path(name) if name else None

    def save_receipt(self) -> Path | None:
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        target = self.ask_save_path(self, str(Path(folder) / "bewijs-van-verwijdering-"
                                              f"{self.preview.resident_id}.pdf"))
        if target is None:
            return None
        try:
            write_pdf(self.receipt, target)
        except ReportError as exc:
            self.status.setText(f"Niet opgeslagen: {exc}")
            return None
        self.status.setText(f"Bewijs opgeslagen als {target}.")
        return target
