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


def test_on_a_phone_the_menu_folds_behind_one_button_and_nothing_scrolls_sideways(live_server, browser, settings,
                                                                                 browser_problems):
    settings.DEMO = True
    call_command("demo", stdout=None)
    context = browser.new_context(viewport={"width": 360, "height": 740})
    phone = context.new_page()
    browser_problems.watch(phone)
    phone.goto(live_server.url + "/dang-nhap/")
    phone.fill("#id_username", "bientap")
    phone.fill("#id_password", "giaoban-demo")
    phone.click("button[type=submit]")
    phone.wait_for_selector("h1:text('Tổng quan')")
    assert not phone.locator("#mainnav").is_visible()
    assert phone.locator("#header-q").is_visible(), "search stays at hand on a phone"
    phone.click(".menu-toggle")
    assert phone.locator("#mainnav").is_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    context.close()
