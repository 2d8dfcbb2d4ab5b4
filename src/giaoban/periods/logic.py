"""Reporting periods as offices write them, without Django.

A period is (type, year, number): month 1–12, quarter 1–4, half 1–2,
nine months and year with number 0, and a term with number = its last year
("Nhiệm kỳ 2024–2029" is ("term", 2024, 2029)).
"""

import calendar
import datetime
import re
from dataclasses import dataclass

from giaoban.core.text import fold

MONTH, QUARTER, HALF, NINE_MONTHS, YEAR, TERM = "month", "quarter", "half", "nine_months", "year", "term"
TYPES = (MONTH, QUARTER, HALF, NINE_MONTHS, YEAR, TERM)
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
FROM_ROMAN = {v: k for k, v in ROMAN.items()}
DEFAULT_TERM_YEARS = 5


class PeriodLabelError(ValueError):
    """A label that does not name a period the way offices write them."""


@dataclass(frozen=True, order=True)
class PeriodKey:
    type: str
    year: int
    number: int = 0

    def __post_init__(self) -> None:
        limits = {MONTH: (1, 12), QUARTER: (1, 4), HALF: (1, 2), NINE_MONTHS: (0, 0), YEAR: (0, 0)}
        if self.type not in TYPES:
            raise ValueError(f"unknown period type {self.type!r}")
        if not 1900 <= self.year <= 2200:
            raise ValueError(f"year out of range: {self.year}")
        if self.type == TERM:
            if not self.year < self.number <= self.year + 10:
                raise ValueError(f"bad term {self.year}-{self.number}")
        else:
            low, high = limits[self.type]
            if not low <= self.number <= high:
                raise ValueError(f"bad number {self.number} for {self.type}")

    @property
    def start(self) -> datetime.date:
        first_month = {MONTH: self.number, QUARTER: 3 * self.number - 2, HALF: 6 * self.number - 5}
        return datetime.date(self.year, first_month.get(self.type, 1), 1)

    @property
    def end(self) -> datetime.date:
        if self.type == TERM:
            return datetime.date(self.number, 12, 31)
        last_month = {MONTH: self.number, QUARTER: 3 * self.number, HALF: 6 * self.number,
                      NINE_MONTHS: 9, YEAR: 12}[self.type]
        return datetime.date(self.year, last_month, calendar.monthrange(self.year, last_month)[1])

    @property
    def label(self) -> str:
        if self.type == MONTH:
            return f"Tháng {self.number}/{self.year}"
        if self.type == QUARTER:
            return f"Quý {ROMAN[self.number]}/{self.year}"
        if self.type == HALF:
            return f"6 tháng {'đầu' if self.number == 1 else 'cuối'} năm {self.year}"
        if self.type == NINE_MONTHS:
            return f"9 tháng năm {self.year}"
        if self.type == YEAR:
            return f"Năm {self.year}"
        return f"Nhiệm kỳ {self.year}–{self.number}"

    def contains(self, other: "PeriodKey") -> bool:
        return self.start <= other.start and other.end <= self.end

    def next(self) -> "PeriodKey":
        return self._shift(1)

    def previous(self) -> "PeriodKey":
        return self._shift(-1)

    def _shift(self, step: int) -> "PeriodKey":
        if self.type == TERM:
            length = self.number - self.year
            return PeriodKey(TERM, self.year + step * length, self.number + step * length)
        per_year = {MONTH: 12, QUARTER: 4, HALF: 2}.get(self.type)
        if per_year is None:
            return PeriodKey(self.type, self.year + step, self.number)
        index = self.year * per_year + (self.number - 1) + step
        return PeriodKey(self.type, index // per_year, index % per_year + 1)

    def parts(self, part_type: str) -> list["PeriodKey"]:
        """The periods of `part_type` that make up this one (Quý I → T1, T2, T3)."""
        per_year = {MONTH: 12, QUARTER: 4, HALF: 2}[part_type]
        candidates = [PeriodKey(part_type, y, n) for y in range(self.start.year, self.end.year + 1)
                      for n in range(1, per_year + 1)]
        return [p for p in candidates if self.contains(p)]


_SPACE = r"\s*"
_PATTERNS = [
    (re.compile(rf"^thang{_SPACE}(\d{{1,2}}){_SPACE}[/\-.]{_SPACE}(\d{{4}})$"), MONTH),
    (re.compile(rf"^thang{_SPACE}(\d{{1,2}}){_SPACE}nam{_SPACE}(\d{{4}})$"), MONTH),
    (re.compile(rf"^quy{_SPACE}(iv|iii|ii|i|[1-4]){_SPACE}(?:[/\-.]|nam){_SPACE}(\d{{4}})$"), QUARTER),
    (re.compile(rf"^(?:6|sau){_SPACE}thang{_SPACE}(dau|cuoi){_SPACE}nam{_SPACE}(\d{{4}})$"), HALF),
    (re.compile(rf"^(?:9|chin){_SPACE}thang(?:{_SPACE}dau)?{_SPACE}nam{_SPACE}(\d{{4}})$"), NINE_MONTHS),
    (re.compile(rf"^nam{_SPACE}(\d{{4}})$"), YEAR),
    (re.compile(rf"^nhiem{_SPACE}ky{_SPACE}(\d{{4}}){_SPACE}[\-–—]{_SPACE}(\d{{4}})$"), TERM),
]


def parse_label(label: str) -> PeriodKey:
    """Read a label such as "Quý I/2022" or "6 tháng đầu năm 2022" back into a period."""
    text = fold(label).replace("–", "-").replace("—", "-").strip(" .")
    for pattern, kind in _PATTERNS:
        match = pattern.match(text)
        if not match:
            continue
        try:
            return _from_match(kind, match.groups())
        except ValueError:
            break
    raise PeriodLabelError(f"Không hiểu kỳ báo cáo “{label}”. Ví dụ: “Tháng 6/2018”, “Quý I/2022”, "
                           f"“6 tháng đầu năm 2022”, “9 tháng năm 2022”, “Năm 2022”, “Nhiệm kỳ 2024–2029”.")


def _from_match(kind: str, groups: tuple[str, ...]) -> PeriodKey:
    if kind == MONTH:
        return PeriodKey(MONTH, int(groups[1]), int(groups[0]))
    if kind == QUARTER:
        number = groups[0].upper()
        return PeriodKey(QUARTER, int(groups[1]), FROM_ROMAN.get(number) or int(number))
    if kind == HALF:
        return PeriodKey(HALF, int(groups[1]), 1 if groups[0] == "dau" else 2)
    if kind == TERM:
        return PeriodKey(TERM, int(groups[0]), int(groups[1]))
    return PeriodKey(kind, int(groups[0]), 0)
