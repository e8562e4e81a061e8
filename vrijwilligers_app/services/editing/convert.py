"""One form value at a time: raw input (typed text or a native value) -> stored form.

Each function raises ValidationError(label, Dutch message). Code values are checked
against the register's code lists by the caller-supplied `known` lookup.
"""

import re
from collections.abc import Callable, Iterable
from datetime import date, datetime
from functools import lru_cache

from vrijwilligers_app.domain import availability
from vrijwilligers_app.domain.validation import (
    BSN_WARNING,
    ValidationError,
    looks_like_bsn,
    normalize_email,
    normalize_pc4_or_postcode,
    normalize_phone,
    normalize_postcode,
    normalize_tags,
    parse_date_nl,
    split_tags,
    validate_birth_year,
)
from vrijwilligers_app.services.editing.fields import FieldSpec
from vrijwilligers_app.services.editing.money import clean_money

KnownCodes = Callable[[str], frozenset[str]]

EARLIEST = date(1900, 1, 1)
LATEST = date(2100, 12, 31)
INT_LIMIT = 9999  # for counts of weeks and years when the schema sets no maximum
_YES = frozenset({"ja", "j", "true", "1", "waar", "yes"})
_NO = frozenset({"nee", "n", "false", "0", "onwaar", "no", ""})


def _as_text(raw: object) -> str:
    if raw is None:
        return ""
    return raw if isinstance(raw, str) else str(raw)


def _check_length(spec: FieldSpec, text: str) -> str:
    if spec.max_length is not None and len(text) > spec.max_length:
        raise ValidationError(spec.label, f"Te lang: hoogstens {spec.max_length} tekens, "
                              f"nu {len(text)}; kort de tekst in.")
    return text


def _check_bsn(spec: FieldSpec, text: str) -> None:
    if looks_like_bsn(text):
        raise ValidationError(spec.label, BSN_WARNING)


def clean_text(spec: FieldSpec, raw: object) -> str:
    text = _as_text(raw).replace("\r\n", "\n").replace("\r", "\n").strip()
    if spec.kind != "multiline":
        text = " ".join(text.split())  # one line: no tabs or line breaks, single spaces
    _check_bsn(spec, text)
    return _check_length(spec, text)


def clean_tags(spec: FieldSpec, raw: object) -> str:
    if isinstance(raw, (list, tuple, set, frozenset)):
        raw = ";".join(_as_text(item) for item in raw)
    text = _as_text(raw)
    _check_bsn(spec, text)
    return _check_length(spec, normalize_tags(text))


def clean_date(spec: FieldSpec, raw: object) -> date | None:
    if isinstance(raw, datetime):
        value: date | None = raw.date()
    elif isinstance(raw, date):
        value = raw
    elif raw is None or isinstance(raw, str):
        value = parse_date_nl(raw or "", spec.label)
    else:
        raise ValidationError(spec.label, f"'{raw}' is geen datum; schrijf dd-mm-jjjj.")
    if value is not None and not EARLIEST <= value <= LATEST:
        raise ValidationError(spec.label, f"{value.day:02d}-{value.month:02d}-{value.year:04d} "
                              "kan niet kloppen; controleer het jaar.")
    return value


def _whole_number(spec: FieldSpec, raw: object, example: str) -> int | None:
    if raw is None or isinstance(raw, bool):
        if raw is None:
            return None
        raise ValidationError(spec.label, f"Geen getal; {example}.")
    if isinstance(raw, int):
        return raw
    text = _as_text(raw).strip()
    if not text:
        return None
    if not (text.isascii() and text.isdigit()):
        raise ValidationError(spec.label, f"'{text}' is geen heel getal; {example}.")
    return int(text)


def clean_int(spec: FieldSpec, raw: object) -> int | None:
    value = _whole_number(spec, raw, "schrijf alleen cijfers, bijvoorbeeld 2")
    if value is None:
        return None
    low = spec.minimum if spec.minimum is not None else 0
    high = spec.maximum if spec.maximum is not None else INT_LIMIT
    if not low <= value <= high:
        raise ValidationError(spec.label, f"{value} kan niet; vul een getal in van {low} tot "
                              f"en met {high}.")
    return value


def clean_year(spec: FieldSpec, raw: object, today: date) -> int | None:
    if spec.key == "birth_year":
        if isinstance(raw, bool):
            raise ValidationError(spec.label, "Geen jaartal; schrijf vier cijfers, "
                                  "bijvoorbeeld 1980.")
        if raw is not None and not isinstance(raw, (int, str)):
            raw = str(raw)
        return validate_birth_year(raw, today, spec.label)  # type: ignore[arg-type]
    value = _whole_number(spec, raw, f"schrijf vier cijfers, bijvoorbeeld {today.year}")
    low, high = EARLIEST.year, today.year + 10
    if value is not None and not low <= value <= high:
        raise ValidationError(spec.label, f"{value} kan niet kloppen; vul een jaar in tussen "
                              f"{low} en {high}, bijvoorbeeld {today.year}.")
    return value


def clean_bool(spec: FieldSpec, raw: object) -> bool:
    if isinstance(raw, bool):
        return raw
    if raw is None:
        return False
    if isinstance(raw, int) and raw in (0, 1):
        return bool(raw)
    text = _as_text(raw).strip().casefold()
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise ValidationError(spec.label, f"'{raw}' kan niet; kies ja of nee.")


def clean_availability(spec: FieldSpec, raw: object) -> int:
    if isinstance(raw, int) and not isinstance(raw, bool):
        if not 0 <= raw <= availability.MAX_MASK:
            raise ValidationError(spec.label, f"{raw} is geen geldige beschikbaarheid.")
        return raw
    return availability.parse(_as_text(raw), spec.label)


def clean_code(spec: FieldSpec, raw: object, known: KnownCodes) -> str | None:
    text = _as_text(raw).strip()
    if not text:
        return None
    if text not in known(spec.code_table or ""):
        raise ValidationError(spec.label, f"'{text}' staat niet in de lijst; kies een van de "
                              "mogelijkheden.")
    return text


def clean_codes(spec: FieldSpec, raw: object, known: KnownCodes) -> list[str]:
    items: Iterable[object] = (re.split(r"[,;]", raw) if isinstance(raw, str)
                               else raw if isinstance(raw, Iterable) else [raw])
    codes = sorted({_as_text(item).strip() for item in items} - {""})
    unknown = [c for c in codes if c not in known(spec.code_table or "")]
    if unknown:
        listed = ", ".join(f"'{c}'" for c in unknown)
        raise ValidationError(spec.label, f"{listed} staat niet in de lijst; kies uit de "
                              "mogelijkheden.")
    return codes


# Kinds whose empty input cleans to the same value every time (not year: it needs today;
# not codes: they need the code lists). An import checks ~20 fields a row, most of them empty.
_EMPTY_SAME = frozenset({"text", "multiline", "tags", "phone", "email", "postcode",
                         "pc4_or_postcode", "date", "int", "money"})


def _no_codes(table: str) -> frozenset[str]:
    return frozenset()


@lru_cache(maxsize=1024)
def _clean_empty(spec: FieldSpec, raw: str | None) -> object:
    return _convert(spec, raw, date.today(), _no_codes)  # neither is used for these kinds


def clean_value(spec: FieldSpec, raw: object, today: date, known: KnownCodes) -> object:
    """The stored form of one input; raises ValidationError (Dutch) when it cannot be."""
    if spec.kind in _EMPTY_SAME and (raw is None or raw == "" or raw == []):
        return _clean_empty(spec, "" if raw == "" else None)
    return _convert(spec, raw, today, known)


def _convert(spec: FieldSpec, raw: object, today: date, known: KnownCodes) -> object:
    kind = spec.kind
    if kind in ("text", "multiline"):
        return clean_text(spec, raw)
    if kind == "tags":
        return clean_tags(spec, raw)
    if kind in ("phone", "email", "postcode", "pc4_or_postcode"):
        normalise = {"phone": normalize_phone, "email": normalize_email,
                     "postcode": normalize_postcode,
                     "pc4_or_postcode": normalize_pc4_or_postcode}[kind]
        return _check_length(spec, normalise(_as_text(raw), spec.label))
    simple: dict[str, Callable[[FieldSpec, object], object]] = {
        "date": clean_date, "int": clean_int, "bool": clean_bool, "money": clean_money,
        "availability": clean_availability,
    }
    if kind in simple:
        return simple[kind](spec, raw)
    if kind == "year":
        return clean_year(spec, raw, today)
    if kind == "code":
        return clean_code(spec, raw, known)
    if kind == "codes":
        return clean_codes(spec, raw, known)
    raise ValueError(f"unknown field kind {kind!r} for {spec.key}")


def form_value(spec: FieldSpec, stored: object) -> object:
    """A stored column value in the form's native shape (tags become a list)."""
    if spec.kind == "tags":
        return split_tags(_as_text(stored))
    if spec.kind in ("text", "multiline", "phone", "email", "postcode", "pc4_or_postcode"):
        return _as_text(stored)
    if spec.kind == "bool":
        return bool(stored)
    if spec.kind == "code":
        return stored or None  # gender is stored as '' when unknown
    return stored
