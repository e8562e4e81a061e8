"""Dutch numbers shown without phonenumbers (domain/dutch_phone) exactly as phonenumbers shows
them, by libphonenumber's own table (domain/phone_formats_nl, generated)."""

import itertools
import random
import subprocess
import sys
from pathlib import Path

import phonenumbers
import pytest
from phonenumbers import PhoneNumberFormat, PhoneNumberType

from vrijwilligers_app.domain import dutch_phone, phone_formats_nl
from vrijwilligers_app.domain.validation import format_phone

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "installer"))
import gen_phone_formats  # noqa: E402

REGENERATE = ("the installed phonenumbers groups Dutch numbers differently from "
              "vrijwilligers_app/domain/phone_formats_nl.py: run "
              "`python installer/gen_phone_formats.py` and commit the result")


def test_the_table_is_the_installed_phonenumbers_dutch_metadata():
    assert gen_phone_formats.nl_national_formats() == phone_formats_nl.NUMBER_FORMATS, REGENERATE


def test_the_table_module_is_as_the_generator_writes_it():
    """Not edited by hand (the phonenumbers version in its first line may be older)."""
    written = phone_formats_nl.__file__
    text = Path(written).read_text(encoding="utf-8").split("\n", 1)[1]
    assert text == gen_phone_formats.render().split("\n", 1)[1], REGENERATE


def _as_it_was(value: str) -> str:
    """format_phone before domain/dutch_phone (57545d2): everything through phonenumbers."""
    try:
        number = phonenumbers.parse(value, None if value.startswith("+") else "NL")
    except phonenumbers.NumberParseException:
        return value
    style = (PhoneNumberFormat.NATIONAL if number.country_code == 31
             else PhoneNumberFormat.INTERNATIONAL)
    return phonenumbers.format_number(number, style)


def _examples() -> list[str]:
    """Every Dutch example number phonenumbers has: one per number type (fixed line, mobile,
    toll free, premium rate, VoIP, pager, UAN) and the invalid one. (Short numbers such as 112
    are in CORPUS below.)"""
    numbers = [phonenumbers.example_number_for_type("NL", kind)
               for kind in PhoneNumberType.values()]
    numbers += [phonenumbers.invalid_example_number("NL")]
    found = [phonenumbers.format_number(n, PhoneNumberFormat.E164) for n in numbers if n]
    assert len(found) >= 9
    return found


# Every '+31' string of up to four digits, and for every length 5-19 every three-digit start
# with random digits after it (seeded: the same corpus every run).
_RANDOM = random.Random(31)
CORPUS = (["+31" + "".join(d) for length in range(5)
           for d in itertools.product("0123456789", repeat=length)]
          + ["+31" + f"{start:03d}" + "".join(_RANDOM.choices("0123456789", k=length - 3))
             for length in range(5, 20) for start in range(1000)])


@pytest.fixture(scope="module")
def expected():
    return {value: _as_it_was(value) for value in CORPUS + _examples()}


def test_every_dutch_example_number_is_shown_as_phonenumbers_shows_it():
    for e164 in _examples():
        number = phonenumbers.parse(e164, None)
        assert dutch_phone.dutch_nsn(e164) is not None, e164
        assert format_phone(e164) == phonenumbers.format_number(
            number, PhoneNumberFormat.NATIONAL), e164


def test_every_plus31_string_up_to_19_digits_is_shown_as_before(expected):
    shown = {value: format_phone(value) for value in CORPUS}
    assert {v: s for v, s in shown.items() if s != expected[v]} == {}
    fast = [value for value in CORPUS if dutch_phone.dutch_nsn(value) is not None]
    assert len(fast) > 14_000  # most of them take the path without phonenumbers


def test_the_fast_path_takes_only_what_parse_reads_as_exactly_those_digits():
    for value in CORPUS:
        nsn = dutch_phone.dutch_nsn(value)
        if nsn is None:
            continue
        number = phonenumbers.parse(value, None)
        assert (number.country_code, number.national_number) == (31, int(nsn)), value
        assert not number.italian_leading_zero and number.extension is None, value
        assert phonenumbers.national_significant_number(number) == nsn, value


@pytest.mark.parametrize("value", [
    "+32470123456", "+4915123456789", "+390612345678", "+393123456789", "+12025550123",
    "+44 20 7946 0958", "+599 9 4612345", "+800 12345678", "+310612345678", "+3100612345678",
    "+31", "+316", "+31 6 12345678", "+31-6-12345678", "+31 (0)6 12345678",
    "+31\uff1612345678", "+31\u0666" + "12345678", "+31612345678;ext=12",
    "+31612345678 x12", "+3161234567a", " +31612345678", "+31612345678\n", "0612345678",
    "0031612345678", "0492-123456", "onbekend", "+", "++31612345678", "+31" + "1" * 18,
    "+31" + "6" * 17, "+31" + "9" * 16, "+31 800 2000", "+3114020",
])
def test_foreign_and_odd_values_are_shown_as_before(value):
    assert format_phone(value) == _as_it_was(value)


MUTATIONS = {
    "format": lambda row: (row[0], row[1] + "#", row[2], row[3]),
    "national prefix": lambda row: (row[0], row[1], row[2], "\\1" if row[3] else "0\\1"),
}


@pytest.mark.parametrize("mutation", sorted(MUTATIONS))
@pytest.mark.parametrize("index", range(len(phone_formats_nl.NUMBER_FORMATS)))
def test_a_wrong_table_entry_is_caught(monkeypatch, expected, index, mutation):
    """Every entry of the table is used by some number above: a table that is wrong in any
    entry fails the comparison."""
    table = list(phone_formats_nl.NUMBER_FORMATS)
    table[index] = MUTATIONS[mutation](table[index])
    monkeypatch.setattr(dutch_phone, "NUMBER_FORMATS", tuple(table))
    dutch_phone.clear_caches()
    try:
        wrong = [v for v in expected if format_phone(v) != expected[v]]
    finally:
        dutch_phone.clear_caches()
    assert wrong


SHOW = """
import sys
from vrijwilligers_app.domain.validation import format_phone
shown = [format_phone(v) for v in ("+31612345678", "+31492123456", "+318002000", "")]
print(shown, "phonenumbers" in sys.modules)
print(format_phone("+32470123456"), "phonenumbers" in sys.modules)
"""


def test_showing_dutch_numbers_does_not_import_phonenumbers():
    result = subprocess.run([sys.executable, "-c", SHOW], capture_output=True, text=True,
                            timeout=120, check=True)
    assert result.stdout.splitlines() == [
        "['06 12345678', '0492 123 456', '0800 2000', ''] False", "+32 470 12 34 56 True"]
