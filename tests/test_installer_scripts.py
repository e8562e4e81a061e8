"""What of the installers can be checked on Linux: the NSIS script compiles with the real
makensis (Debian's nsis) against a dummy payload, warnings as errors; the .exe version resource
is made from __version__; the .desktop entry is complete."""

import configparser
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from vrijwilligers_app import APP_NAME, __version__

ROOT = Path(__file__).resolve().parent.parent
NSI = ROOT / "installer" / "windows" / "vrijwilligers.nsi"
sys.path.insert(0, str(ROOT / "installer"))

from version_info import version_info_text, version_tuple  # noqa: E402


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("makensis") is None, reason="nsis is not installed (.ci/run does)")
def test_nsis_script_compiles_against_a_dummy_payload(tmp_path):
    payload = tmp_path / "bundel met spatie"
    (payload / "_internal").mkdir(parents=True)
    for name in ("VrijwilligersregisterHelmond.exe", "vrijwilligers-app.exe"):
        (payload / name).write_bytes(b"MZ dummy")
    (payload / "_internal" / "data.txt").write_text("x")
    out = tmp_path / f"VrijwilligersregisterHelmond-{__version__}.exe"
    result = subprocess.run(
        ["makensis", "-WX", "-V2", f"-DVERSION={__version__}", f"-DPAYLOAD={payload}",
         f"-DOUTFILE={out}", NSI.name], cwd=NSI.parent, capture_output=True, text=True,
        timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert out.read_bytes()[:2] == b"MZ"


def test_nsis_script_installs_per_user_and_keeps_the_data():
    text = NSI.read_text(encoding="utf-8")
    assert "RequestExecutionLevel user" in text
    assert 'InstallDir "$LOCALAPPDATA\\Programs\\' in text
    assert "HKLM" not in text  # nothing that needs administrator rights
    uninstall = text[text.index('Section "Uninstall"'):]
    assert "$LOCALAPPDATA\\${APPKEY}" in uninstall  # says where the data is
    assert "RMDir /r \"$INSTDIR\"" not in uninstall  # only the program's own files go
    assert "$SMPROGRAMS" in text


def test_version_resource_comes_from_the_package_version():
    assert version_tuple("1.2.3rc1") == (1, 2, 3, 0)
    assert version_tuple("0.1") == (0, 1, 0, 0)
    text = version_info_text()

    def record(name):
        return lambda *args, **kwargs: (name, args, kwargs)

    names = ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct",
             "VarFileInfo", "VarStruct")
    info = eval(text, {n: record(n) for n in names})  # noqa: S307 - our own generated text
    assert info[0] == "VSVersionInfo"
    assert info[2]["ffi"][2]["filevers"] == version_tuple(__version__)
    assert f"StringStruct('ProductVersion', '{__version__}')" in text
    assert f"'{APP_NAME}'" in text


def test_desktop_entry_is_complete():
    entry = configparser.ConfigParser(interpolation=None)
    entry.read(ROOT / "installer" / "vrijwilligers-app.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application" and section["Name"] == APP_NAME
    assert section["Icon"] == "vrijwilligers-app" and section["Exec"]
    assert (ROOT / "resources" / "icons" / "vrijwilligers-app-256.png").is_file()


def test_bundle_filter_keeps_what_the_app_needs_and_drops_the_rest():
    from bundle_filter import wanted

    kept = ["PySide6/Qt/translations/qtbase_nl.qm", "PySide6/Qt/translations/qt_nl.qm",
            "PySide6/Qt/plugins/platforms/libqxcb.so",
            "PySide6/Qt/plugins/platforms/libqoffscreen.so",
            "PySide6\\Qt\\plugins\\platforms\\qwindows.dll", "PySide6/Qt/lib/libQt6Pdf.so.6",
            "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", "libQt6Widgets.so.6",
            "resources/help/beginnen.md", "resources/fonts/DejaVuSans.metrics",
            "resources\\fonts\\DejaVuSans-Bold.metrics",
            "vrijwilligers_app/store/migrations/env.py"]
    dropped = ["PySide6/Qt/translations/qtbase_de.qm", "PySide6/Qt/translations/qt_help_nl.qm",
               "PySide6/Qt/plugins/platforms/libqeglfs.so",
               "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
               "PySide6/Qt/plugins/platformthemes/libqgtk3.so", "libQt6Quick.so.6",
               "PySide6\\Qt6Qml.dll", "libgtk-3.so.0"]
    assert [p for p in kept if not wanted(p)] == []
    assert [p for p in dropped if wanted(p)] == []
