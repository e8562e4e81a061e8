"""Cijfers activiteiten: per initiatief, wijk or month for a year or the last 12 months:
activities held, visitors per type, unique named participants, volunteer hours."""

from datetime import date, timedelta

from PySide6.QtWidgets import QHeaderView, QWidget

from vrijwilligers_app.domain.dutch_format import format_decimal as format_hours
from vrijwilligers_app.services.activities.figures import ActivityFigures, activity_figures
from vrijwilligers_app.store.handle import Engine
from vrijwilligers_app.ui.dialogs.figures_dialog import FiguresDialog
from vrijwilligers_app.ui.tasks import TaskRunner

GROUPS = (("initiative", "Initiatief"), ("district", "Wijk"), ("month", "Maand"))


def periods(today: date) -> list[tuple[str, date, date]]:
    year = today.year
    return [("Laatste 12 maanden", today - timedelta(days=364), today),
            (str(year), date(year, 1, 1), date(year, 12, 31)),
            (str(year - 1), date(year - 1, 1, 1), date(year - 1, 12, 31))]


class ActivityFiguresDialog(FiguresDialog):
    def __init__(self, engine: Engine, runner: TaskRunner, parent: QWidget | None = None,
                 today: date | None = None) -> None:
        today = today or date.today()
        super().__init__(
            engine, runner, parent, title="Cijfers activiteiten", groups=GROUPS,
            periods=[(label, (start, end)) for label, start, end in periods(today)],
            width=1240,
            explanation="Afgelaste activiteiten tellen niet mee (apart genoemd). Deelnemers "
                        "met naam: verschillende personen; wie bij meer groepen kwam telt in "
                        "het totaal één keer. Uren: uit het rooster of zoals ingevuld; wie "
                        "niet kwam telt 0; toekomstige diensten tellen nog niet.")
        self.today = today
        self.table.setObjectName("figures_table")
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.refresh()

    def refresh(self) -> None:
        start, end = self.period.currentData()
        self._run(activity_figures, self.engine, start, end, self.group.currentData(),
                  None, None, self.today)

    def _show(self, figures: ActivityFigures) -> None:
        # Two-line headers keep the ten columns inside the dialog.
        headers = [self.group.currentText(), "Activiteiten", "Afgelast",
                   *(name.replace(" ", "\n", 1) for _code, name in figures.visitor_types),
                   "Bezoekers\ntotaal", "Deelnemers\nmet naam", "Vrijwilligers", "Uren",
                   "Niet\ngekomen"]
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(figures.rows))
        for r, row in enumerate(figures.rows):
            cells = [row.label, str(row.activities), str(row.cancelled),
                     *(str(row.visitors[code]) for code, _name in figures.visitor_types),
                     str(row.visitors_total), str(row.participants), str(row.volunteers),
                     format_hours(row.volunteer_hours), str(row.no_shows)]
            self._set_row(r, cells, row.key is None, tooltips=False)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.status.setText("" if figures.total.activities or figures.total.cancelled
                            else "Geen activiteiten in deze periode.")
