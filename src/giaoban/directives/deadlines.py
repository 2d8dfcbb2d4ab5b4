"""Deadlines as conclusions write them, without Django.

A conclusion says "trong quý II/2022", "trước ngày 30/9/2023", "trong tháng
8/2018" or "năm 2020".  We keep two things: the last day the phrase allows
(so "quý II/2022" is due on 30/6/2022 and is not overdue on any day of the
quarter) and the precision, so it can be written back the same way.
"""

import datetime
import re

from giaoban.core.text import fold
from giaoban.periods import logic
from giaoban.periods.logic import ROMAN, PeriodKey

NONE, DAY, MONTH, QUARTER, HALF, YEAR = "none", "day", "month", "quarter", "half", "year"
PRECISIONS = (NONE, DAY, MONTH, QUARTER, HALF, YEAR)
FROM_ROMAN = {roman.lower(): number for roman, number in logic.FROM_ROMAN.items()}


class DeadlineError(ValueError):
    """A phrase that does not name a deadline the way offices write them."""


def last_day(precision: str, year: int, number: int = 0, day: int = 1) -> datetime.date:
    """The last day a deadline allows: number is the month, quarter or half (day: month + day).

    Month, quarter, half and year end where the reporting period of that name ends."""
    if precision == DAY:
        return datetime.date(year, number, day)
    if precision not in (MONTH, QUARTER, HALF, YEAR):
        raise ValueError(precision)
    return PeriodKey(precision, year, 0 if precision == YEAR else number).end


def normalise(deadline: datetime.date | None, precision: str) -> datetime.date | None:
    """Move a date to the last day of its month/quarter/half/year, so any day in it may be given."""
    if deadline is None or precision == NONE:
        return None
    if precision == DAY:
        return deadline
    number = {MONTH: deadline.month, QUARTER: (deadline.month - 1) // 3 + 1,
              HALF: 1 if deadline.month <= 6 else 2, YEAR: 0}[precision]
    return last_day(precision, deadline.year, number)


def label(deadline: datetime.date | None, precision: str) -> str:
    """The Vietnamese phrase: "trong quý II/2022", "trước ngày 30/9/2023", "trong tháng 8/2018", "năm 2020"."""
    if deadline is None or precision == NONE:
        return ""
    if precision == DAY:
        return f"trước ngày {deadline.day}/{deadline.month}/{deadline.year}"
    if precision == MONTH:
        return f"trong tháng {deadline.month}/{deadline.year}"
    if precision == QUARTER:
        return f"trong quý {ROMAN[(deadline.month - 1) // 3 + 1]}/{deadline.year}"
    if precision == HALF:
        return f"trong 6 tháng {'đầu' if deadline.month <= 6 else 'cuối'} năm {deadline.year}"
    return f"năm {deadline.year}"


def is_overdue(deadline: datetime.date | None, today: datetime.date) -> bool:
    """Past the last day the deadline allows (whether the work is open is the caller's question)."""
    return deadline is not None and deadline < today


def is_due_within(deadline: datetime.date | None, today: datetime.date, days: int) -> bool:
    """Not yet overdue, and the last allowed day falls within `days` days from today."""
    return deadline is not None and today <= deadline <= today + datetime.timedelta(days=days)


_SEP = r"\s*[/\-.]\s*"
_YEAR = r"(\d{4})"
_PATTERNS: list[tuple[re.Pattern, str]] = [
    # ISO forms, as the extractor writes them: 2023-09-30, 2018-08, 2020.
    (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"), "iso_day"),
    (re.compile(r"^(\d{4})-(\d{1,2})$"), "iso_month"),
    (re.compile(r"^(\d{4})$"), "iso_year"),
    (re.compile(rf"(?:ngay\s*)?(\d{{1,2}}){_SEP}(\d{{1,2}}){_SEP}{_YEAR}"), "day"),
    (re.compile(rf"ngay\s*(\d{{1,2}})\s*thang\s*(\d{{1,2}})\s*nam\s*{_YEAR}"), "day"),
    (re.compile(rf"quy\s*(iv|iii|ii|i|[1-4])\s*(?:[/\-.]|nam)\s*{_YEAR}"), "quarter"),
    (re.compile(rf"(?:6|sau)\s*thang\s*(dau|cuoi)\s*nam\s*{_YEAR}"), "half"),
    (re.compile(rf"thang\s*(\d{{1,2}})\s*(?:[/\-.]|nam)\s*{_YEAR}"), "month"),
    (re.compile(rf"(?:^|\bnam\s*){_YEAR}\b"), "year"),
]
EXAMPLES = "“trong quý II/2022”, “trước ngày 30/9/2023”, “trong tháng 8/2018”, “năm 2020”"
# The same periods said without a year ("trong quý II", "tháng 8", "trước ngày 30/9"): a conclusion means
# the first such period that has not ended by the meeting day.
_YEARLESS: list[tuple[re.Pattern, str]] = [
    (re.compile(r"ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})\b"), "day"),
    (re.compile(r"(?:ngay\s*)?\b(\d{1,2})\s*[/\-.]\s*(\d{1,2})\b"), "day"),
    (re.compile(r"quy\s*(iv|iii|ii|i|[1-4])\b"), "quarter"),
    (re.compile(r"(?:6|sau)\s*thang\s*(dau|cuoi)\b"), "half"),
    (re.compile(r"thang\s*(\d{1,2})\b"), "month"),
]


def _from_match(kind: str, groups: tuple[str, ...]) -> tuple[datetime.date, str]:
    if kind == "iso_day":
        return datetime.date(int(groups[0]), int(groups[1]), int(groups[2])), DAY
    if kind == "iso_month":
        return last_day(MONTH, int(groups[0]), int(groups[1])), MONTH
    if kind in ("iso_year", "year"):
        return last_day(YEAR, int(groups[0])), YEAR
    if kind == "day":
        return datetime.date(int(groups[2]), int(groups[1]), int(groups[0])), DAY
    if kind == "quarter":
        number = FROM_ROMAN.get(groups[0]) or int(groups[0])
        return last_day(QUARTER, int(groups[1]), number), QUARTER
    if kind == "half":
        return last_day(HALF, int(groups[1]), 1 if groups[0] == "dau" else 2), HALF
    return last_day(MONTH, int(groups[1]), int(groups[0])), MONTH


def _without_year(text: str, after: datetime.date) -> tuple[datetime.date, str] | None:
    """A yearless period read as the first one whose last day is not before `after` (the meeting day)."""
    for pattern, kind in _YEARLESS:
        match = pattern.search(text)
        if not match:
            continue
        for year in (after.year, after.year + 1):
            groups = (*match.groups(), str(year))
            if kind == "day":
                groups = (match.group(1), match.group(2), str(year))
            day, precision = _from_match(kind, groups)
            if day >= after:
                return day, precision
    return None


def parse(phrase: str | None, after: datetime.date | None = None) -> tuple[datetime.date | None, str]:
    """(last allowed day, precision) from a Vietnamese phrase; (None, "none") when empty.

    A phrase without a year ("trong quý II", "tháng 8") needs `after`, the meeting day: it is then the
    first such period that has not ended by that day.  Raises DeadlineError with a Vietnamese message
    when the phrase names no deadline.
    """
    text = fold(phrase).strip(" .;,")
    if not text or text in {"khong", "khong thoi han", "khong co", "-", "—"}:
        return None, NONE
    for pattern, kind in _PATTERNS:
        match = pattern.search(text)
        if not match:
            continue
        try:
            day, precision = _from_match(kind, match.groups())
        except ValueError as error:
            raise DeadlineError(f"Thời hạn “{phrase}” có ngày, tháng hoặc quý không hợp lệ.") from error
        if not 1900 <= day.year <= 2200:
            raise DeadlineError(f"Năm trong thời hạn “{phrase}” không hợp lệ.")
        return day, precision
    if after is not None:
        try:
            found = _without_year(text, after)
        except ValueError as error:
            raise DeadlineError(f"Thời hạn “{phrase}” có ngày, tháng hoặc quý không hợp lệ.") from error
        if found is not None:
            return found
    raise DeadlineError(f"Không hiểu thời hạn “{phrase}”. Ví dụ: {EXAMPLES}.")


_IN_TEXT = re.compile(
    r"(?:truoc|trong|den het|cham nhat|hoan thanh)\s+(?:ngay\s*\d{1,2}\s*[/\-.]\s*\d{1,2}\s*[/\-.]\s*\d{4}"
    r"|quy\s*(?:iv|iii|ii|i|[1-4])\s*(?:[/\-.]|nam)\s*\d{4}|(?:6|sau)\s*thang\s*(?:dau|cuoi)\s*nam\s*\d{4}"
    r"|thang\s*\d{1,2}\s*(?:[/\-.]|nam)\s*\d{4}|nam\s*\d{4})"
)


_IN_TEXT_YEARLESS = re.compile(
    r"(?:truoc|trong|den het|cham nhat|hoan thanh)\s+(?:ngay\s*\d{1,2}\s*[/\-.]\s*\d{1,2}\b"
    r"|quy\s*(?:iv|iii|ii|i|[1-4])\b|(?:6|sau)\s*thang\s*(?:dau|cuoi)\b|thang\s*\d{1,2}\b)"
)


def find_in_text(text: str, after: datetime.date | None = None) -> tuple[datetime.date | None, str]:
    """The last deadline phrase inside a directive's text ("… trong quý III năm 2020"), if any.

    With `after` (the meeting day), a phrase without a year ("… trong quý III") counts too.
    """
    folded = fold(text)
    matches = list(_IN_TEXT.finditer(folded)) or (list(_IN_TEXT_YEARLESS.finditer(folded)) if after else [])
    if not matches:
        return None, NONE
    try:
        return parse(matches[-1].group(0), after)
    except DeadlineError:
        return None, NONE
