"""Writing files the user chose, safely, and saying in Dutch why it failed.

`write_atomically` writes next to the target and renames, so a reader (a PDF viewer, a sync
tool such as OneDrive) never sees half a file and a failure leaves nothing behind.
`os_reason` turns an OSError into plain Dutch: the operating system's own text is English
on many machines.
"""

import errno
import os
from pathlib import Path

_REASONS = {
    errno.ENOSPC: "de schijf is vol",
    errno.EROFS: "de schijf of stick is alleen-lezen",
    errno.ENAMETOOLONG: "de naam of het pad is te lang",
    errno.EACCES: "u mag hier niet schrijven",
    errno.EPERM: "u mag hier niet schrijven",
    errno.ENOENT: "de map bestaat niet (meer)",
    errno.ENOTDIR: "een deel van het pad is geen map",
    errno.EISDIR: "er staat al een map met die naam",
    errno.EBUSY: "het bestand is in gebruik",
    errno.EIO: "de schijf gaf een leesfout of schrijffout",
}


def os_reason(exc: OSError) -> str:
    """Why the file could not be written or read, in Dutch."""
    if isinstance(exc, PermissionError):
        # On Windows a file open in another program (e.g. a PDF viewer) is refused this way.
        return "u mag hier niet schrijven, of het bestand is open in een ander programma"
    if isinstance(exc, FileNotFoundError):
        return _REASONS[errno.ENOENT]
    return _REASONS.get(exc.errno or -1, f"fout van het besturingssysteem ({exc.errno})")


def write_atomically(target: Path, data: bytes) -> Path:
    """Write `data` to `target` via a temporary file in the same folder, flushed to disk,
    then renamed over it. Raises OSError; nothing partial is left behind."""
    # 8 random hex digits, as uuid4().hex[:8] gave (uuid's import cost a command ~2 ms)
    temporary = target.parent / f".{target.name}.{os.urandom(4).hex()}.deel"
    try:
        with open(temporary, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except OSError:
        if temporary.parent.is_dir():
            temporary.unlink(missing_ok=True)
        raise
    return target
