import hashlib
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from giaoban.api.models import ApiToken
from tests.factories import UserFactory


def test_only_the_hash_of_the_secret_is_stored(db):
    token, secret = ApiToken.issue(UserFactory(), "Phần mềm báo cáo")
    stored = ApiToken.objects.get(pk=token.pk)
    assert stored.key_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in {stored.key_hash, stored.hint, stored.name}
    assert secret.startswith(stored.hint)


def test_a_secret_finds_its_token_until_it_is_revoked(db):
    token, secret = ApiToken.issue(UserFactory(), "Cổng")
    assert ApiToken.objects.for_secret(secret) == token
    assert ApiToken.objects.for_secret(secret + "x") is None
    token.revoke()
    assert ApiToken.objects.for_secret(secret) is None


def test_two_tokens_never_share_a_secret(db):
    user = UserFactory()
    assert ApiToken.issue(user, "a")[1] != ApiToken.issue(user, "b")[1]


# Several app servers run on PostgreSQL; the tests' in-memory SQLite refuses concurrent writers outright.
@pytest.mark.skipif(settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
                    reason="several app servers need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_calls_counted_at_once_on_several_connections_each_get_their_own_number():
    """As from several app servers: every call adds one, none is lost (PostgreSQL commits the count without
    waiting for the disk, api/models.py), and the connections keep committing durably afterwards."""
    token, secret = ApiToken.issue(UserFactory(), "Cổng")

    def count(_n: int) -> int:
        try:
            return ApiToken.objects.count_call(secret, 7)[2]
        finally:
            connection.close()

    with ThreadPoolExecutor(4) as pool:
        numbers = sorted(pool.map(count, range(40)))

    assert numbers == list(range(1, 41))
    with CaptureQueriesContext(connection) as counted:
        assert ApiToken.objects.count_call(secret, 7)[2] == 41
    assert ApiToken.objects.get(pk=token.pk).rate_count == 41
    # Not waiting for the disk, for the count's own transaction only.
    assert "synchronous_commit" in counted.captured_queries[0]["sql"]
    with connection.cursor() as cursor:
        cursor.execute("SHOW synchronous_commit")
        assert cursor.fetchone()[0] == "on"
