from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from giaoban.reports.formatting import (
    NumberFormatError,
    format_money,
    format_money_words,
    format_number,
    parse_number,
)


@pytest.mark.parametrize(("text", "value"), [
    ("9.365", 9365), ("4.000.000.000 đ", 4_000_000_000), ("92,5", Decimal("92.5")), ("95%", 95),
    ("1.5", Decimal("1.5")), ("  ", None), (None, None), (126, 126), (92.5, Decimal("92.5")),
    ("4.000.000.000 đồng", 4_000_000_000),
])
def test_parse_number_reads_vietnamese_writing(text, value):
    assert parse_number(text) == (None if value is None else Decimal(value))


@pytest.mark.parametrize("text", ["nhiều", "1.2.3", "4 tỷ", "abc123", "--5"])
def test_parse_number_refuses_text(text):
    with pytest.raises(NumberFormatError):
        parse_number(text)


def test_format_the_vietnamese_way():
    assert format_number(Decimal(9365)) == "9.365"
    assert format_money(4_000_000_000) == "4.000.000.000 đ"
    assert format_money_words(4_000_000_000) == "4 tỷ đồng"
    assert format_money_words(4_250_000_000) == "4,25 tỷ đồng"
    assert format_money_words(350_000_000) == "350 triệu đồng"


@given(st.integers(min_value=0, max_value=10**15))
def test_format_then_parse_round_trips(number):
    assert parse_number(format_number(Decimal(number))) == number
