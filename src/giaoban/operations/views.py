import errno
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from giaoban.core import views as core_views
from giaoban.operations import health

DISK_FULL = {errno.ENOSPC, errno.EDQUOT}


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    """For the proxy and monitoring: no login, no cookies, no secrets; 503 lists what fails."""
    checks = health.run_checks()
    failing = health.failing(checks)
    return JsonResponse({"status": "fail" if failing else "ok", "checks": checks, "failing": failing},
                        status=503 if failing else 200)


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: a lost database or a full disk get their own page, in words an office understands.

    Like core's 500 page they are rendered without the request's context processors,
    which would query the database, and on standalone.html, which needs no user.
    """
    error = sys.exc_info()[1]
    if isinstance(error, OperationalError | InterfaceError):
        return _page("operations/503.html", 503, retry_after="30")
    if isinstance(error, OSError) and error.errno in DISK_FULL:
        return _page("operations/507.html", 507)
    return core_views.server_error(request)


def _page(template: str, status: int, retry_after: str = "") -> HttpResponse:
    response = HttpResponse(render_to_string(template), status=status)
    if retry_after:
        response["Retry-After"] = retry_after
    return response
