"""Register specs for the follow-up of residents: maatjeskoppelingen and doorverwijzingen."""

from vrijwilligers_app.store.queries.spec import (
    DISTRICT_OPTIONS,
    LIFE_DOMAIN_OPTIONS,
    Column,
    FilterSpec,
    RegisterSpec,
    case_of,
    full_name,
    joined,
    listed_name,
    name_sort,
    text_sort,
)

MATCH_STATUS = ("CASE WHEN t.ended_on IS NOT NULL THEN 'Beëindigd' "
                "WHEN t.started_on IS NOT NULL THEN 'Lopend' ELSE 'Voorgesteld' END")
LAST_CONTACT = "(SELECT max(c.occurred_on) FROM contact_moment c WHERE c.match_id = t.id)"
MATCH_TEXT = f"{full_name('p')} || ' ' || {full_name('v')} || ' ' || i.name"

MATCHES = RegisterSpec(
    kind="matches",
    title="Maatjeskoppelingen",
    from_sql=("buddy_match t LEFT JOIN buddy_request q ON q.id = t.request_id "
              "LEFT JOIN resident p ON p.id = q.resident_id "
              "LEFT JOIN volunteer v ON v.id = t.volunteer_id "
              "LEFT JOIN initiative i ON i.id = q.initiative_id "
              "LEFT JOIN match_end_reason er ON er.code = t.end_reason_code"),
    columns=(
        Column("inwoner", "Inwoner", listed_name("p"), name_sort("p"), width=26),
        Column("vrijwilliger", "Vrijwilliger", listed_name("v"), name_sort("v"), width=26),
        Column("project", "Project", "i.name", text_sort("i.name"), width=26),
        Column("voorgesteld", "Voorgesteld", "t.proposed_on", kind="date", width=10),
        Column("gestart", "Gestart", "t.started_on", kind="date", width=10),
        Column("beeindigd", "Beëindigd", "t.ended_on", kind="date", width=10),
        Column("reden", "Reden", "er.name", width=18),
        Column("laatste_contact", "Laatste contact", LAST_CONTACT, kind="date", width=10),
        Column("status", "Status", MATCH_STATUS, width=12),
    ),
    filters=(
        FilterSpec("project", "Project", "q.initiative_id = CAST(:value AS INTEGER)",
                   options_sql=(
                       "SELECT CAST(i.id AS TEXT), i.name FROM initiative i "
                       "WHERE i.type_code = 'maatjesproject' OR EXISTS (SELECT 1 FROM "
                       "buddy_request q WHERE q.initiative_id = i.id) ORDER BY lower(i.name), "
                       "i.id")),
        FilterSpec("status", "Status",
                   "CASE :value WHEN 'voorgesteld' THEN t.started_on IS NULL AND t.ended_on "
                   "IS NULL WHEN 'lopend' THEN t.started_on IS NOT NULL AND t.ended_on IS NULL "
                   "ELSE t.ended_on IS NOT NULL END",
                   options=(("voorgesteld", "Voorgesteld"), ("lopend", "Lopend"),
                            ("beeindigd", "Beëindigd"))),
        FilterSpec("wijk", "Wijk", "p.district_code = :value", options_sql=DISTRICT_OPTIONS),
    ),
    default_sort="voorgesteld",
    default_descending=True,
    like_sql=MATCH_TEXT,
)

# Aanmeldingen (buddy requests): the waiting list first, longest waiting on top.
REQUEST_STATUS = {"aanmelding": "Aanmelding", "intake": "Intake", "wachtend": "Wachtend",
                  "voorgesteld": "Voorgesteld", "gekoppeld": "Gekoppeld",
                  "afgesloten": "Afgesloten"}
WAITING_LIST = ("aanmelding", "intake", "wachtend")
_WAITING = ", ".join(f"'{s}'" for s in WAITING_LIST)
WAITING_SINCE = (f"CASE WHEN t.status = 'wachtend' THEN coalesce(t.waiting_since, "
                 f"t.requested_on) WHEN t.status IN ({_WAITING}) THEN t.requested_on END")
_STATUS_RANK = ("CASE t.status WHEN 'wachtend' THEN 1 WHEN 'aanmelding' THEN 2 "
                "WHEN 'intake' THEN 3 WHEN 'voorgesteld' THEN 4 WHEN 'gekoppeld' THEN 5 "
                "ELSE 6 END")

REQUESTS = RegisterSpec(
    kind="requests",
    title="Aanmeldingen voor een maatje",
    from_sql=("buddy_request t LEFT JOIN resident p ON p.id = t.resident_id "
              "LEFT JOIN initiative i ON i.id = t.initiative_id "
              "LEFT JOIN district d ON d.code = p.district_code"),
    columns=(
        Column("inwoner", "Inwoner", listed_name("p"), name_sort("p"), width=26),
        Column("status", "Status", case_of("t.status", REQUEST_STATUS, "t.status"),
               # waiting list first, then by the day the wait began (oldest first)
               f"{_STATUS_RANK} || coalesce({WAITING_SINCE}, t.requested_on)", width=12),
        Column("wachttijd", "Wacht (dagen)",
               f"CAST(julianday('now', 'localtime') - julianday({WAITING_SINCE}) "
               "AS INTEGER)", kind="count", align="right", width=8),
        Column("project", "Project", "i.name", text_sort("i.name"), width=24),
        Column("wijk", "Wijk", "d.name", text_sort("d.name"), width=16),
        Column("aangemeld", "Aangemeld", "t.requested_on", kind="date", width=10),
        Column("wacht_sinds", "Wacht sinds", WAITING_SINCE, kind="date", width=10),
        Column("wens", "Wens", "t.wish", text_sort("t.wish"), width=30),
    ),
    filters=(
        FilterSpec("status", "Status",
                   f"CASE WHEN :value = 'wachtlijst' THEN t.status IN ({_WAITING}) "
                   "ELSE t.status = :value END",
                   options=(("wachtlijst", "Wachtlijst (nog geen maatje)"),
                            *REQUEST_STATUS.items())),
        FilterSpec("project", "Project", "t.initiative_id = CAST(:value AS INTEGER)",
                   options_sql=(
                       "SELECT CAST(i.id AS TEXT), i.name FROM initiative i "
                       "WHERE i.type_code = 'maatjesproject' OR EXISTS (SELECT 1 FROM "
                       "buddy_request q WHERE q.initiative_id = i.id) ORDER BY lower(i.name), "
                       "i.id")),
        FilterSpec("wijk", "Wijk", "p.district_code = :value", options_sql=DISTRICT_OPTIONS),
    ),
    default_sort="status",
    like_sql=f"{full_name('p')} || ' ' || coalesce(i.name, '') || ' ' || t.wish",
)

# The status cached on a referral is the kind of its last event.
REFERRAL_STATUS = {
    "gesignaleerd": "Gesignaleerd", "aangemeld": "Aangemeld", "nagebeld": "Nagebeld",
    "contact": "Contact gehad", "doorgestuurd": "Doorgestuurd",
    "in_behandeling": "In behandeling", "geholpen": "Geholpen", "afgesloten": "Afgesloten",
    "teruggemeld": "Teruggemeld", "afgewezen": "Afgewezen",
}
CLOSED_REFERRAL_STATES = ("afgesloten", "teruggemeld", "afgewezen")  # as services.overview
URGENCY = {"normaal": "Normaal", "hoog": "Hoog", "spoed": "Spoed"}
_CLOSED = ", ".join(f"'{s}'" for s in CLOSED_REFERRAL_STATES)
_REFERRED_PERSON = (
    f"CASE WHEN t.resident_id IS NULL THEN 'anoniem (' || coalesce(d.name, 'wijk onbekend') "
    f"|| ', ' || CASE WHEN t.age_band <> '' THEN t.age_band ELSE 'leeftijd onbekend' END "
    f"|| ')' ELSE {listed_name('p')} END")
_REFERRED_PERSON_SORT = (f"CASE WHEN t.resident_id IS NULL THEN 'anoniem ' || coalesce(d.name, '') "
                         f"|| ' ' || t.age_band ELSE {name_sort('p')} END")
ORGANISATION = ("ds.organisation || CASE WHEN ds.service <> '' THEN ' – ' || ds.service "
                "ELSE '' END")
REFERRAL_DOMAINS = joined(
    "SELECT l.name AS v FROM referral_life_domain x JOIN life_domain l "
    "ON l.code = x.life_domain_code WHERE x.referral_id = t.id ORDER BY l.sort_order, l.name")

REFERRALS = RegisterSpec(
    kind="referrals",
    title="Doorverwijzingen",
    from_sql=("referral t LEFT JOIN destination ds ON ds.id = t.destination_id "
              "LEFT JOIN resident p ON p.id = t.resident_id "
              "LEFT JOIN district d ON d.code = t.district_code "
              "LEFT JOIN volunteer v ON v.id = t.volunteer_id"),
    columns=(
        Column("gesignaleerd", "Gesignaleerd", "t.signalled_on", kind="date", width=10),
        Column("inwoner", "Inwoner", _REFERRED_PERSON, _REFERRED_PERSON_SORT, width=28),
        Column("organisatie", "Organisatie", ORGANISATION, text_sort(ORGANISATION), width=30),
        Column("leefdomeinen", "Leefdomeinen", REFERRAL_DOMAINS, width=20),
        Column("urgentie", "Urgentie", case_of("t.urgency", URGENCY, "t.urgency"),
               "CASE t.urgency WHEN 'spoed' THEN 3 WHEN 'hoog' THEN 2 ELSE 1 END", width=8),
        Column("status", "Status", case_of("t.status", REFERRAL_STATUS, "t.status"), width=14),
        Column("vervolgactie", "Vervolgactie", "t.follow_up_on", kind="date", width=10),
        Column("vrijwilliger", "Vrijwilliger", full_name("v"), name_sort("v"), width=22),
    ),
    filters=(
        FilterSpec("organisatie", "Organisatie", "t.destination_id = CAST(:value AS INTEGER)",
                   options_sql=(f"SELECT CAST(ds.id AS TEXT), {ORGANISATION} FROM destination ds "
                                "ORDER BY lower(ds.organisation), lower(ds.service), ds.id")),
        FilterSpec("status", "Status",
                   f"CASE :value WHEN 'open' THEN t.status NOT IN ({_CLOSED}) "
                   f"WHEN 'te_laat' THEN t.status NOT IN ({_CLOSED}) "
                   "AND t.follow_up_on < :today "
                   f"ELSE t.status IN ({_CLOSED}) END",
                   options=(("open", "Open"), ("te_laat", "Vervolg te laat"),
                            ("gesloten", "Gesloten"))),
        FilterSpec("urgentie", "Urgentie", "t.urgency = :value", options=tuple(URGENCY.items())),
        FilterSpec("wijk", "Wijk",
                   "(t.district_code = :value OR (t.district_code IS NULL "
                   "AND p.district_code = :value))", options_sql=DISTRICT_OPTIONS),
        FilterSpec("leefdomein", "Leefdomein",
                   "EXISTS (SELECT 1 FROM referral_life_domain x WHERE x.referral_id = t.id "
                   "AND x.life_domain_code = :value)", options_sql=LIFE_DOMAIN_OPTIONS),
    ),
    default_sort="gesignaleerd",
    default_descending=True,
)
