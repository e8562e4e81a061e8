"""Gemeente side: one initiative once (issue 17).

An initiative entered on two laptops has two ids, so city-wide it counted twice. The gemeente
sees possible duplicates (same name, ignoring case, accents, punctuation and spacing, and the
same kind) and merges them on confirmation: every id of the group then counts as the chosen
(canonical) one in the city figures (gemeente_figures). Merging is undone by nothing but a
new merge; it changes no laptop's data.

Laptops help: return packages carry the canonical list (`canonical_list`); a laptop user
links an own initiative to an entry of it, the next export names that id beside the
initiative's own (`gemeente_id`, schema version 4), and the import records it as an alias
(`record_canonical_links`), so the figures count it once without a merge by hand.
"""

import logging
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, select
from sqlmodel import Session, col

from vrijwilligers_app.services.exchange.errors import ExchangeError
from vrijwilligers_app.services.exchange.merge import snapshot_rows
from vrijwilligers_app.services.exchange.schema import BEFORE_LINKS
from vrijwilligers_app.store.engine import read_session, write_session
from vrijwilligers_app.store.gemeente.tables import ExchangeInitiativeAlias, ExchangeSource

log = logging.getLogger(__name__)
LINKS_FROM = BEFORE_LINKS + 1  # the first export schema version with gemeente_id
MAX_DISTRICTS = 400  # characters of the list's `wijken` (schema: gemeentelijst)


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


def _districts(text: str | None) -> str | None:
    if not text or len(text) <= MAX_DISTRICTS:
        return text
    return text[:MAX_DISTRICTS].rsplit(";", 1)[0]


def canonical_list(engine: Engine) -> list[dict[str, Any]]:
    """Every initiative once, under its canonical id, as the rows of a return package's
    `gemeentelijst`: described by the copy that carries the canonical id itself (else the
    first copy read), sorted by name."""
    aliases = canonical_ids(engine)
    chosen: dict[str, dict[str, Any]] = {}
    for _, row in snapshot_rows(engine, "initiatieven"):
        canonical = aliases.get(row["id"], row["id"])
        if canonical not in chosen or row["id"] == canonical:
            chosen[canonical] = {
                "id": canonical, "naam": str(row["naam"])[:150], "soort": row["soort"],
                "adres": (row.get("adres") or "")[:150] or None,
                "postcode": (row.get("postcode") or "")[:7] or None,
                "wijken": _districts(row.get("wijken"))}
    return sorted(chosen.values(), key=lambda r: (normalised_name(r["naam"]), r["id"]))


def sources_that_link(engine: Engine) -> set[str]:
    """Sources whose last export could name a link (schema version 4 or later); only they
    are sent the list, older laptops get a return package they can still read."""
    with read_session(engine) as session:
        return {str(sid) for sid in session.execute(
            select(col(ExchangeSource.source_id)).where(
                col(ExchangeSource.schema_version) >= LINKS_FROM)).scalars()}


def record_canonical_links(session: Session, source_id: str,
                           rows: Iterable[dict[str, Any]]) -> int:
    """In the import's transaction: each initiative a laptop linked to the gemeente's list
    (`gemeente_id`, schema version 4) counts as that entry from now on, as if merged (ids
    merged into the initiative follow it). Returns how many ids were re-pointed. A link the
    laptop removed later leaves the alias (a gemeente merge looks the same); the gemeente
    undoes it with a new merge.

    Plugged in at merge._replace_snapshot, after the source's rows are stored."""
    current = {a.initiative_id: a for a in session.execute(
        select(ExchangeInitiativeAlias)).scalars()}
    moved = 0
    for row in rows:
        linked = row.get("gemeente_id")
        if not linked or linked == row["id"]:
            continue
        target = current[linked].canonical_id if linked in current else linked
        if target == row["id"]:  # the entry already counts as this initiative
            continue
        existing = current.get(row["id"])
        if existing is not None and existing.canonical_id == target:
            continue
        for initiative_id in [row["id"], *(i for i, a in current.items()
                                           if a.canonical_id == row["id"])]:
            alias = session.merge(ExchangeInitiativeAlias(initiative_id=initiative_id,
                                                          canonical_id=target))
            current[initiative_id] = alias
            moved += 1
    if moved:
        log.info("%d initiatief-id(s) van bron %s gekoppeld aan de gemeentelijst", moved,
                 source_id[:8])
    return moved
