"""Read side for the register pages and the global search (no Qt, no ORM objects).

registers: column/filter specs per page, ordered id lists and row tuples.
search: the FTS5 search index over initiatives, volunteers, residents and referrals.
"""
