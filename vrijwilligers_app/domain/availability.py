"""Weekly availability as a bit mask: 7 days (ma..zo) x 3 day parts (ochtend, middag, avond).

Bit index = day * 3 + part, so 21 bits; 0 means 'geen'. Pure Python.
CSV code: comma-separated day-part pairs such as 'ma-o,di-m,di-a' (o/m/a or the full word).
"""

from collections.abc import Iterable

from vrijwilligers_app.domain.person_fields import ValidationError

DAYS: tuple[str, ...] = ("ma", "di", "wo", "do", "vr", "za", "zo")
PARTS: tuple[str, ...] = ("ochtend", "middag", "avond")
PART_CODES: tuple[str, ...] = ("o", "m", "a")
MAX_MASK = 2**21 - 1
FIELD = "Beschikbaarheid"
NONE_TEXT = "geen"
WHOLE_DAY = "hele dag"

_CODE_HINT = "gebruik dag-dagdeel met komma's, bijvoorbeeld ma-o,di-m,di-a (o=ochtend, " \
    "m=middag, a=avond)"


def slot(day: int, part: int) -> int:
    """The mask with just this slot set (day 0=ma..6=zo, part 0=ochtend..2=avond)."""
    if not (0 <= day < len(DAYS) and 0 <= part < len(PARTS)):
        raise ValueError(f"slot buiten bereik: dag {day}, dagdeel {part}")
    return 1 << (day * len(PARTS) + part)


def from_slots(slots: Iterable[tuple[int, int]]) -> int:
    mask = 0
    for day, part in slots:
        mask |= slot(day, part)
    return mask


def _check(mask: int) -> None:
    if not 0 <= mask <= MAX_MASK:
        raise ValueError(f"ongeldige beschikbaarheid: {mask}")


def to_slots(mask: int) -> list[tuple[int, int]]:
    """All (day, part) pairs set in the mask, by day, then part."""
    _check(mask)
    return [divmod(i, len(PARTS)) for i in range(len(DAYS) * len(PARTS)) if mask >> i & 1]


def overlap(a: int, b: int) -> int:
    """Number of slots both masks share."""
    _check(a)
    _check(b)
    return (a & b).bit_count()


def _join_nl(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} en {words[-1]}"


def describe(mask: int) -> str:
    """Compact Dutch text: 'ma ochtend, di middag en avond, za hele dag'; 'geen' for 0."""
    _check(mask)
    per_day: list[str] = []
    for day, name in enumerate(DAYS):
        parts = [PARTS[p] for p in range(len(PARTS)) if mask & slot(day, p)]
        if len(parts) == len(PARTS):
            per_day.append(f"{name} {WHOLE_DAY}")
        elif parts:
            per_day.append(f"{name} {' en '.join(parts)}")
    return ", ".join(per_day) if per_day else NONE_TEXT


def to_code(mask: int) -> str:
    """CSV code of a mask: 'ma-o,di-m,di-a'; '' for 0. Inverse of parse()."""
    return ",".join(f"{DAYS[d]}-{PART_CODES[p]}" for d, p in to_slots(mask))


def parse(text: str, field: str = FIELD) -> int:
    """CSV code -> mask. Accepts ',' ';' or spaces between pairs, any case, 'o' or 'ochtend';
    '' or 'geen' -> 0. Raises ValidationError (a ValueError) for unknown codes."""
    mask = 0
    tokens = (text or "").replace(";", ",").replace(" ", ",").lower().split(",")
    for token in filter(None, tokens):
        if token == NONE_TEXT:
            continue
        day_text, _, part_text = token.partition("-")
        if day_text not in DAYS or part_text not in PART_CODES + PARTS:
            raise ValidationError(field, f"'{token}' is onbekend; {_CODE_HINT}.")
        part = PARTS.index(part_text) if part_text in PARTS else PART_CODES.index(part_text)
        mask |= slot(DAYS.index(day_text), part)
    return mask
