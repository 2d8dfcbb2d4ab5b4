"""Directive reminders for `giaoban remind`: before, on and after each open directive's deadline.

When they come is the setting of the meeting's convening body (the one that
set the deadline), or of the nearest body above it (notifications'
ReminderSettings): by default 7 days before, on the day, and every 7 days
after.  Each reminder is addressed to the responsible body: the lead, or the
coordinating bodies of a directive whose text named no single lead ("các
xã").  The key names the directive, its deadline and the occasion, so each
occasion reaches a person once, and a changed deadline starts afresh.

Given `since` (the day of the last run), only directives with an occasion on or
after it are read: the deadlines those occasions can belong to are enumerated
for each schedule in use and looked up through the deadline index, rows are
streamed with only what a line needs, so a run's time and memory follow the
reminders due, not the open directives held (≈ 100k overdue at nation scale).
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


CHUNK = 2000  # directives read and turned into reminders at a time
LINE_FIELDS = ["id", "text", "deadline", "deadline_precision", "lead_id", "meeting_id", "meeting__host_id",
               "meeting__bloc_id", "meeting__bloc__convening_id", "meeting__host__tree_path",
               "meeting__bloc__convening__tree_path"]


def _candidates(today: datetime.date, since: datetime.date | None = None) -> Iterator[Directive]:
    """Open directives whose first possible reminder has come (the widest setting decides how far ahead);
    with `since`, only those whose deadline can have an occasion between `since` and `today`."""
    widest = max([7, *ReminderSettings.objects.values_list("directive_days_before", flat=True)])
    directives = Directive.objects.open().filter(deadline__isnull=False,
                                                 deadline__lte=today + datetime.timedelta(days=widest))
    if since is not None:
        directives = directives.filter(deadline__in=_deadlines_with_occasions(since, today, directives))
    return (directives.select_related("meeting__bloc__convening", "meeting__host").only(*LINE_FIELDS)
            .order_by("deadline", "pk").iterator(chunk_size=CHUNK))


def _deadlines_with_occasions(since: datetime.date, today: datetime.date, directives) -> set[datetime.date]:
    """Every deadline one of the schedules in use gives an occasion on a day from `since` to `today`."""
    earliest = directives.order_by("deadline").values_list("deadline", flat=True).first()
    if earliest is None:
        return set()
    rows = ReminderSettings.objects.values_list("directive_days_before", "directive_on_the_day",
                                                "directive_every_days_after").distinct()
    default = ReminderSettings()
    schedules = {(default.directive_days_before, default.directive_on_the_day,
                  default.directive_every_days_after), *rows}
    days = [since + datetime.timedelta(days=n) for n in range((today - since).days + 1)]
    found = set()
    for before, on_the_day, every in schedules:
        for day in days:
            if before > 0:
                found.add(day + datetime.timedelta(days=before))
            if on_the_day:
                found.add(day)
            back = day - datetime.timedelta(days=every)
            while every > 0 and back >= earliest:
                found.add(back)
                back -= datetime.timedelta(days=every)
    return found


def _responsible(directives: list[Directive]) -> dict[int, list[int]]:
    """Directive id → the bodies answering for it: the lead, else the coordinating bodies."""
    without_lead = [d.pk for d in directives if d.lead_id is None]
    coordinating = defaultdict(list)
    for directive_id, org_id in Directive.coordinating.through.objects.filter(
            directive_id__in=without_lead).values_list("directive_id", "organization_id"):
        coordinating[directive_id].append(org_id)
    return {d.pk: [d.lead_id] if d.lead_id else coordinating[d.pk] for d in directives}


def directive_reminders(today: datetime.date, since: datetime.date | None = None) -> Iterator[Reminder]:
    """Provider for `giaoban remind`: one Reminder per (directive occasion, responsible body); with `since`,
    only occasions on or after that day (the earlier ones were the last run's)."""
    schedules: dict[int, ReminderSettings] = {}
    for directives in _chunks(_candidates(today, since)):
        conveners = {d.meeting.convening.pk: d.meeting.convening for d in directives}
        schedules.update(ReminderSettings.for_organizations(c for pk, c in conveners.items() if pk not in schedules))
        responsible = _responsible(directives)
        bodies = Organization.objects.in_bulk({pk for pks in responsible.values() for pk in pks})
        for directive in directives:
            schedule = schedules[directive.meeting.convening.pk].directive_schedule()
            occasion = schedule.occasion_for(directive.deadline, today)
            if occasion is None or (since is not None and occasion < since):
                continue
            section = _("Chỉ đạo quá hạn") if directive.deadline < today else _("Chỉ đạo sắp đến hạn")
            key = f"directive:{directive.pk}:{directive.deadline.isoformat()}:{occasion.isoformat()}"
            for body_id in responsible[directive.pk]:
                yield Reminder(body_id, key, section, _line(directive, bodies[body_id], today))


def _chunks(directives: Iterator[Directive], size: int = CHUNK) -> Iterator[list[Directive]]:
    chunk = []
    for directive in directives:
        chunk.append(directive)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
