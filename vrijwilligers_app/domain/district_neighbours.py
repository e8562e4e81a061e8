"""Which of Helmond's wijken border each other, read from `resources/codes/wijk_buren.csv`.

The file holds one pair a line (`wijkcode;buurwijkcode`, ';'-separated UTF-8) and is read both
ways, so each border is written once. It is approximate (drawn from the map, not an official
CBS table) and only used to give "nearby wijk" points when matching maatjes. Pure Python.
"""

import csv
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

from vrijwilligers_app.domain.codelists import CodeListError

FILE_NAME = "wijk_buren.csv"
COLUMNS = ("wijkcode", "buurwijkcode")
_CODE = re.compile(r"WK[0-9]{6}")

Neighbours = Mapping[str, frozenset[str]]


def neighbours_from_pairs(pairs: Iterable[tuple[str, str]]) -> dict[str, frozenset[str]]:
    """Symmetric adjacency from (a, b) pairs; a wijk is never its own neighbour."""
    found: dict[str, set[str]] = {}
    for a, b in pairs:
        if a == b:
            continue
        found.setdefault(a, set()).add(b)
        found.setdefault(b, set()).add(a)
    return {code: frozenset(others) for code, others in sorted(found.items())}


def parse_neighbours(text: str, source: str = FILE_NAME) -> dict[str, frozenset[str]]:
    """The CSV text -> {wijkcode: neighbouring wijkcodes}. Raises CodeListError (Dutch, with
    file and line) for a missing column, a short line or a code that is not 'WK' + 6 digits."""
    reader = csv.DictReader(text.splitlines(), delimiter=";")
    missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise CodeListError(f"{source}: kolom(men) ontbreken: {', '.join(missing)}")
    pairs: list[tuple[str, str]] = []
    for line_no, row in enumerate(reader, start=2):
        values = [(row.get(c) or "").strip() for c in COLUMNS]
        if None in row or any(row.get(c) is None for c in COLUMNS):
            raise CodeListError(f"{source}, regel {line_no}: verkeerd aantal velden")
        for value in values:
            if not _CODE.fullmatch(value):
                raise CodeListError(f"{source}, regel {line_no}: '{value}' is geen wijkcode "
                                    "(WK gevolgd door zes cijfers)")
        pairs.append((values[0], values[1]))
    return neighbours_from_pairs(pairs)


def read_neighbours(path: Path) -> dict[str, frozenset[str]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise CodeListError(f"{path.name}: kan het bestand niet lezen ({exc})") from exc
    return parse_neighbours(text, path.name)
