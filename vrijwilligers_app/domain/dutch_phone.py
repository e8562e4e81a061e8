"""Stored Dutch phone numbers in national format ('06 12345678', '0492 123 456') without
importing phonenumbers: its package import alone costs a new process ~11 ms, and a list prints
hundreds of numbers (issue 18). The grouping is libphonenumber's own, copied by
installer/gen_phone_formats.py into phone_formats_nl, and applied here step for step as
phonenumbers.format_number(number, NATIONAL) does (_format_nsn,
_choose_formatting_pattern_for_number, _format_nsn_using_pattern). tests/domain compare the
two for every Dutch example number, every '+31' string of up to four digits, every start of
'+31' strings of 5-19 digits, and a table with any entry changed."""

import re
from functools import cache

from vrijwilligers_app.domain.phone_formats_nl import NUMBER_FORMATS

# phonenumbers' _FIRST_GROUP_PATTERN: the first group ('\1') of a format, which a national
# prefix formatting rule ('0\1') replaces.
_FIRST_GROUP = r"(\\\d)"


def dutch_nsn(e164: str) -> str | None:
    """The national significant number of a stored Dutch number: '+31612345678' ->
    '612345678'. Only '+31' and 2-17 ASCII digits, the first not 0: for exactly these,
    phonenumbers.parse gives country code 31 and these digits as the national number, with no
    Italian leading zero and no extension (tests/domain/test_phone_formats_nl.py checks). None
    for anything else."""
    rest = e164[3:]
    if (e164.startswith("+31") and rest.isascii() and rest.isdigit()
            and 2 <= len(rest) <= 17 and rest[0] != "0"):
        return rest
    return None


@cache
def _leading_digits() -> tuple["re.Pattern[str] | None", ...]:
    """Each format's leading digits, compiled on first use. Only the last pattern counts: it
    is the most detailed one, and the only one phonenumbers matches."""
    return tuple(re.compile(leading[-1]) if leading else None
                 for _pattern, _fmt, leading, _rule in NUMBER_FORMATS)


@cache
def _format(index: int) -> tuple["re.Pattern[str]", str]:
    """Format `index` as (pattern, replacement), compiled when a number's leading digits first
    point to it (a list of mobile and Helmond numbers needs four of the nine)."""
    pattern, fmt, _leading, prefix_rule = NUMBER_FORMATS[index]
    # NATIONAL: the national prefix formatting rule takes the place of the first group.
    replacement = re.sub(_FIRST_GROUP, prefix_rule, fmt, count=1) if prefix_rule else fmt
    return re.compile(pattern), replacement


def format_national(nsn: str) -> str:
    """'612345678' -> '06 12345678', '492123456' -> '0492 123 456'; digits no format fits are
    returned as they are (as phonenumbers does)."""
    for index, leading in enumerate(_leading_digits()):
        if leading is None or leading.match(nsn):
            pattern, replacement = _format(index)
            if pattern.fullmatch(nsn):
                return pattern.sub(replacement, nsn)
    return nsn


def clear_caches() -> None:
    """Forget the compiled formats (tests that swap the table)."""
    _leading_digits.cache_clear()
    _format.cache_clear()
