"""Make the report fonts in resources/fonts from the full DejaVu Sans in installer/fonts.

reportlab reads every glyph's entry of a TrueType file each time a process registers it; the
full DejaVu Sans (6,253 glyphs: Braille, Canadian syllabics, box drawing, mathematical
alphanumerics, private-use icons) cost the `rapport` command about as much as its layout of a
page. The subset keeps every script a name, address or note in a Dutch register can be
written in that DejaVu covers (Latin with all its extensions and Vietnamese, IPA, Greek,
Cyrillic, Armenian, Hebrew, Arabic with its presentation forms, Georgian, Tifinagh),
punctuation, currency, letterlike and number forms, arrows, mathematical operators, enclosed
numbers, geometric shapes, miscellaneous symbols, dingbats (the reports print ☐ and ✓) and
the emoticons. Glyph outlines, advance widths, hinting and the name table (copyright,
licence) are kept as they are, so a report prints the same pixels.

Run after changing the ranges:  python installer/subset_fonts.py   (needs fontTools:
`pip install fonttools`; a developer's tool, not a run-time dependency)
It then runs installer/font_metrics.py (reportlab only), which writes each font's prepared
face (`<font>.metrics`) beside it. The results are committed, so neither a build nor the
program needs fontTools.
Licence: Bitstream Vera terms (resources/fonts/LICENSE) allow modified copies under names
without "Bitstream" or "Vera"; DejaVu's own changes are public domain.
"""

import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "installer" / "fonts"
TARGET = ROOT / "resources" / "fonts"
FONTS = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
RANGES = (
    (0x0020, 0x007E),  # Basic Latin
    (0x00A0, 0x024F),  # Latin-1 Supplement, Latin Extended-A and -B
    (0x0250, 0x02FF),  # IPA extensions, spacing modifier letters (ʼ in Ukrainian names)
    (0x0300, 0x036F),  # combining diacritical marks (names typed decomposed)
    (0x0370, 0x03FF),  # Greek and Coptic
    (0x0400, 0x052F),  # Cyrillic and Cyrillic Supplement
    (0x0530, 0x058F),  # Armenian
    (0x0590, 0x05FF),  # Hebrew
    (0x0600, 0x06FF),  # Arabic
    (0x10A0, 0x10FF),  # Georgian
    (0x1D00, 0x1DBF),  # phonetic extensions
    (0x1E00, 0x1EFF),  # Latin Extended Additional (Vietnamese: Nguyễn)
    (0x1F00, 0x1FFF),  # Greek Extended
    (0x2000, 0x206F),  # general punctuation (‘ ’ “ ” – — … •)
    (0x2070, 0x209F),  # superscripts and subscripts
    (0x20A0, 0x20CF),  # currency symbols (€)
    (0x2100, 0x218F),  # letterlike symbols, number forms (№, ½)
    (0x2190, 0x21FF),  # arrows (→)
    (0x2200, 0x22FF),  # mathematical operators (≤ ≥ −)
    (0x2460, 0x24FF),  # enclosed alphanumerics
    (0x25A0, 0x25FF),  # geometric shapes
    (0x2600, 0x26FF),  # miscellaneous symbols (☐ ☎ ★)
    (0x2700, 0x27BF),  # dingbats (✓)
    (0x2C60, 0x2C7F),  # Latin Extended-C
    (0x2D30, 0x2D7F),  # Tifinagh
    (0x2DE0, 0x2DFF),  # Cyrillic Extended-A
    (0x2E00, 0x2E7F),  # supplemental punctuation
    (0xA640, 0xA69F),  # Cyrillic Extended-B
    (0xA720, 0xA7FF),  # Latin Extended-D
    (0xFB00, 0xFB4F),  # alphabetic presentation forms (ligatures, Hebrew)
    (0xFB50, 0xFDFF),  # Arabic presentation forms-A
    (0xFE20, 0xFE2F),  # combining half marks
    (0xFE70, 0xFEFF),  # Arabic presentation forms-B (reportlab's Arabic shaping)
    (0xFFF9, 0xFFFD),  # specials (the replacement character)
    (0x1F600, 0x1F64F),  # emoticons
)


def options() -> Any:
    from fontTools import subset  # only here: tests read RANGES without fontTools

    kept = subset.Options()
    kept.name_IDs = ["*"]  # copyright, licence and the names reportlab embeds
    kept.name_languages = ["*"]
    kept.name_legacy = True
    kept.layout_features = ["*"]
    kept.legacy_kern = True
    kept.glyph_names = True
    kept.notdef_outline = True
    kept.hinting = True
    kept.recalc_timestamp = False  # the same input gives the same file
    return kept


def make(source: Path, target: Path) -> None:
    from fontTools import subset

    font = subset.load_font(str(source), options())
    subsetter = subset.Subsetter(options())
    subsetter.populate(unicodes=[cp for first, last in RANGES for cp in range(first, last + 1)])
    subsetter.subset(font)
    subset.save_font(font, str(target), options())


def main() -> int:
    for name in FONTS:
        make(SOURCE / name, TARGET / name)
        print(f"{TARGET / name}: {(TARGET / name).stat().st_size:,} bytes "
              f"(was {(SOURCE / name).stat().st_size:,})")
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import font_metrics  # reportlab's prepared faces of the new files, beside them

    return font_metrics.main(TARGET)


if __name__ == "__main__":
    sys.exit(main())
