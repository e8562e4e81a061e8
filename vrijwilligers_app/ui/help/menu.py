"""The Help menu of the main window: Handleiding (F1 opens the page for where one is) and Over."""


from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMainWindow, QStackedWidget

from vrijwilligers_app import APP_NAME


def add_help_menu(window: QMainWindow) -> None:
    menu = window.menuBar().addMenu("&Hulp")
    menu.addAction("&Handleiding", QKeySequence(QKeySequence.StandardKey.HelpContents),
                   lambda: open_help(window))
    menu.addAction(f"&Over {APP_NAME}", lambda: open_about(window))


def current_context(window: QMainWindow) -> str:
    stack = getattr(window, "stack", None)
    widget = stack.currentWidget() if isinstance(stack, QStackedWidget) else None
    name = widget.objectName() if widget is not None else ""
    return name.removeprefix("page_")


def open_help(window: QMainWindow, file: str | None = None) -> object:
    # The catalogue (and unicodedata) when help is asked for: the menu is built before the
    # window's first paint.
    from vrijwilligers_app.ui.help.catalogue import page_for
    from vrijwilligers_app.ui.help.window import HelpWindow

    help_window = getattr(window, "help_window", None)
    if not isinstance(help_window, HelpWindow):
        help_window = HelpWindow(window)
        window.help_window = help_window  # type: ignore[attr-defined]
    help_window.show_page(file or page_for(current_context(window)))
    help_window.show()
    help_window.raise_()
    help_window.activateWindow()
    return help_window


def open_about(window: QMainWindow) -> object:
    from vrijwilligers_app.ui.help.about import AboutDialog

    register = getattr(window, "register")  # noqa: B009 - MainWindow's register
    dialog = AboutDialog(register.data_dir, window)
    window.about_dialog = dialog  # type: ignore[attr-defined]
    dialog.open()
    return dialog
