"""Exporteer rooster (.ics): one calendar file per chosen volunteer, with their duties from
a date on, into a folder the user picks. A folder that cannot be written gives a Dutch
message and leaves no file behind (services.activities.ics_export)."""

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vrijwilligers_app.domain.validation import parse_date_nl
from vrijwilligers_app.services.activities import ics_export
from vrijwilligers_app.store.handle import Engine
from vrijwilligers_app.ui.tasks import TaskRunner
from vrijwilligers_app.ui.widgets.fields import DateField
from vrijwilligers_app.ui.widgets.form_rows import ERROR_STYLE


class IcsExportDialog(QDialog):
    @classmethod
    def choose_folder(cls, parent: QWidget, start: str) -> str:
        """Tests replace this, as they do Confirm.ask."""
        return QFileDialog.getExistingDirectory(parent, "Kies een map voor de roosters", start)

    def __init__(self, engine: Engine, runner: TaskRunner, initiative_id: int | None,
                 initiative_name: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine, self.runner, self.initiative_id = engine, runner, initiative_id
        self.written: list[Path] = []
        self.setWindowTitle("Exporteer rooster (.ics)")
        intro = QLabel("Eén agendabestand per vrijwilliger, met alleen de eigen diensten. "
                       "Opnieuw importeren werkt een verplaatste of afgelaste datum bij."
                       + (f"<br>Initiatief: <b>{initiative_name}</b>" if initiative_name
                          else ""))
        intro.setWordWrap(True)
        self.start = DateField("dd-mm-jjjj")
        self.start.set(date.today())
        self.volunteers = QListWidget()
        self.volunteers.setObjectName("export_volunteers")
        self.volunteers.setAccessibleName("Vrijwilligers")
        self.folder = QLineEdit(str(Path.home()))
        self.folder.setAccessibleName("Map")
        browse = QPushButton("Bladeren…")
        browse.clicked.connect(self._browse)
        folder_row = QWidget()
        folder_layout = QHBoxLayout(folder_row)
        folder_layout.setContentsMargins(0, 0, 0, 0)
        folder_layout.addWidget(self.folder, 1)
        folder_layout.addWidget(browse)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        for caption, widget, buddy in (("Diensten vanaf", self.start.widget, self.start.edit),
                                       ("Vrijwilligers", self.volunteers, self.volunteers),
                                       ("Map", folder_row, self.folder)):
            label = QLabel(caption)
            label.setBuddy(buddy)
            form.addRow(label, widget)
        self.start.changed.connect(self._load)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        buttons = QDialogButtonBox()
        self.export_button = buttons.addButton("Exporteren",
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("Sluiten", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.export)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(520, 520)
        self._load()

    def _start_date(self) -> date | None:
        try:
            return parse_date_nl(str(self.start.get()), "Diensten vanaf")
        except ValueError as exc:
            self._say(str(exc), error=True)
            return None

    def _load(self) -> None:
        start = self._start_date()
        if start is not None:
            self.runner.run(ics_export.rostered_volunteers, self.engine, self.initiative_id,
                            start, on_done=self._loaded)

    def _loaded(self, rows: list[tuple[int, str, int]]) -> None:
        self.volunteers.clear()
        for volunteer_id, name, duties in rows:
            item = QListWidgetItem(f"{name} ({duties} dienst{'en' if duties != 1 else ''})")
            item.setData(Qt.ItemDataRole.UserRole, volunteer_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.volunteers.addItem(item)
        if not rows:
            self._say("Vanaf deze datum staat niemand op het rooster.", error=False)

    def chosen_ids(self) -> list[int]:
        return [int(self.volunteers.item(i).data(Qt.ItemDataRole.UserRole))
                for i in range(self.volunteers.count())
                if self.volunteers.item(i).checkState() == Qt.CheckState.Checked]

    def _browse(self) -> None:
        folder = self.choose_folder(self, self.folder.text())
        if folder:
            self.folder.setText(folder)

    def export(self) -> None:
        start = self._start_date()
        ids = self.chosen_ids()
        if start is None:
            return
        if not ids:
            self._say("Vink minstens één vrijwilliger aan.", error=True)
            return
        if not self.folder.text().strip():
            self._say("Kies eerst een map.", error=True)
            return
        self.export_button.setEnabled(False)
        self.runner.run(ics_export.export_rosters, self.engine, ids,
                        Path(self.folder.text().strip()), start, write=False,
                        on_done=self._done, on_error=self._failed)

    def _done(self, paths: list[Path]) -> None:
        self.written = paths
        self.export_button.setEnabled(True)
        self._say(f"{len(paths)} agendabestand{'en' if len(paths) != 1 else ''} opgeslagen in "
                  f"{paths[0].parent if paths else self.folder.text()}.", error=False)

    def _failed(self, exc: BaseException) -> None:
        self.export_button.setEnabled(True)
        self._say(str(exc) if isinstance(exc, ics_export.IcsExportError | LookupError)
                  else f"Exporteren mislukt: {exc}", error=True)

    def _say(self, text: str, error: bool) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)
        self.message.show()
