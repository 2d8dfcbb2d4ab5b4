"""Numbers the Vietnamese way: "9.365", "92,5", "4.000.000.000 đ", "4 tỷ đồng"; and back.

Pure Python: used by templates, the Excel import and tests alike.
"""

import re
from decimal import Decimal, InvalidOperation

_SCALES = [(Decimal(10) ** 9, "tỷ"), (Decimal(10) ** 6, "triệu"), (Decimal(10) ** 3, "nghìn")]


def format_number(value: Decimal | int | None, places: int | None = None) -> str:
    """Dots between thousands, a comma before decimals, no trailing zeros: 9365 → "9.365", 92.50 → "92,5"."""
    if value is None:
        return ""
    number = Decimal(value)
    if places is not None:
        number = number.quantize(Decimal(1).scaleb(-places))
    sign = "-" if number < 0 else ""
    text = f"{abs(number):f}"
    whole, _sep, fraction = text.partition(".")
    fraction = fraction.rstrip("0")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return sign + ".".join(groups) + ("," + fraction if fraction else "")


def format_money(value: Decimal | int | None) -> str:
    """Whole đồng with the symbol: "4.000.000.000 đ"."""
    if value is None:
        return ""
    return f"{format_number(Decimal(value), 0)} đ"


def format_money_words(value: Decimal | int | None) -> str:
    """The way reports write big sums: "4 tỷ đồng", "4,25 tỷ đồng", "350 triệu đồng"."""
    if value is None:
        return ""
    number = Decimal(value)
    for scale, word in _SCALES:
        if abs(number) >= scale:
            return f"{format_number((number / scale).quantize(Decimal('0.01')))} {word} đồng"
    return f"{format_number(number, 0)} đồng"


class NumberFormatError(ValueError):
    """Text that is not a number as offices write them."""


_GROUPED_DOTS = re.compile(r"^\d{1,3}(\.\d{3})+(,\d+)?$")
_GROUPED_COMMAS = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$")


def parse_number(text: str | int | float | Decimal | None) -> Decimal | None:
    """Read "9.365", "92,5", "4.000.000.000 đ", "95%" or a spreadsheet number; None for blank.

    A single dot followed by exactly three digits ("1.500") is a thousands
    separator, as in Vietnamese writing; "1.5" is a decimal point.
    """
    if text is None:
        return None
    if isinstance(text, bool):
        raise NumberFormatError(str(text))
    if isinstance(text, int | Decimal):
        return Decimal(text)
    if isinstance(text, float):
        return Decimal(repr(text))
    cleaned = str(text).strip().replace("\u00a0", " ")
    cleaned = re.sub(r"\s*(đồng|đ|vnđ|vnd|%)$", "", cleaned, flags=re.IGNORECASE).replace(" ", "")
    if not cleaned:
        if str(text).strip():
            raise NumberFormatError(str(text))
        return None
    sign = ""
    if cleaned[0] in "+-":
        sign, cleaned = ("-" if cleaned[0] == "-" else ""), cleaned[1:]
    if _GROUPED_DOTS.match(cleaned):
        cleaned = cleaned.replace(".", "").replace(",", ".")
    elif _GROUPED_COMMAS.match(cleaned) and "." in cleaned:
        cleaned = cleaned.replace(",", "")
    elif cleaned.count(",") == 1 and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    if not re.fullmatch(r"\d+(\.\d+)?", cleaned):
        raise NumberFormatError(str(text))
    try:
        return Decimal(sign + cleaned)
    except InvalidOperation as error:
        raise NumberFormatError(str(text)) from error
