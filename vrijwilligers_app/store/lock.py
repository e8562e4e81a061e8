"""One program at a time per data dir: an OS file lock (fcntl on POSIX, msvcrt on Windows)
that the operating system releases when the process ends, even after a crash."""

from pathlib import Path

from filelock import FileLock, Timeout

from vrijwilligers_app.store.errors import RegisterInUseError

LOCK_NAME = "register.lock"


class DataDirLock:
    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / LOCK_NAME
        self._lock = FileLock(str(self.path), timeout=0, thread_local=False, mode=0o600)

    def acquire(self) -> None:
        try:
            self._lock.acquire()
        except Timeout:
            raise RegisterInUseError(
                f"Het register in {self.path.parent} is al geopend door een ander venster of "
                "programma van het Vrijwilligersregister. Sluit dat eerst: er mag maar één "
                "programma tegelijk in hetzelfde register werken."
            ) from None

    def release(self) -> None:
        self._lock.release()

    @property
    def held(self) -> bool:
        return self._lock.is_locked
