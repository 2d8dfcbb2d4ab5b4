"""The organisation's webhook page: its admins register URLs and read the delivery log."""

import pytest
from django.urls import reverse

from giaoban.webhooks.models import Webhook
from tests.directives.factories import DirectiveFactory
from tests.meetings.factories import MeetingFactory


@pytest.fixture
def webhook_page(personas):
    return reverse("webhooks:organisation", args=[personas["a"].pk])


def test_an_admin_above_registers_a_url_and_sees_the_delivery_log(client, personas, webhook_page):
    client.force_login(personas["admin"])
    assert client.post(webhook_page, {"url": "https://cong.tinh.gov.vn/giaoban"}).status_code == 302
    hook = Webhook.objects.get(organization=personas["a"])
    DirectiveFactory(meeting=MeetingFactory(host=personas["a"]), lead=personas["a"])
    html = client.get(webhook_page).content.decode()
    assert hook.secret in html and "Có chỉ đạo mới" in html and "Đang chờ gửi" in html


def test_a_url_that_is_not_http_is_refused_with_a_message(client, personas, webhook_page):
    client.force_login(personas["admin"])
    response = client.post(webhook_page, {"url": "ftp://cong.tinh.gov.vn/"})
    assert response.status_code == 400
    assert not Webhook.objects.exists()


@pytest.mark.parametrize(("persona", "status"), [("editor", 403), ("outsider", 404)])
def test_others_may_not_see_or_register(client, personas, webhook_page, persona, status):
    client.force_login(personas[persona])
    assert client.get(webhook_page).status_code == status
    assert client.post(webhook_page, {"url": "https://evil.example/"}).status_code == status
    assert not Webhook.objects.exists()


def test_an_admin_pauses_a_webhook(client, personas):
    hook = Webhook.objects.create(organization=personas["a"], url="https://cong.tinh.gov.vn/")
    client.force_login(personas["admin"])
    client.post(reverse("webhooks:toggle", args=[personas["a"].pk, hook.pk]))
    hook.refresh_from_db()
    assert not hook.active


def test_the_organisation_page_links_to_the_webhooks_for_admins_only(client, personas, webhook_page):
    detail = reverse("organisations:detail", args=[personas["a"].pk])
    client.force_login(personas["admin"])
    assert webhook_page in client.get(detail).content.decode()
    client.force_login(personas["editor"])
    assert webhook_page not in client.get(detail).content.decode()
