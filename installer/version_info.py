"""The Windows version resource of the .exe (Eigenschappen → Details), made from
vrijwilligers_app.__version__ so there is one version number. Used by the PyInstaller spec;
`python installer/version_info.py FILE` writes the file by hand."""

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from vrijwilligers_app import APP_NAME, __version__  # noqa: E402

COMPANY = "Sociale basis Helmond"
EXE_NAME = "VrijwilligersregisterHelmond.exe"


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """'1.2.3' → (1, 2, 3, 0); '1.2.3rc1' → (1, 2, 3, 0)."""
    numbers = [int(m.group()) for p in version.split(".")[:4] if (m := re.match(r"\d+", p))]
    padded = (numbers + [0, 0, 0, 0])[:4]
    return padded[0], padded[1], padded[2], padded[3]


def version_info_text(version: str = __version__) -> str:
    numbers = version_tuple(version)
    return f"""# Generated from vrijwilligers_app.__version__ by installer/version_info.py
VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0,
                    OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('041304B0', [
      StringStruct('CompanyName', '{COMPANY}'),
      StringStruct('FileDescription', '{APP_NAME}'),
      StringStruct('FileVersion', '{version}'),
      StringStruct('InternalName', 'vrijwilligers-app'),
      StringStruct('LegalCopyright', 'EUPL-1.2'),
      StringStruct('OriginalFilename', '{EXE_NAME}'),
      StringStruct('ProductName', '{APP_NAME}'),
      StringStruct('ProductVersion', '{version}')])]),
    VarFileInfo([VarStruct('Translation', [0x0413, 1200])])
  ]
)
"""


def write_version_file(target: Path, version: str = __version__) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(version_info_text(version), encoding="utf-8")
    return target


if __name__ == "__main__":
    print(write_version_file(Path(sys.argv[1])))
