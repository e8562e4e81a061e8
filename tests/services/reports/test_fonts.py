"""The report fonts are a subset of DejaVu Sans (installer/subset_fonts.py): they must hold
every character the app itself prints and the scripts of names, with the full font's widths
(so a report lays out and prints the same)."""

import importlib.util
from pathlib import Path

import pytest
from reportlab.pdfbase.ttfonts import TTFont

from vrijwilligers_app.paths import resource

ROOT = Path(__file__).resolve().parents[3]
FONTS = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
NAMES = ("Łukasz Wójcik", "Yıldız Şahin", "Алексей Смирнов", "Nguyễn Thị Đặng", "Şükrü Öztürk",
         "Ђорђе Їжакевич", "Γιώργος Ελένη", "محمد العلي", "שרה", "Հայկ", "ნინო", "ⵜⴰⵎⴰⵣⵉⵖⵜ",
         "Zoë Ørjan Ærø Iñigo Ədalət Dvořák Łęcki", "naʼ ‘t Hout “x” – — … • €5,00 ½ ≤ ± ☐ ✓ →")


def _charset(path: Path) -> dict[int, int]:
    font = TTFont("probe", str(path))
    return {cp: font.face.charWidths.get(cp, 0) for cp in font.face.charToGlyph}


@pytest.fixture(scope="module", params=FONTS)
def shipped_and_full(request: pytest.FixtureRequest) -> tuple[dict[int, int], dict[int, int]]:
    return (_charset(resource("fonts", request.param)),
            _charset(ROOT / "installer" / "fonts" / request.param))


def test_the_shipped_font_is_a_subset_with_the_full_fonts_widths(shipped_and_full):
    shipped, full = shipped_and_full
    assert len(shipped) < len(full)  # what the subset is for: fewer glyphs to read
    assert {cp: full[cp] for cp in shipped} == shipped


def test_every_character_of_the_apps_own_text_and_of_names_is_kept(shipped_and_full):
    shipped, full = shipped_and_full
    texts = [*NAMES]
    for folder, pattern in (("vrijwilligers_app", "*.py"), ("resources/codes", "*.csv")):
        texts += [p.read_text(encoding="utf-8") for p in (ROOT / folder).rglob(pattern)]
    wanted = {ord(ch) for text in texts for ch in text if ord(ch) >= 0x20} - {0x7F}
    missing = sorted(chr(cp) for cp in wanted if cp in full and cp not in shipped)
    assert missing == []


def test_the_shipped_font_holds_exactly_the_ranges_of_the_subsetting_tool(shipped_and_full):
    """The committed files are what installer/subset_fonts.py makes (its ranges, nothing
    more or less), so a change of the ranges without running the tool is caught."""
    spec = importlib.util.spec_from_file_location("subset_fonts",
                                                  ROOT / "installer" / "subset_fonts.py")
    assert spec is not None and spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    shipped, full = shipped_and_full
    wanted = {cp for first, last in tool.RANGES for cp in range(first, last + 1)}
    assert set(shipped) == {cp for cp in full if cp in wanted}
