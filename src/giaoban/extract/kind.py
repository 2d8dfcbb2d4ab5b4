"""Kind of text: briefing, working_session, conference or other (see GUIDE.md)."""

from __future__ import annotations

import re

_MEETING = re.compile(
    r"(?i)hội nghị|giao ban|làm việc|họp|sơ kết|tổng kết|đại hội|hội thảo|tọa đàm|tập huấn|kết luận|"
    r"thông báo kết luận|đoàn kiểm tra|kiểm tra tại|kiểm tra công tác|kiểm tra việc|giám sát tại"
)
_BRIEFING = re.compile(r"(?i)giao ban")
_WORKING = re.compile(
    r"(?i)buổi làm việc|làm việc với|làm việc tại|đến làm việc|về làm việc|đoàn kiểm tra|kiểm tra tại|"
    r"kiểm tra công tác|kiểm tra việc|khảo sát tại|đoàn công tác"
)
_REVIEW = re.compile(
    r"(?i)sơ kết|tổng kết|đánh giá kết quả|kết quả (?:thực hiện|công tác|hoạt động)|hội nghị|"
    r"kỳ họp|phiên họp|họp"
)
_CONFERENCE_ONLY = re.compile(
    r"(?i)giữa nhiệm kỳ|đại hội|hội thảo|tập huấn|báo cáo viên|tọa đàm|"
    r"hội nghị triển khai|hội nghị thông tin|hội nghị học tập|quán triệt"
)


def detect_kind(lead: str, has_review_period: bool) -> str:
    """Kind from the title and lead paragraphs (matching copy)."""
    if not _MEETING.search(lead):
        return "other"
    if _BRIEFING.search(lead):
        return "briefing"
    if _WORKING.search(lead):
        return "working_session"
    if has_review_period and _REVIEW.search(lead) and not _CONFERENCE_ONLY.search(lead):
        return "briefing"
    return "conference"
