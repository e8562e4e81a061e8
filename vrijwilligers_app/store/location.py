"""Is this a safe place for a live database?

A live SQLite database in a OneDrive/Nextcloud/Dropbox folder or on a network share gets
corrupted: sync tools copy half-written files and network file systems break SQLite's locks.
Only export files belong in such a folder.
"""

import os
import re
import shutil
import sys
import tempfile
from pathlib import Path, PureWindowsPath

from vrijwilligers_app.store.errors import DataDirError
from vrijwilligers_app.store.sqlite_text import dutch_reason

SYNC_FOLDER_MARKERS = (
    "onedrive", "nextcloud", "dropbox", "owncloud", "google drive", "googledrive",
    "my drive", "icloud drive", "iclouddrive", "icloud~", "box sync", "pcloud drive",
    "seadrive", "sharepoint",
)
# Names users and installers give such folders: "MyDropbox", "Dropbox (Werk)",
# "OneDrive - Gemeente Helmond", "Nextcloud2", "Mijn Google Drive", "iCloudDrive". A marker
# anywhere in a folder name counts, not only at its start; "box sync" and "my drive" keep
# their own spelling because plain "box"/"drive" would match ordinary folders.
_SYNC_NAME = re.compile("|".join(re.escape(m) for m in SYNC_FOLDER_MARKERS))
NETWORK_FS_TYPES = frozenset({
    "nfs", "nfs4", "cifs", "smbfs", "smb3", "fuse.sshfs", "afs", "davfs", "fuse.rclone",
    "9p", "ncpfs", "fuse.davfs2",
})
SYNC_ENV_VARS = ("OneDrive", "OneDriveCommercial", "OneDriveConsumer")

SYNC_EXPLANATION = (
    "Een register dat in een synchronisatiemap (OneDrive, Nextcloud, Dropbox, SharePoint) of "
    "op een netwerkschijf staat, raakt beschadigd. Kies een map op deze computer zelf; "
    "alleen exportbestanden horen in de synchronisatiemap."
)


def sync_folder_reason(path: Path, environ: dict[str, str] | None = None) -> str | None:
    """Why `path` looks like a sync folder, or None."""
    environ = dict(os.environ) if environ is None else environ
    for part in path.parts:
        if _SYNC_NAME.search(part.lower()):
            return f"de map '{part}' hoort bij een synchronisatiedienst"
    resolved = str(path).lower()
    for var in SYNC_ENV_VARS:
        root = environ.get(var)
        prefix = root.lower().rstrip("\\/") if root else ""
        if prefix and (resolved == prefix or resolved.startswith(prefix + os.sep)):
            return f"de map valt onder OneDrive ({root})"
    return None


def network_reason(path: Path, mounts_text: str | None = None) -> str | None:
    """Why `path` looks like a network location, or None."""
    if sys.platform == "win32" or str(path).startswith("\\\\"):
        return _windows_network_reason(path)
    if mounts_text is None:
        try:
            mounts_text = Path("/proc/self/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None  # macOS and others: no mount table to read cheaply
    best_point, best_type = "", ""
    target = str(path)
    for line in mounts_text.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ")
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) > len(best_point):
            best_point, best_type = point, fields[2]
    if best_type in NETWORK_FS_TYPES:
        return f"de map staat op een netwerkschijf ({best_type} op {best_point})"
    return None


def _windows_network_reason(path: Path) -> str | None:
    text = str(path)
    if text.startswith("\\\\"):
        return "de map staat op een netwerkschijf (\\\\server\\share)"
    drive = PureWindowsPath(text).drive
    if sys.platform == "win32" and drive:
        import ctypes  # Windows only: GetDriveTypeW tells a mapped network drive (4)

        if ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == 4:  # type: ignore[attr-defined]
            return f"station {drive} is een netwerkschijf"
    return None


def ensure_safe_data_dir(path: Path) -> None:
    """Create the data dir if needed; raise DataDirError (Dutch) when it is unusable."""
    reason = sync_folder_reason(path) or network_reason(path)
    if reason:
        raise DataDirError(f"De gegevensmap {path} is niet veilig: {reason}. {SYNC_EXPLANATION}")
    if path.exists() and not path.is_dir():
        raise DataDirError(
            f"De gegevensmap {path} is een bestand, geen map. Kies met --data-dir een map."
        )
    try:
        path.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=path) as probe:
            probe.write(b"\0" * 4096)
            probe.flush()
            os.fsync(probe.fileno())
    except OSError as exc:
        raise DataDirError(
            f"Kan niet schrijven in de gegevensmap {path} ({_reason(exc)}). "
            "Kies met --data-dir een map waarin u mag schrijven."
        ) from exc
    free = shutil.disk_usage(path).free
    if free < MIN_FREE_BYTES:
        raise DataDirError(
            f"De schijf van de gegevensmap {path} is (bijna) vol: nog {free // 1_000_000} MB "
            f"vrij, minstens {MIN_FREE_BYTES // 1_000_000} MB nodig voor het register en zijn "
            "back-ups. Maak ruimte vrij (bijvoorbeeld oude back-ups naar een USB-stick) en "
            "start opnieuw; er is niets veranderd."
        )


def _reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):  # the folder, not a file, is what the user can fix
        return "u hebt geen schrijfrechten in deze map"
    return dutch_reason(exc)


# Room for a write transaction, the WAL and a daily backup of a typical register.
MIN_FREE_BYTES = 50_000_000


