"""search index: FTS5 table kept in step by triggers

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23

One FTS5 table holds a row per initiative, volunteer, resident and referral. SQL triggers
keep it in step with every write, whoever writes (services, the demo's bulk inserts, the
gemeente merge), so the index can never lag behind the data.

It is a plain FTS5 table that keeps its own copy of the indexed text, not a contentless or
external-content one: a referral's entry holds its resident's name, and a row is replaced by
rowid without having to reproduce the exact old text (which a rename would already have
changed). contentless_delete would also need SQLite 3.43. The copy costs a few MB on a
register of 100,000 residents.

rowid = kind number * 2**32 + record id: a delete by rowid is a b-tree lookup, and the kinds
are contiguous rowid ranges, so "people first" is a rowid range, not a filter on every match.
Prefix indexes for 1-3 characters keep as-you-type queries ('d', 'do', 'dor') from merging
thousands of terms; they make the index about 70 MB on demo groot instead of 40 MB.

Indexed text: names; phones as stored (E.164 digits) and in the national form, so '0612'
finds '+31612…'; e-mail; postcode with and without its space; street or address. The
tokenizer folds case and diacritics ('dorien' finds 'Doriën'); letters it does not fold
(ı, ø, ł, ß…) are folded here as well, and the query side folds them the same way
(store/queries/search.py). This migration is frozen: a later change to what is indexed is a
new revision that rebuilds the table.
"""

from collections.abc import Sequence

from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

STRIDE = 2**32
KIND_NUMBERS = {"initiatives": 1, "volunteers": 2, "residents": 3, "referrals": 4}
FOLD = (("ı", "i"), ("ł", "l"), ("Ł", "L"), ("ø", "o"), ("Ø", "O"), ("ß", "ss"), ("æ", "ae"),
        ("Æ", "AE"), ("œ", "oe"), ("Œ", "OE"), ("đ", "d"), ("Đ", "D"), ("þ", "th"))
PHONE_PUNCTUATION = (" ", "-", "(", ")", ".", "/")
COLUMNS = "rowid, kind, record_id, archived, title, body"


def _fold(expr: str) -> str:
    for letter, plain in FOLD:
        expr = f"replace({expr}, '{letter}', '{plain}')"
    return expr


def _phone(col: str) -> str:
    digits = col
    for mark in PHONE_PUNCTUATION:
        digits = f"replace({digits}, '{mark}', '')"
    return (f"{col} || ' ' || CASE WHEN {digits} LIKE '+31%' THEN '0' || substr({digits}, 4) "
            f"WHEN {digits} LIKE '0031%' THEN '0' || substr({digits}, 5) ELSE '' END")


def _postcode(col: str) -> str:
    return f"{col} || ' ' || replace({col}, ' ', '')"


def _name(a: str) -> str:
    return (f"{a}.first_name || ' ' || CASE WHEN {a}.name_prefix <> '' "
            f"THEN {a}.name_prefix || ' ' ELSE '' END || {a}.last_name")


def _source(kind: str, title: str, body: str, from_sql: str, archived: str) -> str:
    """SELECT of index rows for `kind` from its table aliased t (callers add WHERE)."""
    extra = f"CASE WHEN {_fold(title)} <> {title} THEN {_fold(title)} || ' ' ELSE '' END"
    return (f"SELECT {KIND_NUMBERS[kind]} * {STRIDE} + t.id, '{kind}', t.id, {archived}, "
            f"{title}, {extra} || {_fold(body)} FROM {from_sql}")


ARCHIVED = "t.archived_at IS NOT NULL"
SOURCES = {
    "initiative": ("initiatives", _source(
        "initiatives", "t.name",
        f"t.contact_name || ' ' || {_phone('t.phone')} || ' ' || t.email || ' ' || "
        f"{_postcode('t.postcode')} || ' ' || t.address", "initiative t", ARCHIVED)),
    "volunteer": ("volunteers", _source(
        "volunteers", _name("t"),
        f"{_phone('t.phone')} || ' ' || t.email || ' ' || {_postcode('t.postcode')} || ' ' "
        "|| t.street", "volunteer t", ARCHIVED)),
    "resident": ("residents", _source(
        "residents", _name("t"),
        f"{_phone('t.phone')} || ' ' || t.email || ' ' || {_postcode('t.postcode')}",
        "resident t", ARCHIVED)),
    "referral": ("referrals", _source(
        "referrals", f"coalesce({_name('p')}, '')",
        "coalesce(ds.organisation || ' ' || ds.service, '') || ' ' || t.question",
        "referral t LEFT JOIN resident p ON p.id = t.resident_id "
        "LEFT JOIN destination ds ON ds.id = t.destination_id", "0")),
}


def _rowid(kind: str, id_sql: str) -> str:
    return f"{KIND_NUMBERS[kind]} * {STRIDE} + {id_sql}"


def _triggers() -> list[str]:
    statements = []
    for table, (kind, source) in SOURCES.items():
        insert = f"INSERT INTO search_index({COLUMNS}) {source}"
        statements += [
            f"CREATE TRIGGER search_{table}_insert AFTER INSERT ON {table} BEGIN "
            f"DELETE FROM search_index WHERE rowid = {_rowid(kind, 'NEW.id')}; "
            f"{insert} WHERE t.id = NEW.id; END",
            f"CREATE TRIGGER search_{table}_update AFTER UPDATE ON {table} BEGIN "
            f"DELETE FROM search_index WHERE rowid = {_rowid(kind, 'OLD.id')}; "
            f"{insert} WHERE t.id = NEW.id; END",
            f"CREATE TRIGGER search_{table}_delete AFTER DELETE ON {table} BEGIN "
            f"DELETE FROM search_index WHERE rowid = {_rowid(kind, 'OLD.id')}; END",
        ]
    # A referral's entry holds its resident's name and its destination.
    refresh = f"INSERT INTO search_index({COLUMNS}) {SOURCES['referral'][1]}"
    for table, columns, link in (
        ("resident", "first_name, name_prefix, last_name", "resident_id"),
        ("destination", "organisation, service", "destination_id"),
    ):
        statements.append(
            f"CREATE TRIGGER search_{table}_referrals AFTER UPDATE OF {columns} ON {table} "
            f"BEGIN DELETE FROM search_index WHERE rowid IN (SELECT "
            f"{_rowid('referrals', 'id')} FROM referral WHERE {link} = NEW.id); "
            f"{refresh} WHERE t.{link} = NEW.id; END")
    return statements


TRIGGER_NAMES = [f"search_{table}_{event}" for table in SOURCES
                 for event in ("insert", "update", "delete")] + [
    "search_resident_referrals", "search_destination_referrals"]


def upgrade() -> None:
    op.execute(
        "CREATE VIRTUAL TABLE search_index USING fts5(kind UNINDEXED, record_id UNINDEXED, "
        "archived UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2', "
        "prefix = '1 2 3')"
    )
    for _kind, source in SOURCES.values():
        op.execute(f"INSERT INTO search_index({COLUMNS}) {source}")
    for statement in _triggers():
        op.execute(statement)


def downgrade() -> None:
    for name in TRIGGER_NAMES:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS search_index")
