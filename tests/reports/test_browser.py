"""An editor fills and submits a report in Chromium; the convening body sees it in the consolidation."""

import pytest
from django.urls import reverse

from giaoban.accounts.models import Role
from tests.browsing import follow
from tests.factories import PASSWORD, MembershipFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _login(page, live_server, username):
    page.goto(live_server.url + "/dang-nhap/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_selector("text=Đăng xuất")


def test_editor_fills_and_submits_then_convening_body_sees_it(live_server, page, bloc_world):
    w = bloc_world
    MembershipFactory(user=UserFactory(username="trinhduyet_bdv"), organization=w["board"], role=Role.VIEWER)
    page.context.clear_cookies()
    _login(page, live_server, "bientap_hnd")
    page.goto(f"{live_server.url}/bao-cao/")
    page.click("text=Các kỳ trước")
    page.get_by_role("link", name="Quý I/2022").click()
    follow(page.get_by_role("link", name="Sửa báo cáo"))
    page.fill("#id_results", "Trao 640 suất quà Tết cho hội viên khó khăn.")
    page.fill("[name='chitieu_qua-tet']", "640")
    page.fill("[name='chitieu_quy-vnn']", "320.000.000")
    page.fill("[name='chitieu_dvk']", "92,5")
    page.locator("#id_results").click()  # blur → change → htmx autosave
    page.wait_for_selector("text=Đã tự lưu nháp")
    page.click("#submit-report")
    page.wait_for_selector("text=Đã nộp báo cáo Quý I/2022")

    page.context.clear_cookies()
    _login(page, live_server, "trinhduyet_bdv")
    page.goto(f"{live_server.url}/tong-hop/")
    assert w["bloc"].name in page.content()
    page.goto(live_server.url + reverse("reports:bloc_consolidation", args=[w["bloc"].pk, w["q1"]]))
    table = page.locator("#consolidated").inner_text()
    assert "640" in table and "320.000.000 đ" in table and "92,5 %" in table
    assert "Tất cả đơn vị đã nộp báo cáo." in page.content()
