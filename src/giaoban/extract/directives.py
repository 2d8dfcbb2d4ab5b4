"""Directives: the conclusion part of a meeting text, split into pieces.

1. Find where the direction starts (``openings.find_trigger``): a sentence whose speaker ("đồng chí",
   "ông", a title, "Thời gian tới") "đề nghị / yêu cầu / chỉ đạo / kết luận ... :", a plan list, or
   a group heading "1. Đối với X:".
2. Strip the lead-in and remember the bodies it names (inherited assignees).
3. Continue through following list items, headings and action paragraphs.
4. Split at ";" and sentence ends; strip connectors; a piece naming its own body gets that body;
   "Giao X chủ trì phối hợp với Y" gives lead X.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import organizations as orgs
from .chars import CAP_SYL, LET, LO, any_of, caseless_alternation
from .deadlines import find_deadline
from .openings import (
    PLAN_AHEAD,
    REPORTED,
    THEN,
    Context,
    Trigger,
    after_connectors,
    find_trigger,
    lead_in,
    loose_lead,
    opens_with_past_period,
    starts_with_action,
    triggers_in,
)
from .places import find_places
from .segment import Span, list_marker_length, semicolon_pieces, sentences

# A lead-in inside the directive part ("đồng thời đề nghị các xã ..."). A bare "chỉ đạo X ..." is
# the assignees' own task (to direct X), so "chỉ đạo" is a lead-in only after "đồng chí".
_NESTED_LEAD = re.compile(
    r"(?:[Đđ]ồng chí\s+(?:cũng\s+)?(?:đề nghị|yêu cầu|chỉ đạo|lưu ý|giao)|(?:cũng\s+)?(?:đề nghị|yêu cầu|lưu ý|giao)"
    # "Ngoài ra, ban yêu cầu tăng cường …": the body speaking goes on, named by its common noun.
    r"|(?:[Bb]an|[Hh]ội nghị|[Tt]hường trực)\s+(?:cũng\s+)?(?:đề nghị|yêu cầu|lưu ý))"
    r"(?:\s+(?:cho|đối với))?\s+"
)
# "1. Đối với X:" or, inside a paragraph, "Đối với X, sớm kiện toàn ..." (a body then an action).
_HEADING = re.compile(
    r"(?:Đối với|Riêng|Với)\s+(?:(?P<body>[^:]{2,120}?)\s*:\s*|(?P<cbody>[^:,;]{2,100}?)\s*,\s*(?=(?i:"
    + "|".join(sorted(map(re.escape, orgs.ACTION_WORDS), key=len, reverse=True))
    + r")(?![\w])))"
)
_GIAO = re.compile(r"^(?:[Gg]iao(?:\s+cho)?)\s+(?P<lead>.{2,100}?)\s+(?:làm\s+)?chủ trì\b")
# "Giao MTTQ và các đoàn thể tiếp tục …": the bodies given the task, none of them the lead.
_GIVEN = re.compile(r"[Gg]iao(?:\s+nhiệm vụ)?(?:\s+cho)?\s+")
_LEAD_SUBJECT = re.compile(r"^(?P<lead>.{2,100}?)\s+(?:làm\s+)?chủ trì\b")
_COORD = re.compile(r"phối hợp(?:\s+chặt chẽ)?\s+(?:với|cùng)\s+")
# A piece's trailing punctuation: what r"[\s.;,:…!]+$|\s*\.{2,}$|\s*\./\.$" finds, read from the end (a regex
# search tries every position of the piece).
_TRAIL_CHARS = frozenset(".;,:…!")


def _trail_start(mtext: str, a: int, b: int) -> int | None:
    """Where the trailing punctuation and spaces of ``mtext[a:b]`` (or a closing "./.") start, if any."""
    p = b
    while p > a and (mtext[p - 1] in _TRAIL_CHARS or mtext[p - 1].isspace()):
        p -= 1
    start = p if p < b else None
    # "$" also matches before a final newline.
    e = b - 1 if b > a and mtext[b - 1] == "\n" else b
    t = e - 3
    if t >= a and mtext[t:e] == "./.":
        while t > a and mtext[t - 1].isspace():
            t -= 1
        start = t if start is None else min(start, t)
    return start


# A paragraph introducing a list of tasks ("Hội nghị thống nhất một số nhiệm vụ trọng tâm ...:").
_LIST_INTRO = re.compile(
    caseless_alternation(
        ["nhiệm vụ", "giải pháp", "kết luận", "chỉ đạo", "đề nghị", "yêu cầu", "thống nhất", "phương hướng", "chỉ tiêu",
         "mục tiêu"]
    )
)
_NOT_LIST_INTRO = re.compile(caseless_alternation(["kết quả", "đạt được", "hạn chế", "tồn tại"]))
# A section heading of a notice or minutes: "I. Đánh giá chung", "II. Nhiệm vụ trọng tâm quý IV",
# or a short numbered line naming a section ("2. Ý kiến thảo luận", "3. Kết luận của chủ trì").
_SECTION = re.compile(r"\s*[IVX]{1,4}\s*[.)/-]\s+")
# Only nouns that rarely open a numbered task ("3. Đánh giá ..." may be a task, so it is not here).
_NAMED_SECTION = re.compile(
    r"\s*(?:\d{1,2}|[IVX]{1,4})\s*[.)/-]?\s+(?i:ý kiến|thảo luận|tham luận|kết luận|nhiệm vụ|phương hướng|"
    r"nội dung|thành phần|kết quả|thời gian|địa điểm|diễn biến)(?![\w])[^.;:]{0,50}$"
)
_TASK_SECTION = re.compile(
    caseless_alternation(
        ["nhiệm vụ", "phương hướng", "giải pháp", "kết luận", "chỉ đạo", "kiến nghị", "đề xuất", "đề nghị"]
    )
)
# A section reporting the delegates' discussion: what follows are proposals until the next section.
_DISCUSSION_SECTION = re.compile(r"(?i)\s*\S+\s+(?:ý kiến|thảo luận|tham luận)")
# "Về kiến nghị của Hội, ông X cho biết ...": the speaker replying or acknowledging, not directing.
_REPLY = re.compile(
    r"(?:[^,;]{0,60},\s*)?(?:[Đđ]ồng chí|[Ôô]ng|[Bb]à)\s[^,;]{0,40}?(?<![\w])(?:cho biết|khẳng định|cảm ơn|"
    r"ghi nhận|đánh giá cao|tiếp thu|bày tỏ|mong muốn|chúc|trả lời|giải đáp)(?![\w])"
)
_MIN_WORDS = 3
_DOCUMENT_LIST = re.compile(
    r"(?:(?:Nghị quyết|Kết luận|Chỉ thị|Quyết định|Kế hoạch|Hướng dẫn|Công văn) số\s+\S+(?:\s+của\s+[^,;]{2,60})?"
    r"(?:,\s*|$))+$"
)
# Acknowledging results ("Ghi nhận đánh giá những kết quả …", "Biểu dương …") directs nothing.
_ACKNOWLEDGES = re.compile(r"(?i)(?:ghi nhận|biểu dương|đánh giá cao|cảm ơn|chúc mừng|hoan nghênh)(?![\w])")
# "chỉ đạo các nhiệm vụ cần tổ chức, thực hiện tốt trong quý II": announces the list that follows.
_ANNOUNCES = re.compile(
    r"(?i)(?:chỉ đạo|đề ra|nêu|giao|triển khai|quán triệt|thực hiện)\s+(?:các|một số|những)\s+"
    r"(?:nhiệm vụ|nội dung|công việc|giải pháp|việc)(?![\w])"
)
# A notice's closing formula: "Ban Thường vụ Huyện ủy thông báo để các cơ quan, đơn vị liên quan biết, thực hiện".
_NOTICE_CLOSING = re.compile(caseless_alternation([r"thông báo (?:để|đến)[^.;]{0,80}(?<![\w])biết(?![\w])"]))
# A direction quoted, then attributed: "“Xã, phường phải …” - đó là chỉ đạo của Bí thư Tỉnh ủy …".
_QUOTED_DIRECTION = re.compile(
    r"\s*[\"“](?P<q>[^\"”]{10,600})[\"”]\s*[-,]?\s*(?:đó\s+)?là\s+(?:lời\s+|ý kiến\s+)?"
    r"(?:chỉ đạo|yêu cầu|đề nghị|kết luận|nhấn mạnh|lưu ý|quán triệt)(?![\w])"
)
def _replies(mpiece: str) -> bool:
    """``_REPLY`` matches, tried only when the piece names a speaker ("đồng chí", "ông", "bà")."""
    # The words as a chain of substring tests: a generator over them costs more than the tests.
    speaker = "ồng chí" in mpiece or "ông" in mpiece or "Ông" in mpiece or "bà" in mpiece or "Bà" in mpiece
    return speaker and _REPLY.match(mpiece) is not None


def _closes_notice(mpiece: str) -> bool:
    """``_NOTICE_CLOSING`` finds "… biết" (any case: "ế" or "Ế" is in the piece)."""
    return ("ế" in mpiece or "Ế" in mpiece) and _NOTICE_CLOSING.search(mpiece) is not None


_REPORT_START = re.compile(r"^(?:đã|Hội nghị đã|Qua đó|Kết quả|Tuy nhiên)\b")
# "Tham dự hội nghị có các đồng chí …": who attended, never a task.
_ATTENDANCE = re.compile(r"(?i)(?:tham dự|dự|cùng dự|đến dự|về dự|dự và chỉ đạo)(?:\s+(?:hội nghị|buổi|đại hội|có))")
# "hội nghị cũng đã đánh giá …", "các đơn vị đều đã …": a subject of a few words, then a past act.
_REPORTED_PIECE = re.compile(
    r"^(?:[^,;:]{1,25},\s*)?(?P<subject>(?:[^\s,;:]+\s+){0,6}?)(?:cũng\s+|đều\s+)?(?:đã|vừa)\s"
)

# A piece that opens like this sets no task: a report, who attended ("Tham dự hội nghị có …"), an acknowledgement,
# the announcement of a list, or the rest of a list of documents ("…; Nghị quyết số 02-NQ/ĐU của Đảng ủy xã").
_NO_TASK_START = any_of(_REPORT_START, _ATTENDANCE, _ACKNOWLEDGES, _ANNOUNCES, _DOCUMENT_LIST)


@dataclass
class Directive:
    text: str
    assignees: list[str] = field(default_factory=list)
    lead: str | None = None
    deadline: str | None = None
    # The places the piece names, read when the record is written (most candidate pieces are never kept).
    places: list[str] | None = None
    start: int = 0
    # Whether the piece names its own bodies (not inherited from a lead-in or heading).
    own: bool = False
    # The piece in the matching copy, for reading its places.
    match_text: str = field(default="", repr=False, compare=False)

    def as_dict(self) -> dict:
        if self.places is None:
            self.places = find_places(self.text, self.match_text)
        return {
            "text": self.text,
            "assignees": self.assignees,
            "lead": self.lead,
            "deadline": self.deadline,
            "places": self.places,
        }


@dataclass
class Candidate:
    """A piece of any paragraph, cut and read as a directive would be, with what the rules decided:
    the learned selector (``learned.py``) chooses among these."""

    directive: Directive
    taken: bool
    para: int


def find_directives(
    text: str,
    mtext: str,
    paras: list[Span],
    default_year: int | None,
    context: Context | None = None,
    candidates: list[Candidate] | None = None,
) -> tuple[list[Directive], list[Trigger]]:
    """Directives in text order and the triggers that opened them.

    With a ``candidates`` list, every piece of every paragraph is also appended to it, the rules'
    own directives marked ``taken`` (the pieces outside the directive part are cut as if it went on)."""
    out: list[Directive] = []
    triggers: list[Trigger] = []
    active = False
    discussion = False
    inherited: list[str] = []
    prev_colon = False
    title = mtext[paras[0][0] : paras[0][1]] if paras else ""
    for index, para in enumerate(paras):
        p0, p1 = para
        marker = list_marker_length(mtext, p0, p1)
        body0 = p0 + marker
        if index > 0 and mtext[p0:p1] == title:
            # The page's title repeated below the article (related items, a caption) ends the part.
            active = prev_colon = False
            continue
        if _SECTION.match(mtext, p0, p1) or _NAMED_SECTION.match(mtext, p0, p1):
            # A section heading is never a directive; a tasks or conclusion section opens the directive
            # part, a results section closes it, a discussion section holds only proposals.
            discussion = bool(_DISCUSSION_SECTION.match(mtext, p0, p1))
            active = prev_colon = (
                not discussion
                and bool(_TASK_SECTION.search(mtext, p0, p1))
                and not _NOT_LIST_INTRO.search(mtext, p0, p1)
            )
            inherited = []
            continue
        quoted = None if discussion else _QUOTED_DIRECTION.match(mtext, body0, p1)
        if quoted:
            # "“Xã, phường phải … ” - đó là chỉ đạo của Bí thư …. Ông nhấn mạnh, …": the quoted words, then
            # the sentences after the attribution.
            count = len(out)
            _collect(text, mtext, (quoted.start("q"), quoted.end("q")), [], default_year, out, True, context)
            attribution, *after = sentences(mtext, (quoted.end(), p1)) or ((quoted.end(), p1),)
            # Whoever the attribution names ("chỉ đạo của Bí thư Tỉnh ủy X") spoke the quoted words.
            triggers.append(Trigger((body0, attribution[1]), attribution[1], quoted.start("q"), []))
            rest = after[0][0] if after else p1
            if rest < p1:
                inherited = _collect(text, mtext, (rest, p1), [], default_year, out, True, context)
            if candidates is not None:
                candidates += [Candidate(d, True, index) for d in out[count:]]
            active, prev_colon = True, False
            continue
        heading = _match_heading(mtext, body0, p1)
        trig = None if heading or discussion else find_trigger(text, mtext, para, context)
        intro = (
            not heading
            and not trig
            and mtext[p0:p1].endswith(":")
            and _LIST_INTRO.search(mtext, p0, p1)
            and not _NOT_LIST_INTRO.search(mtext, p0, p1)
        )
        if intro:
            active, prev_colon = True, True
            inherited = []
            continue
        if heading:
            active = True
            inherited = _heading_bodies(text, mtext, heading)
            start = heading.end()
        elif trig:
            if not (trig.keeps_inherited and active):
                inherited = trig.assignees
            active = True
            triggers.append(trig)
            start = trig.content_start
            if candidates is not None and trig.sentence[0] > body0:
                # The sentences before the one that opens the part.
                _add_candidates(text, mtext, (body0, trig.sentence[0]), inherited, default_year, candidates, index,
                                context)
        elif (
            active
            and (prev_colon or marker or _continues(mtext, body0, p1) or _adds_on(mtext, body0, p1))
            and not opens_with_past_period(mtext, body0, p1, context)
        ):
            start = body0
        elif THEN.match(mtext, body0, p1) and index > 0 and PLAN_AHEAD.search(mtext, *paras[index - 1]) and _continues(
            mtext, body0, p1
        ):
            # "Tại hội nghị, … trình bày dự thảo Kế hoạch triển khai … năm 2026." then "Theo đó, Hội tập trung …".
            active = True
            start = body0
        elif active and _is_caption(mtext, body0, p1):
            # A photo caption or a short unpunctuated line inside the part ("Quang cảnh hội nghị")
            # neither belongs to it nor ends it.
            if candidates is not None:
                _add_candidates(text, mtext, (body0, p1), inherited, default_year, candidates, index, context)
            continue
        else:
            active = False
            prev_colon = False
            if candidates is not None:
                _add_candidates(text, mtext, (body0, p1), inherited, default_year, candidates, index, context)
            continue
        prev_colon = mtext[p0:p1].rstrip().endswith(":")
        if start >= p1:
            continue
        count = len(out)
        inherited = _collect(
            text, mtext, (start, p1), inherited, default_year, out, start == body0 or bool(heading), context
        )
        if candidates is not None:
            candidates += [Candidate(d, True, index) for d in out[count:]]
    return out, triggers


def _add_candidates(
    text: str, mtext: str, span: Span, inherited: list[str], default_year: int | None,
    candidates: list[Candidate], index: int, context: Context | None,
) -> None:
    """Pieces the rules leave out, cut as the rules would cut them; the rules' state is not changed."""
    pieces: list[Directive] = []
    _collect(text, mtext, span, list(inherited), default_year, pieces, True, context, loose=True)
    candidates += [Candidate(d, False, index) for d in pieces]


# "Về công tác tuyên truyền, cần …", "Trong tổ chức các cuộc tiếp xúc, ngành dân vận cần …": a topic
# phrase before the task.
_TOPIC = re.compile(r"(?:Về|Đối với|Trong|Riêng|Với|Để)\s[^,.;:]{2,80},\s*")


def _continues(mtext: str, start: int, end: int) -> bool:
    """A paragraph that goes on with the directive part: it opens with a task or a body and its
    task, possibly after connectors and a topic phrase."""
    pos = after_connectors(mtext, start, end)
    if starts_with_action(mtext, pos) or _subject_acts(mtext, pos, end) or _NEEDS.match(mtext, pos, end):
        return True
    topic = _TOPIC.match(mtext, pos, end)
    if topic is None:
        return False
    pos = after_connectors(mtext, topic.end(), end)
    return starts_with_action(mtext, pos) or _subject_acts(mtext, pos, end)


# "Đồng thời, mỗi công đoàn cơ sở giới thiệu …" after a paragraph of the directive part adds to it, unless it
# reports what was done.
_ADDS_ON = re.compile(r"(?:Đồng thời|Bên cạnh đó|Ngoài ra|Cùng với đó)\s*,\s*")
_REPORTS_IN_CLAUSE = re.compile(r"[^.;:]{0,80}?(?<![\w])(?:đã|vừa|đạt được)(?![\w])")


# What a plan's added task or target says: what is to be striven for or kept up.
_PLANS_WORD = re.compile(r"(?i)(?<![\w])(?:phấn đấu|tiếp tục|cần|phải|sẽ|mỗi|hằng năm|hàng năm|ít nhất)(?![\w])")


def _adds_on(mtext: str, start: int, end: int) -> bool:
    opener = _ADDS_ON.match(mtext, start, end)
    if opener is None or _REPORTS_IN_CLAUSE.match(mtext, opener.end(), end):
        return False
    first = _piece_end_at(mtext, opener.end(), end)
    return bool(_PLANS_WORD.search(mtext, opener.end(), first))


_CLAUSE_STOP = re.compile(r"[.;]")


def _piece_end_at(mtext: str, start: int, end: int) -> int:
    stop = _CLAUSE_STOP.search(mtext, start, end)
    return stop.start() if stop else end


_CAPTION_CHARS = 120
# "Thông qua đại hội cần tăng cường …": a short opening, then what is needed (no past act before it).
_NEEDS = re.compile(r"(?:(?!đã|vừa|được)[^.;:,]){0,40}?(?<![\w])(?:cần|phải)\s+(?!có\s)")


# A byline: a name of capitalised words, possibly with its office in brackets or after a dash
# ("Thúy Hằng (TTVH-TT huyện)", "Minh Anh - Hội LHPN xã"), or a source label ("Tin, ảnh: …").
_BYLINE = re.compile(
    rf"(?![ÔôBb]à\s|[ÔôOo]ng\s|[Đđ]ồng chí\s)(?:{CAP_SYL}\s+){{0,4}}{CAP_SYL}\s*(?:[(\-–—,](?!.*(?i:ảnh\s*:)).*)?$"
    r"|(?i:tin|ảnh|tin, ảnh|nguồn|bài)\s*:"
)


def _is_caption(mtext: str, start: int, end: int) -> bool:
    """A short line with no sentence end inside the part: a photo caption or a label, not a byline
    (which ends the article)."""
    line = mtext[start:end].rstrip()
    if len(line) >= _CAPTION_CHARS or line.endswith((".", ":", ";", "!", "?", "…")):
        return False
    return not _BYLINE.match(line)


def _subject_acts(mtext: str, pos: int, end: int) -> bool:
    """A paragraph that opens with a body and its task ("Hội Nông dân huyện tiếp tục …") goes on with
    the directive part; one that reports ("… đã tổ chức …") does not."""
    action = orgs.body_phrase_end(mtext, pos, end)
    return action is not None and not REPORTED.search(mtext, pos, action) and not _ASSESSES.match(mtext, action)


# "Ban Chấp hành Liên đoàn Lao động tỉnh đánh giá, sau 5 năm …": the body's assessment, not a task.
_ASSESSES = re.compile(r"(?:đánh giá|nhận định|nhận xét)\s*[,:]")


def _match_heading(mtext: str, start: int, end: int) -> re.Match[str] | None:
    """A group heading at ``start``; the comma form counts only when it names a body."""
    m = _HEADING.match(mtext, start, end)
    if m and m.group("cbody") is not None and not orgs.starts_with_org(m.group("cbody")):
        return None
    return m


def _heading_bodies(text: str, mtext: str, heading: re.Match[str]) -> list[str]:
    group = "body" if heading.group("body") is not None else "cbody"
    a, b = heading.start(group), heading.end(group)
    return orgs.split_bodies(text[a:b], mtext[a:b])



def _collect(
    text: str,
    mtext: str,
    span: Span,
    inherited: list[str],
    default_year: int | None,
    out: list[Directive],
    starts_sentence: bool = True,
    context: Context | None = None,
    loose: bool = False,
) -> list[str]:
    """Directives of ``span``; returns the assignees inherited by the next paragraph.

    A body opening a sentence ("Ủy ban MTTQ ... lồng ghép ...; phát huy ...") is the subject of the
    whole sentence, so its later ";"-pieces inherit it; a body opening a piece inside a sentence
    applies to that piece only.  ``starts_sentence`` is False when ``span`` begins mid-sentence
    (after a lead-in).  ``loose`` (a candidate's cut, outside the directive part) also strips a lead-in
    whoever speaks it."""
    for k, sent in enumerate(sentences(mtext, span)):
        carry: list[str] | None = None
        if _ATTENDANCE.match(mtext, after_connectors(mtext, *sent), sent[1]):
            # "Dự hội nghị có các đồng chí: X - …; Y - …": every piece of it names who attended.
            continue
        # Both lead-ins open with a direction verb: a sentence without one is scanned for it once.
        cued = None
        lead = None
        if k > 0 or starts_sentence:
            cued = bool(triggers_in(mtext, *sent))
            lead = _inner_lead(text, mtext, sent, context) if cued else None
        if lead is None and loose:
            if cued is None:
                cued = bool(triggers_in(mtext, *sent))
            lead = loose_lead(text, mtext, sent) if cued else None
            if lead is not None and lead.content_start <= after_connectors(mtext, *sent):
                lead = None
        if lead is not None:
            # "Đồng chí chủ tọa cũng nhấn mạnh, đề nghị các đơn vị …": the sentence's own lead-in.
            sent = (lead.content_start, sent[1])
            if lead.assignees:
                inherited = lead.assignees
        for j, piece in enumerate(semicolon_pieces(mtext, sent)):
            base = carry if carry is not None else inherited
            count = len(out)
            new = _collect_piece(text, mtext, piece, base, default_year, out)
            if new is not base:
                inherited, carry = new, None
            elif j == 0 and (k > 0 or starts_sentence) and len(out) > count and out[-1].own:
                carry = out[-1].assignees
                if k == 0 and starts_sentence and not inherited:
                    # "- Trong tháng 6, Ban Thường trực … huyện tiếp tục …. Hướng dẫn cho …": the body opening
                    # the paragraph is the subject of its later sentences that name none.
                    inherited = carry
    return inherited


def _inner_lead(text: str, mtext: str, sent: Span, context: Context | None) -> Trigger | None:
    """The lead-in of a sentence inside the directive part, when it has one before its content (the caller has
    found a direction verb in it)."""
    start = after_connectors(mtext, *sent)
    if starts_with_action(mtext, start) or _subject_acts(mtext, start, sent[1]):
        # "Chỉ đạo Ban Thường trực … hoàn thiện hồ sơ đề nghị …": the sentence is itself a task.
        return None
    trig = find_trigger(text, mtext, sent, context, within_part=True)
    if trig is None or trig.keeps_inherited or trig.content_start <= start:
        return None
    return trig


def _collect_piece(
    text: str, mtext: str, piece: Span, inherited: list[str], default_year: int | None, out: list[Directive]
) -> list[str]:
    """Append the directive of one piece; returns the inherited assignees, replaced when the piece
    opens with a lead-in ("đề nghị các xã ...") or a group heading."""
    a, b = piece
    a += list_marker_length(mtext, a, b)
    a = after_connectors(mtext, a, b)
    # Matched in place (no "^", no look behind: it reads what a copy of the piece would).
    nested = _NESTED_LEAD.match(mtext, a, b)
    if nested and not _GIAO.match(mtext[a:b]):
        trig = lead_in(text, mtext, (a, b), a, nested.end())
        a = trig.content_start
        if trig.assignees:
            inherited = trig.assignees
    heading = _match_heading(mtext, a, b)
    if heading:
        inherited = _heading_bodies(text, mtext, heading)
        a = heading.end()
    directive = _directive(text, mtext, a, b, inherited, default_year)
    if directive:
        out.append(directive)
    return inherited


def _directive(
    text: str, mtext: str, a: int, b: int, inherited: list[str], default_year: int | None
) -> Directive | None:
    trail = _trail_start(mtext, a, b)
    if trail is not None:
        b = trail
    while b > a and mtext[b - 1] in " .;,:…":
        b -= 1
    if b <= a:
        return None
    details = _DETAILS.search(mtext, a, b) if mtext.find("(", a, b) >= 0 else None
    if details:
        # "… (phối hợp: X, Y; thời hạn: trong quý II/2027)": a notice's own wording of the details.
        b = details.start()
    piece, mpiece = text[a:b], mtext[a:b]
    # At most _MIN_WORDS pieces: as few as the whole split gives when it gives fewer.
    if len(mpiece.split(None, _MIN_WORDS - 1)) < _MIN_WORDS or _NO_TASK_START.match(mpiece) or _replies(mpiece):
        return None
    # The patterns below are tried only where the words they need are (a cheap test first).
    reported = _REPORTED_PIECE.match(mpiece) if "đã" in mpiece or "vừa" in mpiece else None
    if reported and not orgs.ACTION_RE.search(reported.group("subject")) or _closes_notice(mpiece):
        return None
    if details:
        return _with_details(text, mtext, piece, a, details, inherited, default_year)
    assignees, lead, own = list(inherited), None, False
    giao = _GIAO.match(mpiece) or (_LEAD_SUBJECT.match(mpiece) if "chủ trì" in mpiece else None)
    if giao and orgs.is_org(giao.group("lead")) and orgs.starts_with_org(_strip_giao(giao.group("lead"))):
        lead_text = piece[giao.start("lead") : giao.end("lead")]
        lead = lead_text.strip(" ,")
        assignees = [lead]
        coord = _COORD.search(mpiece, giao.end())
        if coord:
            end = orgs.body_phrase_end(mpiece, coord.end(), len(mpiece))
            if end is None:
                end = _org_run_end(mpiece, coord.end())
            if end:
                assignees += orgs.split_bodies(piece[coord.end() : end], mpiece[coord.end() : end])
    else:
        given = _GIVEN.match(mpiece)
        topic = _TOPIC.match(mpiece)
        own_start = given.end() if given else (topic.end() if topic else 0)
        own_end = orgs.body_phrase_end(mpiece, own_start, len(mpiece))
        if own_end:
            body = slice(own_start, own_end)
            assignees, own = orgs.split_bodies(piece[body], mpiece[body]), True
    return Directive(
        text=piece,
        assignees=assignees,
        lead=lead,
        deadline=find_deadline(mtext, default_year, a, b),
        match_text=mpiece,
        start=a,
        own=own,
    )


_DETAILS = re.compile(r"\s*\((?=(?:phối hợp|thời hạn)\s*:)(?P<body>[^()]*)\)\s*$")
_DETAIL_PART = re.compile(r"(?P<key>phối hợp|thời hạn)\s*:\s*(?P<value>[^;]*)")


def _with_details(
    text: str, mtext: str, piece: str, a: int, details: re.Match[str], inherited: list[str], default_year: int | None
) -> Directive:
    """A directive whose details stand in parentheses: the group's body leads when others
    coordinate ("phối hợp: X"), and "thời hạn: …" is the deadline."""
    assignees, lead, deadline = list(inherited), None, None
    for part in _DETAIL_PART.finditer(mtext, details.start("body"), details.end("body")):
        value = text[part.start("value") : part.end("value")].strip()
        if part.group("key") == "thời hạn":
            # "thời hạn: năm 2027" names the deadline itself; read it as "trong năm 2027".
            value_m = mtext[part.start("value") : part.end("value")]
            deadline = find_deadline(value_m, default_year) or find_deadline("trong " + value_m, default_year)
        elif value:
            lead = inherited[0] if len(inherited) == 1 else None
            assignees += [v.strip() for v in value.split(", ") if v.strip()]
    mpiece = mtext[a : a + len(piece)]
    return Directive(
        text=piece,
        assignees=assignees,
        lead=lead,
        deadline=deadline or find_deadline(mtext, default_year, a, a + len(piece)),
        match_text=mpiece,
        start=a,
    )


_GIAO_WORD = re.compile(r"^(?:[Gg]iao(?:\s+cho)?)\s+")


def _strip_giao(s: str) -> str:
    return _GIAO_WORD.sub("", s)


_ORG_RUN_STOP = re.compile(
    rf"(?<!{LET})(?:{'|'.join(orgs.ACTION_WORDS)}|làm|để|nhằm|trong|tại|với|"
    rf"(?<!các )tổ chức(?! chính trị| đoàn thể| thành viên))(?!{LO})"
)


def _org_run_end(mpiece: str, pos: int) -> int | None:
    """End of a body phrase that is followed by a verb not in the action list ("làm việc")."""
    if not orgs.starts_with_org(mpiece[pos:]):
        return None
    m = _ORG_RUN_STOP.search(mpiece, pos + 3)
    end = m.start() if m else None
    if end is None or end - pos > orgs.MAX_PHRASE_CHARS:
        return None
    return end
