"""In-, door- and uitstroom of volunteers over a period, from their roles. Pure Python.

For one initiative (or the whole register when `initiative_id` is None):
- instroom: a volunteer whose first role there starts in the period;
- uitstroom: a volunteer whose roles there have all ended, the last one in the period, and
  who has no role anywhere else after that day — they left (reason: the reason of that
  last-ending role);
- doorstroom: the same, but with a role in another initiative after that day (for the whole
  register: a volunteer who ended a role in one initiative in the period and went on in
  another). Counted once per volunteer.
"""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from vrijwilligers_app.domain.report_period import Period


@dataclass(frozen=True)
class RoleSpan:
    volunteer_id: int
    initiative_id: int
    start: date | None
    end: date | None
    exit_reason: str  # the reason's name; "" when not recorded


@dataclass
class Flow:
    at_start: int = 0  # volunteers with a role on the first day of the period
    at_end: int = 0  # ... on its last day
    inflow: int = 0
    through: int = 0
    outflow: int = 0
    reasons: Counter[str] = field(default_factory=Counter)  # uitstroom by reason


def _active(span: RoleSpan, day: date) -> bool:
    return (span.start is None or span.start <= day) and (span.end is None or span.end >= day)


def volunteer_flow(spans: Iterable[RoleSpan], period: Period,
                   initiative_id: int | None = None) -> Flow:
    by_volunteer: dict[int, list[RoleSpan]] = {}
    for span in spans:
        by_volunteer.setdefault(span.volunteer_id, []).append(span)
    flow = Flow()
    for volunteer_spans in by_volunteer.values():
        here = [s for s in volunteer_spans
                if initiative_id is None or s.initiative_id == initiative_id]
        if not here:
            continue
        flow.at_start += any(_active(s, period.start) for s in here)
        flow.at_end += any(_active(s, period.end) for s in here)
        first = min((s.start or date.min) for s in here)
        if period.start <= first <= period.end:
            flow.inflow += 1
        if initiative_id is None:
            _whole_register(flow, here, period)
            continue
        if any(s.end is None for s in here):
            continue
        last = max(here, key=lambda s: s.end or date.min)
        assert last.end is not None  # no open role, see above
        if not period.start <= last.end <= period.end:
            continue
        elsewhere = any(s.initiative_id != initiative_id and (s.end is None or s.end > last.end)
                        for s in volunteer_spans)
        if elsewhere:
            flow.through += 1
        else:
            flow.outflow += 1
            flow.reasons[last.exit_reason or "niet vastgelegd"] += 1
    return flow


def _whole_register(flow: Flow, spans: list[RoleSpan], period: Period) -> None:
    ended = [s for s in spans if s.end is not None and period.start <= s.end <= period.end]
    if not ended:
        return
    if any(s.end is None for s in spans):
        last_end = None
    else:
        last_end = max(s.end for s in spans if s.end is not None)
    if last_end is not None and period.start <= last_end <= period.end:
        last = max(spans, key=lambda s: s.end or date.min)
        flow.outflow += 1
        flow.reasons[last.exit_reason or "niet vastgelegd"] += 1
        return
    # Ended somewhere in the period and went on elsewhere (another initiative, later or open).
    if any(s.initiative_id != e.initiative_id and (s.end is None or s.end > (e.end or date.min))
           for e in ended for s in spans):
        flow.through += 1
