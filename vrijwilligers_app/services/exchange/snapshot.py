"""Gemeente side: a source's snapshot in the typed tables (store/gemeente, issue 17).

Replacing a snapshot happens inside the caller's merge transaction: the source's rows go from
every table, the package's rows come in batches (Core executemany, no ORM objects), so the
memory used is one batch whatever the package holds. Reading gives plain dicts with dates as
ISO text, as the packages wrote them.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, Engine, delete, select

from vrijwilligers_app.domain.referral_dates import referral_dates
from vrijwilligers_app.store.gemeente.tables import REFERRAL_DATES, SNAPSHOT

BATCH = 2000


def _batches(source_id: str, rows: Iterable[Mapping[str, Any]]
             ) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append({**row, "source_id": source_id})
        if len(batch) >= BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _tap(rows: Iterable[Mapping[str, Any]], keep: Callable[[Mapping[str, Any]], None]
         ) -> Iterator[Mapping[str, Any]]:
    for row in rows:
        keep(row)
        yield row


def _number(day: date | None) -> int | None:
    return None if day is None else day.toordinal()


def _iso(moment: Any) -> str:
    return moment.isoformat() if isinstance(moment, datetime) else str(moment)


def replace_rows(connection: Connection, source_id: str,
                 tables: Mapping[str, Iterable[Mapping[str, Any]]]) -> list[dict[str, Any]]:
    """Inside an open transaction: the source's snapshot becomes `tables`. Tables not in
    `tables` end up empty for this source. On the way, each referral's dates are derived
    from its events (domain.referral_dates) and kept in gemeente_referral_dates, for the city
    figures. Returns the initiatives the laptop linked to the gemeente's list ({id,
    gemeente_id}, schema version 4) for initiative_merge.record_canonical_links."""
    for table in (REFERRAL_DATES, *reversed(SNAPSHOT.values())):
        connection.execute(delete(table).where(table.c.source_id == source_id))
    referrals: list[tuple[str, str, Any]] = []
    links: list[dict[str, Any]] = []
    events: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for name, rows in tables.items():
        if name == "doorverwijzingen":
            rows = _tap(rows, lambda r: referrals.append(
                (r["id"], r["organisatie"], r["gesignaleerd_op"])))
        elif name == "initiatieven":
            rows = _tap(rows, lambda r: links.append(
                {"id": r["id"], "gemeente_id": r["gemeente_id"]})
                if r.get("gemeente_id") else None)
        elif name == "statusmomenten":
            rows = _tap(rows, lambda r: events[r["doorverwijzing"]].append(
                (r["soort"], _iso(r["moment"]))))
        for batch in _batches(source_id, rows):
            connection.execute(SNAPSHOT[name].insert(), batch)
    derived = []
    for referral, organisation, signalled in referrals:
        found = referral_dates(events.pop(referral, []), None)
        derived.append({"referral": referral, "organisatie": organisation,
                        "signalled": signalled, "registered_day": _number(found.registered_on),
                        "contact_day": _number(found.first_contact_on),
                        "done_day": _number(found.done_on),
                        "closed_day": _number(found.closed_on)})
    for batch in _batches(source_id, derived):
        connection.execute(REFERRAL_DATES.insert(), batch)
    return links


def _text(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(value, date):
        return value.isoformat()
    return value


def snapshot_rows(engine: Engine, table: str, source_id: str | None = None
                  ) -> list[tuple[str, dict[str, Any]]]:
    """(source id, row) of one export table, of one source or all; dates as ISO text."""
    typed = SNAPSHOT[table]
    stmt = select(typed)
    if source_id is not None:
        stmt = stmt.where(typed.c.source_id == source_id)
    stmt = stmt.order_by(*typed.primary_key.columns)
    with engine.connect() as connection:
        return [(row["source_id"], {k: _text(v) for k, v in row.items() if k != "source_id"})
                for row in connection.execute(stmt).mappings()]
