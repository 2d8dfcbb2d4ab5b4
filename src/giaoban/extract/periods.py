"""Periods: "quý I/2022", "quý I năm 2020", "6 tháng đầu năm", "9 tháng", "tháng 6/2018", "năm 2022",
"nhiệm kỳ 2024-2029"; and which one is under review and which one is planned next."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .chars import caseless_alternation, caseless_form, matches_at, per_text, places_of

_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
_YEAR = r"(?:\s*(?:/|-|năm)?\s*(?P<{0}>(?:19|20)\d\d)(?![\d/]))?"
# The leading lookahead lets the scan skip positions that cannot start any alternative.
PERIOD_RE = re.compile(
    r"(?=[nN60sS9cC3bBqQtT])(?:(?i:nhiệm kỳ)\s+(?P<t1>(?:19|20)\d\d)\s*-\s*(?P<t2>(?:19|20)\d\d)"
    r"|(?P<half>(?i:6|06|sáu)\s+tháng\s+(?P<hpos>đầu|cuối)(?:\s+năm)?)"
    + _YEAR.format("hy")
    + r"|(?P<nine>(?i:9|09|chín)\s+tháng(?:\s+đầu\s+năm|\s+năm)?)"
    + _YEAR.format("ny")
    + r"|(?P<q3>(?i:3|03|ba)\s+tháng\s+(?P<qpos>đầu|cuối)\s+năm)"
    + _YEAR.format("q3y")
    # "quí" is a common spelling of "quý".
    + r"|(?i:qu[ýí])\s+(?P<q>IV|III|II|I|[1-4])(?![\w])"
    + _YEAR.format("qy")
    + r"|(?<!\d\s)(?i:tháng)\s+(?P<m>1[0-2]|0?[1-9])(?!\d)"
    + _YEAR.format("my")
    # "5 tháng cuối năm 2025" is a stretch of the year, not the year. The test behind "năm" is made after it (with
    # "năm" in it, which has just matched): the same test, and the long look behind is tried only where "năm" is,
    # not at every place the scan tries.
    + r"|(?i:năm)(?<!(?i:tháng cuối năm))(?<!(?i:tháng đầu năm))\s+(?P<y>(?:19|20)\d\d)(?![\d/-]))"
)
_NEXT_WORDS = re.compile(
    caseless_alternation(
        ["phương hướng", "triển khai(?: thực hiện)?", "kế hoạch", "chương trình"]
        + [r"nhiệm vụ trọng tâm(?= (?:của )?\S+ tới)"]
        # "đánh giá kết quả … , bàn nhiệm vụ 6 tháng cuối năm", "kết quả … và nhiệm vụ 3 tháng cuối năm"
        + ["bàn nhiệm vụ", "và nhiệm vụ", ", nhiệm vụ"]
        # "đề ra nhiệm vụ 6 tháng cuối năm", "Về nhiệm vụ quý II", "đề ra 11 nội dung thực hiện trong quý II"
        + ["đề ra", "về nhiệm vụ", r"nhiệm vụ(?: trọng tâm)? (?:của )?\S+ tới", "tập trung"]
        # "nhấn mạnh trong năm 2022, các cấp Hội cần …": a direction names the period it is for.
        + [
            w + r",?\s+(?:(?:trong|từ nay đến|đến hết)\s+)?$"
            for w in ("đề nghị", "yêu cầu", "nhấn mạnh", "chỉ đạo", "lưu ý")
        ]
    )
)
# "thực hiện", "trong" after a plan noun ("nội dung thực hiện trong quý II") belong to the plan.
# Spelled out by first letter (``caseless_alternation``); the tests behind "thực hiện" and "trong" made after their
# first letter ("(?<!nhiệm vụ .)": the same test one character on).
_NOT_AFTER_PLAN_NOUN = "(?<!nhiệm vụ .)(?<!nội dung .)(?<!thực hiện .)"
_REVIEW_WORDS = re.compile(
    caseless_alternation(["giao ban", "kết quả", "sơ kết", "tổng kết", "đánh giá", "tình hình", "qua"])
    + "|"
    + caseless_alternation([f"t{_NOT_AFTER_PLAN_NOUN}hực hiện", f"t{_NOT_AFTER_PLAN_NOUN}rong"])
)


@dataclass
class PeriodMention:
    type: str
    number: int | None
    year: int | None
    start: int
    end: int
    next: bool = False
    # A term's last year ("nhiệm kỳ 2021-2025" ends in 2025); None for other periods.
    end_year: int | None = None

    def copy(self) -> PeriodMention:
        """A fresh mention to rank: ranking marks plans and fills in missing years."""
        return PeriodMention(self.type, self.number, self.year, self.start, self.end, self.next, self.end_year)

    def key(self) -> tuple[str, int | None, int | None]:
        return self.type, self.year, self.number

    def as_dict(self) -> dict:
        return {"type": self.type, "year": self.year, "number": self.number}

    def end_month(self) -> int | None:
        """Last month of the period (for deadlines and year inference)."""
        if self.type == "month":
            return self.number
        if self.type == "quarter":
            return (self.number or 1) * 3
        if self.type == "half":
            return 6 if self.number == 1 else 12
        if self.type == "nine_months":
            return 9
        return 12


def _year(m: re.Match[str], group: str) -> int | None:
    value = m.group(group)
    return int(value) if value else None


# Every period names one of these words (case aside); a count of months ("6", "06", "sáu", …) stands before "tháng".
_ANCHORS = ("tháng", "năm", "quý", "quí", "nhiệm kỳ")
_COUNTS = frozenset(("3", "6", "9", "03", "06", "09", "ba", "sáu", "chín"))


def _period_matches(match_text: str, start: int, end: int) -> list[re.Match[str]]:
    """What ``PERIOD_RE.finditer(match_text, start, end)`` finds, found faster: the pattern is tried only where a
    period can start (at each of the anchor words, and at a count of months before "tháng"), not at every
    character of the text."""
    lower = caseless_form(match_text, start, end)
    if lower is None:
        return list(PERIOD_RE.finditer(match_text, start, end))
    places = places_of(lower, _ANCHORS)
    places.update(k for i in places_of(lower, ("tháng",)) for k in _count_starts(lower, i))
    return matches_at(PERIOD_RE, match_text, {start + i for i in places}, start, end)


def _count_starts(lower: str, month_word: int) -> list[int]:
    """Where a count of months ends right before the spaces before "tháng" at ``month_word``."""
    r = month_word
    while r > 0 and lower[r - 1].isspace():
        r -= 1
    if r == month_word:
        return []
    return [r - k for k in range(1, 5) if r >= k and lower[r - k : r] in _COUNTS]


def quarter_number(written: str) -> int:
    """The quarter a case-insensitive match of "IV|III|II|I|[1-4]" names (such a match may hold "İ", whose upper case
    is itself, or "ı")."""
    return _ROMAN.get(written.upper().replace("İ", "I")) or int(written)


def find_periods(match_text: str, start: int = 0, end: int | None = None) -> list[PeriodMention]:
    end = len(match_text) if end is None else end
    out: list[PeriodMention] = []
    for m in _period_matches(match_text, start, end):
        if m.group("t1"):
            out.append(PeriodMention("term", None, int(m.group("t1")), m.start(), m.end(), end_year=int(m.group("t2"))))
        elif m.group("half"):
            number = 1 if m.group("hpos").lower() == "đầu" else 2
            out.append(PeriodMention("half", number, _year(m, "hy"), m.start(), m.end()))
        elif m.group("nine"):
            out.append(PeriodMention("nine_months", None, _year(m, "ny"), m.start(), m.end()))
        elif m.group("q3"):
            number = 1 if m.group("qpos").lower() == "đầu" else 4
            out.append(PeriodMention("quarter", number, _year(m, "q3y"), m.start(), m.end()))
        elif m.group("q"):
            out.append(PeriodMention("quarter", quarter_number(m.group("q")), _year(m, "qy"), m.start(), m.end()))
        elif m.group("m"):
            out.append(PeriodMention("month", int(m.group("m")), _year(m, "my"), m.start(), m.end()))
        elif m.group("y"):
            out.append(PeriodMention("year", None, int(m.group("y")), m.start(), m.end()))
    return out


def classify(match_text: str, mentions: list[PeriodMention], window: int = 60) -> None:
    """Mark mentions whose nearest preceding keyword is a planning word as ``next``."""
    for p in mentions:
        p.next = _plans(match_text, p.start, p.end, window)


@per_text
def _plans(match_text: str, start: int, end: int, window: int) -> bool:
    """Whether the period at ``[start, end)`` is planned (``classify``; the same mentions are classified again by
    each choice of the periods, so each is read once a text)."""
    lo = max(0, start - window)
    clause = match_text[lo:start]
    # A clause ends at a sentence end, a ";" or the paragraph's start (a title before it says nothing of it).
    cut = max(clause.rfind("."), clause.rfind(";"), clause.rfind("\n"))
    if cut >= 0:
        clause = clause[cut + 1 :]
    nxt = [m.end() for m in _NEXT_WORDS.finditer(clause)]
    rev = [m.end() for m in _REVIEW_WORDS.finditer(clause)]
    after = match_text[end : end + 12].lower()
    planned = bool(nxt) and (not rev or max(nxt) >= max(rev)) or after.lstrip().startswith("tới")
    return planned or (cut >= 0 or lo == 0) and _opens_a_plan(match_text, end, clause)


# "Năm 2026, các cấp Hội sẽ tiếp tục …": a period that opens a clause whose verb plans is the next one.
_CLAUSE_OPENER = re.compile(r"(?i)\s*(?:(?:cụ thể|theo đó|đồng thời|tiếp theo)\s*,\s*)?(?:trong|đến|từ nay đến)?\s*$")
_PLAN_VERB = re.compile(r"(?i)(?<![\w])(?:sẽ|phấn đấu|cần|phải|dự kiến)(?![\w])")
_PAST_VERB = re.compile(r"(?<![\w])(?:đã|vừa)(?![\w])")


def _opens_a_plan(match_text: str, period_end: int, clause: str) -> bool:
    """Whether the period ending at ``period_end`` opens its clause (only connectors before it in ``clause``, which
    starts the clause) and the clause's verb plans."""
    if not _CLAUSE_OPENER.fullmatch(clause[clause.rfind(":") + 1 :]):
        return False
    end = min(len(match_text), period_end + 80)
    stop = next((i for i in range(period_end, end) if match_text[i] in ".;\n"), end)
    plan = _PLAN_VERB.search(match_text, period_end, stop)
    past = _PAST_VERB.search(match_text, period_end, stop)
    return plan is not None and (past is None or past.start() > plan.start())


def _start_month(p: PeriodMention) -> int:
    if p.type == "month":
        return p.number or 1
    if p.type == "quarter":
        return 3 * (p.number or 1) - 2
    if p.type == "half":
        return 7 if p.number == 2 else 1
    return 1


def _fill_years(mentions: list[PeriodMention], fallback: int | None, meeting: tuple[int, int] | None = None) -> None:
    """Years the text leaves out: the meeting's own year when its date says it (a period under review
    that would start after the meeting is last year's, a plan that would end before it next year's),
    else the next mention's, else ``fallback``."""
    for i, p in enumerate(mentions):
        if p.year is not None:
            continue
        if meeting is not None:
            year, month = meeting
            if p.next and (p.end_month() or 12) < month:
                year += 1
            elif not p.next and _start_month(p) > month:
                year -= 1
            p.year = year
            continue
        for q in mentions[i + 1 :]:
            if q.year is not None:
                year = q.year
                if q.type == p.type and p.type != "year" and (q.number or 0) < (p.number or 0):
                    year -= 1
                p.year = year
                break
        else:
            p.year = fallback


# What qualifies a period as the one under review: the results or review it names.
_REVIEW_CUE = re.compile(
    caseless_alternation(
        [
            cue + r"(?:(?!\b(?:triển khai|phương hướng|kế hoạch)\b)[^.;:]){0,80}$"
            for cue in ("đánh giá", "sơ kết", "tổng kết", "giao ban", "kết quả", "tình hình", "nhìn lại", "kiểm điểm",
                        "báo cáo(?! viên)")
        ]
    )
)
# A term names the body ("Ban Chấp hành ... nhiệm kỳ 2025-2030"), a regular meeting its slot
# ("định kỳ tháng 4"), a deadline its end ("đến tháng 9"): none of them is the period under review.
_NOT_REVIEW_BEFORE = re.compile(
    caseless_alternation([w + r"\s*$" for w in ("định kỳ", "đến", "trước", "từ", r"lần thứ \S+,?", r"khóa \S+,?")])
)
_TERM_REVIEW = re.compile(
    caseless_alternation([w + r"[^.;:]{0,90}$" for w in ("giữa nhiệm kỳ", "sơ kết", "tổng kết", "đánh giá")])
)


_STRONG = 2
_OLD_YEARS = 3
# "nhiệm vụ / phương hướng ... tới" name the plan itself; "Kế hoạch", "Chương trình" are as often a
# document's name, and a preamble ("Thực hiện Chương trình công tác năm 2022, ...") plans nothing.
_PLAN_STRONG = re.compile(
    caseless_alternation(
        [w + r"(?:(?!\b(?:kết quả|đánh giá)\b)[^.;:]){0,40}$" for w in ("nhiệm vụ", "phương hướng", "đề ra")]
        # "đề nghị năm 2018, Ủy ban MTTQ … tiếp tục …": the period a direction is given for.
        + [
            w + r",?\s+(?:(?:trong|từ nay đến|đến hết)\s+)?$"
            for w in ("đề nghị", "yêu cầu", "nhấn mạnh", "chỉ đạo", "lưu ý")
        ]
    )
)
_PREAMBLE = re.compile(r"(?i)(?:^|[.;]\s+|\n)(?:Thực hiện|Căn cứ|Theo|Triển khai)\s[^,.;]{0,120}$")


def _plan_rank(match_text: str, p: PeriodMention) -> int:
    return _plan_rank_at(match_text, p.start, p.end)


@per_text
def _plan_rank_at(match_text: str, start: int, end: int) -> int:
    before = match_text[max(0, start - 130) : start]
    if _PREAMBLE.search(before):
        return 0
    if match_text[end : end + 6].strip().lower().startswith("tới"):
        return _STRONG
    return _STRONG if _PLAN_STRONG.search(before[-60:]) else 1


def review_rank(match_text: str, p: PeriodMention) -> int:
    """How strongly the text marks ``p`` as the period under review (higher is stronger)."""
    return _review_rank(match_text, p.start, p.type == "term")


@per_text
def _review_rank(match_text: str, start: int, term: bool) -> int:
    """``review_rank`` of a period starting at ``start`` (read once a text: each choice of the periods asks it)."""
    before = match_text[max(0, start - 100) : start]
    if term:
        return 1 if _TERM_REVIEW.search(before) else -3
    if _NOT_REVIEW_BEFORE.search(before) or _PREAMBLE.search(before):
        return -2
    return 2 if _REVIEW_CUE.search(before) else 0


def review_and_next(
    match_text: str,
    mentions: list[PeriodMention],
    fallback_year: int | None,
    qualified_only: bool = False,
    meeting: tuple[int, int] | None = None,
) -> tuple[PeriodMention | None, PeriodMention | None]:
    """The period under review and the next period among the mentions (the lead's, or the whole
    text's when the lead names none).

    Every mention is a candidate: a planning word before it makes it the next period, and among
    the others the one a review word qualifies wins over a bare one (a title's, a term's)."""
    if not mentions:
        return None, None
    classify(match_text, mentions)
    _fill_years(mentions, fallback_year, meeting)
    planned = {p.key() for p in mentions if p.next}
    # A title often names the meeting by the period it plans ("GIAO BAN ... THÁNG 11/2025").
    reviews = [p for p in mentions if not p.next and p.key() not in planned] or [p for p in mentions if not p.next]
    plan_rank = {id(p): _plan_rank(match_text, p) for p in mentions if p.next}
    rank = {id(p): review_rank(match_text, p) for p in reviews}
    plans = sorted((p for p in mentions if p.next), key=lambda p: -plan_rank[id(p)])
    plan = next((p for p in plans if not qualified_only or plan_rank[id(p)] >= _STRONG), None)
    # Among equally qualified candidates, the one of the plan's kind wins ("sơ kết … quý I và đề ra
    # chương trình quý II", beside an event's "năm 2024").
    # A year long before the others is a name's or an anniversary's ("Hội Chiến sĩ … năm 1972"): last.
    latest = max((p.year or 0 for p in reviews), default=0)
    ranked = sorted(
        reviews,
        key=lambda p: (-rank[id(p)], not (plan and p.type == plan.type), (p.year or latest) < latest - _OLD_YEARS),
    )
    floor = _STRONG if qualified_only else -1
    review = next((p for p in ranked if rank[id(p)] >= floor), None)
    plans = [p for p in plans if review is None or p.key() != review.key()]
    nxt = next((p for p in plans if not qualified_only or plan_rank[id(p)] >= _STRONG), None)
    if review and nxt and _end_key(nxt) <= _end_key(review) and review.year is not None:
        # A plan for a period that ends before the review's is a mis-read: keep the review only.
        nxt = None
    return review, nxt


# "phương hướng(,) nhiệm vụ quý II năm 2025" in the body names the period being planned.
# So does "(các) nhiệm vụ trọng tâm (trong) quý IV" when it ends after the period under review.
_PLAN_BEFORE = re.compile(
    r"(?i)(?:phương hướng(?:,?\s+nhiệm vụ)?|nhiệm vụ)(?:\s+(?:công tác|trọng tâm|chủ yếu))?(?:\s+(?:trong|của))?\s*$"
)


def _end_key(p: PeriodMention) -> tuple[int, int]:
    return (p.year or 0, p.end_month() or 12)


def next_from_body(match_text: str, mentions: list[PeriodMention], review: PeriodMention) -> PeriodMention | None:
    """When the lead names no next period: the first body period right after "phương hướng
    (nhiệm vụ)" that ends after the period under review."""
    for p in mentions:
        if not _PLAN_BEFORE.search(match_text, max(0, p.start - 40), p.start):
            continue
        if p.year is None:
            p.year = review.year
        if p.key() != review.key() and _end_key(p) > _end_key(review):
            return p
    return None


# A congress being held ("tổ chức (thành công) Đại hội ...", "phát biểu tại Đại hội ...") opens the term
# it names; an earlier term the text mentions is the one under review.
# "(?i)(?<!công tác )(?<!việc )(?:tổ chức|…)\s+(?:thành công\s+)?đại hội" spelled out by first letter
# (``caseless_alternation``; the tests behind made after the first letter, one character on): the same matches by a
# fast scan.
_CONGRESS_HELD = re.compile(
    caseless_alternation([
        rf"{w[0]}(?<!công tác .)(?<!việc .){w[1:]}\s+(?:thành công\s+)?đại hội"
        for w in ("tổ chức", "khai mạc", "diễn ra", "bế mạc", "tại")
    ])
)
_CONGRESS_REACH = 200
# A union's delegates' conference ("Hội nghị Đại biểu Công đoàn phường …") is its congress.
_CONGRESS_NAMED = re.compile(r"(?:[Đđ]ại hội|[Hh]ội nghị [Đđ]ại biểu)(?:(?![.;]).)*$")
_HELD_AFTER = re.compile(
    r"\s*\)?[\s,]*(?:đã\s+|đã được\s+|được\s+|chính thức\s+|vừa\s+)?"
    r"(?:khai mạc|diễn ra|bế mạc|tổ chức|thành công)(?![\w])"
)


def congress_terms(
    match_text: str, lead: list[tuple[int, int]], mentions: list[PeriodMention]
) -> tuple[PeriodMention | None, PeriodMention] | None:
    """(term under review or None, term ahead) when the lead reports a congress, else None."""
    terms = [p for p in mentions if p.type == "term"]
    if not terms:
        return None
    for a, b in lead:
        for held in _CONGRESS_HELD.finditer(match_text, a, b):
            ahead = next((p for p in terms if held.end() <= p.start <= min(b, held.end() + _CONGRESS_REACH)), None)
            if ahead is None:
                continue
            return _earlier_term(terms, ahead) or _stage_reviewed(match_text, ahead), ahead
        # "Đại hội đại biểu … lần thứ I, nhiệm kỳ 2025-2030 chính thức khai mạc": the congress named, then held.
        for ahead in (p for p in terms if a <= p.start < b):
            named = _CONGRESS_NAMED.search(match_text, max(a, ahead.start - _CONGRESS_REACH), ahead.start)
            if named and _HELD_AFTER.match(match_text, ahead.end, b):
                return _earlier_term(terms, ahead) or _stage_reviewed(match_text, ahead), ahead
    return None


# "Đại hội đã đánh giá kết quả hoạt động Hội giai đoạn 2023-2025": the stretch a first congress reviews, ending
# as its term begins, is the term under review.
_STAGE_REVIEWED = re.compile(
    r"(?i)(?:đánh giá|tổng kết|nhìn lại|kết quả)[^.;:]{0,60}?giai đoạn\s+(?P<y1>(?:19|20)\d\d)\s*[-–]\s*"
    r"(?P<y2>(?:19|20)\d\d)(?!\d)"
)


def _stage_reviewed(match_text: str, ahead: PeriodMention) -> PeriodMention | None:
    for m in _STAGE_REVIEWED.finditer(match_text):
        first, last = int(m.group("y1")), int(m.group("y2"))
        if first < last == ahead.year:
            return PeriodMention("term", None, first, m.start("y1"), m.end("y2"), end_year=last)
    return None


def _earlier_term(terms: list[PeriodMention], ahead: PeriodMention) -> PeriodMention | None:
    earlier = [p for p in terms if p.year is not None and ahead.year is not None and p.year < ahead.year]
    return earlier[0] if earlier else None


# A month or quarter still running on the meeting's day is the one being planned, and the period
# before it is under review ("giao ban công tác Hội tháng 4" held on 5/4 reviews March).
_STILL_RUNNING_DAYS = 15


def _previous(p: PeriodMention) -> tuple[str, int | None, int | None] | None:
    if p.year is None or p.number is None or p.type not in ("month", "quarter"):
        return None
    if p.number > 1:
        return p.type, p.year, p.number - 1
    return p.type, p.year - 1, 12 if p.type == "month" else 4


def not_yet_over(
    review: PeriodMention, year: int, month: int, day: int, mentions: list[PeriodMention]
) -> tuple[PeriodMention | None, PeriodMention | None]:
    """(review, next) once a review period that had not ended by the meeting is read as the plan;
    the previous period is the review when the text names it."""
    previous = _previous(review)
    end_month = review.end_month() or 12
    if (
        previous is None
        or (year, month) > (review.year, end_month)
        or (year, month) < (review.year, end_month - (2 if review.type == "quarter" else 0))
    ):
        return review, None
    if (year, month) == (review.year, end_month) and day > _STILL_RUNNING_DAYS:
        return review, None
    earlier = next((p for p in mentions if (p.type, p.year or review.year, p.number) == previous), None)
    if earlier is None:
        return review, None
    return PeriodMention(earlier.type, earlier.number, previous[1], earlier.start, earlier.end), review


# A sentence that opens with a period and goes on to report what was done in it ("Năm 2025, các cấp Hội
# đã bám sát …", "Trong 6 tháng đầu năm, MTTQ đã …"): that period is the one the meeting reviews.
_OPENS_WITH = re.compile(
    r"(?i)(?:[^.;:]*:\s*|[^.;:]*(?<![\w])(?:cho biết|báo cáo|thông tin)\s*,?\s*)?"
    r"(?:(?:cụ thể|theo đó|qua đó|nhìn chung)\s*,\s*)?(?:trong|qua|sau)?\s*"
)
_REPORTS = re.compile(r"(?<![\w])(?:đã|đạt|vừa|được)(?![\w])")
_PLANS_AFTER = re.compile(r"(?i)(?<![\w])(?:sẽ|tiếp tục|phấn đấu|cần|phải|tới|dự kiến)(?![\w])")
_REPORT_REACH = 160


def reported_period(match_text: str, mentions: list[PeriodMention], sentence_starts: list[int]) -> PeriodMention | None:
    """The first period (not a term) that opens a sentence reporting past work, or None."""
    starts = sorted(sentence_starts)
    for p in mentions:
        if p.type == "term":
            continue
        start = _sentence_start(starts, p.start)
        if start is None or not _OPENS_WITH.fullmatch(match_text, start, p.start):
            continue
        stop = min(len(match_text), p.end + _REPORT_REACH)
        end = next((i for i in range(p.end, stop) if match_text[i] in ".;\n"), stop)
        report = _REPORTS.search(match_text, p.end, end)
        if report and not _PLANS_AFTER.search(match_text, p.end, report.start()):
            return p
    return None


def _sentence_start(starts: list[int], pos: int) -> int | None:
    before = [s for s in starts if s <= pos]
    return before[-1] if before else None


def following(review: PeriodMention) -> tuple[str, int, int | None] | None:
    """(type, year, number) of the period right after ``review``, when it is one a briefing plans."""
    if review.year is None:
        return None
    if review.type == "year":
        return "year", review.year + 1, None
    if review.type == "half" and review.number == 1:
        return "half", review.year, 2
    if review.type == "nine_months":
        return "quarter", review.year, 4
    if review.type in ("quarter", "month") and review.number:
        last = 4 if review.type == "quarter" else 12
        if review.number < last:
            return review.type, review.year, review.number + 1
        return review.type, review.year + 1, 1
    return None


def following_in_body(mentions: list[PeriodMention], review: PeriodMention) -> PeriodMention | None:
    """The first mention of the period right after the one under review ("sơ kết 6 tháng đầu năm" … "6 tháng
    cuối năm"): a briefing that names it sets out its tasks."""
    key = following(review)
    if key is None:
        return None
    for p in mentions:
        year = p.year if p.year is not None else key[1]
        if (p.type, year, p.number) == key:
            return PeriodMention(p.type, p.number, year, p.start, p.end, True)
    return None
