import datetime

from giaoban.notifications.schedule import Schedule

DEADLINE = datetime.date(2026, 6, 30)


def _day(offset: int) -> datetime.date:
    return DEADLINE + datetime.timedelta(days=offset)


def test_nothing_is_due_before_the_first_occasion():
    assert Schedule().occasion_for(DEADLINE, _day(-8)) is None


def test_the_occasion_before_stays_current_until_the_deadline():
    schedule = Schedule(days_before=7)
    assert {schedule.occasion_for(DEADLINE, _day(k)) for k in range(-7, 0)} == {_day(-7)}
    assert schedule.occasion_for(DEADLINE, DEADLINE) == DEADLINE


def test_after_the_deadline_every_n_days():
    schedule = Schedule(every_days_after=7)
    assert schedule.occasion_for(DEADLINE, _day(6)) == DEADLINE
    assert schedule.occasion_for(DEADLINE, _day(7)) == _day(7)
    assert schedule.occasion_for(DEADLINE, _day(20)) == _day(14)


def test_turned_off_reminders_never_come():
    schedule = Schedule(days_before=0, on_the_day=False, every_days_after=0)
    assert all(schedule.occasion_for(DEADLINE, _day(k)) is None for k in range(-30, 60))


def test_follow_up_stops_after_the_limit():
    schedule = Schedule(every_days_after=7, stop_after_days=30)
    assert schedule.occasion_for(DEADLINE, _day(30)) == _day(28)
    assert schedule.occasion_for(DEADLINE, _day(31)) is None
