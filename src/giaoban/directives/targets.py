"""Targets (chỉ tiêu) written in a directive: "đạt tỷ lệ 90 – 95%", "100 suất quà"."""

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

_NUMBER = r"\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?"
_RANGE_PERCENT = re.compile(rf"({_NUMBER})\s*(?:%\s*)?[-–—]\s*({_NUMBER})\s*%")
_PERCENT = re.compile(rf"({_NUMBER})\s*%")


@dataclass(frozen=True)
class Target:
    text: str
    value: Decimal | None = None
    value_max: Decimal | None = None
    unit: str = ""


def _number(raw: str) -> Decimal | None:
    """Vietnamese number: "9.365" is 9365, "3,5" is 3.5."""
    try:
        return Decimal(raw.replace(".", "").replace(",", "."))
    except InvalidOperation:
        return None


def find_target(text: str) -> Target | None:
    """A percent target or range in the text, if it names one."""
    match = _RANGE_PERCENT.search(text or "")
    if match:
        return Target(match.group(0), _number(match.group(1)), _number(match.group(2)), "%")
    match = _PERCENT.search(text or "")
    if match:
        return Target(match.group(0), _number(match.group(1)), None, "%")
    return None
