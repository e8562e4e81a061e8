"""How a person's name reads, as SQL over a table alias: the one SQL builder.

Its Python twin is domain/names.full_name; tests/store/test_names.py keeps the two equal.
"""


def full_name_sql(alias: str) -> str:
    """'Jan van der Heijden', 'Anna Jansen' (one space where there is no tussenvoegsel)."""
    return (f"{alias}.first_name || ' ' || CASE WHEN {alias}.name_prefix <> '' "
            f"THEN {alias}.name_prefix || ' ' ELSE '' END || {alias}.last_name")


def listed_name_sql(alias: str) -> str:
    """'Heijden, Jan van der': how a list of people reads (sorted on last name)."""
    return (f"{alias}.last_name || ', ' || {alias}.first_name"
            f" || CASE WHEN {alias}.name_prefix <> '' THEN ' ' || {alias}.name_prefix ELSE '' END")
