"""Letter classes and pattern helpers shared by the detectors."""

from __future__ import annotations

import re

import pytest

from giaoban.extract.chars import by_first_letter

WORDS = ["trước", "trước hết", "trong", "hạn", "hạn chót", "đến hết", "xong trước"]


@pytest.mark.parametrize(
    "text",
    ["hoàn thành trước hết ngày 5", "trong tháng, hạn chót là đến hết quý", "xong trước khi trongtrước", "không có"],
)
def test_grouping_by_first_letter_finds_what_the_flat_alternation_finds(text):
    flat = re.compile("(?:" + "|".join(WORDS) + r")(?!\w)")
    grouped = re.compile("(?:" + by_first_letter(WORDS) + r")(?!\w)")
    assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in flat.finditer(text)]


def test_grouping_keeps_the_order_of_the_alternatives_of_one_letter():
    assert by_first_letter(["trước", "trước hết", "hạn"]) == "t(?:rước|rước hết)|h(?:ạn)"


@pytest.mark.parametrize("alternatives", [["(?:a|b)c"], ["a?b"], ["Kết", "kêu"]])
def test_alternatives_that_cannot_be_grouped_safely_are_refused(alternatives):
    with pytest.raises(ValueError):
        by_first_letter(alternatives)
