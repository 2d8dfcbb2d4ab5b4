"""Reminders for missing period reports, sent by `giaoban remind` (and the button on the consolidation page).

One message per missing report per day, to the editors (and leaders) of the body
that owes it, once the deadline is near (within `days`) or passed (up to
OVERDUE_DAYS after it; after that the convening body follows up in person).
"""

import datetime
from collections.abc import Iterator

from django.urls import reverse
from django.utils.translation import gettext as _

from giaoban.accounts.models import Membership, Role
from giaoban.notifications.delivery import Message, deliver
from giaoban.organisations.models import Bloc, Organization
from giaoban.periods.models import Period
from giaoban.reports.consolidation import bloc_reporters
from giaoban.reports.formatting import format_number
from giaoban.reports.models import COUNTED_STATUSES, PeriodReport, ReportTemplate

OVERDUE_DAYS = 30
RECENT_PERIODS = 3  # periods of each template looked at: the current one and the two before


def _editors(organizations: list[Organization]) -> dict[int, list]:
    """Users holding EDITOR or above directly on each body."""
    result: dict[int, list] = {org.pk: [] for org in organizations}
    for membership in Membership.objects.filter(organization__in=organizations, role__gte=Role.EDITOR,
                                                user__is_active=True).select_related("user"):
        result[membership.organization_id].append(membership.user)
    return result


def _messages_for(bloc: Bloc, period: Period, deadline: datetime.date, today: datetime.date) -> Iterator[Message]:
    members = bloc_reporters(bloc)
    done = set(PeriodReport.objects.filter(organization__in=members, period=period, status__in=COUNTED_STATUSES)
               .values_list("organization_id", flat=True))
    missing = [org for org in members if org.pk not in done]
    if not missing:
        return
    editors = _editors(missing)
    days_left = (deadline - today).days
    when = (_("hạn nộp %(d)s, còn %(n)s ngày") % {"d": deadline.strftime("%d/%m/%Y"), "n": format_number(days_left)}
            if days_left >= 0 else
            _("đã quá hạn %(n)s ngày (hạn %(d)s)") % {"n": format_number(-days_left),
                                                      "d": deadline.strftime("%d/%m/%Y")})
    for org in missing:
        for user in editors[org.pk]:
            yield Message(
                user=user,
                key=f"report-missing:{org.pk}:{period.pk}:{today.isoformat()}",
                title=_("Nhắc nộp báo cáo %(period)s — %(org)s") % {"period": period.label, "org": org.name},
                body=_("%(org)s chưa nộp báo cáo %(period)s cho %(bloc)s; %(when)s.")
                % {"org": org.name, "period": period.label, "bloc": bloc.name, "when": when},
                url=reverse("reports:mine"),
            )


def missing_reports(today: datetime.date, days: int) -> Iterator[Message]:
    """Provider for `giaoban remind`."""
    for template in ReportTemplate.objects.filter(bloc__active=True).select_related("bloc"):
        if template.period_type not in ("month", "quarter", "half", "nine_months", "year"):
            continue
        period = _current(template.period_type, today)
        for _i in range(RECENT_PERIODS):
            deadline = template.deadline_for(period)
            if deadline - datetime.timedelta(days=days) <= today <= deadline + datetime.timedelta(days=OVERDUE_DAYS):
                yield from _messages_for(template.bloc, period, deadline, today)
            period = Period.objects.get_for(period.key.previous())  # the reminder's key names a stored period


def _current(period_type: str, today: datetime.date) -> Period:
    if period_type in ("month", "quarter", "half"):
        return Period.objects.containing(today, period_type)
    return Period.objects.get_for(Period(type=period_type, year=today.year).key)


def remind_missing(bloc: Bloc, period: Period, today: datetime.date) -> int:
    """The convening body's "remind now" button: same messages, same once-a-day key."""
    template = ReportTemplate.objects.filter(bloc=bloc, period_type=period.type).first()
    deadline = template.deadline_for(period) if template else period.end
    return sum(1 for message in _messages_for(bloc, period, deadline, today) if deliver(message))
