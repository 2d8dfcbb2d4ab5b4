"""The meeting list's and a meeting page's shared parts in the shared cache, never older than the last write they show.

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

The meeting list (filters and rows: no form there carries a CSRF token) is kept the same way under
the list, the query string, the language, the user's memberships, the shared version and the
versions of the areas (organisations/areas.py) of the user's bodies, which a write to a meeting
replaces for the areas it concerns, as it was and as it is (a superuser's lists: a version every
meeting write replaces).

On a meeting page, what is per user and per request stays outside: the state buttons and every form (they carry the
CSRF token), the edit links, the decisions on earlier directives, the flash messages.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.http import HttpRequest
from django.utils import translation

from giaoban.accounts.access import membership_key, user_areas
from giaoban.core import versions
from giaoban.meetings import hooks
from giaoban.organisations import areas

VERSION = "meeting-pages"
# What an entry holds: changed with its shape, so that a new release never reads an older one's entries.
SHAPE = "3"
SHARED = f"{VERSION}:shared"
LISTS = f"{VERSION}:lists"  # every meeting write replaces it (a superuser's lists), and LISTS:<area>
_BEFORE = "_meeting_lists_areas_before"
# A safety net only: the versions make an entry unreachable as soon as the data changes.
TIMEOUT_SECONDS = 15 * 60


def meeting_version(pk: int) -> str:
    """The version of one meeting's own parts (the directive page names it too: its meeting's title, notice)."""
    return f"{VERSION}:meeting:{pk}"


def page_key(request: HttpRequest, meeting, today: datetime.date) -> str:
    query = sorted((name, value) for name, values in request.GET.lists() for value in values)
    names = [SHARED, meeting_version(meeting.pk), *hooks.meeting_page_versions(meeting)]
    parts = [SHAPE, "page", str(meeting.pk), today.isoformat(), translation.get_language() or "",
             membership_key(request.user), repr(query)]
    return versions.key(VERSION, names, parts)


def page_parts(request: HttpRequest, meeting, today: datetime.date, build: Callable[[], dict]) -> dict:
    """The shared parts of the meeting's page for this request, built by `build()` when the cache has none."""
    return versions.built(page_key(request, meeting, today), build, TIMEOUT_SECONDS)


def bump_meeting(pk: int) -> None:
    """Make the meeting's page stale after the commit (for writes no signal reports: bulk inserts)."""
    versions.bump_after_commit(meeting_version(pk))


def list_version_names(user) -> list[str]:
    """The versions a user's meeting lists are keyed by: the shared one, and one per area of the user's bodies."""
    found = user_areas(user)
    return [SHARED, LISTS] if found is None else [SHARED, *(f"{LISTS}:{area}" for area in found)]


def list_parts(request: HttpRequest, bloc_pk: int | None, build: Callable[[], dict]) -> dict:
    """The rendered meeting list (of one bloc, or all) for this request, built by `build()` when the cache has none."""
    query = sorted((name, value) for name, values in request.GET.lists() for value in values)
    parts = [SHAPE, "list", str(bloc_pk or ""), translation.get_language() or "", membership_key(request.user),
             repr(query)]
    key = versions.key(VERSION, list_version_names(request.user), parts)
    return versions.built(key, build, TIMEOUT_SECONDS)


def _lists_before(sender, instance, **kwargs) -> None:
    if kwargs.get("raw") or instance.pk is None:
        return
    stored = type(instance)._default_manager.filter(pk=instance.pk).first()
    setattr(instance, _BEFORE, areas.of_meeting(stored) if stored is not None else set())


def _lists_changed(sender, instance, **kwargs) -> None:
    if kwargs.get("raw"):
        return
    versions.bump_areas_after_commit(LISTS, getattr(instance, _BEFORE, set()) | areas.of_meeting(instance))


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
    """Listen to every write the meeting list or a meeting page shows (called once, from the app's ready())."""
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

    # A meeting moving to another host or bloc leaves the lists of the areas it was in.
    pre_save.connect(_lists_before, sender=Meeting, dispatch_uid="meeting-lists-before-save")
    pre_delete.connect(_lists_before, sender=Meeting, dispatch_uid="meeting-lists-before-delete")
    post_save.connect(_lists_changed, sender=Meeting, dispatch_uid="meeting-lists-save")
    post_delete.connect(_lists_changed, sender=Meeting, dispatch_uid="meeting-lists-delete")
    for model in (Meeting, MeetingChair, Attendance, AgendaItem, Conclusion, Attachment):
        post_save.connect(_meeting_changed, sender=model, dispatch_uid=f"meeting-pages-save-{model.__name__}")
        post_delete.connect(_meeting_changed, sender=model, dispatch_uid=f"meeting-pages-delete-{model.__name__}")
    for model in (Organization, Person, Bloc, Period, QuorumRule):
        post_save.connect(_shared_changed, sender=model, dispatch_uid=f"meeting-pages-shared-save-{model.__name__}")
        post_delete.connect(_shared_changed, sender=model, dispatch_uid=f"meeting-pages-shared-delete-{model.__name__}")
    m2m_changed.connect(_shared_changed, sender=Bloc.members.through, dispatch_uid="meeting-pages-bloc-members")
