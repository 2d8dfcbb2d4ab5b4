import datetime

import pytest
from django.urls import reverse

from giaoban.accounts.models import Role
from giaoban.meetings.models import Meeting
from tests.factories import MembershipFactory, UserFactory
from tests.meetings.factories import SeriesFactory, briefing_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def w(time_machine):
    time_machine.move_to(datetime.datetime(2026, 1, 2, 8, 0), tick=False)  # before the series' first meeting
    world = briefing_world()
    world.secretary = UserFactory(username="bientap_bdv")
    MembershipFactory(user=world.secretary, organization=world.board, role=Role.EDITOR)
    world.series = SeriesFactory(bloc=world.bloc, host=world.party, attendees=[world.front])
    return world


def test_the_button_creates_the_next_briefing_and_opens_it(client, w):
    client.force_login(w.secretary)
    response = client.post(reverse("directives:series_next", args=[w.series.pk]), follow=True)
    meeting = Meeting.objects.get(series=w.series)
    assert response.redirect_chain[-1][0] == reverse("meetings:detail", args=[meeting.pk])
    html = response.content.decode()
    assert "Đã tạo" in html and meeting.title in html and "Dự kiến" in html


def test_pressing_it_from_the_new_meeting_makes_the_following_period(client, w):
    client.force_login(w.secretary)
    url = reverse("directives:series_next", args=[w.series.pk])
    client.post(url)
    client.post(url)
    assert list(Meeting.objects.filter(series=w.series).order_by("date").values_list("period__number", flat=True)) \
        == [1, 2]


def test_members_and_outsiders_cannot_create_meetings_of_the_series(client, w):
    url = reverse("directives:series_next", args=[w.series.pk])
    client.force_login(w.lead_editor)
    assert client.post(url).status_code == 403
    client.force_login(w.outsider)
    assert client.post(url).status_code == 404
    assert not Meeting.objects.filter(series=w.series).exists()


def test_an_inactive_series_makes_no_new_meeting(client, w):
    w.series.active = False
    w.series.save()
    client.force_login(w.secretary)
    html = client.post(reverse("directives:series_next", args=[w.series.pk]), follow=True).content.decode()
    assert "ngừng áp dụng" in html and not Meeting.objects.filter(series=w.series).exists()
