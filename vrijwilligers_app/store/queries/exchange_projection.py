"""SQL of the small export tables (services/exchange/projection_small): initiatives, the
sociale kaart, volunteer counts and listed volunteers, as raw rows.

Every function runs on the caller's Connection (the export reads one snapshot); the service
applies the privacy rules and shapes the rows into the package's Dutch columns.
"""

from datetime import date
from typing import Any

from sqlalchemy import Connection, text


def _all(connection: Connection, sql: str, **params: Any) -> list[Any]:
    return list(connection.execute(text(sql), params).all())


def initiative_rows(c: Connection) -> list[Any]:
    """Every initiative with its district codes, life-domain codes (comma-separated) and the
    gemeente id it is linked to, by uuid."""
    return _all(c, """
        SELECT i.*, (SELECT group_concat(district_code) FROM initiative_district
                     WHERE initiative_id = i.id) AS districts,
               (SELECT group_concat(life_domain_code) FROM initiative_life_domain
                WHERE initiative_id = i.id) AS domains,
               (SELECT canonical_id FROM initiative_canonical_link
                WHERE initiative_id = i.id) AS gemeente_id
        FROM initiative i ORDER BY i.uuid""")


def destination_rows(c: Connection) -> list[Any]:
    """Every destination of the sociale kaart with its life-domain codes, by code."""
    return _all(c, """
        SELECT d.*, (SELECT group_concat(life_domain_code) FROM destination_life_domain
                     WHERE destination_id = d.id) AS domains
        FROM destination d ORDER BY d.code""")


_ACTIVE_ROLE = """
    FROM volunteer_role vr JOIN volunteer v ON v.id = vr.volunteer_id
    JOIN initiative i ON i.id = vr.initiative_id
    WHERE v.archived_at IS NULL AND (v.end_date IS NULL OR v.end_date >= :today)
      AND (vr.end_date IS NULL OR vr.end_date >= :today)"""


def volunteer_count_rows(c: Connection, today: date) -> list[Any]:
    """Per initiative uuid: active volunteers, those with a VOG, those who consented to be
    listed (active on `today`, in a role active on `today`)."""
    return _all(c, f"""
        SELECT i.uuid, count(DISTINCT v.id) AS active,
               count(DISTINCT CASE WHEN v.vog_date IS NOT NULL THEN v.id END) AS vog,
               count(DISTINCT CASE WHEN v.listed_consent THEN v.id END) AS listed
        {_ACTIVE_ROLE} GROUP BY i.uuid ORDER BY i.uuid""", today=today)


def listed_volunteer_rows(c: Connection, today: date) -> list[Any]:
    """The active roles of active volunteers who consented to be listed: volunteer uuid,
    name parts, initiative uuid, role code."""
    return _all(c, f"""
        SELECT DISTINCT v.uuid AS vuuid, v.first_name, v.name_prefix, v.last_name,
               i.uuid AS iuuid, vr.role_code
        {_ACTIVE_ROLE} AND v.listed_consent ORDER BY v.uuid, i.uuid, vr.role_code""",
                today=today)
