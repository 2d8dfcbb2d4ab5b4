"""Reminders: every app says what is due for which body; people get one digest a day.

Apps declare `reminder_provider = "module.function"` on their AppConfig; the
function takes `today` and yields `Reminder`s addressed to bodies, each with a
key naming the thing and its occasion ("directive:12:2026-03-31:2026-03-24").
Here the bodies become people (recipients.responsible_people), what a person
already received is dropped (the SentReminder ledger, unique per person and
key), and the rest goes out as one digest per person per day: in the app and
by e-mail, as the person chose.  Whatever a digest could not carry today (the
person already had today's) goes out in tomorrow's, still once.

At nation scale a run must not hold every open directive: each run is recorded
(ReminderRun), and providers that accept `since` look only at occasions that
came on or after the last run's day (the first run catches everything up).
People are handled in batches of PEOPLE_BATCH, so the ledger look-ups stay
bounded and their number grows with the digests, not with the records.
"""

from __future__ import annotations

import datetime
import importlib
import inspect
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from giaoban.notifications.models import Notification, ReminderPreference, ReminderRun, SentReminder
from giaoban.notifications.recipients import responsible_people
from giaoban.notifications.tasks import send_or_queue

UNSUBSCRIBE_SALT = "giaoban.notifications.unsubscribe"
PEOPLE_BATCH = 500


@dataclass(frozen=True)
class Reminder:
    organization_id: int  # the body that must act
    key: str
    section: str  # the digest's heading for it: "Chỉ đạo quá hạn", "Báo cáo chưa nộp"…
    line: str


@dataclass
class Digest:
    user: object
    key: str
    title: str
    reminders: list[Reminder] = field(default_factory=list)
    preference: ReminderPreference | None = None

    def body(self) -> str:
        sections: dict[str, list[str]] = {}
        for reminder in self.reminders:
            sections.setdefault(reminder.section, []).append(reminder.line)
        parts = []
        for heading, lines in sections.items():
            parts.append(f"{heading} ({len(lines)}):")
            parts.extend(lines)
            parts.append("")
        return "\n".join(parts).rstrip()


def site_url(path: str) -> str:
    return getattr(settings, "GIAOBAN_SITE_URL", "").rstrip("/") + path


def unsubscribe_url(user) -> str:
    token = signing.dumps({"u": user.pk}, salt=UNSUBSCRIBE_SALT)
    return site_url(reverse("notifications:unsubscribe", args=[token]))


def _providers() -> Iterator[Callable]:
    for config in apps.get_app_configs():
        path = getattr(config, "reminder_provider", None)
        if path:
            module, _sep, name = path.rpartition(".")
            yield getattr(importlib.import_module(module), name)


def last_run(today: datetime.date) -> datetime.date | None:
    """The day of the latest recorded run on or before `today` (None: never ran, catch everything up)."""
    return ReminderRun.objects.filter(day__lte=today).order_by("-day").values_list("day", flat=True).first()


def record_run(today: datetime.date) -> None:
    ReminderRun.objects.update_or_create(day=today)


def gather(today, since: datetime.date | None = None) -> list[Reminder]:
    found = []
    for provider in _providers():
        takes_since = "since" in inspect.signature(provider).parameters
        found.extend(provider(today=today, since=since) if takes_since else provider(today=today))
    return found


def plan(today, reminders: Iterable[Reminder] | None = None, *, key: str | None = None,
         title: str | None = None, since: datetime.date | None = None) -> list[Digest]:
    """The digests to send: per person, the reminders they have not had yet (none if they opted out)."""
    reminders = gather(today, since) if reminders is None else list(reminders)
    key = key or f"digest:{today.isoformat()}"
    people = responsible_people({r.organization_id for r in reminders})
    digests: dict[int, Digest] = {}
    seen: set[tuple[int, str]] = set()
    for reminder in reminders:
        for user in people.get(reminder.organization_id, []):
            digest = digests.setdefault(user.pk, Digest(user, key, ""))
            if (user.pk, reminder.key) not in seen:
                seen.add((user.pk, reminder.key))
                digest.reminders.append(reminder)
    result = []
    users = list(digests)
    for start in range(0, len(users), PEOPLE_BATCH):
        batch = {pk: digests[pk] for pk in users[start:start + PEOPLE_BATCH]}
        result.extend(_unsent(batch, key, today, title))
    return result


def _unsent(digests: dict[int, Digest], key: str, today, title: str | None) -> list[Digest]:
    """One batch of people: drop what each already had, and those who had today's digest or opted out."""
    keys = {r.key for digest in digests.values() for r in digest.reminders}
    sent = set(SentReminder.objects.filter(user_id__in=list(digests), key__in=keys).values_list("user_id", "key"))
    had_today = set(Notification.objects.filter(user_id__in=list(digests), key=key).values_list("user_id", flat=True))
    preferences = {p.user_id: p for p in ReminderPreference.objects.filter(user_id__in=list(digests))}
    result = []
    for user_pk, digest in digests.items():
        digest.reminders = [r for r in digest.reminders if (user_pk, r.key) not in sent]
        digest.preference = preferences.get(user_pk) or ReminderPreference(user=digest.user)
        if not digest.reminders or user_pk in had_today or not (digest.preference.in_app or
                                                                 digest.preference.by_email):
            continue
        digest.title = (title or _("Nhắc việc ngày %(day)s: %(n)d việc cần theo dõi")) % {
            "day": today.strftime("%d/%m/%Y"), "n": len(digest.reminders)}
        result.append(digest)
    return result


def send(digests: Iterable[Digest], *, email: bool = True) -> int:
    """Store each digest with its ledger rows in one transaction, then e-mail it; the number sent."""
    count = 0
    for digest in digests:
        try:
            with transaction.atomic():
                notification = Notification.objects.create(
                    user=digest.user, key=digest.key, title=digest.title[:255], body=digest.body(),
                    url=reverse("notifications:list"),
                    read_at=None if digest.preference.in_app else timezone.now())
                SentReminder.objects.bulk_create([SentReminder(user=digest.user, key=r.key, notification=notification)
                                                  for r in digest.reminders])
        except IntegrityError:  # another run sent it between the plan and now
            continue
        count += 1
        address = getattr(digest.user, "email", "")
        if email and address and digest.preference.by_email:
            footer = _("Không muốn nhận thư nhắc việc nữa: %(url)s") % {"url": unsubscribe_url(digest.user)}
            send_or_queue(notification, f"{digest.body()}\n\n--\n{footer}")  # at once, or by the worker
    return count
