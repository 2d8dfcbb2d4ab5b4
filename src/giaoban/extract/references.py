"""Documents cited by number: "Kế hoạch số 71-KH/TU ngày 11/11/2021", "Quyết định số 123/QĐ-UBND"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .chars import LET, LO, UP
from .dates import YEAR_DIGITS, is_valid

DOC_TYPES = [
    "Nghị quyết liên tịch",
    "Chương trình phối hợp",
    "Kế hoạch liên tịch",
    "Thông tri",
    "Kế hoạch",
    "Đề án",
    "Nghị quyết",
    "Chỉ thị",
    "Quyết định",
    "Thông báo kết luận",
    "Thông báo",
    "Hướng dẫn",
    "Công văn",
    "Báo cáo",
    "Kết luận",
    "Chương trình",
    "Quy chế",
    "Quy định",
    "Thông tư",
    "Nghị định",
    "Tờ trình",
    "Giấy mời",
    "Văn bản",
    "Luật",
]
_ABBREV_TYPE = {
    "KH": "Kế hoạch",
    "ĐA": "Đề án",
    "NQ": "Nghị quyết",
    "CT": "Chỉ thị",
    "QĐ": "Quyết định",
    "TB": "Thông báo",
    "HD": "Hướng dẫn",
    "BC": "Báo cáo",
    "KL": "Kết luận",
    "CTr": "Chương trình",
    "QC": "Quy chế",
    "QĐi": "Quy định",
    "TT": "Thông tư",
    "NĐ": "Nghị định",
    "TTr": "Tờ trình",
    "GM": "Giấy mời",
    "CV": "Công văn",
    "NQLT": "Nghị quyết liên tịch",
    "CTrPH": "Chương trình phối hợp",
}
_SEG = rf"{UP}[{UP[1:-1]}{LO[1:-1]}0-9]*"
# "(?<![\w/-]\d)" after the first digit is "(?<![\w/-])" before it: opening with a digit lets the engine skip the
# other characters by a fast scan.
CODE_RE = re.compile(
    rf"(?P<code>\d(?<![\w/-]\d)\d{{0,4}}[a-z]?(?:/(?:19|20)\d\d)?(?:\s?[-/]\s?{_SEG})+)(?!{LET})"
)
_WORD_SEGMENT = re.compile(rf"[-/]\s?{UP}[^-/\s]*{LO}{LO}")
_TYPE_BEFORE = re.compile(
    r"(?P<type>" + "|".join(sorted(map(re.escape, DOC_TYPES), key=len, reverse=True)) + r")\s*(?:số\s*|số:\s*)?$",
    re.IGNORECASE,
)
_DATE_AFTER = re.compile(
    r"\s*,?\s*(?:ban hành\s+)?ngày\s+(?P<d>\d{1,2})\s*(?:[/.-]|\s+tháng\s+)\s*(?P<m>\d{1,2})"
    r"\s*(?:[/.-]|\s+năm\s+)\s*(?P<y>\d{4})"
)


# "Quyết định 217 ngày 12-12-2013", "Nghị quyết số 1656 của …": a bare number counts when a document
# type stands before it and its date or issuer after it (so "Kế hoạch 2 năm" is no citation). The
# types are found with plain string search, then the number is matched right after each one.
# "Chỉ thị 24, 25 của Thành ủy": a list of numbers after one type cites each.
_BARE_AFTER_TYPE = re.compile(
    r"\s+(?:số\s*:?\s*)?(?P<code>\d{1,5})(?![\d/.,-]\d|[-/]\w)"
    r"(?P<more>(?:\s*(?:,|và)\s*\d{1,5}(?![\d/.,-]\d|[-/]\w))*)(?=\s*,?\s*(?:ngày|của|năm \d{4})\s)"
)


# Where a type's name starts (its first letter, then the names by a look-ahead from that letter: the engine finds the
# places to try by a fast scan of those capitals), and the types that open with each letter, each with its place in
# DOC_TYPES.
_TYPE_AT = re.compile(
    "[" + "".join(sorted({t[0] for t in DOC_TYPES})) + "](?<=(?=(?:" + "|".join(map(re.escape, DOC_TYPES)) + ")).)"
)
_TYPES_BY_FIRST: dict[str, list[tuple[int, str]]] = {}
for _index, _doc_type in enumerate(DOC_TYPES):
    _TYPES_BY_FIRST.setdefault(_doc_type[0], []).append((_index, _doc_type))


def _bare_references(match_text: str) -> list[tuple[int, int, re.Match[str]]]:
    """(type start, type end, number match) of every bare-number citation, in the order of their numbers (the
    order of DOC_TYPES among citations of one number)."""
    found = []
    for at in _TYPE_AT.finditer(match_text):
        pos = at.start()
        for index, doc_type in _TYPES_BY_FIRST[match_text[pos]]:
            if not match_text.startswith(doc_type, pos):
                continue
            end = pos + len(doc_type)
            m = _BARE_AFTER_TYPE.match(match_text, end)
            if m and (pos == 0 or not match_text[pos - 1].isalpha()):
                found.append((m.start("code"), index, pos, end, m))
    found.sort(key=lambda f: f[:2])
    return [(pos, end, m) for _, _, pos, end, m in found]


# "Số 412-TB/HU" opening a line is the document's own number in its header, not a citation.
_OWN_NUMBER = re.compile(r"(?:^|\n)[ \t]*Số\s*:?\s*$")


@dataclass
class Reference:
    code: str
    type: str | None
    date: str | None
    start: int
    end: int


# A code's segment that opens with a capital ("-KH", "/ UBND"); a code's abbreviation; "số" right before a number;
# a number.
_CAPITAL_SEGMENT = re.compile(rf"[-/]\s?{UP}")
_ABBREV_SEGMENT = re.compile(rf"[-/]({_SEG})")
_NUMBER_WORD_BEFORE = re.compile(r"(?i)số\s*:?\s*$")
_NUMBER = re.compile(r"\d+")


def find_references(text: str, match_text: str) -> list[Reference]:
    out: list[Reference] = []
    seen: set[str] = set()
    for m in CODE_RE.finditer(match_text):
        code = text[m.start("code") : m.end("code")]
        if not _CAPITAL_SEGMENT.search(match_text, m.start(), m.end()):
            continue
        if _WORD_SEGMENT.search(match_text, m.start("code"), m.end("code")):
            # "Phòng họp số 2 - Quận ủy": a word after a number, not a code's abbreviation ("CTr", "QĐi").
            continue
        before = match_text[max(0, m.start() - 40) : m.start()]
        if _OWN_NUMBER.search(before):
            continue
        tm = _TYPE_BEFORE.search(before)
        if tm:
            doc_type = text[m.start() - len(before) + tm.start("type") : m.start() - len(before) + tm.end("type")]
        else:
            abbrev = _ABBREV_SEGMENT.search(code)
            doc_type = _ABBREV_TYPE.get(abbrev.group(1)) if abbrev else None
            if doc_type is None and not _NUMBER_WORD_BEFORE.search(before):
                # No type before the code, none its abbreviation names, and no "số" before it: not a reference.
                continue
        date = None
        dm = _DATE_AFTER.match(match_text, m.end(), min(len(match_text), m.end() + 40))
        end = m.end()
        if dm:
            d, mo, y = int(dm.group("d")), int(dm.group("m")), int(dm.group("y"))
            if is_valid(y, mo, d):
                date = f"{y:04d}-{mo:02d}-{d:02d}"
                end = dm.end()
        key = code.replace(" ", "")
        if key in seen:
            continue
        seen.add(key)
        out.append(Reference(code, doc_type, date, m.start(), end))
    for type_start, type_end, m in _bare_references(match_text):
        for more in _NUMBER.finditer(m.group("more")):
            number = more.group(0)
            if number not in seen and not YEAR_DIGITS.fullmatch(number):
                seen.add(number)
                at = m.start("more") + more.start()
                out.append(Reference(number, text[type_start:type_end], None, at, at + len(number)))
        code = m.group("code")
        if code in seen or YEAR_DIGITS.fullmatch(code):
            continue
        seen.add(code)
        dm = _DATE_AFTER.match(match_text, m.end(), min(len(match_text), m.end() + 40))
        date = None
        if dm:
            d, mo, y = int(dm.group("d")), int(dm.group("m")), int(dm.group("y"))
            date = f"{y:04d}-{mo:02d}-{d:02d}" if is_valid(y, mo, d) else None
        end = dm.end() if dm else m.end()
        out.append(Reference(code, text[type_start:type_end], date, m.start("code"), end))
    out.sort(key=lambda r: r.start)
    return out
