"""Directive reminders for `giaoban remind`: before, on and after each open directive's deadline.

When they come is the setting of the meeting's convening body (the one that
set the deadline), or of the nearest body above it (notifications'
ReminderSettings): by default 7 days before, on the day, and every 7 days
after.  Each reminder is addressed to the responsible body: the lead, or the
coordinating bodies of a directive whose text named no single lead ("các
xã").  The key names the directive, its deadline and the occasion, so each
occasion reaches a person once, and a changed deadline starts afresh.
"""

import datetime
from collections import defaultdict
from collections.abc import Iterator

from django.utils.translation import gettext as _

from giaoban.directives.models import Directive
from giaoban.notifications.models import ReminderSettings
from giaoban.notifications.reminders import Reminder, site_url
from giaoban.organisations.models import Organization


def _when(deadline: datetime.date, today: datetime.date) -> str:
    late = (today - deadline).days
    if late > 0:
        return _("quá hạn %(days)d ngày") % {"days": late}
    if late == 0:
        return _("đến hạn hôm nay")
    return _("còn %(days)d ngày") % {"days": -late}


def _line(directive: Directive, body: Organization, today: datetime.date) -> str:
    return (f"- [{body.short_name or body.name}] {directive.text[:200]} "
            f"({directive.deadline_label()}; {_when(directive.deadline, today)})\n"
            f"  {site_url(directive.get_absolute_url())}")


def _candidates(today: datetime.date) -> list[Directive]:
    """Open directives whose first possible reminder has come (the widest setting decides how far ahead)."""
    widest = max([7, *ReminderSettings.objects.values_list("directive_days_before", flat=True)])
    return list(Directive.objects.open().filter(deadline__isnull=False,
                                                deadline__lte=today + datetime.timedelta(days=widest))
                .select_related("meeting__bloc__convening", "meeting__host", "lead").order_by("deadline", "pk"))


def _responsible(directives: list[Directive]) -> dict[int, list[int]]:
    """Directive id → the bodies answering for it: the lead, else the coordinating bodies."""
    without_lead = [d.pk for d in directives if d.lead_id is None]
    coordinating = defaultdict(list)
    for directive_id, org_id in Directive.coordinating.through.objects.filter(
            directive_id__in=without_lead).values_list("directive_id", "organization_id"):
        coordinating[directive_id].append(org_id)
    return {d.pk: [d.lead_id] if d.lead_id else coordinating[d.pk] for d in directives}


def directive_reminders(today: datetime.date) -> Iterator[Reminder]:
    """Provider for `giaoban remind`: one Reminder per (directive occasion, responsible body)."""
    directives = _candidates(today)
    if not directives:
        return
    conveners = {d.meeting.convening.pk: d.meeting.convening for d in directives}
    schedules = ReminderSettings.for_organizations(conveners.values())
    responsible = _responsible(directives)
    bodies = Organization.objects.in_bulk({pk for pks in responsible.values() for pk in pks})
    for directive in directives:
        occasion = schedules[directive.meeting.convening.pk].directive_schedule().occasion_for(directive.deadline,
                                                                                               today)
        if occasion is None:
            continue
        section = _("Chỉ đạo quá hạn") if directive.deadline < today else _("Chỉ đạo sắp đến hạn")
        key = f"directive:{directive.pk}:{directive.deadline.isoformat()}:{occasion.isoformat()}"
        for body_id in responsible[directive.pk]:
            yield Reminder(body_id, key, section, _line(directive, bodies[body_id], today))
