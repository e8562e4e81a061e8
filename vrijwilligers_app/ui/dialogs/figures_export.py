"""A figures table (maatjes, wachttijden, activiteiten) to .xlsx, as the dialog shows it:
counts as numbers, the grouping and period named above the table."""

from pathlib import Path

from PySide6.QtWidgets import QComboBox, QTableWidget, QWidget

from vrijwilligers_app.domain.dutch_format import parse_number_nl
from vrijwilligers_app.services.exporting import XlsxColumn, write_xlsx
from vrijwilligers_app.ui.tasks import TaskRunner


def number_or_text(text: str) -> object:
    """'1.234' -> 1234, '12,5' -> 12.5; anything else (a name, '—', '12 %') stays text."""
    value = parse_number_nl(text)
    return text.strip() if value is None else value


def table_rows(table: QTableWidget) -> tuple[list[XlsxColumn], list[list[object]]]:
    header = [table.horizontalHeaderItem(c) for c in range(table.columnCount())]
    names = [item.text() if item is not None else f"Kolom {c + 1}"
             for c, item in enumerate(header)]
    rows: list[list[object]] = []
    for r in range(table.rowCount()):
        row: list[object] = []
        for c in range(table.columnCount()):
            item = table.item(r, c)
            row.append(number_or_text(item.text()) if item is not None else "")
        rows.append(row)
    kinds = ["number" if rows and all(isinstance(row[c], (int, float)) or row[c] == ""
                                      for row in rows) else "text" for c in range(len(names))]
    return [XlsxColumn(name, kind) for name, kind in zip(names, kinds, strict=True)], rows


def export_figures(parent: QWidget, runner: TaskRunner, title: str, table: QTableWidget,
                   combos: list[tuple[str, QComboBox]], path: Path) -> None:
    columns, rows = table_rows(table)
    described = "; ".join(f"{caption.replace('&', '')}: {box.currentText()}"
                          for caption, box in combos)
    runner.run(write_xlsx, path, title, columns, rows, described, False,
               on_done=lambda _n: parent.setToolTip(f"Opgeslagen in {path}"))


__all__ = ["export_figures", "number_or_text", "table_rows"]
