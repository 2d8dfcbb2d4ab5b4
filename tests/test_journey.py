"""The whole journey in a real Chromium, as the demo's people would live it over a quarter.

The Ban Dân vận's secretary records the Q3/2022 briefing of the Hữu Lũng bloc and its conclusion; the
Hội Nông dân, which leads the directive, reports progress; when the deadline passes (time is frozen and
moved) the directive turns overdue on its dashboard; the next briefing is recorded and the leader carries
the directive over to it; it is found by a search typed without diacritics; the notice is issued and
downloaded, and read back; the read-only member of the Hội Nông dân is refused every edit.

Each person has a browser of their own. Every step is a click or typing on what the page shows (labels,
roles, visible text); the read-only persona's direct POSTs are the one deliberate exception.
"""

import datetime
import io
import re
import zoneinfo

import docx
import pypdf
import pytest
import time_machine
from django.core.management import call_command
from playwright.sync_api import expect

from giaoban.accounts.models import Role
from giaoban.directives.models import Directive, DirectiveStatus, DirectiveUpdate
from giaoban.documents.models import Document
from giaoban.meetings.models import Meeting
from giaoban.organisations.models import Organization
from tests.browsing import menu
from tests.factories import PASSWORD, MembershipFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HANOI = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
DEMO_PASSWORD = "giaoban-demo"
TASK = "Hỗ trợ hộ nghèo xã Hồ Sơn xây nhà Đại đoàn kết trước mùa mưa bão"
NOTE = "Đã khảo sát 12 hộ, khởi công 4 căn nhà Đại đoàn kết"
LEAD = "Hội Nông dân huyện Hữu Lũng"


def _at(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=HANOI)


class Person:
    """One user at their own PC: a browser context of their own, watched for problems."""

    def __init__(self, browser, live_server, problems, username: str, password: str = DEMO_PASSWORD) -> None:
        self.context = browser.new_context(viewport={"width": 1366, "height": 768}, accept_downloads=True)
        self.page = self.context.new_page()
        problems.watch(self.page)
        self.base, self.username, self.password = live_server.url, username, password

    def log_in(self) -> None:
        """Open the site; log in when the login page shows (a session ends after an idle hour)."""
        page = self.page
        page.goto(self.base + "/")  # the one address typed: the site's own, as a bookmark opens it
        if page.locator("h1").inner_text() == "Đăng nhập":
            page.get_by_label("Tên đăng nhập").fill(self.username)
            page.get_by_label("Mật khẩu").fill(self.password)
            page.get_by_role("button", name="Đăng nhập").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Tổng quan")

    def menu(self, name: str) -> None:
        menu(self.page, name)


def _message(page, text: str) -> None:
    expect(page.locator(".messages")).to_contain_text(text)


def _records_the_briefing(secretary: Person) -> Meeting:
    page = secretary.page
    secretary.menu("Cuộc họp")
    page.get_by_role("link", name=re.compile("công tác quý II, triển khai chương trình công tác quý III")).click()
    page.get_by_role("link", name="Ghi kỳ giao ban tiếp theo").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ghi cuộc họp mới")
    page.get_by_label("Cơ quan tổ chức").select_option(label="Huyện ủy Hữu Lũng")
    page.get_by_label("Ngày họp").fill("04/10/2022")
    page.get_by_label("Giờ bắt đầu").fill("08:00")
    page.get_by_label("Địa điểm").fill("Hội trường Huyện ủy Hữu Lũng")
    page.get_by_label("Kỳ đánh giá").fill("Quý III/2022")
    page.get_by_label("Kỳ triển khai").fill("Quý IV/2022")
    chairs = page.get_by_role("group", name="Chủ trì")
    chairs.get_by_label("Họ và tên").first.fill("Đinh Đức Chính")
    chairs.get_by_label("Chức vụ").first.fill("Phó Bí thư Thường trực Huyện ủy")
    agenda = page.get_by_role("group", name="Chương trình")
    agenda.get_by_label("Nội dung").first.fill("Báo cáo kết quả công tác quý III, nhiệm vụ quý IV năm 2022")
    page.get_by_role("button", name="Lưu", exact=True).click()
    _message(page, "Đã lưu cuộc họp")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Hội nghị giao ban Quý III/2022, triển khai nhiệm vụ Quý IV/2022")
    return Meeting.objects.get(date=datetime.date(2022, 10, 4))


def _records_the_conclusion(secretary: Person) -> None:
    page = secretary.page
    page.get_by_role("button", name="Đã họp").click()
    page.get_by_role("link", name="Kết luận và chỉ đạo").click()
    conclusion = page.get_by_role("group", name="Kết luận")
    conclusion.get_by_label("Nội dung kết luận").fill(
        "Ghi nhận kết quả quý III; yêu cầu các đoàn thể tập trung hỗ trợ hộ nghèo trước mùa mưa bão.")
    conclusion.get_by_label("Người kết luận:", exact=True).fill("Đinh Đức Chính")
    row = page.locator("#directive-row-0")
    row.get_by_label("Nội dung:", exact=True).fill(TASK)
    row.get_by_label("Đơn vị chủ trì").select_option(label=LEAD)
    row.get_by_label("Đơn vị phối hợp").select_option(label="Đoàn Thanh niên huyện Hữu Lũng")
    row.get_by_label("Thời hạn").fill("31/10/2022")
    page.get_by_role("button", name="Lưu", exact=True).click()
    _message(page, "Đã lưu kết luận và các chỉ đạo.")
    expect(page.locator("#directives")).to_contain_text(TASK)


def _reports_progress(lead: Person) -> None:
    page = lead.page
    lead.log_in()
    soon = page.locator("section").filter(has=page.get_by_role("heading", name="Đến hạn trong 14 ngày"))
    expect(soon).to_contain_text(TASK)
    lead.menu("Việc của đơn vị tôi")
    row = page.locator("tr").filter(has_text=TASK)
    row.get_by_role("link", name="Báo cáo tiến độ").click()
    form = row.locator("form")
    form.get_by_label("Tiến độ, kết quả").fill(NOTE)
    form.get_by_label("% hoàn thành").fill("40")
    form.get_by_role("button", name="Gửi báo cáo").click()
    expect(row).to_contain_text("Đã ghi.")
    expect(row).to_contain_text(NOTE)


def _sees_it_overdue(lead: Person) -> None:
    page = lead.page
    lead.log_in()
    late = page.locator("section").filter(has=page.get_by_role("heading", name="Việc quá hạn"))
    expect(late.locator("tr").filter(has_text=TASK)).to_contain_text("2 ngày")
    expect(page.locator("section").filter(has=page.get_by_role("heading", name="Đến hạn trong 14 ngày"))
           ).not_to_contain_text(TASK)


def _records_the_next_briefing(secretary: Person, meeting: Meeting) -> Meeting:
    page = secretary.page
    secretary.log_in()
    secretary.menu("Cuộc họp")
    page.get_by_role("link", name=meeting.title).click()
    page.get_by_role("link", name="Ghi kỳ giao ban tiếp theo").click()
    page.get_by_label("Cơ quan tổ chức").select_option(label="Huyện ủy Hữu Lũng")
    page.get_by_label("Ngày họp").fill("05/01/2023")
    page.get_by_label("Kỳ đánh giá").fill("Quý IV/2022")
    page.get_by_label("Kỳ triển khai").fill("Quý I/2023")
    page.get_by_role("button", name="Lưu", exact=True).click()
    _message(page, "Đã đưa các việc chưa hoàn thành kỳ trước vào chương trình họp.")
    return Meeting.objects.get(date=datetime.date(2023, 1, 5))


def _carries_it_over(leader: Person, next_meeting: Meeting) -> None:
    page = leader.page
    leader.log_in()
    soon = page.locator("section").filter(has=page.get_by_role("heading", name="Cuộc họp sắp tới"))
    soon.get_by_role("link", name=next_meeting.title).click()
    row = page.locator("#carried-over + table tr").filter(has_text=TASK)
    row.get_by_role("button", name="Chuyển kỳ này").click()
    _message(page, "Đã chuyển sang")
    expect(page.locator("#carried-over + table tr").filter(has_text=TASK)).to_contain_text("Đã chuyển sang kỳ này")


def _finds_it_without_diacritics(leader: Person) -> None:
    page = leader.page
    search = page.get_by_role("searchbox", name="Tìm kiếm")
    search.fill("nha dai doan ket ho son")
    search.press("Enter")
    page.get_by_role("link", name=re.compile("Hỗ trợ hộ nghèo xã Hồ Sơn")).first.click()
    expect(page.locator(".lead-text")).to_have_text(TASK)
    expect(page.locator("main")).to_contain_text("Chuyển kỳ sau")


def _issues_and_downloads_the_notice(secretary: Person, meeting: Meeting) -> Document:
    page = secretary.page
    secretary.menu("Cuộc họp")
    page.get_by_role("link", name=meeting.title).click()
    page.get_by_role("link", name=re.compile("Văn bản: thông báo kết luận")).click()
    notice = page.locator("section").filter(has=page.get_by_role("heading", name="Thông báo kết luận"))
    notice.get_by_label("Ngày ban hành").fill("03/11/2022")
    notice.get_by_role("button", name="Lấy số và ban hành").click()
    _message(page, "Đã ban hành văn bản số")
    document = Document.objects.get(meeting=meeting, doc_type="notice")
    with page.expect_download() as download:
        page.get_by_role("link", name="DOCX").first.click()
    assert download.value.suggested_filename.endswith(".docx")
    text = "\n".join(p.text for p in docx.Document(download.value.path()).paragraphs)
    assert TASK in text and LEAD in text
    pdf = page.request.get(secretary.base + page.get_by_role("link", name="PDF").first.get_attribute("href"))
    words = " ".join(" ".join(page_.extract_text().split()) for page_ in pypdf.PdfReader(io.BytesIO(pdf.body())).pages)
    assert "Hỗ trợ hộ nghèo xã Hồ Sơn xây nhà Đại đoàn kết" in words
    return document


def _csrf_token(page) -> str:
    """The token every page carries for htmx (the header the site's own requests send)."""
    return re.search(r'"X-CSRFToken": "([^"]+)"', page.locator("body").get_attribute("hx-headers")).group(1)


def _sees_no_edit_control(page) -> None:
    """Nothing in the page's body posts or leads to an edit form."""
    main = page.locator("main")
    expect(main.locator("form[method=post]")).to_have_count(0)
    expect(main.locator("a[href$='/sua/'], a[href$='/ket-luan/'], a[href$='/dinh-chinh/'], a[href*='/them/']")
           ).to_have_count(0)


def _is_refused_every_edit(reader: Person, meeting: Meeting, next_meeting: Meeting, directive: Directive,
                           document: Document) -> None:
    page = reader.page
    reader.log_in()
    reader.menu("Việc của đơn vị tôi")
    row = page.locator("tr").filter(has_text=TASK)
    expect(row).to_contain_text(NOTE)
    expect(row.get_by_role("link", name="Báo cáo tiến độ")).to_have_count(0)
    row.get_by_role("link", name=re.compile("Hỗ trợ hộ nghèo")).click()
    _sees_no_edit_control(page)
    page.get_by_role("link", name=meeting.title).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(meeting.title)
    _sees_no_edit_control(page)
    page.get_by_role("link", name=re.compile("Văn bản: thông báo kết luận")).click()
    _sees_no_edit_control(page)

    # Direct POSTs (no page offers them to this user): each refused, nothing changed.
    before = (Directive.objects.filter(pk=directive.pk).values_list("version", "status").get(),
              DirectiveUpdate.objects.count(), Meeting.objects.count(), Document.objects.count(),
              Meeting.objects.get(pk=meeting.pk).state)
    d, m = directive.pk, meeting.pk
    posts = {
        f"/chi-dao/{d}/tien-do/": {"note": "Báo cáo trái phép", "percent": "90"},
        f"/chi-dao/{d}/sua/": {"text": "Sửa trái phép", "version": "1"},
        f"/chi-dao/{d}/dong/": {"status": "done", "reason": "Đóng trái phép"},
        f"/chi-dao/{d}/chuyen-ky/": {"meeting": str(next_meeting.pk)},
        f"/chi-dao/{d}/dinh-chinh/": {"kind": "correction", "reason": "x"},
        f"/cuoc-hop/{m}/sua/": {"title": "Sửa trái phép"},
        f"/cuoc-hop/{m}/ket-luan/": {"conclusion-text": "Kết luận trái phép"},
        f"/cuoc-hop/{m}/trang-thai/": {"action": "close"},
        f"/cuoc-hop/{next_meeting.pk}/trang-thai/": {"action": "cancel", "reason": "x"},
        f"/van-ban/cuoc-hop/{m}/ban-hanh/minutes/": {"minutes-issued_on": "04/11/2022"},
        f"/van-ban/{document.pk}/cong-khai/": {},
        f"/van-ban/cuoc-hop/{m}/tin-bai/": {},
        "/cuoc-hop/them/": {"kind": "briefing", "host": str(meeting.host_id), "date": "06/01/2023"},
        "/chi-dao/dot-bao-cao/mo/": {"meeting": str(next_meeting.pk), "due_on": "30/12/2022"},
    }
    token = _csrf_token(page)
    answers = {url: page.request.post(reader.base + url, form=data, headers={"X-CSRFToken": token},
                                      max_redirects=0).status for url, data in posts.items()}
    assert all(status in (403, 404) for status in answers.values()), answers
    after = (Directive.objects.filter(pk=directive.pk).values_list("version", "status").get(),
             DirectiveUpdate.objects.count(), Meeting.objects.count(), Document.objects.count(),
             Meeting.objects.get(pk=meeting.pk).state)
    assert after == before


def test_the_whole_journey_from_briefing_to_notice_as_the_personas(live_server, browser, settings, browser_problems):
    settings.DEMO = True
    with time_machine.travel(_at(2022, 10, 4, 7, 45), tick=True) as clock:
        call_command("demo", stdout=None)
        hnd = Organization.objects.get(name=LEAD)
        MembershipFactory(user=UserFactory(username="bientap_hnd", first_name="Chuyên viên Hội Nông dân"),
                          organization=hnd, role=Role.EDITOR)
        secretary = Person(browser, live_server, browser_problems, "bientap")
        lead = Person(browser, live_server, browser_problems, "bientap_hnd", PASSWORD)
        leader = Person(browser, live_server, browser_problems, "quantri")
        reader = Person(browser, live_server, browser_problems, "xem")

        secretary.log_in()
        meeting = _records_the_briefing(secretary)
        _records_the_conclusion(secretary)
        directive = Directive.objects.get(meeting=meeting, text=TASK)
        assert directive.lead == hnd and directive.deadline == datetime.date(2022, 10, 31)

        clock.move_to(_at(2022, 10, 20, 9, 0))  # two weeks on: due within 14 days
        _reports_progress(lead)
        assert DirectiveUpdate.objects.get(directive=directive).author.username == "bientap_hnd"

        clock.move_to(_at(2022, 11, 2, 9, 0))  # two days past the deadline
        _sees_it_overdue(lead)
        next_meeting = _records_the_next_briefing(secretary, meeting)
        _carries_it_over(leader, next_meeting)
        directive.refresh_from_db()
        assert directive.status == DirectiveStatus.CARRIED_OVER
        assert list(directive.carried_to.all()) == [next_meeting]
        _finds_it_without_diacritics(leader)

        clock.move_to(_at(2022, 11, 3, 8, 0))
        secretary.log_in()
        document = _issues_and_downloads_the_notice(secretary, meeting)
        _is_refused_every_edit(reader, meeting, next_meeting, directive, document)
        for person in (secretary, lead, leader, reader):
            person.context.close()
