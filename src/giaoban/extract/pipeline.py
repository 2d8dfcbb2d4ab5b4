"""Assembles the record from the detectors."""

from __future__ import annotations

import re

from . import learned
from . import meeting as mt
from .chars import caseless_alternation, new_text
from .chrome import publication_year, strip_chrome
from .dates import DateMention, DateScan, years_named
from .directives import Context, find_directives
from .figures import find_figures
from .htmltext import html_to_text, is_html_document
from .kind import detect_kind, gathering_kind, is_functions_page
from .learned import Trace
from .normalize import clean, match_form
from .people import find_people, unique
from .periods import (
    PeriodMention,
    congress_terms,
    find_periods,
    following_in_body,
    next_from_body,
    not_yet_over,
    reported_period,
    review_and_next,
    review_rank,
)
from .record import empty_record, person_dict
from .references import find_references
from .segment import paragraphs, pieces, sentences, unwrap

# A meeting article is a few pages; anything longer is capped so every input finishes quickly.
MAX_CHARS = 200_000


def extract(text: str) -> dict:
    """Extract the GUIDE.md record from one text. Never raises on any string."""
    try:
        return _extract(text)
    except RecursionError:
        return empty_record()


def _extract(text: str, trace: Trace | None = None, models: learned.Models | None = None) -> dict:
    """The record of ``text``; ``trace`` collects what the learned parts see, ``models`` says which parts are
    learned (the configured ones when None)."""
    new_text()
    if is_html_document(text[:4000]):
        # A saved page given as a string: its markup, scripts and menus are not the article.
        text = html_to_text(text[: MAX_CHARS * 4])
    text = clean(text)[:MAX_CHARS]
    # A feed's date stamp is chrome, but the year it was posted in is the last resort for a date's year.
    posted_year = publication_year(text)
    text = strip_chrome(unwrap(text))
    mtext = match_form(text)
    paras = paragraphs(mtext)
    if not paras:
        return empty_record()
    lead = mt.lead_paragraphs(mtext, paras)
    lead_text = "\n".join(mtext[a:b] for a, b in lead)

    refs = find_references(text, mtext)
    ref_spans = [(r.start, r.end) for r in refs]
    dates = DateScan(mtext)
    date_spans = [(d.start, d.end) for d in dates.dates]

    # One scan for periods; each use takes fresh copies because ranking fills in missing years.
    found_periods = find_periods(mtext)
    # The learned selector reads the periods as found (ranking below fills in years): copies, taken now.
    pristine_periods = [p.copy() for p in found_periods]
    scanned = [p for p in found_periods if not _inside(p.start, date_spans + ref_spans)]
    meeting_piece = None if _THE_MEETING.search(lead_text) else _first_meeting_piece(mtext, paras)
    # The text's years, read once: the date's history test and the fallback year both need them.
    years = years_named(mtext)
    date = mt.find_date(mtext, lead, ref_spans, paras, years, dates)
    fallback_year = date.year if date and date.year else (posted_year or _first_year(years))
    review, nxt, from_body = _review_and_next(mtext, paras, lead, meeting_piece, scanned, date, fallback_year)

    # The lead reports results ("mở các lớp tập huấn"): the sentence naming the meeting tells its kind.
    kind_text = mtext[meeting_piece[0] : meeting_piece[1]] if meeting_piece else lead_text
    if is_functions_page(mtext):
        return empty_record()
    kind = _kind(mtext, kind_text, review, nxt, from_body)
    # A gathering or a visit is read as a meeting, and kept as one only if someone gives directions in it.
    gathering = gathering_kind(lead_text) if kind == "other" else None
    tentative = gathering is not None
    kind = gathering or kind
    if kind == "other":
        return empty_record()

    record = empty_record(kind)
    if kind == "conference" and review and review.type != "term":
        # A conference reviews no month or year ("Hội nghị báo cáo viên tháng 7-2020" names its slot).
        review = None
    period_end_year = (review.end_year or review.year) if review else (nxt.year if nxt else None)
    midterm = bool(review and review.type == "term" and _MIDTERM.search(mtext))
    date_year = _date_year(date, review, period_end_year or fallback_year, posted_year, midterm) if date else None
    date_iso = date.iso(date_year) if date else None
    default_year = date_year or period_end_year or fallback_year

    people = find_people(text, mtext)
    by_verb = mt.chairs_by_verb(mtext, people, paras)
    context = Context(
        people,
        frozenset(p.name.casefold() for p in by_verb),
        nxt.key() if nxt else None,
        review_end=_period_end(review, default_year),
        date=(date.year or default_year, date.month) if date and (date.year or default_year) else None,
        default_year=default_year,
    )
    models = models or learned.configured()
    candidates = trace.candidates if trace is not None else ([] if models.directives is not None else None)
    directives, triggers = find_directives(text, mtext, paras, default_year, context, candidates)
    if candidates is not None:
        seen = trace if trace is not None else Trace(candidates)
        seen.mtext, seen.paras, seen.kind = mtext, paras, kind
        seen.periods, seen.period_starts = pristine_periods, [p.start for p in pristine_periods]
        seen.people = [(p.start, p.end) for p in people]
        seen.review = review.key() if review else None
        seen.next = nxt.key() if nxt else None
        if models.directives is not None:
            directives = learned.select(seen, models.directives, union=models.union)
    if tentative and not any(_ASKS.match(mtext, t.position) for t in triggers):
        # An exhortation at an anniversary ("kêu gọi hội viên …") directs no one.
        return empty_record()
    chairs = _chairs(mtext, people, triggers, paras, by_verb)

    if review and not nxt:
        nxt = next_from_body(mtext, [p.copy() for p in found_periods], review)
    if review and not nxt and kind == "briefing":
        nxt = following_in_body([p.copy() for p in scanned], review)
    if nxt is None and kind != "working_session":
        # A plan opened by a period that lies ahead ("6 tháng cuối năm, Hội …") names the next period.
        planned = next((t.period for t in triggers if t.period is not None), None)
        if planned is not None:
            nxt = planned.copy()
            nxt.year = nxt.year or default_year
    period_spans = [(p.start, p.end) for p in found_periods]
    figures = find_figures(text, mtext, date_spans + ref_spans + period_spans)

    record["meeting"] = {
        "date": date_iso,
        "period": review.as_dict() if review else None,
        "next_period": nxt.as_dict() if nxt else None,
        "host": mt.find_host(text, mtext, lead, paras),
        "chairs": chairs,
    }
    record["people"] = [person_dict(p.name, p.title) for p in unique(people) if p.title]
    record["directives"] = [d.as_dict() for d in directives]
    record["figures"] = [f.as_dict() for f in figures]
    record["references"] = [{"code": r.code, "type": r.type, "date": r.date} for r in refs]
    return record


def _review_and_next(
    mtext: str,
    paras: list[tuple[int, int]],
    lead: list[tuple[int, int]],
    meeting_piece: tuple[int, int] | None,
    scanned: list[PeriodMention],
    date: DateMention | None,
    fallback_year: int | None,
) -> tuple[PeriodMention | None, PeriodMention | None, bool]:
    """The period under review and the next one, chosen among the lead's periods (or, failing them,
    the whole text's qualified ones: the third value says so)."""
    # A preamble's periods ("Thực hiện Kế hoạch … năm 2024, …") are the plan's, not the meeting's.
    in_lead = [(a, b) for a, b in lead if not mt.is_preamble(mtext, (a, b))]
    if meeting_piece is not None:
        # A lead that only reports results ("Trong 6 tháng đầu năm, …"): the sentence naming the meeting
        # ("Hội nghị triển khai nhiệm vụ 6 tháng cuối năm, …") belongs with it.
        in_lead.append(meeting_piece)
    lead_periods = [p.copy() for p in scanned if _inside(p.start, in_lead)]
    from_body = not lead_periods
    if from_body:
        # A fragment or a lead pushed down by a preamble: the whole text's periods are candidates,
        # but only those a review or planning word qualifies.
        lead_periods = [p.copy() for p in scanned]
    meeting = (date.year, date.month) if date and date.year else None
    review, nxt = review_and_next(mtext, lead_periods, fallback_year, qualified_only=from_body, meeting=meeting)
    if review is None and nxt is None and not from_body:
        # The lead's periods were none of the meeting's ("phấn đấu đến tháng 9"): look further down.
        from_body = True
        review, nxt = review_and_next(
            mtext, [p.copy() for p in scanned], fallback_year, qualified_only=True, meeting=meeting
        )
    elif review is None and not from_body:
        # The lead names only the plan ("… thông qua Chương trình công tác năm 2021"): a period a review
        # word qualifies further down ("đánh giá những kết quả đạt được trong năm 2020") is reviewed.
        below, _ = review_and_next(
            mtext, [p.copy() for p in scanned], fallback_year, qualified_only=True, meeting=meeting
        )
        if below is not None and below.type != "term" and nxt is not None and _end(nxt) > _end(below):
            review = below
    congress = congress_terms(mtext, lead, scanned)
    if congress and (review is None or review.type == "term"):
        review, nxt = congress
    if review is None and not congress:
        # No period the lead or a review word names: the one whose work the text reports ("Năm 2025, các
        # cấp Hội đã …"), when it ends before the plan's.
        starts = [s for para in paras for s, _ in sentences(mtext, para)]
        reported = reported_period(mtext, [p.copy() for p in scanned], starts)
        if reported is not None:
            reported.year = reported.year or (nxt.year if nxt and nxt.type != "term" else fallback_year)
            if nxt is None or _end(nxt) > _end(reported):
                review = reported
    if review and not nxt and date and date.year:
        review, nxt = not_yet_over(review, date.year, date.month, date.day, scanned)
    if review and review.type == "year" and date and date.year == review.year and date.month <= _EARLY_MONTHS:
        # A year that has only begun ("Ngày 09/01/2020 … năm 2020") is the one being planned.
        review, nxt = None, nxt or review
    return review, nxt, from_body


_EARLY_MONTHS = 6
_MIDTERM = re.compile(r"(?i)giữa nhiệm kỳ")


def _kind(
    mtext: str, kind_text: str, review: PeriodMention | None, nxt: PeriodMention | None, from_body: bool
) -> str:
    # Only the lead's own review outweighs a conference word in it; a body's is weaker evidence.
    rank = review_rank(mtext, review) if review and not from_body else 0
    is_term = bool(review and review.type == "term")
    plans = bool(nxt and nxt.type != "term")
    follows = bool(plans and review and review.type == nxt.type and review.key() != nxt.key())
    return detect_kind(kind_text, review is not None, rank, is_term, plans, follows)


def _chairs(mtext: str, people: list, triggers: list, paras: list[tuple[int, int]], by_verb: list) -> list[dict]:
    """The chairs, once each, with the title of their first mention."""
    by_name = {p.name.casefold(): p for p in unique(people)}
    chairs: list[dict] = []
    for p in mt.find_chairs(mtext, people, [(t.sentence, t.position) for t in triggers], paras, by_verb):
        first = by_name.get(p.name.casefold(), p)
        if all(c["name"].casefold() != first.name.casefold() for c in chairs):
            chairs.append(person_dict(first.name, first.title))
    return chairs


def _date_year(
    date: DateMention,
    review: PeriodMention | None,
    default: int | None,
    posted: int | None,
    midterm: bool = False,
) -> int | None:
    """The meeting's year: its own, or the one that puts it closest to the end of the period under
    review (a meeting on 19/1 that reviews 2017 is in 2018, one on 28/12 in 2017); a term under review
    ("sơ kết giữa nhiệm kỳ 2021-2026") says little of it, the page's posting year more, and failing that a
    mid-term review falls in the middle of its term (2018-2023: 2021); else ``default``."""
    if date.year or review is None or not review.year:
        return date.year or default
    if review.type == "term":
        if posted is None and midterm and review.end_year and review.end_year > review.year:
            return review.year + (review.end_year - review.year + 1) // 2
        return posted or default
    end = (review.year, review.end_month() or 12)

    def distance(year: int) -> int:
        return abs((year - end[0]) * 12 + date.month - end[1])

    return min((review.year - 1, review.year, review.year + 1), key=distance)


def _period_end(p: PeriodMention | None, default_year: int | None) -> tuple[int, int] | None:
    """(year, month) the period ends in, the year filled in when the text leaves it out (0 when
    nothing gives it: "6 tháng đầu năm" still ends before "6 tháng cuối năm")."""
    if p is None:
        return None
    year = (p.end_year or p.year) if p.type == "term" else (p.year or default_year)
    return (year or 0, p.end_month() or 12)


def _end(p: PeriodMention) -> tuple[int, int]:
    return (p.end_year or p.year or 0) if p.type == "term" else (p.year or 0), p.end_month() or 12


def _first_year(years: list[int]) -> int | None:
    """The first year the text names (``years``, in text order), leaving out history ("Kỷ niệm 90 năm …
    (14/10/1930 – 14/10/2020)"): a year long before the text's latest one."""
    latest = max(years, default=0)
    return next((y for y in years if y >= latest - _HISTORY_YEARS), None)


_HISTORY_YEARS = 10


# Words that name the meeting itself; "tập huấn" or "hội thảo" in a results report do not, nor does
# "công tác kiểm tra" (the work) as against "đoàn kiểm tra", "kiểm tra tại" (a visit).
_THE_MEETING = re.compile(
    # The matches of "(?i)hội nghị|giao ban|…", each branch opened by a literal letter (``caseless_alternation``).
    caseless_alternation([
        "hội nghị", "giao ban", "sơ kết", "tổng kết", "cuộc họp", "buổi họp", "làm việc", "đại hội", "đoàn kiểm tra",
        "kiểm tra tại", "sinh hoạt chi bộ", "ký kết (?:chương trình|quy chế|kế hoạch)", "kiểm tra việc",
        "kiểm tra kết quả", "đoàn giám sát", "giám sát tại", "giám sát việc",
    ])
)


def _first_meeting_piece(mtext: str, paras: list[tuple[int, int]]) -> tuple[int, int] | None:
    """A fragment that starts mid-article names its meeting further down ("Tại Hội nghị sơ kết ..."):
    the sentence or ";"-piece that names it (the tasks after it may name other work, "kiểm tra, giám sát")."""
    for a, b in paras:
        if _THE_MEETING.search(mtext, a, b) and not _CAPTION.search(mtext, a, b):
            named = [(s0, s1) for s0, s1 in pieces(mtext, (a, b)) if _THE_MEETING.search(mtext, s0, s1)]
            # A task that names a meeting to hold ("- Tổ chức họp giao ban dư luận xã hội tháng 4") reports none.
            held = [(s0, s1) for s0, s1 in named if not _TASK_ITEM.match(mtext, s0, s1)]
            if held:
                return held[0]
    return None


_TASK_ITEM = re.compile(r"\s*(?:[-+•*]\s*|\d{1,2}[.)]\s*)?(?:Tổ chức|Chuẩn bị|Xây dựng|Phối hợp|Triển khai)\s")


# A photo caption ("(Ảnh: Tại Hội nghị)", "Quang cảnh hội nghị") names the meeting but tells nothing of it.
_CAPTION = re.compile(
    caseless_alternation([r"ảnh\s*:"], word_start=True) + "|" + caseless_alternation(["quang cảnh", "toàn cảnh"])
)


# Verbs that ask someone to act (an exhortation, "kêu gọi", does not).
_ASKS = re.compile(r"(?i)đề nghị|yêu cầu|chỉ đạo|giao|mong muốn|lưu ý|nhấn mạnh")


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)
