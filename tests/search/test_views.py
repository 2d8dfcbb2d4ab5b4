"""The search page: one box in the header, results with marked snippets, filters, pages."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from giaoban.directives.models import Directive
from giaoban.search import indexing
from tests.search.factories import search_world

pytestmark = pytest.mark.django_db
URL = reverse("search:results")


@pytest.fixture
def world(committed):
    with committed():  # written as committed: later writes replace the cache's versions again
        return search_world()


def test_every_page_has_the_search_box_in_its_header(client, world):
    client.force_login(world.user)
    assert f'action="{URL}"' in client.get(reverse("home")).content.decode()


def test_it_shows_marked_snippets_and_links_to_the_records(client, world):
    client.force_login(world.user)
    page = client.get(URL, {"q": "ho son"}).content.decode()
    assert "<mark>Hồ</mark> <mark>Sơn</mark>" in page
    assert reverse("directives:detail", args=[world.keys["d1"][1]]) in page
    assert "Xa Lạ" not in page


def test_it_explains_a_period_it_cannot_read_and_keeps_the_query(client, world):
    client.force_login(world.user)
    page = client.get(URL, {"q": "ho son", "ky": "quý năm"}).content.decode()
    assert 'value="ho son"' in page and 'class="error"' in page


def test_it_filters_by_period_and_by_the_users_body(client, world):
    client.force_login(world.user)
    assert "<mark>" in client.get(URL, {"q": "ho son", "ky": "Quý I/2022"}).content.decode()
    assert "Không tìm thấy" in client.get(URL, {"q": "ho son", "loai": "report"}).content.decode()


def test_anonymous_visitors_are_sent_to_log_in(client):
    assert client.get(URL, {"q": "x"}).status_code == 302


def test_the_number_of_queries_does_not_grow_with_the_directives(client, world, committed):
    client.force_login(world.user)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(URL, {"q": "van dong"}).status_code == 200
        return len(captured)

    queries()  # the cache's versions made
    with committed():
        indexing.rebuild()
    few = queries()
    meeting_id = Directive.objects.get(pk=world.keys["d1"][1]).meeting_id
    Directive.objects.bulk_create([Directive(meeting_id=meeting_id, text=f"Vận động hội viên đợt {n}", order=100 + n)
                                   for n in range(1000)])
    with committed():
        indexing.rebuild()
    # On PostgreSQL a word this common is found among the area's newest rows: one query fewer (query._own_recent).
    assert queries() <= few


def test_a_search_asked_again_reads_its_ranked_hits_from_the_cache(client, world):
    client.force_login(world.user)

    def asked() -> tuple[int, str]:
        with CaptureQueriesContext(connection) as captured:
            page = client.get(URL, {"q": "van dong"}).content.decode()
        return len(captured), page[page.index('<ol class="hits">'):page.index("</ol>")]

    first, again = asked(), asked()
    assert again[0] < first[0]
    assert again[1] == first[1] and "<mark>" in again[1]


def test_a_page_asked_again_shows_a_body_renamed_meanwhile(client, world, committed):
    client.force_login(world.user)
    assert "Hội Nông dân huyện Thử Nghiệm" in client.get(URL, {"q": "ho son"}).content.decode()
    lead = Directive.objects.get(pk=world.keys["d1"][1]).lead
    with committed():
        lead.name = "Hội Nông dân huyện Đổi Tên"
        lead.save()
    assert "Hội Nông dân huyện Đổi Tên" in client.get(URL, {"q": "ho son"}).content.decode()


def test_a_page_asked_again_shows_a_directive_edited_meanwhile(client, world, committed):
    client.force_login(world.user)
    assert "hiến đất" in client.get(URL, {"q": "ho son"}).content.decode()
    directive = Directive.objects.get(pk=world.keys["d1"][1])
    with committed():
        directive.text = "Vận động nhân dân xã Hồ Sơn góp công làm đường"
        directive.save()
    assert "góp công" in client.get(URL, {"q": "ho son"}).content.decode()
