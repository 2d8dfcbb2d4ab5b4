"""How figures add up over time and up the tree, without Django (property-tested).

Two rules, documented in docs/consolidation.md:

* Over time (cumulative periods): a span is covered by the report made for
  exactly that span when there is one; only a span without its own report is
  filled from its parts (year → two halves, or nine months + quarter IV;
  half → two quarters; nine months → first half + quarter III; quarter →
  three months).  The parts of a span never overlap, so each month is
  counted once, whichever mix of monthly and quarterly reports exists.
* Up the tree: each body reports its own work only; the figure of a subtree
  is the aggregate of the figures of every body in it (a district front's
  report does not repeat its communes').
"""

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from giaoban.periods.logic import HALF, MONTH, NINE_MONTHS, QUARTER, YEAR, PeriodKey

SUM, AVERAGE, MAX, LAST, NONE = "sum", "average", "max", "last", "none"
RULES = (SUM, AVERAGE, MAX, LAST, NONE)


def decompositions(key: PeriodKey) -> list[list[PeriodKey]]:
    """The ways a span splits into disjoint smaller spans, preferred first."""
    year = key.year
    if key.type == YEAR:
        return [[PeriodKey(HALF, year, 1), PeriodKey(HALF, year, 2)],
                [PeriodKey(NINE_MONTHS, year), PeriodKey(QUARTER, year, 4)]]
    if key.type == NINE_MONTHS:
        return [[PeriodKey(HALF, year, 1), PeriodKey(QUARTER, year, 3)]]
    if key.type == HALF:
        return [[PeriodKey(QUARTER, year, 2 * key.number - 1), PeriodKey(QUARTER, year, 2 * key.number)]]
    if key.type == QUARTER:
        return [key.parts(MONTH)]
    return []


@dataclass(frozen=True)
class Cover:
    """The reported spans that make up a period, and whether they cover all of it."""

    parts: tuple[tuple[PeriodKey, Decimal], ...]
    complete: bool

    @property
    def empty(self) -> bool:
        return not self.parts


def cover(key: PeriodKey, reported: Mapping[PeriodKey, Decimal | None]) -> Cover:
    """Disjoint reported spans making up `key`: its own report wins, parts only fill spans without one.

    `reported` maps each span that has a report to its value (None when the
    report exists but leaves this figure blank: the span counts as covered
    but incomplete, and its parts are not consulted — the coarser report wins).
    """
    if key in reported:
        value = reported[key]
        return Cover(((key, value),), True) if value is not None else Cover((), False)
    best: Cover | None = None
    for parts in decompositions(key):
        pieces = [cover(part, reported) for part in parts]
        candidate = Cover(tuple(p for piece in pieces for p in piece.parts), all(p.complete for p in pieces))
        if candidate.complete:
            return candidate
        if best is None or len(candidate.parts) > len(best.parts):
            best = candidate
    return best or Cover((), False)


def _months(key: PeriodKey) -> int:
    return (key.end.year - key.start.year) * 12 + key.end.month - key.start.month + 1


def combine_over_time(parts: Iterable[tuple[PeriodKey, Decimal]], rule: str) -> Decimal | None:
    """One figure for a span from the figures of its disjoint parts, given in time order (as `cover` gives them)."""
    parts = list(parts)
    if not parts or rule == NONE:
        return None
    values = [value for _key, value in parts]
    if rule == SUM:
        return sum(values, Decimal(0))
    if rule == MAX:
        return max(values)
    if rule == LAST:
        return values[-1]
    if rule == AVERAGE:  # weighted by the months each part spans
        weight = sum(_months(key) for key, _v in parts)
        return sum((value * _months(key) for key, value in parts), Decimal(0)) / weight
    raise ValueError(f"unknown rule {rule!r}")


def cumulative(key: PeriodKey, reported: Mapping[PeriodKey, Decimal | None], rule: str) -> tuple[Decimal | None, bool]:
    """(value, complete) of `key` from the spans a body reported."""
    found = cover(key, reported)
    return combine_over_time(found.parts, rule), found.complete


def combine(values: Iterable[Decimal | None], rule: str) -> Decimal | None:
    """Aggregate the figures of several bodies (None values are skipped; all None → None)."""
    present = [v for v in values if v is not None]
    if not present or rule == NONE:
        return None
    if rule in (SUM, LAST):  # "last" is a time rule; across bodies a stock adds up
        return sum(present, Decimal(0))
    if rule == MAX:
        return max(present)
    if rule == AVERAGE:
        return sum(present, Decimal(0)) / len(present)
    raise ValueError(f"unknown rule {rule!r}")


def roll_up(parent_of: Mapping[Hashable, Hashable | None], own: Mapping[Hashable, Decimal | None],
            rule: str) -> dict[Hashable, Decimal | None]:
    """Figure of each node's subtree: the aggregate of the own figures of every node in it.

    Averages are over all reporting bodies of the subtree, not averages of averages.
    """
    members: dict[Hashable, list[Decimal | None]] = {node: [] for node in parent_of}
    for node in parent_of:
        value = own.get(node)
        seen: set = set()
        current: Hashable | None = node
        while current is not None and current not in seen:
            seen.add(current)
            if current in members:
                members[current].append(value)
            current = parent_of.get(current)
    return {node: combine(values, rule) for node, values in members.items()}


def change_percent(current: Decimal | None, previous: Decimal | None) -> Decimal | None:
    """Change against the same period of last year, in per cent (None when it cannot be said)."""
    if current is None or previous is None or previous == 0:
        return None
    return ((current - previous) * 100 / previous).quantize(Decimal("0.1"))

