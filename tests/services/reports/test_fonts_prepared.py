"""The report fonts from their prepared faces (services/reports/prepared_fonts.py): the same
TTFont reportlab makes by parsing, attribute for attribute and PDF byte for PDF byte; a
missing, broken, foreign or stale metrics file is parsed as before; the committed files
match the installed reportlab and the committed fonts."""

import importlib.util
import logging
import marshal
import shutil
from datetime import date
from pathlib import Path
from types import FunctionType
from typing import Any
from weakref import WeakKeyDictionary

import pytest
import reportlab
from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTEncoding, TTFNameBytes, TTFont, TTFontFile

from vrijwilligers_app.paths import resource
from vrijwilligers_app.services.reports import prepared_fonts, styles
from vrijwilligers_app.services.reports.document import Report, render
from vrijwilligers_app.services.reports.tables import Column, data_table

ROOT = Path(__file__).resolve().parents[3]
FONTS = {styles.FONT: "DejaVuSans.ttf", styles.FONT_BOLD: "DejaVuSans-Bold.ttf"}
NAMES = ("Łukasz Wójcik", "Алексей Смирнов", "محمد العلي", "Nguyễn Thị Đặng", "Yıldız Şahin",
         "Γιώργος Ελένη", "שרה", "Zoë Ørjan Ærø", "☐ ✓ € ½ ≤ → …")
SAMPLES = (0, 1, -1, 7, 1229, 2048, -240.5, 0.1, 10**6)


def _tool() -> Any:
    spec = importlib.util.spec_from_file_location("font_metrics",
                                                  ROOT / "installer" / "font_metrics.py")
    assert spec is not None and spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    return tool


def _prepared(name: str, path: Path, monkeypatch: pytest.MonkeyPatch) -> TTFont:
    """load_font with reportlab's table parsing forbidden: proves the file was used."""
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("extractInfo ran: the metrics file was not used")

    with monkeypatch.context() as patch:
        patch.setattr(TTFontFile, "extractInfo", refuse)
        return prepared_fonts.load_font(name, path)


def _differences(prepared: object, parsed: object, where: str) -> list[str]:
    """Every attribute, of the same type all the way down; functions by behaviour."""
    if type(prepared) is not type(parsed):
        return [f"{where}: {type(prepared).__name__} != {type(parsed).__name__}"]
    if isinstance(parsed, FunctionType):
        same = [prepared(x) for x in SAMPLES] == [parsed(x) for x in SAMPLES]  # type: ignore[operator]
        return [] if same else [f"{where}: another scale"]
    if isinstance(parsed, TTFNameBytes):
        ok = bytes(prepared) == bytes(parsed) and prepared.ustr == parsed.ustr  # type: ignore[attr-defined]
        return [] if ok else [f"{where}: {prepared!r} != {parsed!r}"]
    if isinstance(parsed, WeakKeyDictionary):
        return [] if dict(prepared) == dict(parsed) == {} else [f"{where}: state"]  # type: ignore[call-overload]
    if isinstance(parsed, dict):  # keys, values and their order
        return _differences(list(prepared.items()), list(parsed.items()), where)  # type: ignore[attr-defined]
    if isinstance(parsed, (list, tuple)):
        if len(prepared) != len(parsed):  # type: ignore[arg-type]
            return [f"{where}: {len(prepared)} != {len(parsed)} entries"]  # type: ignore[arg-type]
        found: list[str] = []
        for index, (x, y) in enumerate(zip(prepared, parsed, strict=True)):  # type: ignore[call-overload]
            found += _differences(x, y, f"{where}[{index}]")
            if len(found) > 5:
                break
        return found
    if hasattr(parsed, "__dict__") and not isinstance(parsed, type):
        mine, theirs = vars(prepared), vars(parsed)
        if list(mine) != list(theirs):
            return [f"{where}: attributes {list(mine)} != {list(theirs)}"]
        return [d for a in theirs for d in _differences(mine[a], theirs[a], f"{where}.{a}")]
    if isinstance(parsed, float):  # -0.0 is not 0.0
        return [] if repr(prepared) == repr(parsed) else [f"{where}: {prepared!r} != {parsed!r}"]
    return [] if prepared == parsed else [f"{where}: {prepared!r} != {parsed!r}"]


@pytest.mark.parametrize("name", FONTS)
def test_a_prepared_font_is_the_parsed_font_attribute_for_attribute(name, monkeypatch):
    path = resource("fonts", FONTS[name])
    prepared, parsed = _prepared(name, path, monkeypatch), TTFont(name, str(path))
    assert type(prepared.face) is type(parsed.face) and type(prepared.encoding) is TTEncoding
    assert _differences(prepared, parsed, name) == []
    # the comparison itself sees a wrong width, a wrong name and a wrong scale
    prepared.face.charWidths[ord("Ł")] += 1
    prepared.face.styleName = TTFNameBytes(b"Oblique")
    prepared.face._pdfScale = prepared_fonts.pdf_scale(1000)
    assert {d.split(":")[0].split("[")[0] for d in _differences(prepared, parsed, name)} == {
        f"{name}.face.charWidths", f"{name}.face.styleName", f"{name}.face._pdfScale"}


def _pdf(fonts: dict[str, TTFont], monkeypatch: pytest.MonkeyPatch) -> bytes:
    """A report of non-Latin names in both weights, with these fonts registered."""
    styles.register_fonts()
    monkeypatch.setattr(rl_config, "invariant", 1)  # no date or random id in the file
    with monkeypatch.context() as patch:
        for name, font in fonts.items():
            patch.setitem(pdfmetrics._fonts, name, font)
        report = Report("Namen", "Taalcafé Şehir", "Periode: 2026", date(2026, 11, 23))
        report.heading("Deelnemers ☐ ✓")
        report.add(data_table((Column("Naam", 0.6), Column("Aantal", 0.4, right=True)),
                              [(n, str(i)) for i, n in enumerate(NAMES * 3)]))
        report.text(" · ".join(NAMES))
        return render(report)


def test_a_report_prints_the_same_bytes_with_prepared_and_parsed_fonts(monkeypatch):
    parsed = {name: TTFont(name, str(resource("fonts", file))) for name, file in FONTS.items()}
    prepared = {name: _prepared(name, resource("fonts", file), monkeypatch)
                for name, file in FONTS.items()}
    expected = _pdf(parsed, monkeypatch)
    assert _pdf(prepared, monkeypatch) == expected
    assert b"DejaVuSans" in expected and b"DejaVuSans-Bold" in expected
    # the comparison would notice a wrong width (of a letter the report prints)
    prepared[styles.FONT].face.charWidths[ord("Ł")] += 1
    assert _pdf(prepared, monkeypatch) != expected


def test_equal_numbers_and_tuples_are_written_once_but_never_merged_across_types():
    tool = _tool()
    value = [(1, 2.5), (1, 2.5), 0.0, -0.0, 1, True, 1.0, [3, 3], {3: 3}]
    memo: dict[Any, Any] = {}
    made = tool.shared(value, memo)
    assert tool.same(made, value) and not tool.same([0.0], [-0.0])
    assert made[0] is made[1] and made[7][0] is made[7][1] is made[8][3]
    assert [repr(x) for x in made[2:7]] == ["0.0", "-0.0", "1", "True", "1.0"]
    assert marshal.loads(marshal.dumps(made, prepared_fonts.MARSHAL_VERSION)) == value


def test_the_committed_metrics_files_match_this_reportlab_and_the_committed_fonts():
    stale = _tool().stale()
    assert stale == [], (
        f"{[p.name for p in stale]} do not match reportlab {reportlab.Version} and the fonts "
        "in resources/fonts: run `python installer/font_metrics.py` and commit the result")


def test_the_file_check_fails_after_a_reportlab_upgrade_or_a_changed_font(tmp_path,
                                                                           monkeypatch):
    tool = _tool()
    for name in tool.FONTS:
        shutil.copyfile(resource("fonts", name), tmp_path / name)
        shutil.copyfile(prepared_fonts.metrics_path(resource("fonts", name)),
                        prepared_fonts.metrics_path(tmp_path / name))
    assert tool.stale(tmp_path) == []
    with monkeypatch.context() as patch:
        patch.setattr(reportlab, "Version", "5.2.0")
        assert [p.name for p in tool.stale(tmp_path)] == ["DejaVuSans.metrics",
                                                           "DejaVuSans-Bold.metrics"]
    bold = tmp_path / "DejaVuSans-Bold.ttf"
    bold.write_bytes(bold.read_bytes() + bytes(4))
    assert [p.name for p in tool.stale(tmp_path)] == ["DejaVuSans-Bold.metrics"]
    assert tool.main(tmp_path) == 0 and tool.stale(tmp_path) == []


def _copy(tmp_path: Path, metrics: bytes | None) -> Path:
    font = tmp_path / "DejaVuSans.ttf"
    shutil.copyfile(resource("fonts", "DejaVuSans.ttf"), font)
    if metrics is not None:
        prepared_fonts.metrics_path(font).write_bytes(metrics)
    return font


def _good_entries() -> tuple[Any, ...]:
    return marshal.loads(resource("fonts", "DejaVuSans.metrics").read_bytes())[1]  # type: ignore[no-any-return]


def _with(entries: tuple[Any, ...]) -> bytes:
    """A metrics file with the right key for DejaVuSans.ttf and these entries."""
    key = prepared_fonts.key(resource("fonts", "DejaVuSans.ttf").read_bytes())
    return marshal.dumps((key, entries))


def _replaced(attribute: str, kind: str, value: object) -> tuple[Any, ...]:
    return tuple((a, kind, value) if a == attribute else (a, k, v)
                 for a, k, v in _good_entries())


def _count_parses(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    original = TTFontFile.extractInfo

    def counted(self: TTFontFile, charInfo: int = 1) -> None:  # noqa: N803 - reportlab's
        calls.append(1)
        original(self, charInfo)

    monkeypatch.setattr(TTFontFile, "extractInfo", counted)
    return calls


BROKEN = {
    "missing": None,
    "empty": b"",
    "garbage": b"\x00\xff not marshal at all",
    "truncated": resource("fonts", "DejaVuSans.metrics").read_bytes()[:5000],
    "another font's": resource("fonts", "DejaVuSans-Bold.metrics").read_bytes(),
    "a list": marshal.dumps([1, 2, 3]),
    "a code object": _with(_replaced("charWidths", "plain", compile("1", "x", "eval"))),
    "a set": _with(_replaced("glyphPos", "plain", {1, 2})),
    "a tuple for a dict key": _with(_replaced("charToGlyph", "plain", {(1, 2): 3})),
    "a complex number": _with(_replaced("ascent", "plain", 1j)),
    "an unknown kind": _with(_replaced("ascent", "pickle", b"cos\nsystem\n")),
    "a name that is no text": _with(_replaced("name", "name", b"DejaVuSans")),
    "a scale of zero": _with(_replaced("_pdfScale", "scale", 0)),
    "a short entry": _with((("ascent", "plain"),)),
}


@pytest.mark.parametrize("case", BROKEN)
def test_a_missing_broken_or_foreign_metrics_file_means_reportlabs_own_parse(
        case, tmp_path, monkeypatch, caplog):
    font = _copy(tmp_path, BROKEN[case])
    parses = _count_parses(monkeypatch)
    with caplog.at_level(logging.DEBUG, logger=prepared_fonts.__name__):
        loaded = prepared_fonts.load_font("probe", font)
    assert parses == [1]
    assert _differences(loaded, TTFont("probe", str(font)), "probe") == []
    assert [r.levelno for r in caplog.records] == [logging.DEBUG]
    assert caplog.records[0].getMessage().startswith("Rapportlettertype DejaVuSans.ttf: "
                                                     "voorbereide maten ")


def test_metrics_of_other_font_bytes_or_of_another_reportlab_are_not_used(tmp_path,
                                                                            monkeypatch):
    font = _copy(tmp_path, resource("fonts", "DejaVuSans.metrics").read_bytes())
    parses = _count_parses(monkeypatch)
    prepared_fonts.load_font("probe", font)
    assert parses == []  # the copy with its own metrics file: loaded
    font.write_bytes(font.read_bytes() + b"\0\0\0\0")  # what reportlab reads: the same
    prepared_fonts.load_font("probe", font)
    assert parses == [1]
    font.write_bytes(font.read_bytes()[:-4])
    monkeypatch.setattr(reportlab, "Version", "99.0.0")
    prepared_fonts.load_font("probe", font)
    assert parses == [1, 1]


@pytest.mark.parametrize("value", [0, 1.5, "x", b"x", None, True, [1, 2.0], ((1, 2), (3, 4)),
                                   {1: [2, 3]}, {1: 2.0}, [(1, 2), (3, 4.5)], [1, "x", None],
                                   [2**70, 1, True], {"a": b"b"}])
def test_plain_data_is_accepted(value):
    assert prepared_fonts.is_plain(value)


@pytest.mark.parametrize("value", [1j, {1}, frozenset(), compile("1", "x", "eval"), ...,
                                   [1, [2]], {(1, 2): 3}, [[[[[1]]]]], {1: [2, {3: 4}]},
                                   [1, (2,)], (1, (2, 3)), StopIteration, [1, 2.5, 1j],
                                   {1j: 2}, [(1, 1j)], {1: [2, 1j]}, [1.5, {2}]])
def test_anything_else_is_refused(value):
    assert not prepared_fonts.is_plain(value)
