"""Finding package files in folders and reporting what became of each, one line per file."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from vrijwilligers_app.services.exchange.package_read import MB, Limits, is_sealed
from vrijwilligers_app.services.files import os_reason

IMPORTED, IGNORED, REFUSED = "ingelezen", "genegeerd", "geweigerd"
QUARANTINED = "in quarantaine"  # from a key no gemeente user accepted yet


@dataclass(frozen=True)
class Outcome:
    file: Path
    status: str  # IMPORTED, IGNORED or REFUSED
    reason: str = ""
    source_id: str = ""
    sequence: int | None = None
    note: str = ""  # e.g. a newly pinned key with its fingerprint

    def as_text(self) -> str:
        head = f"{self.file.name}: {self.status}"
        details = "; ".join(filter(None, [self.reason, self.note]))
        return f"{head} ({details})" if details else head


@dataclass
class Report:
    outcomes: list[Outcome] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def refused(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == REFUSED]

    def as_text(self) -> str:
        lines = [o.as_text() for o in self.outcomes]
        waiting = self.count(QUARANTINED)
        lines.append(f"Samen: {self.count(IMPORTED)} ingelezen, {self.count(IGNORED)} "
                     f"genegeerd, {self.count(REFUSED)} geweigerd"
                     + (f", {waiting} in quarantaine (wachten op goedkeuring)." if waiting
                        else "."))
        return "\n".join(lines)


def looks_like_package(path: Path) -> bool:
    """A zip or a sealed package by its first bytes (never by its name: sync tools rename)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(64)
    except OSError:
        return False
    return head.startswith(b"PK") or is_sealed(head)


def package_files(paths: Iterable[Path]) -> tuple[list[Path], list[Outcome]]:
    """Files named, plus package-looking files inside named folders (not hidden ones, not
    half-written '.deel' files). Named paths that do not exist are reported."""
    found: list[Path] = []
    problems: list[Outcome] = []
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if (child.is_file() and not child.name.startswith(".")
                        and looks_like_package(child)):
                    found.append(child)
        elif path.is_file():
            found.append(path)
        else:
            problems.append(Outcome(path, REFUSED, "bestand of map bestaat niet"))
    return found, problems


def read_capped(path: Path, limits: Limits) -> bytes | Outcome:
    """The file's bytes, or a refusal when it is larger than a package may be."""
    try:
        size = path.stat().st_size
        if size > limits.file_bytes:
            return Outcome(path, REFUSED, f"het bestand is te groot ({size // MB} MB; hooguit "
                                          f"{limits.file_bytes // MB} MB)")
        with open(path, "rb") as handle:  # read(n) allocates n bytes first: ask for size
            content = handle.read(size + 1)
        if len(content) > limits.file_bytes:  # grew while being read
            return Outcome(path, REFUSED, "het bestand is te groot (groeide tijdens het lezen)")
        return content
    except OSError as exc:
        return Outcome(path, REFUSED, f"niet te lezen ({os_reason(exc)})")
