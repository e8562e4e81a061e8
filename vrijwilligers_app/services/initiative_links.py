"""Laptop side of 'one initiative once' (issue 17): the gemeente's list of initiatives and the
links users confirm between this laptop's initiatives and that list.

Return packages bring the list (`store_canonical_list`, in the return's transaction). The
laptop only *suggests* (by name, kind and address: domain/initiative_match); a user links or
unlinks. The export names the linked id beside the initiative's own (`gemeente_id`), so the
gemeente counts the initiative once without merging by hand.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, delete, func, insert, select
from sqlmodel import Session, col

from vrijwilligers_app.domain.initiative_match import Described, normalised, prepare, rank
from vrijwilligers_app.store.engine import read_session, write_session
from vrijwilligers_app.store.tables import (
    CanonicalInitiative,
    Initiative,
    InitiativeCanonicalLink,
    InitiativeType,
)
from vrijwilligers_app.store.tables.base import utcnow

MAX_SUGGESTIONS = 5


class LinkError(Exception):
    """Linking refused; the message is Dutch and names the initiative."""


@dataclass(frozen=True)
class Listed:
    """One initiative on the gemeente's list, as shown to the user."""

    canonical_id: str
    name: str
    kind: str  # the kind's name where this laptop knows the code
    address: str
    districts: str

    @property
    def label(self) -> str:
        where = self.address or self.districts.replace(";", ", ")
        return " — ".join(filter(None, [self.name, self.kind, where]))


@dataclass(frozen=True)
class LinkState:
    """What the details of one initiative show about the gemeente's list."""

    list_size: int
    linked: Listed | None  # linked, and on the current list
    linked_id: str | None  # linked (perhaps to an id the current list no longer names)
    suggestions: list[Listed]


def store_canonical_list(session: Session, rows: Iterable[dict[str, Any]]) -> int:
    """Replace the stored list by a return package's (rows as read and checked from the
    package: data/gemeentelijst.csv). Links stay: the gemeente still knows their ids."""
    values = [{"canonical_id": r["id"], "name": r["naam"], "type_code": r["soort"],
               "address": r["adres"] or "", "postcode": r["postcode"] or "",
               "districts": r["wijken"] or "", "received_at": utcnow()} for r in rows]
    session.execute(delete(CanonicalInitiative))
    if values:
        session.connection().execute(insert(CanonicalInitiative), values)
    return len(values)


def _kinds(session: Session) -> dict[str, str]:
    return {t.code: t.name for t in session.execute(select(InitiativeType)).scalars()}


def _listed(entry: CanonicalInitiative, kinds: dict[str, str]) -> Listed:
    address = " ".join(filter(None, [entry.address, entry.postcode]))
    return Listed(entry.canonical_id, entry.name, kinds.get(entry.type_code, entry.type_code),
                  address, entry.districts)


def _own_ids(session: Session) -> set[str]:
    return set(session.execute(select(col(Initiative.uuid))).scalars())


def _candidates(session: Session) -> list[CanonicalInitiative]:
    """The list without this laptop's own initiatives (the gemeente lists them too)."""
    own = _own_ids(session)
    return [e for e in session.execute(select(CanonicalInitiative).order_by(
        col(CanonicalInitiative.name))).scalars() if e.canonical_id not in own]


def _suggest(initiative: Initiative, candidates: list[CanonicalInitiative],
             kinds: dict[str, str]) -> list[Listed]:
    prepared = [prepare(Described(e.name, e.type_code, e.address, e.postcode))
                for e in candidates]
    ranked = rank(Described(initiative.name, initiative.type_code, initiative.address,
                            initiative.postcode), prepared)
    return [_listed(candidates[index], kinds) for _, index in ranked[:MAX_SUGGESTIONS]]


def _size(session: Session) -> int:
    return int(session.execute(select(func.count()).select_from(CanonicalInitiative))
               .scalar_one())


def list_size(engine: Engine) -> int:
    """How many initiatives the stored gemeente list holds (0: none received yet)."""
    with read_session(engine) as session:
        return _size(session)


def link_state(engine: Engine, initiative_id: int) -> LinkState:
    with read_session(engine) as session:
        initiative = session.get(Initiative, initiative_id)
        if initiative is None:
            raise LinkError("Dit initiatief bestaat niet meer.")
        kinds = _kinds(session)
        size = _size(session)
        link = session.get(InitiativeCanonicalLink, initiative_id)
        if link is not None:
            entry = session.get(CanonicalInitiative, link.canonical_id)
            return LinkState(size, _listed(entry, kinds) if entry else None,
                             link.canonical_id, [])
        return LinkState(size, None, None,
                         _suggest(initiative, _candidates(session), kinds))


def search_list(engine: Engine, typed: str, limit: int = 200) -> list[Listed]:
    """Entries whose name, address or postcode holds every typed word (all when empty)."""
    words = normalised(typed).split()
    with read_session(engine) as session:
        kinds = _kinds(session)
        found = []
        for entry in _candidates(session):
            haystack = normalised(f"{entry.name} {entry.address} {entry.postcode} "
                                  f"{kinds.get(entry.type_code, '')}")
            compact = haystack.replace(" ", "")
            if all(w in haystack or w in compact for w in words):
                found.append(_listed(entry, kinds))
                if len(found) >= limit:
                    break
        return found


def link(engine: Engine, initiative_id: int, canonical_id: str) -> None:
    """Link (or re-link) after the user chose; the id must be on the list."""
    with write_session(engine) as session:
        initiative = session.get(Initiative, initiative_id)
        if initiative is None:
            raise LinkError("Dit initiatief bestaat niet meer.")
        if session.get(CanonicalInitiative, canonical_id) is None:
            raise LinkError(f"'{initiative.name}': het gekozen initiatief staat niet (meer) op "
                            "de gemeentelijst; lees eerst de nieuwste terugmelding in.")
        if canonical_id in _own_ids(session):
            raise LinkError(f"'{initiative.name}' kan niet gekoppeld worden aan een initiatief "
                            "van deze laptop zelf.")
        session.merge(InitiativeCanonicalLink(initiative_id=initiative_id,
                                              canonical_id=canonical_id))


def unlink(engine: Engine, initiative_id: int) -> bool:
    """Remove the link; False when there was none."""
    with write_session(engine) as session:
        link_row = session.get(InitiativeCanonicalLink, initiative_id)
        if link_row is None:
            return False
        session.delete(link_row)
        return True


@dataclass(frozen=True)
class Unlinked:
    initiative_id: int
    name: str


def unlinked_initiatives(engine: Engine) -> list[Unlinked]:
    """This laptop's initiatives (not archived) without a link: what "Initiatieven koppelen
    aan de gemeentelijst…" walks (suggestions are made for the one shown, not for all: a
    region's list may be long)."""
    with read_session(engine) as session:
        linked = set(session.execute(select(col(InitiativeCanonicalLink.initiative_id)))
                     .scalars())
        return [Unlinked(i.id, i.name) for i in session.execute(select(Initiative).where(
            col(Initiative.archived_at).is_(None)).order_by(col(Initiative.name))).scalars()
            if i.id is not None and i.id not in linked]
