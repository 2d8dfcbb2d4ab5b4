"""Consolidation of period reports: a bloc's members side by side, or a locality's whole tree.

Stable API (also used by the official-documents app):

    consolidate(bloc, period) -> Consolidation
    consolidate_tree(root, period) -> Consolidation
    indicator_series(bloc, period, count) -> {indicator pk: [(Period, total, incomplete)]}

Only submitted or accepted reports count.  The rules for cumulative periods
and for adding up the tree are in aggregation.py and docs/consolidation.md.
The number of queries does not depend on how many bodies, periods or
figures there are: everything is read in a handful of set queries and
combined in Python.
"""

import datetime
import functools
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from giaoban.organisations.models import MEMBER_ORGANISATION_TYPES, Bloc, Level, Organization, OrganizationType
from giaoban.periods.logic import TERM, PeriodKey
from giaoban.periods.models import Period
from giaoban.reports import aggregation
from giaoban.reports.models import (
    COUNTED_STATUSES,
    SECTION_KEYS,
    Indicator,
    IndicatorValue,
    PeriodReport,
    ReportTemplate,
)

# Bodies expected to report when a locality consolidates its tree.
REPORTING_TYPES = (OrganizationType.FRONT_COMMITTEE, *MEMBER_ORGANISATION_TYPES)
_TYPE_ORDER = {t: i for i, t in enumerate((OrganizationType.MASS_MOBILISATION_BOARD, OrganizationType.FRONT_COMMITTEE,
                                           *MEMBER_ORGANISATION_TYPES))}


@dataclass
class ConsolidatedRow:
    indicator: Indicator
    total: Decimal | None
    values: dict[int, Decimal | None]
    incomplete: bool
    previous_total: Decimal | None = None
    change_percent: Decimal | None = None

    @property
    def trend(self) -> str:
        """"up", "down", "same" or "" against the same period last year."""
        if self.total is None or self.previous_total is None:
            return ""
        return "up" if self.total > self.previous_total else "down" if self.total < self.previous_total else "same"

    def value_list(self, organizations: list[Organization]) -> list[Decimal | None]:
        return [self.values.get(org.pk) for org in organizations]


@dataclass
class Consolidation:
    bloc: Bloc | None
    period: Period
    organizations: list[Organization]
    missing: list[Organization]
    rows: list[ConsolidatedRow]
    sections: dict[str, list[tuple[Organization, str]]]
    is_complete: bool
    root: Organization | None = None
    # The report each body made for exactly this period, whatever its status (for the status column).
    reports: dict[int, PeriodReport] = field(default_factory=dict)


def same_period_last_year(key: PeriodKey) -> PeriodKey:
    if key.type == TERM:
        return key.previous()
    return PeriodKey(key.type, key.year - 1, key.number)


def _active_during(org: Organization, period: Period) -> bool:
    return (org.valid_from is None or org.valid_from <= period.end) and (
        org.valid_to is None or org.valid_to >= period.start)


class _Figures:
    """Counted reports and their figures for some bodies over a window of time (two queries)."""

    def __init__(self, organizations: dict, start: datetime.date, end: datetime.date):
        """`organizations`: report lookups naming the bodies, e.g. {"organization_id__in": [...]}."""
        report_filter = {**organizations, "period__start__gte": start, "period__end__lte": end}
        self.spans: dict[int, dict[PeriodKey, int]] = defaultdict(dict)
        self.direct: dict[tuple[int, PeriodKey], tuple[int, str]] = {}
        rows = PeriodReport.objects.filter(**report_filter).values_list(
            "pk", "organization_id", "period__type", "period__year", "period__number", "status")
        for pk, org_id, ptype, year, number, status in rows:
            key = PeriodKey(ptype, year, number)
            self.direct[(org_id, key)] = (pk, status)
            if status in COUNTED_STATUSES:
                self.spans[org_id][key] = pk
        self.values: dict[int, dict[int, Decimal | None]] = defaultdict(dict)
        value_rows = IndicatorValue.objects.filter(
            report__status__in=COUNTED_STATUSES, **{f"report__{k}": v for k, v in report_filter.items()}
        ).values_list("report_id", "indicator_id", "value")
        for report_id, indicator_id, value in value_rows:
            self.values[report_id][indicator_id] = value

    def indicator_ids(self) -> set[int]:
        return {ind for values in self.values.values() for ind in values}

    def organization_ids(self) -> set[int]:
        return set(self.spans)

    def for_organization(self, org_id: int, target: PeriodKey, indicators: list[Indicator]
                         ) -> tuple[bool, dict[int, tuple[Decimal | None, bool]]]:
        """(covered, {indicator pk: (value, complete)}) of one body for one period."""
        spans = self.spans.get(org_id, {})
        found = _cover_of(target, frozenset(spans))
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


@functools.lru_cache(maxsize=4096)
def _cover_of(target: PeriodKey, spans: frozenset[PeriodKey]) -> aggregation.Cover:
    """Most bodies report the same spans: work the cover out once per distinct set."""
    return aggregation.cover(target, dict.fromkeys(spans, Decimal(0)))


def _ordered(organizations: list[Organization]) -> list[Organization]:
    return sorted(organizations, key=lambda o: (_TYPE_ORDER.get(o.type, 99), o.name))


def _rows(figures: _Figures, organizations: list[Organization], indicators: list[Indicator], period: Period,
          ) -> tuple[list[ConsolidatedRow], list[Organization]]:
    """Rows for a flat group of bodies (a bloc), and the bodies whose report for `period` is missing."""
    key, previous_key = period.key, same_period_last_year(period.key)
    current = {org.pk: figures.for_organization(org.pk, key, indicators) for org in organizations}
    previous = {org.pk: figures.for_organization(org.pk, previous_key, indicators) for org in organizations}
    missing = [org for org in organizations if not current[org.pk][0]]
    rows = []
    for indicator in indicators:
        applicable = [org for org in organizations if indicator.applies_to(org.type)]
        values = {org.pk: current[org.pk][1][indicator.pk][0] for org in applicable}
        incomplete = any(not current[org.pk][1][indicator.pk][1] for org in applicable)
        total = aggregation.combine(values.values(), indicator.tree_aggregation)
        before = [previous[org.pk][1][indicator.pk][0] for org in applicable]
        previous_total = aggregation.combine(before, indicator.tree_aggregation)
        rows.append(ConsolidatedRow(indicator, total, values, incomplete, previous_total,
                                    aggregation.change_percent(total, previous_total)))
    return rows, missing


def _sections(organizations: list[Organization], period: Period, keys: list[str]
              ) -> tuple[dict[str, list[tuple[Organization, str]]], dict[int, PeriodReport]]:
    by_pk = {org.pk: org for org in organizations}
    # A period not stored yet has no reports (and cannot be used in a filter).
    reports = {r.organization_id: r for r in PeriodReport.objects.filter(
        organization__in=list(by_pk), period=period)} if period.pk else {}
    sections: dict[str, list[tuple[Organization, str]]] = {key: [] for key in keys}
    for org in organizations:
        report = reports.get(org.pk)
        if report is None or not report.is_counted:
            continue
        for key in keys:
            text = getattr(report, key).strip()
            if text:
                sections[key].append((org, text))
    return sections, reports


def _template(bloc: Bloc, period: Period) -> ReportTemplate | None:
    return ReportTemplate.objects.filter(bloc=bloc, period_type=period.type).first()


def _indicators(template: ReportTemplate | None, period: Period, figures: _Figures) -> list[Indicator]:
    if template is not None:
        asked = list(template.indicators.valid_in(period).order_by("position", "code"))
        if asked:
            return asked
    return list(Indicator.objects.filter(pk__in=figures.indicator_ids()).order_by("position", "code"))


def bloc_reporters(bloc: Bloc) -> list[Organization]:
    """The bodies that report to the bloc: its members, except the convening body (it consolidates)."""
    return _ordered([org for org in bloc.members.all() if org.pk != bloc.convening_id])


def consolidate(bloc: Bloc, period: Period) -> Consolidation:
    """The bloc's member reports for `period` side by side, totals by each indicator's rule."""
    organizations = bloc_reporters(bloc)
    previous_key = same_period_last_year(period.key)
    figures = _Figures({"organization_id__in": [o.pk for o in organizations]}, previous_key.start, period.end)
    template = _template(bloc, period)
    indicators = _indicators(template, period, figures)
    rows, missing = _rows(figures, organizations, indicators, period)
    section_keys = [k for k in SECTION_KEYS if k in (template.sections if template else SECTION_KEYS)]
    sections, reports = _sections(organizations, period, section_keys)
    return Consolidation(bloc=bloc, period=period, organizations=organizations, missing=missing, rows=rows,
                         sections=sections, is_complete=not missing and not any(r.incomplete for r in rows),
                         reports=reports)


def _last_keys(period: Period, count: int) -> list[PeriodKey]:
    """The `count` periods of `period`'s kind ending with it, oldest first."""
    keys = [period.key]
    for _ in range(count - 1):
        keys.insert(0, keys[0].previous())
    return keys


def indicator_series(bloc: Bloc, period: Period, count: int = 6) -> dict[int, list[tuple[PeriodKey, Decimal | None,
                                                                                         bool]]]:
    """Each indicator's bloc total over the `count` periods ending with `period` (for the chart)."""
    keys = _last_keys(period, count)
    organizations = bloc_reporters(bloc)
    figures = _Figures({"organization_id__in": [o.pk for o in organizations]}, keys[0].start, period.end)
    indicators = _indicators(_template(bloc, period), period, figures)
    series: dict[int, list] = {indicator.pk: [] for indicator in indicators}
    for key in keys:
        per_org = {org.pk: figures.for_organization(org.pk, key, indicators) for org in organizations}
        for indicator in indicators:
            applicable = [org for org in organizations if indicator.applies_to(org.type)]
            total = aggregation.combine((per_org[o.pk][1][indicator.pk][0] for o in applicable),
                                        indicator.tree_aggregation)
            incomplete = any(not per_org[o.pk][1][indicator.pk][1] for o in applicable)
            series[indicator.pk].append((key, total, incomplete))
    return series


@dataclass
class TrendPoint:
    """One period of an indicator's history: the total (a bloc's, or a body's own figure), whether every
    body that should have reported it did, and each body's figure (a bloc's members, in order)."""

    key: PeriodKey
    total: Decimal | None
    complete: bool
    by_body: list[Decimal | None]


def bloc_trend(bloc: Bloc, period: Period, indicator: Indicator, count: int = 8
               ) -> tuple[list[Organization], list[TrendPoint]]:
    """One indicator over the `count` periods ending with `period`: the bloc's total and each member's figure."""
    keys = _last_keys(period, count)
    bodies = bloc_reporters(bloc)
    figures = _Figures({"organization_id__in": [o.pk for o in bodies]}, keys[0].start, period.end)
    points = []
    for key in keys:
        values = [figures.for_organization(org.pk, key, [indicator])[1][indicator.pk] for org in bodies]
        counted = [value for org, value in zip(bodies, values, strict=True) if indicator.applies_to(org.type)]
        points.append(TrendPoint(key, aggregation.combine((v for v, _complete in counted), indicator.tree_aggregation),
                                 all(complete for _v, complete in counted), [v for v, _complete in values]))
    return bodies, points


def body_trend(organization: Organization, period: Period, indicator: Indicator, count: int = 8
               ) -> list[TrendPoint]:
    """One indicator over the `count` periods ending with `period`, from one body's own counted reports."""
    keys = _last_keys(period, count)
    figures = _Figures({"organization_id": organization.pk}, keys[0].start, period.end)
    points = []
    for key in keys:
        value, complete = figures.for_organization(organization.pk, key, [indicator])[1][indicator.pk]
        points.append(TrendPoint(key, value, complete, []))
    return points


def consolidate_tree(root: Organization, period: Period, indicators: list[Indicator] | None = None
                     ) -> Consolidation:
    """A locality's consolidation: every body under `root` (communes → province), same row shape.

    Columns (`organizations`) are `root` itself (its own figures) and each body
    directly under it (the figures of its whole subtree).  Expected reporters
    are the Front committees and member organisations of the subtree down to
    the communes, active during the period; `missing` lists those without a
    counted report covering it.
    """
    subtree = list(Organization.objects.filter(tree_path__startswith=root.tree_path))
    by_pk = {org.pk: org for org in subtree}
    previous_key = same_period_last_year(period.key)
    figures = _Figures({"organization__tree_path__startswith": root.tree_path}, previous_key.start, period.end)
    if indicators is None:
        indicators = list(Indicator.objects.filter(pk__in=figures.indicator_ids()).order_by("position", "code"))
    expected = [org for org in subtree if org.type in REPORTING_TYPES and org.level != Level.HAMLET
                and _active_during(org, period)]
    expected_ids = {org.pk for org in expected}
    involved = [org for org in subtree if org.pk in expected_ids or org.pk in figures.organization_ids()]
    current = {org.pk: figures.for_organization(org.pk, period.key, indicators) for org in involved}
    previous = {org.pk: figures.for_organization(org.pk, previous_key, indicators) for org in involved}
    missing = [org for org in expected if not current[org.pk][0]]
    parent_of = {org.pk: (org.parent_id if org.pk != root.pk and org.parent_id in by_pk else None)
                 for org in subtree}
    with_reporters = {pk for org in involved for pk in _path_ids(org)}
    columns = [root] + sorted((org for org in subtree if org.parent_id == root.pk and org.pk in with_reporters),
                              key=lambda o: (_TYPE_ORDER.get(o.type, 99), o.name))
    rows = []
    for indicator in indicators:
        rule = indicator.tree_aggregation
        own = {pk: figures_[1][indicator.pk][0] for pk, figures_ in current.items()}
        rolled = aggregation.roll_up(parent_of, own, rule)
        values = {root.pk: own.get(root.pk)}
        values.update({org.pk: rolled[org.pk] for org in columns[1:]})
        incomplete = any(not current[org.pk][1][indicator.pk][1] for org in expected if indicator.applies_to(org.type))
        before = aggregation.roll_up(parent_of, {pk: f[1][indicator.pk][0] for pk, f in previous.items()}, rule)
        total, previous_total = rolled[root.pk], before[root.pk]
        rows.append(ConsolidatedRow(indicator, total, values, incomplete, previous_total,
                                    aggregation.change_percent(total, previous_total)))
    return Consolidation(bloc=None, period=period, organizations=columns, missing=missing, rows=rows, sections={},
                         is_complete=not missing and not any(r.incomplete for r in rows), root=root)


def _path_ids(org: Organization) -> list[int]:
    return [int(part) for part in org.tree_path.strip("/").split("/") if part]
