"""Comparing names the way people mistype them: accents, case, 'ij'/'y', one slip of a key."""

import unicodedata
from functools import lru_cache


@lru_cache(maxsize=8192)  # names repeat: a register holds a few thousand distinct ones
def fold(text: str) -> str:
    """'Doriën' -> 'dorien', 'Van der Heijden' -> 'vanderheyden': no accents, case,
    spaces or punctuation; the Dutch 'ij' and 'y' count as one letter."""
    if not text.isascii():
        text = "".join(ch for ch in unicodedata.normalize("NFKD", text)
                       if not unicodedata.combining(ch))
    folded = "".join(ch for ch in text.casefold() if ch.isalnum())
    return folded.replace("ij", "y")


def within_one_edit(a: str, b: str) -> bool:
    """Equal, or one letter changed, added, dropped, or two neighbours swapped."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) < len(b):
        return a[i:] == b[i + 1:]
    if a[i + 1:] == b[i + 1:]:
        return True  # one letter changed
    return (i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i]
            and a[i + 2:] == b[i + 2:])  # two neighbours swapped


def similar(a: str, b: str, min_fuzzy: int = 4) -> bool:
    """Folded names equal, or one edit apart when both have at least `min_fuzzy` letters
    (in 'Bos' and 'Bas' one letter is a different name, not a typo)."""
    if a == b:
        return True
    return min(len(a), len(b)) >= min_fuzzy and within_one_edit(a, b)
