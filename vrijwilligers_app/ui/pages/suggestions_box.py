"""Suggestions for a waiting request: ranked volunteers with their points and the reasons in
plain Dutch, computed on the read pool. 'Voorstellen' proposes the chosen volunteer,
'Koppelen' proposes and records the koppelingsgesprek in one go. A coordinator may also look
up another volunteer by name; the service then says why that is not possible, if it is not.
Keyboard: arrows choose, Enter proposes, Alt+V / Alt+K.
"""

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from vrijwilligers_app.domain.validation import format_date_nl
from vrijwilligers_app.services.maatjes import propose_and_start, propose_match
from vrijwilligers_app.services.maatjes.views import SuggestionLine, suggestion_lines
from vrijwilligers_app.services.volunteer_roles import volunteer_name
from vrijwilligers_app.store.handle import Engine
from vrijwilligers_app.store.queries.search import search
from vrijwilligers_app.ui.dialogs.confirm import Confirm
from vrijwilligers_app.ui.models.formatting import ltr
from vrijwilligers_app.ui.pages.buddy_common import (
    HINT_STYLE,
    clear_error,
    error_label,
    read_date,
    show_error,
)
from vrijwilligers_app.ui.tasks import TaskRunner
from vrijwilligers_app.ui.widgets.fields import DateField

VOLUNTEER_ROLE = Qt.ItemDataRole.UserRole
SUGGESTION_LIMIT = 15


def suggestion_text(line: SuggestionLine) -> str:
    where = f" ({line.district})" if line.district else ""
    head = f"{line.name}{where} — {line.total} punten"
    if line.excluded:
        head += " — uitgesloten"
    return head + "\n" + ", ".join(line.reasons)


class SuggestionsBox(QGroupBox):
    matched = Signal(int)  # match id (proposed or started)

    def __init__(self, engine: Engine, runner: TaskRunner) -> None:
        super().__init__("Suggesties")
        self.engine = engine
        self.runner = runner
        self.request_id: int | None = None
        self._generation = 0
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("suggestions")
        self.list.setAccessibleName("Suggesties")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setMinimumHeight(self.fontMetrics().lineSpacing() * 9)
        self.list.itemActivated.connect(lambda _item: self.propose())
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.include_excluded = QCheckBox("Ook uitgeslotenen tonen")
        self.include_excluded.setToolTip("Vrijwilligers zonder geldige VOG of met al te veel "
                                         "lopende koppelingen, grijs onderaan")
        self.include_excluded.toggled.connect(lambda _on: self.refresh())
        self.other = QLineEdit()
        self.other.setObjectName("other_volunteer")
        self.other.setPlaceholderText("Of zoek een andere vrijwilliger op naam…")
        self.other.setAccessibleName("Andere vrijwilliger zoeken")
        self.other.setClearButtonEnabled(True)
        self.other.returnPressed.connect(self._find_other)
        self.when = DateField("dd-mm-jjjj")
        when_label = QLabel("&Datum (voorstel of gesprek)")
        when_label.setBuddy(self.when.edit)
        self.when.edit.setAccessibleName("Datum voorstel of koppelingsgesprek")
        self.propose_button = QPushButton("&Voorstellen")
        self.propose_button.setToolTip("Stel deze vrijwilliger voor; koppel na het "
                                       "koppelingsgesprek (Enter)")
        self.propose_button.clicked.connect(self.propose)
        self.couple_button = QPushButton("&Koppelen")
        self.couple_button.setToolTip("Voorstel en koppelingsgesprek op dezelfde dag: de "
                                      "koppeling loopt meteen")
        self.couple_button.clicked.connect(self.couple)
        self.error = error_label()
        explain = QLabel("Punten: zelfde wijk +30, wijk ernaast +15, gedeelde interesses en "
                         "talen +10 per stuk, gezamenlijke dagdelen +5, voorkeur geslacht "
                         "+10 of -40, minder lopende koppelingen meer punten. Zonder geldige "
                         "VOG wordt niemand voorgesteld.")
        explain.setWordWrap(True)
        explain.setStyleSheet(HINT_STYLE)
        buttons = QHBoxLayout()
        buttons.addWidget(self.propose_button)
        buttons.addWidget(self.couple_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.include_excluded)
        layout.addWidget(self.other)
        layout.addWidget(when_label)
        layout.addWidget(self.when.widget)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        layout.addWidget(explain)
        self.show_request(None)

    # --- loading -----------------------------------------------------------------------
    def show_request(self, request_id: int | None, waiting: bool = False) -> None:
        """Suggestions only for a request on the waiting list (status wachtend)."""
        self.request_id = request_id if waiting else None
        clear_error(self.error)
        self.list.clear()
        self.other.clear()
        self.when.set(date.today())
        self.setEnabled(self.request_id is not None)
        if request_id is None:
            self.status.setText("Kies een aanmelding in de lijst.")
        elif not waiting:
            self.status.setText("Suggesties verschijnen als de aanmelding op de wachtlijst "
                                "staat (na de intake: 'Op de wachtlijst').")
        self._generation += 1
        self._update_buttons()
        if self.request_id is not None:
            self.refresh()

    def refresh(self) -> None:
        if self.request_id is None:
            return
        self._generation += 1
        generation = self._generation
        self.status.setText("Suggesties worden berekend…")
        self.runner.run(suggestion_lines, self.engine, self.request_id, date.today(),
                        SUGGESTION_LIMIT, self.include_excluded.isChecked(),
                        on_done=lambda lines: self._show(generation, lines),
                        on_error=lambda exc: self._failed(generation, exc))

    def _show(self, generation: int, lines: list[SuggestionLine]) -> None:
        if generation != self._generation:
            return  # another request was chosen meanwhile
        self.list.clear()
        for line in lines:
            item = QListWidgetItem(suggestion_text(line))
            item.setData(VOLUNTEER_ROLE, line.volunteer_id)
            item.setToolTip(suggestion_text(line))
            if line.excluded:
                item.setForeground(QColor("#777777"))
            self.list.addItem(item)
        if lines:
            self.status.setText(f"{len(lines)} vrijwilligers, de best passende bovenaan.")
            self.list.setCurrentRow(0)
        else:
            self.status.setText("Geen beschikbare maatjes in dit project. Geef een "
                                "vrijwilliger eerst een rol in dit project, of zoek hieronder.")
        self._update_buttons()

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self.status.setText("")
            show_error(self.error, exc)

    def _find_other(self) -> None:
        text = self.other.text().strip()
        if not text:
            return
        hits = [h for h in search(self.engine, text, limit=30)
                if h.kind == "volunteers" and not h.archived]
        for hit in hits[:10]:
            item = QListWidgetItem(ltr(f"{hit.title} ({hit.subtitle}) — gezocht, geen suggestie"))
            item.setData(VOLUNTEER_ROLE, hit.record_id)
            self.list.insertItem(0, item)
        if hits:
            self.list.setCurrentRow(0)
            self.list.setFocus()
        else:
            show_error(self.error, f"Geen vrijwilliger gevonden voor '{text}'.")

    # --- actions -----------------------------------------------------------------------
    def _update_buttons(self) -> None:
        chosen = self.list.currentItem() is not None and self.request_id is not None
        self.propose_button.setEnabled(chosen)
        self.couple_button.setEnabled(chosen)

    def chosen_volunteer(self) -> int | None:
        item = self.list.currentItem()
        return int(item.data(VOLUNTEER_ROLE)) if item is not None else None

    def propose(self) -> None:
        self._write(couple=False)

    def couple(self) -> None:
        self._write(couple=True)

    def _write(self, couple: bool) -> None:
        volunteer_id, request_id = self.chosen_volunteer(), self.request_id
        if volunteer_id is None or request_id is None:
            return
        when = read_date(self.when, "Datum")
        if isinstance(when, str):
            show_error(self.error, when)
            return
        clear_error(self.error)
        if couple:
            # The chosen line may have scrolled out of sight: name who is being matched.
            name = volunteer_name(self.engine, volunteer_id)
            if not Confirm.ask(self, f"Koppelen met {name}?",
                               f"{name} wordt per {format_date_nl(when)} het maatje van deze "
                               "inwoner (koppelingsgesprek gehouden).", "Koppelen"):
                return
        self.propose_button.setEnabled(False)
        self.couple_button.setEnabled(False)
        if couple:
            self.runner.run(propose_and_start, self.engine, request_id, volunteer_id, when,
                            date.today(), write=True, on_done=self._done,
                            on_error=self._refused)
        else:
            self.runner.run(propose_match, self.engine, request_id, volunteer_id,
                            date.today(), when, write=True, on_done=self._done,
                            on_error=self._refused)

    def _done(self, match_id: int) -> None:
        self._update_buttons()
        self.matched.emit(match_id)

    def _refused(self, exc: BaseException) -> None:
        self._update_buttons()
        show_error(self.error, exc)
