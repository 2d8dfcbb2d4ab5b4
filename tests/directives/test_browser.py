"""Real browser: the list filters update in place; an editor reports progress from "việc của đơn vị tôi" and
for a whole round at once."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from giaoban.directives.models import Directive, DirectiveUpdate
from tests.browsing import menu
from tests.directives.factories import round_world
from tests.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _login(page, live_server, username):
    page.goto(live_server.url + "/dang-nhap/")
    page.fill("#id_username", username)
    page.fill("#id_password", "giaoban-demo")
    page.click("button[type=submit]")
    page.wait_for_selector("text=Đơn vị của tôi")


def test_editor_reports_progress_from_my_directives_in_place(live_server, page, settings):
    settings.DEMO = True
    call_command("demo", stdout=None)
    _login(page, live_server, "bientap")
    menu(page, "Việc của đơn vị tôi")
    page.wait_for_selector("#results")
    directive = Directive.objects.get(text__contains="phòng chống Covid cho trẻ em")
    row = page.locator(f"#directive-{directive.pk}")
    url_before = page.url
    row.locator("a.report").click()
    form = page.locator(f"#progress-form-{directive.pk}")
    form.wait_for()
    form.locator("textarea[name=note]").fill("Đã mở 12 cửa hàng số tại các xã")
    form.locator("input[name=percent]").fill("35")
    form.locator("button[type=submit]").click()
    page.wait_for_selector(f"#directive-{directive.pk} .saved")
    assert "Đã mở 12 cửa hàng số" in page.locator(f"#directive-{directive.pk}").inner_text()
    assert page.url == url_before  # no page load: the row was updated in place
    update = DirectiveUpdate.objects.get(directive=directive)
    assert update.author.username == "bientap" and update.percent == 35


def test_directive_list_filters_update_in_place_with_htmx(live_server, page, settings):
    settings.DEMO = True
    call_command("demo", stdout=None)
    _login(page, live_server, "quantri")
    page.goto(live_server.url + "/chi-dao/")
    page.wait_for_selector("#results")
    assert "Nghĩa Tá" in page.locator("#results").inner_text()
    assert "Hướng dẫn đề cương" in page.locator("#results").inner_text()
    page.evaluate("window.__marker = 'still here'")
    page.check("input[name=overdue]")
    expect(page.locator("#results")).not_to_contain_text("Hướng dẫn đề cương")
    results = page.locator("#results").inner_text()
    assert "Nghĩa Tá" in results and "quá hạn" in results
    assert page.evaluate("window.__marker") == "still here"  # same page, only #results was swapped
    assert "overdue=on" in page.url  # the filter is in the address, so it can be bookmarked


def test_a_lead_body_saves_its_whole_round_in_one_go_without_leaving_the_page(live_server, page):
    w, r, front, *_ = round_world(front_directives=2)
    page.goto(live_server.url + "/dang-nhap/")
    page.fill("#id_username", w.lead_editor.username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.goto(live_server.url + r.get_absolute_url())
    page.evaluate("window.__marker = 'still here'")
    page.fill(f"textarea[name=note-{front[0].pk}]", "Đã họp triển khai ở 5 xã")
    page.fill(f"input[name=percent-{front[0].pk}]", "40")
    page.fill(f"textarea[name=note-{front[1].pk}]", "Đã ký kế hoạch")
    page.click("#round-form button[type=submit]")
    expect(page.locator("#round-form")).to_contain_text("Đã ghi 2 báo cáo tiến độ.")
    assert page.evaluate("window.__marker") == "still here"  # only the form was swapped
    assert DirectiveUpdate.objects.filter(round=r).count() == 2
