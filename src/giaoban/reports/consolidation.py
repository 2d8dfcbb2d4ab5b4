"""Consolidation of period reports: a bloc's members side by side, or a locality's whole tree.

Stable API (also used by the official-documents app):

    consolidate(bloc, period) -> Consolidation
    consolidate_with_series(bloc, period, count) -> (Consolidation, the series below), read once
    consolidate_tree(root, period) -> Consolidation
    indicator_series(bloc, period, count) -> {indicator pk: [(Period, total, incomplete)]}

Only submitted or accepted reports count.  The rules for cumulative periods
and for adding up the tree are in aggregation.py and docs/consolidation.md.
The number of queries does not depend on how many bodies, periods or
figures there are. A body's figure for a span it reported on as such is its
report's value; for a span made of smaller ones it is read from the totals
stored on write (totals.py), so no request re-adds months: a bloc's members
are combined in Python, a locality's tree is summed per branch in the database.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Exists, OuterRef, Q

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
from giaoban.reports.totals import StoredFigures, Sums, branch_sums, complete_counts, covered, segment

# A province's or the country's tree may miss thousands of reports: the page names the first ones.
MISSING_LISTED = 200
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
    # How many bodies are missing when `missing` lists only the first ones (a locality's tree).
    missing_count: int | None = None
    # The bloc's report template for the period's kind (its deadline), when there is one.
    template: ReportTemplate | None = None

    @property
    def missing_total(self) -> int:
        return len(self.missing) if self.missing_count is None else self.missing_count


def same_period_last_year(key: PeriodKey) -> PeriodKey:
    if key.type == TERM:
        return key.previous()
    return PeriodKey(key.type, key.year - 1, key.number)


def _active_during(org: Organization, period: Period) -> bool:
    return (org.valid_from is None or org.valid_from <= period.end) and (
        org.valid_to is None or org.valid_to >= period.start)


def _reported_indicators(start: datetime.date, end: datetime.date, **organizations) -> list[Indicator]:
    """Indicators with a value in a counted report of the bodies between `start` and `end`, in catalogue order.

    `organizations`: report lookups naming the bodies, e.g. organization_id__in=[...].
    """
    reports = PeriodReport.objects.filter(status__in=COUNTED_STATUSES, period__start__gte=start,
                                          period__end__lte=end, **organizations)
    values = IndicatorValue.objects.filter(indicator=OuterRef("pk"), report__in=reports)
    return list(Indicator.objects.filter(Exists(values)).order_by("position", "code"))


def reporter_order(org_type: str, name: str) -> tuple[int, str]:
    """Where a body goes among a bloc's reporters: by kind of body, then by name."""
    return _TYPE_ORDER.get(org_type, 99), name


def _ordered(organizations: list[Organization]) -> list[Organization]:
    return sorted(organizations, key=lambda o: reporter_order(o.type, o.name))


def _rows(figures: StoredFigures, organizations: list[Organization], indicators: list[Indicator], period: Period,
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


def _asked(template: ReportTemplate, period: Period) -> list[Indicator]:
    """The template's indicators valid in the period, in catalogue order (read once per template)."""
    cached = getattr(template, "_asked", None)
    if cached is None or cached[0] != period.key:
        cached = (period.key, list(template.indicators.valid_in(period).order_by("position", "code")))
        template._asked = cached
    return cached[1]


def _indicators(template: ReportTemplate | None, period: Period, organizations: list[Organization],
                start: datetime.date) -> list[Indicator]:
    """The template's indicators, or else every indicator the bodies reported from `start` to the period's end."""
    if template is not None:
        asked = _asked(template, period)
        if asked:
            return asked
    return _reported_indicators(start, period.end, organization_id__in=[o.pk for o in organizations])


def bloc_reporters(bloc: Bloc) -> list[Organization]:
    """The bodies that report to the bloc: its members, except the convening body (it consolidates)."""
    return _ordered([org for org in bloc.members.all() if org.pk != bloc.convening_id])


def consolidate(bloc: Bloc, period: Period) -> Consolidation:
    """The bloc's member reports for `period` side by side, totals by each indicator's rule."""
    return consolidate_with_series(bloc, period, count=0)[0]


def consolidate_with_series(bloc: Bloc, period: Period, count: int = 6
                            ) -> tuple[Consolidation, dict[int, list[tuple[PeriodKey, Decimal | None, bool]]]]:
    """`consolidate(bloc, period)` and `indicator_series(bloc, period, count)` (nothing when 0) together:
    the members, the template and the figures of every span both need are read once."""
    organizations = bloc_reporters(bloc)
    previous_key = same_period_last_year(period.key)
    keys = _last_keys(period, count) if count else []
    figures = StoredFigures([o.pk for o in organizations], list(dict.fromkeys([period.key, previous_key, *keys])))
    template = _template(bloc, period)
    indicators = _indicators(template, period, organizations, previous_key.start)
    rows, missing = _rows(figures, organizations, indicators, period)
    section_keys = [k for k in SECTION_KEYS if k in (template.sections if template else SECTION_KEYS)]
    sections, reports = _sections(organizations, period, section_keys)
    result = Consolidation(bloc=bloc, period=period, organizations=organizations, missing=missing, rows=rows,
                           sections=sections, is_complete=not missing and not any(r.incomplete for r in rows),
                           reports=reports, template=template)
    if not count:
        return result, {}
    # The series' own indicators differ only when the template asks none (then: reported since its first span).
    series_indicators = indicators if template is not None and _asked(template, period) else _indicators(
        template, period, organizations, keys[0].start)
    return result, _series(figures, organizations, series_indicators, keys)
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
    figures = StoredFigures([o.pk for o in organizations], keys)
    indicators = _indicators(_template(bloc, period), period, organizations, keys[0].start)
    return _series(figures, organizations, indicators, keys)


def _series(figures: StoredFigures, organizations: list[Organization], indicators: list[Indicator],
            keys: list[PeriodKey]) -> dict[int, list[tuple[PeriodKey, Decimal | None, bool]]]:
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
    figures = StoredFigures([o.pk for o in bodies], keys)
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
    figures = StoredFigures([organization.pk], keys)
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
    the communes, active during the period; `missing` lists the first
    MISSING_LISTED of those without a counted report covering it
    (`missing_count` counts them all).

    The figures are summed in the database per branch from each body's own
    report or its stored totals (totals.py), so the work and the memory do
    not grow with the bodies of the subtree: a few grouped queries.
    """
    key, previous_key = period.key, same_period_last_year(period.key)
    path = root.tree_path
    chosen = indicators if indicators is not None else list(Indicator.objects.order_by("position", "code"))
    current, before = branch_sums(path, key, chosen), branch_sums(path, previous_key, chosen)
    if indicators is None:
        # Rows for the indicators with a figure now or a year ago (finding those reported at any time in
        # between would scan every value of the country's window).
        present = {pk for _branch, pk in (*current, *before)}
        indicators = [indicator for indicator in chosen if indicator.pk in present]
    expected = _expected(path, period)
    columns = [root] + _branches(root, expected, previous_key.start, period.end)
    own = StoredFigures([root.pk], [key])
    expected_by_type = dict(expected.order_by().values_list("type").annotate(n=Count("pk")))
    complete = complete_counts(key, expected)
    rows = []
    for indicator in indicators:
        rule = indicator.tree_aggregation
        values = {root.pk: own.for_organization(root.pk, key, [indicator])[1][indicator.pk][0]}
        values.update({org.pk: current.get((str(org.pk), indicator.pk), Sums()).combine(rule) for org in columns[1:]})
        types = [t for t in expected_by_type if indicator.applies_to(t)]
        incomplete = sum(complete.get((indicator.pk, t), 0) for t in types) < sum(expected_by_type[t] for t in types)
        total, previous_total = _whole(current, indicator), _whole(before, indicator)
        rows.append(ConsolidatedRow(indicator, total, values, incomplete, previous_total,
                                    aggregation.change_percent(total, previous_total)))
    missing_all = expected.exclude(covered(key)).order_by("tree_path")
    missing = list(missing_all[:MISSING_LISTED])
    missing_count = missing_all.count() if len(missing) == MISSING_LISTED else len(missing)
    return Consolidation(bloc=None, period=period, organizations=columns, missing=missing, rows=rows, sections={},
                         is_complete=not missing and not any(r.incomplete for r in rows), root=root,
                         missing_count=missing_count)


def _expected(path: str, period: Period):
    """The bodies of the subtree expected to report for `period` (a queryset)."""
    return (Organization.objects.filter(tree_path__startswith=path, type__in=REPORTING_TYPES)
            .exclude(level=Level.HAMLET)
            .filter(Q(valid_from__isnull=True) | Q(valid_from__lte=period.end))
            .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=period.start)))


def _branches(root: Organization, expected, start: datetime.date, end: datetime.date) -> list[Organization]:
    """The bodies directly under `root` with a body in their subtree expected to report or that reported."""
    reported = PeriodReport.objects.filter(status__in=COUNTED_STATUSES, period__start__gte=start,
                                           period__end__lte=end, organization__tree_path__startswith=root.tree_path)
    involved = (Organization.objects.filter(tree_path__startswith=root.tree_path)
                .filter(Q(pk__in=expected.values("pk")) | Q(pk__in=reported.values("organization_id")))
                .exclude(pk=root.pk).annotate(branch=segment("tree_path", root.tree_path))
                .order_by().values_list("branch", flat=True).distinct())
    ids = {int(branch) for branch in involved if branch}
    return sorted(Organization.objects.filter(parent=root, pk__in=ids),
                  key=lambda o: (_TYPE_ORDER.get(o.type, 99), o.name))


def _whole(sums: dict, indicator: Indicator) -> Decimal | None:
    """The indicator's figure for the whole subtree, from its branches' sums."""
    whole = Sums()
    for (_branch, pk), branch in sums.items():
        if pk == indicator.pk:
            whole.add(branch.total, branch.largest, branch.count)
    return whole.combine(indicator.tree_aggregation)
