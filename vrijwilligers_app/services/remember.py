""""Onthoud op dit Windows-account": the data key in the OS keyring (Windows Credential
Manager, macOS Keychain, Secret Service on Linux), off by default.

When on, whoever can log in to this user account opens the register without the passphrase;
the file alone (a lost disk, a copied backup) stays unreadable. Turning it off removes the
key from the keyring. The keyring library is the well-kept way to reach each OS's store.
"""

import base64
import contextlib
import logging
from pathlib import Path

import keyring
from keyring.errors import KeyringError

log = logging.getLogger(__name__)

SERVICE = "VrijwilligersregisterHelmond"


def _account(data_dir: Path) -> str:
    return str(data_dir.resolve())


def available() -> bool:
    """A real keyring backend is there (not the fail or null backend of a bare Linux)."""
    try:
        backend = keyring.get_keyring()
    except Exception:  # noqa: BLE001 - any backend trouble means: not available
        return False
    priority = getattr(backend, "priority", 0)
    return isinstance(priority, int | float) and priority > 0


def remember(data_dir: Path, data_key: bytes) -> bool:
    try:
        keyring.set_password(SERVICE, _account(data_dir), base64.b64encode(data_key).decode())
        return True
    except KeyringError as exc:
        log.warning("Sleutel niet in de sleutelbos gezet: %s", type(exc).__name__)
        return False


def recall(data_dir: Path) -> bytes | None:
    try:
        text = keyring.get_password(SERVICE, _account(data_dir))
    except KeyringError:
        return None
    if not text:
        return None
    try:
        return base64.b64decode(text, validate=True)
    except ValueError:
        return None


def forget(data_dir: Path) -> None:
    with contextlib.suppress(KeyringError):
        keyring.delete_password(SERVICE, _account(data_dir))


def is_remembered(data_dir: Path) -> bool:
    return recall(data_dir) is not None
