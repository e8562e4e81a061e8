"""The roster of one activity as a table (free places coloured), its one-line summary, the
activity's time/theme/speaker line, and the undoable write used by the Activiteiten panel."""

from html import escape
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QUndoCommand
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

from vrijwilligers_app.domain.dutch_format import format_number
from vrijwilligers_app.domain.roster import FREE_PLACE, STATUSES
from vrijwilligers_app.store.queries.roster import RosterActivity

FREE_TEXT = FREE_PLACE
FREE_BRUSH = QBrush(QColor("#fde2c8"))
NO_SHOW_BRUSH = QBrush(QColor("#eeeeee"))
COLUMNS = ("Rol", "Vrijwilliger", "Tijd", "Status", "Uren")


def describe(activity: RosterActivity) -> str:
    parts = [f"<b>Tijd</b> {activity.starts_at:%H:%M}–{activity.ends_at:%H:%M}"]
    if activity.theme:
        parts.append(f"<b>Thema</b> {escape(activity.theme)}")
    if activity.speaker:
        parts.append(f"<b>Spreker</b> {escape(activity.speaker)}")
    if activity.named_attendance:
        parts.append("deelnemers met naam")
    return " · ".join(parts)


class WriteCommand(QUndoCommand):
    """An undoable write: `do` on redo (also the first time), `undo` on undo."""

    def __init__(self, panel: Any, text: str, do: tuple[Any, ...],
                 undo: tuple[Any, ...]) -> None:
        super().__init__(text)
        self.panel, self.do, self.undo_fn = panel, do, undo

    def redo(self) -> None:
        self.panel.run_write(*self.do)

    def undo(self) -> None:
        self.panel.run_write(*self.undo_fn)


def fill_table(table: QTableWidget, activity: RosterActivity) -> None:
    """One row per place; the shift id sits in UserRole of every cell."""
    table.setRowCount(len(activity.places))
    for row, place in enumerate(activity.places):
        texts = (place.role_name, place.volunteer_name or FREE_TEXT,
                 f"{place.starts_at:%H:%M}–{place.ends_at:%H:%M}",
                 "" if place.free else STATUSES[place.status],
                 "" if place.free else format_number(place.worked_hours))
        for column, value in enumerate(texts):
            item = QTableWidgetItem(value)
            item.setToolTip(value)
            item.setData(Qt.ItemDataRole.UserRole, place.shift_id)
            if place.free:
                item.setBackground(FREE_BRUSH)
            elif place.status == "afwezig":
                item.setBackground(NO_SHOW_BRUSH)
            if column == 4:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(row, column, item)


def summary_text(activity: RosterActivity) -> str:
    """Free places at a glance."""
    free = activity.free_places
    total = len(activity.places)
    if activity.cancelled:
        return "Afgelast: het rooster blijft bewaard voor als de datum toch doorgaat."
    if not total:
        return "Nog geen plaatsen op het rooster; voeg er hieronder een toe."
    if free:
        return (f"<b style='color:#b00020'>{free} van {total} plaatsen vrij</b> · "
                "dubbelklik op een vrije plaats om haar in te vullen")
    return f"Alle {total} plaatsen gevuld."
