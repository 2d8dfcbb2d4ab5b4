"""The profile page of API tokens: created, shown once, revoked."""

import re

import pytest
from django.urls import reverse

from giaoban.api.models import ApiToken
from tests.factories import UserFactory


@pytest.fixture
def user(client, db):
    user = UserFactory(username="canbo")
    client.force_login(user)
    return user


def test_creating_a_token_shows_the_secret_once(client, user):
    page = client.post(reverse("api_tokens"), {"name": "Cổng thông tin tỉnh"}).content.decode()
    secret = re.search(r"gb_[A-Za-z0-9_-]{20,}", page).group(0)
    assert ApiToken.objects.for_secret(secret).user == user
    assert secret not in client.get(reverse("api_tokens")).content.decode()
    assert client.get("/api/v1/periods/", HTTP_AUTHORIZATION=f"Bearer {secret}").status_code == 200


def test_a_token_without_a_name_is_refused_with_a_message(client, user):
    response = client.post(reverse("api_tokens"), {"name": "   "})
    assert response.status_code == 400
    assert "Hãy đặt tên cho mã truy cập." in response.content.decode()
    assert not ApiToken.objects.exists()


def test_revoking_stops_the_token(client, user):
    token, secret = ApiToken.issue(user, "Cũ")
    assert client.post(reverse("api_token_revoke", args=[token.pk])).status_code == 302
    assert client.get("/api/v1/periods/", HTTP_AUTHORIZATION=f"Bearer {secret}").status_code == 401


def test_nobody_revokes_another_users_token(client, user):
    token, _secret = ApiToken.issue(UserFactory(username="khac"), "Của người khác")
    assert client.post(reverse("api_token_revoke", args=[token.pk])).status_code == 404
    assert ApiToken.objects.get(pk=token.pk).revoked_at is None


def test_the_page_needs_a_login(client, db):
    assert client.get(reverse("api_tokens")).status_code == 302
