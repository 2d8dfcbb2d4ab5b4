import datetime

import pytest
import time_machine
from django.test import RequestFactory, override_settings
from django.urls import reverse

from giaoban.accounts.throttling import client_ip
from tests.factories import PASSWORD, UserFactory

START = datetime.datetime(2026, 3, 2, 8, 0, tzinfo=datetime.UTC)


def _login(client, username: str, password: str, address: str = "10.0.0.7"):
    return client.post(reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address)


def _fail(client, username: str, times: int, address: str = "10.0.0.7"):
    for _ in range(times):
        response = _login(client, username, "sai-mat-khau", address)
    return response


@pytest.mark.django_db
def test_it_locks_out_after_five_wrong_passwords_with_a_vietnamese_message(client):
    UserFactory(username="canbo")
    with time_machine.travel(START, tick=False):
        assert _fail(client, "canbo", 4).status_code == 200
        response = _fail(client, "canbo", 1)
    assert response.status_code == 429
    text = response.content.decode()
    assert "Đăng nhập tạm bị khóa" in text and "15 phút" in text
    assert 'value="canbo"' in text  # the username stays in the form


@pytest.mark.django_db
def test_the_right_password_is_refused_during_the_lockout(client):
    UserFactory(username="canbo")
    with time_machine.travel(START, tick=False):
        _fail(client, "canbo", 5)
    with time_machine.travel(START + datetime.timedelta(minutes=10), tick=False):
        response = _login(client, "canbo", PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_the_right_password_works_again_after_the_cool_off(client):
    UserFactory(username="canbo")
    with time_machine.travel(START, tick=False):
        _fail(client, "canbo", 5)
    with time_machine.travel(START + datetime.timedelta(minutes=16), tick=False):
        response = _login(client, "canbo", PASSWORD)
        assert response.status_code == 302
        assert client.session["_auth_user_id"]


@pytest.mark.django_db
def test_a_lockout_from_one_address_does_not_lock_the_owner_out_from_another(client):
    UserFactory(username="canbo")
    with time_machine.travel(START, tick=False):
        _fail(client, "canbo", 5, address="203.0.113.9")
        response = _login(client, "canbo", PASSWORD, address="10.0.0.7")
    assert response.status_code == 302


@pytest.mark.django_db
def test_a_successful_login_resets_the_count_of_failures(client):
    UserFactory(username="canbo")
    with time_machine.travel(START, tick=False):
        _fail(client, "canbo", 4)
        assert _login(client, "canbo", PASSWORD).status_code == 302
        client.logout()
        assert _fail(client, "canbo", 4).status_code == 200


@override_settings(GIAOBAN_PROXY_COUNT=1)
def test_behind_one_proxy_the_client_is_the_last_forwarded_address():
    request = RequestFactory().get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.4")
    assert client_ip(request) == "198.51.100.4"  # what a client forges comes first and is ignored


@override_settings(GIAOBAN_PROXY_COUNT=0)
def test_without_a_proxy_a_forwarded_header_is_not_trusted():
    request = RequestFactory().get("/", REMOTE_ADDR="198.51.100.4", HTTP_X_FORWARDED_FOR="6.6.6.6")
    assert client_ip(request) == "198.51.100.4"
