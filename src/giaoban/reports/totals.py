"""Stored per-period totals: each body's figure for the spans it did not report on as such.

A body that reports monthly has no report for a quarter, a half, nine months or a year; its
figure for those spans is made of its months by the rules of aggregation.py. Those figures are
stored in PeriodTotal and rewritten in the same transaction as every write to the body's
reports (status, values, deletion), one body and one year at a time, so consolidation reads one
row per body and span instead of adding up every month of every body on each request. A span
the body did report on as such is read from its own report (its values are the figure).

`rebuild_totals()` rewrites every row from the reports (the data migration and `giaoban synth`
call it); `refresh(organization_id, year)` rewrites one body's year (the write path).
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from django.db import connection, transaction
from django.db.models import CharField, Count, Exists, F, Max, OuterRef, Q, Sum, Value
from django.db.models.functions import Concat, StrIndex, Substr
from django.db.models.signals import post_delete, post_save, pre_save

from giaoban.organisations.models import Organization
from giaoban.periods.logic import HALF, MONTH, NINE_MONTHS, QUARTER, YEAR, PeriodKey
from giaoban.reports import aggregation, caching
from giaoban.reports.models import COUNTED_STATUSES, IndicatorValue, PeriodReport, PeriodTotal

DERIVED_TYPES = (QUARTER, HALF, NINE_MONTHS, YEAR)
BATCH = 500


def derived_keys(year: int) -> list[PeriodKey]:
    """The spans of a year that can be made of smaller ones."""
    return [*(PeriodKey(QUARTER, year, n) for n in range(1, 5)), PeriodKey(HALF, year, 1), PeriodKey(HALF, year, 2),
            PeriodKey(NINE_MONTHS, year), PeriodKey(YEAR, year)]


@functools.lru_cache(maxsize=4096)
def cover_of(target: PeriodKey, spans: frozenset[PeriodKey]) -> aggregation.Cover:
    """Most bodies report the same spans: work the cover out once per distinct set."""
    return aggregation.cover(target, dict.fromkeys(spans, Decimal(0)))


@functools.lru_cache(maxsize=512)
def _month_range(key: PeriodKey) -> tuple[int, int]:
    return key.start.month, key.end.month


def _monthly_cover(key: PeriodKey, spans: dict[PeriodKey, int]) -> aggregation.Cover:
    """aggregation.cover when a body reported only months of the year (the usual habit), without the search:
    the months within the span, in order, complete when none is missing."""
    first, last = _month_range(key)
    parts = tuple((span, Decimal(0)) for span in sorted(spans, key=lambda span: span.number)
                  if first <= span.number <= last)
    return aggregation.Cover(parts, len(parts) == last - first + 1)


@functools.lru_cache(maxsize=512)
def _months(key: PeriodKey) -> int:
    return (key.end.year - key.start.year) * 12 + key.end.month - key.start.month + 1


COLUMNS = ("organization_id", "period_type", "year", "number", "indicator_id", "complete", "total", "maximum",
           "last", "weighted", "months")


def _rows_for(organization_id: int, key: PeriodKey, spans: dict[PeriodKey, int],
              values: dict[int, dict[int, Decimal | None]], monthly: bool) -> list[tuple]:
    """The coverage row and one row per indicator with a value (tuples in COLUMNS order), for one body and span."""
    found = _monthly_cover(key, spans) if monthly else cover_of(key, frozenset(spans))
    if found.empty:
        return []
    head = (organization_id, key.type, key.year, key.number)
    rows = [(*head, None, found.complete, None, None, None, None, None)]
    parts = [(values.get(spans[part], {}), _months(part)) for part, _zero in found.parts]
    for indicator_id in sorted({i for figures, _m in parts for i in figures}):
        complete, total, largest, last, weighted, months = found.complete, Decimal(0), None, None, Decimal(0), 0
        for figures, part_months in parts:  # in time order
            value = figures.get(indicator_id)
            if value is None:
                complete = False
                continue
            total += value
            largest = value if largest is None or value > largest else largest
            last = value
            weighted += value * part_months
            months += part_months
        if last is not None:
            rows.append((*head, indicator_id, complete, total, largest, last, weighted, months))
    return rows


def _compute(report_filter: Q) -> Iterator[tuple]:
    """Rows for the counted reports `report_filter` selects (whole years of the bodies concerned)."""
    spans: dict[tuple[int, int], dict[PeriodKey, int]] = defaultdict(dict)
    for pk, org_id, ptype, year, number in (PeriodReport.objects.filter(report_filter, status__in=COUNTED_STATUSES)
                                            .exclude(period__type__in=["term"])
                                            .values_list("pk", "organization_id", "period__type", "period__year",
                                                         "period__number")):
        spans[(org_id, year)][PeriodKey(ptype, year, number)] = pk
    values: dict[int, dict[int, Decimal | None]] = defaultdict(dict)
    report_ids = [pk for by_key in spans.values() for pk in by_key.values()]
    for start in range(0, len(report_ids), 5000):
        for report_id, indicator_id, value in IndicatorValue.objects.filter(
                report_id__in=report_ids[start:start + 5000]).values_list("report_id", "indicator_id", "value"):
            values[report_id][indicator_id] = value
    for (org_id, year), by_key in spans.items():
        monthly = all(key.type == MONTH for key in by_key)
        for key in derived_keys(year):
            if key not in by_key:  # a span the body reported on as such is read from its report
                yield from _rows_for(org_id, key, by_key, values, monthly)


def _insert(rows: list[tuple]) -> None:
    """Write rows in one statement stream: COPY on PostgreSQL, a prepared INSERT elsewhere (no model objects)."""
    if not rows:
        return
    table = PeriodTotal._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({', '.join(COLUMNS)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join(["%s"] * len(COLUMNS))
            cursor.executemany(f"INSERT INTO {table} ({', '.join(COLUMNS)}) VALUES ({marks})",
                               [(*row[:6], *(None if v is None else str(v) for v in row[6:10]), row[10])
                                for row in rows])


def _year_filter(organization_id: int, year: int) -> Q:
    return Q(organization_id=organization_id, period__year=year)


def refresh(organization_id: int, year: int) -> None:
    """Rewrite one body's totals for one year from its counted reports (in the caller's transaction)."""
    with transaction.atomic():
        # Two servers rewriting the same body at once would each keep their rows: the second waits here.
        list(Organization.objects.select_for_update().filter(pk=organization_id).values_list("pk"))
        PeriodTotal.objects.filter(organization_id=organization_id, year=year).delete()
        _insert(list(_compute(_year_filter(organization_id, year))))
    caching.bump_organization(organization_id)  # its consolidation pages, once the write commits


def rebuild_totals(batch: int = BATCH) -> int:
    """Rewrite every stored total from the reports, `batch` bodies at a time (bounded memory); returns the rows.

    `giaoban synth` and the data migration call it after loading reports in bulk (bulk inserts send no
    signals, so the write path never saw them).
    """
    with transaction.atomic():
        PeriodTotal.objects.all().delete()
        organization_ids = list(PeriodReport.objects.filter(status__in=COUNTED_STATUSES).order_by("organization_id")
                                .values_list("organization_id", flat=True).distinct())
        written = 0
        for start in range(0, len(organization_ids), batch):
            rows = list(_compute(Q(organization_id__in=organization_ids[start:start + batch])))
            _insert(rows)
            written += len(rows)
        caching.bump_catalogue()  # every consolidation page, once the rebuild commits
    return written


# --- the write path ---------------------------------------------------------------------------

def _years_of(report: PeriodReport) -> Iterable[tuple[int, int]]:
    from giaoban.periods.models import Period

    year = Period.objects.filter(pk=report.period_id).values_list("year", flat=True).first()
    return [(report.organization_id, year)] if year is not None else []


def _remember_before(sender, instance: PeriodReport, **kwargs) -> None:
    """An admin may move a report to another body or period: the old body's year is rewritten too."""
    if kwargs.get("raw") or instance.pk is None:
        return
    instance._totals_before = PeriodReport.objects.filter(pk=instance.pk).values_list(
        "organization_id", "period__year").first()


def _report_changed(sender, instance: PeriodReport, **kwargs) -> None:
    if kwargs.get("raw"):
        return
    targets = set(_years_of(instance))
    before = getattr(instance, "_totals_before", None)
    if before:
        targets.add(before)
    for organization_id, year in targets:
        refresh(organization_id, year)


def _deleting_reports(origin) -> bool:
    """The values go because their report goes: its own signal rewrites the year once."""
    return isinstance(origin, PeriodReport) or getattr(origin, "model", None) is PeriodReport


def _value_changed(sender, instance: IndicatorValue, **kwargs) -> None:
    if kwargs.get("raw") or _deleting_reports(kwargs.get("origin")):
        return
    report = PeriodReport.objects.filter(pk=instance.report_id).values_list(
        "organization_id", "period__year", "status").first()
    if report is None:  # the report itself is being deleted: its own signal rewrites the year
        return
    organization_id, year, status = report
    if status in COUNTED_STATUSES:  # a draft's figures count nowhere
        refresh(organization_id, year)


def connect() -> None:
    """Keep the totals in step with every saved or deleted report and value (from the app's ready())."""
    pre_save.connect(_remember_before, sender=PeriodReport, dispatch_uid="totals-report-before")
    post_save.connect(_report_changed, sender=PeriodReport, dispatch_uid="totals-report-save")
    post_delete.connect(_report_changed, sender=PeriodReport, dispatch_uid="totals-report-delete")
    post_save.connect(_value_changed, sender=IndicatorValue, dispatch_uid="totals-value-save")
    post_delete.connect(_value_changed, sender=IndicatorValue, dispatch_uid="totals-value-delete")


def figure(row: PeriodTotal | dict, rule: str) -> Decimal | None:
    """The body's figure for a stored span under an indicator's time rule (as aggregation.combine_over_time)."""
    get = row.get if isinstance(row, dict) else lambda name: getattr(row, name)
    if rule == aggregation.SUM:
        return get("total")
    if rule == aggregation.MAX:
        return get("maximum")
    if rule == aggregation.LAST:
        return get("last")
    if rule == aggregation.AVERAGE:
        return get("weighted") / get("months")
    return None



# --- the read path ----------------------------------------------------------------------------

def _key_filter(keys: Iterable[PeriodKey], prefix: str = "") -> Q:
    query = Q(pk__in=[])
    for key in keys:
        query |= Q(**{f"{prefix}type": key.type, f"{prefix}year": key.year, f"{prefix}number": key.number})
    return query


def _total_key_filter(keys: Iterable[PeriodKey]) -> Q:
    query = Q(pk__in=[])
    for key in keys:
        query |= Q(period_type=key.type, year=key.year, number=key.number)
    return query


class StoredFigures:
    """Some bodies' figures for some spans, from their own reports or the stored totals (four queries)."""

    def __init__(self, organization_ids: list[int], keys: list[PeriodKey]):
        self.native: dict[tuple[int, PeriodKey], int] = {}
        for pk, org_id, ptype, year, number in PeriodReport.objects.filter(
                _key_filter(keys, "period__"), organization_id__in=organization_ids,
                status__in=COUNTED_STATUSES).values_list("pk", "organization_id", "period__type", "period__year",
                                                         "period__number"):
            self.native[(org_id, PeriodKey(ptype, year, number))] = pk
        self.values: dict[int, dict[int, Decimal | None]] = defaultdict(dict)
        for report_id, indicator_id, value in IndicatorValue.objects.filter(
                report_id__in=list(self.native.values())).values_list("report_id", "indicator_id", "value"):
            self.values[report_id][indicator_id] = value
        self.coverage: dict[tuple[int, PeriodKey], bool] = {}
        self.rows: dict[tuple[int, PeriodKey], dict[int, PeriodTotal]] = defaultdict(dict)
        derived = [key for key in keys if key.type in DERIVED_TYPES]
        for row in PeriodTotal.objects.filter(_total_key_filter(derived), organization_id__in=organization_ids):
            at = (row.organization_id, PeriodKey(row.period_type, row.year, row.number))
            if row.indicator_id is None:
                self.coverage[at] = row.complete
            else:
                self.rows[at][row.indicator_id] = row

    def for_organization(self, org_id: int, key: PeriodKey, indicators: list
                         ) -> tuple[bool, dict[int, tuple[Decimal | None, bool]]]:
        """(covered, {indicator pk: (value, complete)}) of one body for one span (rules of aggregation.py)."""
        report_id = self.native.get((org_id, key))
        if report_id is not None:
            values = self.values.get(report_id, {})
            return True, {i.pk: _own(key, values.get(i.pk), i.time_aggregation) for i in indicators}
        if (org_id, key) not in self.coverage:
            return False, {i.pk: (None, False) for i in indicators}
        rows = self.rows.get((org_id, key), {})
        return self.coverage[(org_id, key)], {
            i.pk: (figure(rows[i.pk], i.time_aggregation), rows[i.pk].complete) if i.pk in rows else (None, False)
            for i in indicators}


def _own(key: PeriodKey, value: Decimal | None, rule: str) -> tuple[Decimal | None, bool]:
    if value is None:
        return None, False
    return aggregation.combine_over_time([(key, value)], rule), True


# --- sums over a subtree, grouped in the database ------------------------------------------------

def segment(field: str, root_path: str) -> Substr:
    """The id (as text) of the body directly under the root on a tree path; "" for the root itself."""
    rest = Substr(field, len(root_path) + 1)
    return Substr(rest, 1, StrIndex(Concat(rest, Value("/")), Value("/")) - 1, output_field=CharField())


@dataclass
class Sums:
    """The figures of the bodies of one branch for one indicator: their sum, largest and count."""

    total: Decimal = Decimal(0)
    largest: Decimal | None = None
    count: int = 0

    def add(self, total: Decimal | None, largest: Decimal | None, count: int) -> None:
        if not count:
            return
        self.total += total
        self.largest = largest if self.largest is None else max(self.largest, largest)
        self.count += count

    def combine(self, rule: str) -> Decimal | None:
        """As aggregation.combine over the branch's bodies."""
        if not self.count or rule == aggregation.NONE:
            return None
        if rule in (aggregation.SUM, aggregation.LAST):
            return self.total
        if rule == aggregation.MAX:
            return self.largest
        return self.total / self.count


def branch_sums(root_path: str, key: PeriodKey, indicators: list) -> dict[tuple[str, int], Sums]:
    """{(branch, indicator pk): Sums} of every body's figure for `key` under `root_path`, grouped by the
    body directly under the root ("" for the root itself); three grouped queries, whatever the tree holds."""
    sums: dict[tuple[str, int], Sums] = defaultdict(Sums)
    rules = {i.pk: i.time_aggregation for i in indicators if i.time_aggregation != aggregation.NONE}
    own = (IndicatorValue.objects.filter(
        report__status__in=COUNTED_STATUSES, report__period__type=key.type, report__period__year=key.year,
        report__period__number=key.number, report__organization__tree_path__startswith=root_path,
        indicator_id__in=list(rules), value__isnull=False)
        .values(branch=segment("report__organization__tree_path", root_path), ind=F("indicator_id"))
        .annotate(s=Sum("value"), m=Max("value"), n=Count("pk")).order_by())
    for row in own:
        sums[(row["branch"], row["ind"])].add(row["s"], row["m"], row["n"])
    if key.type not in DERIVED_TYPES:
        return sums
    stored = PeriodTotal.objects.filter(period_type=key.type, year=key.year, number=key.number,
                                        organization__tree_path__startswith=root_path)
    column = {aggregation.SUM: "total", aggregation.MAX: "maximum", aggregation.LAST: "last"}
    for rule, name in column.items():
        chosen = [pk for pk, r in rules.items() if r == rule]
        for row in (stored.filter(indicator_id__in=chosen)
                    .values(branch=segment("organization__tree_path", root_path), ind=F("indicator_id"))
                    .annotate(s=Sum(name), m=Max(name), n=Count("pk")).order_by()):
            sums[(row["branch"], row["ind"])].add(row["s"], row["m"], row["n"])
    # A time average is a quotient per body: those few indicators are divided here, body by body.
    averaged = [pk for pk, r in rules.items() if r == aggregation.AVERAGE]
    for branch, ind, weighted, months in (stored.filter(indicator_id__in=averaged).annotate(
            branch=segment("organization__tree_path", root_path))
            .values_list("branch", "indicator_id", "weighted", "months").iterator(chunk_size=5000)):
        value = weighted / months
        sums[(branch, ind)].add(value, value, 1)
    return sums


def complete_counts(key: PeriodKey, expected) -> dict[tuple[int, str], int]:
    """{(indicator pk, body type): how many of the `expected` bodies have a complete figure for `key`}."""
    counts: dict[tuple[int, str], int] = defaultdict(int)
    own = (IndicatorValue.objects.filter(
        report__status__in=COUNTED_STATUSES, report__period__type=key.type, report__period__year=key.year,
        report__period__number=key.number, report__organization__in=expected, value__isnull=False)
        .values_list("indicator_id", "report__organization__type").annotate(n=Count("pk")).order_by())
    for ind, org_type, n in own:
        counts[(ind, org_type)] += n
    if key.type in DERIVED_TYPES:
        for ind, org_type, n in (PeriodTotal.objects.filter(
                period_type=key.type, year=key.year, number=key.number, complete=True, indicator__isnull=False,
                organization__in=expected).values_list("indicator_id", "organization__type")
                .annotate(n=Count("pk")).order_by()):
            counts[(ind, org_type)] += n
    return counts


def covered(key: PeriodKey) -> Q:
    """Bodies whose reports cover all of `key` (their own report, or parts that tile it), as a condition on
    Organization: two anti-joins through the (body, period) and (body, year) indexes."""
    own = PeriodReport.objects.filter(organization=OuterRef("pk"), status__in=COUNTED_STATUSES,
                                      period__type=key.type, period__year=key.year, period__number=key.number)
    parts = PeriodTotal.objects.filter(organization=OuterRef("pk"), year=key.year, period_type=key.type,
                                       number=key.number, indicator__isnull=True, complete=True)
    return Q(Exists(own)) | Q(Exists(parts))
