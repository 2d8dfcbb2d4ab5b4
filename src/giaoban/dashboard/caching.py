"""The dashboard's figures in the shared cache, one entry per set of visible bodies and day.

Two users who see the same bodies see the same figures, so they share one entry (a province's
editors and leaders open the same page); the key is a hash of the sorted ids of the bodies the
user may view, plus the day and the dashboard's data version (core/versions.py). Every write that
changes what the dashboard counts — a directive, its coordinating bodies or progress, a meeting,
a period report or template, a body, a bloc or its members — replaces the version after it
commits, so no server shows a figure older than the last write. Unread notifications are per
user and stay live: they are never in the shared entry.
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Callable

from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save

from giaoban.accounts.access import visible_organizations
from giaoban.core import versions

VERSION = "dashboard"
# A safety net only: the version makes an entry unreachable as soon as the data changes.
TIMEOUT_SECONDS = 15 * 60


def bodies_key(user) -> str:
    """A hash of the set of bodies the user may view (a superuser sees every body, present and future)."""
    if user.is_superuser:
        return "all"
    ids = visible_organizations(user).order_by("pk").values_list("pk", flat=True)
    return hashlib.sha256(",".join(map(str, ids)).encode()).hexdigest()[:32]


def cache_key(user, today: datetime.date) -> str:
    return f"dashboard:{versions.current(VERSION)}:{today.isoformat()}:{bodies_key(user)}"


def shared(user, today: datetime.date, build: Callable[[], object]) -> object:
    """The entry for the user's bodies today, built by `build()` when the cache has none."""
    key = cache_key(user, today)
    found = cache.get(key)
    if found is None:
        found = build()
        cache.set(key, found, TIMEOUT_SECONDS)
    return found


def _changed(sender, **kwargs) -> None:
    if kwargs.get("raw"):  # fixtures loading: nothing is cached for data being loaded
        return
    if kwargs.get("action", "post_").startswith("pre_"):
        return
    versions.bump_after_commit(VERSION)


def connect() -> None:
    """Listen to every write the dashboard shows (called once, from the app's ready())."""
    from giaoban.directives.models import Directive, DirectiveUpdate
    from giaoban.meetings.models import Meeting
    from giaoban.organisations.models import Bloc, Organization
    from giaoban.reports.models import PeriodReport, ReportTemplate

    for model in (Directive, DirectiveUpdate, Meeting, PeriodReport, ReportTemplate, Organization, Bloc):
        post_save.connect(_changed, sender=model, dispatch_uid=f"dashboard-save-{model.__name__}")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"dashboard-delete-{model.__name__}")
    for through in (Directive.coordinating.through, Bloc.members.through):
        m2m_changed.connect(_changed, sender=through, dispatch_uid=f"dashboard-m2m-{through.__name__}")
