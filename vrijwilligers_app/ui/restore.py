"""Bestand → Back-up terugzetten…: choose a backup, check it, confirm; the window then closes,
run_gui puts the backup back (the current register is kept as backups/voor-herstel-…) and opens
the window again on the restored register (migrated, with its own backup, when older)."""

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from vrijwilligers_app.store import backup
from vrijwilligers_app.store.errors import RegisterError
from vrijwilligers_app.store.inspect import inspect_database
from vrijwilligers_app.ui.dialogs.confirm import Confirm

TITLE = "Back-up terugzetten"


def choose_backup(parent: QWidget, data_dir: Path) -> Path | None:
    folder = backup.backups_dir(data_dir)
    name, _ = QFileDialog.getOpenFileName(parent, TITLE, str(folder),
                                          "Register (*.sqlite);;Alle bestanden (*)")
    return Path(name) if name else None


def confirm_restore(parent: QWidget, source: Path, key: bytes | None = None) -> bool:
    """Check that `source` is a backup this app can open, then ask; False changes nothing.
    `key`: the register's data key (an encrypted backup must have it; a plain one is
    converted when it is put back)."""
    try:
        state = inspect_database(source, as_backup=True, key=key)
        if state.revision is None:
            raise RegisterError(f"{source} is geen back-up van een register (geen schemaversie).")
    except RegisterError as exc:
        QMessageBox.warning(parent, TITLE, str(exc))
        return False
    return Confirm.ask(
        parent, TITLE,
        f"Het register wordt vervangen door de back-up\n{source}\n\nHet huidige register wordt "
        "eerst bewaard in de map backups (voor-herstel-…), dus er gaat niets verloren. Het "
        "venster sluit even en opent dan de teruggezette gegevens.\n\nDoorgaan?",
        yes="Terugzetten")
