"""Writing on a second thread while the export's rows are made on the first.

Deflate (zlib), the CRC, SHA-256 and libsodium's secretstream all release the GIL, so on a
laptop with two cores the compression and encryption of one batch run beside the Python
that formats the next. The queue between them is bounded (DEPTH batches), so memory stays
a few batches whatever the register's size, and the writes happen in the order given.
"""

import queue
import threading
from collections.abc import Callable
from types import TracebackType

DEPTH = 4  # handoffs waiting at most (package_stream.HANDOFF: 2 MiB of CSV each)
Write = Callable[[bytes], object]


class WriteBehind:
    """`submit(data)` hands `data` to `write` on a worker thread, in order. Leaving the
    `with` block waits until everything is written and raises the worker's error if it had
    one; leaving it by an exception (a cancel, an error) drops what was still waiting."""

    def __init__(self, write: Write, depth: int = DEPTH) -> None:
        self._write = write
        self._queue: queue.Queue[bytes | None] = queue.Queue(maxsize=depth)
        self._error: BaseException | None = None
        self.dropping = threading.Event()  # set when the caller left by an exception
        self._thread = threading.Thread(target=self._run, name="export-schrijven", daemon=True)

    def __enter__(self) -> "WriteBehind":
        self._thread.start()
        return self

    def _run(self) -> None:
        while (data := self._queue.get()) is not None:
            if self._error is None and not self.dropping.is_set():
                try:
                    self._write(data)
                except BaseException as exc:  # handed to the caller's thread
                    self._error = exc

    def _raise(self) -> None:
        if self._error is not None:
            raise self._error

    def submit(self, data: bytes) -> None:
        self._raise()
        self._queue.put(data)

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        if kind is not None:
            self.dropping.set()
        self._queue.put(None)
        self._thread.join()
        if kind is None:
            self._raise()
