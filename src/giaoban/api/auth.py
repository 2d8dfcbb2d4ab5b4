"""Bearer tokens and a per-token rate limit.

The limit counts in the shared cache (CACHES: the database's cache table or Redis),
not in the data tables, so every server process counts against one allowance.
"""

import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja.security import HttpBearer

from giaoban.api.errors import ApiError
from giaoban.api.models import ApiToken

WINDOW_SECONDS = 60


def check_rate(token: ApiToken, now: float | None = None) -> None:
    """Refuse with 429 once the token made its allowance of requests in the current minute."""
    limit = settings.GIAOBAN_API_RATE_LIMIT
    now = time.time() if now is None else now
    window = int(now // WINDOW_SECONDS)
    key = f"giaoban-api-rate:{token.pk}:{window}"
    cache.add(key, 0, timeout=WINDOW_SECONDS * 2)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted between add and incr: start the count again
        cache.set(key, 1, timeout=WINDOW_SECONDS * 2)
        count = 1
    if count > limit:
        retry = str(int((window + 1) * WINDOW_SECONDS - now) + 1)
        raise ApiError(429, "rate_limited",
                       _("Quá %(n)s yêu cầu mỗi phút cho mã truy cập này; hãy thử lại sau %(s)s giây.")
                       % {"n": limit, "s": retry}, headers={"Retry-After": retry})


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> ApiToken | None:
        found = ApiToken.objects.for_secret(token)
        if found is None:
            return None
        check_rate(found)
        # The permission rules of the web pages read request.user.
        request.user = found.user
        return found
