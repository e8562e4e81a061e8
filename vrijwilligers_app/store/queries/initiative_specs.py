"""Register specs for initiatives and their activities."""

from vrijwilligers_app.store.queries.spec import (
    ACTIVE_FILTER,
    ARCHIVE_FILTER,
    DISTRICT_OPTIONS,
    INITIATIVE_OPTIONS,
    LIFE_DOMAIN_OPTIONS,
    Column,
    FilterSpec,
    RegisterSpec,
    code_options,
    joined,
    list_sort,
    status_column,
    text_sort,
)

DISTRICTS = joined(
    "SELECT d.name AS v FROM initiative_district x JOIN district d ON d.code = x.district_code "
    "WHERE x.initiative_id = t.id ORDER BY d.name")
LIFE_DOMAINS = joined(
    "SELECT l.name AS v FROM initiative_life_domain x JOIN life_domain l "
    "ON l.code = x.life_domain_code WHERE x.initiative_id = t.id ORDER BY l.sort_order, l.name")
ACTIVE_VOLUNTEERS = ("(SELECT count(DISTINCT r.volunteer_id) FROM volunteer_role r "
                     "WHERE r.initiative_id = t.id AND r.end_date IS NULL)")

INITIATIVES = RegisterSpec(
    kind="initiatives",
    title="Initiatieven",
    from_sql="initiative t LEFT JOIN initiative_type ty ON ty.code = t.type_code",
    columns=(
        Column("naam", "Naam", "t.name", text_sort("t.name"), width=32),
        Column("soort", "Soort", "ty.name", width=18),
        Column("wijken", "Wijken", DISTRICTS, list_sort(DISTRICTS), width=24),
        Column("leefdomeinen", "Leefdomeinen", LIFE_DOMAINS, list_sort(LIFE_DOMAINS), width=24),
        Column("contactpersoon", "Contactpersoon", "t.contact_name", text_sort("t.contact_name"),
               width=20),
        Column("telefoon", "Telefoon", "t.phone", kind="phone", width=14),
        Column("vrijwilligers", "Vrijwilligers", ACTIVE_VOLUNTEERS, kind="count", align="right",
               width=6),
        status_column(),
    ),
    filters=(
        FilterSpec("wijk", "Wijk",
                   "EXISTS (SELECT 1 FROM initiative_district x WHERE x.initiative_id = t.id "
                   "AND x.district_code = :value)", options_sql=DISTRICT_OPTIONS),
        FilterSpec("leefdomein", "Leefdomein",
                   "EXISTS (SELECT 1 FROM initiative_life_domain x WHERE x.initiative_id = t.id "
                   "AND x.life_domain_code = :value)", options_sql=LIFE_DOMAIN_OPTIONS),
        FilterSpec("soort", "Soort", "t.type_code = :value",
                   options_sql=code_options("initiative_type")),
        ACTIVE_FILTER,
        ARCHIVE_FILTER,
    ),
    default_sort="naam",
)

SHIFTS_FILLED = ("(SELECT count(s.volunteer_id) || '/' || count(*) FROM shift s "
                 "WHERE s.activity_id = t.id)")
SHIFTS_RATIO = ("(SELECT count(s.volunteer_id) * 1.0 / count(*) FROM shift s "
                "WHERE s.activity_id = t.id)")
VISITORS = "(SELECT sum(a.visitors) FROM attendance a WHERE a.activity_id = t.id)"
ACTIVITY_TEXT = "t.title || ' ' || i.name || ' ' || t.location"

ACTIVITIES = RegisterSpec(
    kind="activities",
    title="Activiteiten",
    from_sql="activity t LEFT JOIN initiative i ON i.id = t.initiative_id",
    columns=(
        # A datetime: the UI shows date and start time.
        Column("datum", "Datum", "t.starts_at", kind="date", width=16),
        Column("titel", "Titel", "t.title", text_sort("t.title"), width=30),
        Column("initiatief", "Initiatief", "i.name", text_sort("i.name"), width=28),
        Column("locatie", "Locatie", "t.location", text_sort("t.location"), width=20),
        Column("bezoekers", "Bezoekers", VISITORS, kind="count", align="right", width=6),
        # "gevuld/totaal" plaatsen; empty when the activity has no roster.
        Column("rooster", "Rooster", f"nullif({SHIFTS_FILLED}, '0/0')", SHIFTS_RATIO,
               align="right", width=6),
        Column("afgelast", "Afgelast", "t.cancelled", kind="bool", width=6),
    ),
    filters=(
        FilterSpec("initiatief", "Initiatief", "t.initiative_id = CAST(:value AS INTEGER)",
                   options_sql=INITIATIVE_OPTIONS),
        FilterSpec("periode", "Periode",
                   "CASE :value WHEN 'komend' THEN t.starts_at >= :today "
                   "ELSE t.starts_at < :today END",
                   options=(("komend", "Komend"), ("verleden", "Verleden"))),
        FilterSpec("wijk", "Wijk",
                   "(t.district_code = :value OR (t.district_code IS NULL AND EXISTS ("
                   "SELECT 1 FROM initiative_district x WHERE x.initiative_id = t.initiative_id "
                   "AND x.district_code = :value)))", options_sql=DISTRICT_OPTIONS),
    ),
    default_sort="datum",
    default_descending=True,
    like_sql=ACTIVITY_TEXT,
)
