"""Safe writing of files the user chose, and Dutch reasons when it fails."""

import errno
import os

import pytest

from vrijwilligers_app.services.exchange.errors import ExchangeError
from vrijwilligers_app.services.exchange.package_write import write_file
from vrijwilligers_app.services.files import os_reason, write_atomically


@pytest.mark.parametrize(("exc", "words"), [
    (PermissionError(errno.EACCES, "Permission denied"), "niet schrijven"),
    (FileNotFoundError(errno.ENOENT, "No such file or directory"), "bestaat niet"),
    (OSError(errno.ENOSPC, "No space left on device"), "schijf is vol"),
    (OSError(errno.EROFS, "Read-only file system"), "alleen-lezen"),
    (OSError(9999, "Something odd"), "besturingssysteem (9999)"),
])
def test_reasons_are_dutch(exc, words):
    reason = os_reason(exc)
    assert words in reason
    assert not any(english in reason for english in ("denied", "No such", "space", "odd"))


def test_write_replaces_whole_or_not_at_all(tmp_path, monkeypatch):
    target = tmp_path / "bestand.zip"
    write_atomically(target, b"eerste")
    assert target.read_bytes() == b"eerste"

    def full(src, dst):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(OSError):
        write_atomically(target, b"tweede")
    assert target.read_bytes() == b"eerste"
    assert [p.name for p in tmp_path.iterdir()] == ["bestand.zip"]


def test_export_to_a_folder_that_cannot_be_made_says_why_in_dutch(tmp_path):
    blocker = tmp_path / "geen-map"
    blocker.write_text("een bestand, geen map")
    with pytest.raises(ExchangeError) as caught:
        write_file(blocker / "sync", "export.zip", b"inhoud")
    message = str(caught.value)
    assert "Kan niet schrijven in" in message and "Kies een andere map" in message
    assert "directory" not in message and "File exists" not in message
