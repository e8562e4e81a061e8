"""Amounts of money as people type them: '€ 1.250,00', '1250', '250,-' -> whole cents."""

import re
from decimal import Decimal, InvalidOperation

from vrijwilligers_app.domain.validation import ValidationError
from vrijwilligers_app.services.editing.fields import FieldSpec

MAX_MONEY_CENTS = 100_000_000 * 100
MONEY_HINT = "schrijf bijvoorbeeld 1250 of € 1.250,00"
_THOUSANDS = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+")
_PLAIN = re.compile(r"[0-9]+")
_POINT_DECIMAL = re.compile(r"([0-9]+)\.([0-9]{1,2})")


def parse_money(text: str, field: str) -> int | None:
    """'€ 1.250,00', '1250', '1.250', '1250,5', '12.50', '€ 250,-' -> cents; '' -> None."""
    cleaned = "".join(text.replace("€", "").replace("EUR", "").replace("eur", "").split())
    if not cleaned:
        return None
    if cleaned.startswith("-"):
        raise ValidationError(field, f"'{text.strip()}' kan niet: een bedrag is niet negatief.")
    whole, comma, fraction = cleaned.partition(",")
    if comma:
        fraction = "" if fraction in ("-", "--") else fraction
        if not (_THOUSANDS.fullmatch(whole) or _PLAIN.fullmatch(whole)) or not (
                fraction == "" or re.fullmatch(r"[0-9]{1,2}", fraction)):
            raise ValidationError(field, f"'{text.strip()}' is geen bedrag; {MONEY_HINT}.")
    elif _THOUSANDS.fullmatch(cleaned):
        whole, fraction = cleaned, ""
    elif match := _POINT_DECIMAL.fullmatch(cleaned):
        whole, fraction = match.groups()
    elif _PLAIN.fullmatch(cleaned):
        whole, fraction = cleaned, ""
    else:
        raise ValidationError(field, f"'{text.strip()}' is geen bedrag; {MONEY_HINT}.")
    return int(whole.replace(".", "")) * 100 + int((fraction or "0").ljust(2, "0"))


def clean_money(spec: FieldSpec, raw: object) -> int | None:
    if isinstance(raw, bool):
        raise ValidationError(spec.label, f"Geen bedrag; {MONEY_HINT}.")
    if isinstance(raw, int):  # native form: cents, as load_record gives it
        cents: int | None = raw
    elif isinstance(raw, (float, Decimal)):  # euros
        try:
            cents = int((Decimal(str(raw)) * 100).to_integral_exact())
        except InvalidOperation:
            raise ValidationError(spec.label, f"'{raw}' is geen bedrag in hele centen; "
                                  f"{MONEY_HINT}.") from None
    else:
        cents = parse_money("" if raw is None else str(raw), spec.label)
    if cents is not None and cents < 0:
        raise ValidationError(spec.label, "Een bedrag kan niet negatief zijn.")
    if cents is not None and cents > MAX_MONEY_CENTS:
        raise ValidationError(spec.label, "Dit bedrag is te groot; controleer het.")
    return cents
