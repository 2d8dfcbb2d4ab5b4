"""A search's ranked hits in the shared cache, never older than the last write to the entries it reads.

A search costs its matching (the index), its visibility (the records' rules for users who do not
see their area whole) and its ranking (every ranked hit's texts); people page through the same
results and ask the same words again. The ranked ids (at most query.WINDOW of them) are kept in
the shared cache (core/versions.py) under a key made of the folded words, the filters, the user's
memberships (accounts.access.membership_key: two users share an entry only with the same roles on
the same bodies) and the versions of the areas the search reads (the user's areas, scope.py).
A whole results page (its form, count, hits and pager) is kept rendered too, under what was asked
(every parameter), the language and the same parts: what it prints is the entries' text, which
every write to an entry bumps, the bodies' names, which a write to a body bumps, and whether a
period label names a period, which a new period bumps (below).

An entry is written by indexing.py only; every such write replaces, after it commits, the version
of each area in the entry's scope as it was and as it is (an entry leaving an area and one
arriving both change what that area's users find). Rewrites of many scopes at once (a bloc
reorganised, a body moved, a rebuild) and writes to the bodies and blocs the records' rules read
replace the shared version, which every key holds. A user without areas (a superuser, a member of
a central body) is keyed by the global version, which every write replaces.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from typing import TypeVar

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest
from django.utils import translation

from giaoban.accounts.access import membership_key
from giaoban.core import versions
from giaoban.organisations.models import Organization
from giaoban.search import scope

VERSION = "search"  # the global version: every write to the entries replaces it
SHARED = f"{VERSION}:shared"
# A safety net only: the versions make an entry unreachable as soon as the entries change.
TIMEOUT_SECONDS = 15 * 60
T = TypeVar("T")


def version_names(areas: list[str] | None) -> list[str]:
    if areas is None:
        return [SHARED, VERSION]
    return [SHARED, *(f"{VERSION}:{area}" for area in areas)]


def key(user, asked: list[str]) -> str:
    """The cache key of the search described by `asked` (its folded words and filters) for this user now."""
    areas = scope.user_areas(user)
    names = version_names(None if areas is None else areas[0])
    parts = [membership_key(user), *asked, *versions.current_many(names)]
    return f"{VERSION}:{hashlib.sha256(chr(31).join(parts).encode()).hexdigest()}"


def page_key(request: HttpRequest) -> str:
    """The key of a whole results page: what was asked (every parameter, the page), the language, and key()'s parts."""
    asked = sorted((name, value) for name, values in request.GET.lists() for value in values)
    return key(request.user, ["page", translation.get_language() or "", repr(asked)])


def built(key: str, build: Callable[[], T]) -> T:
    """What `build()` makes (the ranked ids, a page of rendered hits), kept under `key` (made by key())."""
    return versions.built(key, build, TIMEOUT_SECONDS)


def bump_scopes(scopes: Iterable[str | None]) -> None:
    """Entries with these scopes (" 12 34 ") changed: their areas' searches are built anew after the commit."""
    versions.bump_areas_after_commit(VERSION, {area for text in scopes if text for area in text.split()})


def bump_all(*_args, **kwargs) -> None:
    """Many scopes rewritten, or what the records' rules read changed: every search is built anew."""
    if not kwargs.get("raw"):
        versions.bump_after_commit(VERSION)
        versions.bump_after_commit(SHARED)


def connect() -> None:
    """The bodies and blocs the records' rules (and the body filter's subtrees) read (called from ready())."""
    from giaoban.organisations.models import Bloc
    from giaoban.periods.models import Period

    # Periods: a page's period box accepts a label once its period exists.
    for model in (Organization, Bloc, Period):
        post_save.connect(bump_all, sender=model, dispatch_uid=f"search-results-save-{model.__name__}")
        post_delete.connect(bump_all, sender=model, dispatch_uid=f"search-results-delete-{model.__name__}")
    m2m_changed.connect(bump_all, sender=Bloc.members.through, dispatch_uid="search-results-bloc-members")
