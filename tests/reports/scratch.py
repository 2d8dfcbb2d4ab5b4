"""Consolidation recomputed from scratch, as it was before totals were stored: every counted report of the
window re-read and re-added in Python. The tests compare the stored totals' results with it."""

import datetime
from collections import defaultdict
from decimal import Decimal

from giaoban.organisations.models import Level, Organization
from giaoban.periods.logic import PeriodKey
from giaoban.periods.models import Period
from giaoban.reports import aggregation
from giaoban.reports.consolidation import (
    REPORTING_TYPES,
    ConsolidatedRow,
    _rows,
    bloc_reporters,
    same_period_last_year,
)
from giaoban.reports.models import COUNTED_STATUSES, Indicator, IndicatorValue, PeriodReport


class Figures:
    """Counted reports and their figures for some bodies over a window of time."""

    def __init__(self, organizations: dict, start: datetime.date, end: datetime.date):
        report_filter = {**organizations, "period__start__gte": start, "period__end__lte": end}
        self.spans: dict[int, dict[PeriodKey, int]] = defaultdict(dict)
        for pk, org_id, ptype, year, number in PeriodReport.objects.filter(
                status__in=COUNTED_STATUSES, **report_filter).values_list(
                "pk", "organization_id", "period__type", "period__year", "period__number"):
            self.spans[org_id][PeriodKey(ptype, year, number)] = pk
        self.values: dict[int, dict[int, Decimal | None]] = defaultdict(dict)
        for report_id, indicator_id, value in IndicatorValue.objects.filter(
                report__status__in=COUNTED_STATUSES, **{f"report__{k}": v for k, v in report_filter.items()}
        ).values_list("report_id", "indicator_id", "value"):
            self.values[report_id][indicator_id] = value

    def for_organization(self, org_id: int, target: PeriodKey, indicators: list[Indicator]):
        spans = self.spans.get(org_id, {})
        found = aggregation.cover(target, dict.fromkeys(spans, Decimal(0)))
        figures = {}
        for indicator in indicators:
            parts, complete = [], found.complete
            for key, _zero in found.parts:
                value = self.values.get(spans[key], {}).get(indicator.pk)
                if value is None:
                    complete = False
                else:
                    parts.append((key, value))
            figures[indicator.pk] = (aggregation.combine_over_time(parts, indicator.time_aggregation), complete)
        return found.complete, figures


def bloc_rows(bloc, period: Period, indicators: list[Indicator]) -> tuple[list[ConsolidatedRow], list]:
    organizations = bloc_reporters(bloc)
    figures = Figures({"organization_id__in": [o.pk for o in organizations]},
                      same_period_last_year(period.key).start, period.end)
    return _rows(figures, organizations, indicators, period)


def tree(root: Organization, period: Period, indicators: list[Indicator]) -> tuple[list[ConsolidatedRow], list]:
    """(rows, missing) of a locality's tree, every body's figures re-added."""
    subtree = list(Organization.objects.filter(tree_path__startswith=root.tree_path))
    by_pk = {org.pk: org for org in subtree}
    previous_key = same_period_last_year(period.key)
    figures = Figures({"organization__tree_path__startswith": root.tree_path}, previous_key.start, period.end)
    expected = [org for org in subtree if org.type in REPORTING_TYPES and org.level != Level.HAMLET]
    involved = [org for org in subtree if org in expected or org.pk in figures.spans]
    current = {org.pk: figures.for_organization(org.pk, period.key, indicators) for org in involved}
    previous = {org.pk: figures.for_organization(org.pk, previous_key, indicators) for org in involved}
    parent_of = {org.pk: (org.parent_id if org.pk != root.pk and org.parent_id in by_pk else None) for org in subtree}
    columns = [root] + [org for org in subtree if org.parent_id == root.pk]
    rows = []
    for indicator in indicators:
        rule = indicator.tree_aggregation
        own = {pk: f[1][indicator.pk][0] for pk, f in current.items()}
        rolled = aggregation.roll_up(parent_of, own, rule)
        values = {root.pk: own.get(root.pk), **{org.pk: rolled[org.pk] for org in columns[1:]}}
        incomplete = any(not current[o.pk][1][indicator.pk][1] for o in expected if indicator.applies_to(o.type))
        before = aggregation.roll_up(parent_of, {pk: f[1][indicator.pk][0] for pk, f in previous.items()}, rule)
        rows.append(ConsolidatedRow(indicator, rolled[root.pk], values, incomplete, before[root.pk]))
    return rows, [org for org in expected if not current[org.pk][0]]
