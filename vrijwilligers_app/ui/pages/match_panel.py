"""Beside the Koppelingen list: the koppelingsgesprek of a proposal, contact moments,
evaluations and ending the match. The services refuse a contact outside the match period, an
end before the start, and so on, with a Dutch message under the form; typed input stays.
Ending asks first and keeps all history (contacts and evaluations stay visible)."""

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vrijwilligers_app.domain.buddy_lifecycle import BACK_TO_WAITING_REASONS, MAX_CONTACT_MINUTES
from vrijwilligers_app.domain.validation import format_date_nl
from vrijwilligers_app.services.editing import FormErrors, code_options
from vrijwilligers_app.services.maatjes import (
    add_contact,
    end_match,
    hold_evaluation,
    start_match,
)
from vrijwilligers_app.services.maatjes.views import MatchDetail, match_detail
from vrijwilligers_app.store.handle import Engine
from vrijwilligers_app.ui.dialogs.confirm import Confirm
from vrijwilligers_app.ui.pages.buddy_common import (
    add_row,
    clear_error,
    compact_grid,
    error_label,
    read_date,
    show_error,
    wrapping_form,
)
from vrijwilligers_app.ui.pages.panel import RegisterPanel
from vrijwilligers_app.ui.tasks import TaskRunner
from vrijwilligers_app.ui.widgets.fields import DateField, narrow_combo

CONTINUE_CHOICES = (("Ja", True), ("Nee, afronden", False), ("Nog niet bekend", None))


def _tree(name: str, headers: tuple[str, ...]) -> QTreeWidget:
    tree = QTreeWidget()
    tree.setObjectName(name)
    tree.setAccessibleName(name.replace("_", " "))
    tree.setRootIsDecorated(False)
    tree.setAlternatingRowColors(True)
    tree.setHeaderLabels(list(headers))
    tree.setWordWrap(True)
    tree.setMinimumHeight(tree.fontMetrics().lineSpacing() * 5)
    tree.setMaximumHeight(tree.fontMetrics().lineSpacing() * 9)
    return tree


class MatchPanel(RegisterPanel):
    # changed(id): the match changed (a step, a contact, an evaluation).

    def __init__(self, engine: Engine, runner: TaskRunner, details: QWidget) -> None:
        super().__init__()
        self.engine = engine
        self.runner = runner
        self.match_id: int | None = None
        self.detail: MatchDetail | None = None
        self.summary = QLabel()
        self.summary.setObjectName("match_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        # --- koppelingsgesprek (a proposal that has not started)
        self.start_box = QGroupBox("Koppelingsgesprek")
        start_form = wrapping_form(self.start_box)
        self.start_date = DateField("dd-mm-jjjj")
        add_row(start_form, "Gehouden op", self.start_date.widget, self.start_date.edit)
        self.start_error = error_label()
        self.start_button = QPushButton("Koppelen (gesprek gehouden)")
        self.start_button.clicked.connect(self.start)
        start_form.addRow(self.start_error)
        start_form.addRow(self.start_button)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Koppeling: contact, evaluaties, beëindigen")
        self.tabs.addTab(self._contact_tab(), "Contactmomenten")
        self.tabs.addTab(self._evaluation_tab(), "Evaluaties")
        self.tabs.addTab(self._end_tab(), "Beëindigen")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(details)
        layout.addWidget(self.summary)
        layout.addWidget(self.start_box)
        layout.addWidget(self.tabs, 1)
        self.show_record(None)

    # --- building --------------------------------------------------------------------------
    def _contact_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.contacts = _tree("contactmomenten", ("Datum", "Soort", "Duur", "Notitie"))
        layout.addWidget(self.contacts, 1)
        self.contact_box = QGroupBox("Contact toevoegen")
        self.contact_date = DateField("dd-mm-jjjj")
        self.contact_kind = narrow_combo(QComboBox(), 8)
        self.contact_kind.setObjectName("contact_kind")
        for code, name in code_options(self.engine, "contact_kind"):
            self.contact_kind.addItem(name, code)
        self.contact_minutes = QSpinBox()
        self.contact_minutes.setRange(0, MAX_CONTACT_MINUTES)
        self.contact_minutes.setSingleStep(15)
        self.contact_minutes.setSuffix(" min")
        self.contact_minutes.setValue(60)
        self.contact_note = QLineEdit()
        self.contact_note.setMaxLength(500)
        self.contact_note.setPlaceholderText("korte notitie (geen medische details)")
        grid = compact_grid(self.contact_box, [
            ("Datum", self.contact_date.widget, self.contact_date.edit),
            ("Soort contact", self.contact_kind, None), ("Duur", self.contact_minutes, None),
            ("Notitie", self.contact_note, None)])
        self.contact_error = error_label()
        self.contact_button = QPushButton("Contact &toevoegen")
        self.contact_button.clicked.connect(self.add_contact)
        grid.addWidget(self.contact_error, grid.rowCount(), 0, 1, 2)
        grid.addWidget(self.contact_button, grid.rowCount(), 0, 1, 2)
        layout.addWidget(self.contact_box)
        return tab

    def _evaluation_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.evaluations = _tree("evaluaties", ("Gepland", "Gehouden", "Uitkomst", "Doorgaan"))
        self.evaluations.currentItemChanged.connect(lambda *_: self._evaluation_chosen())
        layout.addWidget(self.evaluations, 1)
        self.evaluation_box = QGroupBox("Evaluatie vastleggen")
        self.evaluation_box.setToolTip("Kies hierboven een geplande evaluatie")
        self.evaluation_date = DateField("dd-mm-jjjj")
        self.evaluation_outcome = QLineEdit()
        self.evaluation_outcome.setPlaceholderText("bijvoorbeeld: gaat goed, wandelen elke week")
        self.evaluation_continue = narrow_combo(QComboBox(), 8)
        for label, value in CONTINUE_CHOICES:
            self.evaluation_continue.addItem(label, value)
        grid = compact_grid(self.evaluation_box, [
            ("Gehouden op", self.evaluation_date.widget, self.evaluation_date.edit),
            ("Gaat het door?", self.evaluation_continue, None)])
        outcome_label = QLabel("Uitkomst")
        outcome_label.setBuddy(self.evaluation_outcome)
        self.evaluation_outcome.setAccessibleName("Uitkomst")
        grid.addWidget(outcome_label, grid.rowCount(), 0, 1, 2)
        grid.addWidget(self.evaluation_outcome, grid.rowCount(), 0, 1, 2)
        self.evaluation_error = error_label()
        self.evaluation_button = QPushButton("Evaluatie &vastleggen")
        self.evaluation_button.clicked.connect(self.hold_evaluation)
        grid.addWidget(self.evaluation_error, grid.rowCount(), 0, 1, 2)
        grid.addWidget(self.evaluation_button, grid.rowCount(), 0, 1, 2)
        layout.addWidget(self.evaluation_box)
        return tab

    def _end_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.end_box = QGroupBox("Koppeling beëindigen")
        form = wrapping_form(self.end_box)
        self.end_date = DateField("dd-mm-jjjj")
        self.end_reason = narrow_combo(QComboBox())
        self.end_reason.setObjectName("end_reason")
        self.end_reason.addItem("— kies een reden —", None)
        for code, name in code_options(self.engine, "match_end_reason"):
            self.end_reason.addItem(name, code)
        self.end_reason.currentIndexChanged.connect(self._reason_changed)
        self.back_to_waiting = QCheckBox("Terug op de wachtlijst")
        self.back_to_waiting.setToolTip("De inwoner wil een nieuw maatje: de aanmelding gaat "
                                        "terug op de wachtlijst in plaats van afgesloten")
        add_row(form, "Einddatum", self.end_date.widget, self.end_date.edit)
        add_row(form, "Reden", self.end_reason)
        form.addRow(self.back_to_waiting)
        note = QLabel("Contactmomenten en evaluaties blijven bewaard; niets wordt verwijderd.")
        note.setWordWrap(True)
        form.addRow(note)
        self.end_error = error_label()
        self.end_button = QPushButton("Koppeling &beëindigen…")
        self.end_button.clicked.connect(self.end)
        form.addRow(self.end_error)
        form.addRow(self.end_button)
        layout.addWidget(self.end_box)
        layout.addStretch(1)
        # A message about a date goes as soon as the date is changed: it no longer holds.
        for field, label in ((self.start_date, self.start_error),
                             (self.contact_date, self.contact_error),
                             (self.evaluation_date, self.evaluation_error),
                             (self.end_date, self.end_error)):
            field.changed.connect(lambda label=label: clear_error(label))
        self.end_reason.currentIndexChanged.connect(lambda _i: clear_error(self.end_error))
        return tab

    def _reason_changed(self) -> None:
        self.back_to_waiting.setChecked(self.end_reason.currentData() in BACK_TO_WAITING_REASONS)

    # --- showing ---------------------------------------------------------------------------
    def show_record(self, match_id: int | None, keep_input: bool = False) -> None:
        self.match_id = match_id
        self.detail = detail = match_detail(self.engine, match_id) if match_id else None
        if not keep_input:
            for label in (self.start_error, self.contact_error, self.evaluation_error,
                          self.end_error):
                clear_error(label)
            for field in (self.start_date, self.contact_date, self.evaluation_date,
                          self.end_date):
                field.set(date.today())
            self.contact_note.clear()
            self.evaluation_outcome.clear()
            self.end_reason.setCurrentIndex(0)
        self.contacts.clear()
        self.evaluations.clear()
        running = detail is not None and detail.ended_on is None
        self.start_box.setVisible(running and detail is not None and detail.started_on is None)
        self.tabs.setEnabled(detail is not None)
        self.contact_box.setEnabled(running and detail is not None
                                    and detail.started_on is not None)
        self.evaluation_box.setEnabled(False)
        self.end_box.setEnabled(running)
        if detail is None:
            self.summary.setText("Kies een koppeling in de lijst.")
            return
        self.summary.setText(self._summary(detail))
        for contact in detail.contacts:
            item = QTreeWidgetItem([format_date_nl(contact.occurred_on), contact.kind,
                                    f"{contact.minutes} min", contact.note])
            item.setToolTip(3, contact.note)
            self.contacts.addTopLevelItem(item)
        for evaluation in detail.evaluations:
            held = format_date_nl(evaluation.held_on) if evaluation.held_on else "nog niet"
            going_on = {True: "ja", False: "nee", None: ""}[evaluation.continue_match]
            item = QTreeWidgetItem([format_date_nl(evaluation.planned_on), held,
                                    evaluation.outcome, going_on])
            item.setData(0, Qt.ItemDataRole.UserRole, evaluation.evaluation_id)
            self.evaluations.addTopLevelItem(item)
        for tree in (self.contacts, self.evaluations):
            tree.resizeColumnToContents(0)
            tree.resizeColumnToContents(1)
        first_open = next((i for i, e in enumerate(detail.evaluations) if e.held_on is None),
                          None)
        first_item = None if first_open is None else self.evaluations.topLevelItem(first_open)
        if first_item is not None and running:
            self.evaluations.setCurrentItem(first_item)
        self._evaluation_chosen()

    @staticmethod
    def _summary(detail: MatchDetail) -> str:
        """What the details above do not say: the score, and what happens next."""
        lines = [_score_text(detail.score)] if detail.score is not None else []
        if detail.ended_on:
            lines.append(f"Beëindigd op {format_date_nl(detail.ended_on)} "
                         f"({detail.end_reason or 'reden onbekend'}). Contactmomenten en "
                         "evaluaties blijven bewaard.")
        elif detail.started_on is None:
            lines.append("Voorgesteld: leg het koppelingsgesprek vast als het gehouden is, of "
                         "beëindig het voorstel als het niet doorgaat.")
        return "\n".join(lines)

    def _evaluation_chosen(self) -> None:
        item = self.evaluations.currentItem()
        chosen = None
        if item is not None and self.detail is not None:
            chosen = next((e for e in self.detail.evaluations
                           if e.evaluation_id == item.data(0, Qt.ItemDataRole.UserRole)), None)
        self.evaluation_box.setEnabled(
            chosen is not None and chosen.held_on is None and self.detail is not None
            and self.detail.ended_on is None and self.detail.started_on is not None)

    # --- actions ---------------------------------------------------------------------------
    def _run(self, button: QPushButton, error: QLabel, fn, *args) -> None:  # type: ignore[no-untyped-def]
        match_id = self.match_id
        button.setEnabled(False)
        clear_error(error)

        def done(_result: object) -> None:
            button.setEnabled(True)
            self.show_record(match_id)
            self.changed.emit(match_id)

        def refused(exc: BaseException) -> None:
            button.setEnabled(True)
            show_error(error, exc)

        self.runner.run(fn, self.engine, *args, write=True, on_done=done, on_error=refused)

    def start(self) -> None:
        when = read_date(self.start_date, "Gehouden op")
        if isinstance(when, str):
            show_error(self.start_error, when)
        elif self.match_id is not None:
            self._run(self.start_button, self.start_error, start_match, self.match_id, when,
                      date.today())

    def add_contact(self) -> None:
        when = read_date(self.contact_date, "Datum contact")
        if isinstance(when, str):
            show_error(self.contact_error, when)
        elif self.match_id is not None:
            self._run(self.contact_button, self.contact_error, add_contact, self.match_id, when,
                      self.contact_kind.currentData(), self.contact_minutes.value(),
                      self.contact_note.text(), date.today())

    def hold_evaluation(self) -> None:
        item = self.evaluations.currentItem()
        when = read_date(self.evaluation_date, "Gehouden op")
        if isinstance(when, str):
            show_error(self.evaluation_error, when)
        elif item is not None:
            self._run(self.evaluation_button, self.evaluation_error, hold_evaluation,
                      item.data(0, Qt.ItemDataRole.UserRole), when,
                      self.evaluation_outcome.text(), self.evaluation_continue.currentData(),
                      date.today())

    def end(self) -> None:
        when = read_date(self.end_date, "Einddatum")
        if isinstance(when, str):
            show_error(self.end_error, when)
            return
        reason = self.end_reason.currentData()
        if self.match_id is None or self.detail is None:
            return
        if reason is None:
            show_error(self.end_error, "Reden: kies een reden uit de lijst.")
            return
        back = self.back_to_waiting.isChecked()
        try:  # check first (a date in the future, before the start), then ask
            end_match(self.engine, self.match_id, when, reason, date.today(), back,
                      check_only=True)
        except FormErrors as exc:
            show_error(self.end_error, exc)
            return
        after = ("De inwoner komt terug op de wachtlijst." if back
                 else "De aanmelding wordt afgesloten.")
        if not Confirm.ask(self, "Koppeling beëindigen?",
                           f"De koppeling van {self.detail.volunteer} en "
                           f"{self.detail.resident} beëindigen op {format_date_nl(when)} "
                           f"({self.end_reason.currentText()})? {after} Contactmomenten en "
                           "evaluaties blijven bewaard.", "Beëindigen"):
            return
        self._run(self.end_button, self.end_error, end_match, self.match_id, when, reason,
                  date.today(), back)


def _score_text(score: float | None) -> str:
    """The suggestion's points when the match was proposed (see domain.matching)."""
    if score is None:
        return ""
    return f"Punten bij het voorstel: {score:.0f}"
