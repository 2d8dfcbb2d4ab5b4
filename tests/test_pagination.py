"""Every list of the site pages: with more rows than one page, a "Sau »" link leads to other rows and
keeps the list's filters. The test checks what a user sees (links, rows), not how pages are cut, so it
holds for offset and keyset pages alike.

Every page of the URLconf is either one of the lists below or named among the pages that are not a
list (with the reason): a new list view fails here until it is walked too.
"""

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urljoin, urlsplit

import lxml.html
import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from giaoban.accounts.models import Role
from giaoban.directives.models import DirectiveStatus
from giaoban.documents.models import Document, NewsItem
from giaoban.meetings.models import MeetingKind, Person
from giaoban.notifications.models import Notification
from giaoban.organisations.models import OrganizationType
from tests.directives.factories import DirectiveFactory, ProgressRoundFactory
from tests.factories import BlocFactory, MembershipFactory, OrganizationFactory, UserFactory, period
from tests.meetings.factories import MeetingFactory, SeriesFactory
from tests.reports.factories import PeriodReportFactory

pytestmark = pytest.mark.django_db

# The next-page link, in Vietnamese ("Sau »", "Trang sau", "Xem tiếp", "Cũ hơn").
NEXT = re.compile(r"^\s*(Sau|Trang sau|Trang tiếp|Xem tiếp|Tiếp|Cũ hơn)\b", re.IGNORECASE)


@dataclass
class World:
    """A district's administrator, with the district's board convening its bloc."""

    user: object
    district: object
    board: object
    bloc: object
    meeting: object = None


@pytest.fixture
def world() -> World:
    province = OrganizationFactory(name="Tỉnh ủy Phân Trang", level="province")
    district = OrganizationFactory(name="Ủy ban MTTQ Việt Nam huyện Phân Trang", parent=province)
    board = OrganizationFactory(name="Ban Dân vận Huyện ủy Phân Trang", parent=district,
                                type=OrganizationType.MASS_MOBILISATION_BOARD)
    bloc = BlocFactory(name="Khối đoàn thể huyện Phân Trang", convening=board, members=[district])
    user = UserFactory(username="quantri_phantrang")
    MembershipFactory(user=user, organization=district, role=Role.ADMIN)
    meeting = MeetingFactory(host=district, bloc=bloc, title="Giao ban gốc của các chỉ đạo")
    return World(user, district, board, bloc, meeting)


@dataclass
class ListPage:
    url: Callable[[World], str]
    rows: str  # XPath of one row in <main>
    make: Callable[[World], None]  # more rows than a page holds, some outside the filter
    filters: dict[str, str] | Callable[[World], dict[str, str]] = field(default_factory=dict)
    matches: Callable[[str], bool] = lambda text: True  # a row the filters let through
    anonymous: bool = False


def _meetings(w: World, n: int, **fields) -> None:
    for i in range(n):
        MeetingFactory(host=w.district, bloc=w.bloc, date=datetime.date(2020, 1, 1) + datetime.timedelta(days=i),
                       **fields)


def _directives(w: World, n: int, text: str, **fields) -> None:
    for i in range(n):
        DirectiveFactory(meeting=w.meeting, lead=w.district, text=f"{text} số {i}", **fields)


def _documents(w: World, doc_type: str, n: int, start: int = 1, **fields) -> None:
    for number in range(start, start + n):
        Document.objects.create(issuer=w.district, doc_type=doc_type, cycle="2024", number=number,
                                code=f"{number}-TB/MTTQ", issued_on=datetime.date(2024, 1, 1),
                                title=f"Văn bản {number}", **fields)


def _news(w: World, n: int) -> None:
    NewsItem.objects.bulk_create([NewsItem(organization=w.district, title=f"Tin số {i}", body="Nội dung.",
                                           published=True, published_at=timezone.now()) for i in range(n)])


def _old_reports(w: World, n: int) -> None:
    key = period("Quý I/2015").key
    for _ in range(n):
        PeriodReportFactory(organization=w.district, period=period(key.type, key.year, key.number))
        key = key.next()


LISTS: dict[str, ListPage] = {
    "directives:list": ListPage(
        lambda w: reverse("directives:list"), "//table//tbody/tr",
        lambda w: (_directives(w, 110, "Vận động hội viên trồng lúa"),
                   _directives(w, 5, "Việc đã xong", status=DirectiveStatus.DONE)),
        {"status": "new"}, lambda text: "Mới giao" in text),
    "directives:mine": ListPage(
        lambda w: reverse("directives:mine"), "//table//tbody/tr",
        lambda w: (_directives(w, 110, "Vận động hội viên trồng lúa"), _directives(w, 5, "Sửa chữa trụ sở")),
        {"q": "lua"}, lambda text: "lúa" in text),
    "meetings:list": ListPage(
        lambda w: reverse("meetings:list"), "//table//tbody/tr",
        lambda w: (_meetings(w, 70), _meetings(w, 5, kind=MeetingKind.WORKING_SESSION),
                   [MeetingFactory(host=w.district) for _ in range(5)]),  # outside the bloc
        lambda w: {"kind": "briefing", "bloc": str(w.bloc.pk)},
        lambda text: "Hội nghị giao ban · Khối đoàn thể huyện Phân Trang" in text),
    "meetings:bloc": ListPage(
        lambda w: reverse("meetings:bloc", args=[w.bloc.pk]), "//table//tbody/tr",
        lambda w: (_meetings(w, 70), _meetings(w, 5, kind=MeetingKind.WORKING_SESSION)),
        {"kind": "briefing"}, lambda text: "Hội nghị giao ban" in text),
    "meetings:people": ListPage(
        lambda w: reverse("meetings:people"), "//table//tbody/tr",
        lambda w: [Person.remember(name, "Ủy viên", w.district)
                   for name in [f"Nguyễn Văn Số {i}" for i in range(60)] + [f"Trần Thị Số {i}" for i in range(5)]],
        {"q": "nguyen"}, lambda text: "Nguyễn" in text),
    "meetings:series_list": ListPage(
        lambda w: reverse("meetings:series_list"), "//table//tbody/tr",
        lambda w: [SeriesFactory(bloc=w.bloc, host=w.district) for _ in range(35)]),
    "directives:rounds": ListPage(
        lambda w: reverse("directives:rounds"), "//table[@id='rounds']//tbody/tr",
        lambda w: [ProgressRoundFactory(meeting=MeetingFactory(host=w.district, bloc=w.bloc)) for _ in range(35)]),
    "notifications:list": ListPage(
        lambda w: reverse("notifications:list"), "//ul[@id='notifications']/li",
        lambda w: Notification.objects.bulk_create(
            [Notification(user=w.user, title=f"Nhắc việc số {i}") for i in range(40)]
            + [Notification(user=w.user, title=f"Đã xem số {i}", read_at=timezone.now()) for i in range(5)]),
        {"unread": "1"}, lambda text: "chưa đọc" in text),
    "organisations:list": ListPage(
        lambda w: reverse("organisations:list"), "//table//tbody/tr",
        lambda w: [OrganizationFactory(name=f"Ủy ban MTTQ xã Thử {i}", parent=w.district, level="commune")
                   for i in range(60)] + [OrganizationFactory(name=f"Chi hội khác {i}", parent=w.district)
                                          for i in range(5)],
        {"q": "xa thu"}, lambda text: "xã Thử" in text),
    "organisations:blocs": ListPage(
        lambda w: reverse("organisations:blocs"), "//table//tbody/tr",
        lambda w: [BlocFactory(convening=w.board, members=[w.district]) for _ in range(55)]),
    "documents:index": ListPage(
        lambda w: reverse("documents:index"), "//table//tbody/tr",
        lambda w: (_meetings(w, 40, title="Giao ban chuyên đề lúa gạo"), _meetings(w, 5, title="Họp trụ sở")),
        {"q": "lua gao"}, lambda text: "lúa gạo" in text),
    "documents:register": ListPage(
        lambda w: reverse("documents:register", args=[w.district.pk]), "//table//tbody/tr",
        lambda w: (_documents(w, "notice", 60), _documents(w, "invitation", 5)),
        {"loai": "notice"}, lambda text: "Thông báo kết luận" in text),
    "documents:public": ListPage(
        lambda w: reverse("documents:public", args=[w.district.pk]), "(//ul[@class='public-list'])[1]/li",
        lambda w: (_documents(w, "notice", 35, published=True), _news(w, 25)), {"tin": "2"}, anonymous=True),
    "documents:public#news": ListPage(
        lambda w: reverse("documents:public", args=[w.district.pk]), "(//ul[@class='public-list'])[2]/li",
        lambda w: _news(w, 25), anonymous=True),
    "reports:mine": ListPage(
        lambda w: reverse("reports:mine"), "//details//li",
        lambda w: _old_reports(w, 30)),
    "reports:consolidation_index": ListPage(
        lambda w: reverse("reports:consolidation_index"), "//table//tbody/tr",
        lambda w: [BlocFactory(convening=w.board, members=[w.district]) for _ in range(25)]),
    # The earlier briefings' unfinished directives on a briefing's page; "Xem tiếp" loads the next rows in place.
    "directives:meeting_pending#on-the-meeting-page": ListPage(
        lambda w: reverse("meetings:detail", args=[w.later.pk]), "//table[@id='pending']/tbody/tr[not(@class='more')]",
        lambda w: (_directives(w, 45, "Vận động hội viên trồng lúa"),
                   setattr(w, "later", MeetingFactory(host=w.district, bloc=w.bloc, date=datetime.date(2099, 1, 5))))),
    "search:results": ListPage(
        lambda w: reverse("search:results"), "//ol[@class='hits']/li",
        lambda w: (_directives(w, 30, "Hỗ trợ nông dân trồng lúa"), _directives(w, 5, "Sửa chữa trụ sở")),
        {"q": "lua", "loai": "directive"}, lambda text: "lúa" in text),
}

# Pages that are not lists, or whose list is short by nature; everything else in the URLconf is a list above.
NOT_A_LIST = {
    # one record, a form or an action
    "home", "login", "logout", "healthz", "set_language", "api_tokens", "api_token_revoke",
    "meetings:detail", "meetings:create", "meetings:edit", "meetings:transition", "meetings:formset_row",
    "meetings:series_create", "meetings:series_detail", "meetings:series_edit", "meetings:attachment_upload",
    "meetings:attachment", "meetings:people_suggest",
    "directives:detail", "directives:edit", "directives:amend", "directives:progress", "directives:close",
    "directives:carry", "directives:series_next", "directives:evidence", "directives:round_open",
    "directives:round", "directives:round_xlsx", "directives:round_upload", "directives:round_confirm",
    "recording:import", "recording:import_save", "recording:conclusion", "recording:directive_row",
    "notifications:read", "notifications:read_all", "notifications:preferences", "notifications:unsubscribe",
    "notifications:settings", "organisations:detail", "organisations:create",
    "reports:create", "reports:detail", "reports:edit", "reports:autosave", "reports:review", "reports:xlsx_template",
    "reports:xlsx_upload", "reports:attachment_add", "reports:attachment", "reports:bloc_consolidation",
    "reports:bloc_consolidation_xlsx", "reports:bloc_remind", "reports:tree", "reports:indicator_trend",
    "reports:body_indicator_trend",
    "documents:meeting", "documents:draft", "documents:issue", "documents:news_create", "documents:detail",
    "documents:file", "documents:publish", "documents:news_edit", "documents:news_text", "documents:news_html",
    "documents:calendar_settings", "documents:public_atom", "documents:public_document", "documents:public_news",
    "documents:private_ics", "documents:series_ics", "documents:public_series_ics",
    # a calendar: the coming meetings and the last 30 (a feed, not a list to walk)
    "documents:public_calendar", "documents:public_ics",
    # a body's webhooks: a handful per body, each with its deliveries (the API's pages)
    "webhooks:organisation", "webhooks:toggle",
}


def _route_names(patterns, namespace: str = "") -> set[str]:
    names = set()
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace in ("admin", None) and pattern.app_name == "admin":
                continue  # Django's admin pages its own lists
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names |= _route_names(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(namespace + pattern.name)
    return names


def test_every_page_of_the_site_is_either_a_walked_list_or_named_as_no_list():
    # The token-authenticated API pages its lists its own way (limit and offset; tests/api).
    names = {name for name in _route_names(get_resolver().url_patterns) if not name.startswith("api:")}
    walked = {name.partition("#")[0] for name in LISTS}
    unnamed = names - walked - NOT_A_LIST
    assert not unnamed, f"new pages: walk them here if they list rows, else name them: {sorted(unnamed)}"
    assert not NOT_A_LIST - names, f"gone from the URLconf: {sorted(NOT_A_LIST - names)}"


def _rows(html: bytes, xpath: str) -> list[str]:
    main = lxml.html.fromstring(html).xpath("//main")[0]
    return [" ".join(row.text_content().split()) for row in main.xpath("." + xpath if xpath.startswith("/") else xpath)]


def _next_links(html: bytes) -> list:
    main = lxml.html.fromstring(html).xpath("//main")[0]
    return [a for a in main.iter("a") if NEXT.match(a.text_content())]


@pytest.mark.parametrize("name", LISTS)
def test_every_list_reaches_a_second_page_with_other_rows_and_keeps_its_filters(client, world, name):
    case = LISTS[name]
    case.make(world)
    if not case.anonymous:
        client.force_login(world.user)
    url = case.url(world)
    filters = case.filters(world) if callable(case.filters) else case.filters
    first = client.get(url, filters)
    assert first.status_code == 200
    links = _next_links(first.content)
    if name == "documents:public#news":  # the news list's own pager (?tin=)
        links = [a for a in links if "tin=" in a.get("href")]
    assert links, f"{name}: no Vietnamese link to the next page"
    href = urljoin(first.request["PATH_INFO"] + "?" + first.request["QUERY_STRING"], links[0].get("href"))
    kept = dict(parse_qsl(urlsplit(href).query))
    assert all(kept.get(key) == value for key, value in filters.items()), (name, href)
    second = client.get(href)
    assert second.status_code == 200
    rows_1, rows_2 = _rows(first.content, case.rows), _rows(second.content, case.rows)
    assert rows_1 and rows_2, (name, len(rows_1), len(rows_2))
    assert not set(rows_1) & set(rows_2), f"{name}: page 2 repeats rows of page 1"
    assert all(case.matches(text) for text in rows_1 + rows_2), f"{name}: a row outside the filter"


# An empty list says so and what to do next: two sentences (or a sentence and a colon's explanation).
EMPTY_LISTS = [name for name in LISTS if name not in (
    "meetings:bloc",  # the same page as meetings:list, for one bloc
    "reports:mine",  # never empty: it offers the periods to report on
    "documents:public#news",
    "directives:meeting_pending#on-the-meeting-page")]  # the section is left out when nothing is pending


@pytest.mark.parametrize("name", EMPTY_LISTS)
def test_every_empty_list_says_there_is_nothing_yet_and_what_to_do(client, name):
    body = OrganizationFactory(name="Hội Nông dân xã Chưa Có Gì", level="commune")
    user = UserFactory(username="moi_vao")
    MembershipFactory(user=user, organization=body, role=Role.EDITOR)
    client.force_login(user)
    world = World(user, body, body, None)
    # A member always sees their own body: that list is empty when a search finds nothing.
    query = {"q": "lua"} if name == "search:results" else {"q": "khong co"} if name == "organisations:list" else {}
    response = client.get(LISTS[name].url(world), query)
    assert response.status_code == 200
    empty = [" ".join(e.text_content().split()) for e in lxml.html.fromstring(response.content).find_class("empty")]
    assert empty, f"{name}: no empty state"
    assert all(re.search(r"\w[.:]\s+\w", text) for text in empty), (name, empty)
