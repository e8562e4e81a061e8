"""Files and folders only this user may read: 0700 folders and 0600 files on POSIX.

On Windows the data dir lives under the user's own %LOCALAPPDATA%, whose access list already
admits only that user (and administrators), so chmod is a no-op there and nothing else is
needed. The process umask is also set to 077 at start-up (cli.main), so files that SQLite,
logging or Qt create later are private from birth; the explicit chmods below also repair
folders and files made by older versions.
"""

import os
import shutil
import stat
import sys
from pathlib import Path

PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600
TEMP_DIR_NAME = "tmp"


def restrict_umask() -> None:
    """New files and folders of this process: no access for group and others."""
    if sys.platform != "win32":
        os.umask(0o077)


def make_private_dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR_MODE)
    if sys.platform != "win32":
        os.chmod(path, PRIVATE_DIR_MODE)
    return path


def make_private_file(path: Path) -> None:
    if sys.platform != "win32" and path.exists():
        os.chmod(path, PRIVATE_FILE_MODE)


def write_private_file(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Write `data` atomically (temporary file, fsync, rename) as a 0600 file. `durable`
    False skips the fsync, for a file whose loss or tearing in a crash is harmless (a
    reader meets no file, or an empty or half one, and must treat that as none)."""
    partial = path.with_name(path.name + ".deel")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0),
                 PRIVATE_FILE_MODE)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        make_private_file(partial)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


def secure_data_dir(data_dir: Path) -> None:
    """Make the data dir and everything the app keeps in it private (repairs old installs)."""
    if sys.platform == "win32" or not data_dir.is_dir():
        return
    make_private_dir(data_dir)
    for root, dirs, files in os.walk(data_dir):
        for name in dirs:
            os.chmod(Path(root) / name, PRIVATE_DIR_MODE)
        for name in files:
            path = Path(root) / name
            if not path.is_symlink():
                # Take group/other rights away; keep the owner's own (a register someone set
                # read-only stays read-only, and is then refused at open with a reason).
                os.chmod(path, stat.S_IMODE(path.stat().st_mode) & ~0o077)


def private_temp_dir(data_dir: Path) -> Path:
    """The app's own temporary folder inside the data dir (report previews and the like)."""
    return make_private_dir(data_dir / TEMP_DIR_NAME)


def clear_private_temp_dir(data_dir: Path) -> None:
    """Remove what earlier runs left in the temp folder (on start and on close)."""
    shutil.rmtree(data_dir / TEMP_DIR_NAME, ignore_errors=True)
