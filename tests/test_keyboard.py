"""Keyboard only, in Chromium: a skip link first, every control reached by Tab with a visible focus and no
trap, controls operated with Enter and Space, the phone menu and the open forms closed with Escape."""

import datetime
import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from giaoban.organisations.models import Bloc
from tests.meetings.factories import MeetingFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Every control a keyboard user must be able to reach, numbered in document order.
MARK_TABBABLES = """() => {
  const selector = 'a[href], button:not([disabled]), input:not([type=hidden]):not([disabled]), select:not([disabled]),'
    + ' textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';
  const shown = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const all = Array.from(document.querySelectorAll(selector)).filter(shown);
  all.forEach((el, i) => { el.dataset.kb = String(i); });
  return all.length;
}"""
# What has the focus now, and whether it shows: an outline of at least 2 px that is not "none".
FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) { return null; }
  const style = getComputedStyle(el);
  return {kb: el.dataset.kb ?? null, label: (el.innerText || el.name || el.id || el.tagName).slice(0, 40),
          shows: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2};
}"""


def _log_in(page, live_server, username="bientap"):
    page.goto(live_server.url + reverse("login"))
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill("giaoban-demo")
    page.get_by_label("Mật khẩu").press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Tổng quan")


def _tab_through(page, limit: int = 400) -> list[dict]:
    """Tab from the top of the page until the focus leaves the page; each stop in order."""
    count = page.evaluate(MARK_TABBABLES)
    # Start before the first control: Shift+Tab from it hands the focus to the browser.
    page.locator("[data-kb='0']").focus()
    page.keyboard.press("Shift+Tab")
    stops = []
    for _ in range(min(limit, count + 5)):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused is None or (stops and focused["kb"] == "0"):  # past the last control: out, or round again
            break
        stops.append(focused)
    else:
        pytest.fail(f"Tab never left the page after {len(stops)} stops (a keyboard trap?)")
    missed = set(map(str, range(count))) - {stop["kb"] for stop in stops}
    assert not missed, f"not reachable by Tab: {sorted(missed, key=int)[:10]} of {count}"
    return stops


@pytest.mark.parametrize("page_name", ["home", "directives", "meeting-new"])
def test_every_control_is_reached_by_tab_with_a_visible_focus_and_no_trap(live_server, page, demo, page_name):
    bloc = Bloc.objects.get(convening__name__startswith="Ban Dân vận Huyện ủy Hữu Lũng")
    url = {"home": reverse("home"), "directives": reverse("directives:list") + "?status=open",
           "meeting-new": reverse("meetings:create") + f"?bloc={bloc.pk}"}[page_name]
    page.set_viewport_size({"width": 1366, "height": 768})
    _log_in(page, live_server)
    page.goto(live_server.url + url)
    stops = _tab_through(page)
    assert stops[0]["label"] == "Bỏ qua menu, đến nội dung chính"
    hidden = [stop["label"] for stop in stops if not stop["shows"]]
    assert not hidden, f"focus not visible on: {hidden}"


def test_the_skip_link_comes_first_shows_and_moves_the_focus_to_the_content(live_server, page, demo):
    _log_in(page, live_server)
    page.goto(live_server.url + reverse("directives:list"))
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Bỏ qua menu, đến nội dung chính")
    expect(skip).to_be_focused()
    box = skip.bounding_box()
    assert box["y"] >= 0 and box["width"] > 50, "the skip link shows when it has the focus"
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    page.keyboard.press("Tab")  # the next stop is the first control of the content, not the menu
    expect(page.locator("main").get_by_label("Tìm")).to_be_focused()


def test_the_header_search_and_the_list_filters_work_from_the_keyboard(live_server, page, demo):
    _log_in(page, live_server, "quantri")
    page.get_by_role("searchbox", name="Tìm kiếm").focus()
    page.keyboard.type("nghia ta")
    page.keyboard.press("Enter")
    expect(page.locator("ol.hits")).to_contain_text("Nghĩa Tá")

    page.goto(live_server.url + reverse("directives:list"))
    results = page.locator("#results")
    expect(results).to_contain_text("Hướng dẫn đề cương")
    overdue = page.get_by_label("Chỉ việc quá hạn")
    overdue.focus()
    page.keyboard.press("Space")  # a checkbox ticks with Space; htmx updates the list in place
    expect(overdue).to_be_checked()
    expect(results).not_to_contain_text("Hướng dẫn đề cương")
    expect(overdue).to_be_focused()  # the swap did not steal the focus
    page.get_by_label("Sắp xếp").focus()
    page.keyboard.press("ArrowDown")  # a select changes with the arrow keys
    expect(page).to_have_url(re.compile(r"sort=\w"))


def test_form_rows_are_added_with_enter_and_an_open_form_closes_with_escape(live_server, page, demo):
    bloc = Bloc.objects.get(convening__name__startswith="Ban Dân vận Huyện ủy Hữu Lũng")
    _log_in(page, live_server)
    page.goto(live_server.url + reverse("meetings:create") + f"?bloc={bloc.pk}")
    rows = page.locator("#chairs-rows .formset-row")
    expect(rows).to_have_count(2)
    page.locator("#chairs-add").focus()
    page.keyboard.press("Enter")
    expect(rows).to_have_count(3)
    page.keyboard.press(" ")  # Space presses a button too
    expect(rows).to_have_count(4)

    meeting = MeetingFactory(bloc=bloc, host=bloc.convening, date=datetime.date(2030, 1, 7))  # a draft
    page.goto(live_server.url + reverse("meetings:detail", args=[meeting.pk]))
    postpone = page.locator("summary", has_text="Hoãn họp")
    postpone.focus()
    page.keyboard.press("Enter")
    reason = page.locator("details[open]").get_by_label("Lý do")
    expect(reason).to_be_visible()
    reason.focus()
    page.keyboard.press("Escape")
    expect(reason).to_be_hidden()
    expect(postpone).to_be_focused()


def test_on_a_phone_the_menu_opens_with_enter_or_space_and_closes_with_escape(live_server, browser, demo,
                                                                          browser_problems):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    phone = context.new_page()
    browser_problems.watch(phone)
    _log_in(phone, live_server)
    menu = phone.get_by_role("button", name="Menu")
    nav = phone.get_by_role("navigation", name="Điều hướng chính")
    phone.keyboard.press("Tab")
    phone.keyboard.press("Tab")
    phone.keyboard.press("Tab")
    expect(menu).to_be_focused()  # skip link, brand, then the menu button
    expect(nav).to_be_hidden()
    phone.keyboard.press("Enter")
    expect(nav).to_be_visible()
    expect(menu).to_have_attribute("aria-expanded", "true")
    phone.keyboard.press("Tab")
    expect(nav.get_by_role("link", name="Trang chủ")).to_be_focused()
    phone.keyboard.press("Escape")
    expect(nav).to_be_hidden()
    expect(menu).to_be_focused()
    expect(menu).to_have_attribute("aria-expanded", "false")
    phone.keyboard.press(" ")
    expect(nav).to_be_visible()
    stops = _tab_through(phone)
    assert all(stop["shows"] for stop in stops), [s["label"] for s in stops if not s["shows"]]
    context.close()
