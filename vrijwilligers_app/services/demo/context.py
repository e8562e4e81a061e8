"""Shared state of one demo run: the rng, the reference date, code lists, ids and the writer.

Determinism rules for every module here: draw only from `ctx.rng`, never iterate a set or a
dict keyed by strings whose order could vary, and derive every timestamp from the reference
date, never from the clock.
"""

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from itertools import accumulate
from random import Random
from typing import TypeVar

from sqlalchemy import Connection

from vrijwilligers_app.services.demo.sizes import DemoError
from vrijwilligers_app.services.demo.writer import Progress, Row, Writer
from vrijwilligers_app.store.queries import demo as queries
from vrijwilligers_app.store.tables import metadata

# RFC 4122 version 4: clear the version and variant bits, then set them.
_UUID_KEEP = ~((0xF000 << 64) | (0xC000 << 48)) & ((1 << 128) - 1)
_UUID_SET = (0x4000 << 64) | (0x8000 << 48)
T = TypeVar("T")
AGE_BANDS = ((0, 17, "0-17"), (18, 26, "18-26"), (27, 44, "27-44"), (45, 64, "45-64"),
             (65, 74, "65-74"), (75, 84, "75-84"), (85, 200, "85+"))


@dataclass
class Codes:
    """Code lists as found in the register (loaded at start, maybe edited by the user)."""

    districts: list[tuple[str, str]]  # (code, short name)
    district_weights: list[int]
    neighbourhoods: dict[str, list[str]]  # district code -> buurt codes
    buurt_names: list[tuple[str, str]]  # (buurt name, wijk short name)
    life_domains: list[str]
    initiative_types: list[str]
    visitor_types: list[str]
    end_reasons: list[str]
    contact_kinds: list[str]
    roles: list[str]
    exit_reasons: list[str]
    destinations: dict[str, int]  # code -> id
    destination_ids: list[int]


def code_or(available: list[str], wanted: str, *fallbacks: str) -> str:
    """`wanted` if the register knows it, else the first known fallback, else any code.

    The code lists are editable; a user who retired a code should still get a demo.
    """
    for code in (wanted, *fallbacks):
        if code in available:
            return code
    return available[0]


@dataclass
class Context:
    conn: Connection
    rng: Random
    today: date
    codes: Codes
    writer: Writer
    progress: Progress
    next_ids: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Read before the writer thread gets work: from then on it alone uses the connection.
        self.next_ids.update(queries.next_ids(self.conn, metadata.sorted_tables))

    def new_id(self, table: str) -> int:
        value = self.next_ids[table]
        self.next_ids[table] = value + 1
        return value

    def uuid(self) -> str:
        """Same text as str(uuid.UUID(int=rng.getrandbits(128), version=4)), faster."""
        bits = (self.rng.getrandbits(128) & _UUID_KEEP) | _UUID_SET
        h = f"{bits:032x}"
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"

    def stamp(self, day: date) -> datetime:
        """An aware UTC moment during office hours on `day` (never after the reference date)."""
        day = min(day, self.today)
        seconds = self.randint(7 * 3600, 17 * 3600 - 1)
        return datetime(day.year, day.month, day.day, tzinfo=UTC) + timedelta(seconds=seconds)

    def record(self, table: str, created: date, updated: date | None = None) -> Row:
        """id, uuid and timestamps of a new record; the caller adds the table's columns."""
        created_at = self.stamp(created)
        updated_at = created_at if updated is None else max(created_at, self.stamp(updated))
        return {"id": self.new_id(table), "uuid": self.uuid(), "created_at": created_at,
                "updated_at": updated_at}

    def days_ago(self, low: int, high: int) -> date:
        return self.today - timedelta(days=self.randint(low, high))

    def randint(self, low: int, high: int) -> int:
        """Like rng.randint (both ends included), several times faster."""
        return low + int(self.rng.random() * (high - low + 1))

    def pick(self, population: Sequence[T], cum_weights: Sequence[float]) -> T:
        """rng.choices(population, cum_weights=...)[0] without the overhead (same result)."""
        total = cum_weights[-1]
        return population[bisect_right(cum_weights, self.rng.random() * total, 0,
                                       len(population) - 1)]

    def pick_district(self) -> tuple[str, str]:
        return self.pick(self.codes.districts, self.codes.district_weights)


def cumulative(weights: list[int] | tuple[int, ...]) -> list[int]:
    return list(accumulate(weights))


def age_band(age: int) -> str:
    for low, high, label in AGE_BANDS:
        if low <= age <= high:
            return label
    return ""


def load_codes(conn: Connection) -> Codes:
    t = metadata.tables

    def codes(name: str) -> list[str]:
        return queries.active_codes(conn, t[name])

    district_rows = queries.districts(conn, t["district"])
    district_names = {code: name for code, name, _ in district_rows}
    neighbourhoods: dict[str, list[str]] = {}
    buurt_names = []
    for code, name, district in queries.neighbourhoods(conn, t["neighbourhood"]):
        neighbourhoods.setdefault(district, []).append(code)
        buurt_names.append((name, district_names.get(district, "")))
    destinations = queries.active_destinations(conn, t["destination"])
    result = Codes(
        districts=[(code, name) for code, name, _ in district_rows],
        # A wijk without a known population still gets a few residents.
        district_weights=cumulative([max(inhabitants or 0, 100)
                                     for _, _, inhabitants in district_rows]),
        neighbourhoods=neighbourhoods, buurt_names=buurt_names,
        life_domains=codes("life_domain"), initiative_types=codes("initiative_type"),
        visitor_types=codes("visitor_type"), end_reasons=codes("match_end_reason"),
        contact_kinds=codes("contact_kind"), roles=codes("duty_role"),
        exit_reasons=codes("volunteer_exit_reason"),
        destinations=destinations, destination_ids=list(destinations.values()),
    )
    required = {"Wijken": result.districts, "Leefdomeinen": result.life_domains,
                "Initiatieftypen": result.initiative_types, "Bezoekerstypen": result.visitor_types,
                "Afsluitredenen": result.end_reasons, "Contactsoorten": result.contact_kinds,
                "Rollen": result.roles, "Organisaties (sociale kaart)": result.destination_ids}
    empty = [name for name, values in required.items() if not values]
    if empty:
        raise DemoError("Demo-gegevens vragen gevulde codelijsten; leeg of alles inactief: "
                        + ", ".join(empty) + ".")
    return result
