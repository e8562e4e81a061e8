"""The first steps of the import wizard: file and kind, sheet and header row, column mapping.

Plain widgets that show data handed to them; the wizard (import_wizard.py) runs the work."""

from collections.abc import Collection, Mapping, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vrijwilligers_app.services.importing.cells import Sheet, Value
from vrijwilligers_app.services.importing.mapping import IMPORT_FIELDS
from vrijwilligers_app.services.importing.values import as_text

KIND_TITLES = (("volunteers", "Vrijwilligers"), ("residents", "Inwoners (deelnemers)"),
               ("initiatives", "Initiatieven"),
               ("roles", "Rollen van vrijwilligers in initiatieven"))
SAMPLE_ROWS = 15
HEADER_COLOUR = QColor("#DDEBF7")


def cell_text(value: Value) -> str:
    try:
        return as_text(value)
    except ValueError:
        return str(value)  # an error cell: shown as #N/B


class SourcePage(QWidget):
    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        intro = QLabel("Lees een lijst in uit Excel (.xlsx of .xls), LibreOffice (.ods) of een "
                       "CSV-bestand. U ziet eerst een voorbeeld; er wordt pas iets opgeslagen "
                       "als u op Inlezen klikt, en dan eerst een back-up gemaakt.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.kind = QComboBox()
        for key, title in KIND_TITLES:
            self.kind.addItem(title, key)
        self.kind.setAccessibleName("Wat staat er in de lijst")
        form.addRow("&Wat staat er in de lijst?", self.kind)
        row = QHBoxLayout()
        self.choose = QPushButton("&Bestand kiezen…")
        self.file_label = QLabel("Nog geen bestand gekozen.")
        self.file_label.setWordWrap(True)
        row.addWidget(self.choose)
        row.addWidget(self.file_label, 1)
        form.addRow("Bestand", row)
        layout.addLayout(form)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #9C0006;")
        layout.addWidget(self.message)
        layout.addStretch(1)


class HeaderPage(QWidget):
    """Which sheet, and which row holds the column names (a title may stand above it)."""

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.sheet = QComboBox()
        self.sheet.setAccessibleName("Werkblad")
        self.header_row = QSpinBox()
        self.header_row.setMinimum(1)
        self.header_row.setAccessibleName("Rij met de kolomnamen")
        form.addRow("&Werkblad", self.sheet)
        form.addRow("&Rij met de kolomnamen", self.header_row)
        layout.addLayout(form)
        hint = QLabel("De blauwe rij wordt gelezen als kolomnamen; alles erboven (een titel, "
                      "een datum) wordt overgeslagen.")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.table = QTableWidget()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setAccessibleName("Eerste rijen van het blad")
        layout.addWidget(self.table, 1)

    def show_sheet(self, sheet: Sheet, header: int) -> None:
        rows = sheet.rows[:max(SAMPLE_ROWS, header + 6)]
        self.table.clear()
        self.table.setRowCount(len(rows))
        self.table.setColumnCount(sheet.width)
        self.table.setVerticalHeaderLabels([str(i + 1) for i in range(len(rows))])
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                item = QTableWidgetItem(cell_text(value))
                if r == header:
                    item.setBackground(QBrush(HEADER_COLOUR))
                self.table.setItem(r, c, item)
        self.header_row.setMaximum(max(1, len(sheet.rows)))
        self.table.resizeColumnsToContents()


class MappingPage(QWidget):
    """One line per column: its name and a few values, and the field it fills."""

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        intro = QLabel("Kies per kolom welk gegeven erin staat. De app stelt zelf een keuze "
                       "voor aan de hand van de kolomnamen, en onthoudt uw keuze voor een "
                       "volgende lijst met dezelfde kolommen.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        layout.addWidget(self.scroll_area, 1)
        self.boxes: list[QComboBox] = []

    def show_columns(self, kind: str, headers: Sequence[Value], samples: Sequence[Sequence[Value]],
                     mapping: Mapping[int, str], hidden: Collection[int] = ()) -> None:
        inner = QWidget()
        form = QFormLayout(inner)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.boxes = []
        fields = IMPORT_FIELDS[kind]
        for index, header in enumerate(headers):
            name = cell_text(header) or f"kolom {index + 1}"
            examples = [cell_text(row[index]) for row in samples
                        if index < len(row) and cell_text(row[index]) not in ("", name)][:3]
            shown = f"{name} (verborgen kolom)" if index in hidden else name
            label = QLabel(f"<b>{_escape(shown)}</b><br><small>"
                           f"{_escape('  ·  '.join(examples))}</small>")
            label.setTextFormat(Qt.TextFormat.RichText)
            box = QComboBox()
            box.addItem("(niet inlezen)", "")
            for key, title in fields.items():
                box.addItem(title, key)
            box.setCurrentIndex(max(0, box.findData(mapping.get(index, ""))))
            box.setAccessibleName(f"Kolom {shown}")
            label.setBuddy(box)
            form.addRow(label, box)
            self.boxes.append(box)
        self.scroll_area.setWidget(inner)

    def mapping(self) -> dict[int, str]:
        return {i: box.currentData() for i, box in enumerate(self.boxes) if box.currentData()}


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
