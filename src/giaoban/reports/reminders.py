"""Reminders for missing period reports: `giaoban remind` and the button on the consolidation page.

A body that has not submitted its report is reminded before, on and after the
deadline as its bloc's convening body set it (notifications' ReminderSettings,
by default 7 days before, on the day, every 7 days after, for at most
REPORT_FOLLOW_UP_DAYS; after that the convening body follows up in person).
The reminder is addressed to the body; notifications turns bodies into the
people who answer for them.
"""

import datetime
from collections.abc import Iterator
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _

from giaoban.notifications import reminders
from giaoban.notifications.models import ReminderSettings
from giaoban.notifications.recipients import responsible_people
from giaoban.notifications.reminders import Reminder
from giaoban.organisations.models import Bloc, Organization
from giaoban.periods.models import Period
from giaoban.reports.consolidation import bloc_reporters
from giaoban.reports.formatting import format_number
from giaoban.reports.models import COUNTED_STATUSES, PeriodReport, ReportTemplate

RECENT_PERIODS = 3  # periods of each template looked at: the current one and the two before


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
    line = _("- %(org)s chưa nộp báo cáo %(period)s cho %(bloc)s; %(when)s.") % {
        "org": org.name, "period": period.label, "bloc": bloc.name, "when": _when(deadline, today)}
    return Reminder(org.pk, f"report:{org.pk}:{period.pk}:{deadline.isoformat()}:{occasion}",
                    _("Báo cáo chưa nộp"), f"{line}\n  {reminders.site_url(reverse('reports:mine'))}")


def _current(period_type: str, today: datetime.date) -> Period:
    if period_type in ("month", "quarter", "half"):
        return Period.objects.containing(today, period_type)
    return Period.objects.get_for(Period(type=period_type, year=today.year).key)


def missing_reports(today: datetime.date) -> Iterator[Reminder]:
    """Provider for `giaoban remind`: one Reminder per missing report whose occasion has come."""
    templates = list(ReportTemplate.objects.filter(bloc__active=True).select_related("bloc__convening"))
    schedules = ReminderSettings.for_organizations({t.bloc.convening for t in templates})
    for template in templates:
        if template.period_type not in ("month", "quarter", "half", "nine_months", "year"):
            continue
        schedule = schedules[template.bloc.convening_id].report_schedule()
        period = _current(template.period_type, today)
        for _i in range(RECENT_PERIODS):
            deadline = template.deadline_for(period)
            occasion = schedule.occasion_for(deadline, today)
            if occasion is not None:
                for org in _missing(template.bloc, period):
                    yield _reminder(org, template.bloc, period, deadline, occasion.isoformat(), today)
            period = Period.objects.get_for(period.key.previous())  # the reminder's key names a stored period


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
