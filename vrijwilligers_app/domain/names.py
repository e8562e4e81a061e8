"""How a person's name reads: the one Python builder (its SQL twin is store/queries/names.py)."""


def full_name(first: str, prefix: str | None, last: str) -> str:
    """'Jan van der Heijden', 'Anna Jansen': the tussenvoegsel only when there is one."""
    return " ".join(part for part in (first.strip(), (prefix or "").strip(), last.strip())
                    if part)
