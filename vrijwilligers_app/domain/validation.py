"""Checking and normalising what people type into forms. Pure Python: no Qt, no SQL.

Every normalise/parse function returns the stored form, "" (or None) for an empty optional
field, and raises ValidationError with a Dutch message naming the field for bad input.
Person-related checks (BSN warning, age bands, birth year, tags) live in `person_fields`
and are re-exported here, so callers only import this module.
"""

import re
from datetime import date, datetime

from vrijwilligers_app.domain.dutch_format import format_date_nl
from vrijwilligers_app.domain.dutch_phone import dutch_nsn, format_national
from vrijwilligers_app.domain.person_fields import (
    BSN_WARNING,
    ValidationError,
    age_band,
    looks_like_bsn,
    normalize_tags,
    split_tags,
    validate_birth_year,
)

__all__ = [
    "BSN_WARNING", "ValidationError", "age_band", "format_date_nl", "format_phone",
    "looks_like_bsn", "normalize_email", "normalize_pc4_or_postcode", "normalize_phone",
    "normalize_postcode", "normalize_tags", "parse_date_nl", "pc4", "split_tags",
    "validate_birth_year",
]

# ---------------------------------------------------------------- postcode
_POSTCODE = re.compile(r"([0-9]{4})\s*([A-Za-z]{2})")
_PC4 = re.compile(r"[0-9]{4}")
_NO_SUCH_LETTERS = frozenset({"SA", "SD", "SS"})
_POSTCODE_HINT = "gebruik vier cijfers en twee letters, bijvoorbeeld 5701 AB"


def _check_pc4(digits: str, text: str, field: str) -> None:
    if digits[0] == "0":
        raise ValidationError(
            field, f"'{text}' kan niet kloppen: een postcode begint nooit met 0; {_POSTCODE_HINT}."
        )


def normalize_postcode(text: str, field: str = "Postcode") -> str:
    """'1234ab', ' 1234  ab ' -> '1234 AB'; '' -> ''."""
    stripped = text.strip()
    if not stripped:
        return ""
    match = _POSTCODE.fullmatch(stripped)
    if match is None:
        raise ValidationError(field, f"'{stripped}' is geen postcode; {_POSTCODE_HINT}.")
    digits, letters = match.group(1), match.group(2).upper()
    _check_pc4(digits, stripped, field)
    if letters in _NO_SUCH_LETTERS:
        raise ValidationError(
            field, f"'{stripped}' bestaat niet: de letters SA, SD en SS komen in postcodes niet "
            f"voor; {_POSTCODE_HINT}.",
        )
    return f"{digits} {letters}"


def normalize_pc4_or_postcode(text: str, field: str = "Postcode") -> str:
    """Like normalize_postcode, but a bare four-digit area ('5701') is accepted too."""
    stripped = text.strip()
    if _PC4.fullmatch(stripped):
        _check_pc4(stripped, stripped, field)
        return stripped
    if stripped and not _POSTCODE.fullmatch(stripped):
        raise ValidationError(
            field, f"'{stripped}' is geen postcode; gebruik vier cijfers (5701) of vier cijfers "
            "en twee letters (5701 AB).",
        )
    return normalize_postcode(stripped, field)


def pc4(postcode: str) -> str:
    """The four-digit area of a postcode: '5701 AB' -> '5701'; '' -> ''."""
    return normalize_pc4_or_postcode(postcode)[:4]


# ---------------------------------------------------------------- phone
_PHONE_CHARS = re.compile(r"\+?[0-9\s().\-/]+")
_PHONE_HINT = "bijvoorbeeld 06-12345678, 0492-123456 of +31 6 12345678"


def normalize_phone(text: str, field: str = "Telefoon") -> str:
    """Dutch or foreign phone number -> E.164 ('+31612345678'); '' -> ''."""
    stripped = text.strip()
    if not stripped:
        return ""
    bad = f"'{stripped}' is geen geldig telefoonnummer; {_PHONE_HINT}."
    import phonenumbers  # here, not above: showing a stored Dutch number does without it

    # Only digits and the usual separators: phonenumbers would turn letters into digits.
    if not _PHONE_CHARS.fullmatch(stripped) or len(stripped) > 40:
        raise ValidationError(field, bad)
    try:
        number = phonenumbers.parse(stripped, "NL")
    except phonenumbers.NumberParseException:
        raise ValidationError(field, bad) from None
    if not phonenumbers.is_valid_number(number):
        raise ValidationError(field, bad)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def format_phone(e164: str) -> str:
    """Display form: Dutch numbers national ('06 12345678'), others international."""
    if not e164:
        return ""
    nsn = dutch_nsn(e164)
    if nsn is not None:
        # Nearly every stored number: grouped by libphonenumber's own Dutch formats
        # (domain/dutch_phone), without importing phonenumbers (issue 18).
        return format_national(nsn)
    import phonenumbers  # foreign and odd values only

    try:
        # Stored numbers are E.164 (normalize_phone): the '+' and country code say it
        # all, so no default region is consulted (the same PhoneNumber in half the time).
        # Anything else is read as Dutch, as before.
        number = phonenumbers.parse(e164, None if e164.startswith("+") else "NL")
    except phonenumbers.NumberParseException:
        return e164
    style = (phonenumbers.PhoneNumberFormat.NATIONAL if number.country_code == 31
             else phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    return phonenumbers.format_number(number, style)


# ---------------------------------------------------------------- e-mail
_LOCAL_FORBIDDEN = re.compile(r'[\s()<>\[\]\\,;:"@]')
_DOMAIN_LABEL = re.compile(r"[^\W_](?:(?:[^\W_]|-){0,61}[^\W_])?")


def normalize_email(text: str, field: str = "E-mailadres") -> str:
    """Structural check only (no network); trims and lowercases the domain; '' -> ''."""
    stripped = text.strip()
    if not stripped:
        return ""
    bad = f"'{stripped}' is geen geldig e-mailadres; bijvoorbeeld naam@voorbeeld.nl"
    if any(ch.isspace() for ch in stripped):
        raise ValidationError(field, f"{bad} (zonder spaties).")
    if stripped.count("@") != 1:
        raise ValidationError(field, f"{bad} (precies één @).")
    local, domain = stripped.split("@")
    labels = domain.lower().split(".")
    result = f"{local}@{'.'.join(labels)}"
    if (
        len(result) > 254 or not 0 < len(local) <= 64 or _LOCAL_FORBIDDEN.search(local)
        or local.startswith(".") or local.endswith(".") or ".." in local
        or len(labels) < 2 or not all(_DOMAIN_LABEL.fullmatch(lab) for lab in labels)
        or labels[-1].isdigit()
    ):
        raise ValidationError(field, f"{bad}.")
    return result


# ---------------------------------------------------------------- dates
_DATE_NL = re.compile(r"([0-9]{1,2})([-/.])([0-9]{1,2})\2([0-9]+)")
_DATE_ISO = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_DATE_HINT = "schrijf de datum als dd-mm-jjjj, bijvoorbeeld 05-03-2026"


def parse_date_nl(text: str, field: str = "Datum") -> date | None:
    """'05-03-2026', '5-3-2026', '5/3/2026', '05.03.2026' (always day first) or ISO
    '2026-03-05' -> date; '' -> None."""
    stripped = text.strip()
    if not stripped:
        return None
    if match := _DATE_ISO.fullmatch(stripped):
        candidate, fmt = "-".join(match.groups()), "%Y-%m-%d"
    elif match := _DATE_NL.fullmatch(stripped):
        day, _, month, year = match.groups()
        if len(year) != 4:
            raise ValidationError(
                field, f"'{stripped}': schrijf het jaar met vier cijfers; {_DATE_HINT}."
            )
        candidate, fmt = f"{day}-{month}-{year}", "%d-%m-%Y"
    else:
        raise ValidationError(field, f"'{stripped}' is geen datum; {_DATE_HINT}.")
    try:
        return datetime.strptime(candidate, fmt).date()
    except ValueError:
        raise ValidationError(
            field, f"'{stripped}' bestaat niet; controleer dag en maand ({_DATE_HINT})."
        ) from None


