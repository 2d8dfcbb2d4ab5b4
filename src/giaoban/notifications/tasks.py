"""Notification e-mails as background jobs (django-tasks), so no request or command waits on SMTP.

With GIAOBAN_WORKER=true the job is queued in the database and `giaoban worker`
sends it; a crash before the end leaves it queued and another worker sends it.
Without a worker the same function runs at once, and an SMTP failure raises as
it always did.
"""

from django.conf import settings
from django.core.mail import send_mail
from django_tasks import task

from giaoban.notifications.models import Notification


@task()
def email_notification(notification_id: int, body: str | None = None) -> bool:
    """E-mail one stored notification unless it was e-mailed already; True when sent now.

    `body` replaces the stored text in the mail (a digest's mail carries its unsubscribe link)."""
    notification = Notification.objects.select_related("user").filter(pk=notification_id).first()
    # A job run twice (its first worker died after sending) must not send twice.
    if notification is None or notification.emailed or not notification.user.email:
        return False
    send_mail(notification.title, body or notification.body, settings.DEFAULT_FROM_EMAIL,
              [notification.user.email], fail_silently=False)
    Notification.objects.filter(pk=notification_id).update(emailed=True)
    return True


def send_or_queue(notification: Notification, body: str | None = None) -> None:
    args = (notification.pk,) if body is None else (notification.pk, body)
    if settings.GIAOBAN_WORKER:
        email_notification.enqueue(*args)
    else:
        email_notification.call(*args)
