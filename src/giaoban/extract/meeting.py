"""Meeting fields: lead paragraphs, host, date and chairs."""

from __future__ import annotations

import re
from itertools import islice

from . import organizations as orgs
from .chars import LOWER, by_first_letter, caseless_alternation, per_text
from .dates import DateMention, DateScan, years_named
from .normalize import match_form
from .people import Person
from .segment import Span, sentences

# "(?i)hội nghị|giao ban|…", each branch opened by a literal letter (``caseless_alternation``): much faster, the same
# matches.
_MEETING_WORD = re.compile(
    caseless_alternation(
        ["hội nghị", "giao ban", "làm việc", "họp", "sơ kết", "tổng kết", "kiểm tra", "đại hội", "sinh hoạt"]
    )
)
_LEAD_MIN_CHARS = 100
_LEAD_MAX_PARAS = 6
_HEADLINE_MAX_CHARS = 200
# What is held: "(đã|vừa|đã phối hợp|phối hợp) tổ chức|tiến hành|triệu tập + meeting", "(có) (buổi) làm việc
# với|tại", each alternative spelt out from its first letter so that the engine skips the positions that cannot
# start one by a fast scan.
_HELD = (
    r"\s+(?:[Hh]ội nghị|giao ban|buổi|cuộc|kỳ họp|phiên họp|họp|sơ kết|tổng kết|[Đđ]ại hội|kiểm tra|giám sát|"
    r"hội thảo|tọa đàm|đối thoại)"
)
_HOLDS = rf"(?:tổ chức{_HELD}|tiến hành{_HELD}|triệu tập{_HELD})"
_HOST_VERB = re.compile(
    rf"đã\s+{_HOLDS}|vừa\s+{_HOLDS}|đã phối hợp\s+{_HOLDS}|phối hợp\s+{_HOLDS}|tổ chức{_HELD}|tiến hành{_HELD}"
    rf"|triệu tập{_HELD}|có\s+(?:buổi\s+)?làm việc\s+(?:với|tại)|buổi\s+làm việc\s+(?:với|tại)|làm việc\s+(?:với|tại)"
)
# The body as the subject of the review itself: "UBMTTQ phường sơ kết công tác quý III",
# "Ủy ban MTTQ ... đã tổng kết", "Hội Nông dân xã đã thông qua chương trình", "Đoàn ... đã kiểm tra".
# That is "(?:đã\s+|vừa\s+)?(?:họp|giao ban)\s|(?:đã\s+|vừa\s+)?(?:sơ kết|tổng kết)\s|…": each optional "đã"/"vừa"
# spelled out as its own alternatives, in the order the engine tries them ("đã …", "vừa …", then the bare verb), and
# grouped by first letter, so that every branch opens with a literal letter and the engine finds the places to try
# by a fast scan (the same alternative wins at every place).
_WEAK_HELD = [
    # (whether "đã"/"vừa" may be left out, the verbs, what follows them)
    (True, ["họp", "giao ban"], r"\s"),
    (True, ["sơ kết", "tổng kết"], r"\s"),
    (True, ["sinh hoạt"], r"\s+(?:chi bộ|thường kỳ|định kỳ)"),
    (False, ["kiểm tra", "thông qua", "đề ra"], r"\s"),
    (True, ["giám sát"], r"\s+(?:việc|tại|công tác)"),
]


def _spelled_out(optional: bool, verbs: list[str], tail: str) -> list[str]:
    r"""``(?:đã\s+|vừa\s+)?(?:verb|…)tail`` (``(?:đã|vừa)\s+…`` when not ``optional``) as alternatives that each open
    with a plain letter, in the order the engine tries them."""
    either = f"(?:{'|'.join(verbs)}){tail}"
    return [rf"đã\s+{either}", rf"vừa\s+{either}"] + ([verb + tail for verb in verbs] if optional else [])


_HOST_VERB_WEAK = re.compile(by_first_letter([alt for held in _WEAK_HELD for alt in _spelled_out(*held)]))
_HOST_BY = re.compile(r"do\s+(?P<org>.{3,100}?)\s+tổ chức")
# "Đại hội đại biểu Hội Cựu chiến binh tỉnh lần thứ VI": a congress is its body's.
_HOST_CONGRESS = re.compile(r"[Đđ]ại hội(?:\s+đại biểu)?\s+(?P<org>.{3,80}?)\s+lần thứ")
_NAMED_ONLY = re.compile(r"(?i)(?:nghị quyết|văn kiện|chào mừng|hướng tới|tiến tới|dự|chuẩn bị|của)\s*$")
# "Hội nghị lần thứ 15 Ban Chấp hành Trung ương Hội … khóa XIII": a committee's session is that committee's.
_HOST_SESSION = re.compile(
    r"[Hh]ội nghị\s+(?:lần thứ\s+\S+\s+)?(?:của\s+)?(?P<org>(?:Ban Chấp hành|Ban Thường vụ|Ban Thường trực|BCH|"
    r"Đoàn Chủ tịch|Ủy ban|Uỷ ban|Đảng ủy|Đảng uỷ)[^,.;:]{2,100}?)"
    r"(?=\s+(?:khóa|khoá|lần thứ|\(?mở rộng|nhiệm kỳ|năm\s|tháng\s|quý\s|đã|vừa|được|diễn ra)|\s*[,.;:(])"
)
# "Đoàn công tác của X do đồng chí Y làm Trưởng đoàn": the delegation, without its leader.
_LED_BY_IN = re.compile(r"\s+do\s+(?:[Đđ]ồng chí|[Ôô]ng|[Bb]à|đ/c)\s")
# _LED_BY_IN after its spaces: its "do" found by a substring search, the spaces before it read back.
_LED_BY_DO = re.compile(_LED_BY_IN.pattern.removeprefix(r"\s+"))
_LED_BY = re.compile(r"\s+do\s+(?:[Đđ]ồng chí|[Ôô]ng|[Bb]à|đ/c)\s.*$")
# "dự và chỉ đạo", "phát biểu chỉ đạo": the guest who gave the meeting its direction chairs it too.
# Every alternative opens with a plain letter (no class, no lookaround) so that the engine skips the positions
# that cannot start one by a fast scan.
_CHAIR = re.compile(
    r"đ(?:ồng\s+chủ trì|iều hành)|chủ trì|Chủ trì|kết luận|dự(?: và|,)? chỉ đạo|Dự chỉ đạo|phát biểu chỉ đạo"
    # The head of a visiting delegation leads its working session, and so does the leader who
    # "làm việc với" a body.
    r"|Phát biểu chỉ đạo|làm (?:[Tt]rưởng [Đđ]oàn|việc (?:với|tại))|Làm [Tt]rưởng [Đđ]oàn"
)
# Presiding, concluding or "dự và chỉ đạo", as opposed to a guest's "phát biểu chỉ đạo".
_PRESIDE = re.compile(
    r"đ(?:ồng\s+chủ trì|iều hành)|chủ trì|Chủ trì|kết luận|dự(?: và|,)? chỉ đạo|Dự chỉ đạo"
    r"|làm [Tt]rưởng [Đđ]oàn|Làm [Tt]rưởng [Đđ]oàn"
)
# The head of a Party committee ("Bí thư Đảng ủy xã", "Bí thư Huyện ủy"), not a deputy.
_PARTY_HEAD = re.compile(r"Bí thư (?:Đảng|Chi bộ|Huyện|Tỉnh|Thành|Thị|Quận) ?(?:ủy|uỷ|bộ)")
# "Giao X chủ trì" assigns a task, not the meeting's chair; "giao ban" names the meeting.
# "\b" before a letter is "(?<!\w)".
_GIAO_WORD = re.compile(caseless_alternation([r"giao\b(?!\s+ban)"], word_start=True))
# A direction verb whose subject is a pronoun ("bà đề nghị") refers back to the last named person.
_PRONOUN_BEFORE = re.compile(r"(?<![^\s,])(?:[Đđ]ồng chí|[Ôô]ng|[Bb]à)(?:\s+(?:cũng|đã|còn))?\s*$")
_DATE_CONTEXT_BAD = re.compile(r"(?i)(?:số\s*\S+\s*|ban hành\s*)$")
# A date with a clock time is when the page was posted ("(02/12/2017 15:00)"), not when the meeting met.
_POSTED = re.compile(r"\s*[|-]?\s*\d{1,2}:\d{2}")


# Header lines of a formal document: its own number ("Số 412-TB/HU"), the place and date of issue
# ("Mỏ Cày Nam, ngày 16 tháng 10 năm 2023") and the national motto; not part of the lead.
_DOC_HEADER = re.compile(
    r"Số\s*:?\s*\d|Độc lập\s*-\s*Tự do|[^,\n]{2,50},\s*ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}\s*$"
)
_HAS_LOWER = re.compile(f"[{LOWER}]")


def lead_paragraphs(mtext: str, paras: list[Span]) -> list[Span]:
    """Title and opening paragraphs up to and including the first real paragraph.

    A formal notice's header (issuing body in capitals, number, place and date of issue) does not
    use up the lead: capitalised lines stay in the lead without counting, header lines are left out."""
    out: list[Span] = []
    counted = 0
    for para in paras:
        if counted >= _LEAD_MAX_PARAS:
            break
        if _DOC_HEADER.match(mtext, para[0], para[1]):
            continue
        out.append(para)
        if not _HAS_LOWER.search(mtext, para[0], para[1]):
            continue
        counted += 1
        if para[1] - para[0] >= _LEAD_MIN_CHARS and not _is_headline(mtext, para) and not is_preamble(mtext, para):
            break
    return out


# "Thực hiện Kế hoạch số 13-KH/ĐTN ... ," before the opening sentence: the meeting comes after it.
_PREAMBLE = re.compile(r"\s*(?:Thực hiện|Căn cứ|Triển khai|Nhằm|Theo|Hưởng ứng)\s")


# A meeting's own date, as opposed to a cited document's ("Kế hoạch số 13 ngày 29/02/2024 của …").
_OWN_DATE = re.compile(
    r"(?:[Ss]áng|[Cc]hiều|[Tt]ối|[Nn]gày)\s+(?:ngày\s+)?\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{4})?(?![\d/.-])(?!\s*của)"
)


def is_preamble(mtext: str, para: Span) -> bool:
    """A paragraph that only cites what the meeting carries out; the one that goes on to the meeting
    ("Thực hiện Kế hoạch …, sáng 5/4, Huyện ủy tổ chức …") is not one."""
    return bool(_PREAMBLE.match(mtext, para[0], para[1])) and not _OWN_DATE.search(mtext, para[0], para[1])


def _is_headline(mtext: str, para: Span) -> bool:
    """A headline: one line of moderate length with no sentence end (it does not close the lead)."""
    body = mtext[para[0] : para[1]].rstrip()
    return len(body) < _HEADLINE_MAX_CHARS and not body.endswith((".", "!", "?", ":", "…", ";", '"', "”"))


def find_host(text: str, mtext: str, lead: list[Span], paras: list[Span] | None = None) -> str | None:
    """The convening body, as written: "X (đã) tổ chức hội nghị", "X làm việc với", "do X tổ chức";
    from the lead, else (a fragment, a lead pushed down) from the paragraphs that name the meeting."""
    host = _host_in(text, mtext, lead)
    if host or not paras:
        return host
    named = islice((p for p in paras if _MEETING_WORD.search(mtext, p[0], p[1])), _HOST_PARAS)
    # What ``_host_in`` finds in a paragraph depends on that paragraph alone: the lead's gave nothing.
    return _host_in(text, mtext, [p for p in named if p not in lead]) or subject_host(text, mtext, paras)


def _led_by_start(mtext: str, start: int, end: int) -> int | None:
    """Where ``_LED_BY_IN.search(mtext, start, end)`` starts (None where it finds nothing): at the spaces before the
    first "do" the rest of the pattern follows."""
    i = mtext.find("do", start, end)
    while i >= 0:
        j = i
        while j > start and mtext[j - 1].isspace():
            j -= 1
        if j < i and _LED_BY_DO.match(mtext, i, end):
            return j
        i = mtext.find("do", i + 1, end)
    return None


# How many paragraphs naming the meeting a fragment's host is looked for in.
_HOST_PARAS = 6


def _host_in(text: str, mtext: str, lead: list[Span]) -> str | None:
    # Each sentence is cut, and searched for "do X" and for a leader, once: the weak verbs are read only after
    # every sentence failed the strong ones and its "do X".
    cut = [span for para in lead for span in sentences(mtext, para)]
    leaders: dict[int, int | None] = {}
    for first, verb in ((True, _HOST_VERB), (False, _HOST_VERB_WEAK)):
        for s0, s1 in cut:
            if first:
                # The pattern needs "tổ chức" (a substring test first).
                by = _HOST_BY.search(mtext, s0, s1) if mtext.find("tổ chức", s0, s1) >= 0 else None
                if by and orgs.is_org(by.group("org")):
                    return _org_tail(text, mtext, by.start("org"), by.end("org"))
                # "Đoàn kiểm tra của X do đồng chí Y, Phó Bí thư … làm Trưởng đoàn đã kiểm tra": X's team.
                leaders[s0] = _led_by_start(mtext, s0, s1)
            led = leaders[s0]
            for m in verb.finditer(mtext, s0, s1):
                end = led if led is not None and led < m.start() else m.start()
                # "Hội nông dân cụm thi đua số 02 gồm 05 huyện: Lăk, … vừa tổ chức": the body before its members.
                members = _MEMBERS.search(mtext, s0, end)
                end = members.start() if members else end
                host = _org_tail(text, mtext, s0, end)
                at = text.rfind(host, s0, m.start()) if host else -1
                if host and _FUTURE_WORD.search(mtext, at, m.start()):
                    # "Ban sẽ phối hợp … tổ chức hội nghị …": a meeting to come, not this one.
                    continue
                if host and _plausible_host(host) and not _is_object(mtext, s0, at):
                    return _without_leader(host)
    for para in lead:
        held = _named_then_held(text, mtext, para)
        if held:
            return held
    for para in lead:
        for pattern, needs in ((_HOST_CONGRESS, "lần thứ"), (_HOST_SESSION, "ội nghị")):
            if mtext.find(needs, para[0], para[1]) < 0:
                # What the pattern needs is not in the paragraph (a substring test first).
                continue
            for named in pattern.finditer(mtext, para[0], para[1]):
                # "Nghị quyết Đại hội …", "đi dự Đại hội …": a congress named, not the one reported.
                if _NAMED_ONLY.search(mtext, max(para[0], named.start() - 20), named.start()):
                    continue
                if orgs.starts_with_org(named.group("org")):
                    return text[named.start("org") : named.end("org")]
                break
    return None


# "Hội nghị Đại biểu Công đoàn phường Tân Hòa, TP HCM nhiệm kỳ 2025 - 2030, đã diễn ra", "Hội nghị tổng kết công tác
# Hội Cựu chiến binh huyện Phú Quý năm 2023 diễn ra …": the meeting named with its body, then held.
# "(?<![\w])(?:[Hh]ội nghị|…)(?![\w])" with every branch opened by a literal letter (the look behind made after it):
# the engine finds the places to try by a fast scan; branches that open with different letters never match at one place.
_MEETING_NAMED = re.compile(
    "|".join(
        rf"{w[0]}(?<!\w.){w[1:]}(?![\w])"
        for w in ("Hội nghị", "hội nghị", "Đại hội", "đại hội", "Kỳ họp", "kỳ họp", "Phiên họp", "phiên họp")
    )
)
_HELD_VERB = re.compile(
    r"(?<![\w])(?P<also>cũng\s+)?(?:đã\s+|đã được\s+|được\s+|chính thức\s+)?(?:diễn ra|khai mạc|bế mạc|tổ chức)(?![\w])"
)
_BODY_STOP = re.compile(
    r",|\s(?:năm|nhiệm kỳ|lần thứ|khóa|khoá|quý|tháng|6 tháng|sáu tháng|9 tháng|đã|vừa|được|diễn ra|khai mạc|"
    r"tổ chức|về|với|tại|chính thức|\()(?![\w])"
)
_OTHER_MEETING = re.compile(r"(?i)\s*(?:trước đó|sau đó|cùng ngày|đồng thời)(?![\w])")
# What may stand between the meeting's noun and its body's name.
_MEETING_MODIFIERS = re.compile(
    r"(?:\s+(?i:đại biểu|sơ kết|tổng kết|giao ban|công tác|lần thứ\s+\S+|thường kỳ|định kỳ|mở rộng|của))*\s+"
)


def _named_then_held(text: str, mtext: str, para: Span) -> str | None:
    for s0, s1 in sentences(mtext, para):
        for named in _MEETING_NAMED.finditer(mtext, s0, s1):
            if _NAMED_ONLY.search(mtext, max(s0, named.start() - 20), named.start()):
                continue
            verb = _HELD_VERB.search(mtext, named.end(), s1)
            if verb is None or verb.group("also") or _OTHER_MEETING.match(mtext, s0, named.start()):
                # "Trước đó, … Hội nghị Đại biểu Công đoàn phường … cũng được tổ chức": another meeting.
                continue
            between = _MEETING_MODIFIERS.match(mtext, named.end(), verb.start())
            head = orgs.ORG_HEAD_START.match(mtext, between.end(), verb.start()) if between else None
            if head is None or not mtext[head.start()].isupper():
                continue
            stop = _BODY_STOP.search(mtext, head.end(), verb.start())
            end = stop.start() if stop else verb.start()
            host = text[head.start() : end].strip(" ,")
            if host and _plausible_host(host):
                return host
            break
    return None


_FUTURE_WORD = re.compile(r"(?<![\w])(?:sẽ|dự kiến)(?![\w])")
_MEMBERS = re.compile(r"\s+(?:gồm|bao gồm)\s[^.;]*:")


# "chỉ đạo các CĐCS tổ chức Đại hội": the body is the object of a direction, not the host.
_OBJECT_BEFORE = re.compile(r"(?:các|những|chỉ đạo|giao|đề nghị|yêu cầu|hướng dẫn|cho|với)\s*$")


def _is_object(mtext: str, s0: int, start: int) -> bool:
    return bool(_OBJECT_BEFORE.search(mtext, max(s0, start - 16), max(s0, start)))


# A body acting as the subject of the text ("Hội LHPN tỉnh Gia Lai xác định …", "lãnh đạo Hội LHPN huyện
# đã điểm lại …"): the host when no sentence says who held the meeting.
_SUBJECT_VERB = re.compile(
    r"\s+(?:(?:đã|vừa|cũng|đều)\s+)*(?:điểm lại|xác định|sơ kết|tổng kết|thông qua|đề ra|tập trung|tiếp tục|"
    r"triển khai|tổ chức|đánh giá)(?![\w])"
)
# Lower-case words a body's name is made of; any other (a verb, "và", "về việc") ends the subject.
_NAME_LOWER = (
    "xã|phường|thị|trấn|huyện|quận|thành|phố|tỉnh|việt|nam|nhân|dân|nông|liên|hiệp|phụ|nữ|cựu|chiến|binh|thanh|"
    "niên|cộng|sản|mặt|trận|tổ|quốc|ban|thường|trực|vụ|chấp|hành|đoàn|hội|lao|động|ủy|uỷ|năm"
)
_NOT_A_NAME = re.compile(rf"[,.;:()\"“”]|(?<![\w])(?!(?:{_NAME_LOWER})(?![\w]))[{LOWER}]+(?![\w])")
# The body is a particular one: it names its level or its place ("Hội LHPN huyện", "… xã Đoàn Đào").
_PARTICULAR = re.compile(
    r"(?<![\w])(?:xã|phường|thị trấn|huyện|quận|thị xã|thành phố|tỉnh|Trung ương|TP)(?![\w])|\s[A-ZĐ]\w*\s+[A-ZĐ]"
)


def subject_host(text: str, mtext: str, paras: list[Span]) -> str | None:
    """The first particular body that is the subject of a review or plan verb in the text's
    opening paragraphs."""
    for a, b in paras[:_HOST_PARAS]:
        for head in orgs.ORG_HEAD.finditer(mtext, a, b):
            if _is_object(mtext, a, head.start()) or not mtext[head.start()].isupper():
                continue
            verb = _SUBJECT_VERB.search(mtext, head.end(), min(b, head.end() + 80))
            if verb is None:
                continue
            phrase = mtext[head.start() : verb.start()]
            if _NOT_A_NAME.search(phrase) or not _PARTICULAR.search(phrase):
                continue
            return text[head.start() : verb.start()]
    return None


_TEAM = re.compile(r"(?:^|\s)Đoàn\s+$")
_QUOTES = re.compile(r"[\"“”]|về việc|diễn ra")


def _plausible_host(host: str) -> bool:
    """A body's name, not a clause: no lower-case action word ("triển khai kế hoạch"), no quotes."""
    mhost = match_form(host)
    # "Đoàn kiểm tra", "Đoàn giám sát": a team named by its work is still a body.
    actions = [
        m
        for m in orgs.ACTION_RE.finditer(mhost)
        if mhost[m.start()].islower() and not _TEAM.search(mhost, 0, m.start())
    ]
    return not actions and not _QUOTES.search(mhost)


def _without_leader(host: str) -> str:
    cut = _LED_BY.search(host)
    return host[: cut.start()].strip(" ,") if cut and cut.start() > 0 else host


# Segments after a body's name that still belong to it: its place, its term ("khóa XII, nhiệm kỳ 2017-2022").
_QUALIFYING_SEGMENT = re.compile(r"(?i)\s*(?:huyện|tỉnh|thành phố|quận|thị xã|xã|phường|nhiệm kỳ|khóa|khoá)\b")
# "Ban Dân vận Tỉnh ủy phối hợp với Ban Dân vận Huyện ủy … tổ chức": the first body holds the meeting.
_TOGETHER_WITH = re.compile(r"\s+phối hợp\s+(?:với|cùng)\s")


# The commas that cut a host phrase (kept, with their spaces); a past or possessive verb left at its end.
_COMMA_SPLIT = re.compile(r"(,\s*)")
_TRAILING_VERB = re.compile(r"\s+(?:đã|vừa|có)$")


def _org_tail(text: str, mtext: str, start: int, end: int) -> str | None:
    """The body named at the end of ``[start, end)``: walk back over ", "-separated segments; of two
    bodies joined by "phối hợp với", the first."""
    together = _TOGETHER_WITH.search(mtext, start, end)
    if together and orgs.ORG_HEAD.search(mtext, start, together.start()):
        end = together.start()
    segs = _COMMA_SPLIT.split(mtext[start:end])
    # Rebuild segment offsets.
    offsets: list[tuple[int, int]] = []
    pos = start
    for s in segs:
        offsets.append((pos, pos + len(s)))
        pos += len(s)
    chosen: int | None = None
    for i in range(len(offsets) - 1, -1, -2):
        a, b = offsets[i]
        seg = mtext[a:b]
        m = orgs.ORG_HEAD.search(seg)
        if m:
            chosen = a + m.start()
            break
        if not _QUALIFYING_SEGMENT.match(seg):
            return None
    if chosen is None:
        return None
    host = text[chosen:end].strip(" ,")
    host = _TRAILING_VERB.sub("", host)
    return host or None


def find_date(
    mtext: str, lead: list[Span], skip: list[Span], paras: list[Span] | None = None, years: list[int] | None = None,
    dates: DateScan | None = None,
) -> DateMention | None:
    """Meeting date: a date in a lead sentence that mentions the meeting, else the first dated
    sentence start ("Chiều ngày 21/12, ..."); with none in the lead (a headline and a quoted direction
    before it), a date in a sentence of the next paragraphs that names the meeting.  ``years``: the text's
    ``years_named`` when the caller has them, ``dates`` the text's ``DateScan``."""
    dates = dates or DateScan(mtext)
    candidates = _dates_in(dates, lead, skip)
    latest = max(years_named(mtext) if years is None else years, default=0)
    # A date long before the text's latest year is history ("(14/10/1930 - 14/10/2020)"), not the meeting's day.
    candidates = [(score, d) for score, d in candidates if not d.year or d.year >= latest - _HISTORY_YEARS]
    if not candidates and paras:
        after = [p for p in paras[:_DATE_REACH] if p not in lead]
        # Only a dated opening of a sentence that names the meeting ("Sáng 10/2, Ủy ban … tổ chức hội nghị"),
        # not an end ("làm việc đến ngày 14-3") nor an earlier event ("Trước đó, chiều 11-10, …").
        candidates = [
            (score, d) for score, d in _dates_in(dates, after, skip)
            if score == 0 and d.has_context and not _OTHER_DAY.search(mtext, max(0, d.start - 30), d.start)
            and (not d.year or d.year >= latest - _HISTORY_YEARS)
        ]
    if not candidates:
        return None
    best = min(candidates, key=lambda c: (c[0], c[1].start))[1]
    return _range_start(mtext, best)


_DATE_REACH = 8
_HISTORY_YEARS = 10
_OTHER_DAY = re.compile(r"(?i)(?:trước đó|sau đó|đến|tới|hết)[\s,]*(?:\w+\s+)?(?:ngày\s+)?$")


def _dates_in(dates: DateScan, paras: list[Span], skip: list[Span]) -> list[tuple[int, DateMention]]:
    """Dates of the meeting's kind in ``paras``, each with its rank (0 best: in a sentence naming the
    meeting, near its start)."""
    mtext = dates.text
    candidates: list[tuple[int, DateMention]] = []
    for para in paras:
        for s0, s1 in sentences(mtext, para):
            has_meeting = bool(_MEETING_WORD.search(mtext, s0, s1))
            for d in dates.within(s0, s1):
                if any(a <= d.start < b for a, b in skip):
                    continue
                if _DATE_CONTEXT_BAD.search(mtext[max(0, d.start - 20) : d.start]) or _POSTED.match(mtext, d.end):
                    continue
                if d.start == para[0] and not mtext[d.end : para[1]].strip():
                    # A line holding a date alone ("31/10/2023" under the headline) is when the page was posted.
                    continue
                score = (0 if has_meeting else 2) + (0 if d.start - s0 < 30 else 1)
                candidates.append((score, d))
    return candidates


# "Trong 2 ngày 26 - 27/10/2023": a meeting of a few days is dated by its first day; "Từ ngày 22/10
# đến ngày 07/11/2024" (an inspection round) has no one meeting day.
# Within one line, and not the end of a year or of a longer number ("nhiệm kỳ 2018- 2023\n- Ngày 7-12").
_RANGE_BEFORE = re.compile(
    r"(?i)(?:từ[^\S\n]+|trong[^\S\n]+(?:\d+[^\S\n]+)?(?:ngày[^\S\n]+)?)?(?:ngày[^\S\n]+)?(?<![\d/.])(?P<d>\d{1,2})"
    r"(?:[^\S\n]*[/.-][^\S\n]*(?P<m>\d{1,2}))?[^\S\n]*(?:-|đến|tới)[^\S\n]*(?:hết[^\S\n]+)?(?:ngày[^\S\n]+)?$"
)
_SHORT_RANGE_DAYS = 3


_RANGE_AFTER = re.compile(
    r"\s*(?:-|đến|tới)\s*(?:hết\s+)?(?:ngày\s+)?(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})(?:\s*[/.-]\s*(?P<y>\d{4}))?"
)


def _range_start(mtext: str, date: DateMention) -> DateMention | None:
    after = _RANGE_AFTER.match(mtext, date.end)
    if after:
        # The date opens a range: its length decides.
        end_day, end_month = int(after.group("d")), int(after.group("m"))
        if end_month == date.month and 0 <= end_day - date.day <= _SHORT_RANGE_DAYS:
            year = date.year or (int(after.group("y")) if after.group("y") else None)
            return DateMention(date.day, date.month, year, date.start, after.end(), date.has_context)
        return None
    rng = _RANGE_BEFORE.search(mtext, max(0, date.start - 40), date.start)
    if not rng:
        return date
    day = int(rng.group("d"))
    month = int(rng.group("m")) if rng.group("m") else date.month
    if month == date.month and 0 <= date.day - day <= _SHORT_RANGE_DAYS:
        return DateMention(day, month, date.year, rng.start("d"), date.end, date.has_context)
    return None


def find_chairs(
    mtext: str,
    people: list[Person],
    trigger_sentences: list[tuple[Span, int]],
    paras: list[Span],
    by_verb: list[Person] | None = None,
) -> list[Person]:
    """People who chaired ("chủ trì", "đồng chủ trì", "dự và chỉ đạo") or spoke the conclusion;
    ``by_verb`` is ``chairs_by_verb`` when the caller already has it."""
    chairs = list(by_verb) if by_verb is not None else chairs_by_verb(mtext, people, paras)
    # Who presided, concluded or came "to attend and direct" is a chair; when one is named, a guest
    # who only spoke ("phát biểu chỉ đạo", "đề nghị") is not, unless he heads the Party committee.
    presiding = chairs_by_verb(mtext, people, paras, presiding_only=True)
    if presiding:
        party_heads = {p.name.casefold() for p in people if p.title and _PARTY_HEAD.match(p.title)}
        speakers = chairs + _speakers(mtext, people, trigger_sentences, paras)
        return presiding + [p for p in speakers if p.name.casefold() in party_heads]
    return chairs + _speakers(mtext, people, trigger_sentences, paras)


def _speakers(
    mtext: str, people: list[Person], trigger_sentences: list[tuple[Span, int]], paras: list[Span]
) -> list[Person]:
    """The person who speaks each direction sentence."""
    chairs: list[Person] = []
    for (s0, _s1), trig in trigger_sentences:
        # The speaker is the person named closest before the direction verb; a pronoun subject
        # ("Để hoàn thành ..., bà đề nghị") refers to the last person named earlier in the paragraph.
        speakers = [p for p in people if s0 <= p.start < trig]
        if not speakers:
            speakers = _named_before(mtext, people, paras, s0, trig)
        chairs += speakers[-1:]
    return chairs


# What may stand before a direction verb whose speaker was named in an earlier sentence: nothing but
# connectors and a time phrase ("Trong thời gian tới đề nghị …"), or the speaker's title alone
# ("Bí thư Huyện ủy mong muốn …").
_BARE_OPENING = re.compile(
    r"\s*(?:(?:Đồng thời|Bên cạnh đó|Ngoài ra|Cuối cùng|Trong thời gian tới|Thời gian tới|Trước mắt)\s*,?\s*)*$"
)


def _named_before(mtext: str, people: list[Person], paras: list[Span], s0: int, trig: int) -> list[Person]:
    """The speaker of a direction sentence that names nobody: a pronoun, no subject at all or a
    title alone refers to the last person named earlier in the paragraph (with that title)."""
    para0 = next((a for a, b in paras if a <= s0 < b), s0)
    earlier = [p for p in people if para0 <= p.start < s0]
    if _PRONOUN_BEFORE.search(mtext, s0, trig) or _BARE_OPENING.fullmatch(mtext, s0, trig):
        return earlier
    title = " ".join(mtext[s0:trig].split()).casefold()
    if title and title[:1].isalpha():
        titled = [p for p in people if p.start < s0 and p.title and p.title.casefold().endswith(title)]
        return titled
    return []


@per_text
def _chair_verbs(mtext: str) -> list[re.Match[str]]:
    """The text's ``_CHAIR`` verbs (one scan a text: the presiding ones are among them)."""
    return list(_CHAIR.finditer(mtext))


def chairs_by_verb(mtext: str, people: list[Person], paras: list[Span], presiding_only: bool = False) -> list[Person]:
    """People named as the subject of "chủ trì", "kết luận", "dự và chỉ đạo" (or after "chủ trì có"); with
    ``presiding_only``, of the ``_PRESIDE`` verbs only."""
    chairs: list[Person] = []
    # Each clause takes the first of these inside it.  A ``_PRESIDE`` match is a ``_CHAIR`` match of the same span
    # (its branches are among _CHAIR's, in the same order, and none starts inside a match of the others).
    found = _chair_verbs(mtext)
    if presiding_only:
        found = [v for v in found if _PRESIDE.fullmatch(v.group(0))]
    if not found:
        return chairs
    for para in paras:
        if not any(para[0] <= v.start() and v.end() <= para[1] for v in found):
            continue
        for s0, s1 in sentences(mtext, para):
            clauses = _clauses(mtext, s0, s1)
            for k, (clause0, clause1) in enumerate(clauses):
                m = next((v for v in found if clause0 <= v.start() and v.end() <= clause1), None)
                if not m or _GIAO_WORD.search(mtext, clause0, clause1):
                    continue
                # The subject comes before the verb; "dưới sự chủ trì của X" / "chủ trì có X" after it.
                before = [p for p in people if clause0 <= p.start < m.start()]
                after = [p for p in people if m.end() <= p.start < clause1]
                if not before and "chủ trì" in m.group(0).lower() and _CHAIR_LIST.match(mtext, m.end(), s1):
                    # "Dự và chủ trì Hội nghị có đồng chí A - ...; đồng chí B - ...; đồng chí C ...":
                    # every person named in the list the verb opens, up to the other attendees.
                    stop = _LIST_STOP.search(mtext, m.end(), s1)
                    end = stop.start() if stop else s1
                    chairs += [p for p in people if m.end() <= p.start < end]
                    break
                subjects = _joined_subjects(mtext, before) or after[:1]
                if before and _opens_with(mtext, clause0, before[0]):
                    # "Anh A - …; anh B - …; chị C - … chủ trì hội nghị": the people listed before it chair too.
                    subjects = _listed_before(mtext, people, clauses[:k]) + subjects
                chairs += subjects
    return chairs


_LIST_ITEM_LEAD = re.compile(r"[\s,;:]*(?:(?:các\s+)?(?:[Đđ]ồng chí|[Ôô]ng|[Bb]à|[Aa]nh|[Cc]hị|đ/c)\s+)?")
_ITEM_CHARS = 200


def _opens_with(mtext: str, start: int, person: Person) -> bool:
    """Whether ``person`` (after an honorific) opens the clause at ``start``."""
    lead = _LIST_ITEM_LEAD.match(mtext, start, person.start)
    return lead is not None and lead.end() == person.start


def _listed_before(mtext: str, people: list[Person], clauses: list[Span]) -> list[Person]:
    """The titled people of the ";"-items right before a clause, each item one person and a title."""
    out: list[Person] = []
    for c0, c1 in reversed(clauses):
        inside = [p for p in people if c0 <= p.start < c1]
        if len(inside) != 1 or not inside[0].title or c1 - c0 > _ITEM_CHARS or not _opens_with(mtext, c0, inside[0]):
            break
        out.insert(0, inside[0])
    return out


_CHAIR_LIST = re.compile(
    r"\s*(?:hội nghị|buổi làm việc|buổi giao ban|cuộc họp|đại hội|phiên họp)?\s*"
    r"(?:(?:có|gồm)\s+(?:các\s+)?(?:đồng chí|ông|bà|đ/c)\s*:?"
    r"|(?:có|gồm|là)?\s*(?:các\s+)?(?:đồng chí|ông|bà|đ/c)?\s*:)",
    re.IGNORECASE,
)
_LIST_STOP = re.compile(r"(?i)(?:\bcùng (?:dự|các|với)|\bcùng tham dự|\btham dự|\bdự hội nghị|\bcó sự tham dự)")


_AND_NEXT = re.compile(r"\s*,?\s*và\s+(?:các\s+)?(?:[Đđ]ồng chí|[Ôô]ng|[Bb]à|đ/c)?\s*$")


def _joined_subjects(mtext: str, before: list[Person]) -> list[Person]:
    """The last person before a verb and those joined to it by "và" ("A ... và đồng chí B ... chủ trì")."""
    if not before:
        return []
    out = [before[-1]]
    for prev in reversed(before[:-1]):
        if not _AND_NEXT.fullmatch(mtext[prev.end : out[0].start]):
            break
        out.insert(0, prev)
    return out


_SEMICOLON = re.compile(";")


def _clauses(mtext: str, s0: int, s1: int) -> list[Span]:
    out: list[Span] = []
    pos = s0
    for m in _SEMICOLON.finditer(mtext[s0:s1]):
        out.append((pos, s0 + m.start()))
        pos = s0 + m.end()
    out.append((pos, s1))
    return out
