"""Send a notification once: in the app and by e-mail, keyed so reruns are no-ops.

Reminder providers (see `giaoban remind`) return `Message`s; `deliver` stores
each one unless a notification with the same (user, key) exists, then e-mails
it (notifications/tasks.py: at once, or queued for `giaoban worker`).
"""

from dataclasses import dataclass

from django.db import IntegrityError, transaction

from giaoban.notifications.models import Notification
from giaoban.notifications.tasks import send_or_queue


@dataclass(frozen=True)
class Message:
    user: object
    key: str
    title: str
    body: str
    url: str = ""


def deliver(message: Message, email: bool = True) -> bool:
    """Store and e-mail `message` unless it was already sent; True when it was sent now."""
    if Notification.objects.filter(user=message.user, key=message.key).exists():
        return False
    try:
        with transaction.atomic():
            notification = Notification.objects.create(user=message.user, key=message.key, title=message.title,
                                                       body=message.body, url=message.url)
    except IntegrityError:  # another run stored it between the check and the insert
        return False
    if email and getattr(message.user, "email", ""):
        send_or_queue(notification)
    return True
