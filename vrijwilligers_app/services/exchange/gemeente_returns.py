"""Gemeente side: status events for the laptops' referrals, and the return packages.

The gemeente only *adds* status events (never edits what a laptop entered), so nothing the two
sides change can collide. A return package goes to one source: its referrals' events from the
gemeente (by pseudonymous referral id), plus the gemeente register's current code lists and
sociale kaart, and the list of initiatives (each once, under its canonical id) that laptops
link their own initiatives to (issue 17). It is signed with the gemeente's key; laptops accept
it only with that key pinned. It is not encrypted: it holds pseudonymous ids and public lists only.
"""

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select
from sqlmodel import col

from vrijwilligers_app.domain import referral_rules as rules
from vrijwilligers_app.domain.codelists import SPECS
from vrijwilligers_app.services.exchange.errors import ExchangeError
from vrijwilligers_app.services.exchange.initiative_merge import (
    canonical_list,
    sources_that_link,
)
from vrijwilligers_app.services.exchange.keys import gemeente_keys
from vrijwilligers_app.services.exchange.package_write import (
    build_package,
    remove_superseded,
    write_file,
)
from vrijwilligers_app.services.exchange.projection import sociale_kaart
from vrijwilligers_app.services.exchange.schema import BEFORE_LINKS, SCHEMA_VERSION
from vrijwilligers_app.services.exchange.sequence import next_sequence
from vrijwilligers_app.store.engine import read_session, write_session
from vrijwilligers_app.store.gemeente.tables import (
    SNAPSHOT,
    ExchangeSource,
    ExchangeStatusEvent,
)
from vrijwilligers_app.store.tables import metadata

GEMEENTE_SOURCE_ID = "gemeente"


def resolve_source(engine: Engine, given: str) -> str:
    """The full source id for what the user typed: the full id, or the short form the app
    shows (its first 8 characters or more), when exactly one known source starts with it."""
    with engine.connect() as connection:
        known = [str(s) for s in connection.execute(
            select(col(ExchangeSource.source_id))).scalars()]
    typed = given.strip().lower()
    if typed in known:
        return typed
    matches = [s for s in known if len(typed) >= 8 and s.lower().startswith(typed)]
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        raise ExchangeError(f"Bron '{given}' past bij meer dan één laptop; typ meer tekens "
                            "(zie 'gemeente bronnen').")
    raise ExchangeError(f"Bron '{given}' is onbekend; 'gemeente bronnen' toont de bronnen.")


def add_status_event(engine: Engine, source_id: str, referral_key: str, kind: str,
                     on: date, destination_code: str = "", today: date | None = None) -> str:
    """Record a status event for a source's referral; returns its id. ExchangeError (Dutch)
    for an unknown source or referral, a kind not in the list, or a date in the future or
    before the signal."""
    today = today or date.today()
    if kind not in rules.EVENT_KINDS or kind == "gesignaleerd":
        raise ExchangeError(f"Onbekende status '{kind}'; kies uit "
                            f"{', '.join(k for k in rules.EVENT_KINDS if k != 'gesignaleerd')}.")
    if on > today:
        raise ExchangeError("De datum ligt in de toekomst.")
    source_id = resolve_source(engine, source_id)
    referrals = SNAPSHOT["doorverwijzingen"]
    with engine.connect() as connection:
        signalled = connection.execute(select(referrals.c.gesignaleerd_op).where(
            referrals.c.source_id == source_id, referrals.c.id == referral_key)).scalar()
    if signalled is None:
        raise ExchangeError(f"Doorverwijzing {referral_key} is niet bekend bij bron {source_id}.")
    if on < signalled:
        raise ExchangeError("De datum ligt vóór de dag waarop de doorverwijzing gesignaleerd "
                            "is.")
    if (kind == "doorgestuurd") != bool(destination_code):
        raise ExchangeError("Een organisatie hoort bij 'doorgestuurd', en alleen daarbij.")
    event_id = str(uuid.uuid4())
    with write_session(engine) as session:
        session.add(ExchangeStatusEvent(
            uuid=event_id, source_id=source_id, referral_key=referral_key, kind=kind,
            occurred_at=datetime.combine(on, time(12), UTC), destination_code=destination_code))
    return event_id


def _code_lists(engine: Engine) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    with engine.connect() as connection:
        for spec in SPECS:
            table = metadata.tables[spec.table]
            if "sort_order" not in table.c:
                continue  # wijken and buurten are CBS facts, not the gemeente's lists
            for row in connection.execute(select(table)).mappings():
                rows.append({"lijst": spec.table, "code": row["code"], "naam": row["name"],
                             "volgorde": row["sort_order"], "actief": bool(row["active"]),
                             "groep": row.get("group")})
    return rows


@dataclass(frozen=True)
class ReturnWritten:
    source_id: str
    path: Path
    events: int


def write_returns(engine: Engine, data_dir: Path, folder: Path,
                  register: Engine | None = None) -> list[ReturnWritten]:
    """One return package per known source into `folder`. `engine` holds the gemeente store;
    `register` (default: the same) the sociale kaart, code lists and return numbering."""
    register = register or engine
    keys = gemeente_keys(data_dir)
    with read_session(engine) as session:
        sources = list(session.execute(select(ExchangeSource).order_by(
            col(ExchangeSource.source_id))).scalars())
        events = list(session.execute(select(ExchangeStatusEvent).order_by(
            col(ExchangeStatusEvent.occurred_at))).scalars())
    with register.connect() as connection:
        kaart = sociale_kaart(connection)
    codes = _code_lists(register)
    listed = canonical_list(engine)  # each initiative once (issue 17)
    linking = sources_that_link(engine)  # the others: version 3, which they can read
    written = []
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    for source in sources:
        own = [{"id": e.uuid, "doorverwijzing": e.referral_key, "soort": e.kind,
                "moment": e.occurred_at, "organisatie": e.destination_code or None}
               for e in events if e.source_id == source.source_id]
        sequence = next_sequence(register, data_dir, GEMEENTE_SOURCE_ID)
        tables: dict[str, Any] = {"statusmomenten": own, "sociale_kaart": kaart,
                                  "codelijsten": codes}
        version = SCHEMA_VERSION
        if source.source_id in linking:
            tables["gemeentelijst"] = listed
        else:
            version = BEFORE_LINKS
        built = build_package("return", GEMEENTE_SOURCE_ID, sequence, tables,
                              keys.signing_key, extra={"target": source.source_id,
                                                       "source_name": keys.name,
                                                       "accepted_sequence":
                                                           source.last_sequence},
                              schema_version=version)
        name = f"terugmelding-{source.source_id[:8]}-{sequence:06d}-{stamp}.zip"
        path = write_file(folder, name, built.content)
        remove_superseded(folder, f"terugmelding-{source.source_id[:8]}", sequence)
        written.append(ReturnWritten(source.source_id, path, len(own)))
    return written
