"""Real browser: rows of the meeting form are added, removed and restored in place (htmx)."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from giaoban.organisations.models import Bloc

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_editor_adds_removes_and_restores_a_chair_row_without_reloading(live_server, page, settings):
    settings.DEMO = True
    call_command("demo", stdout=None)
    bloc = Bloc.objects.get(convening__name__startswith="Ban Dân vận Huyện ủy Hữu Lũng")
    page.goto(live_server.url + "/dang-nhap/")
    page.fill("#id_username", "bientap")
    page.fill("#id_password", "giaoban-demo")
    page.click("button[type=submit]")
    page.wait_for_selector("text=Đơn vị của tôi")
    page.goto(f"{live_server.url}/cuoc-hop/them/?bloc={bloc.pk}")
    page.evaluate("window.__marker = 'same page'")
    rows = page.locator("#chairs-rows .formset-row")
    expect(rows).to_have_count(2)
    page.click("#chairs-add")
    expect(rows).to_have_count(3)
    assert page.input_value("#id_chairs-TOTAL_FORMS") == "3"
    page.fill("[name='chairs-2-name']", "Nguyễn Văn Thêm")
    page.locator("#chairs-row-2 .remove-row").click()
    expect(page.locator("#chairs-row-2")).to_contain_text("Đã bỏ dòng này")
    page.locator("#chairs-row-2 .restore-row").click()
    expect(page.locator("[name='chairs-2-name']")).to_have_value("Nguyễn Văn Thêm")
    assert page.evaluate("window.__marker") == "same page"
