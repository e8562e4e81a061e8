"""Stored Dutch phone numbers in national format ('06 12345678', '0492 123 456') without
importing phonenumbers: its package import alone costs a new process ~11 ms, and a list prints
hundreds of numbers (issue 18). The grouping is libphonenumber's own, copied by
installer/gen_phone_formats.py into phone_formats_nl, and applied here step for step as
phonenumbers.format_number(number, NATIONAL) does (_format_nsn,
_choose_formatting_pattern_for_number, _format_nsn_using_pattern). tests/domain compare the
two for every Dutch example number and every '+31' string of up to 19 digits."""

import re
from functools import cache

from vrijwilligers_app.domain.phone_formats_nl import NUMBER_FORMATS

# phonenumbers' _FIRST_GROUP_PATTERN: the first group ('\1') of a format, which a national
# prefix formatting rule ('0\1') replaces.
_FIRST_GROUP = re.compile(r"(\\\d)")

Rule = tuple["re.Pattern[str] | None", "re.Pattern[str]", str]


def dutch_nsn(e164: str) -> str | None:
    """The national significant number of a stored Dutch number: '+31612345678' ->
    '612345678'. Only '+31' and 2-17 ASCII digits, the first not 0: for exactly these,
    phonenumbers.parse gives country code 31 and these digits as the national number, with no
    Italian leading zero and no extension (tests/domain/test_validation.py checks). None for
    anything else."""
    rest = e164[3:]
    if (e164.startswith("+31") and rest.isascii() and rest.isdigit()
            and 2 <= len(rest) <= 17 and rest[0] != "0"):
        return rest
    return None


@cache
def _rules() -> tuple[Rule, ...]:
    """Each format as (leading digits, pattern, replacement), compiled on first use. The last
    leading-digits pattern is the most detailed one: phonenumbers matches only that."""
    rules: list[Rule] = []
    for pattern, fmt, leading, prefix_rule in NUMBER_FORMATS:
        # NATIONAL: the national prefix formatting rule takes the place of the first group.
        replacement = _FIRST_GROUP.sub(prefix_rule, fmt, count=1) if prefix_rule else fmt
        rules.append((re.compile(leading[-1]) if leading else None, re.compile(pattern),
                      replacement))
    return tuple(rules)


def format_national(nsn: str) -> str:
    """'612345678' -> '06 12345678', '492123456' -> '0492 123 456'; digits no format fits are
    returned as they are (as phonenumbers does)."""
    for leading, pattern, replacement in _rules():
        if (leading is None or leading.match(nsn)) and pattern.fullmatch(nsn):
            return pattern.sub(replacement, nsn)
    return nsn
