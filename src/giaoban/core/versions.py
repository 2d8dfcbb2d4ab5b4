"""Data versions for entries of the shared cache: a cached page's key holds the version it was built at.

A write that changes what such a page shows replaces the version with a new random token once its
transaction has committed, so every app server builds the page afresh on its next request. A new
token rather than an increment: with the database cache two servers may replace the version at
once, and whichever token wins is still one no stale entry was stored under. The version is set
only after the commit, so a page built from the old data is stored under the old version, which
no later request asks for.
"""

import hashlib
import secrets
from collections.abc import Callable, Iterable
from typing import TypeVar

from django.core.cache import cache
from django.db import connection, transaction

PREFIX = "giaoban-version:"


def current(name: str) -> str:
    """The version of `name` now (made on first use, or after the cache lost it)."""
    key = PREFIX + name
    value = cache.get(key)
    if value is None:
        cache.add(key, secrets.token_hex(8), timeout=None)
        value = cache.get(key)
    return value


def current_many(names: list[str]) -> list[str]:
    """The versions of `names` now, in their order, in one cache read when they all exist."""
    found = cache.get_many([PREFIX + name for name in names])
    return [found.get(PREFIX + name) or current(name) for name in names]


def _replace(name: str) -> None:
    cache.set(PREFIX + name, secrets.token_hex(8), timeout=None)


def bump_after_commit(name: str) -> None:
    """Replace the version of `name` when the current transaction commits (at once outside one).

    Many saves in one transaction (an import, a meeting with its directives) replace it once.
    """
    pending = getattr(connection, "run_on_commit", [])
    if any(getattr(func, "version_name", None) == name and not func.ran for _sids, func, _robust in pending):
        return

    def replace() -> None:
        _replace(name)
        replace.ran = True

    replace.version_name, replace.ran = name, False
    transaction.on_commit(replace, robust=True)


def bump_areas_after_commit(name: str, areas: Iterable[str]) -> None:
    """Replace `name` (what every area's entries are also keyed by) and `name:<area>` of each area."""
    bump_after_commit(name)
    for area in sorted(set(areas)):
        if area:
            bump_after_commit(f"{name}:{area}")


T = TypeVar("T")


def built(key: str, build: Callable[[], T], timeout: int) -> T:
    """The shared cache's entry under `key` (a key holding the versions it was built at), or `build()` stored there."""
    found = cache.get(key)
    if found is None:
        found = build()
        cache.set(key, found, timeout)
    return found


def key(prefix: str, names: list[str], parts: Iterable[str]) -> str:
    """A key under `prefix` made of `parts` and the versions of `names` now (one cache read).

    Hashed: the parts (a query string, a user's memberships) may be long or hold any character.
    """
    joined = chr(31).join([*parts, *names, *current_many(names)])
    return f"{prefix}:{hashlib.sha256(joined.encode()).hexdigest()}"
