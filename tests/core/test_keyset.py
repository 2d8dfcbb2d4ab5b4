import datetime
import itertools

import pytest
from django.db.models import F
from django.test import RequestFactory

from giaoban.core.keyset import AFTER, BEFORE, bounded_count, decode, encode, keyset_page, page_after
from giaoban.directives.models import Directive
from tests.directives.factories import DirectiveFactory
from tests.meetings.factories import MeetingFactory

pytestmark = pytest.mark.django_db

ORDER = [F("deadline").asc(nulls_last=True), "-meeting__date", "pk"]


@pytest.fixture
def directives() -> list[Directive]:
    """Ties on the deadline, missing deadlines and meetings on several days: every key decides somewhere."""
    meetings = [MeetingFactory(date=datetime.date(2022, 1, day)) for day in (3, 9, 20)]
    deadlines = [datetime.date(2022, 3, 31), None, datetime.date(2022, 6, 30), datetime.date(2022, 3, 31)]
    return [DirectiveFactory(meeting=meeting, deadline=deadline, deadline_precision="day")
            for meeting, deadline in itertools.product(meetings, deadlines * 2)]


def _expected(queryset) -> list[int]:
    return list(queryset.order_by(*ORDER).values_list("pk", flat=True))


def _walk(per_page: int) -> tuple[list[list[int]], list]:
    pages, link, seen = [], "?", []
    while link:
        request = RequestFactory().get("/" + link)
        page = keyset_page(request, Directive.objects.select_related("meeting"), ORDER, per_page)
        pages.append([d.pk for d in page])
        seen.append(page)
        link = page.next_link
    return pages, seen


def test_walking_the_next_links_gives_every_row_once_in_the_list_order(directives):
    pages, _seen = _walk(5)
    assert [pk for page in pages for pk in page] == _expected(Directive.objects.all())
    assert all(len(page) == 5 for page in pages[:-1])


def test_the_previous_link_gives_back_the_page_before(directives):
    pages, seen = _walk(5)
    for index in range(1, len(pages)):
        request = RequestFactory().get("/" + seen[index].previous_link)
        back = keyset_page(request, Directive.objects.select_related("meeting"), ORDER, 5)
        assert [d.pk for d in back] == pages[index - 1]
        assert back.has_next
        assert back.has_previous == (index > 1)


def test_the_links_keep_the_other_parameters_and_drop_the_old_token(directives):
    request = RequestFactory().get("/", {"status": "new", "q": "lúa", AFTER: "rác"})
    page = keyset_page(request, Directive.objects.select_related("meeting"), ORDER, 5)
    assert page.next_link.startswith("?status=new&q=")
    assert page.next_link.count(f"{AFTER}=") == 1
    assert f"{BEFORE}=" not in page.next_link


def test_a_damaged_or_foreign_token_gives_the_first_page(directives):
    first = [d.pk for d in keyset_page(RequestFactory().get("/"), Directive.objects.all(), ORDER, 5)]
    for token in ("không-phải-base64", encode(["2022-03-31"]), encode(["ngày xấu", "2022-01-01", 1]),
                  encode([{"a": 1}, None, 2])):
        page = keyset_page(RequestFactory().get("/", {AFTER: token}), Directive.objects.all(), ORDER, 5)
        assert [d.pk for d in page] == first, token
        assert not page.has_previous


def test_a_filtered_queryset_is_paged_within_its_filter(directives):
    wanted = Directive.objects.filter(deadline__isnull=False)
    pages = []
    link = "?"
    while link:
        page = keyset_page(RequestFactory().get("/" + link), wanted.select_related("meeting"), ORDER, 4)
        pages.extend(d.pk for d in page)
        link = page.next_link
    assert pages == _expected(wanted)


def test_the_count_is_exact_up_to_the_limit_and_bounded_beyond(directives):
    assert bounded_count(Directive.objects.all(), limit=100) == len(directives)
    assert bounded_count(Directive.objects.all(), limit=len(directives) - 1) is None
    page = keyset_page(RequestFactory().get("/"), Directive.objects.all(), ORDER, 5, count_limit=10)
    assert page.count is None
    assert page.count_label == "hơn 10"


def test_tokens_round_trip_dates_and_numbers():
    values = [datetime.date(2022, 3, 31), None, 17, "Hội Nông dân"]
    assert decode(encode(values), 4) == ["2022-03-31", None, 17, "Hội Nông dân"]
    assert decode(encode(values), 3) is None


def test_overlapping_parts_are_paged_as_their_union_in_both_directions(directives):
    from django.db.models import Q

    parts = [Q(deadline__isnull=True), Q(meeting__date__day=9), Q(pk__in=[d.pk for d in directives[::3]])]
    union = Directive.objects.filter(parts[0] | parts[1] | parts[2])
    pages, link, seen = [], "?", []
    while link:
        page = keyset_page(RequestFactory().get("/" + link), Directive.objects.select_related("meeting"), ORDER, 4,
                           parts=parts)
        pages.append([d.pk for d in page])
        seen.append(page)
        link = page.next_link
    assert [pk for page in pages for pk in page] == _expected(union)
    assert seen[0].count == union.count()
    back = keyset_page(RequestFactory().get("/" + seen[2].previous_link), Directive.objects.all(), ORDER, 4,
                       parts=parts)
    assert [d.pk for d in back] == pages[1]


def _walk_after(per_page: int, **kwargs) -> list[list[int]]:
    pages, cursor = [], ""
    while True:
        page = page_after(Directive.objects.select_related("meeting"), ORDER, per_page, cursor, tag="t", **kwargs)
        pages.append([d.pk for d in page])
        if not page.has_next:
            return pages
        cursor = page.next_token


def test_following_the_cursors_gives_every_row_once_in_the_list_order(directives):
    pages = _walk_after(5)
    assert [pk for page in pages for pk in page] == _expected(Directive.objects.all())
    assert all(len(page) == 5 for page in pages[:-1]) and len(pages) == 5


def test_cursors_page_the_union_of_overlapping_parts(directives):
    from django.db.models import Q

    parts = [Q(deadline__isnull=True), Q(meeting__date__day=9), Q(pk__in=[d.pk for d in directives[::3]])]
    pages = _walk_after(4, parts=parts)
    assert [pk for page in pages for pk in page] == _expected(Directive.objects.filter(parts[0] | parts[1] | parts[2]))


def test_a_damaged_or_foreign_cursor_is_refused_instead_of_restarting(directives):
    good = page_after(Directive.objects.select_related("meeting"), ORDER, 5, tag="t").next_token
    page_after(Directive.objects.all(), ORDER, 5, good, tag="t")
    for cursor in ("không-phải-base64", good, encode(["t", "2022-03-31"]), encode(["t", "ngày xấu", "2022-01-01", 1])):
        with pytest.raises(ValueError):
            page_after(Directive.objects.all(), ORDER, 5, cursor, tag="other" if cursor == good else "t")


def test_the_count_after_a_cursor_is_bounded_as_on_the_first_page(directives):
    first = page_after(Directive.objects.select_related("meeting"), ORDER, 5, count_limit=100)
    assert first.count == len(directives) and first.has_next and not first.has_previous
    assert page_after(Directive.objects.all(), ORDER, 5, first.next_token, count_limit=10).count is None

