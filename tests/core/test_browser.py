"""The login flow in a real headless Chromium against a live server."""

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_demo_editor_logs_in_and_sees_only_their_bodies(live_server, page, settings):
    settings.DEMO = True
    call_command("demo", stdout=None)
    page.goto(live_server.url + "/")
    assert page.locator("h1").inner_text() == "Đăng nhập"
    page.fill("#id_username", "bientap")
    page.fill("#id_password", "giaoban-demo")
    page.click("button[type=submit]")
    page.wait_for_selector("text=Đơn vị của tôi")
    assert page.evaluate("typeof window.htmx") == "object", "self-hosted htmx must load"
    assert page.get_by_text("Ban Dân vận Huyện ủy Hữu Lũng").count() >= 1
    page.click("text=Đơn vị")
    page.wait_for_selector("#results")
    body = page.locator("#results").inner_text()
    assert "Hữu Lũng" in body and "Hồng Ngự" not in body


def test_wrong_password_shows_a_vietnamese_message(live_server, page, settings):
    settings.DEMO = True
    call_command("demo", stdout=None)
    page.goto(live_server.url + "/dang-nhap/")
    page.fill("#id_username", "bientap")
    page.fill("#id_password", "sai")
    page.click("button[type=submit]")
    assert "tên đăng nhập" in page.locator(".errors").inner_text().lower()
