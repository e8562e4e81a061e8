"""The export's second thread (issue 18): deflate, hashing and encryption beside the rows,
in order, and an error or a cancel on either side leaves nothing behind."""

import errno
import threading

import pytest

from tests.helpers.exchange import export_to
from vrijwilligers_app.services.exchange import package_stream
from vrijwilligers_app.services.exchange.errors import ExchangeError
from vrijwilligers_app.services.exchange.write_behind import WriteBehind


def test_everything_is_written_in_order_on_another_thread():
    written, threads = [], set()

    def write(data: bytes) -> None:
        written.append(data)
        threads.add(threading.current_thread())

    with WriteBehind(write, depth=2) as behind:
        for number in range(50):
            behind.submit(str(number).encode())
    assert written == [str(number).encode() for number in range(50)]
    assert threads and threading.current_thread() not in threads


def test_an_error_of_the_writer_reaches_the_caller_and_stops_the_writing():
    written = []

    def write(data: bytes) -> None:
        if data == b"2":
            raise OSError(errno.ENOSPC, "No space left on device")
        written.append(data)

    with pytest.raises(OSError, match="No space"), WriteBehind(write, depth=1) as behind:
        for number in range(1000):
            behind.submit(str(number).encode())
    assert written == [b"0", b"1"]


def test_an_error_of_the_caller_drops_what_waits_and_ends_the_thread():
    release, written = threading.Event(), []

    def write(data: bytes) -> None:
        release.wait(30)  # the first write is still busy when the caller fails
        written.append(data)

    with pytest.raises(RuntimeError, match="cancelled"), WriteBehind(write, depth=4) as behind:
        threading.Thread(target=lambda: (behind.dropping.wait(30), release.set())).start()
        for number in range(4):
            behind.submit(str(number).encode())
        raise RuntimeError("cancelled")
    assert not behind._thread.is_alive()
    assert written in ([], [b"0"])  # at most the one under way; what waited was dropped


def test_a_full_disk_on_the_writing_thread_leaves_no_file(make_laptop, tmp_path, monkeypatch):
    laptop = make_laptop()
    monkeypatch.setattr(package_stream, "HANDOFF", 100)  # hand off every batch

    def full_disk(write):
        def failing(data: bytes) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")
        return WriteBehind(failing)

    monkeypatch.setattr(package_stream, "WriteBehind", full_disk)
    folder = tmp_path / "usb"
    with pytest.raises(ExchangeError, match="Kan niet schrijven in"):
        export_to(laptop, folder)
    assert list(folder.iterdir()) == []
