"""Meeting writes through the API: the meeting page's forms, its state locks and its version check."""

import datetime

import pytest
from django.utils import timezone

from giaoban.meetings.models import Meeting, MeetingState
from tests.api.conftest import send
from tests.expectations import build_world
from tests.meetings.factories import MeetingFactory

AHEAD = timezone.localdate() + datetime.timedelta(days=30)


@pytest.fixture
def world(db):
    return build_world()


def _etag(world) -> dict:
    return {"HTTP_IF_MATCH": f'"v{Meeting.objects.get(pk=world.meeting.pk).version}"'}


def _new(world, **fields) -> dict:
    return {"host_id": world.party.pk, "bloc_id": world.bloc.pk, "date": "2022-07-05", "period_label": "Quý II/2022",
            **fields}


def test_it_creates_a_briefing_with_its_rows_and_the_pages_default_title(client, world):
    response = send(client, "POST", "/api/v1/meetings/", world.leader, _new(
        world, next_period_label="Quý III/2022", start_time="08:00:00",
        chairs=[{"name": "Lý Văn Tâm", "title": "Trưởng Ban Dân vận"}],
        attendance=[{"organization_id": world.front.pk}, {"organization_id": world.farmers.pk, "presence": "delegated",
                                                          "delegate_name": "Nguyễn Văn Bình"}],
        agenda=[{"title": "Báo cáo kết quả quý II", "organization_id": world.front.pk}]))

    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["title"] == "Hội nghị giao ban Quý II/2022, triển khai nhiệm vụ Quý III/2022"
    assert response["ETag"] == '"v1"'
    assert [c["name"] for c in body["chairs"]] == ["Lý Văn Tâm"]
    assert {(a["organization_id"], a["presence"]) for a in body["attendance"]} == {
        (world.front.pk, "present"), (world.farmers.pk, "delegated")}
    assert body["agenda"][0]["title"] == "Báo cáo kết quả quý II"
    assert Meeting.objects.get(pk=body["id"]).created_by == world.leader


def test_a_second_meeting_of_the_same_host_and_day_needs_confirming(client, world):
    first = send(client, "POST", "/api/v1/meetings/", world.leader, _new(world, date="2022-04-05"))
    assert first.status_code == 400
    assert "confirm_duplicate" in first.json()["details"]
    assert "Đã có cuộc họp" in first.json()["message"]
    confirmed = send(client, "POST", "/api/v1/meetings/", world.leader, _new(world, date="2022-04-05",
                                                                            confirm_duplicate=True))
    assert confirmed.status_code == 201


def test_a_row_naming_a_body_outside_the_meeting_is_refused_with_where_and_nothing_is_stored(client, world):
    response = send(client, "POST", "/api/v1/meetings/", world.leader, _new(
        world, title="Cuộc họp thử", attendance=[{"organization_id": world.other.pk}]))
    assert response.status_code == 400
    assert list(response.json()["details"]) == ["attendance[0].organization"]
    assert not Meeting.objects.filter(title="Cuộc họp thử").exists()


def test_a_time_with_an_offset_is_refused_as_the_form_refuses_it(client, world):
    response = send(client, "POST", "/api/v1/meetings/", world.leader, _new(world, start_time="08:00:00+07:00"))
    assert response.status_code == 400
    assert "start_time" in response.json()["details"]


def test_editing_keeps_what_was_not_sent(client, world):
    send(client, "PUT", f"/api/v1/meetings/{world.meeting.pk}/agenda", world.leader,
         [{"title": "Báo cáo quý I"}], **_etag(world))
    response = send(client, "PATCH", f"/api/v1/meetings/{world.meeting.pk}/", world.leader,
                    {"place": "Hội trường B"}, **_etag(world))
    assert response.status_code == 200
    meeting = Meeting.objects.get(pk=world.meeting.pk)
    assert (meeting.place, meeting.title, meeting.period.label) == (
        "Hội trường B", world.meeting.title, "Quý I/2022")
    assert [i.title for i in meeting.agenda_items.all()] == ["Báo cáo quý I"]
    assert response["ETag"] == f'"v{meeting.version}"'


def test_a_period_may_be_named_by_its_id(client, world):
    from tests.factories import period

    later = period("Quý III/2022")
    response = send(client, "PATCH", f"/api/v1/meetings/{world.meeting.pk}/", world.leader,
                    {"next_period_id": later.pk}, **_etag(world))
    assert response.status_code == 200
    assert Meeting.objects.get(pk=world.meeting.pk).next_period == later


def test_it_refuses_a_stale_edit_with_412_and_changes_nothing(client, world):
    stale = _etag(world)
    assert send(client, "PATCH", f"/api/v1/meetings/{world.meeting.pk}/", world.leader, {"place": "A"},
                **stale).status_code == 200
    response = send(client, "PATCH", f"/api/v1/meetings/{world.meeting.pk}/", world.leader, {"place": "B"}, **stale)
    assert response.status_code == 412
    assert Meeting.objects.get(pk=world.meeting.pk).place == "A"


def test_an_edit_without_if_match_is_refused_with_428(client, world):
    response = send(client, "PUT", f"/api/v1/meetings/{world.meeting.pk}/agenda", world.leader, [{"title": "X"}])
    assert response.status_code == 428
    assert not world.meeting.agenda_items.exists()


def test_once_invited_the_date_is_locked_and_the_agenda_still_open(client, world):
    meeting = _invited_meeting(world)
    tag = {"HTTP_IF_MATCH": f'"v{meeting.version}"'}

    later = (AHEAD + datetime.timedelta(days=5)).isoformat()
    moved = send(client, "PATCH", f"/api/v1/meetings/{meeting.pk}/", world.leader, {"date": later}, **tag)
    agenda = send(client, "PUT", f"/api/v1/meetings/{meeting.pk}/agenda", world.leader, [{"title": "Khai mạc"}], **tag)

    assert moved.status_code == 409
    assert moved.json()["code"] == "wrong_state" and "Đã mời họp" in moved.json()["message"]
    assert agenda.status_code == 200
    assert Meeting.objects.get(pk=meeting.pk).date == AHEAD


def test_sending_a_locked_field_unchanged_is_no_change(client, world):
    meeting = _invited_meeting(world)
    response = send(client, "PATCH", f"/api/v1/meetings/{meeting.pk}/", world.leader,
                    {"date": AHEAD.isoformat(), "secretary_name": "Vi Thị Hoa"}, HTTP_IF_MATCH=f'"v{meeting.version}"')
    assert response.status_code == 200
    assert response.json()["secretary"] == "Vi Thị Hoa"


def test_a_cancelled_meetings_attendance_is_locked(client, world):
    meeting = _invited_meeting(world)
    meeting.transition("cancel", reason="Trùng lịch")
    response = send(client, "PUT", f"/api/v1/meetings/{meeting.pk}/attendance", world.leader,
                    [{"organization_id": world.front.pk}], HTTP_IF_MATCH=f'"v{meeting.version}"')
    assert response.status_code == 409
    assert not meeting.attendances.exists()


def test_someone_without_an_editor_role_cannot_create(client, world):
    from tests.factories import MembershipFactory, UserFactory

    viewer = UserFactory(username="chixem")
    MembershipFactory(user=viewer, organization=world.party)
    assert send(client, "POST", "/api/v1/meetings/", viewer, _new(world)).status_code == 403


def _invited_meeting(world) -> Meeting:
    """A briefing a month ahead whose invitations went out."""
    meeting = MeetingFactory(host=world.party, bloc=world.bloc, date=AHEAD, title="Giao ban tháng tới")
    meeting.transition("invite")
    assert meeting.state == MeetingState.INVITED
    return meeting


def test_putting_the_same_rows_again_keeps_them(client, world):
    rows = [{"title": "Báo cáo quý I"}, {"title": "Thảo luận", "kind": "discussion"}]
    send(client, "PUT", f"/api/v1/meetings/{world.meeting.pk}/agenda", world.leader, rows, **_etag(world))
    again = send(client, "PUT", f"/api/v1/meetings/{world.meeting.pk}/agenda", world.leader, rows, **_etag(world))
    assert [item["title"] for item in again.json()["agenda"]] == ["Báo cáo quý I", "Thảo luận"]


def test_a_state_change_names_its_version_and_a_refused_step_is_409(client, world):
    meeting = _invited_meeting(world)
    url = f"/api/v1/meetings/{meeting.pk}/state"
    stale = {"HTTP_IF_MATCH": f'"v{meeting.version - 1}"'}
    assert send(client, "POST", url, world.leader, {"action": "hold"}, **stale).status_code == 412
    no_reason = send(client, "POST", url, world.leader, {"action": "cancel"}, HTTP_IF_MATCH=f'"v{meeting.version}"')
    assert no_reason.status_code == 400 and "lý do" in no_reason.json()["message"]
    closing = send(client, "POST", url, world.leader, {"action": "close"}, HTTP_IF_MATCH=f'"v{meeting.version}"')
    assert closing.status_code == 409 and "không thể" in closing.json()["message"]
    held = send(client, "POST", url, world.leader, {"action": "hold"}, HTTP_IF_MATCH=f'"v{meeting.version}"')
    assert held.status_code == 200 and held.json()["state"] == "held"
    assert held["ETag"] == f'"v{meeting.version + 1}"'
