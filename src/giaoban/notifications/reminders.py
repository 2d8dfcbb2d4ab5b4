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
Providers yield in the order of the bodies' tree paths, and `due` sends each
person's digest as soon as the stream is past every body they answer for, so a
run holds only the digests still being filled, never the country's reminders.
Complete digests are checked against the ledger in batches of PEOPLE_BATCH
people, so the look-ups grow with the digests, not with the records.
"""

from __future__ import annotations

import datetime
import heapq
import importlib
import inspect
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TypeVar

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.db import IntegrityError, connection, transaction
from django.db.models import Expression, F
from django.db.models.functions import Collate
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from giaoban.notifications.models import Notification, ReminderPreference, ReminderRun, SentReminder
from giaoban.notifications.recipients import Answering, responsible_people
from giaoban.notifications.tasks import send_or_queue

UNSUBSCRIBE_SALT = "giaoban.notifications.unsubscribe"
PEOPLE_BATCH = 500
SEND_BATCH = 100  # digests stored in one commit when none is mailed at once


@dataclass(frozen=True)
class Reminder:
    organization_id: int  # the body that must act
    key: str
    section: str  # the digest's heading for it: "Chỉ đạo quá hạn", "Báo cáo chưa nộp"…
    line: str
    path: str = ""  # the body's tree path: providers yield in its order (see `due`)
    order: tuple = ()  # where the line goes in a digest, among the provider's lines


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
    """Every reminder of every provider in one list (for tests and small worlds; `due` streams them)."""
    return [reminder for _rank, reminder in _merged(today, since)]


T = TypeVar("T")


def chunks(rows: Iterable[T], size: int) -> Iterator[list[T]]:
    """Rows `size` at a time (a provider reads its rows in chunks and asks once per chunk for what it needs;
    `send` stores digests a batch to a commit)."""
    chunk = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def path_order(field: str) -> Expression:
    """`field` (a tree path) for ORDER BY in code-point order, the order `due` expects of providers."""
    return Collate(F(field), "C") if connection.vendor == "postgresql" else F(field)


def _merged(today, since: datetime.date | None) -> Iterator[tuple[int, Reminder]]:
    """(provider's rank, reminder) of all providers, merged in the order of the bodies' tree paths."""
    streams = []
    for rank, provider in enumerate(_providers()):
        takes_since = "since" in inspect.signature(provider).parameters
        found = provider(today=today, since=since) if takes_since else provider(today=today)
        streams.append(_ranked(rank, found))
    return heapq.merge(*streams, key=lambda item: item[1].path)


def _ranked(rank: int, found: Iterable[Reminder]) -> Iterator[tuple[int, Reminder]]:
    for reminder in found:
        yield rank, reminder


def plan(today, reminders: Iterable[Reminder] | None = None, *, key: str | None = None,
         title: str | None = None, since: datetime.date | None = None) -> Iterable[Digest]:
    """The digests to send: per person, the reminders they have not had yet (none if they opted out).

    Without `reminders`, the providers' reminders due today, streamed (`due`)."""
    if reminders is None:
        return due(today, since, key=key, title=title)
    reminders = list(reminders)
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


def due(today, since: datetime.date | None = None, *, key: str | None = None,
        title: str | None = None) -> Iterator[Digest]:
    """The providers' reminders due today as digests, each yielded as soon as its person's is complete.

    Providers yield in the order of the bodies' tree paths, so the bodies a person answers for (the
    subtrees of the bodies they edit, less those with editors of their own) come in one stretch: once
    the stream is past the last of them (`Answering.bound`), that person's digest is complete. Only
    the digests still open are held; batches of PEOPLE_BATCH complete ones are checked against the
    ledger together, yielded and dropped.
    """
    key = key or f"digest:{today.isoformat()}"
    answering = Answering()
    pending: dict[int, list[tuple[tuple, Reminder]]] = {}
    bounds: list[tuple[str, int]] = []  # a heap of (bound, user id) of the pending people
    complete: list[int] = []
    last = ""
    for rank, reminder in _merged(today, since):
        if reminder.path < last:
            raise ValueError(f"reminders out of tree path order: {reminder.path!r} after {last!r}")
        last = reminder.path
        while bounds and bounds[0][0] <= reminder.path:
            complete.append(heapq.heappop(bounds)[1])
        if len(complete) >= PEOPLE_BATCH:
            yield from _finished(complete, pending, key, today, title)
            complete = []
        for user_id in answering.people(reminder.organization_id, reminder.path):
            if user_id not in pending:
                pending[user_id] = []
                heapq.heappush(bounds, (answering.bound(user_id), user_id))
            pending[user_id].append(((rank, *reminder.order), reminder))
    complete.extend(user_id for _bound, user_id in sorted(bounds))
    for start in range(0, len(complete), PEOPLE_BATCH):
        yield from _finished(complete[start:start + PEOPLE_BATCH], pending, key, today, title)


def _finished(user_ids: list[int], pending: dict, key: str, today, title: str | None) -> list[Digest]:
    """The digests of people whose reminders are all in: each in the providers' order, each key once."""
    users = get_user_model().objects.in_bulk(user_ids)
    digests = {}
    for user_id in user_ids:
        digest = digests[user_id] = Digest(users[user_id], key, "")
        seen = set()
        for _order, reminder in sorted(pending.pop(user_id), key=lambda item: item[0]):
            if reminder.key not in seen:
                seen.add(reminder.key)
                digest.reminders.append(reminder)
    return _unsent(digests, key, today, title)


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
    """Store each digest with its ledger rows, then e-mail it; the number sent.

    Each digest is stored on its own (a savepoint: one that another run stored meanwhile is skipped); when no
    e-mail goes out from here (`email` off, or the worker sends them), SEND_BATCH digests share a commit.
    A digest mailed at once is committed before its mail, so an SMTP failure stops the run with the digests
    after it neither stored nor marked: the next run sends them."""
    at_once = email and not settings.GIAOBAN_WORKER
    count = 0
    for group in chunks(digests, 1 if at_once else SEND_BATCH):
        stored = []
        with transaction.atomic():
            for digest in group:
                try:
                    with transaction.atomic():
                        notification = Notification.objects.create(
                            user=digest.user, key=digest.key, title=digest.title[:255], body=digest.body(),
                            url=reverse("notifications:list"),
                            read_at=None if digest.preference.in_app else timezone.now())
                        SentReminder.objects.bulk_create([
                            SentReminder(user=digest.user, key=r.key, notification=notification)
                            for r in digest.reminders])
                except IntegrityError:  # another run sent it between the plan and now
                    continue
                stored.append((digest, notification))
        count += len(stored)
        for digest, notification in stored:
            address = getattr(digest.user, "email", "")
            if email and address and digest.preference.by_email:
                footer = _("Không muốn nhận thư nhắc việc nữa: %(url)s") % {"url": unsubscribe_url(digest.user)}
                send_or_queue(notification, f"{digest.body()}\n\n--\n{footer}")  # at once, or by the worker
    return count
