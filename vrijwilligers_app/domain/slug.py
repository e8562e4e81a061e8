"""Plain-ASCII forms of Dutch (and other) names, for file names, codes and demo e-mail."""

import unicodedata


def ascii_slug(text: str, separator: str = ".") -> str:
    """'Doriën van der Heijden' → 'dorien.van.der.heijden'; words that have no ASCII form
    (Arabic, Cyrillic…) are left out, so the result may be empty."""
    decomposed = unicodedata.normalize("NFKD", text.replace("ı", "i").replace("ł", "l"))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    words = "".join(c if c.isalnum() else " " for c in plain).split()
    return separator.join(w for w in words if w.isascii())
