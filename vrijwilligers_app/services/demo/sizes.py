"""How much demo data to make: the named sizes and scaling for a number of residents."""

from dataclasses import dataclass

from vrijwilligers_app.domain.dutch_format import thousands


class DemoError(Exception):
    """The demo cannot be made; the message is Dutch and meant for the user."""


@dataclass(frozen=True)
class DemoSize:
    residents: int
    volunteers: int
    initiatives: int
    buddy_requests: int
    referrals: int
    activity_months: int


KLEIN = DemoSize(residents=400, volunteers=150, initiatives=25, buddy_requests=60,
                 referrals=300, activity_months=12)
GROOT = DemoSize(residents=100_000, volunteers=10_000, initiatives=80, buddy_requests=3_000,
                 referrals=100_000, activity_months=24)
MAX_RESIDENTS = 1_000_000
MAX_INITIATIVES = 110  # the demo catalogue holds a few more distinct initiatives
_MINIMUM = DemoSize(residents=1, volunteers=10, initiatives=8, buddy_requests=0, referrals=1,
                    activity_months=KLEIN.activity_months)
_FIELDS = ("volunteers", "initiatives", "buddy_requests", "referrals", "activity_months")


def scaled_size(residents: int) -> DemoSize:
    """Below klein: proportional; between klein and groot: linear; above groot: like groot."""
    values: dict[str, int] = {"residents": residents}
    for name in _FIELDS:
        small, large = getattr(KLEIN, name), getattr(GROOT, name)
        if residents <= KLEIN.residents:
            value = small * residents / KLEIN.residents
        elif residents <= GROOT.residents:
            share = (residents - KLEIN.residents) / (GROOT.residents - KLEIN.residents)
            value = small + share * (large - small)
        else:
            value = large * residents / GROOT.residents
        values[name] = max(getattr(_MINIMUM, name), round(value))
    values["initiatives"] = min(values["initiatives"], MAX_INITIATIVES)
    values["activity_months"] = min(values["activity_months"], GROOT.activity_months)
    return DemoSize(**values)


def demo_size(value: str) -> DemoSize:
    """'klein', 'groot' or a number of residents (1 to 1.000.000)."""
    text = value.strip().lower()
    if text == "klein":
        return KLEIN
    if text == "groot":
        return GROOT
    if text.isdigit() and text.isascii():
        residents = int(text)
        if 1 <= residents <= MAX_RESIDENTS:
            return scaled_size(residents)
        raise ValueError(f"Het aantal inwoners voor de demo moet tussen 1 en "
                         f"{thousands(MAX_RESIDENTS)} liggen, niet {thousands(residents)}.")
    raise ValueError(f"Onbekende demogrootte '{value.strip()}': kies klein, groot of een "
                     "aantal inwoners, bijvoorbeeld 5000.")
