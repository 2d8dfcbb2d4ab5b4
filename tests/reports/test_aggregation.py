"""Property tests of the consolidation rules (pure functions: fast, no database)."""

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from giaoban.periods.logic import HALF, MONTH, NINE_MONTHS, QUARTER, YEAR, PeriodKey
from giaoban.reports import aggregation

YEAR_ = 2022
MONTHS = [PeriodKey(MONTH, YEAR_, m) for m in range(1, 13)]
QUARTERS = [PeriodKey(QUARTER, YEAR_, q) for q in range(1, 5)]
amounts = st.integers(min_value=0, max_value=10**12).map(Decimal)
monthly = st.lists(amounts, min_size=12, max_size=12)
TARGETS = [*QUARTERS, PeriodKey(HALF, YEAR_, 1), PeriodKey(HALF, YEAR_, 2), PeriodKey(NINE_MONTHS, YEAR_),
           PeriodKey(YEAR, YEAR_)]


def months_in(key: PeriodKey) -> list[int]:
    return [m.number - 1 for m in MONTHS if key.contains(m)]


@given(monthly)
def test_cumulative_period_is_the_sum_of_its_months(values):
    reported = dict(zip(MONTHS, values, strict=True))
    for target in TARGETS:
        total, complete = aggregation.cumulative(target, reported, aggregation.SUM)
        assert complete
        assert total == sum(values[i] for i in months_in(target))


@given(monthly, st.lists(st.booleans(), min_size=4, max_size=4), st.lists(st.booleans(), min_size=12, max_size=12))
def test_mixing_quarterly_and_monthly_reports_never_double_counts(values, quarter_reported, month_reported):
    """A quarter reported directly wins for its three months; other months count once each."""
    reported = {m: v for m, v, keep in zip(MONTHS, values, month_reported, strict=True) if keep}
    quarter_values = {}
    for q, direct in zip(QUARTERS, quarter_reported, strict=True):
        if direct:  # the quarter's own report: a figure unrelated to its months, to catch any mixing
            quarter_values[q] = Decimal(7) + sum(values[i] for i in months_in(q))
            reported[q] = quarter_values[q]
    year_total, complete = aggregation.cumulative(PeriodKey(YEAR, YEAR_), reported, aggregation.SUM)
    expected, expected_complete = Decimal(0), True
    for q in QUARTERS:
        if q in quarter_values:
            expected += quarter_values[q]
        else:
            expected += sum(values[i] for i in months_in(q) if month_reported[i])
            expected_complete &= all(month_reported[i] for i in months_in(q))
    assert year_total == (expected if quarter_values or any(month_reported) else None)
    assert complete == expected_complete
    # Each month is covered by exactly one part of the cover.
    found = aggregation.cover(PeriodKey(YEAR, YEAR_), reported)
    covered = [i for key, _v in found.parts for i in months_in(key)]
    assert len(covered) == len(set(covered))


@given(monthly, st.sampled_from(TARGETS))
def test_a_directly_reported_coarse_period_wins_over_its_parts(values, target):
    reported = dict(zip(MONTHS, values, strict=True))
    reported[target] = Decimal(42)
    assert aggregation.cumulative(target, reported, aggregation.SUM) == (Decimal(42), True)


@given(monthly)
def test_last_takes_the_latest_part_and_max_the_largest(values):
    reported = dict(zip(MONTHS, values, strict=True))
    year = PeriodKey(YEAR, YEAR_)
    assert aggregation.cumulative(year, reported, aggregation.LAST)[0] == values[11]
    assert aggregation.cumulative(year, reported, aggregation.MAX)[0] == max(values)


@st.composite
def trees(draw):
    """A random tree (parent before child) with own figures on the leaves only."""
    size = draw(st.integers(min_value=1, max_value=40))
    parent_of = {0: None}
    for node in range(1, size):
        parent_of[node] = draw(st.integers(min_value=0, max_value=node - 1))
    parents = {p for p in parent_of.values() if p is not None}
    leaves = [n for n in parent_of if n not in parents]
    own = {leaf: draw(amounts) for leaf in leaves}
    return parent_of, own, leaves


def descendants(parent_of, node):
    result = {node}
    changed = True
    while changed:
        changed = False
        for child, parent in parent_of.items():
            if parent in result and child not in result:
                result.add(child)
                changed = True
    return result


@settings(max_examples=200)
@given(trees())
def test_tree_total_equals_the_sum_of_leaves(tree):
    parent_of, own, leaves = tree
    totals = aggregation.roll_up(parent_of, own, aggregation.SUM)
    assert totals[0] == sum(own[leaf] for leaf in leaves)
    for node in parent_of:
        below = [own[leaf] for leaf in leaves if leaf in descendants(parent_of, node)]
        assert totals[node] == sum(below)


@given(trees(), st.lists(monthly, min_size=40, max_size=40))
def test_tree_of_monthly_reporters_year_total_is_sum_of_all_leaf_months(tree, per_leaf_months):
    parent_of, _own, leaves = tree
    own = {}
    for leaf, values in zip(leaves, per_leaf_months, strict=False):
        own[leaf] = aggregation.cumulative(PeriodKey(YEAR, YEAR_), dict(zip(MONTHS, values, strict=True)),
                                           aggregation.SUM)[0]
    total = aggregation.roll_up(parent_of, own, aggregation.SUM)[0]
    assert total == sum(sum(v) for v in per_leaf_months[:len(leaves)])


@given(trees())
def test_tree_average_is_over_all_reporting_bodies_not_average_of_averages(tree):
    parent_of, own, leaves = tree
    totals = aggregation.roll_up(parent_of, own, aggregation.AVERAGE)
    assert totals[0] == sum(own.values()) / len(leaves)


def test_missing_month_makes_the_quarter_incomplete_but_keeps_the_known_figures():
    reported = {MONTHS[0]: Decimal(5), MONTHS[2]: Decimal(7)}
    assert aggregation.cumulative(QUARTERS[0], reported, aggregation.SUM) == (Decimal(12), False)


def test_change_percent_against_last_year():
    assert aggregation.change_percent(Decimal(150), Decimal(100)) == Decimal("50.0")
    assert aggregation.change_percent(Decimal(80), Decimal(100)) == Decimal("-20.0")
    assert aggregation.change_percent(Decimal(80), Decimal(0)) is None
