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

# Digit groups separated by single dots or spaces: '1234.56.782', '123 456 782'.
_DIGIT_RUN = re.compile(r"[0-9]+(?:[ .][0-9]+)*")
_BSN_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2, -1)


def _passes_11_proof(digits: str) -> bool:
    total = sum(w * int(d) for w, d in zip(_BSN_WEIGHTS, digits, strict=True))
    return total % 11 == 0 and digits != "000000000"


def looks_like_bsn(text: str) -> bool:
    """True when the text holds a 9-digit number (maybe split by dots or spaces) that
    passes the BSN 11-proof. A warning aid only: it may also hit other numbers."""
    for run in _DIGIT_RUN.findall(text):
        groups = re.split(r"[ .]", run)
        # Any consecutive groups adding up to nine digits: '12 1234.56.782' still warns.
        for start in range(len(groups)):
            digits = ""
            for group in groups[start:]:
                digits += group
                if len(digits) >= 9:
                    break
            if len(digits) == 9 and _passes_11_proof(digits):
                return True
    return False


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
