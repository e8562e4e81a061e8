"""Loading the shipped code lists into a register: missing codes are added, edits kept.

Every open calls `ensure_code_lists`: the register remembers a fingerprint of the code lists
it last loaded, so an unchanged app skips the write transaction (and building the SQLModel
tables) and only a new release with other code lists loads them again.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from vrijwilligers_app.paths import resource
from vrijwilligers_app.store.settings import get_setting, set_setting

if TYPE_CHECKING:  # the fingerprint alone (store.register's lazy path) needs no SQLAlchemy
    from sqlalchemy import Engine

LOADED_SETTING = "code_lists_loaded"


def code_lists_fingerprint(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.glob("*.csv")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def ensure_code_lists(engine: Engine, folder: Path | None = None) -> int:
    """Load the shipped code lists unless exactly these were loaded before."""
    folder = folder or resource("codes")
    fingerprint = code_lists_fingerprint(folder)
    if get_setting(engine, LOADED_SETTING) == fingerprint:
        return 0
    added = load_code_lists(engine, folder)
    set_setting(engine, LOADED_SETTING, fingerprint)
    return added


def load_code_lists(engine: Engine, folder: Path | None = None) -> int:
    """Insert every shipped code that the register lacks; returns how many were added."""
    from sqlalchemy import insert, select
    from sqlmodel import col

    from vrijwilligers_app.domain.codelists import SPECS, read_code_list, read_destinations
    from vrijwilligers_app.store.engine import write_session
    from vrijwilligers_app.store.tables import Destination, DestinationLifeDomain, metadata

    folder = folder or resource("codes")
    # Parse everything first: a broken file must change nothing.
    lists = [(metadata.tables[spec.table], read_code_list(folder, spec)) for spec in SPECS]
    destinations = read_destinations(folder)
    added = 0
    with write_session(engine) as session:
        for table, rows in lists:
            key = next(iter(table.primary_key.columns))
            existing = set(session.execute(select(key)).scalars())
            new_rows = [r for r in rows if r[key.name] not in existing]
            if new_rows:
                session.execute(insert(table), new_rows)
                added += len(new_rows)
        existing_codes = set(session.execute(select(col(Destination.code))).scalars())
        for seed in destinations:
            if seed.code in existing_codes:
                continue
            destination = Destination(
                code=seed.code, organisation=seed.organisation, service=seed.service,
                phone=seed.phone, website=seed.website,
                agreed_response_days=seed.agreed_response_days,
            )
            session.add(destination)
            session.flush()
            assert destination.id is not None  # given by the flush
            for domain in seed.life_domains:
                session.add(DestinationLifeDomain(destination_id=destination.id,
                                                  life_domain_code=domain))
            added += 1
    return added
