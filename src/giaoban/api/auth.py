"""Bearer tokens and a per-token rate limit.

The limit counts on the token's own row, in the statement that finds the token
(ApiToken.objects.count_call), so every server process counts against one allowance
and a call costs two statements before its endpoint: that one, and the user with
their memberships (which every permission check reads).
"""

import time

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja.security import HttpBearer

from giaoban.accounts.access import active_user_with_memberships
from giaoban.api.errors import ApiError
from giaoban.api.models import ApiToken

WINDOW_SECONDS = 60


def check_rate(count: int, now: float) -> None:
    """Refuse with 429 once the token made more than its allowance of calls in the current minute."""
    limit = settings.GIAOBAN_API_RATE_LIMIT
    if count > limit:
        retry = str(int((now // WINDOW_SECONDS + 1) * WINDOW_SECONDS - now) + 1)
        raise ApiError(429, "rate_limited",
                       _("Quá %(n)s yêu cầu mỗi phút cho mã truy cập này; hãy thử lại sau %(s)s giây.")
                       % {"n": limit, "s": retry}, headers={"Retry-After": retry})


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> int | None:
        now = time.time()
        found = ApiToken.objects.count_call(token, int(now // WINDOW_SECONDS))
        if found is None:
            return None
        token_id, user_id, count = found
        user = active_user_with_memberships(user_id)
        if user is None:
            return None
        check_rate(count, now)
        # The permission rules of the web pages read request.user.
        request.user = user
        return token_id
