"""Reminders for missing period reports: `giaoban remind` and the button on the consolidation page.

A body that has not submitted its report is reminded before, on and after the
deadline as its bloc's convening body set it (notifications' ReminderSettings,
by default 7 days before, on the day, every 7 days after, for at most
REPORT_FOLLOW_UP_DAYS; after that the convening body follows up in person).
The reminder is addressed to the body; notifications turns bodies into the
people who answer for them. For `giaoban remind` the occasions of every template
are worked out first with a fixed number of queries, then the blocs' members are
read in the order of their tree paths, in chunks, with one look-up of the
reports submitted per chunk.
"""

import datetime
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from types import SimpleNamespace

from django.db.models import F
from django.urls import reverse
from django.utils.translation import gettext as _

from giaoban.notifications import reminders
from giaoban.notifications.models import ReminderSettings
from giaoban.notifications.recipients import responsible_people
from giaoban.notifications.reminders import Reminder
from giaoban.organisations.models import Bloc, Organization
from giaoban.periods.models import Period
from giaoban.reports.consolidation import bloc_reporters, reporter_order
from giaoban.reports.formatting import format_number
from giaoban.reports.models import COUNTED_STATUSES, PeriodReport, ReportDeadline, ReportTemplate

RECENT_PERIODS = 3  # periods of each template looked at: the current one and the two before
KINDS = ("month", "quarter", "half", "nine_months", "year")  # the kinds of period reminded of
CHUNK = 2000  # bloc members read at a time


def _missing(bloc: Bloc, period: Period) -> list[Organization]:
    members = bloc_reporters(bloc)
    done = set(PeriodReport.objects.filter(organization__in=members, period=period, status__in=COUNTED_STATUSES)
               .values_list("organization_id", flat=True))
    return [org for org in members if org.pk not in done]


def _when(deadline: datetime.date, today: datetime.date) -> str:
    days_left = (deadline - today).days
    if days_left >= 0:
        return _("hạn nộp %(d)s, còn %(n)s ngày") % {"d": deadline.strftime("%d/%m/%Y"),
                                                     "n": format_number(days_left)}
    return _("đã quá hạn %(n)s ngày (hạn %(d)s)") % {"n": format_number(-days_left),
                                                     "d": deadline.strftime("%d/%m/%Y")}


def _reminder(org: Organization, bloc: Bloc, period: Period, deadline: datetime.date, occasion: str,
              today: datetime.date) -> Reminder:
    return _missing_reminder(org.pk, org.name, bloc.name, period, deadline, occasion, today)


def _missing_reminder(org_id: int, org_name: str, bloc_name: str, period: Period, deadline: datetime.date,
                      occasion: str, today: datetime.date, **placing) -> Reminder:
    line = _("- %(org)s chưa nộp báo cáo %(period)s cho %(bloc)s; %(when)s.") % {
        "org": org_name, "period": period.label, "bloc": bloc_name, "when": _when(deadline, today)}
    return Reminder(org_id, f"report:{org_id}:{period.pk}:{deadline.isoformat()}:{occasion}",
                    _("Báo cáo chưa nộp"), f"{line}\n  {reminders.site_url(reverse('reports:mine'))}", **placing)


def _current(period_type: str, today: datetime.date) -> Period:
    if period_type in ("month", "quarter", "half"):
        return Period.objects.containing(today, period_type)
    return Period.objects.get_for(Period(type=period_type, year=today.year).key)


def _recent(period_type: str, today: datetime.date) -> list[Period]:
    """The current period of a kind and the ones before it, stored (a reminder's key names a stored period)."""
    periods = [_current(period_type, today)]
    for _i in range(RECENT_PERIODS):
        periods.append(Period.objects.get_for(periods[-1].key.previous()))
    return periods[:RECENT_PERIODS]


@dataclass(frozen=True)
class _Due:
    """One template's period whose reminder occasion has come."""

    rank: int  # the template's place in the order of templates
    step: int  # 0 for the current period, 1 for the one before…
    period: Period
    deadline: datetime.date
    occasion: str


def _due(today: datetime.date) -> dict[int, list[_Due]]:
    """Bloc id → its templates' periods with a current occasion, in the templates' order: a fixed number of
    queries (the periods of each kind, the deadlines set by hand, the settings), whatever the templates."""
    templates = list(ReportTemplate.objects.filter(bloc__active=True, period_type__in=KINDS)
                     .order_by("bloc__name", "period_type", "pk")
                     .values_list("pk", "bloc_id", "period_type", "deadline_days", "bloc__convening_id",
                                  "bloc__convening__tree_path"))
    periods = {kind: _recent(kind, today) for kind in {t[2] for t in templates}}
    overrides = {(template_id, period_id): deadline for template_id, period_id, deadline in ReportDeadline.objects
                 .filter(template__bloc__active=True, period__in=[p for ps in periods.values() for p in ps])
                 .values_list("template_id", "period_id", "deadline")}
    conveners = {t[4]: SimpleNamespace(pk=t[4], tree_path=t[5]) for t in templates}
    schedules = {pk: found.report_schedule()
                 for pk, found in ReminderSettings.for_organizations(conveners.values()).items()}
    found: dict[int, list[_Due]] = defaultdict(list)
    for rank, (template_id, bloc_id, kind, deadline_days, convener, _path) in enumerate(templates):
        for step, period in enumerate(periods[kind]):
            deadline = overrides.get((template_id, period.pk), period.end + datetime.timedelta(days=deadline_days))
            occasion = schedules[convener].occasion_for(deadline, today)
            if occasion is not None:
                found[bloc_id].append(_Due(rank, step, period, deadline, occasion.isoformat()))
    return found


def missing_reports(today: datetime.date) -> Iterator[Reminder]:
    """Provider for `giaoban remind`: one Reminder per missing report whose occasion has come, in the order of
    the bodies' tree paths; the bloc members are read in chunks with one look-up of the reports per chunk."""
    due = _due(today)
    if not due:
        return
    with_templates = ReportTemplate.objects.filter(period_type__in=KINDS).values("bloc_id")
    members = (Bloc.members.through.objects.filter(bloc__active=True, bloc_id__in=with_templates)
               .exclude(organization_id=F("bloc__convening_id"))
               .values_list("bloc_id", "bloc__name", "organization_id", "organization__tree_path",
                            "organization__name", "organization__type")
               .order_by(reminders.path_order("organization__tree_path"), "bloc_id"))
    periods = {d.period.pk for dues in due.values() for d in dues}
    for rows in reminders.chunks(members.iterator(chunk_size=CHUNK), CHUNK):
        done = set(PeriodReport.objects.filter(organization_id__in={row[2] for row in rows}, period_id__in=periods,
                                               status__in=COUNTED_STATUSES).values_list("organization_id", "period_id"))
        for bloc_id, bloc_name, org_id, path, name, kind in rows:
            for d in due.get(bloc_id, ()):
                if (org_id, d.period.pk) not in done:
                    yield _missing_reminder(org_id, name, bloc_name, d.period, d.deadline, d.occasion, today,
                                            path=path, order=(d.rank, d.step, *reporter_order(kind, name), path))


@dataclass(frozen=True)
class RemindResult:
    reached: list[Organization]  # missing bodies that have someone to remind
    unreachable: list[Organization]  # missing bodies with no editor on them or above them
    sent: int  # people who got the reminder now (each at most once a day per bloc and period)


def remind_missing(bloc: Bloc, period: Period, today: datetime.date) -> RemindResult:
    """The convening body's "remind now" button: the missing bodies' people get one message now."""
    template = ReportTemplate.objects.filter(bloc=bloc, period_type=period.type).first()
    deadline = template.deadline_for(period) if template else period.end
    missing = _missing(bloc, period)
    batch = [_reminder(org, bloc, period, deadline, f"now-{today.isoformat()}", today) for org in missing]
    digests = reminders.plan(today, batch, key=f"report-now:{bloc.pk}:{period.pk}:{today.isoformat()}",
                             title=_("Nhắc nộp báo cáo (%(day)s): %(n)d đơn vị chưa nộp"))
    sent = reminders.send(digests)
    people = responsible_people([org.pk for org in missing])
    return RemindResult([org for org in missing if people.get(org.pk)],
                        [org for org in missing if not people.get(org.pk)], sent)
