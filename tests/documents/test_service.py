import datetime

import pytest
from django.db import OperationalError

from giaoban.documents import service
from giaoban.documents.models import Document, NumberSequence
from giaoban.documents.service import RenderError, issue_notice
from giaoban.meetings.models import Meeting
from giaoban.meetings.states import MeetingState
from tests.documents import factories as f
from tests.documents.test_views import _member

DAY = datetime.date(2022, 4, 7)
pytestmark = pytest.mark.django_db


def _failing_pdf(content: dict) -> bytes:
    raise RuntimeError("the PDF engine crashed")


def _last_number(record) -> int:
    sequence = NumberSequence.objects.filter(issuer=record.host).first()
    return sequence.last_number if sequence else 0


def test_a_renderer_that_fails_leaves_no_document_and_gives_the_number_back(monkeypatch):
    record = f.huu_lung()
    monkeypatch.setattr(service, "render_pdf", _failing_pdf)
    with pytest.raises(RenderError):
        issue_notice(record.meeting, issued_on=DAY)
    assert Document.objects.count() == 0
    assert _last_number(record) == 0


def test_after_a_failed_render_the_next_notice_takes_the_number_that_was_given_back(monkeypatch):
    record = f.huu_lung()
    monkeypatch.setattr(service, "render_pdf", _failing_pdf)
    with pytest.raises(RenderError):
        issue_notice(record.meeting, issued_on=DAY)
    monkeypatch.setattr(service, "render_pdf", lambda content: b"%PDF-1.7 test")
    document = issue_notice(record.meeting, issued_on=DAY)
    assert document.number == 1 and document.docx and document.pdf


def test_a_control_character_already_stored_in_a_title_issues_nothing():
    record = f.huu_lung()
    record.meeting.title = "Hội nghị giao ban\x1b quý I"  # stored before inputs refused such characters
    record.meeting.save()
    with pytest.raises(RenderError):
        issue_notice(record.meeting, issued_on=DAY)
    assert Document.objects.count() == 0 and _last_number(record) == 0


def test_the_issue_page_says_nothing_was_issued_when_rendering_fails(client, monkeypatch):
    record = f.bau_bang()
    client.force_login(_member(record))
    monkeypatch.setattr(service, "render_pdf", _failing_pdf)
    response = client.post(f"/van-ban/cuoc-hop/{record.meeting.pk}/ban-hanh/notice/", {
        "notice-issued_on": "05/07/2018", "notice-signer_name": "Nguyễn Thành Tốt"}, follow=True)
    assert response.status_code == 200
    assert "chưa ban hành và chưa lấy số" in response.content.decode()
    assert Document.objects.count() == 0 and _last_number(record) == 0


@pytest.mark.django_db(transaction=True)
def test_a_busy_database_while_the_meeting_steps_issues_the_notice_once_and_marks_the_meeting(monkeypatch):
    record = f.huu_lung()
    step = Meeting.mark_notice_issued
    tries = []

    def busy_the_first_time(meeting, by=None):
        tries.append(meeting.pk)
        if len(tries) == 1:
            raise OperationalError("database is locked")
        return step(meeting, by=by)

    monkeypatch.setattr(Meeting, "mark_notice_issued", busy_the_first_time)
    document = issue_notice(record.meeting, issued_on=DAY, render=False)
    assert len(tries) == 2
    assert document.number == 1 and list(Document.objects.values_list("number", flat=True)) == [1]
    assert Meeting.objects.get(pk=record.meeting.pk).state == MeetingState.NOTICE_ISSUED
