"""The filter drop-downs of a register page, as many to a line as fit (at most three).

Each drop-down is at least as wide as its "all" text ("Toestemming delen: alle"), so it is
never cut short; at a large text size they simply take more lines instead of pushing the
page wider than a 1366-pixel screen.
"""

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLayout,
    QStyle,
    QStyleOptionComboBox,
    QWidget,
)

MAX_PER_LINE = 3


def _fit_first_text(box: QComboBox) -> None:
    """At least as wide as the measured "all" text plus the arrow and frame (a count of
    average characters is too narrow for wide letters)."""
    option = QStyleOptionComboBox()
    box.initStyleOption(option)
    text = QSize(box.fontMetrics().horizontalAdvance(box.itemText(0)) + 4,
                 box.fontMetrics().height())
    size = box.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, option, text, box)
    box.setMinimumContentsLength(4)
    box.setMinimumWidth(size.width())


class FilterGrid(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        # The page may be narrower than three boxes side by side: minimumSizeHint decides.
        self.grid.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.boxes: list[QComboBox] = []
        self._per_line = 0

    def add(self, box: QComboBox) -> None:
        self.boxes.append(box)
        _fit_first_text(box)
        self._relayout(MAX_PER_LINE)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(self._widest(), self.grid.minimumSize().height())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(self._widest(), self.grid.sizeHint().height())

    def _widest(self) -> int:
        return max((max(box.minimumWidth(), box.minimumSizeHint().width())
                    for box in self.boxes), default=0)

    def _relayout(self, per_line: int) -> None:
        per_line = max(1, min(per_line, MAX_PER_LINE, len(self.boxes) or 1))
        if per_line == self._per_line:
            return
        self._per_line = per_line
        for box in self.boxes:
            self.grid.removeWidget(box)
        for column in range(MAX_PER_LINE):
            self.grid.setColumnStretch(column, 1 if column < per_line else 0)
        for index, box in enumerate(self.boxes):
            self.grid.addWidget(box, index // per_line, index % per_line)
        self.updateGeometry()  # more or fewer lines: the page gives the height

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        spacing = max(self.grid.horizontalSpacing(), 0)
        self._relayout((event.size().width() + spacing) // (self._widest() + spacing or 1))
        super().resizeEvent(event)

    def fonts_changed(self) -> None:
        """Text size changed: widths follow; lines are recomputed at the next resize."""
        for box in self.boxes:
            _fit_first_text(box)
        self._per_line = 0
        self._relayout((self.width() + max(self.grid.horizontalSpacing(), 0))
                       // (self._widest() + max(self.grid.horizontalSpacing(), 0) or 1))
