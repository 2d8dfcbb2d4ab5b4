"""What every page's context gets: the nav links (worked out once) and the unread count (only when shown)."""

import pytest
from django.template import engines
from django.test import RequestFactory

from giaoban.core import context_processors
from giaoban.notifications.models import Notification
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _request(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


def test_the_nav_links_are_worked_out_once_per_language_and_name_every_app_page():
    context_processors._app_nav.cache_clear()
    user = UserFactory()
    first = context_processors.site(_request(user))["app_nav"]
    again = context_processors.site(_request(user))["app_nav"]
    assert again is first and context_processors._app_nav.cache_info().hits == 1
    assert ("/chi-dao/", "Chỉ đạo") in first and ("/tong-hop/", "Tổng hợp báo cáo") in first


def test_the_unread_count_is_read_only_by_a_template_that_shows_it(django_assert_num_queries):
    user = UserFactory()
    Notification.objects.create(user=user, title="Nhắc việc")
    Notification.objects.create(user=user, title="Nhắc việc khác")
    django = engines["django"]
    with django_assert_num_queries(0):
        assert django.from_string("<p>{{ user.username }}</p>").render({}, _request(user)) == f"<p>{user.username}</p>"
    with django_assert_num_queries(1):
        assert django.from_string("{% if unread_notifications %}{{ unread_notifications }}{% endif %}").render(
            {}, _request(user)) == "2"


def test_a_visitor_gets_no_links_and_no_count(django_assert_num_queries):
    from django.contrib.auth.models import AnonymousUser

    with django_assert_num_queries(0):
        context = context_processors.site(_request(AnonymousUser()))
    assert (context["app_nav"], context["unread_notifications"]) == ((), 0)
