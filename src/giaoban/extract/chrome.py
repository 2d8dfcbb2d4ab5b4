"""Removal of web-portal chrome from extracted page text.

Portal pages carry navigation, attachment tables, comment boxes, visitor counters and lists of
other articles around the article body.  Lines that are pure chrome are dropped; a "tail" marker
(other news, comments, previous/next article) ends the body once some article text was seen.
"""

from __future__ import annotations

import re

from .chars import caseless_alternation

_LINE_CHROME = re.compile(
    r"^\s*(?:Lịch công tác|Tập tin đính kèm|STT\s+Tên\s+File|Hình ảnh\s*$|Video\s*$|Đánh giá\s*:|lượt đánh giá|"
    r"Đánh giá bài viết|Thống kê\s*:|Online\s*:|Đang truy cập|Lượt truy cập|Tổng (?:số )?lượt truy cập|Mã xác thực|"
    r"Liên kết website|Xuất bản thông tin|Chi tiết bài viết|In bài viết|Chia sẻ|Gửi email|Bản in|"
    r"Trang chủ\b|Tin tức\s*$|Tags?\s*:|Từ khóa\s*:|Từ khoá\s*:|Lượt xem|Xem thêm|Quay lại|"
    r"Bài trước|Bài tiếp theo|Bài sau|Tin mới|Tin đã đưa|Cỡ chữ|Kích thước chữ|Facebook|Twitter|Zalo|"
    r"Đăng nhập\b|Tìm kiếm\b|Thời tiết\b|null\s*$)",
    re.IGNORECASE,
)
_TAIL = re.compile(
    r"^\s*(?:Các tin khác|Các bài khác|Tin liên quan|Bài viết liên quan|Tin cùng chuyên mục|"
    r"Các tin đã đưa|Bình luận|Ý kiến bạn đọc|Gửi bình luận|Bài trước|Bài tiếp theo|Tin khác|"
    r"Nơi nhận\s*:|Văn bản mới|Tác giả\s*:|Nguồn\s*:|Thống kê truy cập|Liên kết website|Bản quyền)",
    re.IGNORECASE,
)
# "null " and a feed's date stamp ("date 2025-09-18 ") glued before the first line of the article.
_NULL_PREFIX = re.compile(r"^(?:null|date \d{4}-\d{2}-\d{2})\s+")
# Visitor counters inside a short line: "Cập nhật: 19/07/2021 | Lượt xem: 623".
_COUNTER = re.compile(r"(?:Lượt xem|Lượt đọc|Lượt truy cập|Số lượt xem)\s*:?\s*\d", re.IGNORECASE)
# Portal date lines such as "Thứ hai, 09/07/2018 | 13:59:32 GMT+7".
_DATELINE = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?\s*(?:GMT|\(GMT|$|\|)", re.IGNORECASE)
_BODY_CHARS = 200


_STAMP = re.compile(r"\s*date ((?:19|20)\d\d)-\d\d-\d\d\s")
# A page's own posting date near its top: "Đăng ngày 13/09/2018", "14/05/2024 - 19:50", "Cập nhật: 19/07/2021".
# Its two alternatives as two patterns, each opened so that the engine finds the places to try by a fast scan (the
# words spelled out by first letter, ``caseless_alternation``; the stamp by its consumed first digit, "(?<![\d/])"
# checked behind it): ``_posted`` takes the earlier match, the words' at one place, as the alternation would.
_POSTED_WORDS = re.compile(
    r"(?:"
    + caseless_alternation(["đăng ngày", "ngày đăng", "cập nhật", "đăng lúc", "ngày cập nhật"])
    + r")\s*:?\s*(?:\d{1,2}:\d{2}\s*,?\s*)?\d{1,2}/\d{1,2}/(?P<y>(?:19|20)\d\d)"
)
_POSTED_STAMP = re.compile(r"\d(?<![\d/]\d)\d?/\d{1,2}/(?P<y>(?:19|20)\d\d)\s*[-|,]?\s*\d{1,2}:\d{2}")
_POSTED_REACH = 400


def _posted(text: str, end: int) -> re.Match[str] | None:
    """The first posting date in ``text[:end]``: what the alternation of the two patterns finds."""
    words, stamp = _POSTED_WORDS.search(text, 0, end), _POSTED_STAMP.search(text, 0, end)
    if words is None or (stamp is not None and stamp.start() < words.start()):
        return stamp
    return words


def publication_year(text: str) -> int | None:
    """The year a page was posted: a feed's date stamp before the first line ("date 2025-09-18 …") or
    a posting date near the top ("Đăng ngày 13/09/2018", "14/05/2024 - 19:50"), if any."""
    m = _STAMP.match(text)
    if m:
        return int(m.group(1))
    posted = _posted(text, _POSTED_REACH) if "/" in text[:_POSTED_REACH] else None
    return int(posted.group("y")) if posted else None


def strip_chrome(text: str) -> str:
    """Article text without portal chrome, one paragraph a line."""
    kept: list[str] = []
    seen_body = 0
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            continue
        if _TAIL.match(line) and seen_body >= _BODY_CHARS:
            break
        short = len(line) < 100
        if _LINE_CHROME.match(line) or short and (_DATELINE.search(line) or _COUNTER.search(line)):
            continue
        line = _NULL_PREFIX.sub("", line)
        kept.append(line)
        if len(line) >= 80:
            seen_body += len(line)
    return "\n".join(kept)
