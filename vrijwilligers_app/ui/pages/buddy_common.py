"""Small pieces shared by the maatjes panels and dialogs."""

from datetime import date

from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from vrijwilligers_app.domain.validation import parse_date_nl
from vrijwilligers_app.services.editing import FormErrors
from vrijwilligers_app.ui.widgets.fields import DateField

ERROR_STYLE = "color: #b00020;"
HINT_STYLE = "color: palette(mid);"


def error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.setObjectName("error")
    label.hide()
    return label


def clear_error(label: QLabel) -> None:
    label.clear()
    label.hide()


def show_error(label: QLabel, exc: BaseException | str) -> None:
    """A service refusal as its Dutch lines; anything else says it was not saved."""
    if isinstance(exc, str):
        text = exc
    elif isinstance(exc, FormErrors | LookupError):  # Dutch messages meant for the user
        text = str(exc)
    else:
        text = f"Niet opgeslagen: {exc}"
    label.setText(text)
    label.setVisible(bool(text))


def read_date(field: DateField, caption: str) -> date | str:
    """The typed date, or a Dutch message saying what is wrong with it."""
    try:
        value = parse_date_nl(str(field.get()), caption)
    except ValueError as exc:
        return getattr(exc, "message", str(exc))
    return value if value is not None else f"{caption}: vul een datum in (dd-mm-jjjj)."


def add_row(form: QFormLayout, caption: str, widget: QWidget, target: QWidget | None = None,
            ) -> QLabel:
    """A labelled row whose label is the input's buddy (screen readers name it)."""
    label = QLabel(caption)
    focus = target or widget
    label.setBuddy(focus)
    focus.setAccessibleName(caption.rstrip(":"))
    form.addRow(label, widget)
    return label


def wrapping_form(parent: QWidget | None = None) -> QFormLayout:
    form = QFormLayout(parent) if parent is not None else QFormLayout()
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return form
