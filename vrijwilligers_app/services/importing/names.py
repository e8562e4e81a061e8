"""A full name in one column, split the Dutch way into voornaam, tussenvoegsel, achternaam.

'Jan van der Heijden' -> ('Jan', 'van der', 'Heijden'); 'Heijden, Jan van der' and
'Jansen, Anna' (list order) too. First names stop at the first tussenvoegsel word; without
one, the last word is the achternaam ('Anna Maria Jansen' -> 'Anna Maria', '', 'Jansen').
"""

PARTICLES = frozenset({
    "van", "de", "der", "den", "het", "'t", "t", "ter", "ten", "te", "in", "op", "aan", "bij",
    "uit", "onder", "over", "voor", "vd", "v.d.", "v/d", "'s", "von", "zu", "da", "di", "do",
    "dos", "du", "des", "del", "della", "la", "le", "el", "al", "'s-",
})


def _is_particle(word: str) -> bool:
    return word.lower().replace("\u2019", "'") in PARTICLES


def split_name(full: str) -> tuple[str, str, str]:
    """(first, prefix, last); first or last may be '' when the name has one word."""
    text = " ".join(full.split())
    if "," in text:
        last_part, _, rest = text.partition(",")
        words = rest.split()
        tail: list[str] = []
        while words and _is_particle(words[-1]):
            tail.insert(0, words.pop())
        last_words = last_part.split()
        head: list[str] = []
        while len(last_words) > 1 and _is_particle(last_words[0]):
            head.append(last_words.pop(0))
        return " ".join(words), " ".join(head + tail), " ".join(last_words)
    words = text.split()
    if len(words) <= 1:
        return "", "", text
    for i in range(1, len(words) - 1):
        if _is_particle(words[i]):
            j = i
            while j < len(words) - 1 and _is_particle(words[j]):
                j += 1
            return " ".join(words[:i]), " ".join(words[i:j]), " ".join(words[j:])
    return " ".join(words[:-1]), "", words[-1]
