"""A meeting that is already recorded: the review page's warnings name it, for the meetings the user may
see only."""

import datetime

import pytest

from giaoban.directives.models import Directive
from giaoban.recording import duplicates
from tests.meetings.factories import MeetingFactory, briefing_world

pytestmark = pytest.mark.django_db

TASKS = [
    "Rà soát, bổ sung quy chế phối hợp giữa Mặt trận và các tổ chức thành viên",
    "Tổ chức hội thi nhà nông đua tài cấp huyện",
    "Tổng kết mô hình dân vận khéo",
    "Tăng cường nắm tình hình Nhân dân ở khu dân cư",
    "Chuẩn bị Đại hội đại biểu MTTQ các xã",
]


def _with_tasks(meeting, texts=TASKS):
    for order, text in enumerate(texts, start=1):
        Directive.objects.create(meeting=meeting, order=order, text=text)
    return meeting


def test_the_same_host_on_the_same_day_is_named():
    world = briefing_world()
    lines = duplicates.warnings(world.leader, world.party, world.meeting.date, [])
    assert lines == [f"Đã có cuộc họp “{world.meeting.title}” của {world.party.name} ngày 05/04/2022."]


def test_the_same_directives_on_another_day_are_named_whatever_their_case_spacing_and_final_stop():
    world = briefing_world()
    _with_tasks(world.meeting)
    again = [TASKS[0]] + [f"  {t.upper()}. " for t in TASKS[1:]]
    lines = duplicates.warnings(world.leader, world.party, datetime.date(2022, 5, 10), again)
    assert lines == [f"Cuộc họp “{world.meeting.title}” ngày 05/04/2022 đã có các chỉ đạo này."]


def test_directives_that_differ_only_by_a_final_stop_are_the_same():
    world = briefing_world()
    _with_tasks(world.meeting)
    assert duplicates.same_directives(world.leader, [f"{t}." for t in TASKS]) == [world.meeting]


def test_a_meeting_named_once_even_when_both_host_date_and_directives_match():
    world = briefing_world()
    _with_tasks(world.meeting)
    lines = duplicates.warnings(world.leader, world.party, world.meeting.date, TASKS)
    assert len(lines) == 1 and lines[0].startswith("Đã có cuộc họp")


def test_sharing_only_a_few_directives_is_no_duplicate():
    world = briefing_world()
    _with_tasks(world.meeting)
    mostly_new = TASKS[:2] + [f"Việc mới số {n}" for n in range(4)]
    assert duplicates.same_directives(world.leader, mostly_new) == []
    assert duplicates.warnings(world.leader, world.party, datetime.date(2022, 5, 10), mostly_new) == []


def test_a_meeting_the_user_may_not_see_is_never_named():
    world = briefing_world()
    hidden = _with_tasks(MeetingFactory(host=world.other, title="Hội nghị của huyện khác"))
    assert duplicates.warnings(world.lead_editor, world.other, hidden.date, TASKS) == []
    assert duplicates.same_directives(world.outsider, TASKS) == [hidden]


def test_nothing_to_compare_gives_no_warning():
    world = briefing_world()
    _with_tasks(world.meeting)
    assert duplicates.warnings(world.leader, None, None, ["", "   "]) == []
