"""Register specs for people: volunteers and residents."""

from vrijwilligers_app.store.queries.spec import (
    ACTIVE_FILTER,
    ARCHIVE_FILTER,
    DISTRICT_OPTIONS,
    INITIATIVE_OPTIONS,
    Column,
    FilterSpec,
    RegisterSpec,
    joined,
    list_sort,
    listed_name,
    name_sort,
    status_column,
)

VOG_YEARS = 3  # a VOG older than this is due for renewal

CURRENT_INITIATIVES = joined(
    "SELECT DISTINCT i.name AS v FROM volunteer_role r JOIN initiative i ON i.id = r.initiative_id "
    "WHERE r.volunteer_id = t.id AND r.end_date IS NULL ORDER BY lower(i.name)")

VOLUNTEERS = RegisterSpec(
    kind="volunteers",
    title="Vrijwilligers",
    from_sql="volunteer t LEFT JOIN district d ON d.code = t.district_code",
    columns=(
        Column("naam", "Naam", listed_name("t"), name_sort("t"), width=28),
        Column("wijk", "Wijk", "d.name", width=16),
        Column("telefoon", "Telefoon", "t.phone", kind="phone", width=14),
        Column("email", "E-mail", "t.email", "lower(t.email)", width=26),
        Column("initiatieven", "Initiatieven", CURRENT_INITIATIVES,
               list_sort(CURRENT_INITIATIVES), width=30),
        Column("vog", "VOG", "t.vog_date", kind="date", width=10),
        Column("sinds", "Sinds", "t.start_date", kind="date", width=10),
        status_column(),
    ),
    filters=(
        FilterSpec("wijk", "Wijk", "t.district_code = :value", options_sql=DISTRICT_OPTIONS),
        FilterSpec("initiatief", "Initiatief",
                   "EXISTS (SELECT 1 FROM volunteer_role r WHERE r.volunteer_id = t.id "
                   "AND r.initiative_id = CAST(:value AS INTEGER) AND r.end_date IS NULL)",
                   options_sql=INITIATIVE_OPTIONS),
        ACTIVE_FILTER,
        FilterSpec("vog", "VOG",
                   "CASE :value WHEN 'ontbreekt' THEN t.vog_date IS NULL "
                   f"WHEN 'verlopen' THEN t.vog_date < date(:today, '-{VOG_YEARS} years') "
                   f"ELSE t.vog_date >= date(:today, '-{VOG_YEARS} years') END",
                   options=(("ontbreekt", "Ontbreekt"),
                            ("verlopen", f"Ouder dan {VOG_YEARS} jaar"),
                            ("geldig", "Geldig"))),
        ARCHIVE_FILTER,
    ),
    default_sort="naam",
)

AGE = "(CAST(substr(:today, 1, 4) AS INTEGER) - t.birth_year)"
AGE_OPTIONS = (("0-26", "Tot 27 jaar"), ("27-44", "27 tot 45 jaar"), ("45-64", "45 tot 65 jaar"),
               ("65-74", "65 tot 75 jaar"), ("75-84", "75 tot 85 jaar"),
               ("85+", "85 jaar en ouder"), ("onbekend", "Onbekend"))
REFERRAL_COUNT = "(SELECT count(*) FROM referral r WHERE r.resident_id = t.id)"

RESIDENTS = RegisterSpec(
    kind="residents",
    title="Inwoners",
    from_sql="resident t LEFT JOIN district d ON d.code = t.district_code",
    columns=(
        Column("naam", "Naam", listed_name("t"), name_sort("t"), width=28),
        Column("geboortejaar", "Geboortejaar", "t.birth_year", kind="int", align="right",
               width=6),
        Column("postcode", "Postcode", "t.postcode", width=8),
        Column("wijk", "Wijk", "d.name", width=16),
        Column("telefoon", "Telefoon", "t.phone", kind="phone", width=14),
        Column("toestemming", "Toestemming vastleggen", "t.consent_recording", kind="bool",
               width=6),
        Column("delen", "Toestemming delen", "t.consent_sharing", kind="bool", width=6),
        Column("doorverwijzingen", "Doorverwijzingen", REFERRAL_COUNT, kind="count",
               align="right", width=6),
    ),
    filters=(
        FilterSpec("wijk", "Wijk", "t.district_code = :value", options_sql=DISTRICT_OPTIONS),
        FilterSpec("delen", "Toestemming delen", "t.consent_sharing = (:value = 'ja')",
                   options=(("ja", "Ja"), ("nee", "Nee"))),
        FilterSpec("leeftijd", "Leeftijd",
                   f"CASE :value WHEN 'onbekend' THEN t.birth_year IS NULL "
                   f"WHEN '0-26' THEN {AGE} < 27 WHEN '27-44' THEN {AGE} BETWEEN 27 AND 44 "
                   f"WHEN '45-64' THEN {AGE} BETWEEN 45 AND 64 "
                   f"WHEN '65-74' THEN {AGE} BETWEEN 65 AND 74 "
                   f"WHEN '75-84' THEN {AGE} BETWEEN 75 AND 84 ELSE {AGE} >= 85 END",
                   options=AGE_OPTIONS),
        ARCHIVE_FILTER,
    ),
    default_sort="naam",
)
