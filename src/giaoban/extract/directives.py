"""Directives: the conclusion part of a meeting text, split into pieces.

1. Find where the direction starts: a sentence whose speaker ("đồng chí", "ông", a title, "Thời
   gian tới") "đề nghị / yêu cầu / chỉ đạo / kết luận ... :" or a group heading "1. Đối với X:".
2. Strip the lead-in and remember the bodies it names (inherited assignees).
3. Continue through following list items, headings and action paragraphs.
4. Split at ";" and sentence ends; strip connectors; a piece naming its own body gets that body;
   "Giao X chủ trì phối hợp với Y" gives lead X.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import organizations as orgs
from .chars import LET, LO
from .deadlines import find_deadline
from .places import find_places
from .segment import Span, list_marker_length, pieces, sentences

_TRIGGER = re.compile(
    rf"(?<!{LET})(?:đề nghị|yêu cầu|chỉ đạo|nhấn mạnh|lưu ý|quán triệt|kết luận(?: chỉ đạo)?|đề ra)(?!{LO})"
    rf"|(?<!{LET})(?:Đề nghị|Yêu cầu)(?!{LO})"
)
_SPEAKER = re.compile(
    rf"(?<!{LET})(?:[Đđ]ồng chí|[Ôô]ng|[Bb]à|[Ll]ãnh đạo|Bí thư|Chủ tịch|Trưởng [Bb]an|Ban Thường trực|"
    rf"Thường trực|[Tt]hời gian tới|Ban Thường vụ|Ban Chấp hành|Hội nghị (?:đã )?thống nhất)(?!{LO})"
)
# Trigger words used as nouns or objects are not the start of a direction.
_NOT_TRIGGER_BEFORE = re.compile(r"(?:đáp ứng|theo|với|sự|của|ý kiến|kiến nghị,|các|những|theo đúng|được)\s*$")
_NOT_TRIGGER_AFTER = re.compile(r"^\s*(?:của|đã đề ra|được|nêu|đặt ra|hội nghị\s*[,.]|hội nghị$)")
_COLON_AFTER = re.compile(r"\s*(?:như sau|sau)?\s*:")
_CONNECTORS = re.compile(
    r"^(?:\s*(?:[Đđ]ồng thời|[Tt]rước mắt|[Bb]ên cạnh đó|[Nn]goài ra|[Mm]ặt khác|[Đđ]ặc biệt(?: là)?|"
    r"[Tt]rong đó|[Cc]ùng với đó|[Tt]rong thời gian tới|[Tt]hời gian tới|[Tt]ừ nay đến cuối năm|"
    r"[Ss]au hội nghị(?: này)?|[Vv]ì vậy|[Dd]o đó|[Cc]ụ thể(?: là)?|[Tt]heo đó|[Nn]hất là|và)\s*,?\s+)+"
)
# "trong năm 2024, MTTQ ... " : a time phrase between the trigger and the bodies.
_TIME_LEAD = re.compile(r"(?:[Tt]rong|[Tt]ừ nay đến|[Đđ]ến hết|[Nn]gay trong)\s[^,:;]{1,40},\s*")
_NESTED_LEAD = re.compile(
    r"^(?:[Đđ]ồng chí\s+)?(?:cũng\s+)?(?:đề nghị|yêu cầu|chỉ đạo|lưu ý|giao)(?:\s+(?:cho|đối với))?\s+"
)
_HEADING = re.compile(r"(?:Đối với|Riêng|Với)\s+(?P<body>[^:]{2,120}?)\s*:\s*")
_GIAO = re.compile(r"^(?:[Gg]iao(?:\s+cho)?)\s+(?P<lead>.{2,100}?)\s+(?:làm\s+)?chủ trì\b")
_LEAD_SUBJECT = re.compile(r"^(?P<lead>.{2,100}?)\s+(?:làm\s+)?chủ trì\b")
_COORD = re.compile(r"phối hợp(?:\s+chặt chẽ)?\s+(?:với|cùng)\s+")
_TRAILING = re.compile(r"[\s.;,:…!]+$|\s*\.{2,}$|\s*\./\.$")
# A paragraph introducing a list of tasks ("Hội nghị thống nhất một số nhiệm vụ trọng tâm ...:").
_LIST_INTRO = re.compile(r"(?i)nhiệm vụ|giải pháp|kết luận|chỉ đạo|đề nghị|yêu cầu|thống nhất|phương hướng")
_NOT_LIST_INTRO = re.compile(r"(?i)kết quả|đạt được|hạn chế|tồn tại")
_MIN_WORDS = 3
_REPORT_START = re.compile(r"^(?:đã|Hội nghị đã|Qua đó|Kết quả|Tuy nhiên)\b")


@dataclass
class Directive:
    text: str
    assignees: list[str] = field(default_factory=list)
    lead: str | None = None
    deadline: str | None = None
    places: list[str] = field(default_factory=list)
    start: int = 0

    def as_dict(self) -> dict:
        return {
            "text": self.text,
            "assignees": self.assignees,
            "lead": self.lead,
            "deadline": self.deadline,
            "places": self.places,
        }


@dataclass
class Trigger:
    sentence: Span
    position: int
    content_start: int
    assignees: list[str]


def find_trigger(text: str, mtext: str, para: Span) -> Trigger | None:
    """The first sentence of a paragraph that opens a direction, with where its content starts."""
    for sent in sentences(mtext, para):
        s0, s1 = sent
        for m in _TRIGGER.finditer(mtext, s0, s1):
            before = mtext[max(s0, m.start() - 20) : m.start()]
            if _NOT_TRIGGER_BEFORE.search(before) or _NOT_TRIGGER_AFTER.match(mtext[m.end() : s1]):
                continue
            word = m.group(0).lower()
            colon = _COLON_AFTER.match(mtext, m.end(), s1)
            if word.startswith("kết luận") and not colon:
                continue
            if not _SPEAKER.search(mtext, s0, m.start()) and m.start() != s0 and not colon:
                continue
            if colon:
                return Trigger(sent, m.start(), colon.end(), [])
            return _lead_in(text, mtext, sent, m.start(), m.end())
    return None


def _lead_in(text: str, mtext: str, sent: Span, trig_start: int, pos: int) -> Trigger:
    """Content start and bodies named after the trigger ("đề nghị các cơ quan ... rà soát")."""
    s1 = sent[1]
    pos = _skip_spaces(mtext, pos, s1)
    conn = _CONNECTORS.match(mtext[pos:s1])
    if conn:
        pos = _skip_spaces(mtext, pos + conn.end(), s1)
    time_lead = _TIME_LEAD.match(mtext, pos, s1)
    if time_lead and orgs.starts_with_org(mtext[time_lead.end() : s1]):
        pos = time_lead.end()
    piece_end = _piece_end(mtext, pos, s1)
    colon = mtext.find(":", pos, piece_end)
    if colon >= 0:
        # "chỉ đạo các nhiệm vụ ... trong quý II và năm 2022: Cần rà soát ..."
        head = text[pos:colon]
        action = orgs.body_phrase_end(mtext, pos, colon)
        bodies = orgs.split_bodies(text[pos:action], mtext[pos:action]) if action else []
        if not bodies and orgs.starts_with_org(mtext[pos:colon]) and len(head) < 120:
            bodies = orgs.split_bodies(head, mtext[pos:colon])
        return Trigger(sent, trig_start, colon + 1, bodies)
    action = orgs.body_phrase_end(mtext, pos, piece_end)
    if action is not None:
        bodies = orgs.split_bodies(text[pos:action], mtext[pos:action])
        return Trigger(sent, trig_start, action, bodies)
    return Trigger(sent, trig_start, pos, [])


def _skip_spaces(s: str, pos: int, end: int) -> int:
    while pos < end and s[pos] in " ,":
        pos += 1
    return pos


def _piece_end(mtext: str, pos: int, end: int) -> int:
    semi = mtext.find(";", pos, end)
    return semi if semi >= 0 else end


def _starts_with_action(mtext: str, pos: int) -> bool:
    m = orgs.ACTION_RE.match(mtext, pos)
    return bool(m)


def find_directives(
    text: str, mtext: str, paras: list[Span], default_year: int | None
) -> tuple[list[Directive], list[Trigger]]:
    """Directives in text order and the triggers that opened them."""
    out: list[Directive] = []
    triggers: list[Trigger] = []
    active = False
    inherited: list[str] = []
    prev_colon = False
    for para in paras:
        p0, p1 = para
        marker = list_marker_length(mtext[p0:p1])
        body0 = p0 + marker
        heading = _HEADING.match(mtext, body0, p1)
        trig = None if heading else find_trigger(text, mtext, para)
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
            inherited = orgs.split_bodies(
                text[heading.start("body") : heading.end("body")], mtext[heading.start("body") : heading.end("body")]
            )
            start = heading.end()
        elif trig:
            active = True
            triggers.append(trig)
            inherited = trig.assignees
            start = trig.content_start
        elif active and (prev_colon or marker or _starts_with_action(mtext, _after_connectors(mtext, body0, p1))):
            start = body0
        else:
            active = False
            prev_colon = False
            continue
        prev_colon = mtext[p0:p1].rstrip().endswith(":")
        if start >= p1:
            continue
        inherited = _collect(text, mtext, (start, p1), inherited, default_year, out)
    return out, triggers


def _after_connectors(mtext: str, pos: int, end: int) -> int:
    conn = _CONNECTORS.match(mtext[pos:end])
    return pos + conn.end() if conn else pos


def _collect(
    text: str, mtext: str, span: Span, inherited: list[str], default_year: int | None, out: list[Directive]
) -> list[str]:
    for a, b in pieces(mtext, span):
        a += list_marker_length(mtext[a:b])
        a = _after_connectors(mtext, a, b)
        nested = _NESTED_LEAD.match(mtext[a:b])
        if nested:
            trig = _lead_in(text, mtext, (a, b), a, a + nested.end())
            a = trig.content_start
            if trig.assignees:
                inherited = trig.assignees
        heading = _HEADING.match(mtext, a, b)
        if heading:
            inherited = orgs.split_bodies(
                text[heading.start("body") : heading.end("body")], mtext[heading.start("body") : heading.end("body")]
            )
            a = heading.end()
        directive = _directive(text, mtext, a, b, inherited, default_year)
        if directive:
            out.append(directive)
    return inherited


def _directive(
    text: str, mtext: str, a: int, b: int, inherited: list[str], default_year: int | None
) -> Directive | None:
    trail = _TRAILING.search(mtext, a, b)
    if trail:
        b = trail.start()
    while b > a and mtext[b - 1] in " .;,:…":
        b -= 1
    if b <= a:
        return None
    piece, mpiece = text[a:b], mtext[a:b]
    if len(mpiece.split()) < _MIN_WORDS or _REPORT_START.match(mpiece):
        return None
    assignees, lead = list(inherited), None
    giao = _GIAO.match(mpiece) or _LEAD_SUBJECT.match(mpiece)
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
        own = orgs.body_phrase_end(mpiece, 0, len(mpiece))
        if own:
            assignees = orgs.split_bodies(piece[:own], mpiece[:own])
    return Directive(
        text=piece,
        assignees=assignees,
        lead=lead,
        deadline=find_deadline(mpiece, default_year),
        places=find_places(piece, mpiece),
        start=a,
    )


def _strip_giao(s: str) -> str:
    return re.sub(r"^(?:[Gg]iao(?:\s+cho)?)\s+", "", s)


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
