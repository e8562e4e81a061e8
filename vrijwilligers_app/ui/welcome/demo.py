"""Demo data in the window: the banner that marks it, filling an empty register from the
welcome (or the menu), and emptying it again after a confirmation."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

if TYPE_CHECKING:  # the banner is part of the window frame, painted before SQLAlchemy loads
    from typing import Protocol

    from vrijwilligers_app.store.register import Register
    from vrijwilligers_app.ui.tasks import TaskRunner

    class DemoCallback(Protocol):
        def __call__(self) -> None: ...

BANNER_TEXT = ("<b>Demogegevens</b> — dit register bevat verzonnen gegevens om mee te oefenen. "
               "Begint u echt? Verwijder ze eerst.")




class DemoBanner(QFrame):
    remove_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("demo_banner")
        self.setStyleSheet("#demo_banner { background: #fff3c4; border: 1px solid #e0b000; "
                           "border-radius: 4px; } #demo_banner QLabel { color: #3d2e00; }")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 6, 4)
        self.label = QLabel(BANNER_TEXT)
        self.label.setWordWrap(True)
        self.label.setAccessibleName("Demogegevens")
        layout.addWidget(self.label, 1)
        self.button = QPushButton("Demogegevens verwijderen…")
        self.button.clicked.connect(self.remove_requested)
        layout.addWidget(self.button)
        self.hide()


def start_demo(window: QWidget, register: Register, runner: TaskRunner,
               done: DemoCallback) -> None:
    """Fill the (empty) register with the small demo set on the runner."""
    from vrijwilligers_app.services.demo import DemoError
    from vrijwilligers_app.services.demo_data import try_with_demo

    def failed(exc: BaseException) -> None:
        from PySide6.QtWidgets import QMessageBox

        text = str(exc) if isinstance(exc, DemoError) else "De demogegevens konden niet " \
            "worden gemaakt; het register is niet veranderd."
        QMessageBox.warning(window, "Demogegevens", text)

    runner.run(try_with_demo, register.engine, write=True, on_done=lambda _c: done(),
               on_error=failed)


def ask_remove_demo(window: QWidget, register: Register, runner: TaskRunner,
                    done: DemoCallback) -> bool:
    """Empty the demo register after a confirmation; False when there is no demo or the user
    said no (nothing changes)."""
    from PySide6.QtWidgets import QMessageBox  # not made before the window's first paint

    from vrijwilligers_app.services.demo_data import is_demo, remove_demo

    if not is_demo(register.engine):
        QMessageBox.information(window, "Demogegevens", "Dit register bevat geen demogegevens.")
        return False
    from vrijwilligers_app.ui.dialogs.confirm import Confirm

    if not Confirm.ask(window, "Demogegevens verwijderen",
                       "Alle gegevens in dit register worden verwijderd: de demogegevens en wat u "
                       "er zelf bij hebt gezet. Codelijsten en instellingen blijven. Daarna is "
                       "het register leeg.\n\nDoorgaan?", yes="Verwijderen"):
        return False

    def failed(_exc: BaseException) -> None:
        QMessageBox.warning(window, "Demogegevens", "Verwijderen is niet gelukt; het register "
                            "is niet veranderd.")

    runner.run(remove_demo, register.engine, write=True, on_done=lambda _n: done(),
               on_error=failed)
    return True


def banner_visible(register: Register) -> bool:
    from vrijwilligers_app.services.demo_data import is_demo

    return is_demo(register.engine)
