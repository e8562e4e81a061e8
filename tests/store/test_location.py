"""Sync and network folders are recognised, so a live database never lands there."""

from pathlib import Path, PureWindowsPath

import pytest

from vrijwilligers_app.store import location

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
