import datetime

import pytest
import time_machine
from django.urls import reverse

from tests.factories import PASSWORD, UserFactory

START = datetime.datetime(2026, 3, 2, 8, 0, tzinfo=datetime.UTC)


def _at(minutes: int):
    return time_machine.travel(START + datetime.timedelta(minutes=minutes), tick=False)


@pytest.mark.django_db
def test_logged_in_pages_are_private_and_not_stored(client):
    client.force_login(UserFactory())
    response = client.get(reverse("home"))
    assert response.status_code == 200
    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= directives


@pytest.mark.django_db
def test_a_session_ends_after_an_hour_without_a_request(client):
    UserFactory(username="canbo")
    with _at(0):
        client.post(reverse("login"), {"username": "canbo", "password": PASSWORD})
    with _at(61):
        response = client.get(reverse("home"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


@pytest.mark.django_db
def test_a_session_in_use_stays_open_past_the_idle_time(client):
    UserFactory(username="canbo")
    with _at(0):
        client.post(reverse("login"), {"username": "canbo", "password": PASSWORD})
    for minute in (40, 80, 120):
        with _at(minute):
            assert client.get(reverse("home")).status_code == 200
    with _at(181):
        assert client.get(reverse("home")).status_code == 302


@pytest.mark.django_db
def test_the_session_cookie_ends_with_the_browser(client):
    UserFactory(username="canbo")
    response = client.post(reverse("login"), {"username": "canbo", "password": PASSWORD})
    cookie = response.cookies["sessionid"]
    assert cookie["max-age"] == "" and cookie["expires"] == ""


@pytest.mark.django_db
def test_pages_read_within_a_minute_do_not_save_the_session_again(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(UserFactory())
    with CaptureQueriesContext(connection) as captured:
        for _ in range(3):
            assert client.get(reverse("home")).status_code == 200
    assert not [q for q in captured if q["sql"].startswith(("UPDATE", "INSERT")) and "django_session" in q["sql"]]
