"""Beside the Aanmeldingen list: what the resident asks for, the next step (intake, op de
wachtlijst, afsluiten), and for a waiting request the suggestions. Every step goes through the
services, which refuse a wrong step with the life-cycle rule's Dutch message; typed input
stays where it was."""

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vrijwilligers_app.domain.validation import format_date_nl
from vrijwilligers_app.services.editing import code_options
from vrijwilligers_app.services.maatjes import advance_request
from vrijwilligers_app.services.maatjes.views import (
    RequestDetail,
    describe_preferences,
    request_detail,
)
from vrijwilligers_app.store.handle import Engine
from vrijwilligers_app.ui.pages.buddy_common import (
    add_row,
    clear_error,
    error_label,
    read_date,
    show_error,
    wrapping_form,
)
from vrijwilligers_app.ui.pages.panel import RegisterPanel
from vrijwilligers_app.ui.pages.suggestions_box import SuggestionsBox
from vrijwilligers_app.ui.tasks import TaskRunner
from vrijwilligers_app.ui.widgets.fields import DateField, narrow_combo

STEPS = (("intake", "Intake gehouden"), ("wachtend", "Op de wachtlijst (zoekt een maatje)"),
         ("afgesloten", "Afsluiten zonder koppeling"))
NEXT_STEP = {"aanmelding": "intake", "intake": "wachtend"}


class RequestPanel(RegisterPanel):
    # changed(id): the request's status changed.
    match_changed = Signal(int)  # a match was proposed or started
    new_requested = Signal()
    figures_requested = Signal()
    open_match_requested = Signal(int)

    def __init__(self, engine: Engine, runner: TaskRunner, details: QWidget) -> None:
        super().__init__()
        self.engine = engine
        self.runner = runner
        self.request_id: int | None = None
        self.detail: RequestDetail | None = None
        self.new_button = QPushButton("Nieuwe aanmelding…")
        self.new_button.setToolTip("Ctrl+N")
        self.new_button.clicked.connect(self.new_requested)
        self.figures_button = QPushButton("Cijfers…")
        self.figures_button.setToolTip("Wachtlijst, tijd tot koppeling, lopende en beëindigde "
                                       "koppelingen per project of wijk")
        self.figures_button.clicked.connect(self.figures_requested)
        QShortcut(QKeySequence("Ctrl+N"), self, self.new_requested.emit)
        top = QHBoxLayout()
        top.addWidget(self.new_button)
        top.addWidget(self.figures_button)
        top.addStretch(1)
        self.facts = QLabel()
        self.facts.setObjectName("request_facts")
        self.facts.setWordWrap(True)
        self.facts.setTextFormat(Qt.TextFormat.PlainText)
        self.match_line = QLabel()
        self.match_line.setWordWrap(True)
        self.open_match = QPushButton("Koppeling openen")
        self.open_match.clicked.connect(self._open_match)
        match_row = QHBoxLayout()
        match_row.addWidget(self.match_line, 1)
        match_row.addWidget(self.open_match)
        # --- next step
        self.step_box = QGroupBox("Volgende stap")
        form = wrapping_form(self.step_box)
        self.step = narrow_combo(QComboBox())
        self.step.setObjectName("step")
        self.step.addItem("— kies een stap —", None)
        for code, label in STEPS:
            self.step.addItem(label, code)
        self.step.currentIndexChanged.connect(self._step_changed)
        self.step_date = DateField("dd-mm-jjjj")
        self.reason = narrow_combo(QComboBox())
        self.reason.addItem("— kies een reden —", None)
        for code, name in code_options(self.engine, "match_end_reason"):
            self.reason.addItem(name, code)
        add_row(form, "&Stap", self.step)
        add_row(form, "Datum van de stap", self.step_date.widget, self.step_date.edit)
        add_row(form, "Reden (bij afsluiten)", self.reason)
        self.step_error = error_label()
        self.step_button = QPushButton("Stap vast&leggen")
        self.step_button.clicked.connect(self.record_step)
        form.addRow(self.step_error)
        form.addRow(self.step_button)
        self.suggestions = SuggestionsBox(self.engine, self.runner)
        self.suggestions.matched.connect(self._matched)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # The page's own actions: the register page keeps them above the scrolling panel.
        self.actions_bar = QWidget()
        self.actions_bar.setLayout(top)
        top.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.actions_bar)
        layout.addWidget(details)
        layout.addWidget(self.facts)
        layout.addLayout(match_row)
        layout.addWidget(self.suggestions, 1)
        layout.addWidget(self.step_box)
        layout.addStretch(0)
        self.show_record(None)

    def _step_changed(self) -> None:
        self.reason.setEnabled(self.step.currentData() == "afgesloten")

    # --- showing -------------------------------------------------------------------------
    def show_record(self, request_id: int | None, keep_input: bool = False) -> None:
        self.request_id = request_id
        self.detail = request_detail(self.engine, request_id) if request_id else None
        detail = self.detail
        self.step_box.setEnabled(detail is not None and detail.status != "afgesloten")
        if not keep_input:
            clear_error(self.step_error)
            self.step_date.set(date.today())
            self.reason.setCurrentIndex(0)
            if detail is not None:
                self.step.setCurrentIndex(max(0, self.step.findData(
                    NEXT_STEP.get(detail.status))))
        self._step_changed()
        if detail is None:
            self.facts.setText("Kies een aanmelding in de lijst, of maak een nieuwe "
                               "aanmelding (Ctrl+N).")
            self.suggestions.hide()
            self.match_line.setText("")
            self.open_match.hide()
            self.suggestions.show_request(None)
            return
        lines = [f"Interesses: {detail.interests or '—'} · Talen: {detail.languages or '—'}",
                 f"Voorkeur: {describe_preferences(detail)}",
                 "Stappen: " + self._steps_text(detail)]
        if detail.district == "":
            lines.append("De wijk van de inwoner is onbekend: vul die in bij Inwoners, dan "
                         "telt de wijk mee bij de suggesties.")
        self.facts.setText("\n".join(lines))
        if detail.open_match_id is not None:
            state = "gekoppeld met" if detail.open_match_started else "voorgesteld:"
            self.match_line.setText(f"Nu {state} {detail.open_match_volunteer}")
            self.open_match.show()
        else:
            self.match_line.setText("")
            self.open_match.hide()
        waiting = detail.status == "wachtend"
        self.suggestions.setVisible(waiting)
        self.suggestions.show_request(request_id, waiting=waiting)

    @staticmethod
    def _steps_text(detail: RequestDetail) -> str:
        parts = [f"aangemeld {format_date_nl(detail.requested_on)}"]
        if detail.intake_on:
            parts.append(f"intake {format_date_nl(detail.intake_on)}")
        if detail.waiting_since:
            parts.append(f"op de wachtlijst sinds {format_date_nl(detail.waiting_since)}")
        if detail.closed_on:
            parts.append(f"afgesloten {format_date_nl(detail.closed_on)}"
                         + (f" ({detail.close_reason})" if detail.close_reason else ""))
        return ", ".join(parts)

    # --- actions -----------------------------------------------------------------------
    def record_step(self) -> None:
        request_id = self.request_id
        if request_id is None:
            return
        when = read_date(self.step_date, "Datum van de stap")
        if isinstance(when, str):
            show_error(self.step_error, when)
            return
        status = self.step.currentData()
        if status is None:
            show_error(self.step_error, "Stap: kies wat er gebeurd is.")
            return
        reason = self.reason.currentData() if status == "afgesloten" else None
        self.step_button.setEnabled(False)
        self.runner.run(advance_request, self.engine, request_id, status, when, date.today(),
                        reason, write=True, on_done=lambda _r: self._stepped(request_id),
                        on_error=self._step_refused)

    def _stepped(self, request_id: int) -> None:
        self.step_button.setEnabled(True)
        self.show_record(request_id)
        self.changed.emit(request_id)

    def _step_refused(self, exc: BaseException) -> None:
        self.step_button.setEnabled(True)
        show_error(self.step_error, exc)

    def _matched(self, match_id: int) -> None:
        if self.request_id is not None:
            self.show_record(self.request_id)
            self.changed.emit(self.request_id)
        self.match_changed.emit(match_id)

    def _open_match(self) -> None:
        if self.detail is not None and self.detail.open_match_id is not None:
            self.open_match_requested.emit(self.detail.open_match_id)

