"""Real browser: the demo editor issues a conclusion notice, opens it and downloads its files.

The demo editor works for the Ban Dân vận, which convenes the Hữu Lũng bloc; the meeting is hosted by
the Huyện ủy, so the notice is the Huyện ủy's document that he issues for it.
"""

from pathlib import Path

import pytest
from django.core.management import call_command

from giaoban.documents.models import Document
from giaoban.meetings.models import Meeting

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _login(page, live_server, username):
    page.goto(live_server.url + "/dang-nhap/")
    page.fill("#id_username", username)
    page.fill("#id_password", "giaoban-demo")
    page.click("button[type=submit]")
    page.wait_for_selector("text=Đơn vị của tôi")


def test_the_demo_editor_issues_a_notice_opens_it_and_downloads_it(live_server, page, settings, browser_problems):
    settings.DEMO = True
    call_command("demo", stdout=None)
    meeting = Meeting.objects.get(date="2022-04-05", host__name="Huyện ủy Hữu Lũng")
    before = set(Document.objects.values_list("pk", flat=True))  # the demo has issued some already
    _login(page, live_server, "bientap")
    page.goto(f"{live_server.url}/cuoc-hop/{meeting.pk}/")
    page.click("text=Văn bản: thông báo kết luận")
    notice_form = page.locator(f"form[action='/van-ban/cuoc-hop/{meeting.pk}/ban-hanh/notice/']")
    notice_form.locator("input[name='notice-issued_on']").fill("07/04/2022")
    notice_form.locator("button[type=submit]").click()
    page.wait_for_selector("text=Đã ban hành văn bản số")

    document = Document.objects.exclude(pk__in=before).get(meeting=meeting, doc_type="notice")
    assert page.url == f"{live_server.url}/van-ban/{document.pk}/"  # opens for him (it used to answer 404)
    assert document.code in page.locator("main").inner_text()
    with page.expect_download() as download:
        page.get_by_role("link", name="DOCX").first.click()
    saved = Path(download.value.path())
    assert download.value.suggested_filename.endswith(".docx") and saved.read_bytes()[:2] == b"PK"
    pdf = page.request.get(f"{live_server.url}/van-ban/{document.pk}/tep.pdf")  # the browser's own session
    assert pdf.ok and pdf.headers["content-type"] == "application/pdf" and pdf.body().startswith(b"%PDF")
    assert meeting.record_is_issued() and document.snapshot.sha256
