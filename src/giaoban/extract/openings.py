"""Where the directive part opens: direction verbs and their speakers, plan lists opened by a period
ahead or a named plan, lists opened by a colon, and the lead-in before the content.

``find_trigger`` returns, for the first sentence of a paragraph that opens the part, where its content
starts and the bodies its lead-in names (``Trigger``); ``Context`` is what it knows of the text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from . import organizations as orgs
from .chars import LET, LO, any_of, caseless_alternation, matches_at, per_text, places_of
from .people import Person
from .periods import PeriodMention, find_periods
from .segment import Span, sentences

# Each branch opened by its literal first letter, the word-start test made after it ("(?<!LET.)": no letter before
# that one), so the engine finds the places to try by a fast scan of those letters; "giao …" is the one branch that
# opens with a "g" (``gives``).
_DIRECTION_WORDS = (
    "đề nghị", "yêu cầu", "chỉ đạo", "nhấn mạnh", "lưu ý", "quán triệt", "kết luận(?: chỉ đạo)?", "đề ra", "kêu gọi",
    "thống nhất", "xác định", "mong muốn", "mong rằng", "Đề nghị", "Yêu cầu",
)
TRIGGER = re.compile(
    "|".join([
        *(f"{w[0]}(?<!{LET}.){w[1:]}(?!{LO})" for w in _DIRECTION_WORDS),
        *(rf"{g}(?<!{LET}.)iao(?:\s+nhiệm vụ)?(?:\s+cho)?\s+(?={orgs.HEAD_START_BODY})" for g in "Gg"),
    ])
)
# The words a ``TRIGGER`` match opens with.
_TRIGGER_ANCHORS = (*(w.split("(")[0] for w in _DIRECTION_WORDS), "giao", "Giao")


@per_text
def _trigger_places(mtext: str) -> list[int]:
    """Where a ``TRIGGER`` match may start in the text, in order (read once a text)."""
    return sorted(places_of(mtext, _TRIGGER_ANCHORS))


@per_text
def triggers_in(mtext: str, start: int, end: int) -> tuple[re.Match[str], ...]:
    """What ``TRIGGER.finditer(mtext, start, end)`` finds, the pattern tried only where a direction word stands (each
    sentence's asked by several detectors: found once a text)."""
    places = _trigger_places(mtext)
    inside = places[bisect.bisect_left(places, start) : bisect.bisect_left(places, end)]
    return tuple(matches_at(TRIGGER, mtext, inside, start, end))


def gives(m: re.Match[str]) -> bool:
    """Whether a ``TRIGGER`` match is an assignment ("giao X chủ trì …")."""
    return m.group(0)[0] in "Gg"


_SPEAKER = re.compile(
    rf"(?<!{LET})(?:[Đđ]ồng chí|[Ôô]ng|[Bb]à|[Ll]ãnh đạo|Bí thư|Chủ tịch|Trưởng [Bb]an|Ban Thường trực|"
    rf"Thường trực|[Tt]hời gian tới|Ban Thường vụ|Ban Chấp hành|Hội nghị (?:đã )?thống nhất)(?!{LO})"
)
# Trigger words used as nouns or objects are not the start of a direction.
# "lãnh đạo, chỉ đạo" is the noun pair "leadership and direction", not a direction being given.
# Each alternative (a letter class spelled out as its two letters, in place) opens with a literal letter, so the
# engine finds the places to try by a fast scan; the order is kept, so the same alternative wins.
_NOT_TRIGGER_BEFORE = re.compile(
    "|".join(
        w + r"\s*$"
        for w in [
            "đáp ứng", "theo", "với", "sự", "của", "ý kiến", "kiến nghị,", "các", "những", "theo đúng", "được",
            "lãnh đạo,", "lãnh đạo và", "bàn",
            # "các văn bản chỉ đạo", "Công văn chỉ đạo": the noun, not the verb.
            "văn bản", "Công văn", "công văn", "kế hoạch", "hướng dẫn", "tham mưu cho cấp ủy", "Trưởng ban",
            "trưởng ban", "Ban", "ban", "hồ sơ", "tờ trình", "danh sách",
            # "dự và chỉ đạo hội nghị": attending, not directing.
            "dự và", "dự,",
        ]
    )
)
# "thống nhất thông qua dự thảo", "đề nghị hiệp thương cử": a decision on documents or people.
_NOT_TRIGGER_AFTER = re.compile(
    r"^\s*(?:của|đã đề ra|được|nêu|đặt ra|hội nghị\s*[,.;]|hội nghị$|(?:thông qua|hiệp thương|bầu|cử|với|cao)(?![\w]))"
)
_ROUTINE_AFTER = re.compile(r",?\s+(?:và\s+)?(?:hướng dẫn|kiểm tra|đôn đốc)(?![\w])")
# "các chỉ tiêu đề ra." / "chương trình công tác đề ra,": "đề ra" closing a noun phrase means "set out".
_PARTICIPLE = re.compile(r"\s*(?:[.,;]|$)")
# "quán triệt (những) nội dung Quyết định ...": a speaker presenting a document, not directing.
_PRESENTING_AFTER = re.compile(
    r"\s*(?:những |các |toàn bộ )?(?:nội dung|Nghị quyết|Quyết định|Chỉ thị|Kết luận|Quy định|Hướng dẫn|"
    r"Luật|chuyên đề|văn bản|tinh thần)"
)
# Sentences that report a report or the delegates' discussion: a direction verb inside them is a
# proposal or a reported act unless a chair of the meeting speaks or the sentence concludes.
_DISCUSSION_OPENER = re.compile(
    r"(?i)(?:theo báo cáo|báo cáo (?:cho biết|nêu|của)|tại (?:hội nghị|buổi làm việc|cuộc họp|phiên họp|"
    r"buổi giao ban|kỳ họp)\s*,|thảo luận|tham luận|(?:các |nhiều |một số )?(?:ý kiến|đại biểu|đại diện)\b)"
)
_CONCLUDING = re.compile(r"(?i)kết luận|phát biểu chỉ đạo|thay mặt")
_COLON_AFTER = re.compile(r"\s*(?:như sau|sau)?\s*:")
# Matched at a position of the text up to the sentence's end (no "^": ``match`` anchors it there), not on a copy:
# the pattern has no look behind or ahead, so it reads what a copy would.
_CONNECTORS = re.compile(
    r"(?:\s*(?:[Đđ]ồng thời|[Tt]rước mắt|[Bb]ên cạnh đó|[Nn]goài ra|[Mm]ặt khác|[Đđ]ặc biệt(?: là)?|"
    r"[Tt]rong đó|[Tt]rọng tâm là|[Cc]ùng với đó|[Tt]rong thời gian tới|[Tt]hời gian tới|[Tt]ừ nay đến cuối năm|"
    r"[Ss]au hội nghị(?: này)?|[Vv]ì vậy|[Dd]o đó|[Cc]ụ thể(?: là)?|[Tt]heo đó|[Nn]hất là|và|"
    r"(?:[Mm]ột|[Hh]ai|[Bb]a|[Bb]ốn|[Nn]ăm|[Ss]áu|[Bb]ảy|[Tt]ám|[Cc]hín|[Mm]ười) là|"
    r"[Tt]hứ (?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười))\s*,?\s+)+"
)
# "trong năm 2024, MTTQ ... " : a time phrase between the trigger and the bodies.
# A bare period ("6 tháng cuối năm 2024, Hội ...", "quý II, các cơ sở ...") is one too.
_TIME_LEAD = re.compile(
    r"(?:[Tt]rong|[Tt]ừ nay đến|[Đđ]ến hết|[Nn]gay trong|(?:\d{1,2}|[Ss]áu|[Cc]hín) tháng|[Qq]uý|[Nn]ăm|[Nn]hiệm kỳ)"
    r"\s[^,:;]{1,40},\s*"
)
# A plan named before its tasks: "Về phương hướng, nhiệm vụ năm 2026, Hội …", "Hội nghị triển khai nhiệm
# vụ 6 tháng cuối năm, tập trung …"; its period must lie ahead (see ``_plan_opening``).
_PLAN_HEAD = re.compile(
    r"(?:(?:Về|Đối với)\s+|(?:Hội nghị|Đại hội)\s+(?:cũng\s+)?(?:đã\s+)?"
    r"(?:triển khai|đề ra|bàn|xác định|thống nhất)\s+"
    # "Nhiệm vụ 6 tháng cuối năm 2018, Công đoàn ngành … tiếp tục …": the plan named at the sentence's start.
    r"|(?=(?:Phương hướng|Nhiệm vụ|Mục tiêu|Chương trình|Kế hoạch)\s))"
    r"(?:[^,:;]{0,30}?\s)?(?i:phương hướng|nhiệm vụ|chương trình|kế hoạch|mục tiêu)(?![\w])"
)
_PLAN_REACH = 100


def _named_plan_end(mtext: str, start: int, end: int) -> int | None:
    """End of a named plan phrase at ``start``: the first comma after which the phrase names a
    period or "tới" ("Về phương hướng, nhiệm vụ năm 2026, …")."""
    head = _PLAN_HEAD.match(mtext, start, end)
    if head is None:
        return None
    pos = head.end()
    limit = min(end, pos + _PLAN_REACH)
    while (comma := mtext.find(",", pos, limit)) >= 0:
        if find_periods(mtext, start, comma) or _AHEAD.search(mtext, start, comma):
            return _skip_spaces(mtext, comma + 1, end)
        pos = comma + 1
    return None



@dataclass
class Context:
    """What the direction finder knows about the speakers: titled people and the lead's chairs."""

    people: list[Person] = field(default_factory=list)
    chair_names: frozenset[str] = frozenset()
    # The next period's key (type, year, number): a paragraph opened by it sets out the plan.
    next_key: tuple | None = None
    # The end (year, month) of the period under review and the meeting's (year, month): a period
    # that ends after them lies ahead, so a paragraph opened by it sets out the plan too.
    review_end: tuple[int, int] | None = None
    date: tuple[int, int] | None = None
    default_year: int | None = None


@dataclass
class Trigger:
    sentence: Span
    position: int
    content_start: int
    assignees: list[str]
    # "Giao X chủ trì ..." names its own bodies; later pieces keep the part's inherited ones.
    keeps_inherited: bool = False
    # The period a plan opening names ("6 tháng cuối năm, Hội …"): the next period when none other is.
    period: PeriodMention | None = None


def find_trigger(
    text: str, mtext: str, para: Span, context: Context | None = None, within_part: bool = False
) -> Trigger | None:
    """The first sentence of a paragraph that opens a direction, with where its content starts.

    ``context`` names the people of the text and the chairs known from the lead: in a sentence
    that reports a report or the discussion ("Tại hội nghị, X đề nghị ..."), only chairs direct. ``within_part``: the
    sentence lies inside the directive part, where a body that "đề nghị" speaks for the meeting too."""
    context = context or Context()
    prev: Span | None = None
    for sent in sentences(mtext, para):
        s0, s1 = sent
        plan = _plan_opening(text, mtext, sent, context) or plan_follows(mtext, prev, sent)
        prev = sent
        if plan:
            return plan
        if _is_discussion(mtext, s0, s1, context):
            continue
        for m in triggers_in(mtext, s0, s1):
            before = mtext[max(s0, m.start() - 20) : m.start()]
            if _NOT_TRIGGER_BEFORE.search(before) or _NOT_TRIGGER_AFTER.match(mtext[m.end() : s1]):
                continue
            word = m.group(0).lower()
            if word == "đề ra" and _PARTICIPLE.match(mtext, m.end(), s1):
                continue
            if word == "chỉ đạo" and _ROUTINE_AFTER.match(mtext, m.end(), s1):
                # "đã tập trung chỉ đạo, hướng dẫn các địa phương …": the body's routine work reported.
                continue
            purpose = _PURPOSE.search(mtext, s0, m.start()) or _AGENDA_LIST.search(mtext, s0, m.start())
            if _SETS_OUT.match(word) and purpose:
                # "hội nghị … nhằm kiểm tra tiến độ … và thống nhất các nội dung …": what the meeting is for,
                # or its agenda ("với các nội dung: …, thống nhất Chương trình Đại hội").
                continue
            colon = _COLON_AFTER.match(mtext, m.end(), s1)
            if (
                word == "chỉ đạo"
                and _SPEECH_NOUN.search(mtext, max(s0, m.start() - 12), m.start())
                and _SPEECH_AFTER.match(mtext, m.end(), s1)
            ):
                # "Phát biểu chỉ đạo tại Đại hội, đồng chí X đề nghị …": the speech, not the direction.
                continue
            if colon and _REPORTS_FIRST.match(mtext, colon.end(), s1):
                # "… nhấn mạnh: Trong tháng 8, toàn hệ thống chính trị xã đã nỗ lực …": a report follows.
                continue
            if (word.startswith("kết luận") or word == "quán triệt") and not colon:
                # "quán triệt các nhiệm vụ trọng tâm … trong quý IV: …" opens its list further on;
                # "triển khai, quán triệt một số văn bản" presents documents and directs nothing.
                later = _later_list(text, mtext, sent, m)
                if later is not None:
                    return later
                continue
            will = _WILL_LEAD.match(mtext, _skip_spaces(mtext, m.end(), s1), s1) if word == "xác định" else None
            if word == "xác định" and not (colon or starts_with_action(mtext, will.end() if will else
                                                                          _skip_spaces(mtext, m.end(), s1))):
                # "xác định rõ nguyên nhân": a finding; "Hội … xác định: …", "xác định (sẽ) tiếp tục …": a plan.
                continue
            opens = m.start() in (s0, after_connectors(mtext, s0, s1))
            spoken = opens or colon or _SPEAKER.search(mtext, s0, m.start()) or _also_spoken(mtext, s0, m.start())
            if not spoken and not _body_speaks(mtext, s0, m.start(), within_part):
                continue
            if gives(m):
                # "giao X chủ trì, phối hợp ...": the assignment itself is the directive, verbatim.
                return Trigger(sent, m.start(), m.start(), [], keeps_inherited=True)
            if _AGENDA.search(mtext, m.start(), mtext.find(":", m.start(), s1)):
                continue
            subject = _subject_bodies(text, mtext, s0, m.start()) if _SETS_OUT.match(word) else []
            first_colon = mtext.find(":", m.end(), s1)
            if first_colon >= 0 and _THEME.search(mtext, m.end(), first_colon):
                # "thống nhất phương hướng hoạt động năm 2026 với chủ đề: “…”": a theme, not tasks.
                continue
            if colon:
                bodies = _topic_bodies(text, mtext, s0, m.start()) or subject
                return Trigger(sent, m.start(), colon.end(), bodies)
            trig = lead_in(text, mtext, sent, m.start(), will.end() if will else m.end())
            if word.startswith("mong") and not trig.assignees:
                # "mong muốn" directs only when it names who is to act ("mong muốn Hội … tiếp tục").
                continue
            if not trig.assignees:
                trig.assignees = _topic_bodies(text, mtext, s0, m.start()) or subject
            return trig
        listed = _spoken_list(text, mtext, sent, context)
        if listed:
            return listed
    return None


# "Hội nghị đánh giá cao …, đồng thời đề nghị các đơn vị …": the meeting (or its chair) that opens the
# sentence goes on speaking after "đồng thời" / "và" / "cũng".
_SENTENCE_SUBJECT = re.compile(
    r"(?i)\s*(?:tại (?:hội nghị|đại hội|buổi làm việc)\s*,\s*|phát biểu[^,]{0,80},\s*|kết luận[^,]{0,60},\s*)?"
    r"(?:hội nghị|đại hội|chủ tọa|chủ trì|lãnh đạo|thường trực|ban thường vụ|ban thường trực)(?![\w])"
)
_REQUEST = re.compile(r"(?i)đề nghị|yêu cầu|chỉ đạo|lưu ý|kêu gọi|giao")
_ALSO = re.compile(r"(?i)[,;]?\s*(?:đồng thời|và|cũng|đồng thời cũng)\s*$")


def _also_spoken(mtext: str, s0: int, trig: int) -> bool:
    if not _REQUEST.match(mtext, trig):
        return False
    return bool(_ALSO.search(mtext, max(s0, trig - 20), trig)) and bool(
        _SENTENCE_SUBJECT.match(mtext, after_connectors(mtext, s0, trig), trig)
    )


# "Đối với các chi bộ tổ dân phố, đồng chí yêu cầu …": the bodies the speaker turns to.
_TOPIC_BODY = re.compile(r"\s*(?:Đối với|Riêng|Với)\s+(?P<body>[^,:;]{2,100}?)\s*,")


def _topic_bodies(text: str, mtext: str, s0: int, trig: int) -> list[str]:
    topic = _TOPIC_BODY.match(mtext, after_connectors(mtext, s0, trig), trig)
    if topic is None or not orgs.starts_with_org(topic.group("body")):
        return []
    return orgs.split_bodies(text[topic.start("body") : topic.end("body")], topic.group("body"))


_AHEAD = re.compile(
    r"(?i)(?:sắp |thời gian |những tháng |các tháng |nhiệm kỳ |năm |giai đoạn |quý |tháng )tới|tới đây|tháng cuối năm"
    r"|(?:nhiệm kỳ|giai đoạn) mới"
)


def _plan_opening(text: str, mtext: str, sent: Span, context: Context) -> Trigger | None:
    """A plan list opened by a time phrase: "Quý IV/2025, Ủy ban MTTQ phường tiếp tục ...",
    "Thời gian tới, các cấp Hội tập trung ...", "Về phương hướng, nhiệm vụ năm 2026, Hội …": the next
    period, one that lies ahead, or "tới"; then a body and its action (or, after a named plan, the
    action alone)."""
    s0, s1 = sent
    start = after_connectors(mtext, s0, s1)
    grounds = _GROUNDS.match(mtext, start, s1)
    if grounds and _TIME_OR_AHEAD_LEAD.match(mtext, grounds.end(), s1):
        # "Phát huy những kết quả đạt được, 6 tháng cuối năm 2020, MTTQ các cấp … chủ động …".
        start = grounds.end()
    time_lead = _TIME_OR_AHEAD_LEAD.match(mtext, start, s1)
    if time_lead is None and start > s0:
        # "Từ nay đến cuối năm 2011, Ban Dân vận sẽ …": the connector began the time phrase.
        time_lead = _TIME_LEAD.match(mtext, s0, s1)
        start = s0 if time_lead else start
    pos = time_lead.end() if time_lead else _named_plan_end(mtext, start, s1)
    # "Trong thời gian tới, Hội tiếp tục …": the connector itself looks ahead.
    connector_ahead = pos is None and bool(_AHEAD.search(mtext, s0, start))
    if connector_ahead:
        pos = start
    if pos is None:
        return None
    phrase = mtext[start:pos]
    ahead = connector_ahead or bool(_AHEAD.search(phrase))
    period = next((p for p in find_periods(phrase) if _lies_ahead(p, context)), None)
    end = _piece_end(mtext, pos, s1)
    action = orgs.body_phrase_end(mtext, pos, end)
    if not ahead and period is None and not (time_lead and action is not None and _NEED.match(mtext, action)):
        # "Trong năm 2020, MTTQ … cần chú trọng …": what a body needs to do lies ahead whatever the period.
        return None
    if action is None and not time_lead and starts_with_action(mtext, pos):
        action = pos
    if action is None or REPORTED.search(mtext, pos, action):
        return None
    bodies = orgs.split_bodies(text[pos:action], mtext[pos:action])
    opener = _LIST_AFTER_ACTION.match(mtext, action, end)
    # "… tập trung thực hiện: vận động …": the list after the colon holds the tasks.
    return Trigger(sent, pos, opener.end() if opener else action, bodies, period=period)


_NEED = re.compile(r"(?:cần|phải)(?![\w])")
_LIST_AFTER_ACTION = re.compile(r"[^.;:,]{0,80}:\s*")
_GROUNDS = re.compile(r"(?:Phát huy|Để|Trên cơ sở|Tiếp nối|Từ|Với|Nhằm|Căn cứ)\s[^,.;:]{3,80},\s*")


def opens_with_past_period(mtext: str, start: int, end: int, context: Context | None) -> bool:
    """Whether the sentence at ``start`` opens (after connectors) with a time phrase naming a period that does
    not lie ahead ("Trong năm 2018, các cấp Hội … vận động được …" after a plan for 2019): a report."""
    if context is None or not (context.review_end or context.date):
        return False
    pos = after_connectors(mtext, start, end)
    lead = _TIME_LEAD.match(mtext, pos, end)
    if lead is None:
        return False
    period = next(iter(find_periods(mtext, pos, lead.end())), None)
    return period is not None and period.type != "term" and not _lies_ahead(period, context)


def _lies_ahead(p: PeriodMention, context: Context) -> bool:
    """The next period, or one that ends after the period under review (or, with none, after the
    meeting's month); with neither known, a term ("Nhiệm kỳ 2025 - 2030, …")."""
    if _same_period(p.key(), context.next_key):
        return True
    year = p.year or (context.review_end or context.date or (context.default_year or 0, 0))[0]
    end = (year if p.type != "term" else (p.end_year or year), p.end_month() or 12)
    if context.review_end:
        return end > context.review_end
    if context.date:
        return end > context.date
    return p.type == "term"


def _same_period(key: tuple, next_key: tuple | None) -> bool:
    """The same period as the next one; a year left out ("Quý IV, ...") does not differ."""
    if not next_key:
        return False
    (t, y, n), (nt, ny, nn) = key, next_key
    return t == nt and n == nn and (y is None or ny is None or y == ny)


_AHEAD_LEAD = re.compile(
    r"(?:[Tt]rong\s+)?(?:[Tt]hời gian|[Nn]hững tháng|[Cc]ác tháng|[Nn]hiệm kỳ|[Nn]ăm|[Gg]iai đoạn)\s+"
    r"(?:sắp\s+)?tới\s*,\s*"
)
# Either, the time phrase first (where both match, a match of this ends where the time phrase's does).
_TIME_OR_AHEAD_LEAD = any_of(_TIME_LEAD, _AHEAD_LEAD)


# "Hội nghị (sơ kết) ... đề ra", "chủ tọa ... yêu cầu", "Hội Nông dân xã đề ra": the meeting, its
# chair or a body speaks; "đã đề nghị" right before is a reported act, not this meeting's direction.
_MEETING_SPEAKER = re.compile(r"(?i)(?<![\w])(?:hội nghị|đại hội|chủ tọa|chủ trì hội nghị)(?![\w])")
REPORTED = re.compile(r"(?:đã|từng|được)\s*$")


_MEETING_DECIDED = re.compile(r"(?i)(?<![\w])(?:hội nghị|đại hội)\s+(?:cũng\s+)?đã\s*$")
_BODY_TRIGGER = re.compile(r"(?i)đề nghị|yêu cầu|đề ra|kêu gọi|thống nhất|xác định")
_SETS_OUT = re.compile(r"(?i)đề ra|kêu gọi|thống nhất|xác định")
_REQUIRES = re.compile(r"(?i)yêu cầu")
# "… tổ chức hội nghị … với các nội dung: báo cáo …, thống nhất Chương trình Đại hội, …": the agenda.
_AGENDA_LIST = re.compile(
    caseless_alternation(
        [w + r"\s+(?:các|những|một số)?\s*nội dung(?:\s+(?:chính|sau))?\s*:" for w in ("với", "gồm", "có")]
    )
)
_PURPOSE = re.compile(
    caseless_alternation([r"nhằm(?![\w])", r"với mục đích(?![\w])", r"mục đích là(?![\w])"], word_start=True)
    # "… đã tổ chức Hội nghị thống nhất chỉ tiêu …": a meeting named by what it is for.
    + "|"
    + caseless_alternation([r"tổ chức hội nghị\s*$"])
)


def _subject_bodies(text: str, mtext: str, s0: int, trig: int) -> list[str]:
    """The body that is the subject of a verb at ``trig`` ("các cấp Hội … xác định: …"), or []."""
    for head in reversed(list(orgs.ORG_HEAD.finditer(mtext, max(s0, trig - 120), trig))):
        phrase = mtext[head.start() : trig].rstrip(" ,")
        if phrase and not _NOT_SUBJECT.search(f" {phrase} ") and orgs.is_org(phrase):
            return orgs.split_bodies(text[head.start() : head.start() + len(phrase)], phrase)
    return []


_SPEECH_NOUN = re.compile(r"(?i)phát biểu\s*$")
_SPEECH_AFTER = re.compile(r"(?i)\s*(?:,|tại(?![\w])|(?:hội nghị|đại hội|buổi)(?![\w]))")
# Content that opens by reporting past work: "đã" in its first clause, before any word that asks or plans.
_REPORTS_FIRST = re.compile(r"(?i)(?:(?!cần|phải|tiếp tục|sẽ|đề nghị|yêu cầu)[^.;:])*?(?<![\w])(?:đã|đạt được)(?![\w])")
_THEME = re.compile(
    caseless_alternation(
        [w + r"\s*$" for w in ("chủ đề", "khẩu hiệu", "phương châm", "mang tên", "với tên", "tên gọi")], word_start=True
    )
)
_STATES = re.compile(
    caseless_alternation(
        [w + r"\s*$" for w in ("khẳng định", "cho biết", "chia sẻ", "thông tin", "nêu rõ", "phân tích")],
        word_start=True,
    )
)


def _later_list(text: str, mtext: str, sent: Span, m: re.Match[str]) -> Trigger | None:
    """ "quán triệt / kết luận các nhiệm vụ … : …": a list opened by a colon later in the sentence,
    its bodies named before the colon."""
    colon = mtext.find(":", m.end(), sent[1])
    if colon < 0 or colon - m.end() > 200 or _PRESENTING_AFTER.match(mtext, m.end()):
        return None
    if _STATES.search(mtext, m.end(), colon):
        # "quán triệt mục đích, yêu cầu của hội nghị và khẳng định: …": a statement follows, not tasks.
        return None
    return Trigger(sent, m.start(), colon + 1, _last_bodies(text, mtext, m.end(), colon))


def _last_bodies(text: str, mtext: str, start: int, end: int) -> list[str]:
    """The last body phrase with its action in ``[start, end)``, taken from its first head
    ("Ban Thường trực Ủy ban MTTQ các huyện tổ chức …", not "Ủy ban MTTQ các huyện")."""
    best: tuple[int, int] | None = None
    for head in reversed(list(orgs.ORG_HEAD.finditer(mtext, start, end))):
        action = orgs.body_phrase_end(mtext, head.start(), end)
        if action is None:
            if best is not None:
                break
            continue
        if best is not None and action != best[1]:
            break
        best = (head.start(), action)
    if best is None:
        return []
    a, b = best
    return orgs.split_bodies(text[a:b], mtext[a:b])
# Between the subject and its verb: no clause break and no word that makes the body an object.
_NOT_SUBJECT = re.compile(r"[,;:]|\s(?:cho|để|với|của|và|đã|được)\s")


def _body_speaks(mtext: str, s0: int, trig: int, any_body: bool = False) -> bool:
    """Whether the meeting, its chair or a body is the subject of the direction verb at ``trig``; the
    meeting's own "đã thống nhất / đã đề ra" is its decision, another's "đã đề nghị" a reported act."""
    if not _BODY_TRIGGER.match(mtext, trig):
        return False
    window = max(s0, trig - 80)
    if _MEETING_DECIDED.search(mtext, window, trig):
        return True
    if REPORTED.search(mtext, max(s0, trig - 8), trig):
        return False
    subjects = [m.end() for m in _MEETING_SPEAKER.finditer(mtext, window, trig)]
    if any_body or _SETS_OUT.match(mtext, trig) or _REQUIRES.match(mtext, trig):
        # A body "đề nghị" is its proposal to the leaders; a body that "đề ra" sets its own tasks, and one that
        # "yêu cầu" directs those below it ("Ban Dân vận Thành ủy yêu cầu … các cấp cần …").
        subjects += [m.end() for m in orgs.ORG_HEAD.finditer(mtext, window, trig)]
    # Any of them with nothing between it and the verb that makes it an object or ends its clause.
    return any(not _NOT_SUBJECT.search(f" {mtext[start:trig]} ") for start in subjects)


# A speaker's words opened by a colon without a direction verb ("Phát biểu chỉ đạo, đồng chí X ...
# gợi mở một số nội dung để HND huyện tiếp tục triển khai thực hiện: ...").
_SPOKEN_CUE = re.compile(
    r"(?i)(?<![\w])(?:chỉ đạo|kết luận|phát biểu|gợi mở|định hướng|nhấn mạnh|đề ra|giao nhiệm vụ|kêu gọi)(?![\w])"
)


# The plan a meeting adopts: "Hội nghị đã nhất trí thông qua phương hướng, nhiệm vụ năm 2025 với các mục
# tiêu trọng tâm, như …", "Hội nông dân xã đã thông qua chương trình công tác năm 2026 … Trong đó: …".
_PLAN_OBJECT = (
    r"(?![\w])[^.;:]{0,40}?(?<![\w])(?:phương hướng|chương trình|kế hoạch|nhiệm vụ|chỉ tiêu|mục tiêu|giải pháp|"
    r"nội dung trọng tâm|công tác trọng tâm)(?![\w])"
)
# "(?i)(?<![\w])(?:thông qua|…)" + _PLAN_OBJECT, spelled out by first letter (``caseless_alternation``: the same
# matches, found by a fast scan; so are the other case-insensitive word lists spelled out below).
_PLAN_CUE = re.compile(
    caseless_alternation(
        [verb + _PLAN_OBJECT for verb in ("thông qua", "đề ra", "xác định", "nhất trí", "thống nhất", "triển khai")],
        word_start=True,
    )
)
# "Hội nghị tập trung vào một số nội dung như: …": the meeting's agenda, not its directions.
_AGENDA = re.compile(r"(?i)hội nghị\s+(?:tập trung|bàn|thảo luận|gồm|có)[^.:;]{0,40}nội dung")
_SUCH_AS = re.compile(r",?\s+(?:như|gồm|là)\s*:?\s+")
# "Theo đó, …" / "Trong đó, …" after a plan named or adopted: its tasks follow.
THEN = re.compile(r"\s*(?:Theo đó|Cụ thể|Trong đó)\s*,\s*")
# A plan named with its period ahead ("dự thảo Kế hoạch triển khai nhiệm vụ năm 2026", "định hướng nhiệm kỳ mới").
PLAN_AHEAD = re.compile(
    r"(?i)(?<![\w])(?:phương hướng|định hướng|chỉ tiêu|mục tiêu|kế hoạch|chương trình|nhiệm vụ)(?![\w])[^.;]{0,120}?"
    r"(?:nhiệm kỳ|năm \d{4}|tới|mới)(?![\w])"
)
_DETAIL_OPENER = re.compile(r"\s*(?:Trong đó|Cụ thể|Bao gồm|Gồm)\s*:\s*")


def _opener(mtext: str, s0: int, s1: int) -> tuple[int, int] | None:
    """Where a list opens in a sentence: its colon, or ", như" after a plan cue; (start, content)."""
    colon = mtext.find(":", s0, s1)
    if colon >= 0:
        return colon, colon + 1
    plan = _PLAN_CUE.search(mtext, s0, s1) if _may_plan(mtext, s0, s1) else None
    such = _SUCH_AS.search(mtext, plan.end(), s1) if plan else None
    return (such.start(), such.end()) if such else None


def _may_plan(mtext: str, s0: int, s1: int) -> bool:
    """A cheap test before the plan-cue pattern: one of its verbs ("thông qua", "đề ra", "xác định", "nhất trí",
    "thống nhất", "triển khai") occurs in the sentence (a chain of substring tests)."""
    s = mtext[s0:s1]
    return (
        "thông qua" in s or "Thông qua" in s or "đề ra" in s or "xác định" in s or "nhất trí" in s or "Nhất trí" in s
        or "thống nhất" in s or "triển khai" in s
    )


def plan_follows(mtext: str, prev: Span | None, sent: Span) -> Trigger | None:
    """ "Trong đó: …" right after a sentence that adopts a plan lists that plan's tasks; so does "Theo đó, …"
    with a task or a body and its task, after a sentence that adopts or names a plan ahead ("Đại hội thông qua
    các chỉ tiêu … nhiệm kỳ mới. Theo đó, phấn đấu …")."""
    if prev is None:
        return None
    detail = _DETAIL_OPENER.match(mtext, sent[0], sent[1])
    if detail and _PLAN_CUE.search(mtext, *prev):
        return Trigger(sent, detail.start(), detail.end(), [])
    then = THEN.match(mtext, sent[0], sent[1])
    if then is None or not (_PLAN_CUE.search(mtext, *prev) or PLAN_AHEAD.search(mtext, *prev)):
        return None
    pos = then.end()
    action = orgs.body_phrase_end(mtext, pos, _piece_end(mtext, pos, sent[1]))
    if action is None and starts_with_action(mtext, pos):
        action = pos
    if action is None or REPORTED.search(mtext, pos, action):
        return None
    return Trigger(sent, pos, pos, [])


def _spoken_list(text: str, mtext: str, sent: Span, context: Context) -> Trigger | None:
    s0, s1 = sent
    opened = _opener(mtext, s0, s1)
    if opened is None or opened[1] >= s1:
        return None
    colon, content = opened
    if _AGENDA.search(mtext, s0, colon) or _STATES.search(mtext, s0, colon) or _THEME.search(mtext, s0, colon):
        # "… cho biết: …" reports; "… với chủ đề: “…”" names a theme.
        return None
    if _REPORTS_FIRST.match(mtext, content, s1):
        # "Phát biểu khai mạc, đồng chí Bí thư nhấn mạnh: Trong tháng 8, … đã nỗ lực …": a report.
        return None
    plan = _PLAN_CUE.search(mtext, s0, colon)
    future = _WILL.search(mtext, s0, colon)
    if future and orgs.ORG_HEAD.search(mtext, s0, future.start()):
        # "Hội LHPN huyện và cơ sở sẽ … tham gia các nội dung chủ yếu: …": what a body will do.
        plan = plan or future
    if not plan and not _SPOKEN_CUE.search(mtext, s0, colon):
        return None
    named = any(s0 <= p.start < colon for p in context.people)
    speaks = named or _SPEAKER.search(mtext, s0, colon) or _MEETING_SPEAKER.search(mtext, s0, colon)
    if not speaks and not (plan and orgs.ORG_HEAD.search(mtext, s0, plan.start())):
        return None
    if _NAME_LIST.search(mtext, max(s0, colon - 30), colon):
        return None
    return Trigger(sent, colon, content, _last_bodies(text, mtext, s0, colon))


_WILL = re.compile(r"(?<![\w])sẽ\s")
# "có các đồng chí:", "gồm:": a list of people follows, not tasks.
_NAME_LIST = re.compile(r"(?i)(?:đồng chí|thành phần|gồm|có)\s*$")


def _is_discussion(mtext: str, s0: int, s1: int, context: Context) -> bool:
    """A sentence reporting a report or the delegates' discussion, where no chair concludes.

    "Theo báo cáo ...", "Các đại biểu ...", "Ý kiến ..." always are; "Tại hội nghị, X đề nghị"
    is when X is a named person who is not one of the chairs known from the lead."""
    opener = _DISCUSSION_OPENER.match(mtext, s0, s1)
    if not opener or _CONCLUDING.search(mtext, s0, s1):
        return False
    named = [p for p in context.people if s0 <= p.start < s1]
    if any(p.name.casefold() in context.chair_names for p in named):
        return False
    if not opener.group(0).lower().startswith("tại"):
        return True
    return bool(named) and bool(context.chair_names)


def lead_in(text: str, mtext: str, sent: Span, trig_start: int, pos: int) -> Trigger:
    """Content start and bodies named after the trigger ("đề nghị các cơ quan ... rà soát")."""
    s1 = sent[1]
    pos = _skip_spaces(mtext, pos, s1)
    conn = _CONNECTORS.match(mtext, pos, s1)
    if conn:
        pos = _skip_spaces(mtext, conn.end(), s1)
    time_lead = _TIME_LEAD.match(mtext, pos, s1) or _AHEAD_BARE.match(mtext, pos, s1)
    if time_lead and (
        orgs.starts_with_org(mtext[time_lead.end() : s1])
        or orgs.addressee_end(mtext, time_lead.end(), _piece_end(mtext, time_lead.end(), s1)) is not None
    ):
        pos = time_lead.end()
    else:
        pos = _after_bare_period(mtext, pos, s1)
    piece_end = _piece_end(mtext, pos, s1)
    colon = mtext.find(":", pos, piece_end)
    if colon >= 0 and _RUNS_ON.search(mtext, pos, colon):
        # "đề nghị X tiếp tục quan tâm tuyên truyền về: …": the colon runs the sentence on.
        action = orgs.body_phrase_end(mtext, pos, colon)
        if action is not None:
            return Trigger(sent, trig_start, action, orgs.split_bodies(text[pos:action], mtext[pos:action]))
    if colon >= 0:
        # "chỉ đạo các nhiệm vụ ... trong quý II và năm 2022: Cần rà soát ..."
        head = text[pos:colon]
        action = orgs.body_phrase_end(mtext, pos, colon)
        bodies = orgs.split_bodies(text[pos:action], mtext[pos:action]) if action else []
        if not bodies and orgs.starts_with_org(mtext[pos:colon]) and len(head) < 120:
            bodies = orgs.split_bodies(head, mtext[pos:colon])
        return Trigger(sent, trig_start, colon + 1, bodies)
    action = orgs.addressee_end(mtext, pos, piece_end)
    if action is not None:
        bodies = orgs.split_bodies(text[pos:action], mtext[pos:action])
        return Trigger(sent, trig_start, action, bodies)
    return Trigger(sent, trig_start, pos, [])


# "trong thời gian tới các cấp đoàn …" without a comma, "tới" also as typed in haste ("trới").
_AHEAD_BARE = re.compile(r"(?i)(?:trong\s+)?(?:thời gian|những tháng|các tháng)\s+(?:sắp\s+)?(?:tới|trới|tơí)\s*,?\s+")
_RUNS_ON = re.compile(r"(?<![\w])(?:về|đến|cho|với|tới|vào)\s*$")


_PERIOD_WORD = re.compile(r"(?:trong|từ nay đến|đến hết|ngay trong)\s+", re.IGNORECASE)


def _after_bare_period(mtext: str, pos: int, end: int) -> int:
    """Past a period written without a comma before the bodies ("trong 6 tháng cuối năm 2014 Mặt trận và
    các đoàn thể cần …"), or ``pos`` when there is none."""
    word = _PERIOD_WORD.match(mtext, pos, end)
    if word is None:
        return pos
    period = next(iter(find_periods(mtext, word.end(), min(end, word.end() + 40))), None)
    if period is None or period.start != word.end():
        return pos
    after = _skip_spaces(mtext, period.end, end)
    return after if orgs.starts_with_org(mtext[after:end]) else pos


def _skip_spaces(s: str, pos: int, end: int) -> int:
    while pos < end and s[pos] in " ,":
        pos += 1
    return pos


def _piece_end(mtext: str, pos: int, end: int) -> int:
    semi = mtext.find(";", pos, end)
    return semi if semi >= 0 else end


def starts_with_action(mtext: str, pos: int) -> bool:
    m = orgs.ACTION_RE.match(mtext, pos)
    return bool(m)


@per_text
def after_connectors(mtext: str, pos: int, end: int) -> int:
    """Where a sentence's content starts after its connectors ("Đồng thời, …"); asked of most sentences by several
    detectors, so found once a text."""
    conn = _CONNECTORS.match(mtext, pos, end)
    return conn.end() if conn else pos



# What a body "sẽ" do or "cần" do after "xác định" ("X xác định sẽ tập trung …"): the content starts after
# the future word.
_WILL_LEAD = re.compile(r"(?:sẽ|cần phải|cần|phải)\s+")
_LOOSE_WORDS = frozenset(("đề nghị", "yêu cầu", "chỉ đạo", "lưu ý", "kêu gọi", "mong muốn", "xác định", "giao"))


def loose_lead(text: str, mtext: str, sent: Span) -> Trigger | None:
    """A direction verb anywhere in a sentence, whoever speaks ("Hội nghị đánh giá cao …, đồng thời đề
    nghị các đơn vị tiếp tục …"): where its content starts. Only a candidate's cut: whether the piece
    is a directive is decided elsewhere."""
    s0, s1 = sent
    for m in triggers_in(mtext, s0, s1):
        word = m.group(0).lower().split()[0] if gives(m) else m.group(0).lower()
        if word not in _LOOSE_WORDS:
            continue
        before = mtext[max(s0, m.start() - 20) : m.start()]
        if _NOT_TRIGGER_BEFORE.search(before) or _NOT_TRIGGER_AFTER.match(mtext[m.end() : s1]):
            continue
        if REPORTED.search(mtext, max(s0, m.start() - 8), m.start()):
            continue
        if gives(m):
            return Trigger(sent, m.start(), m.start(), [], keeps_inherited=True)
        pos = _skip_spaces(mtext, m.end(), s1)
        if word == "xác định":
            will = _WILL_LEAD.match(mtext, pos, s1)
            pos = will.end() if will else pos
            if not (starts_with_action(mtext, pos) or _COLON_AFTER.match(mtext, pos, s1)):
                continue
            trig = lead_in(text, mtext, sent, m.start(), pos)
            trig.assignees = trig.assignees or _subject_bodies(text, mtext, s0, m.start())
        else:
            trig = lead_in(text, mtext, sent, m.start(), m.end())
        if len(mtext[trig.content_start : s1].split()) >= 3:
            return trig
    return None
