"""Validation error type and person-related checks: BSN warning, age bands, birth year, tags.

Pure Python. Import these through `vrijwilligers_app.domain.validation`.
"""

import re
from collections.abc import Iterable
from datetime import date


class ValidationError(ValueError):
    """Bad input in one form field. `field` is the Dutch label, `message` the Dutch
    explanation (what is wrong and an example of what is right)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(field, message)
        self.field = field
        self.message = message

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


# ---------------------------------------------------------------- BSN
BSN_WARNING = (
    "Dit lijkt op een burgerservicenummer (BSN). Een vrijwilligersorganisatie mag geen BSN "
    "vastleggen; haal het nummer weg of schrijf het anders op als het geen BSN is."
)

# Digit groups separated by one separator each: '1234.56.782', '123 456 782', '111-222-333',
# '111/222/333' (also a non-breaking space and the Unicode dashes a word processor makes).
_SEPARATORS = " .-/\u00a0\u2010\u2011\u2012\u2013\u2014\u2015"
# As text: compiled (and cached by `re`) when text is first checked, not by every importer.
_DIGIT_RUN = f"[0-9]+(?:[{re.escape(_SEPARATORS)}][0-9]+)*"
_GROUP = f"([0-9]+)([{re.escape(_SEPARATORS)}]?)"
# A dash or slash also joins other numbers ('12345-6782' as an invoice number); only short
# groups, as people write a BSN (3-3-3, 4-2-3), are taken together across them.
_LOOSE, _MAX_GROUP_AFTER_DASH = frozenset(" .\u00a0"), 4
_BSN_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2, -1)


def _passes_11_proof(digits: str) -> bool:
    total = sum(w * int(d) for w, d in zip(_BSN_WEIGHTS, digits, strict=True))
    return total % 11 == 0 and digits != "000000000"


def _nine_digit_candidates(run: str) -> list[str]:
    """Every nine digits made of consecutive groups of one run ('12 1234.56.782' gives
    '123456782' from its last three groups)."""
    parts = re.findall(_GROUP, run)  # (digits, separator after them)
    found = []
    for start in range(len(parts)):
        digits, strict = "", False
        for index in range(start, len(parts)):
            group = parts[index][0]
            digits += group
            if len(digits) >= 9:
                break
            strict = strict or parts[index][1] not in _LOOSE
        if len(digits) != 9:
            continue
        groups = [g for g, _ in parts[start:index + 1]]
        if strict and max(map(len, groups)) > _MAX_GROUP_AFTER_DASH:
            continue
        found.append(digits)
    return found


def looks_like_bsn(text: str) -> bool:
    """True when the text holds a 9-digit number (maybe split by spaces, dots, dashes or
    slashes) that passes the BSN 11-proof. A warning aid only: it may also hit other
    numbers."""
    return any(_passes_11_proof(digits) for run in re.findall(_DIGIT_RUN, text)
               for digits in _nine_digit_candidates(run))


# ---------------------------------------------------------------- age
AGE_BANDS: tuple[tuple[int, str], ...] = (
    (18, "0-17"), (27, "18-26"), (45, "27-44"), (65, "45-64"), (75, "65-74"), (85, "75-84"),
)
UNKNOWN_AGE = "onbekend"


def age_band(birth_year: int | None, on: date) -> str:
    """Age band on a date, from the birth year only ('0-17' .. '85+'); 'onbekend' for None
    or a birth year after `on`."""
    if birth_year is None or birth_year > on.year:
        return UNKNOWN_AGE
    age = on.year - birth_year
    for upper, label in AGE_BANDS:
        if age < upper:
            return label
    return "85+"


def validate_birth_year(
    year: int | str | None, today: date, field: str = "Geboortejaar"
) -> int | None:
    """Birth year between today.year - 120 and today.year; text from a form is accepted
    ('1980'); None or '' -> None (the field is optional)."""
    if isinstance(year, str):
        stripped = year.strip()
        if not stripped:
            return None
        if not stripped.isascii() or not stripped.isdigit():
            raise ValidationError(
                field, f"'{stripped}' is geen jaartal; schrijf vier cijfers, bijvoorbeeld 1980."
            )
        year = int(stripped)
    if year is None:
        return None
    low, high = today.year - 120, today.year
    if isinstance(year, bool) or not low <= year <= high:
        raise ValidationError(
            field, f"{year} kan niet kloppen; vul een jaar in tussen {low} en {high}, "
            "bijvoorbeeld 1980.",
        )
    return year


# ---------------------------------------------------------------- tags
def _clean_tags(parts: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for part in parts:
        tag = " ".join(part.lower().split())
        if tag:
            seen.setdefault(tag, None)
    return list(seen)


def split_tags(text: str) -> list[str]:
    """'Koken, Nederlands;koken' -> ['koken', 'nederlands']: lowercase, trimmed, unique,
    in the order typed. Both ',' and ';' separate."""
    return _clean_tags(re.split(r"[,;]", text or ""))


def normalize_tags(text: str) -> str:
    """Stored form of a tag list: 'koken;nederlands'."""
    return ";".join(split_tags(text))
