import datetime

import pytest
from django.urls import reverse

from giaoban.accounts.models import Role
from giaoban.meetings.models import Meeting
from giaoban.meetings.states import MeetingState
from tests.factories import MembershipFactory, UserFactory
from tests.meetings.factories import briefing_world
from tests.meetings.test_views import _meeting_post

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _on_the_first_of_march(time_machine):
    time_machine.move_to(datetime.datetime(2026, 3, 1, 9, 0), tick=False)


@pytest.fixture
def w():
    world = briefing_world()
    Meeting.objects.filter(pk=world.meeting.pk).update(date=datetime.date(2026, 3, 10), state=MeetingState.DRAFT)
    world.meeting.refresh_from_db()
    world.secretary = UserFactory(username="bientap_bdv")  # the convening body's editor, not its leader
    MembershipFactory(user=world.secretary, organization=world.board, role=Role.EDITOR)
    return world


def _post(client, meeting, action, reason=""):
    return client.post(reverse("meetings:transition", args=[meeting.pk]), {"action": action, "reason": reason},
                       follow=True)


def test_the_meeting_page_shows_the_state_what_may_be_edited_and_the_buttons(client, w):
    client.force_login(w.secretary)
    html = client.get(reverse("meetings:detail", args=[w.meeting.pk])).content.decode()
    assert "Dự kiến" in html and "Ở trạng thái này được sửa:" in html
    assert 'value="invite"' in html and 'value="postpone"' in html and 'value="close"' not in html


def test_an_editor_postpones_with_a_reason_shown_on_the_page(client, w):
    client.force_login(w.secretary)
    html = _post(client, w.meeting, "postpone", "Trùng lịch họp Tỉnh ủy").content.decode()
    assert "Hoãn" in html and "Trùng lịch họp Tỉnh ủy" in html
    w.meeting.refresh_from_db()
    assert w.meeting.state == MeetingState.POSTPONED


def test_postponing_without_a_reason_is_refused_in_vietnamese(client, w):
    client.force_login(w.secretary)
    html = _post(client, w.meeting, "postpone").content.decode()
    assert "Hãy ghi lý do" in html
    assert Meeting.objects.get(pk=w.meeting.pk).state == MeetingState.DRAFT


def test_only_the_convening_leader_closes_and_outsiders_see_nothing(client, w):
    Meeting.objects.filter(pk=w.meeting.pk).update(state=MeetingState.NOTICE_ISSUED)
    client.force_login(w.secretary)
    assert _post(client, w.meeting, "close").status_code == 403
    client.force_login(w.outsider)
    assert _post(client, w.meeting, "hold").status_code == 404
    client.force_login(w.leader)
    _post(client, w.meeting, "close")
    assert Meeting.objects.get(pk=w.meeting.pk).state == MeetingState.CLOSED


def test_an_invited_meeting_keeps_its_date_whatever_is_posted(client, w):
    w.meeting.mark_invitation_issued()
    client.force_login(w.leader)
    response = client.post(reverse("meetings:edit", args=[w.meeting.pk]),
                           _meeting_post(w.meeting, date="20/03/2026", place="Nơi khác"))
    assert response.status_code == 302
    w.meeting.refresh_from_db()
    assert (w.meeting.date, w.meeting.place) == (datetime.date(2026, 3, 10), "")


def test_the_conclusion_of_an_issued_notice_is_not_edited_directly(client, w):
    w.meeting.mark_notice_issued()
    client.force_login(w.leader)
    response = client.get(reverse("recording:conclusion", args=[w.meeting.pk]), follow=True)
    assert "phần này không sửa được nữa" in response.content.decode()
    html = client.get(reverse("meetings:detail", args=[w.meeting.pk])).content.decode()
    assert reverse("recording:conclusion", args=[w.meeting.pk]) not in html


def test_saving_a_conclusion_of_a_held_meeting_marks_it_concluded(client, w):
    w.meeting.transition("hold")
    client.force_login(w.leader)
    client.post(reverse("recording:conclusion", args=[w.meeting.pk]), {
        "conclusion-text": "Ghi nhận kết quả", "conclusion-concluded_by_title": "", "conclusion-version": 1,
        "directives-TOTAL_FORMS": 0, "directives-INITIAL_FORMS": 0})
    assert Meeting.objects.get(pk=w.meeting.pk).state == MeetingState.CONCLUDED
