"""The directives on a meeting's page: its own, and the earlier briefings' unfinished ones a page at a time."""

import datetime

import pytest
from django.urls import reverse

from giaoban.directives import pages
from tests.directives.factories import DirectiveFactory
from tests.meetings.factories import MeetingFactory, briefing_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def w():
    world = briefing_world()
    world.earlier = [DirectiveFactory(meeting=world.meeting, lead=world.front, text=f"Việc tồn số {n:02d}")
                     for n in range(pages.PENDING_PAGE + 5)]
    world.next = MeetingFactory(host=world.party, bloc=world.bloc, date=datetime.date(2022, 7, 6),
                                title="Giao ban quý II")
    return world


def test_the_meeting_page_shows_one_page_of_the_unfinished_directives_and_a_link_to_the_rest(w, client):
    client.force_login(w.leader)
    html = client.get(reverse("meetings:detail", args=[w.next.pk])).content.decode()
    shown = [d for d in w.earlier if f">{d.text}</a>" in html]
    assert shown == w.earlier[:pages.PENDING_PAGE]
    assert "Xem tiếp" in html


def test_xem_them_loads_the_rest_in_place(w, client):
    client.force_login(w.leader)
    first = pages.pending_context(_request(), w.next)["pending_page"]
    url = reverse("directives:meeting_pending", args=[w.next.pk]) + first.next_link
    html = client.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in html and "Xem tiếp" not in html
    assert [d for d in w.earlier if f">{d.text}</a>" in html] == w.earlier[pages.PENDING_PAGE:]
    assert 'action="/chi-dao/' in html  # the leader's carry and close forms come with the rows


def test_the_next_rows_are_not_shown_to_someone_who_cannot_see_the_meeting(w, client):
    client.force_login(w.outsider)
    response = client.get(reverse("directives:meeting_pending", args=[w.next.pk]), HTTP_HX_REQUEST="true")
    assert response.status_code == 404


def test_queries_of_the_meeting_page_do_not_grow_with_the_unfinished_directives(w, client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(w.leader)
    url = reverse("meetings:detail", args=[w.next.pk])
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    DirectiveFactory.create_batch(30, meeting=w.meeting, lead=w.farmers)
    with CaptureQueriesContext(connection) as many:
        html = client.get(url).content.decode()
    assert len(many) == len(few) and html.count('name="back_meeting"') == 2 * pages.PENDING_PAGE


def _request():
    from django.test import RequestFactory

    return RequestFactory().get("/")
