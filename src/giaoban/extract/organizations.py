"""Gazetteer of bodies (Party committees, the Front, member organisations, authorities).

Used to recognise the host of a meeting and the bodies a directive is addressed to.  Patterns
run on the matching copy (new tone placement, ASCII dashes), so "Uỷ ban" and "Ủy ban" both match.
"""

from __future__ import annotations

import re

from .chars import LET, LO, UP, by_first_letter, letter_branches

# Heads that open a body name; longer alternatives first so the regex takes the longest.
_HEADS = [
    r"Ban Thường trực",
    r"Ban Thường vụ",
    r"Ban Chấp hành",
    r"Ban Công tác Mặt trận",
    r"Ban Dân vận",
    r"Ban Tuyên giáo(?: và Dân vận)?",
    r"Ban Tổ chức",
    r"Ban Kiểm tra",
    r"Ban Chỉ đạo",
    r"Ban Giám sát",
    r"Ban Thanh tra nhân dân",
    r"Ban Đại diện",
    r"Ban Mặt trận",
    r"Ban Nội chính",
    r"Thường trực",
    r"Thường vụ",
    r"Ủy ban Mặt trận Tổ quốc(?: Việt Nam)?",
    r"Ủy ban MTTQ(?: Việt Nam| VN)?",
    r"UBMTTQ(?: Việt Nam| VN)?",
    r"Mặt trận Tổ quốc(?: Việt Nam)?",
    r"MTTQ(?: Việt Nam| VN)?",
    r"Mặt trận",
    r"Ủy ban nhân dân",
    r"UBND",
    r"Hội đồng nhân dân",
    r"HĐND",
    r"Hội Liên hiệp Phụ nữ",
    r"Hội LHPN",
    r"LHPN",
    r"Hội Phụ nữ",
    r"Phụ nữ",
    r"Hội Nông dân",
    r"HND",
    r"Nông dân",
    r"Hội Cựu chiến binh",
    r"Hội CCB",
    r"CCB",
    r"Cựu chiến binh",
    r"Hội Người cao tuổi",
    r"Hội Chữ thập đỏ",
    r"Hội Khuyến học",
    r"Hội Cựu giáo chức",
    r"Hội Cựu thanh niên xung phong",
    r"Hội Nạn nhân chất độc da cam",
    r"Hội(?! nghị| thảo| thi| diễn| trại| trường)",
    r"Đoàn Thanh niên(?: Cộng sản Hồ Chí Minh)?",
    r"Đoàn TNCS(?: Hồ Chí Minh)?",
    r"ĐTN",
    r"Đoàn",
    r"Huyện [Đđ]oàn",
    r"Tỉnh [Đđ]oàn",
    r"Thành [Đđ]oàn",
    r"Thị [Đđ]oàn",
    r"Quận [Đđ]oàn",
    r"Liên đoàn Lao động",
    r"LĐLĐ",
    r"Công đoàn",
    r"CĐ",
    r"Tỉnh ủy",
    r"Huyện ủy",
    r"Thị ủy",
    r"Thành ủy",
    r"Quận ủy",
    r"Đảng ủy",
    r"Đảng bộ",
    r"Đảng đoàn",
    r"Chi bộ",
    r"Chi hội",
    r"Chi đoàn",
    r"Khối MTTQ",
    r"Khối vận",
    r"Khối dân vận",
    r"Khối",
    r"Văn phòng",
    r"Phòng",
    r"Sở",
    r"Trung tâm",
    r"Công an",
    r"Ban",
]
_PLURAL_HEADS = [
    r"các tổ chức chính trị - xã hội",
    r"các tổ chức chính trị xã hội",
    r"các đoàn thể chính trị - xã hội",
    r"các tổ chức đoàn thể",
    r"các đoàn thể",
    r"các tổ chức thành viên",
    r"các tổ chức",
    r"các cơ quan",
    r"các đơn vị",
    r"các ngành",
    r"các địa phương",
    r"các xã",
    r"các phường",
    r"các thị trấn",
    r"các thôn",
    r"các ấp",
    r"các bản",
    r"các khu dân cư",
    r"các khu phố",
    r"các tổ dân phố",
    r"các hội",
    r"các cấp hội",
    r"các cấp đoàn",
    r"các cấp công đoàn",
    r"các cấp",
    r"các công đoàn(?: cơ sở)?",
    r"các chi đoàn",
    # Members addressed as a group ("các đồng chí Ủy viên Ban Chấp hành").
    r"các đồng chí",
    r"các thành viên",
    # Lower-case committees ("ban chấp hành công đoàn cơ sở").
    r"ban chấp hành",
    r"ban thường vụ",
    r"ban thường trực",
    r"các cấp ủy",
    r"cấp ủy",
    r"các chi, đảng bộ(?: cơ sở)?",
    r"các chi bộ",
    r"các cơ sở",
    r"các đảng bộ(?: cơ sở)?",
    r"chính quyền",
    r"các ban",
    r"các chi hội",
    r"khối dân vận",
    r"khối vận",
    r"tổ chức chính trị - xã hội",
    r"đoàn thể",
]


# Vowels that typing confuses: the same tone on a vowel with another hat ("Mật trận" for "Mặt trận").
_HAT_GROUPS = ["ạặậ", "ảẳẩ", "áắấ", "àằầ", "ãẵẫ", "ẹệ", "ẻể", "éế", "èề", "ẽễ", "ọộợ", "ỏổở", "óốớ", "òồờ", "õỗỡ"]
_HAT_GROUPS += ["ụự", "ủử", "úứ", "ùừ", "ũữ"]
_HAT_CLASS = {c: f"[{group}]" for group in _HAT_GROUPS for c in group}


def _typo_tolerant(part: str) -> str:
    """A head pattern whose toned vowels also match their look-alikes with another hat."""
    out, depth = [], 0
    for c in part:
        depth += c == "["
        depth -= c == "]"
        out.append(_HAT_CLASS.get(c, c) if depth == 0 else c)
    return "".join(out)


def _tail_any_case(head: str) -> str:
    """ "Hội Nông dân" also as "Hội nông dân", "Ban Chấp hành" as "Ban chấp hành": the first word keeps
    its capital (so "hội" and "ban" as common words stay out), the rest matches in any case and with
    the common vowel typos."""
    first, sep, rest = head.partition(" ")
    if sep and first[:1].isupper() and "(" not in first:
        return f"{_typo_tolerant(first)} (?i:{_typo_tolerant(rest)})"
    return head


_HEAD_ALT = by_first_letter([_tail_any_case(h) for h in _HEADS])
# The plural heads are written in lower case and matched in any case.
_PLURAL_ALT = by_first_letter(_PLURAL_HEADS)
# An organisation head as a whole word, upper-case heads case-sensitive, plural heads any case.
# Each branch opens with a literal letter, the word-start test made after it (``letter_branches``: a fast scan
# instead of a look-ahead tried at every place); the heads' branches before the plural heads', so the same head wins
# at every place.
ORG_HEAD = re.compile(
    "(?:"
    + "|".join(
        letter_branches([_tail_any_case(h) for h in _HEADS], rf"(?<!{LET}.)")
        + letter_branches(_PLURAL_HEADS, rf"(?<!{LET}.)", cases="all", caseless=True)
    )
    + f")(?!{LO})"
)
# Pattern body of a body-name head at a position, for splicing into other patterns.
HEAD_START_BODY = rf"(?:{_HEAD_ALT}|(?i:{_PLURAL_ALT}))(?!{LO})"
ORG_HEAD_START = re.compile(HEAD_START_BODY)
_CAP_WORD = re.compile(rf"{UP}")

# Words that start the action after a body phrase ("MTTQ ... cần rà soát").
ACTION_WORDS = [
    "cần",
    "phải",
    "tiếp tục",
    "tăng cường",
    "tập trung",
    "khẩn trương",
    "chủ động",
    "thực hiện",
    "triển khai",
    "rà soát",
    "đẩy mạnh",
    "nâng cao",
    "phối hợp",
    "quan tâm",
    "xây dựng",
    "làm tốt",
    "tích cực",
    "chú trọng",
    "đổi mới",
    "tuyên truyền",
    "vận động",
    "duy trì",
    "hoàn thành",
    "bám sát",
    "theo dõi",
    "nắm",
    "chỉ đạo",
    "hướng dẫn",
    "kiểm tra",
    "giám sát",
    "đôn đốc",
    "phát huy",
    "củng cố",
    "kịp thời",
    "sớm",
    "nghiên cứu",
    "tham mưu",
    "quán triệt",
    "đăng ký",
    "báo cáo",
    "đề xuất",
    "ban hành",
    "thường xuyên",
    "đảm bảo",
    "bảo đảm",
    "chăm lo",
    "phát động",
    "tham gia",
    "nỗ lực",
    "phấn đấu",
    "lưu ý",
    "nhanh chóng",
    "chuẩn bị",
    "tổ chức tốt",
    "tổ chức thực hiện",
    "tổ chức các",
    "tổ chức thành công",
    "tiến hành",
    "xem xét",
    "chọn lựa",
    "lựa chọn",
    "hỗ trợ",
    "giúp đỡ",
    "vận dụng",
    "đánh giá",
    "tổng hợp",
    "thống nhất",
    "khắc phục",
    "nắm bắt",
    "nắm chắc",
    "có kế hoạch",
    "làm việc",
    "trao đổi",
    "rút kinh nghiệm",
    "tiếp nhận",
    "xử lý",
    "giải quyết",
    "kiện toàn",
    "đôn đốc",
    "lãnh đạo tổ chức",
    "phát triển",
    "mở rộng",
    "nhân rộng",
    "đa dạng hóa",
    "dự kiến",
    "góp phần",
    "đề ra",
    "phân công",
    "bố trí",
    "tạo điều kiện",
    "chủ trì",
    "thành lập",
    "gửi",
    "nộp",
    "hoàn thiện",
    "ra quân",
    "cụ thể hóa",
    "lồng ghép",
    "tổ chức",
    "đẩy nhanh",
    "bổ sung",
    "quyết liệt",
    "nghiêm túc",
    "giữ vững",
    "động viên",
    "khuyến khích",
    "tiếp thu",
    "hoàn chỉnh",
    "chấn chỉnh",
    "chỉnh sửa",
    "cập nhật",
]
_PERSONAL_ACTIONS = ["chấp hành", "học tập", "rèn luyện", "nêu cao", "giữ gìn", "thể hiện", "gương mẫu", "không ngừng"]
_ACTION_ALTS = sorted(map(re.escape, ACTION_WORDS), key=len, reverse=True)
# Opened by the words' first letters (``letter_branches``): the same matches, found faster.
ACTION_RE = re.compile(
    "(?:" + "|".join(letter_branches(_ACTION_ALTS, rf"(?<!{LET}.)", cases="all", caseless=True)) + f")(?!{LO})"
)
# "tổ chức chính trị - xã hội", "tổ chức thành viên": the noun, not the verb.
_NOUN_AFTER_TO_CHUC = re.compile(r"tổ chức (?:chính trị|đoàn thể|thành viên|cơ sở đảng|hội|Hội|đảng)(?![\w])")
MAX_PHRASE_CHARS = 160


def is_org(text: str) -> bool:
    """Whether a short phrase names a body."""
    return bool(ORG_HEAD.search(text))


def starts_with_org(text: str) -> bool:
    return bool(ORG_HEAD_START.match(text))


# A sentence's or clause's stop inside a phrase (and a bracket, for an addressee).
_STOP_MARK = re.compile(r"[.;:]")
_STOP_MARK_OR_BRACKET = re.compile(r"[.;:()]")


def body_phrase_end(match_text: str, start: int, end: int) -> int | None:
    """If ``match_text[start:end]`` starts with a body phrase followed by an action word, return
    the offset where the action begins; else None."""
    if not ORG_HEAD_START.match(match_text, start, end):
        return None
    limit = min(end, start + MAX_PHRASE_CHARS)
    for m in ACTION_RE.finditer(match_text, start, limit):
        if m.start() == start:
            continue
        # "tổ chức" after "các" is a noun ("các tổ chức chính trị - xã hội"), not an action, and so
        # is a capitalised word inside a name ("Ban Tổ chức", "Hội Khuyến học").
        before = match_text[max(start, m.start() - 4) : m.start()].lower()
        if before.endswith("các ") or before.endswith("- ") or match_text[m.start()].isupper():
            continue
        if _NOUN_AFTER_TO_CHUC.match(match_text, m.start()):
            continue
        phrase = match_text[start : m.start()].rstrip(" ,")
        if phrase and is_org(phrase) and not _STOP_MARK.search(phrase) and not _CLAUSE.search(phrase):
            return m.start() if _parts_are_bodies(phrase) else None
        return None
    return None


# What may follow a comma inside a list of bodies: another body, a place or level word, a capital.
_LIST_PART = re.compile(
    rf"(?:{HEAD_START_BODY}|(?i:xã|phường|thị|huyện|quận|thành|tỉnh|thôn|xóm|ấp|bản|khu|tổ|cơ sở|đảng|"
    rf"đơn vị|cơ quan|ngành|địa phương|cấp|ban|hội|đoàn|chi|trực thuộc|trường|doanh nghiệp|cá nhân|đội ngũ|"
    rf"cán bộ|hội viên|đoàn viên|đảng viên|người)(?!{LO})|{UP})"
)
_SHORT_PART = 2


def _parts_are_bodies(phrase: str) -> bool:
    """Every comma-separated part after the first opens like a body ("Tỉnh Đoàn tiếp thu ý kiến, rút gọn
    dung lượng" is a clause, not a list of bodies)."""
    return all(
        _LIST_PART.match(part.strip()) or len(part.split()) <= _SHORT_PART for part in phrase.split(",")[1:]
    )


# Who a direction addresses when no body is named: "đề nghị đoàn đại biểu chấp hành …", "yêu cầu các tiểu ban
# tiếp tục …", "mong muốn toàn thể hội viên …": people or units, named by such words.
_ADDRESSEE = re.compile(
    rf"(?i)(?!hội nghị|hội thảo|đại hội)(?:các|mỗi|từng|toàn thể|tất cả|những|mọi|cán bộ|đảng viên|hội viên|đoàn viên|"
    rf"đại biểu|đoàn đại biểu|lãnh đạo|ngành|hệ thống|hội|đoàn|tổ|ban|bộ phận|tiểu ban|thanh niên|phụ nữ|"
    rf"nhân dân|người|lực lượng|đơn vị|cơ quan|công đoàn|chi bộ|chị em)(?!{LO})"
)
_ADDRESSEE_WORDS = 10
# What people are asked to do besides a body's actions ("đoàn đại biểu chấp hành nghiêm túc …").
_ADDRESSEE_VERBS = "|".join(sorted(map(re.escape, ACTION_WORDS + _PERSONAL_ACTIONS), key=len, reverse=True))
_ADDRESSEE_ACTION = re.compile(rf"(?<!{LET})(?i:{_ADDRESSEE_VERBS})(?!{LO})")
# "các đại biểu của tỉnh tham dự Đại hội" is addressed: "của" before a place or level word belongs to them.
_NOT_ADDRESSEE = re.compile(
    r"(?<![\w])(?:là|có|về|với|cho|trong việc|của(?!\s+(?:tỉnh|huyện|xã|phường|thị trấn|quận|thị xã|thành phố|"
    r"Hội|hội|đơn vị|cơ quan)(?![\w])))(?![\w])"
)


def addressee_end(match_text: str, start: int, end: int) -> int | None:
    """Where the action starts after the bodies or people a direction addresses (``body_phrase_end``, or a
    short phrase of people or units such as "đoàn đại biểu", "các tiểu ban"), or None."""
    body = body_phrase_end(match_text, start, end)
    if body is not None or not _ADDRESSEE.match(match_text, start, end):
        return body
    for m in _ADDRESSEE_ACTION.finditer(match_text, start, min(end, start + MAX_PHRASE_CHARS)):
        if m.start() == start or match_text[m.start()].isupper():
            continue
        phrase = match_text[start : m.start()].rstrip(" ,")
        if (
            not phrase
            or len(phrase.split()) > _ADDRESSEE_WORDS
            or _STOP_MARK_OR_BRACKET.search(phrase)
            or _CLAUSE.search(phrase + " ")
            or _NOT_ADDRESSEE.search(phrase)
            or not _parts_are_bodies(phrase)
        ):
            return None
        return m.start()
    return None


# A time phrase ending a lead-in's body phrase ("MTTQ ... huyện trong 6 tháng cuối năm"): not the body.
_TIME_TAIL = re.compile(
    r"\s+(?:trong|từ nay đến|đến hết|ngay trong)\s+(?:thời gian|năm|tháng|quý|\d|sáu|chín|những tháng|"
    r"các tháng|dịp|giai đoạn|nhiệm kỳ|tuần|đợt)(?!{LO}).*$".replace("{LO}", LO)
)


# A body phrase is a name: a past or passive verb inside it makes it a clause ("Ban Thường trực … đã ghi
# nhận ý kiến …, triển khai …").
# So does a direction verb ("Ban Dân vận Thành ủy đề nghị các ngành, địa phương nắm chắc …").
_CLAUSE = re.compile(r"(?<![\w])(?:đã|vừa|được|để|nhằm|thông báo|đề nghị|yêu cầu|kêu gọi)\s")
# Words between a body and its action that belong to neither ("Hội LHPN huyện và cơ sở sẽ phân công").
_MODAL_TAIL = re.compile(r"(?:\s+(?:sẽ|cũng|đều|cần|phải|đang|luôn|vẫn))+\s*$")
# "các Ban, Văn phòng Huyện ủy", "các đơn vị, Đoàn trực thuộc": a bare plural head, then a body that
# carries the qualifier both share.
_BARE_PLURAL = re.compile(r"(?i)các\s+\S+(?:\s+\S+)?")


def _shares_qualifier(parts: list[str]) -> bool:
    """Whether comma-joined parts share one qualifier written once at the end."""
    if len(parts) < 2 or not all(_BARE_PLURAL.fullmatch(p) and is_org(p) for p in parts[:-1]):
        return False
    last = parts[-1]
    head = ORG_HEAD_START.match(last)
    if not head or last.lower().startswith("các "):
        return False
    # The qualifier is a body or a place ("Văn phòng Huyện ủy"), or "trực thuộc", "cơ sở", a level word;
    # "tổ chức đảng" is one noun, not "tổ chức" qualified.
    return bool(_QUALIFIER.match(last, head.end()))


_QUALIFIER = re.compile(
    rf"\s+(?:{UP}|(?:trực thuộc|cơ sở|xã|phường|thị trấn|huyện|quận|thị xã|thành phố|tỉnh)(?![\w]))"
)


def split_bodies(phrase: str, match_phrase: str | None = None) -> list[str]:
    """Split "MTTQ và các tổ chức chính trị - xã hội" into bodies, keeping parts that share one qualifier
    written once ("các cơ quan, đơn vị trong Khối MTTQ") whole; a trailing time phrase ("trong năm 2023") is
    dropped."""
    match_phrase = match_phrase if match_phrase is not None else phrase
    modal = _MODAL_TAIL.search(match_phrase)
    if modal and len(match_phrase) == len(phrase):
        phrase, match_phrase = phrase[: modal.start()], match_phrase[: modal.start()]
    tail = _TIME_TAIL.search(match_phrase)
    if tail and len(match_phrase) == len(phrase):
        phrase, match_phrase = phrase[: tail.start()], match_phrase[: tail.start()]
    if len(match_phrase) == len(phrase):
        # Strip on the matching copy ("–" is "-" there) and cut both at the same offsets.
        left = len(match_phrase) - len(match_phrase.lstrip(" ,;:.-"))
        right = len(match_phrase.rstrip(" ,;:.-"))
        phrase, match_phrase = phrase[left:right], match_phrase[left:right]
    else:
        phrase, match_phrase = phrase.strip(" ,;:.-"), match_phrase.strip(" ,;:.-")
    if not phrase:
        return []
    # Bodies joined by "và" are one each; within a group joined by commas, parts that share one qualifier
    # written once ("các Ban, Văn phòng Huyện ủy", "HĐND, UBND, Ủy ban MTTQ xã") stay one body.
    parts: list[str] = []
    for group, mgroup in _cut(phrase, match_phrase, _JOIN):
        pieces = [p for p, _ in _cut(group, mgroup, _COMMA)]
        if len(pieces) > 1 and all(is_org(p) for p in pieces) and _shared(pieces):
            parts.append(group)
        else:
            parts += pieces
    if len(parts) > 1 and all(is_org(p) for p in parts):
        return parts
    return [phrase]


_JOIN = re.compile(r"\s+(?:và|cùng)\s+")
_COMMA = re.compile(r",\s+")


def _cut(phrase: str, match_phrase: str, pattern: re.Pattern[str]) -> list[tuple[str, str]]:
    """(part, its matching copy) of ``phrase`` cut at ``pattern``, stripped, empty parts left out."""
    out: list[tuple[str, str]] = []
    pos = 0
    for m in [*pattern.finditer(match_phrase), None]:
        end = m.start() if m else len(match_phrase)
        part, mpart = phrase[pos:end], match_phrase[pos:end]
        left = len(mpart) - len(mpart.lstrip(" ,"))
        right = len(mpart.rstrip(" ,"))
        if right > left:
            out.append((part[left:right], mpart[left:right]))
        pos = m.end() if m else pos
    return out


def _shared(parts: list[str]) -> bool:
    return _shares_qualifier(parts) or _qualified_once(parts) or _head_shared(parts)


# What qualifies a body: its level or place, "trực thuộc", "cơ sở", or a relation to another body.
_LEVEL = re.compile(
    r"(?i)(?<![\w])(?:xã(?! hội)|phường|thị trấn|huyện|quận|thị xã|thành phố|tỉnh|thôn|ấp|trực thuộc|cơ sở|các cấp|"
    r"trong|thuộc|của|ở|tại|từ)(?![\w])"
)
_BARE_WORDS = 4


def _qualified_once(parts: list[str]) -> bool:
    """ "HĐND, UBND, Ủy ban MTTQ xã", "MTTQ và các tổ chức thành viên từ quận đến cơ sở", "các cơ quan, đơn vị
    trong Khối MTTQ": bare parts, then one that carries the qualifier they all share."""
    *bare, last = parts
    return bool(_LEVEL.search(last)) and all(len(p.split()) <= _BARE_WORDS and not _LEVEL.search(p) for p in bare)


def _head_shared(parts: list[str]) -> bool:
    """ "Ban Dân vận các Huyện ủy, Thị ủy, Thành ủy": a head written once before a list of short bodies."""
    first, *rest = parts
    return " các " in f" {first} " and not first.lower().startswith("các ") and all(
        len(p.split()) <= 2 and ORG_HEAD_START.match(p) for p in rest
    )
