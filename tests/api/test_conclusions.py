"""Conclusions in the API: read within the meetings' reach, written as the conclusion page writes them."""

import pytest

from giaoban.meetings.models import Conclusion, Meeting, MeetingState
from tests.api.conftest import send
from tests.expectations import CONCLUSION, build_world
from tests.meetings.factories import MeetingFactory


@pytest.fixture
def world(db):
    return build_world()


def _url(meeting) -> str:
    return f"/api/v1/meetings/{meeting.pk}/conclusion"


def test_the_first_conclusion_needs_no_if_match_and_concludes_the_meeting(client, world):
    meeting = MeetingFactory(host=world.party, bloc=world.bloc, title="Giao ban quý II/2022")
    response = send(client, "PUT", _url(meeting), world.leader,
                    {"text": "Tập trung công tác giảm nghèo", "concluded_by_name": "Lý Văn Tâm",
                     "concluded_by_title": "Trưởng Ban Dân vận"})
    assert response.status_code == 201
    assert response.json()["concluded_by"] == "Lý Văn Tâm"
    assert response["ETag"] == '"v1"'
    assert Meeting.objects.get(pk=meeting.pk).state == MeetingState.CONCLUDED


def test_a_later_write_must_name_the_version_it_read(client, world):
    read = send(client, "GET", _url(world.meeting), world.leader)["ETag"]
    without = send(client, "PUT", _url(world.meeting), world.leader, {"text": "Bản không kèm phiên bản"})
    first = send(client, "PUT", _url(world.meeting), world.leader, {"text": "Bản mới"}, HTTP_IF_MATCH=read)
    stale = send(client, "PUT", _url(world.meeting), world.leader, {"text": "Bản dựa trên bản cũ"}, HTTP_IF_MATCH=read)
    assert (without.status_code, first.status_code, stale.status_code) == (428, 200, 412)
    assert Conclusion.objects.get(pk=world.conclusion.pk).text == "Bản mới"


def test_an_issued_conclusion_is_changed_only_by_amendment(client, world):
    Conclusion.mark_issued(world.meeting)
    version = Conclusion.objects.get(pk=world.conclusion.pk).version
    response = send(client, "PUT", _url(world.meeting), world.leader, {"text": "Sửa sau khi ban hành"},
                    HTTP_IF_MATCH=f'"v{version}"')
    assert response.status_code == 409
    assert "đính chính" in response.json()["message"]
    assert Conclusion.objects.get(pk=world.conclusion.pk).text == CONCLUSION


def test_a_meeting_without_conclusion_answers_404_in_vietnamese(client, world):
    meeting = MeetingFactory(host=world.party, bloc=world.bloc)
    response = send(client, "GET", _url(meeting), world.leader)
    assert response.status_code == 404 and response.json()["code"] == "not_found"


def test_the_list_filters_issued_conclusions(client, world):
    other = MeetingFactory(host=world.party, bloc=world.bloc)
    Conclusion.mark_issued(other)
    issued = send(client, "GET", "/api/v1/conclusions/?issued=true", world.lead_editor).json()
    pending = send(client, "GET", "/api/v1/conclusions/?issued=false", world.lead_editor).json()
    assert [c["meeting_id"] for c in issued["items"]] == [other.pk]
    assert [c["meeting_id"] for c in pending["items"]] == [world.meeting.pk]
