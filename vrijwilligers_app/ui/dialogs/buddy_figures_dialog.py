"""Cijfers maatjes: the waiting list, time from aanmelding to koppeling, running and ended
matches, per project or per wijk, for a period (services.maatjes.figures)."""

from datetime import date, timedelta

from PySide6.QtWidgets import QHeaderView, QWidget

from vrijwilligers_app.services.maatjes.figures import BuddyFigureRow, buddy_figures
from vrijwilligers_app.store.handle import Engine
from vrijwilligers_app.ui.dialogs.figures_dialog import FiguresDialog
from vrijwilligers_app.ui.tasks import TaskRunner

GROUPS = (("initiative", "Project"), ("district", "Wijk"))
PERIODS = ((365, "Laatste 12 maanden"), (91, "Laatste 3 maanden"), (0, "Alles"))
HEADERS = ("Groep", "Wachtlijst", "Langst wachtend", "Voorgesteld", "Gekoppeld",
           "Mediaan tot koppeling", "Lopend", "Beëindigd", "Gem. duur", "Beëindigd wegens")


def _days(value: float | int | None) -> str:
    return "—" if value is None else f"{round(value)} d"


def row_cells(row: BuddyFigureRow) -> list[str]:
    f = row.figures
    reasons = ", ".join(f"{name} {count}" for _code, name, count in f.ended_by_reason)
    return [row.label, str(f.waiting), _days(f.longest_wait_days), str(f.proposed),
            str(f.matched), _days(f.median_days_to_match), str(f.active), str(f.ended),
            _days(f.average_duration_days), reasons or "—"]


class BuddyFiguresDialog(FiguresDialog):
    def __init__(self, engine: Engine, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(
            engine, runner, parent, title="Cijfers maatjes", groups=GROUPS,
            periods=[(label, days) for days, label in PERIODS], captions=("&Per", "P&eriode"),
            columns=len(HEADERS), width=1150,
            explanation="Wachtlijst en langst wachtend: vandaag (aanmelding, intake of "
                        "wachtend op een maatje). Gekoppeld en mediaan: aanvragen waarvan de "
                        "eerste koppeling in de periode begon, dagen van aanmelding tot "
                        "koppelingsgesprek. Beëindigd en gemiddelde duur: koppelingen die in "
                        "de periode eindigden (een voorstel dat niet doorging telt niet mee).")
        self.rows: list[BuddyFigureRow] = []
        self.table.setObjectName("buddy_figures")
        self.table.setHorizontalHeaderLabels(HEADERS)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.refresh()

    def refresh(self, today: date | None = None) -> None:
        today = today or date.today()
        days = int(self.period.currentData())
        start = today - timedelta(days=days) if days else None
        self._run(buddy_figures, self.engine, self.group.currentData(), today, start, today)

    def _show(self, rows: list[BuddyFigureRow]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            self._set_row(r, row_cells(row), row.key is None,
                          right=lambda c: 0 < c < len(HEADERS) - 1)
        self._fit_first_column(34)
        self.table.resizeRowsToContents()
        self.status.setText("" if len(rows) > 1 else "Nog geen aanmeldingen.")
