"""Report fonts from a prepared face: reportlab's own metrics of a TrueType file, stored once.

reportlab's `TTFontFile.extractInfo` walks the name, head, OS/2, post, hhea, maxp, cmap,
hmtx and loca tables in Python every time a process makes a `TTFont`: 6-13 ms (by load) for
each shipped DejaVu face, twice in every `rapport` process; loading the stored result takes
half that. What it computes depends only on the font's bytes and reportlab's version, so
installer/font_metrics.py (run by installer/subset_fonts.py) stores it beside each font as
`<font>.metrics`: `marshal` of plain data (no pickle: loading a data file runs no code; every
value's type is checked), keyed by reportlab's version and the SHA-256 of the font's bytes.

`load_font` builds the `TTFont` as reportlab does, with reportlab's own constructors reading
the file, its header and table directory (what subsetting at save time reads again), and only
`extractInfo` replaced by the stored attributes. A missing, unreadable, foreign or stale
file (other font bytes, another reportlab) falls back to reportlab's normal parse. The result
is the same object state either way (tests/services/reports/test_fonts_prepared.py).
"""

import hashlib
import marshal
from collections.abc import Callable, Iterator
from fnmatch import fnmatch
from itertools import chain
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

import reportlab
from reportlab import rl_config
from reportlab.pdfbase import ttfonts
from reportlab.pdfbase.ttfonts import TTEncoding, TTFNameBytes, TTFont, TTFontFace

MAGIC = "vrijwilligers-app prepared TrueType face"
FORMAT = 1
MARSHAL_VERSION = 4  # shared objects (a code point in three tables) are loaded once
SUFFIX = ".metrics"
PLAIN = "plain"  # ints, floats, bools, str, bytes, None in dicts, lists and tuples
NAME = "name"  # a TTFNameBytes, by its text
SCALE = "scale"  # _pdfScale, by unitsPerEm
_SCALARS = frozenset({int, float, bool, str, bytes, type(None)})
_CONTAINERS = frozenset({dict, list, tuple})


def metrics_path(font_path: Path) -> Path:
    return font_path.with_suffix(SUFFIX)


def key(font_bytes: bytes) -> tuple[str, int, str, str]:
    return MAGIC, FORMAT, reportlab.Version, hashlib.sha256(font_bytes).hexdigest()


def pdf_scale(units_per_em: int) -> Callable[[Any], Any]:
    """reportlab's `_pdfScale` of a face (font units to 1/1000 em), made as extractInfo does."""
    if units_per_em == 1000:
        return lambda x: x
    per_unit = 1000 / units_per_em
    return lambda x: x * per_unit


def _numbers(items: Iterator[Any]) -> bool:
    """Only ints, floats and bools: 0 + anything else marshal makes (None, str, bytes, a
    container, a code object, Ellipsis) raises TypeError, and a complex makes the sum complex.
    A sum runs at C speed, ten times faster than collecting each item's type."""
    try:
        return type(sum(items, 0)) in (int, float)
    except TypeError:
        return False


def _plain_level(items: Callable[[], Iterator[Any]], depth: int) -> bool:
    if _numbers(items()):  # the tables' widths, glyph numbers and code points
        return True
    kinds = set(map(type, items()))
    if kinds <= _SCALARS:
        return True
    if depth == 0 or len(kinds) != 1 or not kinds <= _CONTAINERS:
        return False  # each level one kind of container: what the generator accepts
    if dict in kinds:
        keys = chain.from_iterable(items())
        if not (_numbers(keys) or set(map(type, chain.from_iterable(items()))) <= _SCALARS):
            return False
        return _plain_level(lambda: chain.from_iterable(map(dict.values, items())), depth - 1)
    return _plain_level(lambda: chain.from_iterable(items()), depth - 1)


def is_plain(value: object, depth: int = 3) -> bool:
    """Only ints, floats, bools, str, bytes and None, in dicts (scalar keys), lists and
    tuples, one kind of container a level, at most `depth` deep: what a metrics file may
    hold. Checked a level at a time in C (map, set, chain), so 4,000 entries cost little."""
    return _plain_level(lambda: iter((value,)), depth)


def decode(kind: str, value: object) -> object:
    """An attribute from its stored form; ValueError for anything malformed."""
    if kind == PLAIN and is_plain(value):
        return value
    if kind == NAME and type(value) is str:
        return TTFNameBytes(value.encode("utf-8"), "utf-8")
    if kind == SCALE and type(value) is int and value > 0:
        return pdf_scale(value)
    raise ValueError(kind)


def bare_face(font_path: Path) -> TTFontFace:
    """reportlab's own TTFontFace constructor (TypeFace, file, header, table directory)
    with its `extractInfo` step left out."""
    face = TTFontFace.__new__(TTFontFace)
    face.extractInfo = lambda charInfo=1: None  # type: ignore[method-assign]
    try:
        TTFontFace.__init__(face, str(font_path))
    finally:
        del face.extractInfo
    return face


def _attributes(data: object, font_bytes: bytes) -> list[tuple[str, object]] | None:
    """The face's attributes if `data` is a valid file for exactly these font bytes."""
    if type(data) is not tuple or len(data) != 2 or data[0] != key(font_bytes):
        return None
    if type(data[1]) is not tuple:
        raise ValueError("entries")
    found = []
    for entry in data[1]:
        if type(entry) is not tuple or len(entry) != 3 or type(entry[0]) is not str:
            raise ValueError("entry")
        found.append((entry[0], decode(entry[1], entry[2])))
    return found


def _font(name: str, face: TTFontFace) -> TTFont:
    """TTFont.__init__ with the face given (reportlab 5.1.0's steps; the attribute test
    compares the result with a normal TTFont)."""
    font = TTFont.__new__(TTFont)
    font.fontName = name
    font.face = face
    font.encoding = TTEncoding()
    font.state = WeakKeyDictionary()
    font._asciiReadable = rl_config.ttfAsciiReadable
    font.shapable = not any(fnmatch(name, glob) for glob in ttfonts.unShapedFontGlob)
    return font


def _parsed(name: str, font_path: Path, reason: str) -> TTFont:
    import logging  # only here: the normal path logs nothing

    logging.getLogger(__name__).debug("Rapportlettertype %s: voorbereide maten %s; gelezen "
                                      "zoals reportlab dat doet", font_path.name, reason)
    return TTFont(name, str(font_path))


def load_font(name: str, font_path: Path) -> TTFont:
    """The TTFont reportlab would make of `font_path`, from its metrics file when that file
    was made from these very bytes by this reportlab."""
    try:
        face = bare_face(font_path)
        raw = metrics_path(font_path).read_bytes()
        attributes = _attributes(marshal.loads(raw), face._ttf_data)
    except (OSError, ValueError, EOFError, TypeError) as error:
        return _parsed(name, font_path, f"onleesbaar ({type(error).__name__})")
    if attributes is None:
        return _parsed(name, font_path, "van een ander lettertypebestand of andere reportlab")
    for attribute, value in attributes:  # in extractInfo's order, so vars() is alike too
        setattr(face, attribute, value)
    return _font(name, face)
