"""The city figures' SQL (issue 17): counts and sums GROUP BY source in the database, and the
city-wide versions over the rows that count once. Dialect-neutral SQLAlchemy Core (window
functions, CASE, COALESCE: SQLite 3.25+ and PostgreSQL alike); nothing SQLite-only.

Shared records (initiatives, sociale kaart, volunteer counts and names per initiative,
activities) may reach the gemeente from several laptops: city-wide each counts once, as in
the newest snapshot (`picked`). Initiatives merged by a gemeente user count as their
canonical id. Pseudonymised records (residents, requests, matches, referrals) are added up.
Every function returns {source_id: value, CITY: value}; sources without rows are absent.
"""

from collections.abc import Iterable
from datetime import date
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, Connection, Select, Subquery, and_, case, func, or_, select

from vrijwilligers_app.store.gemeente.tables import REFERRAL_DATES, SNAPSHOT, gemeente_metadata

CITY = None  # the key of the city-wide value in every result
Values = dict[str | None, Any]
_SOURCE = gemeente_metadata.tables["gemeente_source"]
_ALIAS = gemeente_metadata.tables["gemeente_initiative_alias"]


def source_rank() -> Subquery:
    """source_id -> r: 1 for the newest snapshot (sources never read last; ties by name)."""
    s = _SOURCE
    return select(s.c.source_id, func.row_number().over(order_by=(
        case((s.c.snapshot_at.is_(None), 1), else_=0), s.c.snapshot_at.desc(), s.c.name,
        s.c.source_id)).label("r")).subquery()


def canonical(column: ColumnElement[Any]) -> ColumnElement[Any]:
    """An initiative id as the city counts it (a merged id as its canonical id)."""
    found = select(_ALIAS.c.canonical_id).where(_ALIAS.c.initiative_id == column)
    return func.coalesce(found.scalar_subquery(), column)


def picked(name: str, key: Iterable[ColumnElement[Any]] | None = None) -> Subquery:
    """The rows of a shared table that count city-wide: per key, the newest source's (the
    best rank per key by GROUP BY, then that source's row: cheaper than a window over every
    row)."""
    table, rank, its_rank = SNAPSHOT[name], source_rank(), source_rank()
    keys = list(key) if key is not None else \
        [c for c in table.primary_key.columns if c.name != "source_id"]
    best = select(*(k.label(f"key{i}") for i, k in enumerate(keys)),
                  func.min(rank.c.r).label("r")).join(
        rank, rank.c.source_id == table.c.source_id).group_by(*keys).subquery()
    return select(*table.c).join(its_rank, its_rank.c.source_id == table.c.source_id).join(
        best, and_(best.c.r == its_rank.c.r,
                   *(best.c[f"key{i}"] == k for i, k in enumerate(keys)))
    ).subquery(f"picked_{name}")


def _both(connection: Connection, per_source: Select[Any], city: Select[Any]) -> Values:
    result: Values = {sid: value for sid, value in connection.execute(per_source)}
    result[CITY] = connection.execute(city).scalar()
    return result


def _grouped(connection: Connection, per_source: Select[Any], city: Select[Any]
             ) -> dict[str | None, dict[str, Any]]:
    result: dict[str | None, dict[str, Any]] = {}
    for sid, group, value in connection.execute(per_source):
        result.setdefault(sid, {})[group] = value
    result[CITY] = {group: value for group, value in connection.execute(city)}
    return result


def _per_source(table: Any, value: ColumnElement[Any], *where: ColumnElement[bool]
                ) -> Select[Any]:
    return select(table.c.source_id, value).where(*where).group_by(table.c.source_id)


def initiatives_active(connection: Connection) -> Values:
    t, p = SNAPSHOT["initiatieven"], picked("initiatieven", [canonical(SNAPSHOT[
        "initiatieven"].c.id)])
    return _both(connection, _per_source(t, func.count(), t.c.einddatum.is_(None),
                                         t.c.gearchiveerd_op.is_(None)),
                 select(func.count()).select_from(p).where(p.c.einddatum.is_(None),
                                                           p.c.gearchiveerd_op.is_(None)))


def volunteer_places(connection: Connection) -> Values:
    t = SNAPSHOT["vrijwilligers_per_initiatief"]
    p = picked("vrijwilligers_per_initiatief", [canonical(t.c.initiatief)])
    return _both(connection, _per_source(t, func.sum(t.c.actief)), select(func.sum(p.c.actief)))


def volunteers_listed(connection: Connection) -> Values:
    t = SNAPSHOT["vrijwilligers_vermeld"]  # a name listed anywhere counts once, city-wide
    return _both(connection, _per_source(t, func.count(t.c.id.distinct())),
                 select(func.count(t.c.id.distinct())))


def added_up(connection: Connection, name: str, value: str | None = None,
             where: Any = None) -> Values:
    """count(*) (or sum(value)) of a pseudonymised table per source and for the city."""
    t = SNAPSHOT[name]
    measure = func.count() if value is None else func.sum(t.c[value])
    conditions = [where(t)] if where is not None else []
    return _both(connection, _per_source(t, measure, *conditions),
                 select(measure).select_from(t).where(*conditions))


def matches_ended_by_reason(connection: Connection, start: date, end: date
                            ) -> dict[str | None, dict[str, Any]]:
    t = SNAPSHOT["maatjeskoppelingen"]
    reason = case((or_(t.c.reden.is_(None), t.c.reden == ""), "onbekend"), else_=t.c.reden)
    ended = t.c.beeindigd_op.between(start, end)
    return _grouped(
        connection,
        select(t.c.source_id, reason, func.count()).where(ended).group_by(t.c.source_id,
                                                                          reason),
        select(reason, func.count()).where(ended).group_by(reason))


def activities(connection: Connection, start: date, end: date
               ) -> tuple[Values, Values, dict[str | None, dict[str, Any]]]:
    """(activities held in the period, their volunteer hours, visitors by type)."""
    a, v = SNAPSHOT["activiteiten"], SNAPSHOT["bezoekers"]
    p = picked("activiteiten")
    held = and_(a.c.afgelast.is_(False), a.c.datum.between(start, end))
    city = select(p.c.source_id, p.c.id, p.c.vrijwilligersuren).where(
        p.c.afgelast.is_(False), p.c.datum.between(start, end)).cte("city_held")
    counts: Values = {}
    hours: Values = {}
    for sid, count, total in connection.execute(
            select(a.c.source_id, func.count(), func.sum(a.c.vrijwilligersuren)).where(held)
            .group_by(a.c.source_id)):
        counts[sid], hours[sid] = count, total
    counts[CITY], hours[CITY] = connection.execute(
        select(func.count(), func.sum(city.c.vrijwilligersuren))).one()
    visitors = _grouped(
        connection,
        select(v.c.source_id, v.c.bezoekerstype, func.sum(v.c.aantal)).join(
            a, and_(a.c.source_id == v.c.source_id, a.c.id == v.c.activiteit)).where(held)
        .group_by(v.c.source_id, v.c.bezoekerstype),
        select(v.c.bezoekerstype, func.sum(v.c.aantal)).select_from(city).join(
            v, and_(v.c.source_id == city.c.source_id, v.c.activiteit == city.c.id))
        .group_by(v.c.bezoekerstype))
    return counts, hours, visitors


class Cohort(NamedTuple):
    """The referrals signalled in the period, one tuple each: (source_id, organisatie,
    registered_day, contact_day, done_day, closed_day), day numbers (date.toordinal()), and the
    agreed days of each organisation on its laptop's own sociale kaart and on the city's."""

    rows: list[tuple[str, str, int | None, int | None, int | None, int | None]]
    agreed: dict[tuple[str, str], int | None]  # (source_id, code) -> reactietermijn_dagen
    city_agreed: dict[str, int | None]  # code -> on the city's kaart (the newest snapshot's)


def referral_cohort(connection: Connection, start: date, end: date) -> Cohort:
    """The referrals signalled in the period with their dates as services.referral_figures
    defines them (derived when the package was read: gemeente_referral_dates). The agreed days
    come as small look-ups (a kaart row per organisation and laptop), not joined to every
    referral."""
    d, k = REFERRAL_DATES, SNAPSHOT["sociale_kaart"]
    rows = connection.execute(select(
        d.c.source_id, d.c.organisatie, d.c.registered_day, d.c.contact_day, d.c.done_day,
        d.c.closed_day).where(d.c.signalled.between(start, end))).all()
    agreed = {(sid, code): days for sid, code, days in connection.execute(
        select(k.c.source_id, k.c.code, k.c.reactietermijn_dagen))}
    city_kaart = picked("sociale_kaart")
    city_agreed = dict(connection.execute(select(city_kaart.c.code,
                                                 city_kaart.c.reactietermijn_dagen)).all())
    return Cohort(list(rows), agreed, city_agreed)


def requests_waiting(connection: Connection, statuses: Iterable[str]) -> Values:
    waiting = list(statuses)
    return added_up(connection, "maatjes_aanvragen", where=lambda t: t.c.status.in_(waiting))


def matches_active(connection: Connection) -> Values:
    return added_up(connection, "maatjeskoppelingen", where=lambda t: and_(
        t.c.gestart_op.is_not(None), t.c.beeindigd_op.is_(None)))


def residents(connection: Connection) -> Values:
    """Residents as rows plus residents only counted (per wijk)."""
    rows = added_up(connection, "inwoners")
    counted = added_up(connection, "inwoners_geteld", "aantal")
    return {k: int(rows.get(k) or 0) + int(counted.get(k) or 0) for k in {*rows, *counted}}
