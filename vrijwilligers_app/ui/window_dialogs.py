"""The main window's dialogs, opened from the menus: each module is imported when its dialog
is first asked for, so none of them slows down the first paint."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMainWindow, QWidget

from vrijwilligers_app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from vrijwilligers_app.store.register import Register
    from vrijwilligers_app.ui.pages.register_page import RegisterPage


class DialogOpeners(QMainWindow):
    """Bestand's dialogs; MainWindow provides the register, the runner and the undo stack."""

    register: Register
    runner: TaskRunner
    undo_stack: QUndoStack

    def open_exchange(self, sync: bool = False) -> None:
        from vrijwilligers_app.ui.dialogs.exchange_dialog import ExchangeDialog

        dialog = ExchangeDialog(self.register, self.runner, self)
        dialog.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        if sync:
            dialog.sync_button.click()

    def open_audit_log(self) -> None:
        from vrijwilligers_app.ui.dialogs.audit_dialog import AuditDialog

        dialog = AuditDialog(self.register.engine, self.runner, self)
        dialog.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def open_import(self, kind: str | None = None) -> QWidget:
        """Bestand → Importeren… (issue 15); the welcome wizard can call this too."""
        from vrijwilligers_app.ui.dialogs.import_wizard import open_import_wizard

        self.import_wizard = open_import_wizard(self.register, self.runner, self,
                                                self.undo_stack, kind)
        self.import_wizard.changed.connect(self._records_changed)
        return self.import_wizard

    def _records_changed(self, kind: str) -> None:
        from vrijwilligers_app.ui.list_export import reload_kind

        reload_kind(self, kind)

    def current_list(self) -> RegisterPage | None:
        from vrijwilligers_app.ui.list_export import current_list

        return current_list(self)

    def export_current_list(self) -> None:
        """Bestand → Lijst naar Excel…: the list on screen, as it is filtered and sorted."""
        from vrijwilligers_app.ui.list_export import export_page

        page = self.current_list()
        if page is None:
            self.statusBar().showMessage("Kies eerst een lijst (bijvoorbeeld Vrijwilligers).")
            return
        export_page(page, self.runner, self)

    def open_gemeente(self) -> None:
        from vrijwilligers_app.ui.dialogs.gemeente_dialog import GemeenteDialog

        dialog = GemeenteDialog(self.register, self.runner, self)
        dialog.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def open_reports(self) -> QWidget:
        """Rapporten afdrukken (issue 8): not modal, so the register stays usable. Imported
        here: reportlab and QtPdf need not slow down the start."""
        from vrijwilligers_app.store.private import private_temp_dir
        from vrijwilligers_app.ui.dialogs.reports_dialog import ReportsDialog

        self.reports_dialog = ReportsDialog(self.register.engine, self.runner, self,
                                            temp_dir=private_temp_dir(self.register.data_dir))
        self.reports_dialog.show()
        return self.reports_dialog
