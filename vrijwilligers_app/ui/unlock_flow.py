"""Getting the data key at start-up: from VRIJWILLIGERS_WACHTWOORD (scripts, smoke tests),
from the OS keyring when the user chose "onthoud", or from the user: the unlock dialog, or
the first-start passphrase set-up when the data dir has no key file yet. What each way needs is
imported when it is taken (keyring only for a remembered key): this runs before the first paint."""

import os
from pathlib import Path

from vrijwilligers_app.paths import PASSPHRASE_ENV


class Cancelled(Exception):
    """The user closed the passphrase dialog."""


def acquire_key(data_dir: Path) -> tuple[bytes, bool]:
    """(data key, came from the keyring). Raises Cancelled or a RegisterError (Dutch)."""
    if os.environ.get(PASSPHRASE_ENV):
        from vrijwilligers_app.cli_key import obtain_key

        return obtain_key(data_dir), False
    from PySide6.QtWidgets import QDialog  # a dialog is shown: not on the way to the frame

    from vrijwilligers_app.store import keys  # PyNaCl: only when a key is to be had here
    from vrijwilligers_app.ui.input_guard import install_input_guard

    if keys.has_key_file(data_dir):
        from vrijwilligers_app.services import remember

        stored = remember.recall(data_dir)
        if stored is not None:
            return stored, True
        from vrijwilligers_app.ui.dialogs.unlock_dialog import UnlockDialog

        install_input_guard()  # a dialog before the window (which installs it after its paint)
        dialog = UnlockDialog(data_dir)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.data_key is None:
            raise Cancelled()
        return dialog.data_key, False
    from vrijwilligers_app.services.passphrase import KeySetup
    from vrijwilligers_app.ui.dialogs.passphrase_setup import PassphraseSetupDialog

    KeySetup.check_possible(data_dir)  # refuses an encrypted register without its key file
    install_input_guard()
    setup = PassphraseSetupDialog(data_dir)
    if setup.exec() != QDialog.DialogCode.Accepted or setup.data_key is None:
        raise Cancelled()
    return setup.data_key, False
