"""Consent ledger rows for the demo: how and by whom, as a coordinator would note them.

Every named resident consented to being recorded (in writing when the intake was at home,
otherwise orally). Some agreed up front to sharing with named organisations; a named
referral always has a consent for its organisation, given at the latest on the day of the
referral. About half agreed to be counted as a pseudonymous row for the gemeente; a few of
those withdrew later. Details come from the row ids, not the random stream, so the rest of
the demo stays as it was.
"""

import hashlib
import uuid
from datetime import UTC, date, datetime, timedelta

from vrijwilligers_app.services.demo.context import Context
from vrijwilligers_app.services.demo.writer import Row

COORDINATORS = ("M. Verhoeven", "A. van Bussel", "J. Şahin", "R. Swinkels", "D. van der Heijden")
# Up-front sharing consents, as people tend to give them (codes of the sociale kaart).
UP_FRONT = (("sth",), ("sth", "huisarts"), ("lev_welzijn",), ())
WITHDRAW_EVERY = 19  # one in ~19 residents counted for the gemeente withdraws that later


def _moment(day: date, n: int) -> datetime:
    """Office hours, from the row id (the demo's random stream is left alone)."""
    return datetime(day.year, day.month, day.day, 9 + n % 8, n % 60, tzinfo=UTC)


def add(ctx: Context, resident_id: int, purpose: str, given_on: date,
        destination_id: int | None = None, how: str | None = None,
        withdrawn_on: date | None = None) -> None:
    n = ctx.new_id("consent")
    digest = hashlib.blake2b(f"consent:{n}".encode(), digest_size=16).digest()
    row: Row = {"id": n, "uuid": str(uuid.UUID(bytes=digest, version=4)),
                "created_at": _moment(given_on, n), "updated_at": _moment(
                    withdrawn_on or given_on, n)}
    row.update(resident_id=resident_id, purpose=purpose, destination_id=destination_id,
               legacy_scope="", given_on=given_on,
               how=how or ("schriftelijk" if n % 3 else "mondeling"),
               recorded_by=COORDINATORS[(resident_id + n) % len(COORDINATORS)],
               withdrawn_on=withdrawn_on)
    ctx.writer.add("consent", row)


def add_for_resident(ctx: Context, resident_id: int, registered: date, written: bool,
                     sharing_on: date | None, up_front: tuple[str, ...]) -> set[int]:
    """The resident's first consents; returns the organisations they may be shared with."""
    add(ctx, resident_id, "vastleggen", registered,
        how="schriftelijk" if written else "mondeling")
    shared: set[int] = set()
    if sharing_on is None:
        return shared
    for code in up_front:
        destination = ctx.codes.destinations.get(code)
        if destination is not None:
            add(ctx, resident_id, "delen", sharing_on, destination)
            shared.add(destination)
    withdrawn = None
    if resident_id % WITHDRAW_EVERY == 0:
        withdrawn = min(ctx.today, sharing_on + timedelta(days=60 + resident_id % 200))
    add(ctx, resident_id, "gemeente", sharing_on, withdrawn_on=withdrawn)
    return shared
