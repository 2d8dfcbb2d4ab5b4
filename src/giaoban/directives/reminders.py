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
They come in the order of the answering bodies' tree paths (the leads' rows and
the coordinating bodies' rows merged), as `notifications.reminders.due` needs.
"""

import datetime
import heapq
from collections.abc import Iterator
from types import SimpleNamespace

from django.db.models import Value
from django.urls import reverse
from django.utils.translation import gettext as _

from giaoban.directives import deadlines
from giaoban.directives.models import Directive
from giaoban.notifications.models import ReminderSettings
from giaoban.notifications.reminders import Reminder, chunks, path_order, site_url
from giaoban.notifications.schedule import Schedule


def _when(deadline: datetime.date, today: datetime.date) -> str:
    late = (today - deadline).days
    if late > 0:
        return _("quá hạn %(days)d ngày") % {"days": late}
    if late == 0:
        return _("đến hạn hôm nay")
    return _("còn %(days)d ngày") % {"days": -late}


def _line(text: str, deadline: datetime.date, precision: str, directive_id: int, body_name: str,
          today: datetime.date) -> str:
    return (f"- [{body_name}] {text[:200]} ({deadlines.label(deadline, precision)}; {_when(deadline, today)})\n"
            f"  {site_url(reverse('directives:detail', args=[directive_id]))}")


CHUNK = 2000  # rows read and turned into reminders at a time
# What a line needs, read without model instances; then the body it goes to: (pk, tree path, name).
LINE_FIELDS = ("id", "text", "deadline", "deadline_precision", "meeting__bloc__convening_id",
               "meeting__bloc__convening__tree_path", "meeting__host_id", "meeting__host__tree_path")


def _candidates(today: datetime.date, since: datetime.date | None = None):
    """Open directives whose first possible reminder has come (the widest setting decides how far ahead);
    with `since`, only those whose deadline can have an occasion between `since` and `today`."""
    widest = max([7, *ReminderSettings.objects.values_list("directive_days_before", flat=True)])
    directives = Directive.objects.open().filter(deadline__isnull=False,
                                                 deadline__lte=today + datetime.timedelta(days=widest))
    if since is not None:
        directives = directives.filter(deadline__in=_deadlines_with_occasions(since, today, directives))
    return directives


def _rows(directives) -> Iterator[tuple]:
    """(through pk or 0, *LINE_FIELDS, body pk, body path, body name): one row per directive and body
    answering for it (the lead, else each coordinating body), in the order of the bodies' tree paths."""
    led = (directives.filter(lead__isnull=False)
           .values_list(Value(0), *LINE_FIELDS, "lead_id", "lead__tree_path", "lead__short_name", "lead__name")
           .order_by(path_order("lead__tree_path"), "pk"))
    through = Directive.coordinating.through
    shared = (through.objects.filter(directive__in=directives.filter(lead__isnull=True))
              .values_list("pk", *(f"directive__{f}" for f in LINE_FIELDS), "organization_id",
                           "organization__tree_path", "organization__short_name", "organization__name")
              .order_by(path_order("organization__tree_path"), "directive_id", "pk"))
    return heapq.merge(led.iterator(chunk_size=CHUNK), shared.iterator(chunk_size=CHUNK), key=lambda row: row[-3])


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


def directive_reminders(today: datetime.date, since: datetime.date | None = None) -> Iterator[Reminder]:
    """Provider for `giaoban remind`: one Reminder per (directive occasion, responsible body), in the order of
    the bodies' tree paths; with `since`, only occasions on or after that day (the earlier ones were the last
    run's)."""
    schedules: dict[int, Schedule] = {}
    for rows in chunks(_rows(_candidates(today, since)), CHUNK):
        conveners = {}
        for row in rows:
            convener = (row[5], row[6]) if row[5] else (row[7], row[8])
            if convener[0] not in schedules:
                conveners[convener[0]] = SimpleNamespace(pk=convener[0], tree_path=convener[1])
        schedules.update({pk: found.directive_schedule()
                          for pk, found in ReminderSettings.for_organizations(conveners.values()).items()})
        for (through_pk, directive_id, text, deadline, precision, bloc_convener, _path, host, _host_path,
             body_id, body_path, short_name, name) in rows:
            occasion = schedules[bloc_convener or host].occasion_for(deadline, today)
            if occasion is None or (since is not None and occasion < since):
                continue
            section = _("Chỉ đạo quá hạn") if deadline < today else _("Chỉ đạo sắp đến hạn")
            key = f"directive:{directive_id}:{deadline.isoformat()}:{occasion.isoformat()}"
            yield Reminder(body_id, key, section, _line(text, deadline, precision, directive_id, short_name or name,
                                                        today),
                           path=body_path, order=(deadline, directive_id, through_pk))
