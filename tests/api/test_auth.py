"""Bearer tokens and the per-token rate limit."""

import datetime

import pytest
import time_machine

from giaoban.api.models import ApiToken
from tests.api.conftest import bearer
from tests.factories import MembershipFactory, UserFactory

NOON = datetime.datetime(2026, 3, 2, 12, 0, 0, tzinfo=datetime.UTC)


def test_a_call_without_a_token_gets_401_in_vietnamese(client, db):
    response = client.get("/api/v1/meetings/")
    assert response.status_code == 401
    assert response.json()["code"] == "unauthenticated"
    assert "mã truy cập" in response.json()["message"]


def test_a_revoked_token_is_refused(client, db):
    user = UserFactory()
    token, secret = ApiToken.issue(user, "Cổng thông tin")
    token.revoke()
    assert client.get("/api/v1/meetings/", HTTP_AUTHORIZATION=f"Bearer {secret}").status_code == 401


def test_the_token_of_a_deactivated_user_is_refused(client, db):
    user = UserFactory()
    headers = bearer(user)
    user.is_active = False
    user.save()
    assert client.get("/api/v1/meetings/", **headers).status_code == 401


@pytest.mark.django_db
def test_it_refuses_the_request_past_the_limit_with_429_until_the_next_minute(client, settings):
    settings.GIAOBAN_API_RATE_LIMIT = 3
    headers = bearer(UserFactory())
    with time_machine.travel(NOON, tick=False) as clock:
        assert [client.get("/api/v1/periods/", **headers).status_code for _ in range(3)] == [200, 200, 200]
        refused = client.get("/api/v1/periods/", **headers)
        assert refused.status_code == 429
        assert refused.json()["code"] == "rate_limited"
        assert refused["Retry-After"] == "61"
        clock.shift(datetime.timedelta(seconds=60))
        assert client.get("/api/v1/periods/", **headers).status_code == 200


@pytest.mark.django_db
def test_each_token_has_its_own_allowance(client, settings):
    settings.GIAOBAN_API_RATE_LIMIT = 1
    user = UserFactory()
    first, second = bearer(user), bearer(user)
    with time_machine.travel(NOON, tick=False):
        assert client.get("/api/v1/periods/", **first).status_code == 200
        assert client.get("/api/v1/periods/", **first).status_code == 429
        assert client.get("/api/v1/periods/", **second).status_code == 200


@pytest.mark.django_db
def test_the_count_is_kept_on_the_token_and_starts_again_each_minute(settings):
    token, secret = ApiToken.issue(UserFactory(), "Cổng")
    minute = int(NOON.timestamp()) // 60
    assert [ApiToken.objects.count_call(secret, minute)[2] for _ in range(3)] == [1, 2, 3]
    assert ApiToken.objects.count_call(secret, minute + 1) == (token.pk, token.user_id, 1)
    assert ApiToken.objects.count_call(secret + "x", minute) is None
    token.revoke()
    assert ApiToken.objects.count_call(secret, minute + 1) is None


@pytest.mark.django_db
def test_a_call_finds_its_token_counts_itself_and_reads_its_user_in_two_statements(client, django_assert_num_queries):
    headers = bearer(MembershipFactory().user)
    with django_assert_num_queries(4):  # the token and its count, the user with memberships; the page, its count
        assert client.get("/api/v1/indicators/", **headers).status_code == 200
