"""Write the prepared faces of the report fonts: resources/fonts/<font>.metrics.

A `rapport` process would otherwise have reportlab parse each DejaVu file's tables in
Python (6-13 ms a face, by load); vrijwilligers_app/services/reports/prepared_fonts.py loads
these files instead when they match the font's bytes and the installed reportlab, and
parses otherwise. Each file holds exactly the attributes reportlab's `extractInfo` gives the
face, as plain data in `marshal`; a file that already holds the same data is left as it is.

Run after installer/subset_fonts.py changed a font (it runs this itself) and after upgrading
reportlab in requirements.lock:   python installer/font_metrics.py
Needs only reportlab (not fontTools); tests/services/reports/test_fonts_prepared.py fails
while a committed file is stale.
"""

import marshal
import sys
from pathlib import Path
from typing import Any

from reportlab.pdfbase.ttfonts import TTFNameBytes, TTFontFace

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from vrijwilligers_app.services.reports import prepared_fonts as pf  # noqa: E402

TARGET = ROOT / "resources" / "fonts"
FONTS = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
SCALE_PROBES = (0, 1, -1, 7, 1229, 2048, -240.5, 0.1)


def _restricted(face: TTFontFace) -> bool:
    """extractInfo's result would depend on rl_config.allowTTFSubsetting (fsType) or on
    rl_config.autoGenerateTTFMissingTTFName (no name): such a font is not prepared."""
    if "OS/2" not in face.table:
        return False
    fs_type = face.get_ushort(face.table["OS/2"]["offset"] + 8)
    return fs_type == 0x0002 or bool(fs_type & 0x0300)


def same(a: Any, b: Any) -> bool:
    """Equal and of the very same types, all the way down (dicts in the same order)."""
    if type(a) is not type(b):
        return False
    if type(a) is dict:
        return same(list(a.items()), list(b.items()))
    if type(a) in (list, tuple):
        return len(a) == len(b) and all(map(same, a, b))
    if type(a) is float:
        return repr(a) == repr(b)  # -0.0 is not 0.0; nan is nan
    return bool(a == b)


def shared(value: Any, memo: dict[Any, Any]) -> Any:
    """`value` with equal numbers, strings and tuples made one object each, so marshal
    writes each once and a process makes a few hundred widths instead of 4,000 (their
    identity is nothing reportlab looks at: they cannot change). Keyed so that -0.0 and 0.0
    or 1 and True stay apart."""
    kind = type(value)
    if kind is dict:
        return {shared(k, memo): shared(v, memo) for k, v in value.items()}
    if kind is list:
        return [shared(item, memo) for item in value]
    if kind is tuple:
        items = tuple(shared(item, memo) for item in value)
        if any(type(item) in (dict, list) for item in items):
            return items
        return memo.setdefault((tuple, tuple(map(id, items))), items)
    return memo.setdefault((kind, value.hex() if kind is float else value), value)


def _entry(attribute: str, value: Any, face: TTFontFace) -> tuple[str, str, Any]:
    """How to store one attribute: the first form that gives back exactly `value`."""
    if attribute == "_pdfScale":
        units = face.unitsPerEm
        if [pf.pdf_scale(units)(x) for x in SCALE_PROBES] != [value(x) for x in SCALE_PROBES]:
            raise ValueError("_pdfScale is not what extractInfo makes of unitsPerEm")
        return attribute, pf.SCALE, units
    if type(value) is TTFNameBytes:
        kind, payload = pf.NAME, value.ustr
        remade: Any = pf.decode(kind, payload)
        if bytes(remade) != bytes(value) or remade.ustr != value.ustr:
            raise ValueError(f"{attribute}: name cannot be rebuilt from its text")
        return attribute, kind, payload
    if pf.is_plain(value) and same(pf.decode(pf.PLAIN, value), value):
        return attribute, pf.PLAIN, value
    raise ValueError(f"{attribute}: {type(value).__name__} cannot be stored")


def prepare(font_path: Path) -> bytes:
    """The metrics file's bytes: every attribute extractInfo sets or changes, in its order."""
    parsed = TTFontFace(str(font_path))
    bare = vars(pf.bare_face(font_path))
    if _restricted(parsed) or type(parsed.name) is not TTFNameBytes:
        raise ValueError(f"{font_path.name}: reportlab's metrics depend on rl_config")
    entries = tuple(_entry(attribute, value, parsed) for attribute, value in vars(parsed).items()
                    if attribute not in bare or type(bare[attribute]) is not type(value)
                    or bare[attribute] != value)
    memo: dict[Any, Any] = {}  # alive while dumping: every shared object is written once
    raw = marshal.dumps((pf.key(parsed._ttf_data), shared(entries, memo)), pf.MARSHAL_VERSION)
    for attribute, kind, payload in marshal.loads(raw)[1]:  # as the app will read it
        if kind == pf.PLAIN and not same(pf.decode(kind, payload), vars(parsed)[attribute]):
            raise ValueError(f"{attribute} does not load back as reportlab parsed it")
    return raw


def current(target: Path, font_path: Path) -> bool:
    """The metrics file holds what this reportlab makes of this font (compared as loaded
    data: marshal's bytes may differ where the same data shares objects differently)."""
    if not target.is_file():
        return False
    try:
        stored = marshal.loads(target.read_bytes())
    except (ValueError, EOFError, TypeError):
        return False
    return same(stored, marshal.loads(prepare(font_path)))


def stale(folder: Path = TARGET) -> list[Path]:
    """The metrics files that are missing or differ from what this reportlab makes."""
    return [pf.metrics_path(folder / name) for name in FONTS
            if not current(pf.metrics_path(folder / name), folder / name)]


def main(folder: Path = TARGET) -> int:
    for target in stale(folder):
        target.write_bytes(prepare(target.with_suffix(".ttf")))
        print(f"{target}: {target.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
