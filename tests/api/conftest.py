import json

import pytest
from django.core.cache import cache

from giaoban.api.models import ApiToken


def bearer(user) -> dict:
    """Headers of a fresh API token of `user` (none for the anonymous persona)."""
    if not user.is_authenticated:
        return {}
    _token, secret = ApiToken.issue(user, "Thử nghiệm")
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


@pytest.fixture(autouse=True)
def _fresh_rate_counts(request):
    """The shared cache (the database's cache table, rolled back with the test's data, or Redis, which outlives
    it) starts empty for every test. A test without the database has nothing to clear."""
    uses_db = request.node.get_closest_marker("django_db") or {"db", "transactional_db"} & set(request.fixturenames)
    if uses_db:
        request.getfixturevalue("transactional_db" if "transactional_db" in request.fixturenames else "db")
        cache.clear()
    yield
    if uses_db:
        cache.clear()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Every world creates users; the real hasher's deliberate slowness buys these tests nothing."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def send(client, method: str, path: str, user, body=None, **headers):
    """A JSON call of the API as `user` (with a fresh token)."""
    kwargs = {} if body is None else {"data": json.dumps(body), "content_type": "application/json"}
    return client.generic(method, path, **kwargs, **bearer(user), **headers)
