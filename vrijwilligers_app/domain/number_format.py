"""Dutch number text for reports: 1.234 and 12,5 and 83 %. Pure Python.

Dates use `validation.format_date_nl`; this module only does numbers.
"""


def format_count(value: int | None) -> str:
    """12345 -> '12.345'; None -> '—'."""
    if value is None:
        return "—"
    return f"{value:,}".replace(",", ".")


def format_decimal(value: float | None, places: int = 1) -> str:
    """1234.5 -> '1.234,5' (thousands dot, decimal comma); None -> '—'."""
    if value is None:
        return "—"
    text = f"{value:,.{places}f}"
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


def format_percent(share: float | None) -> str:
    """0.834 -> '83 %' (Dutch style: a space before the sign); None -> '—'."""
    if share is None:
        return "—"
    return f"{round(share * 100)} %"


def format_money(cents: int | None) -> str:
    """125000 -> '€ 1.250,00'; None -> '—'."""
    if cents is None:
        return "—"
    sign = "-" if cents < 0 else ""
    return f"{sign}€ {format_decimal(abs(cents) / 100, 2)}"
