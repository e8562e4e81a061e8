"""The import wizard's last steps: the preview (errors and duplicates, a choice per
duplicate) and the result (progress, counts, undo)."""

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vrijwilligers_app.services.importing.preview import DUPLICATE, ERROR, NEW, Preview
from vrijwilligers_app.services.importing.write import ADD, CHOICES_NL, FILL, SKIP

MAX_LINES = 1000  # rows listed; the counts above always cover every row
MAX_CHOICE_BOXES = 300  # duplicates beyond this follow the choice for all


class PreviewPage(QWidget):
    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.consent = QLabel()
        self.consent.setWordWrap(True)
        self.consent.setStyleSheet("color: #7F4F00;")
        layout.addWidget(self.consent)
        row = QHBoxLayout()
        self.all_choice = QComboBox()
        for key in (SKIP, FILL, ADD):
            self.all_choice.addItem(CHOICES_NL[key], key)
        self.all_choice.setAccessibleName("Keuze voor alle dubbele rijen")
        all_label = QLabel("Wie er al in staat: ")
        all_label.setBuddy(self.all_choice)
        row.addWidget(all_label)
        row.addWidget(self.all_choice)
        row.addStretch(1)
        layout.addLayout(row)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(["Rij", "Uitkomst", "Toelichting", "Keuze"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.setAccessibleName("Rijen met fouten en dubbele rijen")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.boxes: dict[int, QComboBox] = {}
        self.all_choice.currentIndexChanged.connect(self._set_all)

    def show_preview(self, preview: Preview) -> None:
        new, dup, err = (preview.count(s) for s in (NEW, DUPLICATE, ERROR))
        skipped = f" {len(preview.notes)} rijen overgeslagen (lege regels niet meegeteld): " \
            f"{' '.join(preview.notes[:5])}" if preview.notes else ""
        self.summary.setText(
            f"<b>{len(preview.rows)} rijen</b> in {preview.file_name}: <b>{new} nieuw</b>, "
            f"<b>{dup} staan er al in</b>, <b>{err} met fouten</b> (die worden niet "
            f"ingelezen; verbeter ze in het bestand en lees het opnieuw in).{skipped}")
        self.consent.setText(preview.consent_note)
        self.consent.setVisible(bool(preview.consent_note))
        lines = [p for p in preview.rows if p.status != NEW][:MAX_LINES]
        self.table.setRowCount(len(lines))
        self.boxes = {}
        for r, plan in enumerate(lines):
            if plan.status == DUPLICATE:
                what = "staat er al in"
                reason = (f"{plan.duplicate.label} ({plan.duplicate.reason})" if plan.duplicate
                          else f"zelfde persoon als rij {plan.same_as_row} in dit bestand"
                          if plan.same_as_row else plan.duplicate_text)
            else:
                what, reason = "fout", "\n".join(plan.errors)
            for c, text in enumerate((str(plan.row_number), what, reason)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(r, c, item)
            if plan.status == DUPLICATE and len(self.boxes) < MAX_CHOICE_BOXES:
                box = QComboBox()
                for key in (SKIP, FILL, ADD):
                    if key != FILL or plan.duplicate is not None:
                        box.addItem(CHOICES_NL[key], key)
                box.setAccessibleName(f"Keuze voor rij {plan.row_number}")
                self.table.setCellWidget(r, 3, box)
                self.boxes[plan.row_number] = box
        self.all_choice.setEnabled(dup > 0)
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(1)
        self.table.resizeColumnToContents(3)
        self.table.resizeRowsToContents()
        self._preview = preview

    def _set_all(self) -> None:
        for box in self.boxes.values():
            index = box.findData(self.all_choice.currentData())
            box.setCurrentIndex(index if index >= 0 else 0)

    def choices(self) -> dict[int, str]:
        default = self.all_choice.currentData()
        out = {p.row_number: default for p in self._preview.rows if p.status == DUPLICATE}
        out.update({row: box.currentData() for row, box in self.boxes.items()})
        return out


class ResultPage(QWidget):
    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Voortgang")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.undo = QPushButton("&Ongedaan maken")
        self.undo.setToolTip("Haalt alles wat dit inlezen toevoegde weer weg (ook met Ctrl+Z)")
        self.undo.hide()
        layout.addWidget(self.progress)
        layout.addWidget(self.label)
        layout.addWidget(self.undo)
        layout.addStretch(1)
