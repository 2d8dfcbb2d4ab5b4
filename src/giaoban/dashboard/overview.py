"""What a leader sees first: late and coming work, who is behind, missing reports, next meetings.

Everything is counted over the directives led or coordinated by the bodies the user's roles cover
(their bodies and the subtrees below them). Each figure is a bounded aggregate query: the page's
cost depends on what it shows (a few rows, a few groups), not on how many directives exist.
"""

from __future__ import annotations

import datetime
import functools
import operator
from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

from django.db.models import Count, Q, prefetch_related_objects
from django.db.models.functions import ExtractMonth, ExtractYear
from django.urls import reverse

from giaoban.accounts.access import visible_organization_ids
from giaoban.dashboard import caching
from giaoban.directives.models import OPEN_STATUSES, Directive, DirectiveStatus
from giaoban.meetings.models import Meeting
from giaoban.notifications.models import Notification
from giaoban.periods import logic
from giaoban.periods.models import Period
from giaoban.reports.access import convened_blocs
from giaoban.reports.consolidation import bloc_reporters
from giaoban.reports.models import COUNTED_STATUSES, PeriodReport, ReportTemplate

ROWS = 8
SOON_DAYS = 14
TREND_QUARTERS = 6
MAX_BLOCS = 10


def directive_list_url(**filters) -> str:
    return f"{reverse('directives:list')}?{urlencode({k: v for k, v in filters.items() if v not in (None, '')})}"


@dataclass
class LeadRate:
    lead_id: int
    name: str
    total: int
    done: int

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def url(self) -> str:
        return directive_list_url(lead=self.lead_id)


@dataclass
class BlocReports:
    name: str
    period_label: str
    submitted: int
    expected: int
    missing: list[str]
    url: str


@dataclass(frozen=True)
class DirectiveRow:
    """A directive as the dashboard lists it: plain values, cheap to keep in the shared cache."""

    pk: int
    text: str
    lead_name: str  # the lead body's name, or the assignees as the text wrote them
    deadline: datetime.date | None
    days_late: int


@dataclass(frozen=True)
class MeetingRow:
    pk: int
    title: str
    date: datetime.date
    start_time: datetime.time | None
    host_name: str


@dataclass
class Overview:
    """The figures; the shared part holds no model instances and no lazy translations (cheap to unpickle,
    the same in every language: a status is its enum member, labelled when the page is rendered)."""

    by_status: list[tuple[str, DirectiveStatus, int, str]] = field(default_factory=list)  # value, status, count, url
    overdue_count: int = 0
    overdue: list = field(default_factory=list)
    soon_count: int = 0
    soon: list = field(default_factory=list)
    rates: list[LeadRate] = field(default_factory=list)
    trend: list[tuple[str, int, int]] = field(default_factory=list)  # quarter label, opened, closed
    reports: list[BlocReports] = field(default_factory=list)
    meetings: list = field(default_factory=list)
    unread_count: int = 0
    unread: list = field(default_factory=list)
    links: dict[str, str] = field(default_factory=dict)


def scope(user) -> Q:
    """The directives of the user's bodies and subtrees (led or coordinated).

    Coordinated ones as a subquery on the link table rather than a join: no duplicate rows to
    remove, and the lead index and the link table's index each answer their half.
    """
    bodies = visible_organization_ids(user)
    coordinated = Directive.coordinating.through.objects.filter(organization_id__in=bodies).values("directive_id")
    return Q(lead_id__in=bodies) | Q(pk__in=coordinated)


def _directives(user):
    return Directive.objects.filter(scope(user))


def _counts(directives, today: datetime.date) -> dict[str, int]:
    """Directives per status, overdue and due within SOON_DAYS, in one pass over the user's directives."""
    open_ = Q(status__in=OPEN_STATUSES)
    soon_end = today + datetime.timedelta(days=SOON_DAYS)
    return directives.order_by().aggregate(
        **{f"status_{s.value}": Count("pk", filter=Q(status=s.value)) for s in DirectiveStatus},
        overdue=Count("pk", filter=open_ & Q(deadline__lt=today)),
        soon=Count("pk", filter=open_ & Q(deadline__gte=today, deadline__lte=soon_end)))


def _by_status(counts: dict[str, int]) -> list[tuple[str, DirectiveStatus, int, str]]:
    return [(s.value, s, counts[f"status_{s.value}"], directive_list_url(status=s.value)) for s in DirectiveStatus]


def _rows(queryset, today: datetime.date) -> list[DirectiveRow]:
    rows = queryset.values_list("pk", "text", "lead__name", "assignees_text", "deadline")[:ROWS]
    return [DirectiveRow(pk, text, lead or assignees, deadline, (today - deadline).days)
            for pk, text, lead, assignees, deadline in rows]


def _meetings(user, today: datetime.date) -> list[MeetingRow]:
    rows = (Meeting.objects.visible_to(user).filter(date__gte=today).order_by("date", "start_time", "pk")
            .values_list("pk", "title", "date", "start_time", "host__name")[:ROWS])
    return [MeetingRow(*row) for row in rows]


def _rates(directives, since: datetime.date) -> list[LeadRate]:
    rows = (directives.filter(meeting_date__gte=since, lead__isnull=False).exclude(status=DirectiveStatus.CANCELLED)
            .order_by().values("lead_id", "lead__name")
            .annotate(total=Count("pk"), done=Count("pk", filter=Q(status=DirectiveStatus.DONE)))
            .order_by("-total", "lead__name")[:ROWS])
    return [LeadRate(r["lead_id"], r["lead__name"], r["total"], r["done"]) for r in rows]


def _quarters_back(today: datetime.date, count: int) -> list[logic.PeriodKey]:
    key = logic.PeriodKey(logic.QUARTER, today.year, (today.month - 1) // 3 + 1)
    keys = [key]
    for _i in range(count - 1):
        keys.append(keys[-1].previous())
    return keys[::-1]


def _trend(directives, today: datetime.date) -> list[tuple[str, int, int]]:
    """Directives given (by meeting date) and closed as done, per quarter, oldest first."""
    keys = _quarters_back(today, TREND_QUARTERS)
    start = keys[0].start

    def per_quarter(queryset, date_field: str) -> dict[tuple[int, int], int]:
        rows = (queryset.order_by().annotate(y=ExtractYear(date_field), m=ExtractMonth(date_field))
                .values("y", "m").annotate(n=Count("pk")))
        counts: dict[tuple[int, int], int] = {}
        for row in rows:
            quarter = (row["y"], (row["m"] - 1) // 3 + 1)
            counts[quarter] = counts.get(quarter, 0) + row["n"]
        return counts

    opened = per_quarter(directives.filter(meeting_date__gte=start), "meeting_date")
    closed = per_quarter(directives.filter(status=DirectiveStatus.DONE, closed_at__date__gte=start), "closed_at")
    return [(k.label, opened.get((k.year, k.number), 0), closed.get((k.year, k.number), 0)) for k in keys]


def _current_key(period_type: str, today: datetime.date) -> logic.PeriodKey:
    number = {logic.MONTH: today.month, logic.QUARTER: (today.month - 1) // 3 + 1,
              logic.HALF: 1 if today.month <= 6 else 2}.get(period_type, 0)
    return logic.PeriodKey(period_type, today.year, number)


def _reports(user, today: datetime.date) -> list[BlocReports]:
    """For each bloc the user convenes: who has not yet submitted the current period's report.

    Read for all the blocs at once (their members, first templates, current periods and the
    reports counted), so the cost does not grow with the blocs shown.
    """
    blocs = convened_blocs(user)[:MAX_BLOCS]
    prefetch_related_objects(blocs, "members")
    templates: dict[int, ReportTemplate] = {}
    for template in ReportTemplate.objects.filter(bloc__in=blocs).order_by("-pk"):
        templates[template.bloc_id] = template  # the first (lowest pk) wins
    keys = {bloc.pk: _current_key(templates[bloc.pk].period_type, today) for bloc in blocs
            if bloc.pk in templates and templates[bloc.pk].period_type != logic.TERM}
    periods = _periods(keys.values())
    members = {bloc.pk: bloc_reporters(bloc) for bloc in blocs if bloc.pk in keys}
    done = set(PeriodReport.objects.filter(
        period__in=periods.values(), organization__in={o.pk for found in members.values() for o in found},
        status__in=COUNTED_STATUSES).values_list("period_id", "organization_id")) if periods else set()
    result = []
    for bloc in blocs:
        if bloc.pk not in keys:
            continue
        key = keys[bloc.pk]
        period = periods.get((key.type, key.year, key.number))
        submitted = {o.pk for o in members[bloc.pk] if period is not None and (period.pk, o.pk) in done}
        url = reverse("reports:bloc_consolidation", args=[bloc.pk, key])  # the page opens unstored periods too
        result.append(BlocReports(bloc.name, key.label, len(submitted), len(members[bloc.pk]),
                                  [o.name for o in members[bloc.pk] if o.pk not in submitted], url))
    return result


def _periods(keys) -> dict[tuple, Period]:
    """The stored periods of these keys (read, never created: a period nobody reported on has no row yet)."""
    wanted = {(key.type, key.year, key.number) for key in keys}
    if not wanted:
        return {}
    condition = functools.reduce(operator.or_, (Q(type=t, year=y, number=n) for t, y, n in wanted))
    return {(p.type, p.year, p.number): p for p in Period.objects.filter(condition)}


def figures(user, today: datetime.date) -> Overview:
    """Everything but the user's own notifications: the same for every user who sees the same bodies."""
    directives = _directives(user)
    counts = _counts(directives, today)
    open_ = directives.open()
    overdue = open_.filter(deadline__lt=today).order_by("deadline", "pk")
    soon = open_.filter(deadline__gte=today, deadline__lte=today + datetime.timedelta(days=SOON_DAYS)).order_by(
        "deadline", "pk")
    return Overview(
        by_status=_by_status(counts),
        overdue_count=counts["overdue"], overdue=_rows(overdue, today),
        soon_count=counts["soon"], soon=_rows(soon, today),
        rates=_rates(directives, today - datetime.timedelta(days=365)),
        trend=_trend(directives, today),
        reports=_reports(user, today),
        meetings=_meetings(user, today),
        links={
            "overdue": directive_list_url(status="open", overdue="on", sort="deadline"),
            "soon": directive_list_url(status="open", deadline_from=today.isoformat(),
                                       deadline_to=(today + datetime.timedelta(days=SOON_DAYS)).isoformat()),
            "closed": directive_list_url(status=DirectiveStatus.DONE),
        },
    )


def unread_notifications(user, rows: int = ROWS) -> tuple[int, list[Notification]]:
    """The user's unread notifications: how many, and the first `rows` (read live: they are the user's own)."""
    notifications = Notification.objects.filter(user=user, read_at__isnull=True)
    first = list(notifications[:rows])
    return (len(first) if len(first) < rows else notifications.count()), first  # counted only when there are more


def shared_figures(user, today: datetime.date) -> Overview:
    """The figures of the user's bodies from the shared cache (built on a miss), without notifications."""
    return caching.shared(user, today, lambda: figures(user, today))


def overview(user, today: datetime.date) -> Overview:
    """The figures of the user's bodies from the shared cache, with the user's unread notifications read live."""
    shared = shared_figures(user, today)
    count, unread = unread_notifications(user)
    return replace(shared, unread_count=count, unread=unread)
