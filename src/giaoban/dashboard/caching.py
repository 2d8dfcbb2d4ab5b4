"""The dashboard's figures in the shared cache, one entry per set of visible bodies, day and area versions.

Two users who see the same bodies see the same figures, so they share one entry (a province's
editors and leaders open the same page); the key is a hash of the sorted ids of the bodies the
user may view, plus the day and the data versions (core/versions.py) of the areas (provinces) of
the user's bodies. A write replaces, after it commits, the versions of the areas it concerns
(dashboard/areas.py: where the row lives and, when it reaches out, the areas of the bodies it
involves, as it was and as it is) and the global version that a superuser's entry is keyed with.
At national scale writes happen somewhere all the time; one province's writes no longer throw
away the other provinces' entries. Unread notifications are per user and stay live: they are
never in the shared entry.
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Callable, Iterable

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save

from giaoban.accounts.access import user_areas, visible_roots
from giaoban.core import versions
from giaoban.dashboard import areas

VERSION = "dashboard"  # the global version: every write replaces it
# A safety net only: the versions make an entry unreachable as soon as the data changes.
TIMEOUT_SECONDS = 15 * 60
_BEFORE = "_dashboard_areas_before"


def area_version(area: str) -> str:
    return f"{VERSION}:{area}"  # as versions.bump_areas_after_commit names it


def bodies_key(user) -> str:
    """A hash of the set of bodies the user may view (a superuser sees every body, present and future).

    The set is the subtrees of the user's roots (accounts/access.py), so it is named by those roots'
    tree paths, read from the memberships the request holds anyway: no query for the (at province
    level, hundreds of) bodies' ids. A root lying under another adds nothing and is left out, so
    two users with the same reach share one entry.
    """
    if user.is_superuser:
        return "all"
    tops, lower = visible_roots(user)
    return hashlib.sha256(",".join(sorted([*tops, *lower])).encode()).hexdigest()[:32]


def data_version(user) -> str:
    found = user_areas(user)
    names = [VERSION] if found is None else [area_version(area) for area in found]
    return "-".join(versions.current_many(names))


def cache_key(user, today: datetime.date, variant: str = "") -> str:
    return f"dashboard:{today.isoformat()}:{bodies_key(user)}:{data_version(user)}{variant and ':' + variant}"


def shared(user, today: datetime.date, build: Callable[[], object], variant: str = "") -> object:
    """The entry for the user's bodies today, built by `build()` when the cache has none.

    `variant` names another entry under the same key and versions (the page's HTML in one language).
    """
    key = cache_key(user, today, variant)
    return versions.built(key, build, TIMEOUT_SECONDS)


def bump(touched: Iterable[str]) -> None:
    """Replace, after the commit, the versions of these areas and the global one."""
    versions.bump_areas_after_commit(VERSION, touched)


def _before(sender, instance, **kwargs) -> None:
    """Remember the areas of the row as stored, for the write that follows (a move leaves one area)."""
    if kwargs.get("raw"):
        return
    setattr(instance, _BEFORE, areas.of_stored(instance))


def _changed(sender, instance, **kwargs) -> None:
    if kwargs.get("raw"):  # fixtures loading: nothing is cached for data being loaded
        return
    bump(getattr(instance, _BEFORE, set()) | areas.of_instance(instance))


def _m2m_changed(sender, instance, action: str, reverse: bool, model, pk_set, **kwargs) -> None:
    if action.startswith("pre_") and action != "pre_clear":
        return
    if action == "pre_clear":  # the cleared rows are gone after it: remember their areas now
        setattr(instance, _BEFORE, areas.of_instance(instance))
        return
    touched = getattr(instance, _BEFORE, set()) | areas.of_instance(instance)
    if reverse:  # an organisation's directives or blocs changed: the areas of those rows too
        for row in model._default_manager.filter(pk__in=pk_set or []):
            touched |= areas.of_instance(row)
    else:
        touched |= areas.of_bodies(pk_set or [])
    bump(touched)


def connect() -> None:
    """Listen to every write the dashboard shows (called once, from the app's ready())."""
    from giaoban.directives.models import Directive, DirectiveUpdate
    from giaoban.meetings.models import Meeting
    from giaoban.organisations.models import Bloc, Organization
    from giaoban.reports.models import PeriodReport, ReportTemplate

    # Rows that can move between areas (or lose the rows that tie them to one) are read before the write.
    for model in (Directive, Meeting, Organization, Bloc):
        pre_save.connect(_before, sender=model, dispatch_uid=f"dashboard-before-save-{model.__name__}")
        pre_delete.connect(_before, sender=model, dispatch_uid=f"dashboard-before-delete-{model.__name__}")
    for model in (Directive, DirectiveUpdate, Meeting, PeriodReport, ReportTemplate, Organization, Bloc):
        post_save.connect(_changed, sender=model, dispatch_uid=f"dashboard-save-{model.__name__}")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"dashboard-delete-{model.__name__}")
    for through in (Directive.coordinating.through, Bloc.members.through):
        m2m_changed.connect(_m2m_changed, sender=through, dispatch_uid=f"dashboard-m2m-{through.__name__}")
