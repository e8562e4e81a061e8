"""The main window's menu bar. It is part of the frame painted before the register is open:
the actions that need the register stay disabled until `MainWindow.attach` enables them."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from vrijwilligers_app.ui.main_window import MainWindow


class Menus:
    """The actions the window changes later. A plain class: `dataclasses` is not imported
    before the first paint."""

    __slots__ = ("file", "audit", "gemeente", "restore", "remove_demo", "need_register")

    def __init__(self, file: QMenu, audit: QAction, gemeente: QAction, restore: QAction,
                 remove_demo: QAction, need_register: list[QAction]) -> None:
        self.file, self.audit, self.restore, self.remove_demo = file, audit, restore, remove_demo
        self.gemeente = gemeente  # in the Bestand menu only in the gemeente's own data dir
        self.need_register = need_register  # disabled until the register is open


def build_menus(window: MainWindow, page_titles: Sequence[str]) -> Menus:
    file_menu = window.menuBar().addMenu("&Bestand")
    file_menu.addAction("&Rapporten afdrukken…", QKeySequence("Ctrl+P"), window.open_reports)
    file_menu.addAction("&Exporteren naar de gemeente…", QKeySequence("Ctrl+E"),
                        window.open_exchange)
    file_menu.addAction("&Synchroniseren met de gemeente…",
                        lambda: window.open_exchange(sync=True))
    file_menu.addSeparator()
    file_menu.addAction("&Importeren…", QKeySequence("Ctrl+I"), window.open_import)
    file_menu.addAction("&Lijst naar Excel…", QKeySequence("Ctrl+Shift+E"),
                        window.export_current_list)
    gemeente = QAction("&Gemeente: sociaal domein in beeld…", window)
    gemeente.triggered.connect(window.open_gemeente)
    audit = file_menu.addAction("&Logboek (privacy)…", window.open_audit_log)
    file_menu.addSeparator()
    restore = file_menu.addAction("Back-up &terugzetten…", window.restore_backup)
    file_menu.addAction("&Welkom en eerste stappen…", window.open_welcome)
    remove_demo = file_menu.addAction("&Demogegevens verwijderen…", window.remove_demo)
    file_menu.addSeparator()
    quit_action = file_menu.addAction("&Afsluiten", QKeySequence("Ctrl+Q"), window.close)
    edit_menu = window.menuBar().addMenu("Be&werken")
    undo = window.undo_stack.createUndoAction(window, "Ongedaan maken")
    # setShortcuts([...]) is Qt's setShortcut(one key); PySide6's setShortcut overloads make
    # every enum of the Qt namespace (tens of ms) before the first paint.
    undo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
    redo = window.undo_stack.createRedoAction(window, "Opnieuw")
    redo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Redo)])
    edit_menu.addAction(undo)
    edit_menu.addAction(redo)
    edit_menu.addSeparator()
    search = edit_menu.addAction("&Zoeken in het register…", QKeySequence("Ctrl+K"),
                                 window.start_search)
    QShortcut(QKeySequence("Ctrl+F"), window, window.start_search)
    # Until the register is open only Afsluiten and the Ga naar and Help menus work.
    need_register = [action for action in [*file_menu.actions(), search]
                     if action is not quit_action and not action.isSeparator()]
    for action in need_register:
        action.setEnabled(False)
    go_menu = window.menuBar().addMenu("&Ga naar")
    for row, title in enumerate(page_titles):
        go_menu.addAction(title, QKeySequence(f"Ctrl+{row + 1}"),
                          partial(window.sidebar.setCurrentRow, row))
    from vrijwilligers_app.ui.help.menu import add_help_menu

    add_help_menu(window)
    return Menus(file_menu, audit, gemeente, restore, remove_demo, need_register)
