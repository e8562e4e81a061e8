"""Gemeente side: one initiative once (issue 17).

An initiative entered on two laptops has two ids, so city-wide it counted twice. The gemeente
sees possible duplicates (same name, ignoring case, accents, punctuation and spacing, and the
same kind) and merges them on confirmation: every id of the group then counts as the chosen
(canonical) one in the city figures (gemeente_figures). Merging is undone by nothing but a
new merge; it changes no laptop's data.
"""

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import Engine, select
from sqlmodel import col

from vrijwilligers_app.services.exchange.errors import ExchangeError
from vrijwilligers_app.services.exchange.merge import snapshot_rows
from vrijwilligers_app.store.engine import read_session, write_session
from vrijwilligers_app.store.gemeente.tables import ExchangeInitiativeAlias, ExchangeSource


@dataclass(frozen=True)
class InitiativeCopy:
    source_id: str
    source_name: str
    initiative_id: str
    name: str
    kind: str
    address: str


def normalised_name(name: str) -> str:
    text = unicodedata.normalize("NFKD", name.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text).split())


def canonical_ids(engine: Engine) -> dict[str, str]:
    """initiative id -> the id it counts as (only merged ones are listed)."""
    with read_session(engine) as session:
        return {a.initiative_id: a.canonical_id for a in session.execute(
            select(ExchangeInitiativeAlias)).scalars()}


def possible_duplicates(engine: Engine) -> list[list[InitiativeCopy]]:
    """Groups of initiatives (two or more different canonical ids) that look the same."""
    with read_session(engine) as session:
        names = {s.source_id: s.name or s.source_id[:8] for s in session.execute(
            select(ExchangeSource).order_by(col(ExchangeSource.source_id))).scalars()}
    canonical = canonical_ids(engine)
    groups: dict[tuple[str, str], list[InitiativeCopy]] = defaultdict(list)
    for source_id, row in snapshot_rows(engine, "initiatieven"):
        address = " ".join(filter(None, [row.get("adres"), row.get("postcode")]))
        groups[(normalised_name(row["naam"]), row["soort"])].append(InitiativeCopy(
            source_id, names.get(source_id, source_id[:8]), row["id"], row["naam"],
            row["soort"], address))
    found = []
    for copies in groups.values():
        if len({canonical.get(c.initiative_id, c.initiative_id) for c in copies}) > 1:
            found.append(sorted(copies, key=lambda c: (c.source_name, c.initiative_id)))
    return sorted(found, key=lambda g: normalised_name(g[0].name))


def merge_initiatives(engine: Engine, canonical_id: str, others: list[str]) -> int:
    """Count every id in `others` (and what was merged into them) as `canonical_id`;
    returns how many ids now point at it."""
    others = [o for o in others if o != canonical_id]
    if not others:
        raise ExchangeError("Kies minstens twee verschillende initiatieven om samen te voegen.")
    with write_session(engine) as session:
        current = {a.initiative_id: a for a in session.execute(
            select(ExchangeInitiativeAlias)).scalars()}
        target = current[canonical_id].canonical_id if canonical_id in current else canonical_id
        moved = {o for o in others} | {a.initiative_id for a in current.values()
                                        if a.canonical_id in others}
        for initiative_id in moved - {target}:
            session.merge(ExchangeInitiativeAlias(initiative_id=initiative_id,
                                                  canonical_id=target))
    return len(moved - {target})
