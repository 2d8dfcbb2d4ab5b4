import datetime

import pytest
from django.core.exceptions import ValidationError

from giaoban.meetings.states import Action, MeetingState, Part
from tests.meetings.factories import MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _on_the_first_of_march(time_machine):
    time_machine.move_to(datetime.datetime(2026, 3, 1, 9, 0), tick=False)
S = MeetingState


def _meeting(**kwargs):
    return MeetingFactory(date=datetime.date(2026, 3, 10), **kwargs)


def test_a_planned_meeting_starts_as_a_draft_and_one_entered_afterwards_as_held():
    assert _meeting().state == S.DRAFT
    assert MeetingFactory(date=datetime.date(2026, 2, 20)).state == S.HELD


def test_the_whole_life_of_a_meeting():
    meeting = _meeting()
    assert meeting.mark_invitation_issued()
    meeting.transition(Action.HOLD)
    assert meeting.mark_concluded()
    assert meeting.mark_notice_issued()
    meeting.transition(Action.CLOSE)
    meeting.refresh_from_db()
    assert meeting.state == S.CLOSED


def test_postponing_needs_a_reason_and_keeps_it():
    meeting = _meeting()
    with pytest.raises(ValidationError, match="lý do"):
        meeting.transition(Action.POSTPONE, reason="  ")
    meeting.transition(Action.POSTPONE, reason="Trùng lịch họp Tỉnh ủy")
    meeting.refresh_from_db()
    assert (meeting.state, meeting.state_reason) == (S.POSTPONED, "Trùng lịch họp Tỉnh ủy")
    assert meeting.may_edit(Part.DETAILS)  # the new date is set on the postponed meeting


def test_a_step_the_state_does_not_allow_is_refused_in_vietnamese_and_changes_nothing():
    meeting = _meeting()
    with pytest.raises(ValidationError, match="không thể"):
        meeting.transition(Action.CLOSE)
    meeting.refresh_from_db()
    assert meeting.state == S.DRAFT


def test_a_cancelled_meeting_cannot_be_held_or_edited():
    meeting = _meeting()
    meeting.transition(Action.CANCEL, reason="Bão số 3")
    with pytest.raises(ValidationError):
        meeting.transition(Action.HOLD)
    assert meeting.editable_parts() == []


def test_issuing_documents_moves_the_state_only_forward():
    meeting = _meeting()
    meeting.transition(Action.CANCEL, reason="Hủy")
    assert not meeting.mark_invitation_issued() and not meeting.mark_notice_issued()
    issued = _meeting()
    issued.mark_notice_issued()
    assert not issued.mark_invitation_issued()
    assert issued.state == S.NOTICE_ISSUED


def test_after_the_notice_the_conclusion_is_frozen_but_minutes_and_files_are_not():
    meeting = _meeting()
    meeting.mark_notice_issued()
    assert not meeting.may_edit(Part.CONCLUSION) and not meeting.may_edit(Part.DETAILS)
    assert meeting.may_edit(Part.MINUTES) and meeting.may_edit(Part.ATTACHMENTS)


def test_once_invited_the_date_changes_only_by_postponing():
    meeting = _meeting()
    meeting.mark_invitation_issued()
    assert not meeting.may_edit(Part.DETAILS) and meeting.may_edit(Part.AGENDA)
    assert Action.POSTPONE in meeting.available_actions()


def test_a_state_change_makes_an_edit_form_opened_before_it_stale():
    meeting = _meeting()
    before = meeting.version
    meeting.mark_invitation_issued()
    assert meeting.version == before + 1


def test_a_step_based_on_an_older_version_is_refused_and_changes_nothing():
    from giaoban.core.versioning import ConcurrentEditError

    meeting = _meeting()
    read = meeting.version
    meeting.transition(Action.INVITE, expected_version=read)
    with pytest.raises(ConcurrentEditError):
        meeting.transition(Action.POSTPONE, reason="Trùng lịch", expected_version=read)
    meeting.refresh_from_db()
    assert (meeting.state, meeting.version) == (S.INVITED, read + 1)
