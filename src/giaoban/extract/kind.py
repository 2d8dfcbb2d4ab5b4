"""Kind of text: briefing, working_session, conference or other (see GUIDE.md)."""

from __future__ import annotations

import re

from .chars import caseless_alternation

# Each branch opened by a literal letter (``caseless_alternation``): the matches of "(?i)hội nghị|giao ban|…", faster.
MEETING_WORD = re.compile(
    caseless_alternation([
        "hội nghị", "giao ban", "làm việc", "họp", "sơ kết", "tổng kết", "đại hội", "hội thảo", "tọa đàm", "tập huấn",
        "kết luận", "sinh hoạt chi bộ",
        # Signing a cooperation programme is held as a conference ("Hội ND và Sở NNPTNT đã ký kết chương trình …").
        "ký kết (?:chương trình|quy chế|kế hoạch)",
        "thông báo kết luận", "đoàn kiểm tra", "kiểm tra tại", "kiểm tra công tác", "kiểm tra việc", "kiểm tra kết quả",
        "giám sát tại", "đoàn giám sát", "giám sát việc",
    ])
)
# A party cell's regular session ("sinh hoạt chi bộ thường kỳ tháng 11") reviews the month like a briefing.
_BRIEFING = re.compile(
    caseless_alternation(
        ["giao ban", "sinh hoạt chi bộ (?:thường kỳ|định kỳ)", "sinh hoạt (?:thường kỳ|định kỳ) chi bộ"]
    )
)
_WORKING = re.compile(
    caseless_alternation([
        "buổi làm việc", "làm việc với", "làm việc tại", "đến làm việc", "về làm việc", "đoàn kiểm tra", "kiểm tra tại",
        # Leaders meeting a delegation before it leaves ("gặp mặt 14 đại biểu … tham dự Đại hội", "Gặp mặt đoàn
        # đại biểu đi dự Đại hội …") hold a working session with it.
        r"gặp mặt(?:,? động viên)?(?: và giao nhiệm vụ cho)?\s+(?:\d+\s+)?(?:đoàn\s+)?đại biểu",
        "kiểm tra công tác", "kiểm tra việc", "kiểm tra kết quả", "khảo sát tại", "đoàn công tác", "đoàn giám sát",
        "giám sát việc", "giám sát tại",
    ])
)
_REVIEW = re.compile(
    caseless_alternation([
        "sơ kết", "tổng kết", "đánh giá kết quả", "kết quả (?:thực hiện|công tác|hoạt động)", "hội nghị", "kỳ họp",
        "phiên họp", "họp",
    ])
)
_PERIOD_REVIEW = re.compile(caseless_alternation(["sơ kết", "tổng kết"]))
_CONFERENCE_ONLY = re.compile(
    caseless_alternation([
        "giữa nhiệm kỳ", "đại hội", "hội thảo", "tập huấn", "báo cáo viên", "tọa đàm", "hội nghị triển khai",
        "hội nghị thông tin", "hội nghị học tập", "quán triệt",
    ])
)


# A document of its own ("KẾ HOẠCH", "CHỈ THỊ" as the first line) or news of one being issued
# ("đã ký ban hành Chỉ thị số 02") reports no meeting, even when it is about a congress.
_DOCUMENT_HEAD = re.compile(
    r"\s*(?:KẾ HOẠCH|CHỈ THỊ|NGHỊ QUYẾT|QUYẾT ĐỊNH|HƯỚNG DẪN|CÔNG VĂN|ĐIỀU LỆ|QUY CHẾ|QUY ĐỊNH|TỜ TRÌNH)\s*(?:\n|$)"
)
_ISSUED = re.compile(
    caseless_alternation(
        [
            w + r" ban hành\s+(?:Chỉ thị|Nghị quyết|Kế hoạch|Quyết định|Hướng dẫn|Công văn|Kết luận|Quy định)"
            for w in ("ký", "đã", "vừa")
        ]
    )
)
# An announcement of a meeting to come ("sẽ tổ chức Hội nghị ... vào 07 giờ 30 phút").
# Only the meeting's own future counts ("Hội nghị sẽ diễn ra …", "sẽ tổ chức Hội nghị …"), not that of an
# event the meeting prepares ("Tết Quân - Dân … sẽ diễn ra tại xã …").
_FUTURE = re.compile(
    caseless_alternation([
        *(rf"{meeting}[^.;]{{0,60}}?(?:sẽ|dự kiến)\s+(?:được\s+)?(?:tổ chức|diễn ra|khai mạc)"
          for meeting in ("hội nghị", "giao ban", "cuộc họp", "đại hội", "buổi làm việc")),
        *(rf"{will}\s+(?:tổ chức|khai mạc)\s+(?:hội nghị|giao ban|cuộc họp|đại hội)" for will in ("sẽ", "dự kiến")),
    ])
)
# A gathering that is no meeting: "tổ chức họp mặt nhân kỷ niệm …", "tổ chức Lễ …", "Ngày hội …".
# A body holds it ("Hội … tổ chức họp mặt"): a task line opening with "Tổ chức hội thi …" is no report of one.
_EVENT_HELD = re.compile(
    r"(?<=\S )tổ chức\s+(?:buổi\s+|chương trình\s+)?(?i:họp mặt|gặp mặt|lễ|ngày hội|hội thi|giải|liên hoan)(?![\w])"
)
# The event a text reports is named at its opening; a "Hội thi" among the tasks further on is none.
_OPENING_CHARS = 250
_MEETING_HELD = re.compile(
    caseless_alternation([
        r"tổ chức\s+(?:thành công\s+)?(?:hội nghị|giao ban|cuộc họp|buổi họp|kỳ họp|phiên họp|đại hội|"
        r"buổi làm việc|sơ kết|tổng kết)"
    ])
)
# A document's own words reported ("Tại Công văn số 59-CV/BCĐ …, Ban Chỉ đạo … đề nghị …").
_DOCUMENT_SAYS = re.compile(
    r"\s*(?:Tại|Theo|Trong)\s+(?:Công văn|Thông báo|Chỉ thị|Kết luận|Quyết định|Kế hoạch|Hướng dẫn|Nghị quyết|"
    r"Văn bản)\s+(?:số\s+)?\d"
)
_PAST = re.compile(
    caseless_alternation([
        *(rf"{done}\s+(?:tổ chức|diễn ra|khai mạc)" for done in ("đã", "vừa")),
        *(rf"{held}\s+(?:hội nghị\s+)?(?:vào\s+)?(?:sáng|chiều|ngày)" for held in ("tổ chức", "diễn ra")),
        # "Sáng 14/11, Thường trực Tỉnh ủy có buổi làm việc với … chuẩn bị cho Đại hội … Đại hội dự kiến diễn ra …":
        # the dated meeting took place; the congress it prepares is what lies ahead.
        *(rf"{when}\s+(?:ngày\s+)?\d{{1,2}}\s*[/.-]\s*\d{{1,2}}(?:[/.-]\d{{4}})?\s*,"
          r"(?:(?!sẽ|dự kiến)[^.;]){0,120}?(?:có buổi|làm việc với|tổ chức hội nghị|họp)"
          for when in ("sáng", "chiều", "tối", "ngày")),
    ])
)
_MEETING_EVENT = re.compile(
    caseless_alternation(["hội nghị", "giao ban", "cuộc họp", "buổi họp", "làm việc", "sơ kết", "tổng kết", "hội thảo",
                          "tọa đàm"])
)
# A review the text qualifies plainly ("đánh giá kết quả ... 9 tháng") outweighs a side topic
# such as "quán triệt một số văn bản"; the review of a term (a congress, a mid-term review) stays
# a conference.
_STRONG_REVIEW = 2


# A page that sets out a body's functions ("1/- Chức năng (trích từ Quy định 212-QĐ/TW …)") reports no meeting.
_FUNCTIONS_PAGE = re.compile(
    r"\s*(?:\d{1,2}\s*[./)-]+\s*)?(?:Chức năng|Nhiệm vụ,? quyền hạn|Vị trí,? chức năng|Cơ cấu tổ chức)(?![\w])"
)


def is_functions_page(mtext: str) -> bool:
    return bool(_FUNCTIONS_PAGE.match(mtext))


def detect_kind(
    lead: str,
    has_review_period: bool,
    review_rank: int = 0,
    review_is_term: bool = False,
    plans_next: bool = False,
    next_follows_review: bool = False,
) -> str:
    """Kind from the title and lead paragraphs (matching copy); ``review_rank`` says how plainly
    the text marks its period under review (see ``periods.review_rank``); ``next_follows_review``
    that the text sets out the tasks of the period after the one it reviews ("6 tháng đầu năm" and
    "nhiệm vụ 6 tháng cuối năm"), which is what a briefing does."""
    if not MEETING_WORD.search(lead) or _DOCUMENT_HEAD.match(lead) or _DOCUMENT_SAYS.match(lead):
        return "other"
    if _EVENT_HELD.search(lead, 0, _OPENING_CHARS) and not _MEETING_HELD.search(lead):
        return "other"
    if _ISSUED.search(lead) and not _MEETING_EVENT.search(lead):
        return "other"
    lowered = lead.lower()
    if ("sẽ" in lowered or "dự kiến" in lowered) and _FUTURE.search(lead) and not _PAST.search(lead):
        return "other"
    if _BRIEFING.search(lead):
        return "briefing"
    if _WORKING.search(lead):
        return "working_session"
    if has_review_period and (review_rank >= _STRONG_REVIEW or next_follows_review) and not review_is_term:
        return "briefing"
    # "sơ kết" that sets out the next quarter's tasks reviews the quarter behind it, named or not.
    if plans_next and _PERIOD_REVIEW.search(lead) and not _CONFERENCE_ONLY.search(lead):
        return "briefing"
    if has_review_period and _REVIEW.search(lead) and not _CONFERENCE_ONLY.search(lead):
        return "briefing"
    return "conference"


# A gathering or a visit ("tổ chức gặp mặt, chúc mừng …", "đến thăm và chúc mừng …", "có buổi gặp mặt, động viên
# và giao nhiệm vụ cho …") is a meeting only when a leader gives directions in it (see the pipeline): a visit of
# leaders to a body is a working session, a gathering a body holds is a conference.
_VISIT = re.compile(
    r"(?i)(?:đến thăm|thăm(?:,| và) chúc mừng|đến chúc mừng|buổi gặp mặt|gặp mặt(?:,| và) (?:động viên|giao nhiệm vụ)|"
    r"tiếp (?:đoàn|và làm việc))"
)
_GATHERING = re.compile(r"(?i)gặp mặt|gặp măt|họp mặt|chúc mừng|tri ân|giao lưu|lễ kỷ niệm|lễ kỉ niệm")


def gathering_kind(lead: str) -> str | None:
    """The kind of meeting a gathering or visit in the lead would be, if it has directions; else None."""
    if _DOCUMENT_HEAD.match(lead) or _DOCUMENT_SAYS.match(lead):
        return None
    if _VISIT.search(lead):
        return "working_session"
    return "conference" if _GATHERING.search(lead) else None
