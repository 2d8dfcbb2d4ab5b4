import datetime

import pytest
from django.core.exceptions import ValidationError

from giaoban.meetings.models import Meeting, Person
from giaoban.meetings.sanitize import sanitize_minutes
from tests.factories import period
from tests.meetings.factories import MeetingFactory, briefing_world


def test_sanitize_keeps_formatting_and_drops_scripts_and_handlers():
    dirty = '<h2>Biên bản</h2><p style="x" onmouseover="a()">Có <a href="javascript:x()">mặt</a></p><iframe></iframe>'
    assert sanitize_minutes(dirty) == "<h2>Biên bản</h2><p>Có <a rel=\"noopener noreferrer\">mặt</a></p>"


def test_plain_text_minutes_become_paragraphs_and_are_escaped():
    assert sanitize_minutes("Khai mạc 8h\n\nÝ kiến <Hội ND>") == "<p>Khai mạc 8h</p><p>Ý kiến &lt;Hội ND&gt;</p>"


@pytest.mark.django_db
def test_person_directory_files_a_name_once_whatever_the_tone_placement():
    first = Person.remember("Nguyễn Thành Tốt", "Chủ tịch")
    assert Person.remember("NGUYỄN THÀNH TỐT") == first and Person.objects.count() == 1


@pytest.mark.django_db
def test_briefing_needs_a_period_and_the_next_period_must_follow_it():
    w = briefing_world()
    meeting = Meeting(kind="briefing", title="x", host=w.party, bloc=w.bloc, date=datetime.date(2022, 4, 5))
    with pytest.raises(ValidationError, match="kỳ đánh giá"):
        meeting.clean()
    meeting.period, meeting.next_period = period("Quý II/2022"), period("Quý I/2022")
    with pytest.raises(ValidationError, match="Kỳ triển khai phải sau"):
        meeting.clean()


@pytest.mark.django_db
def test_visible_to_covers_host_subtree_convening_and_members_only():
    w = briefing_world()
    MeetingFactory(host=w.other)
    assert list(Meeting.objects.visible_to(w.lead_editor)) == [w.meeting]
    assert list(Meeting.objects.visible_to(w.leader)) == [w.meeting]
    assert w.meeting not in Meeting.objects.visible_to(w.outsider)


@pytest.mark.django_db
def test_previous_briefings_are_the_same_blocs_earlier_briefings():
    w = briefing_world()
    later = MeetingFactory(host=w.party, bloc=w.bloc, date=datetime.date(2022, 7, 6))
    MeetingFactory(host=w.party, bloc=w.bloc, date=datetime.date(2022, 5, 1), kind="conference")
    assert list(later.previous_briefings()) == [w.meeting]
