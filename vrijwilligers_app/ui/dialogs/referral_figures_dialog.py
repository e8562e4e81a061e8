"""Wachttijden en doorlooptijden: the Adviesraad's figures, per organisation, leefdomein,
urgency or wijk, for a period. Open referrals are never dropped: they count as still
waiting (censored), so a median that is not reached yet reads "> N d"."""

from datetime import date, timedelta

from PySide6.QtWidgets import QHeaderView, QWidget

from vrijwilligers_app.domain.waiting_times import DurationStats
from vrijwilligers_app.services.referral_figures import FigureRow, referral_figures
from vrijwilligers_app.store.handle import Engine
from vrijwilligers_app.ui.dialogs.figures_dialog import FiguresDialog
from vrijwilligers_app.ui.tasks import TaskRunner

GROUPS = (("destination", "Organisatie"), ("life_domain", "Leefdomein"),
          ("urgency", "Urgentie"), ("district", "Wijk"))
PERIODS = ((91, "Laatste 3 maanden"), (365, "Laatste 12 maanden"), (0, "Alles"))
# Two-line headers: the whole table fits a 1366-pixel screen without scrolling sideways.
HEADERS = ("Groep", "Aantal", "Nog\nopen", "Wachttijd\nmediaan", "Wachttijd\n90%",
           "Wachttijd\nlangste", "Doorloop-\ntijd mediaan", "Doorloop-\ntijd 90%",
           "Doorloop-\ntijd langste", "Contact binnen\ntermijn")


def days_text(value: int | None, stats: DurationStats, is_max: bool = False) -> str:
    if value is None:
        if stats.count == 0:
            return "—"
        oldest = stats.oldest_open
        return f"> {oldest} d" if oldest is not None else "—"
    suffix = " (open)" if is_max and stats.maximum_open else ""
    return f"{value} d{suffix}"


def row_cells(row: FigureRow) -> list[str]:
    f = row.figures
    share = f.share_on_time
    return [row.label if row.key is not None else "Totaal", str(f.referrals),
            str(f.waiting.open + f.not_registered),
            days_text(f.waiting.median, f.waiting), days_text(f.waiting.p90, f.waiting),
            days_text(f.waiting.maximum, f.waiting, True),
            days_text(f.lead.median, f.lead), days_text(f.lead.p90, f.lead),
            days_text(f.lead.maximum, f.lead, True),
            "—" if share is None else f"{round(share * 100)} %"]


class ReferralFiguresDialog(FiguresDialog):
    def __init__(self, engine: Engine, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(
            engine, runner, parent, title="Wachttijden en doorlooptijden", groups=GROUPS,
            periods=[(label, days) for days, label in PERIODS], period_index=1,
            columns=len(HEADERS), width=1100,
            explanation="Wachttijd: van aanmelding bij de organisatie tot het eerste contact. "
                        "Doorlooptijd: van aanmelding tot geholpen of afgesloten. Open "
                        "doorverwijzingen tellen mee met de dagen die ze tot nu toe wachten (een "
                        "rekenmethode voor wachttijden, Kaplan-Meier genoemd, die niemand "
                        "weglaat omdat hij nog wacht); "
                        "'> N d' betekent dat de helft (of 90%) na N dagen nog wacht; "
                        "'(open)': de langste wacht nog. 'Contact binnen termijn': binnen "
                        "de reactietermijn die met de organisatie is afgesproken (sociale "
                        "kaart).")
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.refresh()

    def refresh(self, today: date | None = None) -> None:
        today = today or date.today()
        days = int(self.period.currentData())
        start = today - timedelta(days=days) if days else date(1900, 1, 1)
        self._run(referral_figures, self.engine, self.group.currentData(), start, today, today)

    def _show(self, rows: list[FigureRow]) -> None:
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            self._set_row(r, row_cells(row), row.key is None)
        self._fit_first_column(38)
        self.status.setText("Geen doorverwijzingen in deze periode." if not rows else "")
