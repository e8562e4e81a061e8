"""How alike an initiative of this laptop and one on the gemeente's list are (issue 17): by
name (ignoring case, accents, punctuation and spacing: "Alzheimer Café Helmond" is
"alzheimercafe helmond"), kind and address. Pure: the laptop only suggests, a user decides."""

import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher

MIN_SCORE = 0.55  # below this a name is no suggestion (unless the address is the same)


def normalised(text: str) -> str:
    """Lower case, no accents, only letters and digits, single spaces."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^0-9a-z]+", " ", folded).split())


def _compact(text: str) -> str:
    return normalised(text).replace(" ", "")


@dataclass(frozen=True)
class Described:
    """What both sides know of an initiative."""

    name: str
    kind: str = ""
    address: str = ""
    postcode: str = ""


def name_score(a: str, b: str) -> float:
    """1.0 for the same name written differently; otherwise how much of it matches."""
    left, right = _compact(a), _compact(b)
    if not left or not right:
        return 0.0
    if left == right:
        return 1.0
    ratio = SequenceMatcher(None, left, right, autojunk=False).ratio()
    if left in right or right in left:  # "Repair Café" and "Repair Café Brandevoort"
        ratio = max(ratio, 0.8 * min(len(left), len(right)) / max(len(left), len(right)) + 0.2)
    return ratio


def same_place(a: Described, b: Described) -> bool:
    if a.postcode and b.postcode and _compact(a.postcode) == _compact(b.postcode):
        return not (a.address and b.address) or _compact(a.address) == _compact(b.address)
    return bool(a.address) and _compact(a.address) == _compact(b.address)


def score(own: Described, listed: Described) -> float:
    """Name counts most; the same kind and the same address each add to it."""
    total = name_score(own.name, listed.name)
    if own.kind and own.kind == listed.kind:
        total += 0.15
    if same_place(own, listed):
        total += 0.25
    return total


def is_suggestion(own: Described, listed: Described) -> bool:
    return name_score(own.name, listed.name) >= MIN_SCORE or same_place(own, listed)
