"""Deadlines named in a directive piece.

"trước ngày 30/9/2023" -> "2023-09-30", "trong tháng 8/2018" -> "2018-08", "trong năm 2020" -> "2020",
"trong quý III năm 2020" -> "2020-09", "từ ngày 10 đến ngày 15/11" -> the end date.
"đến năm 2025" inside a document title is not a deadline, so only deadline words count.
"""

from __future__ import annotations

import re

from .chars import Anchored
from .dates import is_valid
from .periods import quarter_number

# "phấn đấu đến năm 2023 ..." sets a target date; a bare "đến năm 2025" (a document's horizon) does not.
_LEAD = (
    r"(?:trong|trước|chậm nhất(?: là)?(?: trước)?|hạn chót|xong trước|hoàn thành trước|hạn|đến hết|trước hết|"
    r"phấn đấu (?:đến|tới)(?: hết)?|vào)"
)
_DAY = r"(?:ngày\s+)?(?P<d>\d{1,2})\s*(?:[/.-]|\s+tháng\s+)\s*(?P<m>\d{1,2})(?:\s*(?:[/.-]|\s+năm\s+)\s*(?P<y>\d{4}))?"
_RANGE_END = (
    r"từ\s+(?:ngày\s+)?\d{1,2}(?:\s*[/.-]\s*\d{1,2})?(?:\s*[/.-]\s*\d{4})?\s*(?:đến|tới|-)\s*(?:hết\s+)?"
    r"(?:ngày\s+)?(?P<rd>\d{1,2})\s*[/.-]\s*(?P<rm>\d{1,2})(?:\s*[/.-]\s*(?P<ry>\d{4}))?"
)
# "Quỹ “Vì người nghèo” (17/10 – 18/11/2017)": a campaign's span in brackets ends on its last day.
_BRACKET_RANGE = (
    r"\(\s*\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{4})?\s*-\s*"
    r"(?P<bd>\d{1,2})\s*/\s*(?P<bm>\d{1,2})(?:\s*/\s*(?P<by>\d{4}))?\s*\)"
)
# What may follow a deadline word besides a date, in the order tried.
_AFTER_LEAD = (
    r"tháng\s+(?P<mm>1[0-2]|0?[1-9])(?:\s*(?:/|năm)\s*(?P<my>\d{4}))?(?!\d)"
    r"|quý\s+(?P<q>IV|III|II|I|[1-4])(?![\w])(?:\s*(?:/|năm)\s*(?P<qy>\d{4}))?"
    r"|(?P<h>6|sáu)\s+tháng\s+(?P<hp>đầu|cuối)\s+năm(?:\s*(?P<hy>\d{4}))?"
    r"|(?:9|chín)\s+tháng(?:\s+đầu)?\s+năm(?:\s*(?P<ny>\d{4}))?"
    r"|năm\s+(?P<y4>\d{4})(?![\d/-])"
)
# The deadline word read once for all that may follow it: where the words are prefixes of one another ("trước",
# "trước hết"), what the longer adds ("hết", "chót", "là", "trước") opens none of the followers, so one word at most
# can be followed at a place, and the same match is found as when each follower was tried after every word; a bare
# "đến" (tried after the words, as before) is followed by a date only.
DEADLINE_RE = re.compile(
    rf"(?i)(?=[tcdhxđpv(])(?:{_RANGE_END}|{_BRACKET_RANGE}"
    rf"|(?:{_LEAD}|(?P<bare>đến))\s+(?:{_DAY}(?!\d)|(?(bare)(?!)|(?:{_AFTER_LEAD}))))"
)
# Tried only where a word a deadline opens with stands (case aside).
_DEADLINE = Anchored(
    DEADLINE_RE, ("từ", "(", "trong", "trước", "chậm", "hạn", "xong", "hoàn", "đến", "phấn", "vào"), caseless=True
)
_DIGIT = re.compile(r"\d")


def find_deadline(match_text: str, default_year: int | None, start: int = 0, end: int | None = None) -> str | None:
    """The first deadline in a directive piece (``match_text[start:end]``: DEADLINE_RE reads nothing before a
    match, so the piece is read in place, as a copy of it would be), ISO or "YYYY-MM" or "YYYY"."""
    end = len(match_text) if end is None else end
    # What r"\d|quý" finds, as a substring test and a digit scan the engine runs fast.
    if match_text.find("quý", start, end) < 0 and not _DIGIT.search(match_text, start, end):
        return None
    for m in _DEADLINE.finditer(match_text, start, end):
        value = _value(m, default_year)
        if value:
            return value
    return None


def _year(raw: str | None, default_year: int | None) -> int | None:
    return int(raw) if raw else default_year


def _value(m: re.Match[str], default_year: int | None) -> str | None:
    g = m.groupdict()
    if g["bd"]:
        return _date(int(g["bd"]), int(g["bm"]), _year(g["by"], default_year))
    if g["rd"]:
        return _date(int(g["rd"]), int(g["rm"]), _year(g["ry"], default_year))
    if g["d"]:
        return _date(int(g["d"]), int(g["m"]), _year(g["y"], default_year))
    if g["mm"]:
        year = _year(g["my"], default_year)
        return f"{year:04d}-{int(g['mm']):02d}" if year else None
    if g["q"]:
        year = _year(g["qy"], default_year)
        q = quarter_number(g["q"])
        return f"{year:04d}-{q * 3:02d}" if year else None
    if g["h"]:
        year = _year(g["hy"], default_year)
        return f"{year:04d}-{6 if g['hp'].lower() == 'đầu' else 12:02d}" if year else None
    if "tháng" in m.group(0):
        year = _year(g["ny"], default_year)
        return f"{year:04d}-09" if year else None
    if g["y4"]:
        return g["y4"]
    return None


def _date(day: int, month: int, year: int | None) -> str | None:
    if not year or not is_valid(year, month, day):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"
