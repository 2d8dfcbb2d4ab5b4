"""When a series' next briefing falls: the series' rule, then off weekends and Vietnamese public holidays.

Holidays come from the `holidays` package's Vietnam calendar, which follows
the lunar calendar for Tết and Giỗ Tổ and the government's substituted days
off, so nothing here is a hand-kept table.
"""

import calendar
import datetime
from functools import lru_cache

import holidays

LAST = -1  # "the last Tuesday of the month", "the last day of the month"


@lru_cache(maxsize=32)
def _holidays(year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("VN", years=[year, year + 1], language="vi")


def holiday_name(day: datetime.date) -> str:
    """The public holiday on `day` in Vietnamese ("" for a normal day)."""
    return _holidays(day.year).get(day, "")


def is_working_day(day: datetime.date) -> bool:
    return day.weekday() < 5 and not holiday_name(day)


def next_working_day(day: datetime.date) -> datetime.date:
    """`day` itself if offices work that day, else the first working day after it."""
    while not is_working_day(day):
        day += datetime.timedelta(days=1)
    return day


def month_after(year: int, month: int, offset: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + offset
    return index // 12, index % 12 + 1


def nominal_date(year: int, month: int, *, day: int | None = None, weekday: int | None = None,
                 week: int = 1) -> datetime.date:
    """The rule's day in that month: a day of the month (clamped to its length; LAST for the last day),
    or the `week`-th `weekday` (0 = Monday; week LAST for the last one)."""
    length = calendar.monthrange(year, month)[1]
    if weekday is None:
        wanted = length if day in (None, LAST) else min(max(day, 1), length)
        return datetime.date(year, month, wanted)
    days = [d for d in range(1, length + 1) if datetime.date(year, month, d).weekday() == weekday]
    return datetime.date(year, month, days[-1] if week == LAST else days[min(max(week, 1), len(days)) - 1])
