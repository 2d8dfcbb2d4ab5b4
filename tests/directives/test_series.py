import datetime

import pytest
import time_machine
from django.db import IntegrityError, transaction

from giaoban.directives.carryover import pending_directives
from giaoban.directives.models import DirectiveStatus
from giaoban.directives.series import create_next_meeting
from giaoban.meetings import schedule
from giaoban.meetings.models import AgendaKind, Meeting, SeriesAgendaItem
from giaoban.meetings.states import MeetingState
from tests.directives.factories import DirectiveFactory
from tests.factories import period
from tests.meetings.factories import SeriesFactory, briefing_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def series():
    w = briefing_world()
    s = SeriesFactory(bloc=w.bloc, host=w.party, day=17, attendees=[w.front, w.farmers])
    SeriesAgendaItem.objects.create(series=s, order=0, title="Báo cáo kết quả tháng", organization=w.board)
    SeriesAgendaItem.objects.create(series=s, order=1, kind=AgendaKind.DISCUSSION, title="Thảo luận")
    s.world = w
    return s


def _carried_lines(meeting: Meeting) -> str:
    item = meeting.agenda_items.filter(kind=AgendaKind.CARRIED_OVER).first()
    return item.notes if item else ""


@time_machine.travel(datetime.datetime(2026, 1, 2, 8, 0), tick=False)
def test_twelve_monthly_briefings_each_start_from_the_one_before(series):
    w = series.world
    open_texts: dict[int, str] = {}
    closed_texts: list[str] = []
    rule_days = []
    for month in range(1, 13):
        result = create_next_meeting(series, by=w.lead_editor)
        meeting = result.meeting
        assert result.created
        # Prefilled: the period and the next one, title, time, place, state, standing attendees, agenda.
        assert meeting.period == period(f"Tháng {month}/2026") and meeting.series == series
        assert meeting.next_period == period(f"Tháng {month % 12 + 1}/{2026 + month // 12}")
        assert meeting.title == f"Hội nghị giao ban Tháng {month}/2026, triển khai nhiệm vụ {meeting.next_period.label}"
        assert (meeting.start_time, meeting.place, meeting.state) == (datetime.time(8, 0), "Hội trường Huyện ủy",
                                                                      MeetingState.DRAFT)
        assert set(meeting.attendances.values_list("organization", flat=True)) == {w.front.pk, w.farmers.pk}
        titles = list(meeting.agenda_items.values_list("title", flat=True))
        assert titles[:2] == ["Báo cáo kết quả tháng", "Thảo luận"]
        # The date: the 17th of the following month, or the first working day after it.
        year, following = schedule.month_after(2026, month, 1)
        nominal = datetime.date(year, following, 17)
        assert meeting.date >= nominal and schedule.is_working_day(meeting.date)
        assert all(not schedule.is_working_day(nominal + datetime.timedelta(days=k))
                   for k in range((meeting.date - nominal).days))
        rule_days.append((nominal, meeting.date))
        # Carried over: every open directive of earlier briefings exactly once, none of the closed ones.
        lines = _carried_lines(meeting)
        for text in open_texts.values():
            assert lines.count(f"- {text} [") == 1
        for text in closed_texts:
            assert f"- {text} [" not in lines
        assert set(pending_directives(meeting).values_list("pk", flat=True)) == set(open_texts)
        # This briefing's directives; the one from two meetings back is closed, one is carried over by the leader.
        for number, lead in ((1, w.front), (2, w.farmers)):
            directive = DirectiveFactory(meeting=meeting, lead=lead, text=f"Chỉ đạo tháng {month} số {number}")
            open_texts[directive.pk] = directive.text
        for pk, text in list(open_texts.items()):
            if text == f"Chỉ đạo tháng {month - 2} số 2":
                DirectiveFactory._meta.model.objects.filter(pk=pk).update(status=DirectiveStatus.DONE)
                closed_texts.append(open_texts.pop(pk))
            elif text == f"Chỉ đạo tháng {month - 1} số 1":
                carried = DirectiveFactory._meta.model.objects.get(pk=pk)
                carried.status = DirectiveStatus.CARRIED_OVER
                carried.save()
                carried.carried_to.add(meeting)
    assert series.meetings.count() == 12
    assert (datetime.date(2026, 2, 17), datetime.date(2026, 2, 23)) in rule_days  # Tết Bính Ngọ
    assert (datetime.date(2026, 5, 17), datetime.date(2026, 5, 18)) in rule_days  # a Sunday
    assert (datetime.date(2027, 1, 17), datetime.date(2027, 1, 18)) in rule_days  # across the year


def test_the_next_period_follows_the_latest_meeting(series):
    first = create_next_meeting(series).meeting
    second = create_next_meeting(series).meeting
    assert (first.period.label, second.period.label) == ("Tháng 1/2026", "Tháng 2/2026")


def test_a_period_that_already_has_its_meeting_is_returned_not_created_again(series, monkeypatch):
    existing = create_next_meeting(series).meeting
    monkeypatch.setattr(type(series), "next_period", lambda self: existing.period)
    again = create_next_meeting(series)
    assert (again.meeting, again.created) == (existing, False)
    assert series.meetings.count() == 1


def test_the_database_refuses_a_second_meeting_for_the_same_series_and_period(series):
    existing = create_next_meeting(series).meeting
    with pytest.raises(IntegrityError), transaction.atomic():
        Meeting.objects.create(series=series, host=existing.host, bloc=existing.bloc, period=existing.period,
                               date=existing.date, title="Bản trùng")


def test_a_quarterly_series_on_the_first_tuesday_skips_to_the_next_quarter(series):
    series.period_type, series.first_period = "quarter", period("Quý I/2026")
    series.recurrence, series.weekday, series.week = "weekday", 1, 1
    series.save()
    meetings = [create_next_meeting(series).meeting for _ in range(2)]
    assert [m.period.label for m in meetings] == ["Quý I/2026", "Quý II/2026"]
    assert [m.date for m in meetings] == [datetime.date(2026, 4, 7), datetime.date(2026, 7, 7)]
