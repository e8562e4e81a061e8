"""How alike an initiative of this laptop and one on the gemeente's list are (issue 17): by
name (ignoring case, accents, punctuation and spacing: "Alzheimer Café Helmond" is
"alzheimercafe helmond"), kind and address. Pure: the laptop only suggests, a user decides.

A region's list may hold thousands of entries: candidates are prepared once (`prepare`) and
`rank` compares one name against all of them with one SequenceMatcher (its index of the own
name is built once) and cheap upper bounds before the exact ratio.
"""

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

MIN_SCORE = 0.55  # below this a name is no suggestion (unless the address is the same)
KIND_BONUS = 0.15
PLACE_BONUS = 0.25


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


@dataclass(frozen=True)
class Prepared:
    """A Described, normalised once for many comparisons."""

    name: str
    kind: str
    address: str
    postcode: str


def prepare(described: Described) -> Prepared:
    return Prepared(_compact(described.name), described.kind, _compact(described.address),
                    _compact(described.postcode))


def _contained(left: str, right: str) -> float:
    """"Repair Café" in "Repair Café Brandevoort": more alike the more of it is shared."""
    return 0.8 * min(len(left), len(right)) / max(len(left), len(right)) + 0.2


def _name_score(matcher: SequenceMatcher[str], own: str, other: str, exact: bool) -> float:
    """`matcher` has `own` as its second sequence. Below MIN_SCORE the result is only exact
    when `exact` (else 0.0 as soon as an upper bound says it cannot reach MIN_SCORE)."""
    if not own or not other:
        return 0.0
    if own == other:
        return 1.0
    contained = _contained(own, other) if own in other or other in own else 0.0
    matcher.set_seq1(other)
    if not exact and not contained and (matcher.real_quick_ratio() < MIN_SCORE
                                        or matcher.quick_ratio() < MIN_SCORE):
        return 0.0
    return max(matcher.ratio(), contained)


def _same_place(a: Prepared, b: Prepared) -> bool:
    if a.postcode and a.postcode == b.postcode:
        return not (a.address and b.address) or a.address == b.address
    return bool(a.address) and a.address == b.address


def rank(own: Described, candidates: Sequence[Prepared]) -> list[tuple[float, int]]:
    """(score, index) of every candidate that is a suggestion, best first: the name counts
    most; the same kind and the same address each add to it."""
    me = prepare(own)
    matcher: SequenceMatcher[str] = SequenceMatcher(None, autojunk=False)
    matcher.set_seq2(me.name)
    found = []
    for index, candidate in enumerate(candidates):
        place = _same_place(me, candidate)
        name = _name_score(matcher, me.name, candidate.name, exact=place)
        if name < MIN_SCORE and not place:
            continue
        total = name + (KIND_BONUS if me.kind and me.kind == candidate.kind else 0.0)
        found.append((total + (PLACE_BONUS if place else 0.0), index))
    found.sort(key=lambda item: (-item[0], item[1]))
    return found


def name_score(a: str, b: str) -> float:
    """1.0 for the same name written differently; otherwise how much of it matches."""
    left, right = _compact(a), _compact(b)
    matcher: SequenceMatcher[str] = SequenceMatcher(None, autojunk=False)
    matcher.set_seq2(left)
    return _name_score(matcher, left, right, exact=True)


def score(own: Described, listed: Described) -> float:
    ranked = rank(own, [prepare(listed)])
    return ranked[0][0] if ranked else 0.0


def is_suggestion(own: Described, listed: Described) -> bool:
    return bool(rank(own, [prepare(listed)]))
