"""Long actions in Chromium (busy.js): while the server works the page says what is happening, the
button looks busy, and a second press sends nothing; then the answer arrives as usual.

The server is made slow by holding the POST when it arrives until the test lets it go, so the busy
state is looked at for as long as needed and the count of POSTs received is exact.
"""

import re
import threading
import time

import pytest
from django.core.signals import request_started
from django.urls import reverse
from playwright.sync_api import expect

from giaoban.meetings.models import Meeting

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TEXT = """HỘI NGHỊ GIAO BAN KHỐI MTTQ VÀ CÁC ĐOÀN THỂ HUYỆN HỮU LŨNG QUÝ III NĂM 2022
Ngày 04/10/2022, Ban Dân vận Huyện ủy Hữu Lũng tổ chức hội nghị giao ban khối MTTQ và các đoàn thể.
Kết luận hội nghị, đồng chí Đinh Đức Chính, Phó Bí thư Thường trực Huyện ủy đề nghị: Hội Nông dân huyện chủ trì
phối hợp hỗ trợ hộ nghèo xây nhà Đại đoàn kết, hoàn thành trước ngày 31/10/2022."""


class SlowServer:
    """The server "is working" on POSTs to one path: they wait until released, and are counted."""

    def __init__(self, path: str) -> None:
        self.path, self.posts, self.gate = path, 0, threading.Event()
        request_started.connect(self._hold)

    def _hold(self, sender, environ, **kwargs) -> None:
        if environ["REQUEST_METHOD"] == "POST" and environ["PATH_INFO"].endswith(self.path):
            self.posts += 1
            self.gate.wait(timeout=30)

    def release(self) -> None:
        self.gate.set()
        request_started.disconnect(self._hold)


def _log_in(page, live_server):
    page.goto(live_server.url + reverse("login"))
    page.get_by_label("Tên đăng nhập").fill("bientap")
    page.get_by_label("Mật khẩu").fill("giaoban-demo")
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tổng quan")


# While a page waits for its answer, neither Playwright's calls nor the devtools channel can be relied
# on to read it (Chromium 156 holds them until the answer for some forms). So the page watches itself:
# when busy.js marks the form busy, what a person would see is kept in sessionStorage (it outlives the
# navigation in the same tab), and a moment later the impatient second press is made on the same button.
WATCH = """([form, button]) => {
  sessionStorage.removeItem("busy-seen");
  const observer = new MutationObserver(() => {
    if (form.getAttribute("aria-busy") !== "true") { return; }
    observer.disconnect();
    sessionStorage.setItem("busy-seen", JSON.stringify({
      says: form.querySelector("[role=status]").textContent,
      buttons: Array.from(form.querySelectorAll("button"), b => b.getAttribute("aria-disabled"))}));
    setTimeout(() => { button.click(); sessionStorage.setItem("busy-pressed", "yes"); }, 100);
  });
  observer.observe(form, {attributes: true, subtree: true, childList: true, characterData: true});
}"""


def _press_twice_while_busy(page, form, button_name: str, path: str, says: str) -> None:
    button = form.get_by_role("button", name=button_name)
    page.evaluate(WATCH, [form.element_handle(), button.element_handle()])
    server = SlowServer(path)
    try:
        button.click(no_wait_after=True)
        for _ in range(300):  # a loaded machine may take seconds to send the post
            if server.posts:
                break
            time.sleep(0.1)
        time.sleep(2)  # the second press is made while the first is held
        assert server.posts == 1, "a second press must not send the form again"
        with page.expect_navigation():  # the answer to the first press
            server.release()
    finally:
        server.release()
    seen = page.evaluate("JSON.parse(sessionStorage.getItem('busy-seen'))")
    assert seen and re.match(says, seen["says"]) and set(seen["buttons"]) == {"true"}, seen
    assert page.evaluate("sessionStorage.getItem('busy-pressed')") == "yes"
    assert server.posts == 1


def test_long_actions_say_what_is_happening_and_ignore_a_second_press(live_server, page, demo):
    _log_in(page, live_server)

    # "Nhập từ văn bản": reading the text.
    page.get_by_role("navigation", name="Điều hướng chính").get_by_role("link", name="Cuộc họp").click()
    page.get_by_role("link", name="Nhập từ văn bản").click()
    page.get_by_label("Dán nội dung văn bản").fill(TEXT)
    form = page.locator("main form")
    _press_twice_while_busy(page, form, "Đọc văn bản", "/cuoc-hop/nhap-van-ban/", "Đang đọc văn bản")
    expect(page.get_by_role("heading", level=1)).to_have_text("Kiểm tra trước khi lưu")

    # An Excel upload: the report's own template, downloaded and sent back.
    page.get_by_role("navigation", name="Điều hướng chính").get_by_role("link", name="Báo cáo của tôi").click()
    page.get_by_role("button", name="Lập báo cáo").first.click()
    with page.expect_download() as download:
        page.get_by_role("link", name="Tải mẫu Excel của báo cáo này").click()
    upload = page.locator("form").filter(has=page.get_by_role("button", name="Tải lên và nhập số liệu"))
    upload.get_by_label("Tệp Excel").set_input_files(download.value.path())
    _press_twice_while_busy(page, upload, "Tải lên và nhập số liệu", "/nhap-excel/", "Đang đọc tệp Excel")
    expect(page.locator(".messages")).to_contain_text("Đã nhập")

    # Document generation: issuing a conclusion notice.
    meeting = Meeting.objects.get(date="2022-04-05", host__name="Huyện ủy Hữu Lũng")
    page.goto(live_server.url + reverse("documents:meeting", args=[meeting.pk]))  # reached from the meeting page
    notice = page.locator("section").filter(has=page.get_by_role("heading", name="Thông báo kết luận"))
    notice.get_by_label("Ngày ban hành").fill("07/04/2022")
    _press_twice_while_busy(page, notice.locator("form"), "Lấy số và ban hành", "/ban-hanh/notice/",
                            "Đang lấy số và tạo tệp")
    expect(page.locator(".messages")).to_contain_text("Đã ban hành văn bản số")
