"""A meeting page's shared parts in the shared cache, never older than the last write they show.

Most requests for a meeting's page ask for one nothing has changed since it was last built, yet
it costs its chairs, attendance (and quorum), agenda, conclusion, files, history and, from the
apps above meetings, its directives and the earlier ones still open. Those parts are kept as
rendered HTML (core/versions.py) under a key made of:

- the meeting, the query string (the page of earlier directives), the day ("quá hạn" depends on
  it), the language and the user's memberships (accounts.access.membership_key);
- the meeting's own version, replaced after any write to the meeting or its chairs, attendance,
  agenda, conclusion or files; a shared version, replaced when what every meeting page prints
  but rarely changes (a body's or a person's name, a bloc, a period, a quorum rule) changes;
- the versions the apps above meetings name for what they add (meetings/hooks.py).

What is per user and per request stays outside: the state buttons and every form (they carry the
CSRF token), the edit links, the decisions on earlier directives, the flash messages.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest
from django.utils import translation

from giaoban.accounts.access import membership_key
from giaoban.core import versions
from giaoban.meetings import hooks

VERSION = "meeting-pages"
SHARED = f"{VERSION}:shared"
# A safety net only: the versions make an entry unreachable as soon as the data changes.
TIMEOUT_SECONDS = 15 * 60


def meeting_version(pk: int) -> str:
    """The version of one meeting's own parts (the directive page names it too: its meeting's title, notice)."""
    return f"{VERSION}:meeting:{pk}"


def page_key(request: HttpRequest, meeting, today: datetime.date) -> str:
    query = sorted((name, value) for name, values in request.GET.lists() for value in values)
    names = [SHARED, meeting_version(meeting.pk), *hooks.meeting_page_versions(meeting)]
    parts = ["page", str(meeting.pk), today.isoformat(), translation.get_language() or "",
             membership_key(request.user), repr(query)]
    return versions.key(VERSION, names, parts)


def page_parts(request: HttpRequest, meeting, today: datetime.date, build: Callable[[], dict]) -> dict:
    """The shared parts of the meeting's page for this request, built by `build()` when the cache has none."""
    return versions.built(page_key(request, meeting, today), build, TIMEOUT_SECONDS)


def bump_meeting(pk: int) -> None:
    """Make the meeting's page stale after the commit (for writes no signal reports: bulk inserts)."""
    versions.bump_after_commit(meeting_version(pk))


def _meeting_changed(sender, instance, **kwargs) -> None:
    if kwargs.get("raw"):  # fixtures loading: nothing is cached for data being loaded
        return
    pk = instance.pk if sender.__name__ == "Meeting" else instance.meeting_id
    if pk is not None:
        bump_meeting(pk)


def _shared_changed(*_args, **kwargs) -> None:
    if not kwargs.get("raw"):
        versions.bump_after_commit(SHARED)


def connect() -> None:
    """Listen to every write a meeting page shows (called once, from the app's ready())."""
    from giaoban.meetings.models import (
        AgendaItem,
        Attachment,
        Attendance,
        Conclusion,
        Meeting,
        MeetingChair,
        Person,
        QuorumRule,
    )
    from giaoban.organisations.models import Bloc, Organization
    from giaoban.periods.models import Period

    for model in (Meeting, MeetingChair, Attendance, AgendaItem, Conclusion, Attachment):
        post_save.connect(_meeting_changed, sender=model, dispatch_uid=f"meeting-pages-save-{model.__name__}")
        post_delete.connect(_meeting_changed, sender=model, dispatch_uid=f"meeting-pages-delete-{model.__name__}")
    for model in (Organization, Person, Bloc, Period, QuorumRule):
        post_save.connect(_shared_changed, sender=model, dispatch_uid=f"meeting-pages-shared-save-{model.__name__}")
        post_delete.connect(_shared_changed, sender=model, dispatch_uid=f"meeting-pages-shared-delete-{model.__name__}")
    m2m_changed.connect(_shared_changed, sender=Bloc.members.through, dispatch_uid="meeting-pages-bloc-members")
