"""Officials named with a title: "đồng chí X, Phó Bí thư ...", "Ông X - Chủ trì Hội nghị",
"Đồng chí X – Tỉnh ủy viên, Bí thư Thị ủy", "Chủ tịch UBMTTQ thị xã X".

Names are capitalised syllables; titles are runs of capitalised words, acronyms and a closed set of
lower-case title words, so the title stops at the first ordinary word ("đã", "có", "phát biểu").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .chars import LET, LO, UP, letter_branches

SURNAMES = frozenset(
    [
        "Nguyễn",
        "Trần",
        "Lê",
        "Phạm",
        "Hoàng",
        "Huỳnh",
        "Phan",
        "Vũ",
        "Võ",
        "Đặng",
        "Bùi",
        "Đỗ",
        "Hồ",
        "Ngô",
        "Dương",
        "Lý",
        "Đinh",
        "Đào",
        "Lâm",
        "Mai",
        "Trương",
        "Tô",
        "Hà",
        "Đoàn",
        "Tạ",
        "Lương",
        "Cao",
        "Chu",
        "Trịnh",
        "Lưu",
        "Quách",
        "Thái",
        "Vương",
        "Kiều",
        "Hứa",
        "Triệu",
        "Thân",
        "La",
        "Lại",
        "Nông",
        "Lò",
        "Lục",
        "Tăng",
        "Âu",
        "Diệp",
        "Khúc",
        "Mạc",
        "Ông",
        "Phùng",
        "Tôn",
        "Từ",
        "Châu",
        "Giang",
        "Hầu",
        "Kim",
        "Lã",
        "Lạc",
        "Nghiêm",
        "Quan",
        "Tống",
        "Vi",
        "Ninh",
        "Bế",
        "Mông",
        "Lường",
        "Hoàng",
        "Văn",
        "Doãn",
        "Khổng",
        "Đàm",
        "Đồng",
        "Giáp",
        "Tiêu",
        "Thạch",
        "Danh",
        "Sơn",
        "Y",
        "Hà",
        "Ksor",
        "Rơ",
        "H",
        "Cầm",
        "Sầm",
        "Hà",
        "Mè",
        "Quàng",
        "Chẩu",
        "Sùng",
        "Giàng",
        "Thào",
        "Vàng",
        "Lù",
        "Hoàng",
        "Đồng",
        "Khuất",
        "Phí",
        "Bạch",
        "Cù",
        "Kha",
        "Lam",
        "Tòng",
        "Phương",
        "Mạch",
        "Trình",
        "Viên",
        "Ung",
        "Yên",
        "Ôn",
        "Cấn",
        "Bàn",
        "Triệu",
        "Lèo",
        "Bạc",
        "Hoàng",
    ]
)
# Lower-case words allowed inside a title.
TITLE_LOWER = frozenset(
    [
        "thư",
        "trực",
        "tịch",
        "viên",
        "ủy",
        "uỷ",
        "ban",
        "vụ",
        "trưởng",
        "phó",
        "huyện",
        "tỉnh",
        "thị",
        "xã",
        "thành",
        "phố",
        "phường",
        "quận",
        "trấn",
        "đảng",
        "đoàn",
        "hội",
        "nông",
        "dân",
        "phụ",
        "nữ",
        "liên",
        "hiệp",
        "cựu",
        "chiến",
        "binh",
        "công",
        "lao",
        "động",
        "mặt",
        "trận",
        "tổ",
        "quốc",
        "việt",
        "nam",
        "nhân",
        "thường",
        "chấp",
        "hành",
        "vận",
        "tuyên",
        "giáo",
        "đại",
        "biểu",
        "khóa",
        "khoá",
        "cơ",
        "quan",
        "tham",
        "mưu",
        "văn",
        "phòng",
        "giám",
        "đốc",
        "chánh",
        "sở",
        "kiểm",
        "tra",
        "ngành",
        "khối",
        "cấp",
        "thanh",
        "niên",
        "chuyên",
        "trách",
        "ấp",
        "thôn",
        "bản",
        "khu",
        "dân",
        "cư",
        "trí",
        "người",
        "cao",
        "tuổi",
        "chữ",
        "thập",
        "đỏ",
        "khuyến",
        "học",
        "sản",
        "xuất",
        "kinh",
        "doanh",
        "giỏi",
        "chính",
        "trị",
        "xã",
        "hội",
        "nhiệm",
        "ủy",
        "viên",
        "hiệu",
        # "Ủy viên Trung ương Đảng".
        "ương",
    ]
)
# Titles that open a title phrase (each alternative is spelt from its first letter so that the engine skips the
# positions that cannot start one by a fast scan).
_TITLE_HEADS = (
    r"Chủ tịch|Bí thư|Trưởng [Bb]an|Trưởng|Giám đốc|Chánh Văn phòng|Chủ nhiệm|"
    r"Ủy viên|Tỉnh ủy viên|Huyện ủy viên|Thành ủy viên|Thị ủy viên|Đại biểu|Chủ trì"
)
# Member acronyms ("ĐUV", "UVBTV", "TUV").
_TITLE_ACRONYMS = ("ĐUV", "UVBTV", "UVTV", "TUV", "HUV", "BTV", "UV")
_ACRONYM = "(?:" + "|".join(_TITLE_ACRONYMS) + ")(?![A-ZĐ])"
TITLE_START = re.compile(
    # "Phó chủ tịch", "Phó bí thư" in lower case after "Phó" only.
    rf"(?:Phó (?:{_TITLE_HEADS}|chủ tịch|bí thư|{_ACRONYM})|Nguyên (?:{_TITLE_HEADS}|{_ACRONYM})"
    rf"|Quyền (?:{_TITLE_HEADS}|{_ACRONYM})|{_TITLE_HEADS}|"
    + "|".join(f"{a}(?![A-ZĐ])" for a in _TITLE_ACRONYMS)
    + r")(?![" + LO[1:-1] + "])"
)
# Military ranks stand before the name like an honorific ("đồng chí Thượng tướng X", "Trung tướng X, …").
_RANK = r"(?:Đại|Thượng|Trung|Thiếu)\s+(?:tướng|tá|úy)"
# An honorific, a rank or a list opened by a colon, then a capital. The alternatives are grouped by their first letter
# (``letter_branches``), each group's letter followed by "(?<!{LET}.)" (no letter before it), so that the engine skips
# the positions that cannot start one by a fast scan and tries one group where one can.
_NO_LETTER_BEFORE = rf"(?<!{LET}.)"
_BEFORE_NAME = rf"\s+(?={UP})"
_HONORIFICS = ("đồng chí", "Đồng chí", "đ/[cC]", "Đ/[cC]", "ông", "Ông", "bà", "Bà")
_RANK_WORDS = ("Đại", "Thượng", "Trung", "Thiếu")
# A list of names opened by a colon: "các đồng chí: X, …", "Chủ trì hội nghị: X, …".
_LIST_OPENERS = ("đồng chí", "Đồng chí", "chủ trì(?: [Hh]ội nghị)?", "Chủ trì(?: [Hh]ội nghị)?", "gồm", "Thành phần")
_HONORIFIC = re.compile(
    "|".join(
        letter_branches(
            [rf"{h}(?:\s+{_RANK})?{_BEFORE_NAME}" for h in _HONORIFICS]
            + [rf"{r}\s+(?:tướng|tá|úy){_BEFORE_NAME}" for r in _RANK_WORDS]
            + [rf"{o}\s*:(?:\s+(?:[Đđ]ồng chí|[Ôô]ng|[Bb]à|[đĐ]/[cC]))?{_BEFORE_NAME}" for o in _LIST_OPENERS],
            _NO_LETTER_BEFORE,
        )
    )
)
# "bà X, được cử làm Chủ tịch …", "ông X giữ chức Phó Chủ tịch …": the title after a verb.
_APPOINTED = re.compile(r"\s*,?\s*(?:giữ chức|được (?:bầu|cử)(?: giữ chức| làm)?|làm)\s+(?=[A-ZĐỦ])")
# Ethnic-minority names write a prefix with an apostrophe: "H’Lan", "Y’Ngông", "Ksor Y’Phôn".
_NAME_SYL = re.compile(rf"{UP}(?:[’']{UP})?{LO}*")
# A name after these is a commemorated figure ("Ngày sinh Chủ tịch Hồ Chí Minh", "tư tưởng Hồ Chí
# Minh"), not an official of the meeting.
_COMMEMORATED_BEFORE = re.compile(
    r"(?i:ngày sinh|năm sinh|ngày mất|ngày giỗ|kỷ niệm|tư tưởng|phong cách|tấm gương|di chúc|lăng)"
    r"(?:\s+(?:của|đạo đức|,))*\s+$"
)
_TOKEN = re.compile(rf"{LET}[\w]*|\d+|[^\s\w]")
_TITLE_START_WORDS = frozenset(
    [
        "Phó",
        "Chủ",
        "Bí",
        "Trưởng",
        "Giám",
        "Chánh",
        "Ủy",
        "Uỷ",
        "Tỉnh",
        "Huyện",
        "Thành",
        "Thị",
        "Đại",
        "Nguyên",
        "Quyền",
        "Thường",
        "Ban",
        "Hội",
        "Đảng",
        "Mặt",
        "Đoàn",
        "Công",
        "Cựu",
        "Liên",
        "Nông",
        "Phụ",
        "Chi",
    ]
)


# A dash or comma after a word, then a title: the name, if any, ends before it ("Vũ Hoàng Long – Phó Bí
# thư …"). The scan starts at the separators; the name is read backwards from there.
_TITLE_AHEAD = (
    r"(?=\s*(?:Phó |Nguyên |Quyền )?(?:Chủ tịch|Bí thư|Trưởng|Giám đốc|Ủy viên|"
    r"Tỉnh ủy viên|Huyện ủy viên|Thành ủy viên|Thị ủy viên|UVBTV|UVTV|TUV|HUV|ĐUV))"
)
# "[-–—,]" then the title ahead, as one pattern for each separator: a pattern that opens with one character is found by
# a plain character search, several times faster than a class of four; each match is that one character, so none
# overlaps another's.
_EACH_SEP_THEN_TITLE = [re.compile(re.escape(sep) + _TITLE_AHEAD) for sep in "-–—,"]


def _separators_then_title(match_text: str) -> list[re.Match[str]]:
    """Every separator followed by a title, in order."""
    return sorted((m for p in _EACH_SEP_THEN_TITLE for m in p.finditer(match_text)), key=re.Match.start)


_NAME_BEFORE = re.compile(rf"(?:{UP}{LO}*\s){{1,3}}{UP}{LO}*$")


def _name_ending_at(text: str, end: int) -> tuple[int, int] | None:
    """A surname-led name of two to four syllables that ends at ``end``, not after an honorific."""
    m = _NAME_BEFORE.search(text, max(0, end - 40), end)
    if m is None:
        return None
    words = m.group(0).split()
    for k in range(len(words) - 1):
        if words[k] in SURNAMES and words[k] not in ("Ông", "Bà"):
            start = m.start() + len(" ".join(words[:k])) + (1 if k else 0)
            return start, end
    return None


@dataclass
class Person:
    name: str
    title: str | None
    start: int
    end: int


def _cap_run(text: str, pos: int, limit: int = 5) -> list[tuple[int, int]]:
    """Consecutive capitalised syllables (the syllable spans) starting at ``pos``."""
    out: list[tuple[int, int]] = []
    while len(out) < limit:
        m = _NAME_SYL.match(text, pos)
        if not m or (m.end() < len(text) and text[m.end()].isalnum() and not text[m.end()].isspace()):
            break
        out.append((m.start(), m.end()))
        nxt = m.end()
        if nxt < len(text) and text[nxt] == " ":
            pos = nxt + 1
        else:
            break
    return out


# Lower-case words allowed only after a given word ("Chủ trì Hội nghị").
# ("", "nguyên") is a title's first word: "nguyên Chủ tịch UBND tỉnh" (former).
_TITLE_PAIRS = frozenset(
    {("Chủ", "trì"), ("Hội", "nghị"), ("Phó", "chủ"), ("Chủ", "tịch"), ("Phó", "bí"), ("", "nguyên")}
)


def _is_title_word(word: str) -> bool:
    if not word:
        return False
    if word[0].isupper() or word[0].isdigit():
        return True
    return word.lower() in TITLE_LOWER


_NEXT_WORD = re.compile(r"\s*(\S+)")


def scan_title(text: str, pos: int, max_chars: int = 140) -> tuple[int, int] | None:
    """Span of a title starting at ``pos`` (after ", " or " - "), or None."""
    end_limit = min(len(text), pos + max_chars)
    i = pos
    last_good = pos
    prev = ""
    while i < end_limit:
        m = _TOKEN.match(text, i)
        if not m:
            i += 1
            continue
        tok = m.group(0)
        if tok.isalnum() or tok[0].isalpha():
            if not _is_title_word(tok) and (prev, tok) not in _TITLE_PAIRS:
                break
            prev = tok
            # "và đồng chí" / "và ông" starts the next person.
            last_good = m.end()
        elif tok in ",-–":
            nxt = _NEXT_WORD.match(text[m.end() : m.end() + 40])
            if not nxt or not (nxt.group(1)[0].isupper()):
                break
            word = nxt.group(1)
            if word in ("Đồng", "Ông", "Bà") or _looks_like_name_start(text, m.end() + nxt.start(1)):
                break
        else:
            break
        i = m.end()
        while i < end_limit and text[i] == " ":
            i += 1
    if last_good <= pos:
        return None
    return pos, last_good


def _looks_like_name_start(text: str, pos: int) -> bool:
    run = _cap_run(text, pos)
    if len(run) < 2:
        return False
    first = text[run[0][0] : run[0][1]]
    return first in SURNAMES and first not in _TITLE_START_WORDS


def _name_from_run(text: str, run: list[tuple[int, int]]) -> tuple[int, int] | None:
    if len(run) < 2:
        return None
    first = text[run[0][0] : run[0][1]]
    if first in _TITLE_START_WORDS and first not in SURNAMES:
        return None
    return run[0][0], run[-1][1]


def find_people(text: str, match_text: str) -> list[Person]:
    """Every titled official, in order of mention (duplicates kept; see ``unique``)."""
    found: list[Person] = []
    for m in _HONORIFIC.finditer(match_text):
        person = _after_honorific(text, match_text, m.end())
        if person:
            found.append(person)
    for m in TITLE_START.finditer(match_text):
        person = _title_then_name(text, match_text, m.start())
        if person and not any(p.start <= person.start < p.end for p in found):
            found.append(person)
    for m in _separators_then_title(match_text):
        # "Vũ Hoàng Long – Phó Bí thư Thường trực …" with no honorific before the name.
        end = m.start()
        while end > 0 and match_text[end - 1] == " ":
            end -= 1
        name = _name_ending_at(match_text, end)
        if name is None or any(p.start <= name[0] < p.end for p in found):
            continue
        after = m.end() + len(match_text[m.end() : m.end() + 4]) - len(match_text[m.end() : m.end() + 4].lstrip())
        span = _title_span_after(text, match_text, after)
        if span:
            title = _clean_title(text[span[0] : span[1]])
            found.append(Person(text[name[0] : name[1]], title or None, name[0], span[1]))
    found.sort(key=lambda p: p.start)
    return [p for p in found if not _COMMEMORATED_BEFORE.search(match_text, max(0, p.start - 40), p.start)]


def _title_span_after(text: str, match_text: str, pos: int) -> tuple[int, int] | None:
    return scan_title(text, pos) if TITLE_START.match(match_text, pos) else None


_TITLE_SEPARATOR = re.compile(r"\s*(?:,|-|–|—|\()\s*")


def _after_honorific(text: str, match_text: str, pos: int) -> Person | None:
    if TITLE_START.match(match_text, pos):
        return _title_then_name(text, match_text, pos)
    run = _cap_run(text, pos)
    # Drop trailing syllables that are title words glued without punctuation ("X Chủ tịch").
    span = _name_from_run(text, _name_part(text, run))
    if not span:
        return None
    after = span[1]
    rest = text[after : after + 4]
    title_span = None
    sep = _TITLE_SEPARATOR.match(text[after : after + 6])
    appointed = _APPOINTED.match(match_text, after)
    if appointed and TITLE_START.match(match_text, appointed.end()):
        title_span = scan_title(text, appointed.end())
    elif sep:
        title_span = scan_title(text, after + sep.end())
    elif rest.startswith(" ") and TITLE_START.match(match_text, after + 1):
        title_span = scan_title(text, after + 1)
    title = _clean_title(text[title_span[0] : title_span[1]]) if title_span else None
    return Person(text[span[0] : span[1]], title or None, span[0], title_span[1] if title_span else span[1])


# Lower-case words after which a place name comes before any person's name ("huyện Diễn Châu").
_PLACE_WORDS = frozenset(["huyện", "xã", "tỉnh", "phường", "quận", "trấn", "phố", "thôn", "ấp", "bản"])
# Title words that, inside a capitalised run, start a title rather than continue a name.
_STRONG_TITLE_WORDS = frozenset(["Phó", "Chủ", "Bí", "Trưởng", "Giám", "Chánh", "Ủy", "Uỷ", "Ban"])
_TITLE_TAIL_AFTER = re.compile(r" (?:ủy|uỷ|xã|phố|trấn|đoàn|viên|tịch|thư|trực|vụ)(?![\w])")


def _name_part(text: str, run: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The run cut where a title starts ("Lê Văn A Thành ủy viên" -> "Lê Văn A"); middle names that
    are also title words ("Nguyễn Thị Lan", "Nguyễn Công Thành") stay."""
    for k in range(1, len(run)):
        a, b = run[k]
        syl = text[a:b]
        if syl in _STRONG_TITLE_WORDS or (syl in _TITLE_START_WORDS and _TITLE_TAIL_AFTER.match(text, b)):
            return run[:k]
    return run


def _place_then_name(text: str, cap_start: int, surname_at: int) -> list[tuple[int, int]]:
    """After a place word ("huyện"), the capitalised run is place name then person's name: the name
    starts at the first surname that leaves at least two syllables of place ("huyện Diễn Châu Trần
    Đình Phong" -> "Trần Đình Phong"); with no such surname, where the walk found one."""
    full = _cap_run(text, cap_start, 8)
    # "tỉnh Đoàn", "huyện Đoàn" is the Youth Union of that level, not a place: the name may follow it.
    first = 1 if full and text[full[0][0] : full[0][1]] == "Đoàn" else 2
    for k in range(first, len(full)):
        if text[full[k][0] : full[k][1]] in SURNAMES and 2 <= len(full) - k <= 4:
            return full[k:]
    return _cap_run(text, surname_at, 4)


def _title_then_name(text: str, match_text: str, pos: int) -> Person | None:
    """ "Chủ tịch UBMTTQ thị xã Đặng Ngọc Sơn": a title whose run ends in a surname-led name."""
    limit = min(len(text), pos + 140)
    i = pos
    cap_start = -1
    after_place = False
    while i < limit:
        m = _TOKEN.match(text, i)
        if not m:
            break
        tok = m.group(0)
        if tok[0].isupper():
            if cap_start < 0:
                cap_start = i
        else:
            after_place = tok in _PLACE_WORDS
            cap_start = -1
        if tok in SURNAMES and i > pos:
            run = _place_then_name(text, cap_start, i) if after_place else _cap_run(text, i, 4)
            run = _name_part(text, run)
            if 2 <= len(run) <= 4:
                title = _clean_title(text[pos : run[0][0]])
                if title:
                    return Person(text[run[0][0] : run[-1][1]], title, pos, run[-1][1])
        # ``_is_title_word`` written out (the token is not empty): this loop reads most tokens of the text.
        first = tok[0]
        if not (first.isalpha() and (first.isupper() or tok.lower() in TITLE_LOWER)) and tok not in ",":
            break
        i = m.end()
        while i < limit and text[i] == " ":
            i += 1
    return None


_TRAILING_AND = re.compile(r"\s+(?:và|các)$")


def _clean_title(title: str) -> str:
    title = title.strip(" ,-–—(")
    title = _TRAILING_AND.sub("", title)
    return title.strip(" ,-–—")


def unique(people: list[Person]) -> list[Person]:
    """Once each, first mention (with a title preferred) kept."""
    seen: dict[str, Person] = {}
    order: list[str] = []
    for p in people:
        key = p.name.casefold()
        if key not in seen:
            seen[key] = p
            order.append(key)
        elif seen[key].title is None and p.title:
            seen[key] = Person(p.name, p.title, seen[key].start, seen[key].end)
    return [seen[k] for k in order]
