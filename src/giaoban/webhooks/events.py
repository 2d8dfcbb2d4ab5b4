"""Turn saves of directives, reports and documents into queued deliveries.

A webhook of a body receives the events of its whole subtree (a province's
portal hears about its communes). The delivery row is written in the
transaction of the change itself: an event is never sent for a change that
was rolled back, and never lost for one that was kept.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import partial

from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils import timezone

from giaoban.directives.models import Directive, DirectiveStatus
from giaoban.documents.models import Document
from giaoban.organisations.models import Organization
from giaoban.reports.models import PeriodReport, ReportStatus
from giaoban.webhooks.models import Delivery, Event, Webhook

# Set while records are copied in from elsewhere (giaoban import): they are not news to anyone.
_muted: ContextVar[bool] = ContextVar("webhooks_muted", default=False)


@contextmanager
def muted() -> Iterator[None]:
    """Queue no event for the saves made inside (an import writes records that happened elsewhere)."""
    token = _muted.set(True)
    try:
        yield
    finally:
        _muted.reset(token)


def webhooks_for(bodies: Callable[[], list[Organization | None]]) -> list[Webhook]:
    """Active webhooks of the bodies or a body above them; `bodies` is only read when any webhook exists."""
    hooks = list(Webhook.objects.filter(active=True).select_related("organization"))
    if not hooks:
        return []
    paths = [body.tree_path for body in bodies() if body is not None]
    return [hook for hook in hooks if any(path.startswith(hook.organization.tree_path) for path in paths)]


def queue(event: str, subject: str, bodies: Callable[[], list[Organization | None]], data: Callable[[], dict]) -> int:
    """Queue one delivery per interested webhook; an event already queued for a record is not queued again."""
    if _muted.get():
        return 0
    hooks = webhooks_for(bodies)
    if not hooks:
        return 0
    now = timezone.now()
    payload = {"event": event, "occurred_at": now.isoformat(), "data": data()}
    created = 0
    for hook in hooks:
        _delivery, new = Delivery.objects.get_or_create(
            webhook=hook, event=event, subject=subject, defaults={"payload": payload, "next_attempt_at": now})
        created += new
    return created


def directive_data(directive: Directive) -> dict:
    return {"id": directive.pk, "meeting_id": directive.meeting_id, "text": directive.text,
            "lead_id": directive.lead_id, "status": directive.status,
            "deadline": directive.deadline.isoformat() if directive.deadline else None}


@receiver(post_save, sender=Directive, dispatch_uid="webhooks-directive")
def directive_saved(sender, instance: Directive, created: bool, raw: bool = False, **kwargs) -> None:
    if raw:
        return
    def bodies() -> list:
        return [instance.meeting.host, instance.meeting.convening, instance.lead]

    data = partial(directive_data, instance)
    if created:
        queue(Event.DIRECTIVE_CREATED, f"directive:{instance.pk}", bodies, data)
    if instance.status == DirectiveStatus.DONE:
        queue(Event.DIRECTIVE_DONE, f"directive:{instance.pk}", bodies, data)


@receiver(post_save, sender=PeriodReport, dispatch_uid="webhooks-report")
def report_saved(sender, instance: PeriodReport, raw: bool = False, **kwargs) -> None:
    if raw or instance.status != ReportStatus.SUBMITTED or instance.submitted_at is None:
        return
    # Each submission is its own event: a report sent back and submitted again is heard again.
    queue(Event.REPORT_SUBMITTED, f"report:{instance.pk}:{instance.submitted_at.isoformat()}",
          lambda: [instance.organization],
          lambda: {"id": instance.pk, "organization_id": instance.organization_id, "period_id": instance.period_id,
                   "submitted_at": instance.submitted_at.isoformat()})


@receiver(post_save, sender=Document, dispatch_uid="webhooks-document")
def document_saved(sender, instance: Document, created: bool, raw: bool = False, **kwargs) -> None:
    if raw or not created:
        return
    queue(Event.DOCUMENT_ISSUED, f"document:{instance.pk}", lambda: [instance.issuer],
          lambda: {"id": instance.pk, "issuer_id": instance.issuer_id, "code": instance.code, "title": instance.title,
                   "issued_on": instance.issued_on.isoformat(), "meeting_id": instance.meeting_id})
