"""requirements.lock holds an exact version for every dependency pyproject.toml names, and that
version satisfies pyproject's range: a dependency added without regenerating the lock fails
here with the command that fixes it."""

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
FIX = "regenerate it with: bash installer/update-lock.sh"


def locked_versions() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        match = re.match(r"^([A-Za-z0-9_.\-]+)==([^\s;]+)", line)
        if match:
            pins[canonicalize_name(match.group(1))] = match.group(2)
    return pins


def declared() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = list(project["dependencies"])
    for extra in ("test", "build"):
        names += project["optional-dependencies"][extra]
    return [Requirement(n) for n in names]


def test_every_declared_dependency_is_locked_at_an_allowed_version():
    pins = locked_versions()
    assert len(pins) > 20
    for requirement in declared():
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{requirement.name} is missing from requirements.lock; {FIX}"
        assert requirement.specifier.contains(pins[name], prereleases=True), (
            f"requirements.lock pins {name}=={pins[name]}, outside {requirement}; {FIX}")


def test_every_line_of_the_lock_is_an_exact_pin():
    for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            assert re.match(r"^[A-Za-z0-9_.\-]+==\S+( ; .+)?$", line), line
