"""The events no save makes: a directive's deadline arriving ("due") and passing ("overdue").

`giaoban deliver-webhooks` (run every minute by a timer) queues them before it sends, so
they come from the timer, never from a web request. Each is queued once per directive,
deadline and webhook: the delivery's subject names the deadline, so a run that finds it
queued already adds nothing, and a deadline moved later is heard again when it comes.

Due: the deadline's day has come (the last day the deadline allows, as
directives.deadlines keeps it). Overdue: that day has passed and the directive is still
open. A run looks back CATCH_UP days, so a timer that was stopped for a while still sends
what it missed; a webhook hears of deadlines from the day it was registered, not of every
directive that was already late before.
"""

import datetime

from django.db.models import Q
from django.utils import timezone

from giaoban.directives.models import Directive
from giaoban.webhooks.events import directive_data
from giaoban.webhooks.models import Delivery, Event, Webhook

CATCH_UP = datetime.timedelta(days=7)


def _subject(directive: Directive) -> str:
    return f"directive:{directive.pk}:{directive.deadline.isoformat()}"


def _in_tree(path: str) -> Q:
    """Directives the bodies under `path` hear of: as host, convening body or lead (as events.directive_saved)."""
    return (Q(meeting__host__tree_path__startswith=path) | Q(meeting__bloc__convening__tree_path__startswith=path)
            | Q(lead__tree_path__startswith=path))


def _queue(hook: Webhook, event: str, directives: list[Directive], now: datetime.datetime) -> int:
    wanted = {_subject(d): d for d in directives}
    queued = set(Delivery.objects.filter(webhook=hook, event=event, subject__in=list(wanted))
                 .values_list("subject", flat=True))
    Delivery.objects.bulk_create([
        Delivery(webhook=hook, event=event, subject=subject, next_attempt_at=now,
                 payload={"event": event, "occurred_at": now.isoformat(), "data": directive_data(directive)})
        for subject, directive in wanted.items() if subject not in queued], ignore_conflicts=True)
    return len(wanted.keys() - queued)


def queue_deadline_events(now: datetime.datetime | None = None) -> int:
    """Queue the due and overdue events not queued yet; returns how many deliveries were added."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    added = 0
    for hook in Webhook.objects.filter(active=True).select_related("organization"):
        since = max(today - CATCH_UP, timezone.localdate(hook.created_at))
        open_ = Directive.objects.open().filter(_in_tree(hook.organization.tree_path)).order_by("pk")
        # An overdue event happens the day after the deadline: a webhook registered that day hears it.
        for event, window in ((Event.DIRECTIVE_DUE, Q(deadline__gte=since, deadline__lte=today)),
                              (Event.DIRECTIVE_OVERDUE, Q(deadline__gte=since - datetime.timedelta(days=1),
                                                          deadline__lt=today))):
            added += _queue(hook, event, list(open_.filter(window).distinct()), now)
    return added
