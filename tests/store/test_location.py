"""Sync and network folders are recognised, so a live database never lands there."""

import errno
from pathlib import Path, PureWindowsPath

import pytest

from vrijwilligers_app.cli import main
from vrijwilligers_app.paths import DATABASE_NAME
from vrijwilligers_app.store import location
from vrijwilligers_app.store.errors import DataDirError
from vrijwilligers_app.store.location import ensure_safe_data_dir

MOUNTS = """\
/dev/vda / ext4 rw 0 0
server:/export/home /mnt/gemeente nfs4 rw 0 0
//nas/gedeeld /media/nas cifs rw 0 0
/dev/sdb1 /media/usb vfat rw 0 0
"""


@pytest.mark.parametrize("path", [
    "/home/anna/OneDrive - Gemeente Helmond/register",
    "/home/anna/Nextcloud/vrijwilligers",
    "/Users/anna/Dropbox/data",
    "/Users/anna/Library/CloudStorage/GoogleDrive-anna@example.nl/My Drive/x",
    "/home/anna/ownCloud/x",
    "/home/anna/MyDropbox/register",
    "/Users/anna/Dropbox (Werk)/x",
    "C:/Users/anna/Mijn Google Drive/x",
    "/home/anna/Nextcloud2/x",
    "/Users/anna/iCloudDrive/x",
    "C:/Users/anna/OneDrive - Gemeente Helmond/x",
])
def test_sync_folders_are_recognised(path):
    assert location.sync_folder_reason(Path(path), environ={}) is not None


def test_onedrive_root_from_the_environment_is_recognised():
    env = {"OneDriveCommercial": "/home/anna/Werk"}
    assert "OneDrive" in location.sync_folder_reason(Path("/home/anna/Werk/register"), env)
    assert location.sync_folder_reason(Path("/home/anna/Werkmap/register"), env) is None


@pytest.mark.parametrize("path", ["/home/anna/.local/share/VrijwilligersregisterHelmond",
                                  "/home/anna/Documenten/register"])
def test_ordinary_folders_pass(path):
    assert location.sync_folder_reason(Path(path), environ={}) is None
    assert location.network_reason(Path(path), mounts_text=MOUNTS) is None


@pytest.mark.parametrize("path", ["/mnt/gemeente/register", "/media/nas/vrijwilligers"])
def test_network_mounts_are_recognised(path):
    assert "netwerkschijf" in location.network_reason(Path(path), mounts_text=MOUNTS)


def test_usb_stick_is_not_a_network_share():
    assert location.network_reason(Path("/media/usb/register"), mounts_text=MOUNTS) is None


def test_unc_paths_are_network_shares():
    assert location._windows_network_reason(PureWindowsPath(r"\\server\share\register"))


def _refuse_writing(code: int):
    def temporary_file(*args, **kwargs):
        raise OSError(code, "English system text")
    return temporary_file


@pytest.mark.parametrize(("code", "dutch"), [
    (errno.EROFS, "de schijf is alleen-lezen"),
    (errno.ENOSPC, "de schijf is vol"),
    (errno.EACCES, "u hebt geen schrijfrechten in deze map"),
])
def test_an_unwritable_data_dir_is_named_in_dutch(tmp_path, monkeypatch, code, dutch):
    monkeypatch.setattr(location.tempfile, "TemporaryFile", _refuse_writing(code))
    with pytest.raises(DataDirError) as refused:
        ensure_safe_data_dir(tmp_path / "gegevens")
    assert dutch in str(refused.value) and str(tmp_path / "gegevens") in str(refused.value)
    assert "English" not in str(refused.value)


def test_a_nearly_full_disk_is_refused_before_anything_is_written(tmp_path, monkeypatch,
                                                                 capsys):
    real = location.shutil.disk_usage
    monkeypatch.setattr(location.shutil, "disk_usage",
                        lambda p: real(p)._replace(free=3_000_000))
    data_dir = tmp_path / "gegevens"
    assert main(["demo", "--data-dir", str(data_dir)]) == 1
    err = capsys.readouterr().err
    assert "is (bijna) vol: nog 3 MB vrij" in err and str(data_dir) in err
    assert not (data_dir / DATABASE_NAME).exists()
