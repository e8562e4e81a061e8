"""Small pieces shared by the maatjes panels and dialogs."""

from datetime import date

from PySide6.QtWidgets import QFormLayout, QGridLayout, QLabel, QWidget

from vrijwilligers_app.domain.validation import parse_date_nl
from vrijwilligers_app.ui.widgets import form_rows
from vrijwilligers_app.ui.widgets.fields import DateField
from vrijwilligers_app.ui.widgets.form_rows import add_row as add_row

HINT_STYLE = "color: palette(mid);"


def error_label() -> QLabel:
    return form_rows.error_label("error")


def clear_error(label: QLabel) -> None:
    label.clear()
    label.hide()


def show_error(label: QLabel, exc: BaseException | str) -> None:
    """A service refusal as its Dutch lines; anything else says it was not saved."""
    text = exc if isinstance(exc, str) else form_rows.failure_text(exc)
    label.setText(text)
    label.setVisible(bool(text))


def read_date(field: DateField, caption: str) -> date | str:
    """The typed date, or a Dutch message saying what is wrong with it."""
    try:
        value = parse_date_nl(str(field.get()), caption)
    except ValueError as exc:
        return getattr(exc, "message", str(exc))
    return value if value is not None else f"{caption}: vul een datum in (dd-mm-jjjj)."


def wrapping_form(parent: QWidget | None = None) -> QFormLayout:
    form = QFormLayout(parent) if parent is not None else QFormLayout()
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return form


def compact_grid(parent: QWidget, fields: list[tuple[str, QWidget, QWidget | None]],
                 columns: int = 2) -> QGridLayout:
    """Inputs two to a line, each with its label (the buddy) above it: short forms that fit
    beside a list on a small screen."""
    grid = QGridLayout(parent)
    for n, (caption, widget, target) in enumerate(fields):
        row, column = divmod(n, columns)
        label = QLabel(caption)
        focus = target or widget
        label.setBuddy(focus)
        focus.setAccessibleName(caption)
        grid.addWidget(label, row * 2, column)
        grid.addWidget(widget, row * 2 + 1, column)
    return grid
