"""A directive's page: its shared parts in the shared cache, never older than the last write they show.

The record, its amendments, its progress updates and its history are the same for everyone with
the same memberships, and most requests ask for a page nothing has changed since it was built.
They are kept as rendered HTML (core/versions.py) under a key made of the directive, the day
("quá hạn", "sắp đến hạn"), the language, the user's memberships and the data versions its parts
are built from:

- the version of the directive's area (directives/listcache.py): replaced after every write to a
  directive, its places, coordinating bodies, later meetings, progress updates, and to its meeting
  (each bumps at least the area the directive lives in);
- the shared version of the lists (a body's, a place's or a period's name);
- its meeting's own version (meetings/pagecache.py): the meeting's title and day, and whether its
  conclusion notice was issued.

The later briefings it may be carried to are kept with them as data (id, title); the edit links,
the progress and closing forms and the carry buttons (they carry the CSRF token) are worked out
per request, outside the cached parts.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

from django.http import HttpRequest
from django.utils import translation

from giaoban.accounts.access import membership_key
from giaoban.core import versions
from giaoban.directives import listcache
from giaoban.meetings import pagecache as meeting_pages

PREFIX = "directive-pages"
# What an entry holds: changed with its shape, so that a new release never reads an older one's entries.
SHAPE = "1"
# A safety net only: the versions make an entry unreachable as soon as the data changes.
TIMEOUT_SECONDS = 15 * 60


def version_names(directive) -> list[str]:
    # A directive stored without its area (a bulk insert) is keyed by the global version every write replaces.
    area = listcache.area_version(directive.area) if directive.area else listcache.VERSION
    return [listcache.SHARED, area, meeting_pages.meeting_version(directive.meeting_id)]


def page_key(request: HttpRequest, directive, today: datetime.date) -> str:
    parts = [SHAPE, str(directive.pk), today.isoformat(), translation.get_language() or "",
             membership_key(request.user)]
    return versions.key(PREFIX, version_names(directive), parts)


def page_parts(request: HttpRequest, directive, today: datetime.date, build: Callable[[], dict]) -> dict:
    """The shared parts of the directive's page, built by `build()` when the cache has none."""
    return versions.built(page_key(request, directive, today), build, TIMEOUT_SECONDS)
