"""One input widget per field kind, each with get/set and a `changed` signal.

Values go out as the services accept them (raw text for dates, numbers and money, which the
service parses and checks; codes; lists; masks) and come in as the services load them.
"""

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import cast

from PySide6.QtCore import QDate, QObject, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from vrijwilligers_app.domain import availability
from vrijwilligers_app.domain.dutch_format import format_amount
from vrijwilligers_app.domain.validation import format_date_nl, format_phone, parse_date_nl

LINE_KINDS = {"text", "phone", "email", "postcode", "pc4_or_postcode", "tags", "int", "year",
              "money"}


class Field(QObject):
    changed = Signal()

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.widget = widget

    def get(self) -> object:
        raise NotImplementedError

    def set(self, value: object) -> None:
        raise NotImplementedError

    def focus_widget(self) -> QWidget:
        return self.widget


class LineField(Field):
    def __init__(self, kind: str, placeholder: str) -> None:
        self.edit = QLineEdit()
        super().__init__(self.edit)
        self.kind = kind
        self.edit.setPlaceholderText(placeholder)
        self.edit.textEdited.connect(self.changed)

    def get(self) -> object:
        return self.edit.text().strip()

    def set(self, value: object) -> None:
        self.edit.setText(_as_text(value, self.kind))


class DateField(Field):
    """Typed as dd-mm-jjjj, or picked from a calendar; empty means no date."""

    def __init__(self, placeholder: str) -> None:
        container = QWidget()
        super().__init__(container)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(placeholder or "dd-mm-jjjj")
        self.edit.textEdited.connect(self.changed)
        button = QToolButton()
        button.setText("▾")
        button.setToolTip("Kies een datum in de kalender")
        button.setAccessibleName("Kalender")
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(button)
        self.calendar = QCalendarWidget()
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        menu.aboutToShow.connect(self._sync_calendar)
        def clicked(qdate: QDate) -> None:
            self._picked(date(qdate.year(), qdate.month(), qdate.day()))
            menu.close()

        self.calendar.clicked.connect(clicked)
        button.setMenu(menu)
        layout = QHBoxLayout(container)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(button)

    def _sync_calendar(self) -> None:
        try:
            current = parse_date_nl(self.edit.text())
        except ValueError:
            current = None
        shown = current or date.today()
        self.calendar.setSelectedDate(QDate(shown.year, shown.month, shown.day))

    def _picked(self, value: date) -> None:
        self.edit.setText(format_date_nl(value))
        self.changed.emit()

    def get(self) -> object:
        return self.edit.text().strip()

    def set(self, value: object) -> None:
        self.edit.setText(format_date_nl(value) if isinstance(value, date) else str(value or ""))

    def focus_widget(self) -> QWidget:
        return self.edit


class TextField(Field):
    def __init__(self, placeholder: str) -> None:
        self.edit = QPlainTextEdit()
        super().__init__(self.edit)
        self.edit.setPlaceholderText(placeholder)
        self.edit.setTabChangesFocus(True)
        self.edit.setFixedHeight(self.edit.fontMetrics().lineSpacing() * 4 + 12)
        self.edit.textChanged.connect(self.changed)

    def get(self) -> object:
        return self.edit.toPlainText().strip()

    def set(self, value: object) -> None:
        with QSignalBlocker(self.edit):
            self.edit.setPlainText(str(value or ""))


class BoolField(Field):
    def __init__(self, text: str) -> None:
        self.box = QCheckBox(text)
        super().__init__(self.box)
        self.box.toggled.connect(self.changed)

    def get(self) -> object:
        return self.box.isChecked()

    def set(self, value: object) -> None:
        with QSignalBlocker(self.box):
            self.box.setChecked(bool(value))


def narrow_combo(combo: QComboBox, characters: int = 16) -> QComboBox:
    """A combo box that may be narrower than its longest entry (long organisation names):
    the popup still shows them whole, and the layout fits a small screen."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(characters)
    return combo


class CodeField(Field):
    def __init__(self, options: Sequence[tuple[str, str]], required: bool) -> None:
        self.combo = narrow_combo(QComboBox())
        super().__init__(self.combo)
        self.combo.addItem("— kies —" if required else "(geen)", None)
        for code, name in options:
            self.combo.addItem(name, code)
        self.combo.currentIndexChanged.connect(self.changed)

    def get(self) -> object:
        return self.combo.currentData()

    def set(self, value: object) -> None:
        with QSignalBlocker(self.combo):
            index = self.combo.findData(value)
            if index < 0 and value:  # a code set inactive since: show it, don't lose it
                self.combo.addItem(f"{value} (niet meer in gebruik)", value)
                index = self.combo.count() - 1
            self.combo.setCurrentIndex(max(index, 0))


class CodesField(Field):
    def __init__(self, options: Sequence[tuple[str, str]]) -> None:
        self.list = QListWidget()
        super().__init__(self.list)
        for code, name in options:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        rows = min(len(options), 6)
        self.list.setFixedHeight(self.list.sizeHintForRow(0) * rows + 8 if rows else 40)
        self.list.itemChanged.connect(lambda _item: self.changed.emit())

    def get(self) -> object:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]

    def set(self, value: object) -> None:
        chosen = set(cast(Iterable[object], value or []))
        with QSignalBlocker(self.list):
            for i in range(self.list.count()):
                item = self.list.item(i)
                checked = item.data(Qt.ItemDataRole.UserRole) in chosen
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)


class AvailabilityField(Field):
    """Seven days × ochtend/middag/avond as a grid of check boxes."""

    def __init__(self) -> None:
        container = QWidget()
        super().__init__(container)
        grid = QGridLayout(container)
        grid.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[tuple[int, int], QCheckBox] = {}
        for part, name in enumerate(availability.PARTS):
            grid.addWidget(QLabel(name), part + 1, 0)
        widest = max(container.fontMetrics().horizontalAdvance(p) for p in availability.PARTS)
        grid.setColumnMinimumWidth(0, widest + 8)
        for day, day_name in enumerate(availability.DAYS):
            grid.addWidget(QLabel(day_name), 0, day + 1, Qt.AlignmentFlag.AlignHCenter)
            for part, part_name in enumerate(availability.PARTS):
                box = QCheckBox()
                box.setAccessibleName(f"{day_name} {part_name}")
                box.toggled.connect(self.changed)
                self.boxes[(day, part)] = box
                grid.addWidget(box, part + 1, day + 1, Qt.AlignmentFlag.AlignHCenter)

    def get(self) -> object:
        return availability.from_slots(s for s, box in self.boxes.items() if box.isChecked())

    def set(self, value: object) -> None:
        slots = set(availability.to_slots(int(value or 0)))  # type: ignore[call-overload]
        for slot, box in self.boxes.items():
            with QSignalBlocker(box):
                box.setChecked(slot in slots)

    def focus_widget(self) -> QWidget:
        return self.boxes[(0, 0)]


def _as_text(value: object, kind: str) -> str:
    if value is None:
        return ""
    if kind == "phone":
        return format_phone(str(value))
    if kind == "money" and isinstance(value, int):
        return format_amount(value)
    if kind == "tags":
        tags = value if isinstance(value, list | tuple) else str(value).split(";")
        return ", ".join(str(t) for t in tags if t)
    return str(value)


def make_field(kind: str, label: str, placeholder: str,
               options: Callable[[], Sequence[tuple[str, str]]], required: bool) -> Field:
    if kind == "date":
        return DateField(placeholder)
    if kind == "multiline":
        return TextField(placeholder)
    if kind == "bool":
        return BoolField(label)
    if kind == "code":
        return CodeField(options(), required)
    if kind == "codes":
        return CodesField(options())
    if kind == "availability":
        return AvailabilityField()
    return LineField(kind, placeholder)
