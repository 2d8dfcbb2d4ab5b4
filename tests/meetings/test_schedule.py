import datetime

from giaoban.meetings import schedule

D = datetime.date


def test_it_moves_the_date_off_tet():
    # Tết Bính Ngọ: 16–20/02/2026 (Mon–Fri), then the weekend.
    assert schedule.next_working_day(D(2026, 2, 17)) == D(2026, 2, 23)


def test_it_moves_a_saturday_to_monday():
    assert schedule.next_working_day(D(2026, 10, 17)) == D(2026, 10, 19)


def test_it_keeps_a_working_day():
    assert schedule.next_working_day(D(2026, 3, 17)) == D(2026, 3, 17)


def test_it_moves_off_the_national_day_holiday_and_its_substitute_day():
    # 2026: 31/8 is the day off substituted for a Saturday, 1–2/9 the National Day.
    assert schedule.next_working_day(D(2026, 8, 31)) == D(2026, 9, 3)


def test_holiday_names_are_vietnamese():
    assert "Tết" in schedule.holiday_name(D(2026, 2, 17))
    assert schedule.holiday_name(D(2026, 3, 17)) == ""


def test_a_day_past_the_month_end_is_the_last_day():
    assert schedule.nominal_date(2026, 2, day=31) == D(2026, 2, 28)
    assert schedule.nominal_date(2026, 4, day=schedule.LAST) == D(2026, 4, 30)


def test_the_nth_and_last_weekday_of_a_month():
    assert schedule.nominal_date(2026, 3, weekday=1, week=1) == D(2026, 3, 3)  # first Tuesday
    assert schedule.nominal_date(2026, 3, weekday=1, week=schedule.LAST) == D(2026, 3, 31)
    assert schedule.nominal_date(2026, 2, weekday=0, week=4) == D(2026, 2, 23)


def test_month_after_crosses_the_year():
    assert schedule.month_after(2026, 12, 1) == (2027, 1)
    assert schedule.month_after(2026, 3, 0) == (2026, 3)
