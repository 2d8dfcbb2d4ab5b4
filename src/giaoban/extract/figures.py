"""Reported quantities: "9.365 suất quà", "trên4 tỷ đồng", "90 – 95%", "02 xã".

Dates, years, ages, durations, document numbers, ordinals and criteria numbers are skipped.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .chars import LET, LO, caseless_alternation
from .dates import YEAR_DIGITS

_NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_APPROX = r"(?:trên|hơn|gần|khoảng|trên tổng số)"
# "(?i:{_APPROX})\s*$" spelled out by first letter (``caseless_alternation``: the same matches by a fast scan).
_PRE_RE = re.compile(caseless_alternation([w + r"\s*$" for w in ("trên", "hơn", "gần", "khoảng", "trên tổng số")]))
# _NUM after its first digit ("\d{1,3}" is that digit and "\d{0,2}", "\d+" that digit and "\d*").
_NUM_REST = r"\d{0,2}(?:\.\d{3})+(?:,\d+)?|\d*(?:,\d+)?"
# The number's first digit is consumed before the rest (the engine finds the places to try by a fast scan of digits),
# and what stands before it is checked behind it ("(?<=[a-z…]\d)" is "(?<=[a-z…])" one character on): the same
# matches; the group "num" holds the rest of the number, which starts where the match does.
FIGURE_RE = re.compile(
    rf"\d(?:(?<=[{LO[1:-1]}]\d)|(?<![\w./:+\-–,]\d))(?P<num>{_NUM_REST})(?![\d.,]\d)"
    # "44/45 xã": a share of a total; the value is the first number, the unit follows the total.
    rf"(?:/(?P<of>\d{{1,3}}(?:\.\d{{3}})*)(?![\d.,/]\d))?"
    rf"(?:\s*[-–]\s*(?P<num2>{_NUM}))?"
    rf"(?:\s*(?P<mult>(?i:tỷ|tỉ|triệu|nghìn|ngàn|trăm nghìn|vạn))(?!{LO}))?"
    rf"(?P<sp>[^\S\n]*)(?P<pct>%)?"
)
_MULT = {"tỷ": 1e9, "tỉ": 1e9, "triệu": 1e6, "nghìn": 1e3, "ngàn": 1e3, "trăm nghìn": 1e5, "vạn": 1e4}
# "996 triệu," with nothing counted after it is money.
_MONEY_MULT = frozenset(["tỷ", "tỉ", "triệu"])
_CURRENCY = re.compile(r"(?:đồng|VNĐ|VND|đ)(?![\w])")
_WORD = re.compile(rf"{LET}+(?:[23](?![\w]))?")
# Words that end the counted noun phrase.
_STOP = frozenset(
    [
        "cho",
        "của",
        "với",
        "trên",
        "tại",
        "trong",
        "và",
        "được",
        "đã",
        "nhằm",
        "để",
        "từ",
        "đến",
        "là",
        "gồm",
        "thuộc",
        "về",
        "ở",
        "có",
        "do",
        "theo",
        "vào",
        "bằng",
        "hoặc",
        "hay",
        "nhưng",
        "mà",
        "thì",
        "khi",
        "với",
        "nên",
        "vì",
        "tới",
        "qua",
        "sau",
        "trước",
        "ra",
        "lên",
        "xuống",
        "đi",
        "đạt",
        "tham",
        "góp",
        "cùng",
        "như",
        "này",
        "đó",
        "kia",
        "ấy",
    ]
)
# Units that make the number a duration, age, time or ordinal, not a reported quantity.
_NOT_UNITS = frozenset(["năm", "tháng", "ngày", "giờ", "phút", "giây", "tuần", "tuổi", "quý", "kỳ", "h"])
# Measures written glued to their number ("36.155m2", "6,34km2", "450m") count like any other.
_GLUED_MEASURE = re.compile(r"(?:km2|m2|km²|m²|km|m|ha|kg)(?![\w])")
# A number before an adjective names a movement or a slogan ("5 không 3 sạch", "Phụ nữ 2 giỏi", "3 xanh"):
# nothing is counted.
_SLOGAN_WORDS = frozenset(["không", "sạch", "xanh", "đẹp", "giỏi", "tốt", "an", "nhất"])
# "(?i)(?:\b(?:(?<!tổng )số|thứ|…)\s*$|tiêu chí(…)+$)" grouped by first letter, spelled out in every case
# (``caseless_alternation``; "\b" before a letter is the word-start look behind, and "(?<!tổng )" is made after the "s",
# one character on): the same matches by a fast scan.  Each of these words matches at most as many characters as its
# pattern is long, and only white space may follow it: a match starts within that many characters of the window's
# last other character.
_BLOCKING_WORDS = [
    "s(?<!tổng .)ố", "thứ", "khóa", "khoá", "tháng", "quý", "năm", "ngày", "kỳ", "điều", "khoản", "điểm", "mục", "đoạn",
    "lúc", "hồi", "lần thứ", "tiêu chí", "chỉ tiêu số", "phòng", "tầng", "km", "quốc lộ", "tỉnh lộ", "đường", "nhóm",
    "tổ", "khu", "thôn", "ấp", "bản", "phường", "xóm", "đợt", "giai đoạn", "covid", "chính quyền(?: địa phương)?",
]
_BLOCKING_REACH = max(map(len, _BLOCKING_WORDS))
_BLOCKING_AT_END = re.compile(caseless_alternation([w + r"\s*$" for w in _BLOCKING_WORDS], word_start=True))
# The two of any length, searched in the whole window.
_BLOCKING_SPREAD = re.compile(
    caseless_alternation([r"covid\s*-\s*$"], word_start=True)
    + "|"
    + caseless_alternation([r"tiêu chí(?:\s*(?:số\s*)?\d+\s*(?:,|và)\s*)+$"])
)


def _blocked_before(window: str) -> bool:
    """Whether ``window`` (the text before a number) ends with a word that makes the number no figure."""
    reach = max(0, len(window.rstrip()) - _BLOCKING_REACH)
    return bool(_BLOCKING_AT_END.search(window, reach) or _BLOCKING_SPREAD.search(window))


MAX_UNIT_WORDS = 5


@dataclass
class Figure:
    value: float
    unit: str
    text: str
    start: int
    end: int

    def as_dict(self) -> dict:
        value: float | int = int(self.value) if float(self.value).is_integer() else self.value
        return {"value": value, "unit": self.unit, "text": self.text}


def parse_number(raw: str) -> float:
    """Vietnamese number: "." groups thousands, "," is the decimal mark."""
    return float(raw.replace(".", "").replace(",", "."))


def _unit(text: str, pos: int, limit: int) -> tuple[str, int] | None:
    """The counted noun phrase starting at ``pos``: up to MAX_UNIT_WORDS words, stopping at
    punctuation and function words."""
    words: list[tuple[int, int]] = []
    i = pos
    while len(words) < MAX_UNIT_WORDS and i < limit:
        m = _WORD.match(text, i)
        if not m:
            break
        word = m.group(0)
        if word.lower() in _STOP and words:
            break
        if word.lower() in _STOP:
            return None
        words.append((m.start(), m.end()))
        i = m.end()
        if i < limit and text[i] == " " and i + 1 < limit and text[i + 1].isalpha():
            i += 1
        else:
            break
    if not words:
        return None
    return text[words[0][0] : words[-1][1]], words[-1][1]


def _inside_quotes(text: str, pos: int) -> bool:
    """Whether ``pos`` lies inside a quotation opened earlier on the same line."""
    line_start = text.rfind("\n", 0, pos) + 1
    before = text[line_start:pos]
    if '"' not in before and "“" not in before:
        return False
    return before.count('"') % 2 == 1 or before.rfind("“") > before.rfind("”")


class _Spans:
    """Positions covered by any of some (start, end) spans, looked up by bisection in their union."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for a, b in sorted(spans):
            if a >= b:
                continue
            if self.ends and a <= self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], b)
            else:
                self.starts.append(a)
                self.ends.append(b)

    def __contains__(self, pos: int) -> bool:
        i = bisect.bisect_right(self.starts, pos) - 1
        return i >= 0 and pos < self.ends[i]


def find_figures(text: str, match_text: str, skip: list[tuple[int, int]] | None = None) -> list[Figure]:
    """Quantities in ``text``; ``skip`` holds spans (dates, periods, references) to ignore."""
    skipped = _Spans(skip or [])
    out: list[Figure] = []
    for m in FIGURE_RE.finditer(match_text):
        num_start = m.start()
        if num_start in skipped:
            continue
        pre = _PRE_RE.search(match_text, max(0, num_start - 14), num_start)
        if not pre and num_start > 0 and match_text[num_start - 1].isalpha():
            continue
        if _blocked_before(match_text[max(0, num_start - 40) : num_start]):
            continue
        raw = match_text[num_start : m.end("num")]
        if YEAR_DIGITS.fullmatch(raw) and not m.group("pct"):
            continue
        if _inside_quotes(match_text, num_start):
            # A number inside a quoted name ("Chi hội 5 không, 3 sạch") names, it does not count.
            continue
        value = parse_number(raw)
        large = "." in raw and "." in (m.group("of") or "")
        if m.group("of") and (parse_number(m.group("of")) < value and not large or m.group("num2") or m.group("pct")):
            # "15/5", "3/2 - 5": a day and month or a code, not a share of a total; "62.515.000/53.781.000
            # đồng" is an amount beside its target.
            continue
        mult = (m.group("mult") or "").lower()
        if m.group("pct"):
            unit, end = "%", m.end("pct")
        else:
            after = m.end()
            if mult and not m.group("sp") and after < len(text) and text[after].isalpha():
                continue
            if (
                not m.group("sp")
                and after < len(text)
                and text[after].isalpha()
                and not _CURRENCY.match(text, after)
                and not _GLUED_MEASURE.match(text, after)
            ):
                # A number glued to a letter is a name or code ("5K", "4G", "446f11e6"), not a quantity;
                # "113.790.000đ" is money.
                continue
            found = _unit(text, after, min(len(text), after + 80))
            if not found and mult in _MONEY_MULT:
                value *= _MULT[mult]
                start = pre.start() if pre else num_start
                out.append(Figure(value, "đồng", text[start : m.end("mult")], start, m.end("mult")))
                continue
            if not found:
                continue
            unit, end = found
            words = unit.lower().split()
            first = words[0]
            if first in _SLOGAN_WORDS:
                continue
            if first in _NOT_UNITS and not (len(words) > 1 and words[1] == "công"):
                # "2.340 ngày công" counts labour (man-days); "3 ngày" is a duration.
                continue
            if first == "lần" and match_text[end : end + 5].lower().startswith(" thứ"):
                continue
            cur = _CURRENCY.match(unit)
            if cur:
                unit, end = text[after : after + cur.end()], after + cur.end()
        if mult:
            value *= _MULT.get(mult, 1)
        start = pre.start() if pre else num_start
        out.append(Figure(value, unit, text[start:end], start, end))
    return out
