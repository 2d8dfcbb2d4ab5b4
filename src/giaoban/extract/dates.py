"""Dates: "ngày 05/4/2022", "sáng 5-4", "Chiều ngày 21/12", "ngày 5 tháng 4 năm 2022"."""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from .chars import LO

_CONTEXT = r"(?:[Nn]gày|[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa|[Đđ]êm|[Hh]ôm)"
# Day/month[/year] with "/", "-" or "." and no spaces inside; without a year the separator must be
# "/" or a context word must come first, so "5 - 12 tuổi" or "90-95%" are not dates.
# Both forms start with a digit, so the scan is fast; the context word is checked behind it.
# A range of days in one month ("Trong 2 ngày 8-9/8", "ngày 26 - 27/10/2023") is dated by its first day.
# The day's first digit is consumed before the alternatives (the engine then finds the places to try by a fast scan
# of digits): "(?<![\d/.,-])" before it is "(?<![\d/.,-]\d)" after it, and the groups "d3", "d", "d2" hold the rest
# of the day ("\d{1,2}" is that digit and "\d?"), so the day is read from the match's start (``_day``).
DATE_RE = re.compile(
    r"\d(?:(?<![\d/.,-]\d)(?P<d3>\d?)\s?[-–]\s?\d{1,2}/(?P<m3>\d{1,2})(?:/(?P<y3>\d{4}))?(?![\d/])"
    r"|(?<![\d/.,-]\d)(?P<d>\d?)(?P<sep>[/.-])(?P<m>\d{1,2})(?:(?P=sep)(?P<y>\d{4}))?(?![\d/])"
    r"|(?<!\d\d)(?P<d2>\d?)\s+tháng\s+(?P<m2>\d{1,2})(?:\s*(?:năm|/)\s*(?P<y2>\d{4}))?(?!\d))"
)


def _day(m: re.Match[str], group: str) -> int:
    """The day of a ``DATE_RE`` match: its first digit and the rest the group holds."""
    return int(m.string[m.start() : m.end(group)])


# A noun counted after "d/m" ("9/9 huyện, thị xã"): words that follow a date instead (a place, a time, a clause
# word) are left out.
_COUNTED = re.compile(
    r"\s(?!(?:tại|của|và|với|đến|tới|năm|vừa|đã|sẽ|là|có|theo|về|trên|ở|trong|khi|sau|trước|cho|do|nay|này|"
    rf"hằng|hàng|lúc|từ|thì|mà|nên|được)(?![\w])){LO}"
)
_CONTEXT_BEFORE = re.compile(_CONTEXT + r"(?:\s+" + _CONTEXT + r")?\s+$")


@dataclass
class DateMention:
    day: int
    month: int
    year: int | None
    start: int
    end: int
    has_context: bool

    def iso(self, default_year: int | None = None) -> str | None:
        year = self.year or default_year
        if not year:
            return None
        try:
            return _dt.date(year, self.month, self.day).isoformat()
        except ValueError:
            return None


def find_dates(match_text: str, start: int = 0, end: int | None = None) -> list[DateMention]:
    return _scan(match_text, start, len(match_text) if end is None else end)[1]


# What DATE_RE's look-aheads read after a match.
_READ_AFTER = re.compile(r"[\d/]")


class DateScan:
    """The dates of a text from one scan, and the dates of a part of it read off that scan."""

    def __init__(self, match_text: str) -> None:
        self.text = match_text
        self.spans, self.dates = _scan(match_text, 0, len(match_text))

    def within(self, start: int, end: int) -> list[DateMention]:
        """What ``find_dates(text, start, end)`` finds.  A scan of the part tries the pattern at the places the
        text's scan tries after ``start`` and sees the same characters before them, so it finds the same matches
        unless a match of the text's crosses a bound of the part, or a look-ahead at the part's end reads a digit or
        "/" there (the part's scan reads nothing): then the part is scanned."""
        if _READ_AFTER.match(self.text, end) or any(a < start < b or a < end < b for a, b in self.spans):
            return find_dates(self.text, start, end)
        return [d for d in self.dates if start <= d.start and d.end <= end]


def _scan(match_text: str, start: int, end: int) -> tuple[list[tuple[int, int]], list[DateMention]]:
    """The span of every match of DATE_RE in ``match_text[start:end]``, and the dates among them."""
    spans: list[tuple[int, int]] = []
    out: list[DateMention] = []
    for m in DATE_RE.finditer(match_text, start, end):
        spans.append(m.span())
        # The group of the alternative that matched holds the rest of the day (maybe nothing): not None.
        if m.group("d3") is not None:
            day, month, year = _day(m, "d3"), int(m.group("m3")), m.group("y3")
            ctx = bool(_CONTEXT_BEFORE.search(match_text, max(0, m.start() - 16), m.start()))
            if not ctx:
                continue
        elif m.group("d") is not None:
            day, month, year = _day(m, "d"), int(m.group("m")), m.group("y")
            ctx = bool(_CONTEXT_BEFORE.search(match_text, max(0, m.start() - 16), m.start()))
            if not year and not ctx and m.group("sep") != "/":
                continue
            if not year and not ctx and _COUNTED.match(match_text, m.end()):
                # "9/9 huyện", "65/152 hội cơ sở": a share of a total, not a day and month.
                continue
            if not year and not ctx:
                # "6/2018" style month/year is handled by periods; "21/12" alone is a date.
                pass
        else:
            day, month, year = _day(m, "d2"), int(m.group("m2")), m.group("y2")
            ctx = True
        if not (1 <= day <= 31 and 1 <= month <= 12):
            continue
        y = int(year) if year else None
        if y is not None and not (1900 <= y <= 2100):
            continue
        out.append(DateMention(day, month, y, m.start(), m.end(), ctx))
    return spans, out


# A year not inside a longer number ("(?<!\d..)" after the century looks before it, and lets the engine find the
# century by a fast scan).
_YEAR = re.compile(r"(?:19|20)(?<!\d..)\d\d(?!\d)")


# A year's four digits, for a number read on its own ("2024" is a year, not a count or a citation's number).
YEAR_DIGITS = re.compile(r"(?:19|20)\d\d")


def years_named(match_text: str) -> list[int]:
    """Every year the text names, in text order (one scan shared by the detectors that need them)."""
    return [int(m.group(0)) for m in _YEAR.finditer(match_text)]


def is_valid(year: int, month: int, day: int) -> bool:
    try:
        _dt.date(year, month, day)
    except ValueError:
        return False
    return True
