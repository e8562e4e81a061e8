"""Bewaartermijn verstreken: the residents due for anonymisation, checked by the user, then
anonymised on the TaskRunner with progress (services.privacy.retention)."""

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from vrijwilligers_app.domain.validation import format_date_nl
from vrijwilligers_app.services.privacy.anonymise import AnonymiseResult
from vrijwilligers_app.services.privacy.retention import DueResident, retention_steps
from vrijwilligers_app.store.handle import Engine
from vrijwilligers_app.ui.dialogs.confirm import Confirm
from vrijwilligers_app.ui.tasks import TaskRunner

EXPLANATION = (
    "Van deze inwoners is de bewaartermijn verstreken: er loopt niets meer en elke "
    "koppeling, doorverwijzing en activiteit is langer geleden dan de termijn die onder "
    "Instellingen staat. Anonimiseren wist namen, telefoon, e-mail, het straatdeel van de "
    "postcode en alle vrije tekst (vragen, wensen, notities, evaluaties); het geboortejaar "
    "wordt een leeftijdsgroep. Datums, wijk, codes en statussen blijven, zodat alle cijfers "
    "gelijk blijven. Dit kan niet ongedaan worden gemaakt. Haal het vinkje weg bij wie u "
    "(nog) wilt bewaren.")


class RetentionDialog(QDialog):
    finished_run = Signal(int)  # residents anonymised

    def __init__(self, engine: Engine, runner: TaskRunner, due: list[DueResident],
                 parent: QWidget | None = None,
                 today: Callable[[], date] = date.today, anonymous_referrals: int = 0) -> None:
        super().__init__(parent)
        self.engine = engine
        self.runner = runner
        self.today = today
        self.setWindowTitle("Bewaartermijn verstreken")
        layout = QVBoxLayout(self)
        self.anonymous_referrals = anonymous_referrals
        extra = (f" Ook de vrije tekst (vraag, notities) van {anonymous_referrals} afgesloten "
                 "anonieme doorverwijzing(en) wordt gewist." if anonymous_referrals else "")
        text = QLabel(EXPLANATION + extra)
        text.setWordWrap(True)
        layout.addWidget(text)
        caption = QLabel(f"&Inwoners ({len(due)})")
        layout.addWidget(caption)
        self.list = QListWidget()
        self.list.setObjectName("retention_list")
        self.list.setAccessibleName("Inwoners met verstreken bewaartermijn")
        caption.setBuddy(self.list)
        for resident in due:
            item = QListWidgetItem(f"{resident.name} (termijn verstreken op "
                                   f"{format_date_nl(resident.due_on)})")
            item.setData(Qt.ItemDataRole.UserRole, resident.resident_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.list.addItem(item)
        layout.addWidget(self.list, 1)
        self.progress = QProgressBar()
        self.progress.hide()
        layout.addWidget(self.progress)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.buttons = QDialogButtonBox()
        self.run_button = self.buttons.addButton("Anonimiseren…",
                                                 QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton("Sluiten",
                                                   QDialogButtonBox.ButtonRole.RejectRole)
        self.run_button.clicked.connect(self.run)
        self.close_button.clicked.connect(self.reject)
        self.run_button.setEnabled(bool(due or anonymous_referrals))
        layout.addWidget(self.buttons)
        self.resize(720, 520)

    def chosen(self) -> list[int]:
        return [int(self.list.item(i).data(Qt.ItemDataRole.UserRole))
                for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]

    def run(self) -> None:
        ids = self.chosen()
        if not ids and not self.anonymous_referrals:
            self.status.setText("Er is niemand aangevinkt; er is niets veranderd.")
            return
        extra = (f" en de vrije tekst van {self.anonymous_referrals} anonieme "
                 "doorverwijzing(en)" if self.anonymous_referrals else "")
        if not Confirm.ask(self, "Inwoners anonimiseren?",
                           f"De gegevens van {len(ids)} inwoner(s){extra} worden nu gewist "
                           "zoals hierboven beschreven. Dit kan niet ongedaan worden gemaakt.",
                           "Anonimiseren"):
            return
        self.run_button.setEnabled(False)
        self.list.setEnabled(False)
        self.progress.setRange(0, max(len(ids), 1))
        self.progress.show()
        self.runner.run(retention_steps, self.engine, ids, self.today(), write=True,
                        on_done=self._done, on_error=self._failed,
                        on_progress=self._progressed)

    def _progressed(self, done: int, total: int, label: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.status.setText(label)

    def _done(self, result: AnonymiseResult) -> None:
        self.progress.setValue(self.progress.maximum())
        extra = (f"; vrije tekst van {self.anonymous_referrals} anonieme doorverwijzing(en) "
                 "gewist" if self.anonymous_referrals else "")
        self.status.setText(f"{result.residents} inwoner(s) geanonimiseerd{extra}.")
        self.close_button.setText("Klaar")
        self.finished_run.emit(result.residents)

    def _failed(self, exc: BaseException) -> None:
        self.progress.hide()
        self.list.setEnabled(True)
        self.run_button.setEnabled(True)
        self.status.setText("Anonimiseren is mislukt; er is niets veranderd "
                            f"({type(exc).__name__}). Probeer het opnieuw.")
