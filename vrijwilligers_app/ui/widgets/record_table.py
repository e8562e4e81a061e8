"""The table of the rows that belong to the opened record (a volunteer's roles, a resident's
consents): read-only, whole rows, one at a time, no row numbers. The panel that owns it sets
its column widths and fills it."""

from collections.abc import Sequence

from PySide6.QtWidgets import QAbstractItemView, QTableWidget


def record_table(headers: Sequence[str], name: str, accessible_name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setAccessibleName(accessible_name)
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    return table
