"""The frame the figures dialogs share: a "Per" (grouping) and "Periode" combo on top with a
status text, a read-only table filled from a service run on the TaskRunner, an explanation
and a Sluiten button. Each dialog configures its groups, periods, table and wording, and
runs its own service in `refresh`; a change of either combo refreshes."""

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vrijwilligers_app.store.handle import Engine
from vrijwilligers_app.ui.tasks import TaskRunner


class FiguresDialog(QDialog):
    """`groups`: (key, label); `periods`: (label, data) with `period_index` selected;
    `captions`: the two combo labels (an "&" marks the shortcut). The subclass sets up
    `self.table` further and calls `refresh()` at the end of its own __init__."""

    def __init__(self, engine: Engine, runner: TaskRunner, parent: QWidget | None, *,
                 title: str, groups: Sequence[tuple[str, str]],
                 periods: Sequence[tuple[str, Any]], explanation: str, width: int,
                 period_index: int = 0, captions: tuple[str, str] = ("Per", "Periode"),
                 columns: int = 0) -> None:
        super().__init__(parent)
        self.engine = engine
        self.runner = runner
        self._generation = 0
        self.setWindowTitle(title)
        self.group = QComboBox()
        for key, label in groups:
            self.group.addItem(label, key)
        self.period = QComboBox()
        for label, data in periods:
            self.period.addItem(label, data)
        self.period.setCurrentIndex(period_index)
        self.status = QLabel()
        top = QHBoxLayout()
        for caption, box in zip(captions, (self.group, self.period), strict=True):
            buddy = QLabel(caption)
            buddy.setBuddy(box)
            box.setAccessibleName(caption.replace("&", ""))
            top.addWidget(buddy)
            top.addWidget(box)
            box.currentIndexChanged.connect(lambda _i: self.refresh())
        top.addStretch(1)
        top.addWidget(self.status)
        self.table = QTableWidget(0, columns)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        explain = QLabel(explanation)
        explain.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(explain)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText("Sluiten")
        close.rejected.connect(self.reject)
        self.excel_button = close.addButton("Naar &Excel…",
                                            QDialogButtonBox.ButtonRole.ActionRole)
        self.excel_button.clicked.connect(self.export_excel)
        self._captions = captions
        layout.addWidget(close)
        screen = self.screen().availableGeometry()
        self.resize(min(width, int(screen.width() * 0.95)), min(560, int(screen.height() * 0.85)))

    def refresh(self) -> None:
        raise NotImplementedError

    def export_excel(self) -> None:
        """The table as shown, to .xlsx (no names in figures: not marked vertrouwelijk)."""
        from vrijwilligers_app.ui.dialogs.figures_export import export_figures
        from vrijwilligers_app.ui.list_export import ExportFile

        path = ExportFile.ask(self, f"{self.windowTitle().lower()}.xlsx")
        if path is not None:
            combos = list(zip(self._captions, (self.group, self.period), strict=True))
            export_figures(self, self.runner, self.windowTitle(), self.table, combos, path)
            self.status.setText(f"Opgeslagen als {path.name}")

    def _run(self, fn: Callable[..., Any], *args: Any) -> None:
        """Runs the service; only the newest run's result reaches `_show`."""
        self._generation += 1
        generation = self._generation
        self.status.setText("Berekenen…")
        self.runner.run(fn, *args, on_done=lambda result: self._deliver(generation, result))

    def _deliver(self, generation: int, result: Any) -> None:
        if generation == self._generation:
            self._show(result)

    def _show(self, result: Any) -> None:
        raise NotImplementedError

    def _set_row(self, r: int, cells: Sequence[str], total: bool, tooltips: bool = True,
                 right: Callable[[int], bool] = bool) -> None:
        """Fills table row `r`; columns where `right(c)` holds are right-aligned, a total
        row is bold."""
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if tooltips:
                item.setToolTip(text)
            if right(c):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if total:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.table.setItem(r, c, item)

    def _fit_first_column(self, chars: int) -> None:
        """The label column fits its contents up to `chars` average characters."""
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.table.resizeColumnToContents(0)
        header.resizeSection(0, min(header.sectionSize(0),
                                    self.fontMetrics().averageCharWidth() * chars))
