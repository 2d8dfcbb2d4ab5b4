"""Small pieces of Vietnamese office wording: dates, weekdays, titles."""

from __future__ import annotations

import datetime

from giaoban.core.text import fold, nfc

WEEKDAYS = ["thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật"]
# Longest first, so "Phó Bí thư" is found before "Bí thư".
POSITIONS = ["Phó Chánh Văn phòng", "Chánh Văn phòng", "Phó Bí thư", "Bí thư", "Phó Chủ tịch", "Chủ tịch",
             "Phó Trưởng ban", "Trưởng ban", "Phó Giám đốc", "Giám đốc"]


def short_date(day: datetime.date) -> str:
    """ "05/4/2022", as the seeds and office prose write a date."""
    return f"{day.day:02d}/{day.month}/{day.year}"


def weekday(day: datetime.date) -> str:
    return WEEKDAYS[day.weekday()]


def clock(time: datetime.time) -> str:
    """ "08 giờ 00" — the way an invitation gives the hour."""
    return f"{time.hour:02d} giờ {time.minute:02d}"


def sentence(text: str) -> str:
    """Capitalise the first letter and drop trailing punctuation, so a directive reads as a bullet."""
    text = nfc(text).rstrip(" .;,:")
    return text[:1].upper() + text[1:] if text else ""


def lower_first(text: str) -> str:
    """ "Hội nghị giao ban …" → "hội nghị giao ban …" inside a sentence (keeps acronyms such as "MTTQ")."""
    text = nfc(text)
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def position_of(title: str, default: str) -> str:
    """The post named in a title ("Phó Bí thư Thường trực huyện ủy" → "PHÓ BÍ THƯ"), upper-cased."""
    folded = fold(title)
    for position in POSITIONS:
        if fold(position) in folded:
            return position.upper()
    return default


def directive_deadline(directive) -> str:
    """The directives app's wording of a deadline ("trong tháng 8/2018", "trong quý II/2022")."""
    return nfc(directive.deadline_label() or "")
