"""One log record per request: user, method, path, status, duration (JSON in production)."""

import logging
import time
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

logger = logging.getLogger("giaoban.requests")


def _username(request: HttpRequest) -> str | None:
    # Only a user the request already loaded: asking for request.user here would
    # query the database, which may be the very thing that just failed.
    user = getattr(request, "_cached_user", None)
    return user.get_username() if user is not None and user.is_authenticated else None


class RequestLogMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.monotonic()
        response = self.get_response(request)
        # The path without its query string: searches and tokens stay out of the logs.
        logger.info("%s %s %s", request.method, request.path, response.status_code, extra={
            "user": _username(request), "method": request.method, "path": request.path,
            "status": response.status_code, "duration_ms": round((time.monotonic() - started) * 1000, 1)})
        return response
