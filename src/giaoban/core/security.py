"""Middleware that keeps logged-in pages private and sessions short.

SlidingSessionMiddleware: a session's stored expiry is SESSION_COOKIE_AGE (the
idle limit) from its last save; pushing it forward on every request would write
the session row on every page, so it is pushed at most once a minute.

PrivateCacheMiddleware: what a logged-in user sees must not stay in a shared
proxy or in the browser's cache for the next person at the same computer.
"""

import time
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control

SEEN_KEY = "giaoban_seen"
REFRESH_SECONDS = 60


def mark_seen(sender, request: HttpRequest, user, **kwargs) -> None:
    """On login: the session starts fresh, so the first pages after it need not save it again."""
    if getattr(request, "session", None) is not None:
        request.session[SEEN_KEY] = int(time.time())


class SlidingSessionMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            now = int(time.time())
            if now - request.session.get(SEEN_KEY, 0) >= REFRESH_SECONDS:
                request.session[SEEN_KEY] = now  # modified: the session is saved with a fresh expiry
        return self.get_response(request)


class PrivateCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
        return response
