"""Generalising resident rows for the gemeente until no combination is rarer than k.

A row is (age band, PC4, wijk). Every combination of these three that leaves the laptop
holds at least k residents (k-anonymity, k = 5 as the CBS and the gemeente publish):
1. rows whose (band, PC4, wijk) is rarer than k lose their PC4 (only the wijk stays);
2. of those, rows whose (band, wijk) is rarer than k get a wider band: 18-26 and 27-44
   become 18-44, 65-74/75-84/85+ become 65+; then 18-44 and 45-64 become 18-64;
3. what is still rarer than k is not sent as a row at all, only counted per wijk.
Pure: no SQL, no dates.
"""

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

K = 5
WIDER: tuple[dict[str, str], ...] = (
    {"18-26": "18-44", "27-44": "18-44", "65-74": "65+", "75-84": "65+", "85+": "65+"},
    {"18-44": "18-64", "45-64": "18-64"},
)


@dataclass(frozen=True)
class Row:
    key: str  # pseudonym
    band: str
    pc4: str | None
    wijk: str | None


def _split(rows: Sequence[Row], identity: Callable[[Row], tuple[object, ...]], k: int
           ) -> tuple[list[Row], list[Row]]:
    counts = Counter(identity(r) for r in rows)
    kept = [r for r in rows if counts[identity(r)] >= k]
    rare = [r for r in rows if counts[identity(r)] < k]
    return kept, rare


def generalise(rows: Sequence[Row], k: int = K) -> tuple[list[Row], list[Row]]:
    """(rows to send, generalised; rows only to count). Every (band, pc4, wijk) among the
    rows to send occurs at least k times."""
    sent, rare = _split(rows, lambda r: (r.band, r.pc4, r.wijk), k)
    rare = [replace(r, pc4=None) for r in rare]
    # Rows that lost their PC4 join those that had none: group on (band, wijk) among them.
    without = [r for r in sent if r.pc4 is None] + rare
    sent = [r for r in sent if r.pc4 is not None]
    for level in range(len(WIDER) + 1):
        kept, without = _split(without, lambda r: (r.band, r.wijk), k)
        sent += kept
        if level < len(WIDER):
            without = [replace(r, band=WIDER[level].get(r.band, r.band)) for r in without]
    return sent, without


Combination = tuple[str, str | None, str | None]  # (band, pc4, wijk)


def generalise_counts(counts: Mapping[Combination, int], k: int = K
                      ) -> dict[Combination, Combination | None]:
    """generalise() on how many rows have each (band, pc4, wijk): what each combination
    becomes, or None when its rows are only counted. Every step of generalise() decides on
    these counts alone, so a caller streaming its rows holds only the combinations."""
    result: dict[Combination, Combination | None] = {}
    current: dict[Combination, Combination] = {}
    for combination, count in counts.items():
        band, pc4, wijk = combination
        if count >= k and pc4 is not None:
            result[combination] = combination
        else:  # rare, or no PC4: grouped on (band, wijk)
            current[combination] = (band, None, wijk)
    for level in range(len(WIDER) + 1):
        totals: Counter[Combination] = Counter()
        for combination, now in current.items():
            totals[now] += counts[combination]
        result.update((c, now) for c, now in current.items() if totals[now] >= k)
        current = {c: now for c, now in current.items() if totals[now] < k}
        if level < len(WIDER):
            current = {c: (WIDER[level].get(band, band), None, wijk)
                       for c, (band, _, wijk) in current.items()}
    result.update((combination, None) for combination in current)
    return result
