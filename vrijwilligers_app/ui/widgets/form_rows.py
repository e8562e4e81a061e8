"""Small pieces of the edit dialogs and panels: labelled rows whose label is the input's buddy,
the red error line, the Opslaan/Annuleren buttons, a scrolling form above them, and the Dutch
text of a refused save."""

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from vrijwilligers_app.services.editing import FormErrors

ERROR_STYLE = "color: #b00020;"

# Refusals whose message is Dutch and meant for the user; anything else "Niet opgeslagen: …".
USER_ERRORS: tuple[type[BaseException], ...] = (FormErrors, LookupError)


class WrappedText(QLabel):
    """A word-wrapped text that is never cut off: a layout may work out its height for
    another width than it gets (a capped form inside a wider scroll area), so the label keeps
    its minimum height at what its real width needs."""

    def __init__(self, text: str = "") -> None:
        super().__init__(text)
        self.setWordWrap(True)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        needed = self.heightForWidth(self.width())
        if needed > 0 and needed != self.minimumHeight():
            self.setMinimumHeight(needed)


def add_row(form: QFormLayout, caption: str, widget: QWidget, target: QWidget | None = None,
            ) -> QLabel:
    """A labelled row whose label is the input's buddy (screen readers name it)."""
    label = QLabel(caption)
    focus = target or widget
    label.setBuddy(focus)
    focus.setAccessibleName(caption.rstrip(":"))
    form.addRow(label, widget)
    return label


def error_label(name: str = "") -> QLabel:
    """The red, wrapping, hidden-until-needed line where a refusal is shown."""
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    label.hide()
    return label


def failure_text(exc: BaseException,
                 user_errors: tuple[type[BaseException], ...] = USER_ERRORS) -> str:
    return str(exc) if isinstance(exc, user_errors) else f"Niet opgeslagen: {exc}"


def show_failure(label: QLabel, exc: BaseException,
                 user_errors: tuple[type[BaseException], ...] = USER_ERRORS) -> None:
    label.setText(failure_text(exc, user_errors))
    label.show()


def save_buttons(on_accept: Callable[[], object], on_reject: Callable[[], object],
                 accept_text: str = "Opslaan") -> tuple[QDialogButtonBox, QPushButton]:
    """Opslaan (or `accept_text`) and Annuleren; returns the box and the accept button."""
    buttons = QDialogButtonBox()
    accept = buttons.addButton(accept_text, QDialogButtonBox.ButtonRole.AcceptRole)
    buttons.addButton("Annuleren", QDialogButtonBox.ButtonRole.RejectRole)
    buttons.accepted.connect(on_accept)
    buttons.rejected.connect(on_reject)
    return buttons, accept


def scrolling_form_layout(dialog: QDialog, form: QLayout, error: QLabel,
                          buttons: QDialogButtonBox, horizontal_scroll: bool = False,
                          ) -> QVBoxLayout:
    """The dialog's layout: the form in a scroll area that takes the room, then the error line
    and the buttons."""
    inner = QWidget()
    inner.setLayout(form)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    if not horizontal_scroll:
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(inner)
    layout = QVBoxLayout(dialog)
    layout.addWidget(scroll, 1)
    layout.addWidget(error)
    layout.addWidget(buttons)
    return layout
