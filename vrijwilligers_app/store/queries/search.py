"""Global search over initiatives, volunteers, residents and referrals (FTS5).

The index (`search_index`, revision 0002) is kept in step by SQL triggers. Its rowid is
kind number * 2**32 + record id, so each kind is a contiguous rowid range. Typed words become
quoted prefix phrases, so nothing a user types is ever read as FTS5 syntax.
"""

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, text

from vrijwilligers_app.domain.validation import format_date_nl, format_phone
from vrijwilligers_app.store.queries.care_specs import ORGANISATION, REFERRAL_STATUS
from vrijwilligers_app.store.queries.initiative_specs import DISTRICTS
from vrijwilligers_app.store.queries.people_specs import CURRENT_INITIATIVES

STRIDE = 2**32
KIND_NUMBERS = {"initiatives": 1, "volunteers": 2, "residents": 3, "referrals": 4}
KIND_LABELS = {"initiatives": "Initiatief", "volunteers": "Vrijwilliger",
               "residents": "Inwoner", "referrals": "Doorverwijzing"}
# Letters the unicode61 tokenizer does not fold; the index folds them the same way (0002).
SEARCH_FOLD = (("ı", "i"), ("ł", "l"), ("Ł", "L"), ("ø", "o"), ("Ø", "O"), ("ß", "ss"),
               ("æ", "ae"), ("Æ", "AE"), ("œ", "oe"), ("Œ", "OE"), ("đ", "d"), ("Đ", "D"),
               ("þ", "th"))
_PHONE = re.compile(r"\+?[0-9][0-9\s\-().,/]*")
_PHONE_MARKS = re.compile(r"[\s\-().,/]")
_PEOPLE_END = KIND_NUMBERS["referrals"] * STRIDE
RANK = "bm25(search_index, 0, 0, 0, 10.0, 1.0)"  # a hit in the title weighs ten times
RANK_CAP = 5_000  # more matches than this are not ranked (see _matches)
_SELECT = "SELECT kind, record_id, archived, title FROM search_index"
_WHERE = "WHERE search_index MATCH :query AND rowid > :low AND rowid < :high"


@dataclass(frozen=True)
class SearchHit:
    kind: str  # "initiatives" | "volunteers" | "residents" | "referrals"
    record_id: int
    title: str
    subtitle: str  # Dutch context: wijk, postcode, role...
    archived: bool


def _phone_digits(word: str) -> str:
    digits = _PHONE_MARKS.sub("", word)
    if digits.startswith("+31"):
        return "0" + digits[3:]
    if digits.startswith("0031"):
        return "0" + digits[4:]
    return digits.lstrip("+")


def _fold(word: str) -> str:
    for letter, plain in SEARCH_FOLD:
        word = word.replace(letter, plain)
    return word


def fts_query(user_text: str) -> str | None:
    """An FTS5 MATCH expression: every typed word a quoted prefix, all words required.

    A text that is only a phone number ('06 1234', '+31 6-12') becomes one run of digits in
    the national form. None when nothing searchable is left."""
    stripped = user_text.strip()
    if _PHONE.fullmatch(stripped):
        words = [_phone_digits(stripped)]
    else:
        words = [_phone_digits(w) if _PHONE.fullmatch(w) else _fold(w)
                 for w in stripped.split()]
    phrases = ['"' + w.replace('"', '""') + '"*' for w in words
               if any(c.isalnum() for c in w)]
    return " ".join(phrases) or None


def search(engine: Engine, user_text: str, limit: int = 50,
           kind: str | None = None) -> list[SearchHit]:
    """Hits ranked by bm25, people and initiatives before referrals, archived ones last;
    with `kind` ("volunteers", …) only that kind (its own rowid range: just as fast)."""
    query = fts_query(user_text)
    if query is None or limit <= 0:
        return []
    with engine.connect() as conn:
        if kind is not None:
            low = KIND_NUMBERS[kind] * STRIDE
            rows = _matches(conn, query, low - 1, low + STRIDE, limit)
        else:
            rows = _matches(conn, query, 0, _PEOPLE_END, limit)
        if kind is None and len(rows) < limit:
            rows += _matches(conn, query, _PEOPLE_END, (len(KIND_NUMBERS) + 1) * STRIDE,
                             limit - len(rows))
        subtitles: dict[tuple[str, int], tuple[str, str]] = {}
        for kind, describe in _DESCRIBE.items():
            ids = [record_id for k, record_id, _, _ in rows if k == kind]
            if ids:
                subtitles.update(((kind, i), v) for i, v in describe(conn, ids).items())
    hits = []
    for kind, record_id, archived, title in rows:
        shown_title, subtitle = subtitles.get((kind, record_id), (title, ""))
        hits.append(SearchHit(kind, record_id, shown_title or title, subtitle, bool(archived)))
    return hits


def _matches(conn: Connection, query: str, low: int, high: int,
             limit: int) -> list[tuple[str, int, int, str]]:
    """Ranked hits in rowids (low, high); a query that matches more than RANK_CAP rows
    (one letter, the start of a postcode) is not ranked: bm25 over 100,000 rows takes 0.3 s
    and means nothing then. Title hits come first, in rowid order, then the rest."""
    params = {"query": query, "low": low, "high": high, "limit": limit, "cap": RANK_CAP}
    matched = conn.execute(text(
        f"SELECT count(*) FROM (SELECT 1 FROM search_index {_WHERE} LIMIT :cap)"),
        params).scalar_one()
    if matched < RANK_CAP:
        rows = list(conn.execute(
            text(f"{_SELECT} {_WHERE} ORDER BY archived, {RANK} LIMIT :limit"), params))
    else:
        rows = list(conn.execute(text(f"{_SELECT} {_WHERE} LIMIT :limit"),
                                 {**params, "query": f"title : ({query})"}))
        if len(rows) < limit:
            seen = {(kind, record_id) for kind, record_id, *_ in rows}
            more = conn.execute(text(f"{_SELECT} {_WHERE} LIMIT :limit"),
                                {**params, "limit": limit + len(rows)}).all()
            rows += [r for r in more if (r[0], r[1]) not in seen][:limit - len(rows)]
        rows = sorted(rows, key=lambda row: row[2])  # archived last; the sort is stable
    return [(kind, int(record_id), int(archived), title) for kind, record_id, archived, title
            in rows]


# ------------------------------------------------------------------ subtitles per kind
# (record id -> (title to show instead of the indexed one, or "", Dutch subtitle))
Describe = Callable[[Connection, Sequence[int]], dict[int, tuple[str, str]]]


def _select(conn: Connection, sql: str, ids: Sequence[int]) -> list[tuple[Any, ...]]:
    statement = text(sql + " WHERE t.id IN :ids").bindparams(bindparam("ids", expanding=True))
    return [tuple(r) for r in conn.execute(statement, {"ids": list(ids)})]


def _joined(*parts: object) -> str:
    return " · ".join(str(p) for p in parts if p)


def _date(value: str | None) -> str:
    return format_date_nl(date.fromisoformat(value[:10])) if value else ""


def _people(table: str, extra: str) -> Describe:
    def describe(conn: Connection, ids: Sequence[int]) -> dict[int, tuple[str, str]]:
        rows = _select(conn, f"SELECT t.id, t.postcode, d.name, t.phone, {extra} FROM {table} t "
                             "LEFT JOIN district d ON d.code = t.district_code", ids)
        out = {}
        for record_id, postcode, district, phone, more in rows:
            if table == "resident":
                more = f"geboren in {more}" if more else ""
            out[record_id] = ("", _joined(postcode, district, more, format_phone(phone or "")))
        return out
    return describe


def _initiatives(conn: Connection, ids: Sequence[int]) -> dict[int, tuple[str, str]]:
    rows = _select(conn, f"SELECT t.id, ty.name, {DISTRICTS}, t.contact_name, t.end_date "
                         "FROM initiative t LEFT JOIN initiative_type ty "
                         "ON ty.code = t.type_code", ids)
    return {r[0]: ("", _joined(r[1], r[2], r[3], "beëindigd" if r[4] else ""))
            for r in rows}


def _referrals(conn: Connection, ids: Sequence[int]) -> dict[int, tuple[str, str]]:
    rows = _select(conn, f"SELECT t.id, t.resident_id, d.name, t.age_band, {ORGANISATION}, "
                         "t.signalled_on, t.status FROM referral t "
                         "LEFT JOIN destination ds ON ds.id = t.destination_id "
                         "LEFT JOIN district d ON d.code = t.district_code", ids)
    out = {}
    for record_id, resident_id, district, band, organisation, signalled, status in rows:
        where = ", ".join(part for part in (district, band) if part) or "onbekend"
        title = "" if resident_id else f"Anoniem ({where})"
        out[record_id] = (title, _joined(f"naar {organisation}" if organisation else "",
                                         f"gesignaleerd {_date(signalled)}",
                                         REFERRAL_STATUS.get(status, status)))
    return out


_DESCRIBE: dict[str, Describe] = {
    "initiatives": _initiatives,
    "volunteers": _people("volunteer", CURRENT_INITIATIVES),
    "residents": _people("resident", "t.birth_year"),
    "referrals": _referrals,
}
