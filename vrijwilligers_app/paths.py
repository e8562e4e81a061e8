"""Where things live: the data dir (platformdirs, --data-dir, VRIJWILLIGERS_DATA_DIR) and
the shipped resources (repo checkout, installed data files or a PyInstaller bundle)."""

import os
import sys
from pathlib import Path

APP_DIR_NAME = "VrijwilligersregisterHelmond"
DATA_DIR_ENV = "VRIJWILLIGERS_DATA_DIR"
DATABASE_NAME = "register.sqlite"
PASSPHRASE_ENV = "VRIJWILLIGERS_WACHTWOORD"  # scripts and tests give the passphrase here


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_DIR_NAME, appauthor=False, roaming=False))


def resolve_data_dir(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """--data-dir wins over the environment, which wins over the platform default."""
    if cli_value:
        return Path(cli_value).expanduser().absolute()
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser().absolute()
    return default_data_dir()


def _resource_roots() -> list[Path]:
    package_dir = Path(__file__).resolve().parent
    roots = []
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        roots.append(Path(frozen_root) / "resources")
    roots.append(package_dir.parent / "resources")  # source checkout / editable install
    roots.append(Path(sys.prefix) / "share" / "vrijwilligers-app" / "resources")  # wheel
    return list(dict.fromkeys(roots))


class MissingResourceError(FileNotFoundError):
    """A file of the installation itself is missing: the installation is damaged (the
    frozen entry point says so in Dutch), not the user's data or disk."""


def resource(*parts: str) -> Path:
    """Path of a shipped resource file; raises FileNotFoundError naming where it looked."""
    roots = _resource_roots()
    for root in roots:
        candidate = root.joinpath(*parts)
        if candidate.exists():
            return candidate
    looked = ", ".join(str(r.joinpath(*parts)) for r in roots)
    raise MissingResourceError(
        f"Bronbestand niet gevonden: {'/'.join(parts)} (gezocht in {looked})")
